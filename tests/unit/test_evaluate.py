"""Unit tests of geonews.evaluate: matching rules, counting, gold checks, command line."""

from __future__ import annotations

import argparse
import importlib.resources
import json
from pathlib import Path
from typing import Any

import pytest

from geonews import SchemaError, parse_article
from geonews._internal.evaluate import (
    Evaluation,
    add_evaluate_parser,
    coverage,
    date_ok,
    evaluate,
    name_match,
    quantity_ok,
    tokens,
)
from geonews._internal.gold import bundled_gold, load_gold

SEED_TEXT = (
    "US secretary of state Antony Blinken and Russian foreign minister Sergey Lavrov met "
    "for about 90 minutes in Geneva at what the American diplomat said was a “critical "
    "moment”.\n\n"
    "“We didn’t expect any major breakthroughs to happen today, but I believe we are now on "
    "a clearer path to understanding each other’s positions,” Mr Blinken said after the "
    "meeting.\n\n"
    "Moscow wants Nato to promise that Ukraine will never be added as a member, that no "
    "alliance weapons will be deployed near Russian borders, and that it should pull back "
    "its forces from central and eastern Europe.\n\n"
    "The UK sent anti-tank missiles earlier this week."
)
BLINKEN = ["Antony Blinken", "Blinken"]
RUSSIA = ["Russia", "Moscow", "Kremlin"]


def gold_article(**facts: Any) -> dict[str, Any]:
    article: dict[str, Any] = {
        "id": "seed",
        "published": "2022-01-22",
        "text": SEED_TEXT,
        "quotes": [],
        "meetings": [],
        "demands": [],
        "shipments": [],
    }
    article.update(facts)
    return article


def gold_quotes() -> list[dict[str, Any]]:
    return [
        {"text": "critical moment", "speaker": BLINKEN, "kind": "partial"},
        {
            "text": "We didn’t expect any major breakthroughs to happen today, but I believe we "
            "are now on a clearer path to understanding each other’s positions,",
            "speaker": BLINKEN,
            "kind": "direct",
        },
    ]


def pred_quote(text: str, speaker: str | None, kind: str = "direct") -> dict[str, Any]:
    return {"text": text, "kind": kind, "speaker": None if speaker is None else {"name": speaker}}


def gold_meeting(**changes: Any) -> dict[str, Any]:
    meeting = {
        "participants": [["Antony Blinken"], ["Sergey Lavrov"]],
        "place": ["Geneva"],
        "country": "Switzerland",
        "date": "2022-01-21",
        "status": "held",
        "channel": "in_person",
    }
    meeting.update(changes)
    return meeting


def pred_meeting(*names: str, **changes: Any) -> dict[str, Any]:
    meeting: dict[str, Any] = {
        "participants": [{"name": n} for n in names],
        "place": {"name": "Geneva"},
        "time": {"start": "2022-01-21", "end": "2022-01-21"},
        "status": "held",
        "channel": "in_person",
    }
    meeting.update(changes)
    return meeting


def gold_demands() -> list[dict[str, Any]]:
    return [
        {
            "demander": RUSSIA,
            "addressee": ["Nato"],
            "content": "Ukraine will never be added as a member",
        },
        {
            "demander": RUSSIA,
            "addressee": ["Nato"],
            "content": "no alliance weapons will be deployed near Russian borders",
        },
    ]


def gold_shipment(**changes: Any) -> dict[str, Any]:
    shipment = {
        "supplier": ["United Kingdom", "UK", "Britain"],
        "recipient": ["Ukraine", "Kyiv"],
        "items": ["anti-tank missiles"],
        "quantity": None,
        "status": "sent",
        "date": "2022-01",
    }
    shipment.update(changes)
    return shipment


def score(gold: dict[str, Any], **pred: list[Any]) -> Evaluation:
    return evaluate([gold], [{"id": gold["id"], **pred}])


# --------------------------------------------------------------------------- matching rules


def test_tokens_fold_case_quotes_and_us_abbreviation() -> None:
    assert tokens("U.S. envoy’s “red lines”") == ["us", "envoy", "s", "red", "lines"]
    assert tokens("Kyiv — 200,000 pounds") == ["kyiv", "200", "000", "pounds"]


@pytest.mark.parametrize(
    ("name", "aliases", "expected"),
    [
        ("Blinken", ["Antony Blinken"], True),  # part of the full name
        ("Mr Blinken", ["Antony Blinken"], True),  # honorific ignored
        ("US secretary of state Antony Blinken", ["Antony Blinken"], True),  # alias inside
        ("President Biden", ["Joe Biden"], True),
        ("Sergey Lavrov", ["Antony Blinken"], False),
        ("Anthony Blinken", ["Antony Blinken"], False),  # neither inside the other
        ("the US", ["United States", "US", "U.S."], True),
        ("Mr", ["Antony Blinken"], False),  # no content word left
        (None, ["Antony Blinken"], False),
        (None, None, True),  # nobody named, nobody predicted
        ("Nato", None, False),  # something predicted where the gold has nobody
    ],
)
def test_name_match(name: str | None, aliases: list[str] | None, expected: bool) -> None:
    assert name_match(name, aliases) is expected


def test_coverage_counts_shared_tokens_in_order() -> None:
    gold = "face down global aggressors"
    assert coverage(gold, "face down global aggressors") == (1.0, 1.0)
    assert coverage(gold, "aggressors global down face")[0] == 0.25  # order matters
    assert coverage(gold, "") == (0.0, 0.0)


def test_date_ok_day_month_and_missing() -> None:
    day = {"start": "2022-01-21", "end": "2022-01-21"}
    assert date_ok("2022-01-21", day)
    assert date_ok("2022-01", day)  # a day inside the gold month
    assert not date_ok("2022-02", day)
    assert not date_ok("2022-01-21", None)
    assert date_ok(None, None)  # the gold has no date: anything goes
    assert not date_ok("2022-01", {"start": "2022-01-30", "end": "2022-02-02"})  # spills over


def test_quantity_ok_tolerance_and_unit() -> None:
    gold = {"value": 200000, "unit": "lb", "approximate": True}
    assert quantity_ok(gold, {"value": 201500.0, "unit": "lb"})
    assert not quantity_ok(gold, {"value": 205000.0, "unit": "lb"})
    assert not quantity_ok(gold, {"value": 200000.0, "unit": "kg"})
    assert not quantity_ok(gold, None)


# --------------------------------------------------------------------------- counting


def test_perfect_quotes() -> None:
    result = score(
        gold_article(quotes=gold_quotes()),
        quotes=[
            pred_quote("critical moment", "Blinken", "partial"),
            pred_quote(gold_quotes()[1]["text"], "Antony Blinken"),
        ],
    )
    assert (result.quotes.gold, result.quotes.pred, result.quotes.matched) == (2, 2, 2)
    assert result.quotes.f1 == result.quotes.strict_f1 == 1.0
    assert result.errors == ()


def test_quote_with_attribution_inside_does_not_pair() -> None:
    # Half of the predicted tokens must be gold tokens: a whole sentence is too much.
    result = score(
        gold_article(quotes=gold_quotes()[:1]),
        quotes=[pred_quote("what the American diplomat said was a critical moment", "Blinken")],
    )
    assert result.quotes.matched == 0
    assert [e.problem for e in result.errors] == ["missed", "spurious"]
    assert result.quotes.precision == result.quotes.recall == 0.0


def test_truncated_quote_still_pairs() -> None:
    half = "We didn’t expect any major breakthroughs to happen today, but I believe we"
    result = score(gold_article(quotes=gold_quotes()[1:]), quotes=[pred_quote(half, "Blinken")])
    assert result.quotes.matched == 1


def test_wrong_speaker_counts_for_f1_not_strict() -> None:
    result = score(
        gold_article(quotes=gold_quotes()),
        quotes=[
            pred_quote("critical moment", "Sergey Lavrov", "partial"),
            pred_quote(gold_quotes()[1]["text"], None),
        ],
    )
    assert result.quotes.f1 == 1.0
    assert result.quotes.strict_f1 == 0.0
    assert result.quotes.accuracy("speaker") == 0.0
    assert result.quotes.accuracy("kind") == 1.0
    assert [e.problem for e in result.errors] == ["wrong speaker", "wrong speaker"]
    assert '"speaker": "Sergey Lavrov"' in (result.errors[0].predicted or "")


def test_duplicate_prediction_is_spurious() -> None:
    quote = pred_quote("critical moment", "Blinken", "partial")
    result = score(gold_article(quotes=gold_quotes()[:1]), quotes=[quote, quote])
    assert (result.quotes.matched, result.quotes.pred) == (1, 2)
    assert result.quotes.precision == 0.5
    assert [e.problem for e in result.errors] == ["spurious"]


def test_greedy_alignment_takes_the_best_pair_first() -> None:
    # Both predictions fit the gold quote; the exact one (listed second) wins it.
    text = "Moscow wants it to pull back its forces from central and eastern Europe."
    gold = [{"text": "pull back its forces", "speaker": RUSSIA, "kind": "partial"}]
    result = score(
        gold_article(text=text, quotes=gold),
        quotes=[
            pred_quote("pull back its forces from", "Russia", "partial"),
            pred_quote("pull back its forces", "Russia", "partial"),
        ],
    )
    assert result.quotes.matched == 1
    (error,) = result.errors
    assert error.problem == "spurious"
    assert '"text": "pull back its forces from"' in (error.predicted or "")


def test_optional_gold_is_neither_rewarded_nor_punished() -> None:
    optional = {"text": "critical moment", "speaker": BLINKEN, "kind": "partial", "optional": True}
    article = gold_article(quotes=[optional])
    hit = score(article, quotes=[pred_quote("critical moment", "Blinken", "partial")])
    miss = score(article)
    for result in (hit, miss):
        assert (result.quotes.gold, result.quotes.pred, result.quotes.matched) == (0, 0, 0)
        assert result.quotes.f1 == 1.0
        assert result.errors == ()


def test_meeting_pairs_on_two_participants_and_checks_attributes() -> None:
    article = gold_article(meetings=[gold_meeting()])
    right = score(article, meetings=[pred_meeting("Blinken", "Lavrov")])
    assert right.meetings.f1 == right.meetings.strict_f1 == 1.0
    one_party = score(article, meetings=[pred_meeting("Blinken", "Nato")])
    assert one_party.meetings.matched == 0
    planned_elsewhere = score(
        article,
        meetings=[
            pred_meeting("Blinken", "Lavrov", status="planned", place={"name": "Vienna"}, time=None)
        ],
    )
    assert planned_elsewhere.meetings.matched == 1
    assert planned_elsewhere.meetings.accuracy("status") == 0.0
    assert planned_elsewhere.meetings.accuracy("place") == 0.0
    assert planned_elsewhere.meetings.accuracy("date") == 0.0
    assert planned_elsewhere.meetings.strict_f1 == 1.0  # participants are right
    problems = {e.problem for e in planned_elsewhere.errors}
    assert problems == {"wrong status", "wrong place", "wrong date"}


def test_meeting_month_date() -> None:
    article = gold_article(meetings=[gold_meeting(date="2022-02", status="planned", place=None)])
    february = {"start": "2022-02-01", "end": "2022-02-28"}
    result = score(
        article,
        meetings=[
            pred_meeting(
                "Liz Truss", "Blinken", "Lavrov", time=february, place=None, status="planned"
            )
        ],
    )
    assert result.meetings.accuracy("date") == 1.0
    assert result.meetings.accuracy("place") == 1.0  # both have no place


def test_demand_pairs_on_demander_and_content_words() -> None:
    article = gold_article(demands=gold_demands())
    demands = [
        {
            "demander": {"name": "Moscow"},
            "addressee": {"name": "Nato"},
            "content": "that Ukraine will never be added as a member",
        },
        {
            "demander": {"name": "Nato"},
            "addressee": None,
            "content": "no alliance weapons will be deployed near Russian borders",
        },
    ]
    result = score(article, demands=demands)
    assert result.demands.matched == 1  # the second has the wrong demander
    assert result.demands.strict_f1 == result.demands.f1 == 0.5
    assert [e.problem for e in result.errors] == ["missed", "spurious"]


def test_demand_content_needs_half_the_gold_words() -> None:
    article = gold_article(demands=gold_demands()[:1])
    few = [{"demander": {"name": "Russia"}, "addressee": None, "content": "member"}]
    assert score(article, demands=few).demands.matched == 0


def test_shipment_pairs_on_items_or_quantity() -> None:
    article = gold_article(
        shipments=[
            gold_shipment(),
            gold_shipment(
                supplier=["United States", "US"],
                items=["lethal aid", "ammunition"],
                quantity={"value": 200000, "unit": "lb", "approximate": True},
                status="delivered",
                date="2022-01-21",
            ),
        ]
    )
    preds = [
        {
            "supplier": {"name": "UK"},
            "recipient": {"name": "Ukraine"},
            "items": ["missiles"],
            "quantity": None,
            "status": "sent",
        },
        {
            "supplier": {"name": "US"},
            "recipient": None,
            "items": ["shipment"],
            "quantity": {"value": 200000.0, "unit": "lb"},
            "status": "sent",
        },
    ]
    result = score(article, shipments=preds)
    assert result.shipments.matched == 2
    assert result.shipments.accuracy("recipient") == 0.5
    assert result.shipments.accuracy("status") == 0.5
    assert result.shipments.accuracy("quantity") == 1.0
    assert result.shipments.strict_f1 == 0.5


def test_shipment_with_wrong_supplier_does_not_pair() -> None:
    article = gold_article(shipments=[gold_shipment()])
    pred = {
        "supplier": {"name": "Estonia"},
        "recipient": {"name": "Ukraine"},
        "items": ["anti-tank missiles"],
        "quantity": None,
        "status": "sent",
    }
    assert score(article, shipments=[pred]).shipments.matched == 0


def test_counts_add_up_over_articles() -> None:
    first = gold_article(quotes=gold_quotes())
    second = dict(gold_article(quotes=gold_quotes()[:1]), id="other")
    preds = [{"id": "seed", "quotes": [pred_quote("critical moment", "Blinken", "partial")]}]
    result = evaluate([first, second], preds)
    assert result.articles == 2
    assert result.unpredicted == ("other",)
    assert (result.quotes.gold, result.quotes.pred, result.quotes.matched) == (3, 1, 1)
    assert result.quotes.recall == pytest.approx(1 / 3)
    assert [(e.article_id, e.problem) for e in result.errors] == [
        ("seed", "missed"),
        ("other", "missed"),
    ]


def test_no_gold_and_no_prediction_is_perfect() -> None:
    result = score(gold_article())
    for kind in result.kinds:
        assert (kind.precision, kind.recall, kind.f1) == (1.0, 1.0, 1.0)
        assert kind.to_dict()["gold"] == 0


def test_spurious_error_shows_the_evidence_span() -> None:
    start = SEED_TEXT.index("The UK sent")
    pred = {
        "supplier": {"name": "UK"},
        "recipient": None,
        "items": ["anti-tank missiles"],
        "quantity": None,
        "status": "sent",
        "rule": "shipment.sent",
        "span": {"start": start, "end": len(SEED_TEXT)},
    }
    result = score(gold_article(), shipments=[pred])
    (error,) = result.errors
    assert error.problem == "spurious"
    assert error.evidence == "The UK sent anti-tank missiles earlier this week."
    assert "shipment.sent" in (error.predicted or "")
    assert "evidence=" in error.to_text()


def test_without_predictions_geonews_parses_each_article() -> None:
    article = gold_article(quotes=gold_quotes(), demands=gold_demands())
    parsed = parse_article(SEED_TEXT, published="2022-01-22").to_dict()
    assert evaluate([article]) == evaluate([article], [{"id": "seed", **parsed}])


def test_to_dict_is_json_and_rounded() -> None:
    result = evaluate(
        [gold_article(quotes=gold_quotes())],
        [{"id": "seed", "quotes": [pred_quote("critical moment", "Blinken", "partial")] * 3}],
    )
    data = json.loads(json.dumps(result.to_dict()))
    assert data["kinds"]["quotes"] == {
        "gold": 2,
        "pred": 3,
        "matched": 1,
        "precision": 0.333,
        "recall": 0.5,
        "f1": 0.4,
        "strict_f1": 0.4,
        "speaker_acc": 1.0,
        "kind_acc": 1.0,
    }
    assert [e["problem"] for e in data["errors"]] == ["missed", "spurious", "spurious"]


def test_to_text_table() -> None:
    result = score(
        gold_article(quotes=gold_quotes()),
        quotes=[pred_quote("critical moment", "Blinken", "partial")],
    )
    lines = result.to_text().splitlines()
    assert lines[0].split() == ["kind", "gold", "pred", "P", "R", "F1", "strict", "attributes"]
    assert lines[1].split() == [
        "quotes",
        "2",
        "1",
        "1.0",
        "0.5",
        "0.667",
        "0.667",
        "speaker=1.0",
        "kind=1.0",
    ]
    assert len(lines) == 5
    assert result.to_text(show_errors=True).splitlines()[0].startswith("[seed] quotes missed:")


# --------------------------------------------------------------------------- gold checks


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"published": None, "quotes": None}, "quotes"),
        ({"published": "21 January 2022"}, "published"),
        ({"published": "2022-02-30"}, "published"),
        (
            {"quotes": [{"text": "a decisive moment", "speaker": BLINKEN, "kind": "partial"}]},
            "quotes[0].text",
        ),
        (
            {"quotes": [{"text": "critical moment", "speaker": BLINKEN, "kind": "indirect"}]},
            "quotes[0].kind",
        ),
        (
            {"quotes": [{"text": "critical moment", "speaker": [], "kind": "partial"}]},
            "quotes[0].speaker",
        ),
        ({"quotes": [{"text": "critical moment", "kind": "partial"}]}, "quotes[0].speaker"),
        ({"meetings": [gold_meeting(status="postponed")]}, "meetings[0].status"),
        ({"meetings": [gold_meeting(channel="letter")]}, "meetings[0].channel"),
        ({"meetings": [gold_meeting(date="2022-13")]}, "meetings[0].date"),
        ({"meetings": [gold_meeting(date="Friday")]}, "meetings[0].date"),
        (
            {"meetings": [gold_meeting(participants=[["Antony Blinken"]])]},
            "meetings[0].participants",
        ),
        ({"demands": [dict(gold_demands()[0], demander=None)]}, "demands[0].demander"),
        ({"shipments": [gold_shipment(status="promised")]}, "shipments[0].status"),
        (
            {
                "shipments": [
                    gold_shipment(quantity={"value": "200,000", "unit": "lb", "approximate": True})
                ]
            },
            "shipments[0].quantity",
        ),
        ({"shipments": [gold_shipment(items=[])]}, "shipments[0].items"),
        ({"shipments": [gold_shipment(optional="yes")]}, "shipments[0].optional"),
    ],
)
def test_bad_gold_names_article_and_field(change: dict[str, Any], field: str) -> None:
    article = gold_article(**change)
    if change.get("quotes", []) is None:
        del article["quotes"]
    with pytest.raises(SchemaError) as caught:
        evaluate([article], [])
    message = str(caught.value)
    assert "article 'seed'" in message
    assert f": {field}: " in message


def test_missing_meeting_key_is_named() -> None:
    meeting = gold_meeting()
    del meeting["channel"]
    with pytest.raises(SchemaError, match=r"meetings\[0\]\.channel: missing key 'channel'"):
        load_gold([gold_article(meetings=[meeting])])


def test_gold_file_errors_give_the_line(tmp_path: Path) -> None:
    good = gold_article()
    bad = dict(gold_article(), id="second", shipments=[gold_shipment(status="arrived")])
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_gold(path)
    assert str(caught.value).startswith(
        "gold.jsonl line 3, article 'second': shipments[0].status: expected one of "
    )
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"^gold.jsonl line 1: not valid JSON"):
        load_gold(path)


def test_gold_without_id_and_duplicates() -> None:
    article = gold_article()
    del article["id"]
    with pytest.raises(SchemaError, match="id: missing key 'id'"):
        load_gold([article])
    with pytest.raises(SchemaError, match="'seed' appears twice"):
        load_gold([gold_article(), gold_article()])


def test_bad_predictions() -> None:
    with pytest.raises(SchemaError, match="id: missing key 'id'"):
        evaluate([gold_article()], [{"quotes": []}])
    with pytest.raises(SchemaError, match="quotes: expected a list of objects"):
        evaluate([gold_article()], [{"id": "seed", "quotes": "critical moment"}])
    with pytest.raises(SchemaError, match=r"article 'seed': quotes\[0\]\.text: expected a string"):
        evaluate([gold_article()], [{"id": "seed", "quotes": [{"text": 42}]}])
    bad_quantity = {"items": ["wheat"], "quantity": {"value": "lots", "unit": "t"}}
    with pytest.raises(SchemaError, match=r"shipments\[0\]\.quantity"):
        evaluate([gold_article()], [{"id": "seed", "shipments": [bad_quantity]}])
    with pytest.raises(SchemaError, match=r"meetings\[0\]\.participants"):
        evaluate([gold_article()], [{"id": "seed", "meetings": [{"participants": [3, 4]}]}])


# --------------------------------------------------------------------------- bundled set


RESEARCH_ONLY_PREFIXES = ("reuters21578-", "bbc2005-", "abp-", "cnn2024-", "fundus-", "basil-")


def test_bundled_set_is_openly_licensed_and_covers_every_kind() -> None:
    articles = bundled_gold()
    real = [a for a in articles if not a["id"].startswith("own-")]
    assert len(real) >= 6
    for article in articles:
        ident = article["id"]
        assert not ident.startswith(RESEARCH_ONLY_PREFIXES), ident
        if ident.startswith("te3-"):
            assert ident.startswith("te3-VOA"), ident
            assert "public domain" in article["licence"].lower()
        if ident.startswith("gum-news_"):
            assert article["licence"].startswith("CC BY 2.5")
    for kind in ("quotes", "meetings", "demands", "shipments"):
        due = [x for a in articles for x in a[kind] if not x.get("optional")]
        assert len(due) >= 10, kind
    readme = (
        importlib.resources.files("geonews")
        .joinpath("_data", "eval", "README.md")
        .read_text(encoding="utf-8")
    )
    for article in real:
        assert f"`{article['id']}`" in readme, article["id"]


# --------------------------------------------------------------------------- command line


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="geonews")
    add_evaluate_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    status = args.handler(args)
    out, err = capsys.readouterr()
    return status, out, err


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_text_json_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [gold_article(quotes=gold_quotes())])
    pred = write_jsonl(
        tmp_path / "pred.jsonl",
        [{"id": "seed", "quotes": [pred_quote("critical moment", "Lavrov", "partial")]}],
    )
    status, out, err = run_cli(["evaluate", str(gold), "--pred", str(pred)], capsys)
    assert (status, err) == (0, "")
    assert out.splitlines()[1].split()[:7] == ["quotes", "2", "1", "1.0", "0.5", "0.667", "0.0"]
    status, out, _ = run_cli(["evaluate", str(gold), "--pred", str(pred), "--show-errors"], capsys)
    assert [line.split(":")[0] for line in out.splitlines()[:2]] == [
        "[seed] quotes wrong speaker",
        "[seed] quotes missed",
    ]
    status, out, _ = run_cli(
        ["evaluate", str(gold), "--pred", str(pred), "--format", "json"], capsys
    )
    data = json.loads(out)
    assert data["kinds"]["quotes"]["strict_f1"] == 0.0
    assert "errors" not in data


def test_cli_parses_when_no_predictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [gold_article(quotes=gold_quotes())])
    status, out, _ = run_cli(["evaluate", str(gold), "--format", "json"], capsys)
    expected = evaluate([gold_article(quotes=gold_quotes())]).to_dict()
    del expected["errors"]
    assert status == 0
    assert json.loads(out) == expected


def test_cli_warns_about_articles_without_prediction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [gold_article(quotes=gold_quotes())])
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"id": "another"}])
    status, _, err = run_cli(["evaluate", str(gold), "--pred", str(pred)], capsys)
    assert status == 0
    assert err == (
        "geonews evaluate: warning: no prediction for 1 article(s), scored as empty: seed\n"
    )


def test_cli_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_jsonl(
        tmp_path / "gold.jsonl", [gold_article(meetings=[gold_meeting(status="maybe")])]
    )
    status, out, err = run_cli(["evaluate", str(bad)], capsys)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(
        "geonews evaluate: error: gold.jsonl line 1, article 'seed': meetings[0].status:"
    )
    status, out, err = run_cli(["evaluate", str(tmp_path / "missing.jsonl")], capsys)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert "missing.jsonl" in err
