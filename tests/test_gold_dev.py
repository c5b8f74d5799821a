"""geonews.evaluate against the project's reference scorer and development gold.

Both live next to the repository (``../shared/eval/score.py`` and
``../shared/eval/gold-dev.jsonl`` relative to its root), not inside it: each test
skips when its file is absent. When present, `evaluate` must report exactly the
scorer's figures (rounded to 3 places) and the same misses, spurious items and wrong
attributes, on the current parser's output and on predictions built from the gold
and then damaged on purpose (items dropped, duplicated, reordered and altered).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import copy
import importlib.util
import io
import json
import random
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from geonews import evaluate, parse_article
from geonews._internal.evaluate import add_evaluate_parser
from geonews._internal.gold import KINDS, bundled_gold

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
GOLD_DEV = SHARED_EVAL / "gold-dev.jsonl"
SCORER = SHARED_EVAL / "score.py"

needs_gold_dev = pytest.mark.skipif(not GOLD_DEV.is_file(), reason="no ../shared/eval/gold-dev")
needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason="no ../shared/eval/score.py")

Record = dict[str, Any]
ERROR_LINE = re.compile(
    r"^\[(?P<id>[^\]]+)\] (?P<kind>\w+) (?P<problem>missed|spurious|wrong \w+):"
)


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("geonews_reference_scorer", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold_dev() -> list[Record]:
    with GOLD_DEV.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def parsed(gold: Iterable[Record]) -> list[Record]:
    return [
        {"id": g["id"], **parse_article(g["text"], published=g["published"]).to_dict()}
        for g in gold
    ]


# --------------------------------------------------------------------------- predictions from gold


def _actor(aliases: Sequence[str] | None) -> Record | None:
    return None if aliases is None else {"name": aliases[0]}


def _time(date: str | None) -> Record | None:
    if date is None:
        return None
    if len(date) == len("YYYY-MM"):
        return {"start": f"{date}-01", "end": f"{date}-28"}
    return {"start": date, "end": date}


def to_prediction(gold: Record) -> Record:
    """The gold article in prediction shape: the first alias as each name."""
    return {
        "id": gold["id"],
        "quotes": [
            {"text": q["text"], "kind": q["kind"], "speaker": _actor(q["speaker"])}
            for q in gold["quotes"]
        ],
        "meetings": [
            {
                "participants": [_actor(p) for p in m["participants"]],
                "place": _actor(m["place"]),
                "time": _time(m["date"]),
                "status": m["status"],
                "channel": m["channel"],
            }
            for m in gold["meetings"]
        ],
        "demands": [
            {
                "demander": _actor(d["demander"]),
                "addressee": _actor(d["addressee"]),
                "content": d["content"],
            }
            for d in gold["demands"]
        ],
        "shipments": [
            {
                "supplier": _actor(s["supplier"]),
                "recipient": _actor(s["recipient"]),
                "items": list(s["items"]),
                "quantity": None
                if s["quantity"] is None
                else {"value": float(s["quantity"]["value"]), "unit": s["quantity"]["unit"]},
                "status": s["status"],
                "time": _time(s["date"]),
            }
            for s in gold["shipments"]
        ],
    }


OUTSIDERS = ("Nato", "China", "the Pentagon", "Mr Smith")
STATUSES = {
    "meetings": ("held", "planned", "cancelled"),
    "shipments": ("delivered", "sent", "pledged"),
}


def _words(text: str, rng: random.Random) -> str:
    words = text.split()
    keep = rng.randint(1, max(1, len(words)))
    return " ".join(words[:keep] if rng.random() < 0.5 else words[-keep:])


def _alter(kind: str, item: Record, rng: random.Random, names: Sequence[str]) -> None:
    def someone() -> Record | None:
        return None if rng.random() < 0.2 else {"name": rng.choice(names)}

    choice = rng.randrange(4)
    if kind == "quotes":
        if choice == 0:
            item["speaker"] = someone()
        elif choice == 1:
            item["kind"] = "direct" if item["kind"] == "partial" else "partial"
        elif choice == 2:
            item["text"] = _words(item["text"], rng)
        else:
            item["text"] = "he said that " + item["text"]
    elif kind == "meetings":
        if choice == 0:
            del item["participants"][rng.randrange(len(item["participants"]))]
        elif choice == 1:
            item["participants"][0] = someone()
        elif choice == 2:
            item["status"] = rng.choice(STATUSES["meetings"])
        elif item["time"] is not None and rng.random() < 0.5:
            item["time"] = {"start": item["time"]["start"][:8] + "01", "end": None}
        else:
            item["place"] = someone()
    elif kind == "demands":
        if choice == 0:
            item["demander"] = someone()
        elif choice == 1:
            item["addressee"] = someone()
        else:
            item["content"] = _words(item["content"], rng)
    elif choice == 0:
        item["supplier"] = someone()
    elif choice == 1:
        item["recipient"] = someone()
    elif choice == 2:
        item["status"] = rng.choice(STATUSES["shipments"])
    elif item["quantity"] is not None:
        item["quantity"] = rng.choice(
            [
                None,
                {"value": item["quantity"]["value"] * 1.5, "unit": item["quantity"]["unit"]},
                {"value": item["quantity"]["value"], "unit": "kg"},
                {"value": item["quantity"]["value"] * 1.005, "unit": item["quantity"]["unit"]},
            ]
        )
    else:
        item["items"] = [_words(" ".join(item["items"]), rng)]


def _names(gold: Record) -> list[str]:
    """Names to swap in: outsiders, and the last alias of every actor in the article."""
    names = list(OUTSIDERS)
    for kind in KINDS:
        for item in gold[kind]:
            keys = ("speaker", "demander", "addressee", "supplier", "recipient", "place")
            names.extend(item[key][-1] for key in keys if item.get(key))
            names.extend(party[-1] for party in item.get("participants", []))
    return names


def damaged(gold: Sequence[Record], seed: int) -> list[Record]:
    """Predictions built from the gold, then damaged at random (reproducibly)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    out = []
    spare: list[tuple[str, Record]] = []
    for article in gold:
        if rng.random() < 0.05:
            continue
        names = _names(article)
        prediction = to_prediction(article)
        for kind in KINDS:
            items = []
            for item in prediction[kind]:
                if rng.random() < 0.15:
                    spare.append((kind, item))
                    continue
                if rng.random() < 0.5:
                    _alter(kind, item, rng, names)
                items.append(item)
                if rng.random() < 0.1:
                    items.append(copy.deepcopy(item))
            if spare and rng.random() < 0.2:
                other_kind, other = rng.choice(spare)
                if other_kind == kind:
                    items.append(copy.deepcopy(other))
            if rng.random() < 0.3:
                rng.shuffle(items)
            prediction[kind] = items
        out.append(prediction)
    return out


# --------------------------------------------------------------------------- comparing


def reference(
    scorer: ModuleType, gold: Sequence[Record], predictions: Sequence[Record]
) -> tuple[Record, collections.Counter[tuple[str, str, str]]]:
    by_id = {p["id"]: p for p in predictions}
    out = io.StringIO()
    summary = scorer.summary(scorer.score(gold, by_id, show_errors=True, out=out))
    problems: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for line in out.getvalue().splitlines():
        match = ERROR_LINE.match(line)
        assert match, line
        problems[match["id"], match["kind"], match["problem"]] += 1
    return summary, problems


def assert_agree(
    scorer: ModuleType, gold: Sequence[Record], predictions: Sequence[Record]
) -> Record:
    expected, expected_problems = reference(scorer, gold, predictions)
    result = evaluate(gold, predictions)
    assert result.to_dict()["kinds"] == expected
    problems = collections.Counter((e.article_id, e.kind, e.problem) for e in result.errors)
    assert problems == expected_problems
    return expected


@needs_gold_dev
def test_gold_dev_loads_and_counts(gold_dev: list[Record]) -> None:
    result = evaluate(GOLD_DEV)
    assert result.articles == len(gold_dev)
    for score in result.kinds:
        due = sum(1 for g in gold_dev for x in g[score.kind] if not x.get("optional"))
        assert score.gold == due
        assert 0.0 <= score.strict_f1 <= score.f1 <= 1.0


@needs_gold_dev
@needs_scorer
def test_agrees_on_current_parser(scorer: ModuleType, gold_dev: list[Record]) -> None:
    assert_agree(scorer, gold_dev, parsed(gold_dev))


@needs_gold_dev
@needs_scorer
def test_agrees_on_the_gold_itself(scorer: ModuleType, gold_dev: list[Record]) -> None:
    summary = assert_agree(scorer, gold_dev, [to_prediction(g) for g in gold_dev])
    assert {kind: summary[kind]["f1"] for kind in KINDS} == dict.fromkeys(KINDS, 1.0)


@needs_gold_dev
@needs_scorer
@pytest.mark.parametrize("seed", range(15))
def test_agrees_on_damaged_gold_dev(scorer: ModuleType, gold_dev: list[Record], seed: int) -> None:
    summary = assert_agree(scorer, gold_dev, damaged(gold_dev, seed))
    assert any(summary[kind]["f1"] < 1.0 for kind in KINDS)  # the damage did something


@needs_scorer
@pytest.mark.parametrize("seed", range(10))
def test_agrees_on_damaged_bundled_set(scorer: ModuleType, seed: int) -> None:
    gold = list(bundled_gold())
    assert_agree(scorer, gold, damaged(gold, seed))


@needs_scorer
def test_agrees_on_bundled_set_with_current_parser(scorer: ModuleType) -> None:
    gold = list(bundled_gold())
    assert_agree(scorer, gold, parsed(gold))


def _run(main: Callable[[], object]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main()
    return out.getvalue()


@needs_gold_dev
@needs_scorer
@pytest.mark.filterwarnings("ignore::ResourceWarning")  # the scorer leaves its files open
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_command_prints_the_reference_table(
    scorer: ModuleType, gold_dev: list[Record], tmp_path: Path
) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        "".join(json.dumps(p) + "\n" for p in damaged(gold_dev, seed=7)), encoding="utf-8"
    )
    expected = _run(lambda: scorer.main([str(GOLD_DEV), str(pred)]))
    parser = argparse.ArgumentParser(prog="geonews")
    add_evaluate_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["evaluate", str(GOLD_DEV), "--pred", str(pred)])
    assert _run(lambda: args.handler(args)) == expected
