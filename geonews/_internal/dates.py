"""Calendar arithmetic for time expressions: the only module that imports dateutil.

The recognizer (`geonews._internal.mentions.times`) reads a time expression into a
`TimeSpec` (what was written: "the Friday before", "February", "two weeks ago") and
`resolve` turns it into dates against the publication day. The conventions:

- A week runs from Monday to Sunday; "earlier this week" is that Monday up to the
  publication day, "later this week" the publication day up to Sunday.
- A bare weekday or a month without a year points back in a past clause (the latest
  one on or before publication) and forward in a future clause (the first one on or
  after it), as GUIDELINES.md asks. A day of a month without a year is the first one on
  or after publication in a future clause, else the nearest either way: news that names
  a day a year away gives the year.
- "until", "till", "through" and "by" make a range from the publication day to the end of
  their object; their object, when it has no year, is the nearest occurrence either way
  ("through February" in January is the coming February). When the object lies before
  publication, the start is unknown (None). "since" runs from its object to publication.
- "early", "mid" and "late" narrow a month to days 1-10, 11-20 and 21-end, a year to
  January-April, May-August and September-December, a week to Monday-Wednesday,
  Tuesday-Thursday and Thursday-Sunday, a decade to its years 0-3, 4-6 and 7-9; "the
  end of" a year is December, of a month its days 21-end, of a week Friday-Sunday. A
  day keeps its date ("late on Friday"). Narrowed periods have granularity ``range``.
- "this Friday" is the Friday of the publication week; "last Friday" the latest one
  before the publication day, "next Friday" the first one after it.
- Open-ended expressions ("in the coming days", "in recent weeks") keep one bound: the
  publication day on the side they point away from, None on the other.

Dates outside `datetime.date`'s range resolve to None rather than raising.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final, Literal, NamedTuple

from dateutil.relativedelta import relativedelta

from geonews._internal.model import Granularity

Direction = Literal["past", "future"]
Kind = Literal[
    "date",
    "weekday",
    "month",
    "year",
    "relative_day",
    "relative_unit",
    "span",
    "counted",
    "weekend",
    "quarter",
    "half",
    "decade",
]
Unit = Literal["hour", "day", "week", "month", "quarter", "year", "decade"]
Part = Literal["early", "mid", "late", "start", "end", "earlier", "later"]
Prep = Literal["since", "until", "before", "after", "within"]
Relation = Literal["last", "this", "next"]

_DAY: Final = dt.timedelta(days=1)
_UNIT_DAYS: Final = {"hour": 0, "day": 1, "week": 7}
# The natural granularity of each kind, else of the unit (`_natural_granularity`).
_KIND_GRANULARITY: Final[dict[str, Granularity]] = {
    "span": Granularity.RANGE,
    "weekend": Granularity.RANGE,
    "quarter": Granularity.RANGE,
    "half": Granularity.RANGE,
    "decade": Granularity.RANGE,
    "date": Granularity.DAY,
    "weekday": Granularity.DAY,
    "relative_day": Granularity.DAY,
    "month": Granularity.MONTH,
    "year": Granularity.YEAR,
}
_UNIT_GRANULARITY: Final[dict[str | None, Granularity]] = {
    "week": Granularity.WEEK,
    "month": Granularity.MONTH,
    "year": Granularity.YEAR,
    "day": Granularity.DAY,
    "hour": Granularity.DAY,
}
_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class Period(NamedTuple):
    """Resolved dates of a time expression: inclusive `start` and `end`, either may be None.

    A named tuple rather than an attrs record: one is made per expression, on the hot path.

    Examples:
        >>> p = Period(start=dt.date(2022, 2, 1), end=dt.date(2022, 2, 28),
        ...            granularity=Granularity.MONTH)
        >>> p.end - p.start
        datetime.timedelta(days=27)
    """

    granularity: Granularity
    start: dt.date | None = None
    end: dt.date | None = None


class TimeSpec(NamedTuple):
    """What a time expression says, before it is placed on the calendar.

    A named tuple rather than an attrs record: one is made per expression, on the hot path.

    Attributes:
        kind: the shape of the expression (``weekday`` for "Friday", ``month`` for
            "February 2022", ``counted`` for "two weeks ago" ...).
        year: a written year, or None.
        month: 1-12, or None.
        day: a written day of the month (unchecked: "February 30" resolves to None).
        weekday: 0 (Monday) to 6, or None.
        relation: ``last``, ``this`` or ``next`` when written ("last Friday").
        offset: for relative words: days for ``relative_day`` ("yesterday" is -1); -1, 0
            or 1 for ``relative_unit`` ("last week", "this week", "next week"), and for
            a weekday or month placed in a relative week or year.
        unit: the unit of ``relative_unit``, ``span`` and ``counted``; ``week`` for a
            weekday in a relative week ("Wednesday next week"), ``year`` for a month in a
            relative year ("July this year").
        amount: how many units ("two weeks ago"); None for "the coming days".
        ago: whether ``counted`` looks back ("two weeks ago") rather than forward.
        number: the quarter or half (1-4), or the decade's first year (1990, or 90).
        part: ``early``, ``mid``, ``late``, ``start``, ``end``, ``earlier`` or ``later``.
        prep: ``since``, ``until`` (also for "till", "through", "by"), ``before``,
            ``after`` or ``within``, which make a range.

    Examples:
        >>> TimeSpec(kind="weekday", weekday=4).weekday
        4
    """

    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relation: Relation | None = None
    offset: int = 0
    unit: Unit | None = None
    amount: int | None = None
    ago: bool = False
    number: int | None = None
    part: Part | None = None
    prep: Prep | None = None


def resolve(spec: TimeSpec, published: dt.date | None, direction: Direction) -> Period:
    """Place `spec` on the calendar, relative to `published` and the clause's `direction`.

    Relative expressions resolve to ``None`` dates when `published` is None, and so does
    anything outside the range of `datetime.date` or an impossible date.

    Args:
        spec: the expression as read by the recognizer.
        published: the publication day, or None.
        direction: ``past`` or ``future``: the tense of the clause around the expression.

    Returns:
        The dates it covers and how precise they are.

    Examples:
        >>> sat = dt.date(2022, 1, 22)
        >>> resolve(TimeSpec(kind="weekday", weekday=4), sat, "past").start
        datetime.date(2022, 1, 21)
        >>> p = resolve(TimeSpec(kind="month", month=2), sat, "future")
        >>> p.start, p.end, p.granularity.value
        (datetime.date(2022, 2, 1), datetime.date(2022, 2, 28), 'month')
        >>> resolve(TimeSpec(kind="date", year=1987, month=3, day=3), None, "past").start
        datetime.date(1987, 3, 3)
        >>> resolve(TimeSpec(kind="date", month=2, day=30), sat, "past").start is None
        True
    """
    if spec.prep == "since":
        direction = "past"
    try:
        base = _base(spec, published, direction)
        if base.start is None or base.end is None or (spec.part is None and spec.prep is None):
            return base  # nothing to narrow or extend: the common case
        return _prep(spec, _part(spec, base, published), published)
    except (ValueError, OverflowError):
        return Period(granularity=_natural_granularity(spec))


def uses_direction(spec: TimeSpec, published: dt.date | None) -> bool:
    """Whether `resolve` may place `spec` differently in a past and in a future clause.

    False when nothing is left to choose: no publication day, "since", a written year,
    a relation ("last Friday"), a relative week or year ("Wednesday next week", "July
    this year"), or a kind that ignores the clause ("yesterday", "2021"). The caller may
    then skip reading the tense of the clause. True may still give the same dates.

    Examples:
        >>> sat = dt.date(2022, 1, 22)
        >>> uses_direction(TimeSpec(kind="weekday", weekday=4), sat)
        True
        >>> uses_direction(TimeSpec(kind="weekday", weekday=4, relation="last"), sat)
        False
        >>> uses_direction(TimeSpec(kind="month", month=2, year=2022), sat)
        False
    """
    if published is None or spec.prep == "since":
        return False
    kind = spec.kind
    if kind in {"date", "quarter", "half"}:  # `_date`, `_quarter`
        return spec.year is None
    if kind == "month":  # `_month`, then `_pick_year`, which reads a relation first
        return spec.year is None and spec.unit != "year" and spec.relation is None
    if kind == "weekday":  # `_weekday` reads a relation first
        return spec.unit != "week" and spec.relation is None
    if kind == "weekend":
        return spec.relation is None
    return False


# --------------------------------------------------------------------------- bases


def _natural_granularity(spec: TimeSpec, *, with_prep: bool = True) -> Granularity:
    if with_prep and spec.prep is not None:
        return Granularity.RANGE
    # dictionary look-ups rather than Granularity(...) calls: resolve runs per expression
    gran = _KIND_GRANULARITY.get(spec.kind)
    if gran is not None:
        return gran
    return _UNIT_GRANULARITY.get(spec.unit, Granularity.RANGE)  # relative_unit, counted


def _base(spec: TimeSpec, published: dt.date | None, direction: Direction) -> Period:
    """The period the expression names, before any part ("early") or preposition."""
    nearest = spec.prep == "until"
    gran = _natural_granularity(spec, with_prep=False)
    kind = spec.kind
    if kind == "date":
        return _date(spec, published, direction, nearest=nearest)
    if kind == "month":
        return _month(spec, published, direction, nearest=nearest)
    if kind == "year" and spec.year is not None:
        return _span(dt.date(spec.year, 1, 1), dt.date(spec.year, 12, 31), gran)
    if kind == "decade" and spec.number is not None:
        first = _decade_start(spec.number, published)
        return _span(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), gran)
    if kind in {"quarter", "half"}:
        return _quarter(spec, published, direction)
    if published is None:
        return Period(granularity=gran)
    if kind == "weekday" and spec.weekday is not None:
        if nearest and spec.relation is None:
            direction = "future"
        if spec.unit == "week":  # "Wednesday next week"
            day = _weekday(published, spec.weekday, direction, "this", weeks=spec.offset)
        else:
            day = _weekday(published, spec.weekday, direction, spec.relation)
        return _span(day, day, gran)
    if kind == "relative_day":
        day = published + dt.timedelta(days=spec.offset)
        return _span(day, day, gran)
    if kind == "relative_unit":
        return _relative_unit(spec, published, gran)
    if kind == "span":
        return _open_span(spec, published)
    if kind == "counted":
        return _counted(spec, published, gran)
    if kind == "weekend":
        return _weekend(spec, published, direction)
    return Period(granularity=gran)


def _span(start: dt.date, end: dt.date, granularity: Granularity) -> Period:
    return Period(granularity, start, end)


def _last_day(year: int, month: int) -> int:
    """The last day of `month`: ``calendar.monthrange(year, month)[1]``, without a weekday."""
    if not 1 <= month <= 12:  # noqa: PLR2004
        raise calendar.IllegalMonthError(month)  # as monthrange: a ValueError
    if month == 2 and calendar.isleap(year):  # noqa: PLR2004
        return 29
    return _MONTH_DAYS[month]


def _month_span(year: int, month: int) -> Period:
    last = _last_day(year, month)
    return _span(dt.date(year, month, 1), dt.date(year, month, last), Granularity.MONTH)


def _week_of(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    return _span(monday, monday + dt.timedelta(days=6), Granularity.WEEK)


def _weekday(
    published: dt.date, wd: int, direction: Direction, relation: Relation | None, *, weeks: int = 0
) -> dt.date:
    """The day named `wd` (0 Monday): the latest on or before `published` in the past."""
    back = (published.weekday() - wd) % 7  # days since the latest such day
    if relation == "last":
        return published - dt.timedelta(days=back or 7)
    if relation == "next":
        return published + dt.timedelta(days=(-back % 7) or 7)
    if relation == "this":
        return published + dt.timedelta(days=wd - published.weekday() + 7 * weeks)
    if direction == "past":
        return published - dt.timedelta(days=back)
    return published + dt.timedelta(days=-back % 7)


def _day_of_year(month: int, day: int) -> int:
    """Position of a month and day in a common year (29 February counts as the 28th)."""
    return dt.date(2001, month, min(day, calendar.monthrange(2001, month)[1])).toordinal()


def _pick_year(
    published: dt.date,
    month: int,
    day: int | None,
    direction: Direction,
    *,
    nearest: bool,
    relation: Relation | None = None,
) -> int:
    """The year of a month (and day) written without one; `day` None compares months only."""
    here = (published.month, 0 if day is None else published.day)
    there = (month, 0 if day is None else day)
    year = published.year
    if relation == "this":
        return year
    if relation == "last":
        return year if there < here else year - 1
    if relation == "next":
        return year if there > here else year + 1
    before = year if there <= here else year - 1
    after = year if there >= here else year + 1
    if nearest and before != after:
        if day is None:
            back, ahead = (here[0] - month) % 12, (month - here[0]) % 12
        else:
            gap = _day_of_year(month, day) - _day_of_year(*here)
            back, ahead = -gap % 365, gap % 365
        return before if back < ahead else after
    return before if direction == "past" else after


def _date(
    spec: TimeSpec, published: dt.date | None, direction: Direction, *, nearest: bool
) -> Period:
    month, day = spec.month or 1, spec.day or 1
    year = spec.year
    if year is None:
        if published is None:
            return Period(granularity=Granularity.DAY)
        dt.date(2000, month, day)  # a valid day in a leap year, or ValueError
        # news rarely names a day a year off without its year: outside a future clause,
        # take the nearest such day ("ahead of December 21 talks", published December 12)
        year = _pick_year(published, month, day, direction, nearest=nearest or direction == "past")
        if month == 2 and day == 29 and not calendar.isleap(year):  # noqa: PLR2004
            raise ValueError("no 29 February that year")
    date = dt.date(year, month, day)
    return _span(date, date, Granularity.DAY)


def _month(
    spec: TimeSpec, published: dt.date | None, direction: Direction, *, nearest: bool
) -> Period:
    month = spec.month or 1
    year = spec.year
    if year is None:
        if published is None:
            return Period(granularity=Granularity.MONTH)
        if spec.unit == "year":  # "July this year", "March last year"
            return _month_span(published.year + spec.offset, month)
        year = _pick_year(
            published, month, None, direction, nearest=nearest, relation=spec.relation
        )
    return _month_span(year, month)


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """The (year, month) `count` months after `month` of `year`."""
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def _months(first: tuple[int, int], count: int, granularity: Granularity) -> Period:
    """The `count` whole months from `first` (year, month)."""
    last = _add_months(*first, count - 1)
    end = dt.date(*last, _last_day(*last))
    return _span(dt.date(*first, 1), end, granularity)


def _relative_unit(spec: TimeSpec, published: dt.date, gran: Granularity) -> Period:
    unit, offset = spec.unit, spec.offset
    if unit == "week":
        return _week_of(published + dt.timedelta(weeks=offset))
    if unit == "month":
        return _month_span(*_add_months(published.year, published.month, offset))
    if unit == "quarter":
        first = _add_months(published.year, (published.month - 1) // 3 * 3 + 1, 3 * offset)
        return _months(first, 3, gran)
    if unit == "decade":
        decade = published.year // 10 * 10 + 10 * offset
        return _span(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), gran)
    year = published.year + offset
    return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.YEAR)


def _shift(published: dt.date, count: int, unit: Unit | None) -> dt.date:
    if unit in _UNIT_DAYS:
        return published + dt.timedelta(days=count * _UNIT_DAYS[unit])
    if unit == "month":
        return published + relativedelta(months=count)
    if unit == "quarter":
        return published + relativedelta(months=3 * count)
    if unit == "decade":
        return published + relativedelta(years=10 * count)
    return published + relativedelta(years=count)


def _open_span(spec: TimeSpec, published: dt.date) -> Period:
    """Read "the past two weeks", "in the coming days": from or to the publication day."""
    back = spec.offset < 0
    if spec.amount is None:
        start, end = (None, published) if back else (published, None)
        return Period(start=start, end=end, granularity=Granularity.RANGE)
    count = spec.amount if spec.unit != "hour" else 1
    moved = _shift(published, -count if back else count, spec.unit)
    start, end = (moved, published) if back else (published, moved)
    return _span(start, end, Granularity.RANGE)


def _counted(spec: TimeSpec, published: dt.date, gran: Granularity) -> Period:
    """Read "two weeks ago", "in three months", "within a year"."""
    count = spec.amount or 0
    if spec.prep == "within":
        return _span(published, _shift(published, count, spec.unit), Granularity.RANGE)
    moved = _shift(published, -count if spec.ago else count, spec.unit)
    if spec.unit == "week":
        return _week_of(moved)
    if spec.unit == "month":
        return _month_span(moved.year, moved.month)
    if spec.unit in {"year", "decade", "quarter"}:
        return _span(dt.date(moved.year, 1, 1), dt.date(moved.year, 12, 31), Granularity.YEAR)
    return _span(moved, moved, gran)


def _weekend(spec: TimeSpec, published: dt.date, direction: Direction) -> Period:
    saturday = published + dt.timedelta(days=5 - published.weekday())  # this week's
    if spec.relation == "last":
        saturday -= dt.timedelta(days=7)
    elif spec.relation == "next":
        saturday += dt.timedelta(days=7)
    elif spec.relation is None and direction == "past" and saturday > published:
        saturday -= dt.timedelta(days=7)
    return _span(saturday, saturday + _DAY, Granularity.RANGE)


def _quarter(spec: TimeSpec, published: dt.date | None, direction: Direction) -> Period:
    size = 3 if spec.kind == "quarter" else 6
    number = spec.number or 1
    year = spec.year
    if year is None:
        if published is None:
            return Period(granularity=Granularity.RANGE)
        year = published.year
        this_year = _months((year, size * (number - 1) + 1), size, Granularity.RANGE)
        if direction == "past" and this_year.start is not None and this_year.start > published:
            year -= 1
        elif direction == "future" and this_year.end is not None and this_year.end < published:
            year += 1
    return _months((year, size * (number - 1) + 1), size, Granularity.RANGE)


def _decade_start(number: int, published: dt.date | None) -> int:
    if number >= 100:  # noqa: PLR2004 - a four-digit decade: "the 1990s"
        return number
    now = published.year if published is not None else 1999
    century = now // 100 * 100
    return century + number if century + number <= now else century - 100 + number


# --------------------------------------------------------------------------- parts


_THIRDS: Final = {"early": 0, "start": 0, "mid": 1, "late": 2, "end": 2}
_DECADE_PARTS: Final = {
    "early": (0, 3),
    "start": (0, 2),
    "mid": (4, 6),
    "late": (7, 9),
    "end": (7, 9),
}
_WEEK_PARTS: Final = {
    "early": (0, 2),
    "start": (0, 1),
    "mid": (1, 3),
    "late": (3, 6),
    "end": (4, 6),
}


def _part(spec: TimeSpec, base: Period, published: dt.date | None) -> Period:
    """Narrow `base` to the part named by ``spec.part``."""
    part, start, end = spec.part, base.start, base.end
    if part is None or start is None or end is None:
        return base
    if part in {"earlier", "later"}:
        if (
            published is None
            or not start <= published <= end
            or base.granularity == Granularity.DAY
        ):
            return base
        if part == "earlier":
            return _span(start, published, Granularity.RANGE)
        return _span(published, end, Granularity.RANGE)
    gran = base.granularity
    if gran == Granularity.DAY:
        return base
    if gran == Granularity.WEEK:
        lo, hi = _WEEK_PARTS[part]
        return _span(
            start + dt.timedelta(days=lo), start + dt.timedelta(days=hi), Granularity.RANGE
        )
    if gran == Granularity.YEAR:
        if part == "end":
            return _span(dt.date(start.year, 12, 1), end, Granularity.RANGE)
        return _months((start.year, 1 + 4 * _THIRDS[part]), 4, Granularity.RANGE)
    if gran == Granularity.MONTH:
        lo = 1 + 10 * _THIRDS[part]
        hi = end.day if part in {"late", "end"} else lo + 9
        return _span(start.replace(day=lo), start.replace(day=hi), Granularity.RANGE)
    if spec.kind == "decade":
        lo, hi = _DECADE_PARTS[part]
        return _span(
            dt.date(start.year + lo, 1, 1), dt.date(start.year + hi, 12, 31), Granularity.RANGE
        )
    days = (end - start).days + 1
    third = _THIRDS[part]
    lo_day = start + dt.timedelta(days=days * third // 3)
    hi_day = start + dt.timedelta(days=days * (third + 1) // 3 - 1)
    return _span(lo_day, max(lo_day, hi_day), Granularity.RANGE)


def _prep(spec: TimeSpec, base: Period, published: dt.date | None) -> Period:
    """Turn `base` into the range that "since", "until", "before" or "after" make of it."""
    start, end = base.start, base.end
    if spec.prep is None or spec.prep == "within" or start is None or end is None:
        return base
    if spec.prep == "since":
        upto = published if published is not None and published >= start else None
        return Period(start=start, end=upto, granularity=Granularity.RANGE)
    if spec.prep == "until":
        since = published if published is not None and published <= end else None
        return Period(start=since, end=end, granularity=Granularity.RANGE)
    if spec.prep == "before":
        return Period(end=start - _DAY, granularity=Granularity.RANGE)
    return Period(start=end + _DAY, granularity=Granularity.RANGE)
