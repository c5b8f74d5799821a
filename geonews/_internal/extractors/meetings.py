"""Find meetings in an article (placeholder until its issue lands)."""

from __future__ import annotations

from geonews._internal.context import Context
from geonews._internal.model import Meeting


def find_meetings(ctx: Context) -> list[Meeting]:
    """Return the meetings stated in the article, in text order.

    Examples:
        >>> from geonews._internal.context import Context
        >>> from geonews._internal.document import Document
        >>> ctx = Context(doc=Document(""), published=None, actors=(), mentions=[],
        ...               places=[], times=[], quantities=[])
        >>> find_meetings(ctx)
        []
    """
    del ctx
    return []
