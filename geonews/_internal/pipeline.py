"""`parse_article`: the steps from text to `Article`, in order."""

from __future__ import annotations

import datetime as dt

from geonews._internal.document import Document
from geonews._internal.model import Article


def _published(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
        raise ValueError(
            f"published={value!r} is not a date: pass an ISO date such as '2022-01-22', "
            "a datetime.date, a datetime.datetime, or None"
        )
    raise ValueError(
        f"published must be a str, datetime.date, datetime.datetime or None, "
        f"not {type(value).__name__}: pass an ISO date such as '2022-01-22'"
    )


def parse_article(text: str, *, published: str | dt.date | dt.datetime | None = None) -> Article:
    """Parse one English news article into quotes, meetings, demands and shipments.

    Args:
        text: the article, headline first, paragraphs separated by blank lines.
        published: the publication date, against which "on Friday" or "next week"
            are resolved; None leaves relative times unresolved.

    Returns:
        An `Article` whose spans index `text`.

    Raises:
        TypeError: `text` is not a `str`.
        ValueError: `published` cannot be read as a date.

    Examples:
        >>> article = parse_article("Russia and Ukraine.", published="2022-01-22")
        >>> article.published
        datetime.date(2022, 1, 22)
        >>> parse_article(b"bytes")
        Traceback (most recent call last):
        ...
        TypeError: text must be a str, not bytes: decode it first (text.decode('utf-8'))
    """
    if not isinstance(text, str):
        hint = (
            ": decode it first (text.decode('utf-8'))"
            if isinstance(text, bytes | bytearray)
            else ""
        )
        raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")
    day = _published(published)
    Document(text)
    return Article(text=text, published=day)
