"""Properties of `parse_article` that hold for every input string."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

import geonews
from geonews import Article, Quantity, Span, TimeRef
from tests.strategies import PARTIES, article_text, filler_sentence, shift_spans

PUBLISHED = "2022-01-22"
FACT_KINDS = ("quotes", "meetings", "demands", "shipments")
RULE_PREFIX = {
    "quotes": "quote",
    "meetings": "meeting",
    "demands": "demand",
    "shipments": "shipment",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def iter_spans(value: object, owner: object = None) -> Iterator[tuple[object, Span]]:
    """Every span inside `value`, with the record that holds it."""
    cls = type(value)
    if isinstance(value, Span):
        yield owner, value
    elif isinstance(value, tuple):
        for item in value:
            yield from iter_spans(item, owner)
    elif attrs.has(cls):
        for field in attrs.fields(cls):
            yield from iter_spans(getattr(value, field.name), value)


def facts(article: Article, *, headlines: bool = True) -> set[str]:
    """The article's facts, each as canonical JSON (without headline rules if not `headlines`)."""
    return {
        json.dumps(fact.to_dict(), sort_keys=True)
        for kind in FACT_KINDS
        for fact in getattr(article, kind)
        if headlines or ".headline" not in fact.rule
    }


def shift(found: set[str], by: int) -> set[str]:
    """The same facts with every span moved `by` characters."""
    return {json.dumps(shift_spans(json.loads(f), by), sort_keys=True) for f in found}


# --------------------------------------------------------------------------- never raises


@given(article_text)
@example("")
@example("\u201c" * 100_000)  # a run of opening quotes, no spaces
@example("\ud800")  # a lone surrogate
@example("Mr Blinken\x00said\x00")
@example("\u200f\u202eRussia \u200dsaid \u2066\u201cno\u201d\u2069.")  # RTL and joiners
@example("'" * 1000 + '"' * 1000 + "``" * 500)
@example("Mr " * 2000)
@example("Russia's U.S. Feb. St. No. 10 1.5 George W. Bush.")
def test_any_str_parses_and_every_span_points_into_it(text: str) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    assert article.text == text
    for owner, span in iter_spans(article):
        assert 0 <= span.start <= span.end <= len(text), (owner, span)
        if isinstance(owner, Quantity | TimeRef):
            assert text[span.start : span.end] == owner.text


@given(article_text)
def test_without_published_it_parses_too(text: str) -> None:
    article = geonews.parse_article(text)
    assert article.published is None
    for time in article.times:
        if any(day in time.text for day in WEEKDAYS):
            assert time.start is None
            assert time.end is None


# --------------------------------------------------------------------------- shape


@given(article_text)
def test_fact_tuples_are_sorted_and_rules_match_their_kind(text: str) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    for kind in FACT_KINDS:
        items = getattr(article, kind)
        keys = [(f.span.start, f.span.end, f.rule) for f in items]
        assert keys == sorted(keys), kind
        for fact in items:
            assert re.fullmatch(rf"{RULE_PREFIX[kind]}\.[a-z0-9_]+", fact.rule), fact.rule


@given(article_text)
def test_to_dict_from_dict_round_trips_through_json(text: str) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
    assert Article.from_json(article.to_json()) == article


@given(
    st.sampled_from(WEEKDAYS),
    st.sampled_from(PARTIES),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.sampled_from(("said on", "will meet Nato on", "met Nato on", "is due to visit Kyiv on")),
)
def test_weekdays_resolve_within_a_week_of_publication(
    weekday: str, party: str, published: dt.date, verb: str
) -> None:
    article = geonews.parse_article(f"{party} {verb} {weekday}.", published=published)
    for time in article.times:
        if time.start is not None and weekday in time.text:
            assert abs((time.start - published).days) <= 7, time


# --------------------------------------------------------------------------- determinism


@given(article_text)
def test_two_calls_give_equal_articles(text: str) -> None:
    first = geonews.parse_article(text, published=PUBLISHED)
    second = geonews.parse_article(text, published=PUBLISHED)
    assert first == second
    assert first.to_json() == second.to_json()


def test_another_process_with_another_hash_seed_gives_the_same_output() -> None:
    texts = [
        "",
        (
            "US secretary of state Antony Blinken met Russian foreign minister Sergey Lavrov "
            "in Geneva on Friday."
        ),
        "Moscow wants Nato to promise that Ukraine will never be added as a member.",
        "The UK sent anti-tank missiles to Ukraine earlier this week, officials said.",
        "\u201cWe are ready,\u201d Mr Blinken said. \u2018Fine,\u2019 said Mr Lavrov.",
    ]
    resource = importlib.resources.files("geonews").joinpath("_data", "example.json")
    example = json.loads(resource.read_text(encoding="utf-8"))
    texts.append(example["text"])
    script = (
        "import json, sys, geonews\n"
        "texts = json.load(sys.stdin)\n"
        "out = [geonews.parse_article(t, published='2022-01-22').to_dict() for t in texts]\n"
        "json.dump(out, sys.stdout)\n"
    )
    # the same geonews as this process, whatever is installed
    package_root = str(Path(geonews.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": package_root}
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    here = [geonews.parse_article(t, published=PUBLISHED).to_dict() for t in texts]
    assert json.loads(done.stdout) == json.loads(json.dumps(here))


# --------------------------------------------------------------------------- locality


@given(article_text, filler_sentence())
def test_unrelated_sentences_remove_nothing_and_a_prefix_shifts_spans(
    text: str, filler: str
) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    after = geonews.parse_article(f"{text}\n\n{filler}", published=PUBLISHED)
    assert facts(article) <= facts(after)
    # a prefix paragraph takes the headline's place: rules that read headlines may differ
    base = facts(article, headlines=False)
    prefix = f"{filler}\n\n"
    shifted = geonews.parse_article(prefix + text, published=PUBLISHED)
    assert shift(base, len(prefix)) <= facts(shifted)
