"""Find demands in an article (placeholder until its issue lands)."""

from __future__ import annotations

from geonews._internal.context import Context
from geonews._internal.model import Demand


def find_demands(ctx: Context) -> list[Demand]:
    """Return the demands stated in the article, in text order.

    Examples:
        >>> from geonews._internal.context import Context
        >>> from geonews._internal.document import Document
        >>> ctx = Context(doc=Document(""), published=None, actors=(), mentions=[],
        ...               places=[], times=[], quantities=[])
        >>> find_demands(ctx)
        []
    """
    del ctx
    return []
