"""Time expressions (placeholder)."""

from __future__ import annotations

import datetime as dt

from geonews._internal.document import Document
from geonews._internal.model import TimeRef


def find_times(doc: Document, published: dt.date | None) -> list[TimeRef]:
    """Return every time expression in `doc`, resolved against `published`.

    Examples:
        >>> find_times(Document(""), None)
        []
    """
    del doc, published
    return []
