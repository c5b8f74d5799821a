"""Demands: who demands what of whom, rule by rule, what is no demand, and properties."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import geonews
from geonews import Demand
from geonews._internal.extractors import demands as demands_module
from tests.strategies import article_text, demand_sentence, filler_sentence, news_sentence

PUBLISHED = "2022-01-22"


def _demands(text: str) -> tuple[Demand, ...]:
    return geonews.parse_article(text, published=PUBLISHED).demands


def _rows(text: str) -> list[tuple[str, str | None, str, str]]:
    """(demander, addressee, content, rule) of each demand, in text order."""
    return [
        (
            d.demander.name,
            None if d.addressee is None else d.addressee.name,
            d.content,
            d.rule,
        )
        for d in _demands(text)
    ]


# --------------------------------------------------------------------------- the example


def test_example_article_gives_exactly_its_three_demands() -> None:
    data = json.loads(files("geonews").joinpath("_data", "example.json").read_text("utf-8"))
    article = geonews.parse_article(data["text"], published=data["published"])
    assert [
        (d.demander.name, d.addressee and d.addressee.name, d.content) for d in article.demands
    ] == [
        ("Russia", "Nato", "Ukraine will never be added as a member"),
        ("Russia", "Nato", "no alliance weapons will be deployed near Russian borders"),
        ("Russia", "Nato", "it should pull back its forces from central and eastern Europe"),
    ]
    sentence = article.text[article.demands[0].span.start : article.demands[0].span.end]
    assert sentence.startswith("Moscow wants Nato to promise")
    assert {d.rule for d in article.demands} == {"demand.verb_object_to"}


# --------------------------------------------------------------------------- one rule each


def test_verb_that_takes_the_clause_subject_as_addressee() -> None:
    assert _rows("China demanded on Tuesday that the United States cancel the arms sale.") == [
        ("China", "United States", "the United States cancel the arms sale", "demand.verb_that")
    ]


def test_verb_object_to() -> None:
    assert _rows("Russia urged Nato to withdraw its troops from the border.") == [
        ("Russia", "Nato", "withdraw its troops from the border", "demand.verb_object_to")
    ]


def test_called_on_with_a_list_of_verb_phrases_gives_one_demand_each() -> None:
    text = (
        "French Prime Minister Jacques Chirac called on Japan to open up its markets, "
        "to cut interest rates and stimulate demand."
    )
    assert _rows(text) == [
        ("Jacques Chirac", "Japan", "open up its markets", "demand.verb_object_to"),
        ("Jacques Chirac", "Japan", "cut interest rates", "demand.verb_object_to"),
        ("Jacques Chirac", "Japan", "stimulate demand", "demand.verb_object_to"),
    ]


def test_an_unnamed_group_is_named_by_its_noun_phrase() -> None:
    text = "Other Democrats urged the president to stand firm and to avoid a return to threats."
    rows = _rows(text)
    assert [(r[0], r[2]) for r in rows] == [
        ("Other Democrats", "stand firm"),
        ("Other Democrats", "avoid a return to threats"),
    ]
    assert _demands(text)[0].demander.kind is geonews.ActorKind.GROUP


def test_verb_for_a_noun_phrase_and_its_list() -> None:
    text = (
        "US envoys met Houthi leaders in Muscat and pressed for a ceasefire in Yemen "
        "and the release of detained Americans."
    )
    assert [(r[2], r[3]) for r in _rows(text)] == [
        ("a ceasefire in Yemen", "demand.verb_for"),
        ("the release of detained Americans", "demand.verb_for"),
    ]


def test_a_demand_made_at_a_meeting_is_made_to_the_other_side() -> None:
    text = "US envoys met secretly with the Houthi rebels and pressed for a ceasefire."
    assert _rows(text) == [("US envoys", "Houthi rebels", "a ceasefire", "demand.verb_for")]


def test_verb_object_with_from_gives_the_addressee() -> None:
    rows = _rows("Ethnic Albanians are demanding political autonomy from the Serbian government.")
    assert rows == [
        (
            "Ethnic Albanians",
            "Serbia",
            "political autonomy from the Serbian government",
            "demand.verb_object",
        )
    ]


def test_need() -> None:
    text = "US secretary of state Antony Blinken stressed the need to reach a deal quickly."
    assert _rows(text) == [("Antony Blinken", None, "reach a deal quickly", "demand.need")]


def test_noun_with_possessor_and_clause() -> None:
    text = "Nato rejected Russia's demand that the alliance withdraw its forces from Poland."
    assert _rows(text) == [
        ("Russia", "alliance", "the alliance withdraw its forces from Poland", "demand.noun")
    ]


def test_noun_with_support_verb_and_a_list_of_demanders() -> None:
    text = (
        "The US, Israel and France have all issued calls to Russia to stop the delivery "
        "of the missiles."
    )
    assert _rows(text) == [
        (name, "Russia", "stop the delivery of the missiles", "demand.noun")
        for name in ("United States", "Israel", "France")
    ]


def test_a_named_party_after_a_determiner_makes_demand_a_noun() -> None:
    assert _rows("Iran rejected the US demand that it halt uranium enrichment.") == [
        ("United States", "Iran", "it halt uranium enrichment", "demand.noun")
    ]


def test_reported_modal_with_the_reporter_before() -> None:
    assert _rows("Mr Blinken said on Friday that Russia must pull back its troops.") == [
        ("Blinken", "Russia", "Russia must pull back its troops", "demand.reported_modal")
    ]


def test_reported_modal_with_the_attribution_after() -> None:
    text = "The European Union should show unity over Kosovo, the International Crisis Group said."
    assert _rows(text) == [
        (
            "International Crisis Group",
            "European Union",
            "The European Union should show unity over Kosovo",
            "demand.reported_modal",
        )
    ]


def test_a_demand_inside_a_quotation_is_its_speakers() -> None:
    text = '"We call on Russia to withdraw its forces," US secretary of state Antony Blinken said.'
    assert _rows(text) == [
        ("Antony Blinken", "Russia", "withdraw its forces", "demand.verb_object_to")
    ]


def test_time_to() -> None:
    text = "Kamala Harris told Benjamin Netanyahu it is time to get a ceasefire deal done."
    assert _rows(text) == [
        ("Kamala Harris", "Benjamin Netanyahu", "get a ceasefire deal done", "demand.time_to")
    ]


def test_ultimatum() -> None:
    text = "The European Union warned of sanctions if Russia did not withdraw its troops."
    assert _rows(text) == [("European Union", "Russia", "withdraw its troops", "demand.ultimatum")]


def test_ultimatum_with_a_passive_condition() -> None:
    text = (
        "Syrian rebel commanders threatened to attack Hezbollah if Hezbollah's intervention "
        "is not halted."
    )
    assert _rows(text) == [
        (
            "Syrian rebel commanders",
            "Hezbollah",
            "Hezbollah's intervention is halted",
            "demand.ultimatum",
        )
    ]


def test_participle_takes_the_subject_of_the_sentence() -> None:
    text = (
        "Orban called on EU leaders to seek a ceasefire in his letter, urging them to start "
        "peace negotiations."
    )
    rows = _rows(text)
    assert [(r[1], r[2]) for r in rows] == [
        ("EU leaders", "seek a ceasefire in his letter"),
        ("EU leaders", "start peace negotiations"),
    ]
    assert rows[0][0] == rows[1][0]


# --------------------------------------------------------------------------- not demands


@pytest.mark.parametrize(
    "text",
    [
        "America and its allies remain resolute in rejecting Russia's most important demands.",
        "Oil demand rose sharply in China last year.",
        "Demand for wheat fell in the first quarter.",
        "Residents said they hoped for the best but would prepare for the worst.",
        "Will Russia demand that Nato withdraw its forces?",
        "The American diplomat called it a critical moment.",
        "Analysts questioned the so-called red lines.",
        "Reporters asked about the talks in Geneva.",
        "Russia did not call for a ceasefire.",
        "The ceasefire called for by the council held overnight.",
        "Russia wants to expand its trade with China.",
        "The British foreign minister has asked for the opportunity to travel to Moscow.",
        "British foreign minister Liz Truss said Britain and its allies must respond together.",
        "Russian foreign minister Sergey Lavrov insisted that Russia is not a threat.",
        "The talks ended in order to allow more consultations.",
        "Lawyers for the men said the government should have acted sooner.",
        "Shiite groups warned of street protests if the demand was not met.",
        "Consumers can order a new cable from the website.",
        "Economists said stronger Japanese demand for American goods would help.",
    ],
)
def test_no_demand(text: str) -> None:
    assert _demands(text) == ()


# --------------------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    "pattern",
    [
        demands_module.TRIGGER_PATTERN,
        demands_module.TOKEN_PATTERN,
        demands_module.THREAT_PATTERN,
        demands_module.REPORT_PATTERN,
    ],
)
@pytest.mark.parametrize(
    "hostile",
    ['"' * 100_000, "a" * 100_000, " " * 100_000, "1" * 100_000, "must " * 20_000, "-'" * 50_000],
)
def test_patterns_are_linear_on_hostile_text(pattern: regex.Pattern[str], hostile: str) -> None:
    for _ in pattern.finditer(hostile, timeout=5):
        pass


@pytest.mark.parametrize(
    "hostile",
    [
        "Russia demanded that " * 5_000,
        "It said it must it must it " * 5_000,
        "sanctions if Russia did not " * 5_000,
        "the EU urging them to go " * 5_000,
        '"We must go," he said. ' * 2_000,
    ],
)
def test_hostile_sentences_parse(hostile: str) -> None:
    article = geonews.parse_article(hostile, published=PUBLISHED)
    for d in article.demands:
        assert 0 <= d.span.start <= d.span.end <= len(hostile)


# --------------------------------------------------------------------------- properties

demand_text = st.one_of(article_text, demand_sentence(), news_sentence())


@given(demand_text)
@example("")
@example("Moscow wants Nato to promise that, that and that.")
@example("\u201cWe call on Russia to\u201d he said")
def test_demands_never_raise_and_spans_point_into_the_text(text: str) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    for d in article.demands:
        assert 0 <= d.span.start <= d.span.end <= len(text)
        assert d.content.strip()
        assert d.rule.startswith("demand.")


@given(demand_text)
def test_demands_are_deterministic(text: str) -> None:
    first = geonews.parse_article(text, published=PUBLISHED).demands
    assert geonews.parse_article(text, published=PUBLISHED).demands == first


def _facts(demands: tuple[Demand, ...], shift: int = 0) -> set[tuple[str, str | None, str, int]]:
    return {
        (
            d.demander.name,
            None if d.addressee is None else d.addressee.name,
            d.content,
            d.span.start - shift,
        )
        for d in demands
    }


@given(st.lists(demand_sentence(), min_size=1, max_size=3), filler_sentence())
def test_an_unrelated_paragraph_removes_no_demand(sentences: list[str], filler: str) -> None:
    text = " ".join(sentences)
    base = _facts(_demands(text))
    assert base <= _facts(_demands(f"{text}\n\n{filler}"))
    prefix = f"{filler}\n\n"
    assert base <= _facts(_demands(prefix + text), shift=len(prefix))


@given(demand_text)
def test_demands_survive_a_json_round_trip(text: str) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    for d in article.demands:
        assert Demand.from_dict(json.loads(json.dumps(d.to_dict()))) == d
