"""The typed records: validation, SchemaError paths, and exact JSON round trips."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geonews import (
    Actor,
    ActorKind,
    Article,
    Channel,
    Demand,
    GeonewsError,
    Granularity,
    Meeting,
    MeetingStatus,
    Place,
    Quantity,
    Quote,
    QuoteKind,
    SchemaError,
    Shipment,
    ShipmentStatus,
    Span,
    TimeRef,
)

# --------------------------------------------------------------------------- strategies


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(min_value=0, max_value=10_000))
    return Span(start=start, end=start + draw(st.integers(min_value=0, max_value=500)))


names = st.text(min_size=1, max_size=20)
maybe_text = st.none() | st.text(max_size=20)
dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
rule_names = st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True)

actors = st.builds(
    Actor,
    name=names,
    kind=st.sampled_from(ActorKind),
    title=maybe_text,
    country=maybe_text,
    mentions=st.lists(spans(), max_size=3),
)
places = st.builds(Place, name=names, country=maybe_text, span=spans())


@st.composite
def time_refs(draw: st.DrawFn) -> TimeRef:
    start = draw(dates)
    end = None if start is None else start + dt.timedelta(days=draw(st.integers(0, 400)))
    return TimeRef(
        text=draw(st.text(max_size=20)),
        start=start,
        end=end,
        granularity=draw(st.sampled_from(Granularity)),
        span=draw(spans()),
    )


times = time_refs()
quantities = st.builds(
    Quantity,
    value=st.none() | st.floats(allow_nan=False, allow_infinity=False),
    unit=st.text(max_size=8),
    approximate=st.booleans(),
    text=st.text(max_size=20),
    span=spans(),
)
quotes = st.builds(
    Quote,
    text=st.text(max_size=40),
    kind=st.sampled_from(QuoteKind),
    speaker=st.none() | actors,
    cue=maybe_text,
    span=spans(),
    rule=rule_names.map("quote.{}".format),
)
meetings = st.builds(
    Meeting,
    participants=st.lists(actors, min_size=2, max_size=3),
    place=st.none() | places,
    time=st.none() | times,
    duration=st.none() | quantities,
    status=st.sampled_from(MeetingStatus),
    channel=st.sampled_from(Channel),
    span=spans(),
    rule=rule_names.map("meeting.{}".format),
)
demands = st.builds(
    Demand,
    demander=actors,
    addressee=st.none() | actors,
    content=st.text(min_size=1, max_size=40),
    span=spans(),
    rule=rule_names.map("demand.{}".format),
)
shipments = st.builds(
    Shipment,
    supplier=st.none() | actors,
    recipient=st.none() | actors,
    items=st.lists(st.text(max_size=15), max_size=3),
    quantity=st.none() | quantities,
    status=st.sampled_from(ShipmentStatus),
    time=st.none() | times,
    span=spans(),
    rule=rule_names.map("shipment.{}".format),
)
articles = st.builds(
    Article,
    text=st.text(max_size=60),
    published=dates,
    quotes=st.lists(quotes, max_size=2),
    meetings=st.lists(meetings, max_size=2),
    demands=st.lists(demands, max_size=2),
    shipments=st.lists(shipments, max_size=2),
    actors=st.lists(actors, max_size=3),
    places=st.lists(places, max_size=2),
    times=st.lists(times, max_size=2),
    quantities=st.lists(quantities, max_size=2),
)


def through_json(data: dict[str, Any]) -> Any:
    return json.loads(json.dumps(data))


# --------------------------------------------------------------------------- round trips


@given(articles)
def test_article_round_trips_exactly_through_json(article: Article) -> None:
    assert Article.from_dict(through_json(article.to_dict())) == article
    assert Article.from_json(article.to_json()) == article


@given(st.one_of(actors, places, times, quantities, quotes, meetings, demands, shipments))
def test_every_record_round_trips_through_json(record: Any) -> None:
    assert type(record).from_dict(through_json(record.to_dict())) == record


def test_records_are_frozen_and_hashable() -> None:
    span = Span(start=0, end=6)
    place = Place(name="Geneva", country="Switzerland", span=span)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        place.name = "Bern"  # type: ignore[misc]
    assert {place, Place(name="Geneva", country="Switzerland", span=span)} == {place}


def test_records_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Span(0, 3)  # type: ignore[call-arg]


def test_lists_become_tuples() -> None:
    a, b = Actor(name="Antony Blinken", kind="person"), Actor(name="Sergey Lavrov", kind="person")
    meeting = Meeting(
        participants=[a, b], status="held", span=Span(start=0, end=5), rule="meeting.met"
    )
    assert meeting.participants == (a, b)
    assert meeting.channel is Channel.UNKNOWN


# --------------------------------------------------------------------------- validators


def test_span_end_before_start_raises() -> None:
    with pytest.raises(ValueError, match="end=2 is before start=5"):
        Span(start=5, end=2)


def test_negative_span_start_raises() -> None:
    with pytest.raises(ValueError, match="start"):
        Span(start=-1, end=2)


def test_an_unknown_enum_value_raises() -> None:
    with pytest.raises(ValueError, match="'diplomat' is not a valid ActorKind"):
        Actor(name="Antony Blinken", kind="diplomat")
    with pytest.raises(ValueError, match="MeetingStatus"):
        Meeting(
            participants=[Actor(name="A", kind="person"), Actor(name="B", kind="person")],
            status="postponed",
            span=Span(start=0, end=1),
            rule="meeting.x",
        )


def test_a_meeting_needs_two_participants() -> None:
    with pytest.raises(ValueError, match="participants"):
        Meeting(
            participants=[Actor(name="A", kind="person")],
            status="held",
            span=Span(start=0, end=1),
            rule="meeting.x",
        )


def test_an_empty_name_or_demand_raises() -> None:
    with pytest.raises(ValueError, match="name"):
        Actor(name="", kind="person")
    with pytest.raises(ValueError, match="content"):
        Demand(
            demander=Actor(name="Russia", kind="country"),
            content="",
            span=Span(start=0, end=1),
            rule="demand.x",
        )


@pytest.mark.parametrize(
    "rule", ["meeting.met", "quote", "quote.", "quote.Said", "quote.said-after", "demand.x"]
)
def test_a_rule_id_must_name_its_own_kind(rule: str) -> None:
    with pytest.raises(ValueError, match="rule"):
        Quote(text="Hi", kind="direct", span=Span(start=0, end=4), rule=rule)


# --------------------------------------------------------------------------- SchemaError


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": 3}, "at $.text: expected a string, got int 3"),
        ({}, "at $.text: missing key 'text'"),
        ([], "at $: expected an object, got list"),
        ({"text": "", "published": "22/01/2022"}, "at $.published: expected an ISO date"),
        ({"text": "", "quotes": {}}, "at $.quotes: expected a list, got dict"),
        (
            {"text": "", "quotes": [{"text": "x", "kind": "loud"}]},
            "at $.quotes[0].kind: expected one of 'direct', 'partial', got str 'loud'",
        ),
        (
            {"text": "", "actors": [{"name": "Nato", "kind": "organization", "mentions": [{}]}]},
            "at $.actors[0].mentions[0].start: missing key 'start'",
        ),
        (
            {"text": "", "actors": [{"name": "Nato", "kind": "organization", "title": 1}]},
            "at $.actors[0].title: expected a string or null, got int 1",
        ),
        (
            {
                "text": "",
                "quantities": [
                    {"value": "many", "unit": "", "approximate": True, "text": "", "span": {}}
                ],
            },
            "at $.quantities[0].value: expected a number or null",
        ),
        (
            {
                "text": "",
                "quantities": [
                    {"value": 1, "unit": "", "approximate": "yes", "text": "", "span": {}}
                ],
            },
            "at $.quantities[0].approximate: expected true or false",
        ),
        (
            {"text": "", "places": [{"name": "Geneva", "span": {"start": 5, "end": 1}}]},
            "at $: Span end=1 is before start=5",
        ),
        (
            {"text": "", "places": [{"name": "Geneva", "span": {"start": True, "end": 1}}]},
            "at $.places[0].span.start: expected an integer, got bool True",
        ),
    ],
)
def test_from_dict_names_the_path_of_a_bad_value(data: Any, message: str) -> None:
    with pytest.raises(SchemaError) as caught:
        Article.from_dict(data)
    assert str(caught.value).startswith(message)


def test_schema_error_is_a_value_error_and_a_geonews_error() -> None:
    with pytest.raises(ValueError, match="at"):
        Article.from_dict({"text": None})
    assert issubclass(SchemaError, GeonewsError)


def test_from_json_rejects_text_that_is_not_json() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        Article.from_json("{text: 1}")


def test_from_dict_ignores_extra_keys_such_as_the_cli_id() -> None:
    article = Article.from_dict({"id": "seed-000", "text": "Hi.", "published": "2022-01-22"})
    assert article.published == dt.date(2022, 1, 22)
    assert article.quotes == ()
