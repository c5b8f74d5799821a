"""Time expressions: "on Friday", "earlier this week", "in February", "March 3, 1987".

Finding: a time expression always holds an *anchor* word: a weekday ("Friday"), a
capitalized month ("February", "Feb."), a relative day ("yesterday", "tonight"), a
unit ("week", "months", "year", "quarter", "half") or a year (1900-2099). Anchors are
found with plain substring searches over a same-length, lower-cased copy of the text
(`_scan_text`), far cheaper than running a pattern at every position. From each anchor
the words that may open an expression ("in", "the end of", "last", "two", "21") are
walked back, and the pattern of the anchor's class is matched from the leftmost of them:
the longest reading wins, left to right, without overlaps.

What the patterns read (a preposition and a part may come first):

- prepositions: "on", "in", "at", "during", "over", "throughout", "as of", kept in the
  text, like "from", "starting", "as early as" and "of" (which the text leaves out:
  "the summit of March 3"); "since", "until", "till", "through", "by", "before",
  "after" and "within" also turn the expression into a range (see
  `geonews._internal.dates`);
- parts: "early", "mid-", "late", "earlier", "later", "the end of", "the beginning of";
- weekdays ("Friday", "last Friday", "Friday night", "Friday, January 21"), dates
  ("January 21", "21 Jan 2022", "Feb. 4", "March 3, 1987", "2022-01-21"), months
  ("in February", "February 2022", "last November"), years only after a preposition or
  a part ("in 2021", "since 2020", "mid-2021"; not "the 2020 elections"), decades
  ("the 1990s"), quarters and halves ("the first quarter of 1987");
- relative words: "yesterday", "today", "tonight", "last night", "this morning",
  "this/last/next week|month|year|quarter|weekend", "the past two weeks",
  "in the coming days", "in recent weeks", "two weeks ago", "in three months".

Tense: a bare weekday or a month without a year is resolved backwards unless its
clause is in the future: a marker from ``_data/time_future_markers.txt`` stands
between the start of the clause and the expression, or within a few words after it
when no past verb (``_data/time_past_verbs.txt``, or an ``-ed`` word) comes before it
("On Friday, the ministers will meet", "The OECD in May is expected to"; not "the
ministry said Thursday it will"). A day of a month without a year is forward in a
future clause, else the nearest one (see `geonews._internal.dates`).

Not read: all-capital text ("FRIDAY"), two-digit decades ("the '90s"), lower-case
months, ranges written as one expression ("from Monday to Wednesday": two times).
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Iterable, Iterator
from typing import Final, NamedTuple, cast

import regex

from geonews._internal.dates import (
    Direction,
    Kind,
    Part,
    Prep,
    Relation,
    TimeSpec,
    Unit,
    resolve,
    uses_direction,
)
from geonews._internal.document import Document
from geonews._internal.lexicons import compile_pattern, lexicon, table, trie
from geonews._internal.model import Span, TimeRef

_MONTH_ROWS: Final = table("time_months", 3)
_MONTHS: Final = {form.lower(): int(number) for form, number, _ in _MONTH_ROWS}
_SHORT_MONTHS: Final = frozenset(form.lower() for form, _, kind in _MONTH_ROWS if kind == "short")
_WEEKDAYS: Final = {name.lower(): int(number) for name, number in table("time_weekdays", 2)}
_COUNTS: Final = {word: int(value) for word, value in table("time_count_words", 2)}
_FLAGS: Final = regex.VERBOSE | regex.IGNORECASE | regex.VERSION1

# --------------------------------------------------------------------------- patterns

_YEAR: Final = r"[12][0-9]{3}(?![0-9])"
_DAY_NUMBER: Final = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?+(?!\w)"
# What may come before any expression: a preposition, then a part.
_PREFIX: Final = r"""
    (?<!\w)
    (?:(?P<prep>                                  # kept in the text
        as[ ]++early[ ]++as | as[ ]++of | since | until | till | til | through | thru
      | throughout | by | in | on | at | during | over | from | starting | before | after
      | within | of
    )[ ]++)?+
    (?:(?P<mod>                                   # a part of what follows
        the[ ]++end[ ]++of | the[ ]++beginning[ ]++of | the[ ]++start[ ]++of
      | the[ ]++middle[ ]++of | end[ ]++of | end(?=-) | earlier | later | early | late | mid
    )(?:-|[ ]++(?:(?:on|in)[ ]++)?+))?+
"""
_DATE: Final = rf"""
    (?:
        (?P<month>\L<month_forms>)(?!\w)[ ]++(?P<day>{_DAY_NUMBER})   # January 21, Feb. 4th
        (?:,?+[ ]++(?P<year>{_YEAR}))?+                              # , 2022
      | (?P<day>{_DAY_NUMBER})[ ]++(?:of[ ]++)?+                     # 21, 4th of
        (?P<month>\L<month_forms>)(?!\w)                             # Jan, February
        (?:,?+[ ]++(?P<year>{_YEAR}))?+                              # 2022
    )
"""

WEEKDAY_PATTERN: Final = compile_pattern(
    rf"""{_PREFIX}
    (?:(?P<wrel>this[ ]++coming|this[ ]++past|last|next|this|coming|past)[ ]++)?+
    (?P<weekday>\L<weekdays>)(?!\w)                           # Friday
    (?:,?+[ ]++(?:the[ ]++)?+{_DATE})?+                       # , January 21, 2022
    (?:[ ]++(?P<wweek>this|last|next)[ ]++week(?!\w))?+        # Wednesday next week
    (?:[ ]++(?P<daypart>morning|afternoon|evening|night)(?!\w))?+
    """,
    _FLAGS,
    month_forms=list(_MONTHS),
    weekdays=list(_WEEKDAYS),
)
MONTH_PATTERN: Final = compile_pattern(
    rf"""{_PREFIX}
    (?:
        (?:the[ ]++(?=[0-9]))?+{_DATE}                          # January 21, the 21st of Jan
      | (?:(?P<mrel>this[ ]++coming|this[ ]++past|last|next|this|coming|past)[ ]++)?+
        (?P<mname>\L<month_forms>)(?!\w)                      # February, last November
        (?:,?+[ ]++(?:of[ ]++)?+(?P<myear>{_YEAR})            # February 2022
          | [ ]++(?P<myrel>this|last|next)[ ]++year(?!\w))?+     # July this year
    )
    """,
    _FLAGS,
    month_forms=list(_MONTHS),
)
YEAR_PATTERN: Final = compile_pattern(
    rf"""{_PREFIX}
    (?:
        (?P<iso>[12][0-9]{{3}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))(?![0-9-])  # 2022-01-21
      | the[ ]++(?:(?P<dpart>early|mid|late)(?:-|[ ]++))?+        # the early 1980s
        (?P<decade>[12][0-9]{{2}}0)'?s(?!\w)
      | (?P<year>{_YEAR})(?!\w)                                 # in 2021 (checked after)
    )
    """,
    _FLAGS,
)
RELATIVE_DAY_PATTERN: Final = compile_pattern(
    rf"""{_PREFIX}
    (?P<rday>
        the[ ]++day[ ]++before[ ]++yesterday | the[ ]++day[ ]++after[ ]++tomorrow
      | yesterday | today | tomorrow | tonight | last[ ]++night
      | this[ ]++(?:morning|afternoon|evening)
    )(?!\w)
    (?:[ ]++(?P<daypart>morning|afternoon|evening|night)(?!\w))?+   # yesterday morning
    """,
    _FLAGS,
)
UNIT_PATTERN: Final = compile_pattern(
    rf"""{_PREFIX}
    (?:
        # this week, last month, next year, the year (after "the end of")
        (?P<urel>this[ ]++coming|this[ ]++past|last|next|this|coming|the)[ ]++
        (?P<uunit>week|month|year|quarter|decade)(?!\w)
      | (?P<uunit>year)(?P<yearend>-end|[ ]++end|'s[ ]++end)(?!\w)      # year-end
      | # the past week, the past two weeks, in the coming days, in recent weeks
        the[ ]++(?P<srel>past|last|next|coming)[ ]++(?P<sunit>week|month|year|decade)(?!\w)
      | (?:the[ ]++)?+(?P<srel>past|last|next|coming|recent)[ ]++
        (?:(?P<scount>[0-9]{{1,3}}|\L<counts>|few|several|couple[ ]++of)[ ]++)?+
        (?P<sunit>hours|days|weeks|months|years|decades)(?!\w)
      | # the weekend, last weekend
        (?P<werel>this[ ]++coming|this[ ]++past|last|next|this|coming|the)[ ]++
        (?P<weekend>weekend)(?!\w)
      | # the first quarter of 1987, the second half of the year
        (?:the[ ]++)?+(?P<qnum>first|second|third|fourth|final|1st|2nd|3rd|4th)(?:[ ]++|-)
        (?P<qkind>quarter|half)(?!\w)
        (?:(?:[ ]++of)?+[ ]++(?:(?P<qyear>{_YEAR})|(?P<qyrel>this|next|last|the)[ ]++year(?!\w)))?+
      | # two weeks ago, in three months, in a year's time, within a week
        (?P<ccount>[0-9]{{1,3}}|\L<counts>)[ ]++(?P<cunit>days?|weeks?|months?|years?|decades?)
        (?P<csuffix>[ ]++ago|[ ]++from[ ]++now|'?s?+[ ]++time)?+(?!\w)
    )
    """,
    _FLAGS,
    counts=list(_COUNTS),
)

# After a round bare year: words that show a count rather than a year ("by 2000 votes").
_ROUND: Final = frozenset({"00", "50"})
_COUNT_AFTER_YEAR: Final = regex.compile(  # spaces bounded: a scan stays linear on a run
    r"[ ]{1,40}+(?:\p{Ll}*+(?<=s)|people|percent|per|%)(?!\w)", flags=regex.VERSION1
)

# --------------------------------------------------------------------------- anchors

# The scan copy: ASCII letters in lower case, except the capitals that open a month
# name, which become "\x01" so that one search finds every capitalized month; other
# ASCII punctuation, the em dash and the ellipsis become spaces. One character in, one
# out: offsets carry over.
_MONTH_INITIALS: Final = "ADFJMNOS"
_SCAN_TABLE: Final = str.maketrans(
    {ord(c): " " for c in (*string.printable, "\u2014", "\u2026") if not c.isalnum()}
    | {ord(c): c.lower() for c in string.ascii_uppercase}
    | {ord(c): "\x01" for c in _MONTH_INITIALS}
)
# Substrings of the scan copy that lead to every anchor word: inside a word ("Friday",
# "\x01onth" for "Month", "\x01ay" for "Days", "\x01ight" for "Night"), or opening one
# ("\x01orning" for "Morning").
_INNER_KEYS: Final = ("day", "onth", "night", "\x01ay", "\x01ight")
_OPENING_KEYS: Final = ("week", "year", "tomorrow", "quarter", "half", "morning", "\x01orning")
_WEEKDAY, _MONTH, _YEAR_CLASS, _RELATIVE_DAY, _UNIT = range(5)
_ANCHORS: Final = (
    dict.fromkeys(_WEEKDAYS, _WEEKDAY)
    | dict.fromkeys(
        ("yesterday", "today", "tomorrow", "tonight", "night", "morning"), _RELATIVE_DAY
    )
    | dict.fromkeys(
        (
            "days",
            "week",
            "weeks",
            "weekend",
            "month",
            "months",
            "year",
            "years",
            "quarter",
            "half",
        ),
        _UNIT,
    )
)
# Words that may stand between an anchor and the start of its expression.
_LEFT_WORDS: Final = frozenset(lexicon("time_openers")) | frozenset(_COUNTS)
_MAX_LEFT_WORDS: Final = 6
_LONGEST_LEFT_WORD: Final = max(map(len, _LEFT_WORDS))
_RELATIVE_WORDS: Final = frozenset({"this", "last", "next"})
_YEAR_END_TAILS: Final = frozenset({"-end", " end", "'s e"})
_BARE_RELATIVE_DAYS: Final = frozenset({"yesterday", "today", "tomorrow", "tonight"})
_DAY_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})


# The same table for ASCII text as bytes (the upper half is never used): a plain table
# look-up, about three times as fast as `str.translate`, which looks up a dictionary.
_SCAN_BYTES: Final = bytes(ord(chr(i).translate(_SCAN_TABLE)) for i in range(128)) + bytes(
    range(128, 256)
)


def _scan_text(norm: str) -> str:
    if norm.isascii():
        return norm.encode("ascii").translate(_SCAN_BYTES).decode("ascii")
    return norm.translate(_SCAN_TABLE)


def _word_at(scan: str, i: int) -> tuple[int, int]:
    """The word of the scan copy that contains offset `i`."""
    start = scan.rfind(" ", 0, i) + 1
    end = scan.find(" ", i)
    return start, len(scan) if end < 0 else end


def _at_word_starts(scan: str, key: str) -> list[int]:
    """Offsets where a word of the scan copy opens with `key`."""
    out = [0] if scan.startswith(key) else []
    key = " " + key
    i = scan.find(key)
    while i >= 0:
        out.append(i + 1)
        i = scan.find(key, i + 2)
    return out


def _scan_forms(words: Iterable[str]) -> str:
    r"""A pattern for `words` (lower case) as the scan copy writes them in any case.

    A letter stays, or is "\x01" where its capital opens a month name. The letters
    that may turn to "\x01" are all lower case, so they never clash with the syntax
    of the trie ("(?:", "|", ")?").
    """
    initials = _MONTH_INITIALS.lower()
    return "".join(f"[{ch}\x01]" if ch in initials else ch for ch in trie(words))


# The capitalized month names of the scan copy ("\x01ebruary", "\x01\x01y" for "MAY"):
# one `re` search finds them in C, where a Python loop over every capitalized word
# opening with one of `_MONTH_INITIALS` was the costliest part of `_anchors`. A superset
# of them: `_anchors` still checks the word of the text.
_MONTH_SCAN: Final = re.compile(
    "\x01(?<![^ ]\x01)" + _scan_forms({form[1:] for form in _MONTHS if form.isalpha()}) + "(?![^ ])"
)


def _anchors(norm: str, scan: str) -> list[tuple[int, int, int]]:
    """Every anchor word as (start, end, class), sorted."""
    found: dict[int, tuple[int, int, int]] = {}
    size = len(scan)
    for key in _INNER_KEYS:  # "day" ends "Friday", "yesterday"
        i = scan.find(key)
        while i >= 0:
            start, end = _word_at(scan, i)
            kind = _ANCHORS.get(norm[start:end].lower())
            if kind is not None:
                found[start] = (start, end, kind)
            i = scan.find(key, end)
    for key in _OPENING_KEYS:
        for start in _at_word_starts(scan, key):
            end = scan.find(" ", start)
            end = size if end < 0 else end
            kind = _ANCHORS.get(norm[start:end].lower())
            if kind is not None:
                found[start] = (start, end, kind)
    for m in _MONTH_SCAN.finditer(scan):
        start, end = m.span()
        if norm[start:end].lower() in _MONTHS:
            found[start] = (start, end, _MONTH)
    for key in ("19", "20"):
        for start in _at_word_starts(scan, key):
            end = start + 4
            if (
                end <= size
                and norm[start + 2 : end].isdigit()
                and (end == size or scan[end] == " " or norm[end] in "s'")
            ):
                found[start] = (start, end, _YEAR_CLASS)
    return sorted(found.values())


def _is_day_number(word: str) -> bool:
    if word[-2:] in _DAY_SUFFIXES:
        word = word[:-2]
    return word.isdigit() and len(word) <= 2  # noqa: PLR2004


def _starts(norm: str, scan: str, anchor: int, limit: int) -> list[int]:
    """Where an expression holding the anchor may start: the anchor, then farther left.

    Each step back takes one word that may open an expression ("in", "the", "last",
    "two", "21"), joined by one space, hyphen ("mid-March") or apostrophe.
    """
    out = [anchor]
    pos = anchor
    for _ in range(_MAX_LEFT_WORDS):
        gap = pos - 1
        if gap <= limit or norm[gap] not in " -'":
            break
        lo = gap - _LONGEST_LEFT_WORD - 1
        lo = max(lo, limit)
        space = scan.rfind(" ", lo, gap)
        if space >= 0:
            start = space + 1
        elif lo == limit:
            start = lo
        else:
            break  # a word too long to open an expression
        word = norm[start:gap].lower()
        # a day number opens with a digit: spares the call on most words
        if word not in _LEFT_WORDS and not (word[:1].isdigit() and _is_day_number(word)):
            break
        out.append(start)
        pos = start
    return out


def _worth_matching(norm: str, kind: int, start: int, end: int) -> bool:
    """Cheap checks that spare a pattern match on an anchor alone (no word to its left)."""
    if kind == _WEEKDAY:
        return True
    if kind == _YEAR_CLASS:
        return norm[end : end + 1] == "-"  # "2022-01-21"
    if kind == _MONTH:
        return (
            any(map(str.isdigit, norm[end : end + 6]))  # "Jan. 21, 2022"
            or norm[end + 1 : end + 5].lower() in _RELATIVE_WORDS  # "July this year"
        )
    if kind == _UNIT:
        return norm[end : end + 4] in _YEAR_END_TAILS  # "year-end"
    return norm[start:end].lower() in _BARE_RELATIVE_DAYS  # not "night" alone


# --------------------------------------------------------------------------- readers

_PREPS: Final[dict[str, Prep]] = {
    "since": "since",
    "until": "until",
    "till": "until",
    "til": "until",
    "through": "until",
    "thru": "until",
    "by": "until",
    "before": "before",
    "after": "after",
    "within": "within",
}
_PARTS: Final[dict[str, Part]] = {
    "the end of": "end",
    "end of": "end",
    "end": "end",
    "the beginning of": "start",
    "the start of": "start",
    "the middle of": "mid",
    "earlier": "earlier",
    "later": "later",
    "early": "early",
    "late": "late",
    "mid": "mid",
}
_RELATIONS: Final[dict[str, Relation | None]] = {
    "last": "last",
    "past": "last",
    "this past": "last",
    "this": "this",
    "next": "next",
    "coming": "next",
    "this coming": "next",
    "the": None,
}
_OFFSETS: Final = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1}
_RELATIVE_DAYS: Final = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
_ORDINALS: Final = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
}
_Fields = dict[str, str]  # the groups of a match by name; "" for those that did not take part
_VAGUE_COUNTS: Final = frozenset({"few", "several", "couple of"})
# Prepositions after which a bare year, a bare month or "in the first quarter" is a time.
_ANCHORING_PREPS: Final = frozenset(
    {"in", "during", "since", "until", "till", "til", "through", "thru", "by", "before", "after"}
    | {"from", "starting", "as early as", "as of", "throughout", "over", "at", "on", "of"}
)


def _key(text: str | None) -> str:
    """Lower case with single spaces: the key of the tables above."""
    if not text:
        return ""
    if " " not in text:  # one word: the patterns take no other white space
        return text.casefold()
    return " ".join(text.casefold().split())


def _unit(word: str) -> Unit:
    return cast("Unit", word.casefold().removesuffix("s"))


def _prefix(g: _Fields) -> tuple[str, Prep | None, Part | None]:
    prep_word = _key(g["prep"])
    return prep_word, _PREPS.get(prep_word), _PARTS.get(_key(g["mod"]))


def _date(g: _Fields, prep: Prep | None) -> TimeSpec | None:
    month = g["month"]
    if not month[:1].isupper():
        return None
    year = g["year"]
    return TimeSpec(
        kind="date",
        year=int(year) if year else None,
        month=_MONTHS[month.casefold()],
        day=int(g["day"].rstrip("stndrh")),
        prep=prep,
    )


def _read_weekday(g: _Fields, _norm: str, _end: int) -> TimeSpec | None:
    _, prep, part = _prefix(g)
    if g["month"]:
        return _date(g, prep)
    week = _key(g["wweek"])
    return TimeSpec(
        kind="weekday",
        weekday=_WEEKDAYS[g["weekday"].casefold()],
        relation=_RELATIONS[_key(g["wrel"]) or "the"],
        unit="week" if week else None,
        offset=_OFFSETS.get(week, 0),
        part=part,
        prep=prep,
    )


def _read_month(g: _Fields, _norm: str, _end: int) -> TimeSpec | None:
    prep_word, prep, part = _prefix(g)
    if g["month"]:
        return _date(g, prep)
    name, year, rel = g["mname"], g["myear"], g["mrel"]
    in_year = _key(g["myrel"])
    if not name[:1].isupper():
        return None  # "may", "march"
    if not (year or rel or in_year or part or prep_word in _ANCHORING_PREPS):
        return None  # a bare month name: "May" the name, "March" the walk
    if name.casefold() in _SHORT_MONTHS and not (year or in_year):
        return None
    return TimeSpec(
        kind="month",
        month=_MONTHS[name.casefold()],
        year=int(year) if year else None,
        relation=_RELATIONS[_key(rel)] if rel else None,
        unit="year" if in_year else None,
        offset=_OFFSETS.get(in_year, 0),
        part=part,
        prep=prep,
    )


def _read_year(g: _Fields, norm: str, end: int) -> TimeSpec | None:
    prep_word, prep, part = _prefix(g)
    if g["iso"]:
        year, month, day = (int(x) for x in g["iso"].split("-"))
        return TimeSpec(kind="date", year=year, month=month, day=day, prep=prep)
    if g["decade"]:
        part = _PARTS.get(_key(g["dpart"]), part)
        return TimeSpec(kind="decade", number=int(g["decade"]), part=part, prep=prep)
    if not (part or prep_word in _ANCHORING_PREPS):
        return None  # "the 2020 elections", "1,000 2020 models"
    number = g["year"]
    if number[2:] in _ROUND and _COUNT_AFTER_YEAR.match(norm, end):
        return None  # "by 2000 votes", not "In 1986 exports rose"
    return TimeSpec(kind="year", year=int(number), part=part, prep=prep)


def _read_relative_day(g: _Fields, _norm: str, _end: int) -> TimeSpec | None:
    _, prep, part = _prefix(g)
    offset = _RELATIVE_DAYS[_key(g["rday"])]
    return TimeSpec(kind="relative_day", offset=offset, part=part, prep=prep)


def _read_unit(g: _Fields, _norm: str, _end: int) -> TimeSpec | None:
    prep_word, prep, part = _prefix(g)
    if g["uunit"]:
        if g["yearend"]:
            return TimeSpec(kind="relative_unit", unit="year", part="end", prep=prep)
        rel = _key(g["urel"])
        if rel == "the" and part is None:
            return None  # "the week": which one is left to the reader
        return TimeSpec(
            kind="relative_unit",
            unit=_unit(g["uunit"]),
            offset=_OFFSETS.get(rel, 0),
            part=part,
            prep=prep,
        )
    if g["sunit"]:
        return _read_span(g, prep)
    if g["weekend"]:
        return TimeSpec(kind="weekend", relation=_RELATIONS[_key(g["werel"])], prep=prep)
    if g["qkind"]:
        return _read_quarter(g, prep_word, prep, part)
    return _read_counted(g, prep_word)


def _read_span(g: _Fields, prep: Prep | None) -> TimeSpec:
    """Read "the past two weeks", "the coming days", "in recent months"."""
    rel = _key(g["srel"])
    word = _key(g["scount"])
    count: int | None
    if word in _VAGUE_COUNTS or (not word and g["sunit"].casefold().endswith("s")):
        count = None
    elif word:
        count = int(word) if word.isdigit() else _COUNTS[word]
    else:
        count = 1
    return TimeSpec(
        kind="span",
        unit=_unit(g["sunit"]),
        amount=count,
        offset=-1 if rel in {"past", "last", "recent"} else 1,
        prep=None if prep == "within" else prep,
    )


def _read_quarter(
    g: _Fields, prep_word: str, prep: Prep | None, part: Part | None
) -> TimeSpec | None:
    kind: Kind = "quarter" if g["qkind"].casefold() == "quarter" else "half"
    number = _ORDINALS[g["qnum"].casefold()]
    if kind == "half" and number > 2:  # noqa: PLR2004
        return None
    year, yrel = g["qyear"], g["qyrel"]
    if not (year or yrel or prep_word in _ANCHORING_PREPS):
        return None  # "first-quarter profits"
    return TimeSpec(
        kind=kind,
        number=number,
        year=int(year) if year else None,
        relation=_RELATIONS[_key(yrel)] if yrel else None,
        part=part,
        prep=prep,
    )


def _read_counted(g: _Fields, prep_word: str) -> TimeSpec | None:
    """Read "two weeks ago", "in three months' time", "within a year", "in two weeks"."""
    word = g["ccount"].casefold()
    count = int(word) if word.isdigit() else _COUNTS[word]
    unit = _unit(g["cunit"])
    suffix = _key(g["csuffix"])
    if suffix == "ago":
        return TimeSpec(kind="counted", amount=count, unit=unit, ago=True)
    if suffix or prep_word == "within":
        prep: Prep | None = "within" if prep_word == "within" else None
        return TimeSpec(kind="counted", amount=count, unit=unit, prep=prep)
    if prep_word == "in":
        # a time only in a future clause ("will end in two weeks"), else a duration
        # ("the first rise in 10 years"): marked with the part "later" for find_times
        return TimeSpec(kind="counted", amount=count, unit=unit, part="later")
    return None


_Reader = Callable[[_Fields, str, int], TimeSpec | None]


_GROUP_NAME: Final = regex.compile(r"\(\?P<(\w++)>")


def _ascii_twin(pattern: regex.Pattern[str]) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """`pattern` compiled by `re`, and the group names it had to rename.

    `re` matches these patterns about twice as fast as `regex`, but agrees with it only
    on ASCII text: with IGNORECASE, `regex` also folds ligatures ("ﬁrst") and `re` the
    dotless and dotted i, so the twin only reads ASCII text. Both engines backtrack
    alike on the constructs used here (possessive quantifiers need Python 3.11); the
    unit tests compare them on every word of news text and on fuzzed time expressions.
    `re` refuses a group name used twice (`_DATE` in two branches): the second use of
    "month" becomes "month_2", and so on; (name, alias) pairs are returned.
    """
    seen: dict[str, int] = {}
    renamed: list[tuple[str, str]] = []

    def rename(m: regex.Match[str]) -> str:
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] == 1:
            return m.group()
        alias = f"{name}_{seen[name]}"
        renamed.append((name, alias))
        return f"(?P<{alias}>"

    body = _GROUP_NAME.sub(rename, pattern.pattern)
    return re.compile(body, re.VERBOSE | re.IGNORECASE), tuple(renamed)


class _Class(NamedTuple):
    """What reads the expressions around one class of anchor."""

    pattern: regex.Pattern[str]
    read: _Reader
    # the same pattern for ASCII text and its renamed groups (see _ascii_twin)
    ascii_pattern: re.Pattern[str]
    renamed: tuple[tuple[str, str], ...]


def _class(pattern: regex.Pattern[str], read: _Reader) -> _Class:
    return _Class(pattern, read, *_ascii_twin(pattern))


# By anchor class.
_CLASSES: Final = (
    _class(WEEKDAY_PATTERN, _read_weekday),
    _class(MONTH_PATTERN, _read_month),
    _class(YEAR_PATTERN, _read_year),
    _class(RELATIVE_DAY_PATTERN, _read_relative_day),
    _class(UNIT_PATTERN, _read_unit),
)

# --------------------------------------------------------------------------- tense


def _marker_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Future markers by first word: "expected" -> (("to",),)."""
    table_: dict[str, list[tuple[str, ...]]] = {}
    for marker in lexicon("time_future_markers"):
        first, *rest = marker.split()
        table_.setdefault(first, []).append(tuple(rest))
    return {word: tuple(sorted(rests)) for word, rests in table_.items()}


_MARKERS: Final = _marker_table()
_CLITICS: Final = tuple(word for word in _MARKERS if word.startswith("'"))
_CLAUSE_MARKS: Final = (";", ":", "(", ")", '"', ",", " - ", "--", "\u2014")
_CONJUNCTIONS: Final = frozenset(
    {"and", "but", "while", "whereas", "although", "though", "because"}
)
_CLAUSE_OPENERS: Final = _CONJUNCTIONS | {"that", "which", "who", "when", "where", "if"}
_PAST_VERBS: Final = frozenset(lexicon("time_past_verbs"))
_CLAUSE_REACH: Final = 160  # characters looked at on each side of an expression
_LOOK_AHEAD: Final = 5  # words read after an expression for a future marker
_NOT_BEFORE_TO: Final = frozenset({"next", "will"})


def _is_future(words: list[str], *, apostrophe: bool = True) -> bool:
    """Whether a future marker stands among `words` (lower case, in text order).

    `apostrophe` False says that no word holds one (so none ends with a clitic).
    """
    if _MARKERS.keys().isdisjoint(words) and not (
        apostrophe and any("'" in word for word in words)
    ):
        return False
    for i, word in enumerate(words):
        for clitic in _CLITICS if apostrophe else ():  # each clitic opens with "'"
            if word.endswith(clitic) and len(word) > len(clitic):
                return True
        rests = _MARKERS.get(word.strip(".'"))
        if rests is None:
            continue
        following = words[i + 1 : i + 4]
        if word in _NOT_BEFORE_TO and following[:1] == ["to"]:
            continue  # "next to the embassy", "the will to fight"
        if any(tuple(following[: len(rest)]) == rest for rest in rests):
            return True
    return False


def _has_past_verb(words: list[str], *, ed: bool = True) -> bool:
    """Whether `words` hold a past-tense verb: "said", "met", "announced" (not "United").

    `ed` False says that no word holds "ed".
    """
    if not _PAST_VERBS.isdisjoint(words):
        return True
    return ed and any(
        word.endswith("ed") and word[:1].islower() and len(word) > 3  # noqa: PLR2004
        for word in words
    )


def _direction(doc: Document, start: int, end: int) -> Direction:
    """Future when the clause around ``[start, end)`` holds a future marker, else past.

    The marker counts before the expression, back to the start of its clause (after
    its last conjunction); or after it, within `_LOOK_AHEAD` words up to a conjunction
    or subordinator ("that", "which"): "The OECD in May is expected to", unless a past
    verb stands before it ("the ministry said Thursday it will").

    Words are compared in lower case: the lower-cased text split into words, the same
    words as the words of the text each lower-cased (`str.lower` never makes or takes
    away a space), for one call instead of one per word.
    """
    norm = doc.norm
    index = doc.sentence_index(start)
    sentence = doc.sentences[index].span if index >= 0 else Span(start=0, end=len(norm))
    lo = max(sentence.start, start - _CLAUSE_REACH)
    cut = lo
    for mark in _CLAUSE_MARKS:
        i = norm.rfind(mark, lo, start)
        if i >= 0:
            cut = max(cut, i + len(mark))
    clause = norm[cut:start]
    words = clause.split()
    lowered = clause.lower().split()
    if not _CONJUNCTIONS.isdisjoint(lowered):
        last = len(lowered) - 1
        while lowered[last] not in _CONJUNCTIONS:
            last -= 1
        words, lowered = words[last + 1 :], lowered[last + 1 :]
    # the apostrophe and "ed" tests on the whole clause are necessary conditions only
    if _is_future(lowered, apostrophe="'" in clause):
        return "future"
    if _has_past_verb(words, ed="ed" in clause):
        return "past"
    hi = min(max(sentence.end, end), end + _CLAUSE_REACH)
    pos = end
    while pos < hi and norm[pos] in " ,":
        pos += 1
    stop = hi
    for mark in _CLAUSE_MARKS:
        i = norm.find(mark, pos, stop)
        if i >= 0:
            stop = i
    clause = norm[pos:stop]
    after = clause.lower().split(maxsplit=_LOOK_AHEAD)[:_LOOK_AHEAD]
    for i, word in enumerate(after):
        if word in _CLAUSE_OPENERS:
            after = after[:i]
            break
    return "future" if _is_future(after, apostrophe="'" in clause) else "past"


# --------------------------------------------------------------------------- finding


def _matches(doc: Document) -> Iterator[tuple[int, int, TimeSpec]]:
    """Each time expression of `doc` (start, end, reading), left to right, not overlapping."""
    norm = doc.norm
    scan = _scan_text(norm)
    ascii_text = norm.isascii()  # the faster `re` twins read it as `regex` does
    limit = 0
    for start, end, kind in _anchors(norm, scan):
        if start < limit:
            continue
        starts = _starts(norm, scan, start, limit)
        if len(starts) == 1 and not _worth_matching(norm, kind, start, end):
            continue
        cls = _CLASSES[kind]
        match = cls.ascii_pattern.match if ascii_text else cls.pattern.match
        for begin in reversed(starts):
            m = match(norm, begin)
            if m is None or m.end() <= start:
                continue
            fields = m.groupdict("")  # cheaper than a group() call per name
            if ascii_text:
                for name, alias in cls.renamed:  # one of them took part, or neither
                    if not fields[name]:
                        fields[name] = fields[alias]
            spec = cls.read(fields, norm, m.end())
            if spec is not None:
                limit = m.end()
                # "of" only licenses a bare year or month: "the summit of March 3, 1987"
                prep = fields["prep"]
                first = begin + len(prep) + 1 if prep and prep.lower() == "of" else begin
                yield first, limit, spec
            break  # a shorter start would only drop words that license the reading


def find_times(doc: Document, published: dt.date | None) -> list[TimeRef]:
    """Return every time expression in `doc`, resolved against `published`.

    Args:
        doc: the article.
        published: the publication day; None leaves relative expressions unresolved
            (``start`` and ``end`` None) while absolute dates still resolve.

    Returns:
        The expressions in text order, not overlapping, each with the exact text.

    Examples:
        >>> doc = Document("A summit held in Switzerland on Friday produced no movement.")
        >>> [(t.text, str(t.start)) for t in find_times(doc, dt.date(2022, 1, 22))]
        [('on Friday', '2022-01-21')]
        >>> doc = Document("Liz Truss is expected to visit Moscow in February.")
        >>> t = find_times(doc, dt.date(2022, 1, 22))[0]
        >>> t.text, t.start.isoformat(), t.end.isoformat(), t.granularity.value
        ('in February', '2022-02-01', '2022-02-28', 'month')
        >>> find_times(Document("Talks resumed on March 3, 1987."), None)[0].end
        datetime.date(1987, 3, 3)
    """
    out: list[TimeRef] = []
    text = doc.text
    for start, end, read in _matches(doc):
        spec = read
        direction: Direction = "past"
        in_count = spec.kind == "counted" and spec.part == "later"  # "in two weeks"
        if in_count or uses_direction(spec, published):  # spares reading the clause
            direction = _direction(doc, start, end)
        if in_count:
            if direction == "past":
                continue  # a duration: "the first time in 10 years"
            spec = TimeSpec(kind="counted", amount=spec.amount, unit=spec.unit)
        period = resolve(spec, published, direction)
        out.append(
            TimeRef(
                text=text[start:end],
                start=period.start,
                end=period.end,
                granularity=period.granularity,
                span=Span(start=start, end=end),
            )
        )
    return out
