"""Find shipments in an article (placeholder until its issue lands)."""

from __future__ import annotations

from geonews._internal.context import Context
from geonews._internal.model import Shipment


def find_shipments(ctx: Context) -> list[Shipment]:
    """Return the shipments stated in the article, in text order.

    Examples:
        >>> from geonews._internal.context import Context
        >>> from geonews._internal.document import Document
        >>> ctx = Context(doc=Document(""), published=None, actors=(), mentions=[],
        ...               places=[], times=[], quantities=[])
        >>> find_shipments(ctx)
        []
    """
    del ctx
    return []
