"""Time expressions: recognition, tense, resolution against the publication day."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from geonews._internal.dates import TimeSpec, resolve, uses_direction
from geonews._internal.document import Document
from geonews._internal.mentions import times
from geonews._internal.mentions.times import find_times

SAT: dt.date = dt.date(2022, 1, 22)  # the seed article's publication day, a Saturday
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Row = tuple[str, str | None, str | None, str]


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def found(text: str, published: dt.date | None = SAT) -> list[Row]:
    """(text, start, end, granularity) of every time expression."""
    return [
        (t.text, _iso(t.start), _iso(t.end), t.granularity.value)
        for t in find_times(Document(text), published)
    ]


def only(text: str, published: dt.date | None = SAT) -> Row:
    rows = found(text, published)
    assert len(rows) == 1, rows
    return rows[0]


# --------------------------------------------------------------------------- seed article

SEED_CASES = [
    (
        (
            "Senior US and Russian diplomats have agreed to keep talking amid the stand-off "
            "over Ukraine after a summit held in Switzerland on Friday produced no movement "
            "on the crisis."
        ),
        ("on Friday", "2022-01-21", "2022-01-21", "day"),
    ),
    (
        (
            "British foreign minister Liz Truss is expected to visit Moscow in February for talks "
            "with Mr Lavrov"
        ),
        ("in February", "2022-02-01", "2022-02-28", "month"),
    ),
    (
        (
            "The UK sent anti-tank missiles earlier this week, while the defence ministers of the "
            "Baltic nations issued a statement"
        ),
        ("earlier this week", "2022-01-17", "2022-01-22", "range"),
    ),
    (
        "a Nato maritime exercise in the Mediterranean, which will continue until February 4th",
        ("until February 4th", "2022-01-22", "2022-02-04", "range"),
    ),
    (
        "Late on Friday, the US embassy in Kyiv tweeted photos of a shipment",
        ("Late on Friday", "2022-01-21", "2022-01-21", "day"),
    ),
    (
        (
            "Mr Blinken told Mr Lavrov the US would give Russia written responses to Moscow's "
            "proposals next week"
        ),
        ("next week", "2022-01-24", "2022-01-30", "week"),
    ),
    (
        "something that had been planned since 2020, said Pentagon press secretary John Kirby",
        ("since 2020", "2020-01-01", "2022-01-22", "range"),
    ),
    (
        "On Thursday, Russia announced sweeping naval manoeuvres in the Black Sea",
        ("On Thursday", "2022-01-20", "2022-01-20", "day"),
    ),
    (
        "Russia announced sweeping naval manoeuvres through February",
        ("through February", "2022-01-22", "2022-02-28", "range"),
    ),
    (
        "the RIA news agency reported on Saturday, citing a diplomatic source",
        ("on Saturday", "2022-01-22", "2022-01-22", "day"),
    ),
    (
        "We didn't expect any major breakthroughs to happen today",
        ("today", "2022-01-22", "2022-01-22", "day"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEED_CASES)
def test_seed_article_times(text: str, expected: Row) -> None:
    assert only(text) == expected


def test_seed_article_as_a_whole() -> None:
    text = (
        "Senior US and Russian diplomats have agreed to keep talking after a summit held in "
        "Switzerland on Friday produced no movement on the crisis.\n\n"
        "The UK sent anti-tank missiles earlier this week, while the Baltic nations said they "
        "would send Stinger missiles.\n\n"
        "British foreign minister Liz Truss is expected to visit Moscow in February for talks "
        "with Mr Lavrov, the RIA news agency reported on Saturday."
    )
    assert [(r[0], r[1]) for r in found(text)] == [
        ("on Friday", "2022-01-21"),
        ("earlier this week", "2022-01-17"),
        ("in February", "2022-02-01"),
        ("on Saturday", "2022-01-22"),
    ]


# --------------------------------------------------------------------------- weekdays and tense


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # wire style: a bare weekday after the speech verb, in a past clause
        ("The ministry said Thursday that exports rose.", dt.date(1987, 4, 9), "1987-04-09"),
        ("The ministry said Thursday that exports rose.", dt.date(1987, 4, 11), "1987-04-09"),
        ("Officials met on Monday in Brussels.", SAT, "2022-01-17"),
        ("The two ministers will meet on Thursday in Geneva.", SAT, "2022-01-27"),
        ("Talks are scheduled to resume on Tuesday.", SAT, "2022-01-25"),
        ("They'll decide on Monday, aides said.", SAT, "2022-01-24"),
        ("On Friday, the ministers will meet in Geneva.", SAT, "2022-01-28"),
        ("Friday night's attack killed three soldiers.", SAT, "2022-01-21"),
        ("He was standing next to the embassy on Friday.", SAT, "2022-01-21"),
        ("They met last Friday.", dt.date(2022, 1, 21), "2022-01-14"),
        ("They will meet again next Friday.", dt.date(2022, 1, 21), "2022-01-28"),
        ("The vote, on Sunday, is expected to be close.", SAT, "2022-01-23"),
        # "would" reports a plan: the next such day
        ("Lavrov said Moscow would reply on Wednesday.", SAT, "2022-01-26"),
        # the speech verb's time is past even when the reported clause is in the future
        ("Lavrov said on Wednesday that Moscow will reply.", SAT, "2022-01-19"),
    ],
)
def test_weekday_follows_the_tense_of_its_clause(
    text: str, published: dt.date, expected: str
) -> None:
    row = only(text, published)
    assert (row[1], row[2], row[3]) == (expected, expected, "day")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a marker a few words after the expression counts when no past verb comes first
        ("The OECD in May is expected to release a study.", dt.date(1987, 4, 9), "1987-05-01"),
        ("The ministry said Thursday it will cut rates.", dt.date(1987, 4, 11), "1987-04-09"),
        # the marker must be in the expression's own clause
        (
            "The dialogue, launched in early March, had been scheduled for July.",
            dt.date(2006, 11, 7),
            "2006-03-01",
        ),
        (
            "Mottaki, who was due to arrive on Wednesday, will meet Musharraf.",
            dt.date(2005, 12, 12),
            "2005-12-14",
        ),
    ],
)
def test_tense_is_read_in_the_clause(text: str, published: dt.date, expected: str) -> None:
    assert found(text, published)[0][1] == expected


def test_weekday_with_a_date_is_that_date() -> None:
    assert only("The summit on Friday, January 21, 2022 ended without a deal.") == (
        "on Friday, January 21, 2022",
        "2022-01-21",
        "2022-01-21",
        "day",
    )


# --------------------------------------------------------------------------- relative words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices fell last week.", ("last week", "2022-01-10", "2022-01-16", "week")),
        # "from" is kept in the text but makes no range
        ("Talks resumed from Monday.", ("from Monday", "2022-01-17", "2022-01-17", "day")),
        ("Prices fell this week.", ("this week", "2022-01-17", "2022-01-23", "week")),
        ("Talks resume later this week.", ("later this week", "2022-01-22", "2022-01-23", "range")),
        (
            "Talks will resume early next week.",
            ("early next week", "2022-01-24", "2022-01-26", "range"),
        ),
        ("Exports rose last month.", ("last month", "2021-12-01", "2021-12-31", "month")),
        ("Exports will rise next month.", ("next month", "2022-02-01", "2022-02-28", "month")),
        ("Exports rose this month.", ("this month", "2022-01-01", "2022-01-31", "month")),
        (
            "Earlier this month the bank cut rates.",
            ("Earlier this month", "2022-01-01", "2022-01-22", "range"),
        ),
        ("Growth slowed last year.", ("last year", "2021-01-01", "2021-12-31", "year")),
        ("Growth will pick up next year.", ("next year", "2023-01-01", "2023-12-31", "year")),
        ("The budget this year is tight.", ("this year", "2022-01-01", "2022-12-31", "year")),
        (
            "The report, published late last year, said so.",
            ("late last year", "2021-09-01", "2021-12-31", "range"),
        ),
        ("He arrived yesterday.", ("yesterday", "2022-01-21", "2022-01-21", "day")),
        ("He leaves tomorrow.", ("tomorrow", "2022-01-23", "2022-01-23", "day")),
        (
            "The army said last night it had withdrawn.",
            ("last night", "2022-01-21", "2022-01-21", "day"),
        ),
        ("She resigned this morning.", ("this morning", "2022-01-22", "2022-01-22", "day")),
        ("It happened two weeks ago.", ("two weeks ago", "2022-01-03", "2022-01-09", "week")),
        ("The law passed a year ago.", ("a year ago", "2021-01-01", "2021-12-31", "year")),
        (
            "A ruling is due in three months.",
            ("in three months", "2022-04-01", "2022-04-30", "month"),
        ),
        (
            "Troops will leave within a week.",
            ("within a week", "2022-01-22", "2022-01-29", "range"),
        ),
        (
            "Shares fell in the past two weeks.",
            ("in the past two weeks", "2022-01-08", "2022-01-22", "range"),
        ),
        (
            "Aid will arrive in the coming days.",
            ("in the coming days", "2022-01-22", None, "range"),
        ),
        ("Fighting has grown in recent weeks.", ("in recent weeks", None, "2022-01-22", "range")),
        (
            "Rebels attacked over the weekend.",
            ("over the weekend", "2022-01-22", "2022-01-23", "range"),
        ),
        (
            "The plant will close by the end of the year.",
            ("by the end of the year", "2022-01-22", "2022-12-31", "range"),
        ),
        (
            "Talks run until Wednesday next week.",
            ("until Wednesday next week", "2022-01-22", "2022-01-26", "range"),
        ),
        (
            "A report for July this year is due.",
            ("July this year", "2022-07-01", "2022-07-31", "month"),
        ),
        ("Results are expected by year-end.", ("by year-end", "2022-01-22", "2022-12-31", "range")),
    ],
)
def test_relative_expressions(text: str, expected: Row) -> None:
    assert only(text) == expected


def test_a_count_after_in_is_a_duration_in_a_past_clause() -> None:
    assert found("It was the first rise in 10 years.") == []


# --------------------------------------------------------------------------- months and dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deal was signed on January 21 in Vienna.",
            ("on January 21", "2022-01-21", "2022-01-21", "day"),
        ),
        ("The deal was signed January 21.", ("January 21", "2022-01-21", "2022-01-21", "day")),
        ("Talks were held on 21 Jan 2022.", ("on 21 Jan 2022", "2022-01-21", "2022-01-21", "day")),
        (
            "The accord of March 3, 1987 expired.",
            ("March 3, 1987", "1987-03-03", "1987-03-03", "day"),
        ),
        ("Voting is due to start on Feb. 4.", ("on Feb. 4", "2022-02-04", "2022-02-04", "day")),
        (
            "The ceasefire began on the 4th of January.",
            ("on the 4th of January", "2022-01-04", "2022-01-04", "day"),
        ),
        ("Troops arrived in mid-March.", ("in mid-March", "2021-03-11", "2021-03-20", "range")),
        (
            "Elections will be held in late March.",
            ("in late March", "2022-03-21", "2022-03-31", "range"),
        ),
        ("Imports rose in May 2021.", ("in May 2021", "2021-05-01", "2021-05-31", "month")),
        ("Imports fell last November.", ("last November", "2021-11-01", "2021-11-30", "month")),
        ("Inflation has risen since March.", ("since March", "2021-03-01", "2022-01-22", "range")),
        (
            "Output was 5 pct lower in Sept. 1986.",
            ("in Sept. 1986", "1986-09-01", "1986-09-30", "month"),
        ),
        (
            "The data as of 2022-01-20 showed a rise.",
            ("as of 2022-01-20", "2022-01-20", "2022-01-20", "day"),
        ),
    ],
)
def test_months_and_dates(text: str, expected: Row) -> None:
    assert only(text) == expected


def test_a_day_without_year_is_the_nearest_one_outside_a_future_clause() -> None:
    assert only("Campaigning began for January 21 polls.", dt.date(2006, 12, 20))[1] == "2007-01-21"
    assert only("The visit comes ahead of December 21 talks.", dt.date(2005, 12, 12))[1] == (
        "2005-12-21"
    )
    assert only("Annan met Blair on December 28.", dt.date(2006, 1, 5))[1] == "2005-12-28"
    assert only("Experts studied evidence from the Oct. 13 attack.") == (
        "Oct. 13",
        "2021-10-13",
        "2021-10-13",
        "day",
    )
    assert only("GENEVA, Jan. 21 (Wire) - Talks ended without a deal.") == (
        "Jan. 21",
        "2022-01-21",
        "2022-01-21",
        "day",
    )


def test_a_month_points_the_way_of_its_clause() -> None:
    # GUIDELINES: a month without a year is the nearest one in the direction of the tense
    assert only("The talks collapsed in February.")[1:3] == ("2021-02-01", "2021-02-28")
    assert only("The talks will resume in February.")[1:3] == ("2022-02-01", "2022-02-28")
    # the publication month itself counts both ways
    assert only("Prices rose in January.")[1] == "2022-01-01"
    assert only("Prices will rise in January.")[1] == "2022-01-01"


def test_month_names_that_are_words_are_left_alone() -> None:
    assert found("I may go. This may be it. The March crush ratio eased.") == []
    assert found("Theresa May said on Friday she would stay.") == [
        ("on Friday", "2022-01-21", "2022-01-21", "day")
    ]


def test_impossible_dates_keep_their_text_unresolved() -> None:
    assert only("The vote was set for February 30.") == ("February 30", None, None, "day")
    assert only("They met on February 29.", dt.date(2022, 3, 5)) == (
        "on February 29",
        None,
        None,
        "day",
    )
    assert only("They met on February 29.", dt.date(2020, 3, 5))[1] == "2020-02-29"


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The law was passed in 2019.", ("in 2019", "2019-01-01", "2019-12-31", "year")),
        ("The fleet will be replaced by 2030.", ("by 2030", "2022-01-22", "2030-12-31", "range")),
        (
            "Prices have doubled since early 2020.",
            ("since early 2020", "2020-01-01", "2022-01-22", "range"),
        ),
        ("Inflation was high in the 1990s.", ("in the 1990s", "1990-01-01", "1999-12-31", "range")),
        (
            "Prices rose in the early 1980s.",
            ("in the early 1980s", "1980-01-01", "1983-12-31", "range"),
        ),
        (
            "Profit rose in the first quarter of 1987.",
            ("in the first quarter of 1987", "1987-01-01", "1987-03-31", "range"),
        ),
        (
            "Sales grew in the second half of 2021.",
            ("in the second half of 2021", "2021-07-01", "2021-12-31", "range"),
        ),
    ],
)
def test_years(text: str, expected: Row) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 2020 elections were disputed.",
        "He won by 2000 votes.",
        "The 1987 budget is tight.",
        "Model 2021 sold well.",
    ],
)
def test_numbers_that_only_look_like_years(text: str) -> None:
    assert found(text) == []


def test_a_year_before_a_plural_noun_is_still_a_year() -> None:
    assert only("In 1986 exports rose 5 pct.", dt.date(1987, 3, 3))[:2] == ("In 1986", "1986-01-01")


# --------------------------------------------------------------------------- no publication day


def test_without_publication_day_relative_times_keep_their_text_only() -> None:
    text = (
        "Officials met on Friday and will meet again next week; the accord of March 3, 1987 stands."
    )
    assert found(text, None) == [
        ("on Friday", None, None, "day"),
        ("next week", None, None, "week"),
        ("March 3, 1987", "1987-03-03", "1987-03-03", "day"),
    ]


def test_resolution_at_the_ends_of_the_calendar_gives_none() -> None:
    assert found("Talks resumed on Friday.", dt.date.min) == [("on Friday", None, None, "day")]
    assert found("Talks will resume next year.", dt.date.max) == [("next year", None, None, "year")]


def test_resolve_since_is_past_even_in_a_future_clause() -> None:
    period = resolve(TimeSpec(kind="month", month=3, prep="since"), SAT, "future")
    assert (period.start, period.end) == (dt.date(2021, 3, 1), SAT)


# --------------------------------------------------------------------------- properties

_PUBLISHED = st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9999, 12, 24))
_TIME_PHRASES = (
    "on Friday",
    "last week",
    "in February",
    "since 2020",
    "March 3, 1987",
    "earlier this week",
    "two weeks ago",
    "by the end of the year",
    "in mid-March",
    "yesterday",
    "the 1990s",
    "Feb. 4",
)


@st.composite
def _time_text(draw: st.DrawFn) -> str:
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(_TIME_PHRASES), st.text(max_size=12)),
            max_size=8,
        )
    )
    joiners = draw(
        st.lists(
            st.sampled_from([" ", ", ", ". ", " will ", " in ", "\n"]),
            min_size=len(pieces),
            max_size=len(pieces),
        )
    )
    return "".join(j + p for j, p in zip(joiners, pieces, strict=True))


@given(_PUBLISHED, st.sampled_from(WEEKDAYS), st.sampled_from(["met", "will meet"]))
def test_on_weekday_lies_within_a_week_of_publication(
    published: dt.date, weekday: str, verb: str
) -> None:
    (ref,) = find_times(Document(f"The envoys {verb} on {weekday}."), published)
    assert ref.text == f"on {weekday}"
    assert ref.start is not None
    assert ref.start == ref.end
    assert ref.start.weekday() == WEEKDAYS.index(weekday)
    assert abs((ref.start - published).days) < 7
    if verb == "met":
        assert ref.start <= published
    else:
        assert ref.start >= published


# Pieces that fire the recognizer when glued together in any order, with or without spaces.
_TOKENS = (
    *_TIME_PHRASES,
    "in",
    "the",
    "of",
    "last",
    "next",
    "this",
    "early",
    "mid-",
    "end",
    "since",
    "by",
    "a",
    "19",
    "199",
    "2021",
    "2022-01-",
    "1990s",
    "'90s",
    "21st",
    "4",
    "Jan.",
    "Sept",
    "May",
    "Monday",
    "week",
    "weeks",
    "year",
    "years",
    "ago",
    "quarter",
    "half",
    "night",
    "today",
    " ",
    " ",
    ",",
    ".",
    "-",
    "'",
    "\u2019",
    "\u00a0",
    "\n",
    "\u017f",
    "\u212a",
)
_token_soup = st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join)


@given(st.one_of(st.text(), _token_soup), st.one_of(st.none(), st.dates()))
@example("in 199", dt.date(2022, 1, 22))
@example("on \u017funday and la\u017ft Friday", dt.date(2022, 1, 22))
@example("February 30 99999999999999999999 \ud800 on Friday", dt.date(2022, 1, 22))
@example("in 9999 and next year", dt.date.max)
@example("last week", dt.date.min)
def test_never_raises_and_spans_slice_the_text(text: str, published: dt.date | None) -> None:
    for ref in find_times(Document(text), published):
        assert text[ref.span.start : ref.span.end] == ref.text


@given(_time_text(), st.one_of(st.none(), _PUBLISHED))
def test_times_are_sorted_disjoint_and_verbatim(text: str, published: dt.date | None) -> None:
    refs = find_times(Document(text), published)
    for ref in refs:
        assert text[ref.span.start : ref.span.end] == ref.text
        assert ref.text == ref.text.strip()
    for a, b in itertools.pairwise(refs):
        assert a.span.end <= b.span.start


# --------------------------------------------------------------------------- hostile input

_HOSTILE = (
    "Friday " * 20_000,
    "in " * 30_000 + "2021",
    "the end of " * 10_000 + "the year",
    "1" * 100_000,
    "January" * 20_000,
    "\u201c" * 100_000,
    "day" * 50_000,
    "Jan. " * 20_000 + "4",
)


@pytest.mark.parametrize("text", _HOSTILE, ids=lambda t: repr(t[:12]))
def test_patterns_are_linear_on_hostile_text(text: str) -> None:
    for name in dir(times):
        pattern = getattr(times, name)
        if name.endswith("_PATTERN") and isinstance(pattern, regex.Pattern):
            for _ in pattern.finditer(text[:20_000], timeout=5.0):
                pass
    for cls in times._CLASSES:  # the ASCII twins, which `re` runs without a timeout
        for _ in cls.ascii_pattern.finditer(text[:20_000]):
            pass
    refs = find_times(Document(text), SAT)
    assert all(text[r.span.start : r.span.end] == r.text for r in refs)


# --------------------------------------------------------------------------- fast paths

# Words of time expressions, and a few that only look like them, to be joined densely.
_TIME_WORDS = """as early as of since until till through by in on at during over from starting
before after within the end of beginning middle earlier later early late mid this coming
past last next recent yesterday today tomorrow tonight night morning evening week weeks
month months year years year-end quarter half decade decades weekend first second 4th final
ago now time 's days hours few couple 1987 2022 2000 1990s 2022-01-21 2021-13-01 21 21st 3
31 32 100 people per votes a an two ten twenty Jan Jan. Feb. Sept Sept. May March January
Monday Friday"""


@st.composite
def _dense_time_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_TIME_WORDS.split()), min_size=1, max_size=10))
    out = []
    for word in words:
        case = draw(st.sampled_from(["same", "title", "upper", "lower"]))
        out.append(word if case == "same" else getattr(word, case)())
        out.append(draw(st.sampled_from([" ", " ", "  ", ", ", "-", "'", ". ", "\n", ""])))
    return "".join(out)


def _twin_fields(cls: times._Class, m: re.Match[str]) -> dict[str, str]:
    """The groups of an ASCII twin's match under the names of the `regex` pattern."""
    fields = m.groupdict("")
    for name, alias in cls.renamed:
        value = fields.pop(alias)
        assert not (value and fields[name])  # one of the two took part, or neither
        fields[name] = fields[name] or value
    return fields


@given(_dense_time_text())
@example("the day before yesterday, last Friday, January 21, 2022 night")
@example("in the first quarter of 1987 and two weeks from now, by year-end")
def test_ascii_twins_read_as_the_regex_patterns(text: str) -> None:
    for cls in times._CLASSES:
        for begin in range(len(text)):
            expected, got = cls.pattern.match(text, begin), cls.ascii_pattern.match(text, begin)
            assert (expected is None) == (got is None), (text, begin)
            if expected is not None and got is not None:
                assert expected.span() == got.span()
                assert expected.groupdict("") == _twin_fields(cls, got)


def _month_anchors_by_word(norm: str, scan: str) -> list[tuple[int, int, int]]:
    """Capitalized months as found before `_MONTH_SCAN`: word by word."""
    words = (m.span() for m in regex.finditer(r"(?<![^ ])\x01[^ ]*+", scan))
    return [(s, e, times._MONTH) for s, e in words if norm[s:e].lower() in times._MONTHS]


@given(
    st.lists(
        st.one_of(
            st.sampled_from([*times._MONTHS, "Minister", "MAY", "mAy", "SEPT", "Jun", "x"]),
            st.text(alphabet="aAjJnNuUy.,' -\u0130\u212a\xe9\x01", max_size=6),
        ),
        max_size=8,
    ).map(" ".join)
)
def test_month_scan_finds_every_capitalized_month(text: str) -> None:
    scan = times._scan_text(text)
    anchors = [a for a in times._anchors(text, scan) if a[2] == times._MONTH]
    assert anchors == _month_anchors_by_word(text, scan)


@given(st.text())
@example("Friday, MAY 3 (2022) - \u2019")
def test_scan_copy_of_ascii_text_as_of_any_text(text: str) -> None:
    assert times._scan_text(text) == text.translate(times._SCAN_TABLE)


@given(
    st.builds(
        TimeSpec,
        kind=st.sampled_from(["date", "weekday", "month", "quarter", "half", "weekend", "year"]),
        year=st.none() | st.integers(1, 9999),
        month=st.none() | st.integers(1, 12),
        day=st.none() | st.integers(1, 31),
        weekday=st.none() | st.integers(0, 6),
        relation=st.none() | st.sampled_from(["last", "this", "next"]),
        offset=st.integers(-1, 1),
        unit=st.none() | st.sampled_from(["week", "year"]),
        number=st.none() | st.integers(1, 4),
        part=st.none() | st.sampled_from(["early", "end", "earlier"]),
        prep=st.none() | st.sampled_from(["since", "until", "before", "within"]),
    ),
    st.none() | _PUBLISHED,
)
def test_resolve_ignores_the_tense_where_uses_direction_says_so(
    spec: TimeSpec, published: dt.date | None
) -> None:
    if not uses_direction(spec, published):
        assert resolve(spec, published, "past") == resolve(spec, published, "future")


@pytest.mark.parametrize("dash", ["\u2014", " \u2014 ", ", "])
def test_a_month_before_a_dash_is_read(dash: str) -> None:
    text = f"The militia took over the government in February{dash}although officials deny it."
    assert only(text, dt.date(2015, 6, 1)) == ("in February", "2015-02-01", "2015-02-28", "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks Will Resume In Two Days", ("In Two Days", "2022-01-24", "2022-01-24", "day")),
        ("Leaders Met Two Days Ago", ("Two Days Ago", "2022-01-20", "2022-01-20", "day")),
        ("Leaders Met Last Night", ("Last Night", "2022-01-21", "2022-01-21", "day")),
        ("Talks Go On Friday Night", ("On Friday Night", "2022-01-21", "2022-01-21", "day")),
        ("They Met Monday Morning", ("Monday Morning", "2022-01-17", "2022-01-17", "day")),
    ],
)
def test_a_title_case_headline_is_read_like_a_sentence(text: str, expected: Row) -> None:
    # "Days", "Night" and "Morning" open with a letter that can open a month name
    assert only(text) == expected
