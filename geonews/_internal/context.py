"""What the extractors see: the document and every mention found in it.

`Context` is built once per article by the pipeline (document, then mentions, then
actors) and handed to each extractor. Extractors only read it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

import attrs

from geonews._internal.document import Document
from geonews._internal.model import Actor, Place, Quantity, Span, TimeRef


@attrs.frozen(kw_only=True)
class Mention:
    """One place in the text that refers to an actor.

    Attributes:
        span: the whole noun phrase: "US secretary of state Antony Blinken", "Mr Blinken",
            "he", "the American diplomat", "Moscow".
        actor: index into `Context.actors`.
        form: how it refers: ``name`` (a proper name, with its title if any),
            ``pronoun``, ``description`` ("the minister"), ``capital`` ("Moscow" for
            Russia), ``demonym`` ("Russian" used alone as a party), ``source``
            ("a diplomatic source").
        head: the span of the name itself inside `span` ("Antony Blinken").

    Examples:
        >>> m = Mention(span=Span(start=0, end=10), actor=0, form="name",
        ...             head=Span(start=3, end=10))
        >>> m.form
        'name'
    """

    span: Span
    actor: int
    form: str
    head: Span


class _HasSpan(Protocol):
    @property
    def span(self) -> Span: ...


_S = TypeVar("_S", bound=_HasSpan)


class SpanIndex(Generic[_S]):
    """Items sorted by span start, with a fast lookup of those inside a range.

    Examples:
        >>> from geonews._internal.model import Place
        >>> idx = SpanIndex([Place(name="Geneva", span=Span(start=5, end=11))])
        >>> [p.name for p in idx.within(0, 20)]
        ['Geneva']
        >>> idx.within(12, 20)
        []
    """

    __slots__ = ("_starts", "items")

    def __init__(self, items: Sequence[_S]) -> None:
        self.items: tuple[_S, ...] = tuple(sorted(items, key=lambda x: (x.span.start, x.span.end)))
        self._starts = [x.span.start for x in self.items]

    def within(self, start: int, end: int) -> list[_S]:
        """Items whose span lies inside ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [x for x in self.items[lo:hi] if x.span.end <= end]

    def at(self, start: int, end: int) -> _S | None:
        """The first item overlapping ``[start, end)``, or None."""
        lo = bisect.bisect_right(self._starts, start) - 1
        for x in self.items[max(lo, 0) :]:
            if x.span.start >= end:
                break
            if x.span.end > start and x.span.start < end:
                return x
        return None


class Context:
    """The document, its actors and every mention, for the extractors to read.

    Attributes:
        doc: the `Document`.
        published: the publication date, or None.
        actors: every actor, in order of first mention.
        mentions: actor mentions (`Mention`), sorted by start.
        places: `Place` mentions.
        times: `TimeRef` mentions.
        quantities: `Quantity` mentions.

    Examples:
        >>> ctx = Context(doc=Document("Hi."), published=None, actors=(), mentions=[],
        ...               places=[], times=[], quantities=[])
        >>> ctx.mentions.within(0, 3)
        []
    """

    __slots__ = ("actors", "doc", "mentions", "places", "published", "quantities", "times")

    def __init__(
        self,
        *,
        doc: Document,
        published: dt.date | None,
        actors: tuple[Actor, ...],
        mentions: Sequence[Mention],
        places: Sequence[Place],
        times: Sequence[TimeRef],
        quantities: Sequence[Quantity],
    ) -> None:
        self.doc = doc
        self.published = published
        self.actors = actors
        self.mentions: SpanIndex[Mention] = SpanIndex(mentions)
        self.places: SpanIndex[Place] = SpanIndex(places)
        self.times: SpanIndex[TimeRef] = SpanIndex(times)
        self.quantities: SpanIndex[Quantity] = SpanIndex(quantities)

    def actor_of(self, mention: Mention) -> Actor:
        """The actor a mention refers to."""
        return self.actors[mention.actor]

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor of the first mention overlapping ``[start, end)``, or None."""
        m = self.mentions.at(start, end)
        return None if m is None else self.actors[m.actor]
