"""find_meetings: who met, talked or negotiated with whom, where, when, held or planned."""

from __future__ import annotations

import importlib.resources
import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import geonews
from geonews import Meeting
from geonews._internal.extractors import meetings as m
from tests.strategies import filler_sentence, meeting_sentence, news_article, shift_spans

PUBLISHED = "2022-01-22"  # a Saturday


def meetings(text: str, published: str | None = PUBLISHED) -> tuple[Meeting, ...]:
    return geonews.parse_article(text, published=published).meetings


def summary(meeting: Meeting) -> tuple[object, ...]:
    """Participants, place, first and last day, status, channel and rule of a meeting."""
    time = meeting.time
    return (
        [p.name for p in meeting.participants],
        None if meeting.place is None else meeting.place.name,
        None if time is None or time.start is None else time.start.isoformat(),
        None if time is None or time.end is None else time.end.isoformat(),
        meeting.status.value,
        meeting.channel.value,
        meeting.rule,
    )


# --------------------------------------------------------------------------- the example


def test_the_example_article_gives_its_three_meetings() -> None:
    resource = importlib.resources.files("geonews").joinpath("_data", "example.json")
    example_article = json.loads(resource.read_text(encoding="utf-8"))
    found = meetings(example_article["text"], example_article["published"])
    assert len(found) == 3
    geneva, again, moscow = found
    assert [p.name for p in geneva.participants] == ["Antony Blinken", "Sergey Lavrov"]
    assert geneva.place is not None
    assert (geneva.place.name, geneva.place.country) == ("Geneva", "Switzerland")
    assert geneva.time is not None
    assert geneva.time.start is not None
    assert geneva.time.start.isoformat() == "2022-01-21"  # the headline's "on Friday"
    assert geneva.duration is not None
    assert (geneva.duration.value, geneva.duration.unit) == (90.0, "min")
    assert (geneva.status.value, geneva.channel.value) == ("held", "in_person")
    assert [p.name for p in again.participants] == ["Antony Blinken", "Sergey Lavrov"]
    assert again.status.value == "planned"  # "suggested the two would likely meet again"
    assert [p.name for p in moscow.participants] == ["Liz Truss", "Sergey Lavrov"]
    assert moscow.place is not None
    assert moscow.place.name == "Moscow"
    assert moscow.time is not None
    assert moscow.time.start is not None
    assert moscow.time.start.isoformat()[:7] == "2022-02"
    assert moscow.status.value == "planned"
    text = example_article["text"]
    assert "met for about 90 minutes" in geneva.span.slice(text)


# --------------------------------------------------------------------------- one per rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "US secretary of state Antony Blinken and Russian foreign minister Sergey Lavrov "
            "met for about 90 minutes in Geneva on Friday.",
            (
                ["Antony Blinken", "Sergey Lavrov"],
                "Geneva",
                "2022-01-21",
                "2022-01-21",
                "held",
                "in_person",
                "meeting.met_together",
            ),
            id="met_together",
        ),
        pytest.param(
            "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on "
            "Monday.",
            (
                ["Emmanuel Macron", "Olaf Scholz"],
                "Berlin",
                "2022-01-17",
                "2022-01-17",
                "held",
                "in_person",
                "meeting.met_with",
            ),
            id="met_with",
        ),
        pytest.param(
            "Defence ministers from Estonia, Latvia and Lithuania met in Riga on Friday.",
            (
                ["Estonia", "Latvia", "Lithuania"],
                "Riga",
                "2022-01-21",
                "2022-01-21",
                "held",
                "in_person",
                "meeting.met_together",
            ),
            id="ministers_from_countries",
        ),
        pytest.param(
            "Chinese foreign minister Wang Yi held talks with US secretary of state Antony "
            "Blinken in Beijing on Sunday.",
            (
                ["Wang Yi", "Antony Blinken"],
                "Beijing",
                "2022-01-16",
                "2022-01-16",
                "held",
                "in_person",
                "meeting.held_talks",
            ),
            id="held_talks",
        ),
        pytest.param(
            "German Chancellor Olaf Scholz held a video conference with French President "
            "Emmanuel Macron on Monday.",
            (
                ["Olaf Scholz", "Emmanuel Macron"],
                None,
                "2022-01-17",
                "2022-01-17",
                "held",
                "video",
                "meeting.held_talks",
            ),
            id="video_conference",
        ),
        pytest.param(
            "Talks between Russia and Ukraine will resume in Istanbul next week.",
            (
                ["Russia", "Ukraine"],
                "Istanbul",
                "2022-01-24",
                "2022-01-30",
                "planned",
                "in_person",
                "meeting.between",
            ),
            id="between",
        ),
        pytest.param(
            "The summit between Russia and Ukraine was called off.",
            (["Russia", "Ukraine"], None, None, None, "cancelled", "in_person", "meeting.between"),
            id="called_off",
        ),
        pytest.param(
            "US President Joe Biden will host Japanese Prime Minister Fumio Kishida at the "
            "White House on Friday.",
            (
                ["Joe Biden", "Fumio Kishida"],
                "White House",
                "2022-01-28",
                "2022-01-28",
                "planned",
                "in_person",
                "meeting.hosted",
            ),
            id="hosted",
        ),
        pytest.param(
            "British foreign minister Liz Truss visited Kyiv on Thursday.",
            (
                ["Liz Truss", "Ukraine"],
                "Kyiv",
                "2022-01-20",
                "2022-01-20",
                "held",
                "in_person",
                "meeting.visit_place",
            ),
            id="visit_place_host_country",
        ),
        pytest.param(
            "German Chancellor Olaf Scholz visited Japan last week.",
            (
                ["Olaf Scholz", "Japan"],
                None,
                "2022-01-10",
                "2022-01-16",
                "held",
                "in_person",
                "meeting.visit_country",
            ),
            id="visit_country",
        ),
        pytest.param(
            "Hungarian Prime Minister Viktor Orban visited Ukrainian President Volodymyr "
            "Zelensky in Kyiv on Tuesday.",
            (
                ["Viktor Orban", "Volodymyr Zelensky"],
                "Kyiv",
                "2022-01-18",
                "2022-01-18",
                "held",
                "in_person",
                "meeting.visit_party",
            ),
            id="visit_party",
        ),
        pytest.param(
            "Indian Prime Minister Narendra Modi arrived in Washington on Wednesday for talks "
            "with US President Joe Biden.",
            (
                ["Narendra Modi", "Joe Biden"],
                "Washington",
                "2022-01-19",
                "2022-01-19",
                "held",
                "in_person",
                "meeting.noun_with",
            ),
            id="visit_for_talks_with",
        ),
        pytest.param(
            "President Joe Biden met with his top aides on Wednesday.",
            (
                ["Joe Biden", "top aides"],
                None,
                "2022-01-19",
                "2022-01-19",
                "held",
                "in_person",
                "meeting.met_with",
            ),
            id="group_of_people",
        ),
    ],
)
def test_each_rule(text: str, expected: tuple[object, ...]) -> None:
    found = meetings(text)
    assert [summary(x) for x in found] == [expected]
    assert found[0].span.slice(text) == text


def test_a_phone_call_with_two_people_is_two_calls() -> None:
    text = (
        "Prime Minister Tony Blair spoke by telephone to US President George Bush and French "
        "President Jacques Chirac on Tuesday."
    )
    assert [summary(x) for x in meetings(text)] == [
        (
            ["Tony Blair", "George Bush"],
            None,
            "2022-01-18",
            "2022-01-18",
            "held",
            "phone",
            "meeting.met_each",
        ),
        (
            ["Tony Blair", "Jacques Chirac"],
            None,
            "2022-01-18",
            "2022-01-18",
            "held",
            "phone",
            "meeting.met_each",
        ),
    ]


def test_the_two_are_the_last_pair_that_met_and_a_later_meeting_stays_apart() -> None:
    text = (
        "US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu met at the White "
        "House on Thursday. The two men last met in Tel Aviv in October."
    )
    assert [summary(x) for x in meetings(text)] == [
        (
            ["Joe Biden", "Benjamin Netanyahu"],
            "White House",
            "2022-01-20",
            "2022-01-20",
            "held",
            "in_person",
            "meeting.met_together",
        ),
        (
            ["Joe Biden", "Benjamin Netanyahu"],
            "Tel Aviv",
            "2021-10-01",
            "2021-10-31",
            "held",
            "in_person",
            "meeting.met_together",
        ),
    ]


def test_a_summit_named_in_the_headline_lends_its_day_to_the_meeting_in_the_body() -> None:
    text = (
        "Talks end without a deal\n\n"
        "Senior diplomats left empty-handed after a summit held in Switzerland on Friday.\n\n"
        "US secretary of state Antony Blinken and Russian foreign minister Sergey Lavrov met "
        "in Geneva."
    )
    [meeting] = meetings(text)
    assert summary(meeting)[:5] == (
        ["Antony Blinken", "Sergey Lavrov"],
        "Geneva",
        "2022-01-21",
        "2022-01-21",
        "held",
    )


def test_a_planned_visit_and_its_talks_are_one_meeting() -> None:
    text = (
        "British foreign minister Liz Truss is expected to visit Moscow in February for talks "
        "with Russian foreign minister Sergey Lavrov."
    )
    [meeting] = meetings(text)
    assert summary(meeting)[:5] == (
        ["Liz Truss", "Sergey Lavrov"],
        "Moscow",
        "2022-02-01",
        "2022-02-28",
        "planned",
    )


@pytest.mark.parametrize(
    "text",
    [
        "French President Emmanuel Macron refused to meet Russian President Vladimir Putin.",
        "US secretary of state Antony Blinken did not meet Russian foreign minister Sergey Lavrov.",
        "Russia and Belarus held joint military exercises near the border on Friday.",
        "The Munich Security Conference opened on Friday.",
        "Diplomatic efforts to end the war continued on Friday.",
        "The two leaders agreed to meet again in March.",
        "Senior US and Russian diplomats have agreed to keep talking about Ukraine.",
        "The company said it would meet its targets for the year.",
        "The ministry received US approval to send Stinger missiles.",
        "US President Joe Biden arrived in Philadelphia on Friday.",
    ],
)
def test_not_meetings(text: str) -> None:
    assert meetings(text) == ()


def test_without_a_publication_date_times_stay_unresolved() -> None:
    text = "French President Emmanuel Macron met German Chancellor Olaf Scholz on Monday."
    [meeting] = meetings(text, published=None)
    assert meeting.time is not None
    assert (meeting.time.text, meeting.time.start) == ("on Monday", None)


def test_a_bare_weekday_of_a_planned_meeting_points_forward() -> None:
    text = "Iranian Foreign Minister Manouchehr Mottaki was due to arrive in Pakistan on Wednesday."
    [meeting] = meetings(text, published="2005-12-12")  # a Monday
    assert summary(meeting)[:5] == (
        ["Manouchehr Mottaki", "Pakistan"],
        None,
        "2005-12-14",
        "2005-12-14",
        "planned",
    )


# --------------------------------------------------------------------------- properties

meeting_article = st.one_of(
    st.text(),
    news_article(),
    st.lists(meeting_sentence(), min_size=1, max_size=4).map(" ".join),
)


@given(meeting_article)
@example("")
@example("met " * 2000)
@example("\u201c" * 10_000)
@example("the two met. " * 500)
@example("Talks between Russia and " + "Ukraine, " * 3000)
def test_any_text_gives_meetings_whose_spans_point_into_it(text: str) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    for meeting in article.meetings:
        assert 0 <= meeting.span.start <= meeting.span.end <= len(text)
        assert len(meeting.participants) >= 2
        assert meeting.rule.startswith("meeting.")
        for part in (meeting.place, meeting.time, meeting.duration):
            if part is not None:
                assert 0 <= part.span.start <= part.span.end <= len(text)
        if meeting.duration is not None:
            assert text[meeting.duration.span.start : meeting.duration.span.end] == (
                meeting.duration.text
            )


@given(meeting_article)
def test_the_same_text_gives_the_same_meetings(text: str) -> None:
    first = meetings(text)
    assert first == meetings(text)
    dumped = json.loads(json.dumps([x.to_dict() for x in first]))
    assert tuple(Meeting.from_dict(x) for x in dumped) == first


def _shifted(meeting: Meeting, by: int) -> object:
    return shift_spans(json.loads(json.dumps(meeting.to_dict())), by)


@given(st.lists(meeting_sentence(), min_size=1, max_size=4).map(" ".join), filler_sentence())
def test_an_unrelated_paragraph_before_or_after_removes_no_meeting(text: str, filler: str) -> None:
    base = meetings(text)
    after = meetings(f"{text}\n\n{filler}")
    assert [x.to_dict() for x in base] == [x.to_dict() for x in after]
    prefix = f"{filler}\n\n"
    before = meetings(prefix + text)
    assert [_shifted(x, len(prefix)) for x in base] == [
        json.loads(json.dumps(x.to_dict())) for x in before
    ]


# --------------------------------------------------------------------------- tripwires
# (every module pattern meets runs of these trigger words in tests/test_hostile.py)


@pytest.mark.parametrize(
    "symbols",
    ["A" * 50_000, "A,&" * 20_000, "VAwA" * 10_000, "xA&AV" * 10_000, "Gx" * 30_000],
)
def test_no_chunk_pattern_backtracks_on_long_chunk_strings(symbols: str) -> None:
    for name in sorted(dir(m)):
        pattern = getattr(m, name)
        if name.endswith("_PATTERN") and hasattr(pattern, "finditer"):
            for _ in pattern.finditer(symbols, timeout=2.0):
                pass


def test_a_long_hostile_article_parses_quickly() -> None:
    text = "US President Joe Biden met Chinese President Xi Jinping. " * 2000
    article = geonews.parse_article(text, published=PUBLISHED)
    assert len(article.meetings) >= 1


@pytest.mark.parametrize("dash", ["\u2014", " \u2014 ", " -- "])
def test_a_dash_glued_to_the_meeting_word_or_spaced_reads_alike(dash: str) -> None:
    text = (
        "US Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov "
        f"held talks{dash}in Geneva."
    )
    assert [summary(x) for x in meetings(text)] == [
        (
            ["Antony Blinken", "Sergei Lavrov"],
            "Geneva",
            None,
            None,
            "held",
            "in_person",
            "meeting.held_talks",
        )
    ]
