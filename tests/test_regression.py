"""Accuracy floors: the parser's F1 on the bundled evaluation set may only go up.

`floors.json` records, per kind, the F1 and strict F1 that the parser reached on
``geonews/_data/eval`` (rounded down to 2 places). A change that scores below a floor
fails here. A change that scores above it should raise the floor in the same commit:
``python scripts/update_floors.py --write`` (it never lowers one).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geonews import Evaluation, evaluate
from geonews._internal.gold import KINDS, bundled_gold

FLOORS = Path(__file__).with_name("floors.json")
METRICS = ("f1", "strict_f1")


def read_floors() -> dict[str, dict[str, float]]:
    with FLOORS.open(encoding="utf-8") as handle:
        floors: dict[str, dict[str, float]] = json.load(handle)
    return floors


@pytest.fixture(scope="module")
def measured() -> Evaluation:
    return evaluate(bundled_gold())


def test_floors_file_is_well_formed() -> None:
    floors = read_floors()
    assert sorted(floors) == sorted(KINDS)
    for kind, values in floors.items():
        assert sorted(values) == sorted(METRICS), kind
        for metric, floor in values.items():
            assert 0.0 <= floor <= 1.0, (kind, metric)
            assert round(floor, 2) == floor, (kind, metric)
        assert values["strict_f1"] <= values["f1"], kind


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("metric", METRICS)
def test_score_does_not_drop_below_floor(measured: Evaluation, kind: str, metric: str) -> None:
    score = next(s for s in measured.kinds if s.kind == kind)
    value = getattr(score, metric)
    floor = read_floors()[kind][metric]
    if value < floor:
        errors = "\n".join(e.to_text() for e in measured.errors if e.kind == kind)
        pytest.fail(
            f"{kind} {metric} fell to {value:.3f}, below its floor {floor:.2f} "
            f"(tests/floors.json)\n{measured.to_text()}\n{errors}"
        )
