"""`parse_article` timed step by step.

`parse_staged` runs the pipeline's own `run_steps` (the function behind
`parse_article`) with a `lap` callback that reads a clock as each step ends, so the
benchmark times exactly the steps `parse_article` runs. The benchmark still checks
that the result equals `parse_article`'s.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Final

from geonews import Article
from geonews._internal import pipeline

#: Stage names, in pipeline order; ``article`` is handing the mentions to the
#: extractors and building the record.
STAGES: Final = pipeline.STEPS
_INDEX: Final = {name: i for i, name in enumerate(STAGES)}


def parse_staged(
    text: str,
    published: str | dt.date | None,
    seconds: list[float],
    clock: Callable[[], float] = time.process_time,
) -> Article:
    """Parse `text` like `parse_article`, adding each stage's time to `seconds`."""
    day = pipeline._published(published)  # noqa: SLF001 - as parse_article reads it
    last = clock()

    def lap(step: str) -> None:
        nonlocal last
        now = clock()
        seconds[_INDEX[step]] += now - last
        last = now

    return pipeline.run_steps(text, day, lap)
