"""`parse_article`: the steps from text to `Article`, in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Final, Protocol

from geonews._internal.actors import find_actors
from geonews._internal.context import Context
from geonews._internal.document import Document
from geonews._internal.extractors.demands import find_demands
from geonews._internal.extractors.meetings import find_meetings
from geonews._internal.extractors.quotes import find_quotes
from geonews._internal.extractors.shipments import find_shipments
from geonews._internal.mentions.places import find_places
from geonews._internal.mentions.quantities import find_quantities
from geonews._internal.mentions.times import find_times
from geonews._internal.model import Article, Span


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
    return run_steps(text, _published(published))


#: The steps of `run_steps`, in order, as it names them to its `lap` callback; ``article``
#: is handing the mentions to the extractors and building the `Article` record.
STEPS: Final = (
    "document",
    "actors",
    "places",
    "times",
    "quantities",
    "quotes",
    "meetings",
    "demands",
    "shipments",
    "article",
)


def _no_lap(step: str) -> None:
    """The `lap` of `parse_article`: nothing to time."""


def run_steps(text: str, day: dt.date | None, lap: Callable[[str], None] = _no_lap) -> Article:
    """Run the pipeline on `text`, calling `lap(step)` as each step of `STEPS` ends.

    `parse_article` is this with its arguments checked; the benchmark passes a `lap`
    that reads a clock, so it times exactly the steps that `parse_article` runs.

    Examples:
        >>> steps = []
        >>> article = run_steps("Russia and Ukraine.", None, steps.append)
        >>> steps[:3]
        ['document', 'actors', 'places']
        >>> set(steps) == set(STEPS)
        True
    """
    doc = Document(text)
    lap("document")
    actors, mentions = find_actors(doc)
    lap("actors")
    places = find_places(doc)
    lap("places")
    times = find_times(doc, day)
    lap("times")
    quantities = find_quantities(doc)
    lap("quantities")
    ctx = Context(
        doc=doc,
        published=day,
        actors=actors,
        mentions=mentions,
        places=places,
        times=times,
        quantities=quantities,
    )
    lap("article")
    quotes = sorted(find_quotes(ctx), key=_order)
    lap("quotes")
    meetings = sorted(find_meetings(ctx), key=_order)
    lap("meetings")
    demands = sorted(find_demands(ctx), key=_order)
    lap("demands")
    shipments = sorted(find_shipments(ctx), key=_order)
    lap("shipments")
    article = Article(
        text=text,
        published=day,
        quotes=quotes,
        meetings=meetings,
        demands=demands,
        shipments=shipments,
        actors=actors,
        places=ctx.places.items,
        times=ctx.times.items,
        quantities=ctx.quantities.items,
    )
    lap("article")
    return article


class _Fact(Protocol):
    @property
    def span(self) -> Span: ...
    @property
    def rule(self) -> str: ...


def _order(fact: _Fact) -> tuple[int, int, str]:
    return (fact.span.start, fact.span.end, fact.rule)
