"""`parse_article` taken apart: the same steps as ``geonews/_internal/pipeline.py``, timed.

`parse_staged` calls the stage functions in the order and with the arguments that
`parse_article` uses, and adds the seconds each one took to a list. The benchmark
checks that its result equals `parse_article`'s, so a change to the pipeline that is
not mirrored here shows up as a failed check rather than as wrong figures.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Final

from geonews import Article
from geonews._internal import pipeline
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

#: Stage names, in pipeline order; ``article`` is sorting the facts and building the record.
STAGES: Final = (
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


def parse_staged(
    text: str,
    published: str | dt.date | None,
    seconds: list[float],
    clock: Callable[[], float] = time.process_time,
) -> Article:
    """Parse `text` like `parse_article`, adding each stage's time to `seconds`."""
    day = pipeline._published(published)  # noqa: SLF001 - mirrors the pipeline
    t0 = clock()
    doc = Document(text)
    t1 = clock()
    actors, mentions = find_actors(doc)
    t2 = clock()
    places = find_places(doc)
    t3 = clock()
    times = find_times(doc, day)
    t4 = clock()
    quantities = find_quantities(doc)
    t5 = clock()
    ctx = Context(
        doc=doc,
        published=day,
        actors=actors,
        mentions=mentions,
        places=places,
        times=times,
        quantities=quantities,
    )
    t6 = clock()
    quotes = sorted(find_quotes(ctx), key=pipeline._order)  # noqa: SLF001
    t7 = clock()
    meetings = sorted(find_meetings(ctx), key=pipeline._order)  # noqa: SLF001
    t8 = clock()
    demands = sorted(find_demands(ctx), key=pipeline._order)  # noqa: SLF001
    t9 = clock()
    shipments = sorted(find_shipments(ctx), key=pipeline._order)  # noqa: SLF001
    t10 = clock()
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
    t11 = clock()
    steps = (
        t1 - t0,  # document
        t2 - t1,  # actors
        t3 - t2,  # places
        t4 - t3,  # times
        t5 - t4,  # quantities
        t7 - t6,  # quotes
        t8 - t7,  # meetings
        t9 - t8,  # demands
        t10 - t9,  # shipments
        (t11 - t10) + (t6 - t5),  # the Context and the Article record
    )
    for i, step in enumerate(steps):
        seconds[i] += step
    return article
