"""Places (placeholder)."""

from __future__ import annotations

from geonews._internal.document import Document
from geonews._internal.model import Place


def find_places(doc: Document) -> list[Place]:
    """Return every named place in `doc`.

    Examples:
        >>> find_places(Document(""))
        []
    """
    del doc
    return []
