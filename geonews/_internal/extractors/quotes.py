"""Find quotes in an article (placeholder until its issue lands)."""

from __future__ import annotations

from geonews._internal.context import Context
from geonews._internal.model import Quote


def find_quotes(ctx: Context) -> list[Quote]:
    """Return the quotes stated in the article, in text order.

    Examples:
        >>> from geonews._internal.context import Context
        >>> from geonews._internal.document import Document
        >>> ctx = Context(doc=Document(""), published=None, actors=(), mentions=[],
        ...               places=[], times=[], quantities=[])
        >>> find_quotes(ctx)
        []
    """
    del ctx
    return []
