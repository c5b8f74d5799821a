"""Quantities (placeholder)."""

from __future__ import annotations

from geonews._internal.document import Document
from geonews._internal.model import Quantity


def find_quantities(doc: Document) -> list[Quantity]:
    """Return every quantity in `doc`.

    Examples:
        >>> find_quantities(Document(""))
        []
    """
    del doc
    return []
