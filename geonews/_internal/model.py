"""The typed records that `parse_article` returns.

Every record is a frozen, slotted, keyword-only attrs class. `to_dict()` gives a
JSON-ready dict under the names of DESIGN.md; `from_dict()` is its exact inverse and
raises `SchemaError` naming the path of a bad value.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from geonews._internal.errors import SchemaError

_E = TypeVar("_E", bound=enum.Enum)
_T = TypeVar("_T")


class ActorKind(enum.Enum):
    """What kind of party an `Actor` is.

    Examples:
        >>> ActorKind("country")
        <ActorKind.COUNTRY: 'country'>
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    GROUP = "group"
    SOURCE = "source"


class QuoteKind(enum.Enum):
    """`direct`: a sentence or more; `partial`: a fragment inside the reporter's clause.

    Examples:
        >>> QuoteKind("partial").value
        'partial'
    """

    DIRECT = "direct"
    PARTIAL = "partial"


class MeetingStatus(enum.Enum):
    """Whether a meeting happened, is planned, or was called off.

    Examples:
        >>> MeetingStatus("held")
        <MeetingStatus.HELD: 'held'>
    """

    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class Channel(enum.Enum):
    """How the parties met.

    Examples:
        >>> Channel("phone")
        <Channel.PHONE: 'phone'>
    """

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    UNKNOWN = "unknown"


class ShipmentStatus(enum.Enum):
    """`delivered` (arrived), `sent` (on its way or supplied), `pledged` (promised).

    Examples:
        >>> ShipmentStatus("pledged")
        <ShipmentStatus.PLEDGED: 'pledged'>
    """

    DELIVERED = "delivered"
    SENT = "sent"
    PLEDGED = "pledged"


class Granularity(enum.Enum):
    """How precise a resolved `TimeRef` is.

    Examples:
        >>> Granularity("month")
        <Granularity.MONTH: 'month'>
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


# --------------------------------------------------------------------------- helpers


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


class _Reader:
    """Typed access to a dict being deserialized, with the JSON path for errors."""

    __slots__ = ("data", "path")

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise SchemaError(f"at {path}: expected an object, got {type(data).__name__}")
        self.data: Mapping[str, Any] = data
        self.path = path

    def _get(self, key: str, *, optional: bool) -> Any:  # noqa: ANN401 - raw JSON value
        if key not in self.data:
            if optional:
                return None
            raise SchemaError(f"at {self.path}.{key}: missing key {key!r}")
        return self.data[key]

    def _fail(self, key: str, expected: str, value: object) -> SchemaError:
        return SchemaError(
            f"at {self.path}.{key}: expected {expected}, got {type(value).__name__} {value!r:.60}"
        )

    def integer(self, key: str) -> int:
        value = self._get(key, optional=False)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._fail(key, "an integer", value)
        return value

    def string(self, key: str) -> str:
        value = self._get(key, optional=False)
        if not isinstance(value, str):
            raise self._fail(key, "a string", value)
        return value

    def opt_string(self, key: str) -> str | None:
        value = self._get(key, optional=True)
        if value is not None and not isinstance(value, str):
            raise self._fail(key, "a string or null", value)
        return value

    def boolean(self, key: str) -> bool:
        value = self._get(key, optional=False)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false", value)
        return value

    def opt_float(self, key: str) -> float | None:
        value = self._get(key, optional=True)
        if value is None:
            return None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self._fail(key, "a number or null", value)
        return float(value)

    def opt_date(self, key: str) -> dt.date | None:
        value = self.opt_string(key)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self._fail(key, "an ISO date YYYY-MM-DD", value) from None

    def enum(self, key: str, cls: type[_E]) -> _E:
        value = self._get(key, optional=False)
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in cls)
            raise self._fail(key, f"one of {allowed}", value) from None

    def str_list(self, key: str) -> tuple[str, ...]:
        value = self._get(key, optional=False)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fail(key, "a list of strings", value)
        return tuple(value)

    def obj(self, key: str, read: Callable[[_Reader], _T]) -> _T:
        return read(_Reader(self._get(key, optional=False), f"{self.path}.{key}"))

    def opt_obj(self, key: str, read: Callable[[_Reader], _T]) -> _T | None:
        value = self._get(key, optional=True)
        if value is None:
            return None
        return read(_Reader(value, f"{self.path}.{key}"))

    def objs(self, key: str, read: Callable[[_Reader], _T]) -> tuple[_T, ...]:
        value = self._get(key, optional=False)
        if not isinstance(value, list):
            raise self._fail(key, "a list", value)
        return tuple(read(_Reader(v, f"{self.path}.{key}[{i}]")) for i, v in enumerate(value))


def _many(r: _Reader, key: str, read: Callable[[_Reader], _T]) -> tuple[_T, ...]:
    """A list of records that may be absent (read as empty)."""
    return r.objs(key, read) if key in r.data else ()


def _build(read: Callable[[_Reader], _T], data: object, path: str) -> _T:
    """Run `read` and turn the validators' errors into `SchemaError` with the path."""
    try:
        return read(_Reader(data, path))
    except SchemaError:
        raise
    except (TypeError, ValueError) as error:
        raise SchemaError(f"at {path}: {error}") from None


def _rule_validator(kind: str) -> Callable[[Any, attrs.Attribute[str], str], None]:
    return attrs.validators.matches_re(rf"{kind}\.[a-z0-9_]+")


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _actors(items: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(items)


def _demands(items: Iterable[Demand]) -> tuple[Demand, ...]:
    return tuple(items)


def _meetings(items: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return tuple(items)


def _places(items: Iterable[Place]) -> tuple[Place, ...]:
    return tuple(items)


def _quantities(items: Iterable[Quantity]) -> tuple[Quantity, ...]:
    return tuple(items)


def _quotes(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(items)


def _shipments(items: Iterable[Shipment]) -> tuple[Shipment, ...]:
    return tuple(items)


def _spans(items: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(items)


def _times(items: Iterable[TimeRef]) -> tuple[TimeRef, ...]:
    return tuple(items)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _who(actor: Actor | None) -> str | None:
    return None if actor is None else actor.name


def _fields_repr(cls_name: str, fields: list[tuple[str, object]]) -> str:
    return f"{cls_name}(" + ", ".join(f"{k}={v!r}" for k, v in fields if v is not None) + ")"


# --------------------------------------------------------------------------- records


@attrs.frozen(kw_only=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into the original text.

    Attributes:
        start: offset of the first character.
        end: offset just after the last character.

    Examples:
        >>> text = "Mr Blinken said."
        >>> span = Span(start=3, end=10)
        >>> text[span.start : span.end]
        'Blinken'
        >>> Span(start=5, end=2)
        Traceback (most recent call last):
        ...
        ValueError: Span end=2 is before start=5
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()

    @end.validator
    def _not_before_start(self, _attr: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"Span end={value} is before start={self.start}")

    def slice(self, text: str) -> str:
        """Return the part of `text` this span covers.

        Examples:
            >>> Span(start=0, end=2).slice("Mr Blinken")
            'Mr'
        """
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Whether `other` lies inside this span.

        Examples:
            >>> Span(start=0, end=10).contains(Span(start=2, end=4))
            True
        """
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"start": ..., "end": ...}``.

        Examples:
            >>> Span(start=1, end=4).to_dict()
            {'start': 1, 'end': 4}
        """
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """Build a span from `to_dict()` output.

        Examples:
            >>> Span.from_dict({"start": 1, "end": 4})
            Span(start=1, end=4)
        """
        return _build(cls._read, data, "$")

    @classmethod
    def _read(cls, r: _Reader) -> Span:
        return cls(start=r.integer("start"), end=r.integer("end"))


@attrs.frozen(kw_only=True)
class Actor:
    """A party named in the article: a person, organization, country, group or source.

    Attributes:
        name: the fullest form of the name found in the article ("Antony Blinken").
        kind: what kind of party it is.
        title: the role given in the article ("US secretary of state"), or None.
        country: the country the actor belongs to, or None.
        mentions: every place in the text that refers to this actor.

    Examples:
        >>> actor = Actor(name="Antony Blinken", kind="person", title="US secretary of state")
        >>> actor.kind
        <ActorKind.PERSON: 'person'>
        >>> Actor.from_dict(actor.to_dict()) == actor
        True
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    kind: ActorKind = attrs.field(converter=ActorKind)
    title: str | None = None
    country: str | None = None
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    def to_dict(self) -> dict[str, Any]:
        """Return the actor as a JSON-ready dict.

        Examples:
            >>> Actor(name="Nato", kind="organization").to_dict()["kind"]
            'organization'
        """
        return {
            "name": self.name,
            "kind": self.kind.value,
            "title": self.title,
            "country": self.country,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Actor:
        """Build an actor from `to_dict()` output.

        Examples:
            >>> Actor.from_dict({"name": "Nato", "kind": "organization"}).name
            'Nato'
        """
        return _build(cls._read, data, "$")

    @classmethod
    def _read(cls, r: _Reader) -> Actor:
        mentions = _many(r, "mentions", Span._read)
        return cls(
            name=r.string("name"),
            kind=r.enum("kind", ActorKind),
            title=r.opt_string("title"),
            country=r.opt_string("country"),
            mentions=mentions,
        )


@attrs.frozen(kw_only=True)
class Place:
    """A named place: a city, venue or country, with the country it lies in.

    Attributes:
        name: the place as named ("Geneva").
        country: the country it lies in ("Switzerland"), or None when unknown.
        span: where the name stands in the text.

    Examples:
        >>> Place(name="Geneva", country="Switzerland", span=Span(start=0, end=6)).country
        'Switzerland'
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    country: str | None = None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        """Return the place as a JSON-ready dict.

        Examples:
            >>> Place(name="Geneva", span=Span(start=0, end=6)).to_dict()["name"]
            'Geneva'
        """
        return {"name": self.name, "country": self.country, "span": self.span.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Place:
        """Build a place from `to_dict()` output.

        Examples:
            >>> Place.from_dict({"name": "Geneva", "span": {"start": 0, "end": 6}}).country is None
            True
        """
        return _build(cls._read, data, "$")

    @classmethod
    def _read(cls, r: _Reader) -> Place:
        return cls(
            name=r.string("name"), country=r.opt_string("country"), span=r.obj("span", Span._read)
        )


@attrs.frozen(kw_only=True)
class TimeRef:
    """A time expression, resolved against the publication date where it can be.

    `start` and `end` are inclusive dates; both are None when the expression cannot be
    resolved (no publication date for "on Friday", say); `text` is always kept.

    Attributes:
        text: the expression as written ("on Friday").
        start: first day it covers, or None.
        end: last day it covers, or None.
        granularity: day, week, month, year or range.
        span: where it stands in the text.

    Examples:
        >>> import datetime as dt
        >>> t = TimeRef(text="on Friday", start=dt.date(2022, 1, 21), end=dt.date(2022, 1, 21),
        ...             granularity="day", span=Span(start=0, end=9))
        >>> t.to_dict()["start"]
        '2022-01-21'
    """

    text: str
    start: dt.date | None = None
    end: dt.date | None = attrs.field(default=None)
    granularity: Granularity = attrs.field(converter=Granularity)
    span: Span

    @end.validator
    def _not_before_start(
        self, _attr: attrs.Attribute[dt.date | None], value: dt.date | None
    ) -> None:
        if value is not None and self.start is not None and value < self.start:
            raise ValueError(f"TimeRef end={value} is before start={self.start}")

    def to_dict(self) -> dict[str, Any]:
        """Return the time as a JSON-ready dict (dates as ISO strings).

        Examples:
            >>> t = TimeRef(text="soon", granularity="day", span=Span(start=0, end=4))
            >>> t.to_dict()["start"] is None
            True
        """
        return {
            "text": self.text,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "granularity": self.granularity.value,
            "span": self.span.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TimeRef:
        """Build a time from `to_dict()` output.

        Examples:
            >>> d = {"text": "in 2021", "start": "2021-01-01", "end": "2021-12-31",
            ...      "granularity": "year", "span": {"start": 0, "end": 7}}
            >>> TimeRef.from_dict(d).end
            datetime.date(2021, 12, 31)
        """
        return _build(cls._read, data, "$")

    @classmethod
    def _read(cls, r: _Reader) -> TimeRef:
        return cls(
            text=r.string("text"),
            start=r.opt_date("start"),
            end=r.opt_date("end"),
            granularity=r.enum("granularity", Granularity),
            span=r.obj("span", Span._read),
        )


@attrs.frozen(kw_only=True)
class Quantity:
    """An amount with its unit, as stated in the text.

    Units are short symbols: ``lb``, ``kg``, ``t`` (tonne), ``USD``, ``EUR``, ``GBP``,
    ``min``, ``h``, ``day``, or a counted noun ("troops"); `value` is None for vague
    amounts such as "tens of thousands".

    Attributes:
        value: the number, or None.
        unit: the unit symbol or counted noun ("" when none is given).
        approximate: True for "close to", "about", "some", "nearly", "tens of".
        text: the expression, verbatim.
        span: where it stands in the text; ``text == article.text[span.start:span.end]``.

    Examples:
        >>> q = Quantity(value=200000.0, unit="lb", approximate=True,
        ...              text="close to 200,000 pounds", span=Span(start=0, end=23))
        >>> q.to_dict()["unit"]
        'lb'
    """

    value: float | None
    unit: str
    approximate: bool = False
    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        """Return the quantity as a JSON-ready dict.

        Examples:
            >>> q = Quantity(value=3.0, unit="t", text="3 tonnes", span=Span(start=0, end=8))
            >>> q.to_dict()["value"]
            3.0
        """
        return {
            "value": self.value,
            "unit": self.unit,
            "approximate": self.approximate,
            "text": self.text,
            "span": self.span.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quantity:
        """Build a quantity from `to_dict()` output.

        Examples:
            >>> Quantity.from_dict({"value": 3, "unit": "t", "approximate": False,
            ...                     "text": "3 t", "span": {"start": 0, "end": 3}}).value
            3.0
        """
        return _build(cls._read, data, "$")

    @classmethod
    def _read(cls, r: _Reader) -> Quantity:
        return cls(
            value=r.opt_float("value"),
            unit=r.string("unit"),
            approximate=r.boolean("approximate"),
            text=r.string("text"),
            span=r.obj("span", Span._read),
        )


@attrs.frozen(kw_only=True, repr=False)
class Quote:
    """Words the article presents as someone's own, inside quotation marks.

    Attributes:
        text: the quoted words without the outer marks (a multi-paragraph quote keeps
            the paragraph break and the inner opening mark of the next paragraph).
        kind: direct or partial.
        speaker: who said or wrote them, or None when the article does not say.
        cue: the speech verb or phrase that attributes them ("said"), or None.
        span: the quotation, marks included.
        rule: the id of the rule that found it (``quote.<name>``).

    Examples:
        >>> q = Quote(text="critical moment", kind="partial", speaker=None, cue=None,
        ...           span=Span(start=0, end=17), rule="quote.partial")
        >>> q.kind
        <QuoteKind.PARTIAL: 'partial'>
    """

    text: str
    kind: QuoteKind = attrs.field(converter=QuoteKind)
    speaker: Actor | None = None
    cue: str | None = None
    span: Span
    rule: str = attrs.field(validator=_rule_validator("quote"))

    def to_dict(self) -> dict[str, Any]:
        """Return the quote as a JSON-ready dict.

        Examples:
            >>> q = Quote(text="Hi", kind="direct", span=Span(start=0, end=4), rule="quote.x")
            >>> q.to_dict()["speaker"] is None
            True
        """
        return {
            "text": self.text,
            "kind": self.kind.value,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": self.cue,
            "span": self.span.to_dict(),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Build a quote from `to_dict()` output.

        Examples:
            >>> q = Quote(text="Hi", kind="direct", span=Span(start=0, end=4), rule="quote.x")
            >>> Quote.from_dict(q.to_dict()) == q
            True
        """
        return _build(cls._read, data, "$")

    def _fields(self) -> list[tuple[str, object]]:
        return [
            ("text", _short(self.text)),
            ("speaker", _who(self.speaker)),
            ("kind", self.kind.value),
            ("cue", self.cue),
            ("span", f"{self.span.start}..{self.span.end}"),
            ("rule", self.rule),
        ]

    def __repr__(self) -> str:
        return _fields_repr("Quote", self._fields())

    def _repr_html_(self) -> str:
        from geonews._internal.html import fact_html

        return fact_html("Quote", self._fields())

    @classmethod
    def _read(cls, r: _Reader) -> Quote:
        return cls(
            text=r.string("text"),
            kind=r.enum("kind", QuoteKind),
            speaker=r.opt_obj("speaker", Actor._read),
            cue=r.opt_string("cue"),
            span=r.obj("span", Span._read),
            rule=r.string("rule"),
        )


@attrs.frozen(kw_only=True, repr=False)
class Meeting:
    """Two or more parties who met, talked or negotiated, or one visiting another.

    Attributes:
        participants: every named party, at least two.
        place: where it happens, or None.
        time: when, or None.
        duration: how long ("about 90 minutes"), or None.
        status: held, planned or cancelled.
        channel: in person, phone, video or unknown.
        span: the sentence or clause that states it.
        rule: the id of the rule that found it (``meeting.<name>``).

    Examples:
        >>> a = Actor(name="Antony Blinken", kind="person")
        >>> b = Actor(name="Sergey Lavrov", kind="person")
        >>> m = Meeting(participants=[a, b], status="held", span=Span(start=0, end=9),
        ...             rule="meeting.met")
        >>> [p.name for p in m.participants]
        ['Antony Blinken', 'Sergey Lavrov']
    """

    participants: tuple[Actor, ...] = attrs.field(
        converter=_actors, validator=attrs.validators.min_len(2)
    )
    place: Place | None = None
    time: TimeRef | None = None
    duration: Quantity | None = None
    status: MeetingStatus = attrs.field(converter=MeetingStatus)
    channel: Channel = attrs.field(default=Channel.UNKNOWN, converter=Channel)
    span: Span
    rule: str = attrs.field(validator=_rule_validator("meeting"))

    def to_dict(self) -> dict[str, Any]:
        """Return the meeting as a JSON-ready dict.

        Examples:
            >>> a, b = Actor(name="A", kind="person"), Actor(name="B", kind="person")
            >>> m = Meeting(participants=[a, b], status="planned", span=Span(start=0, end=1),
            ...             rule="meeting.x")
            >>> m.to_dict()["status"]
            'planned'
        """
        return {
            "participants": [p.to_dict() for p in self.participants],
            "place": None if self.place is None else self.place.to_dict(),
            "time": None if self.time is None else self.time.to_dict(),
            "duration": None if self.duration is None else self.duration.to_dict(),
            "status": self.status.value,
            "channel": self.channel.value,
            "span": self.span.to_dict(),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Meeting:
        """Build a meeting from `to_dict()` output.

        Examples:
            >>> a, b = Actor(name="A", kind="person"), Actor(name="B", kind="person")
            >>> m = Meeting(participants=[a, b], status="held", span=Span(start=0, end=1),
            ...             rule="meeting.x")
            >>> Meeting.from_dict(m.to_dict()) == m
            True
        """
        return _build(cls._read, data, "$")

    def _fields(self) -> list[tuple[str, object]]:
        return [
            ("participants", [p.name for p in self.participants]),
            ("place", None if self.place is None else self.place.name),
            ("time", None if self.time is None else self.time.text),
            ("duration", None if self.duration is None else self.duration.text),
            ("status", self.status.value),
            ("channel", self.channel.value),
            ("span", f"{self.span.start}..{self.span.end}"),
            ("rule", self.rule),
        ]

    def __repr__(self) -> str:
        return _fields_repr("Meeting", self._fields())

    def _repr_html_(self) -> str:
        from geonews._internal.html import fact_html

        return fact_html("Meeting", self._fields())

    @classmethod
    def _read(cls, r: _Reader) -> Meeting:
        return cls(
            participants=r.objs("participants", Actor._read),
            place=r.opt_obj("place", Place._read),
            time=r.opt_obj("time", TimeRef._read),
            duration=r.opt_obj("duration", Quantity._read),
            status=r.enum("status", MeetingStatus),
            channel=r.enum("channel", Channel),
            span=r.obj("span", Span._read),
            rule=r.string("rule"),
        )


@attrs.frozen(kw_only=True, repr=False)
class Demand:
    """A party demanding that another do (or not do) something: one per demanded thing.

    Attributes:
        demander: who demands.
        addressee: of whom, or None when nobody is named.
        content: the demanded thing, in the article's words.
        span: the sentence or clause that states it.
        rule: the id of the rule that found it (``demand.<name>``).

    Examples:
        >>> d = Demand(demander=Actor(name="Russia", kind="country"),
        ...            addressee=Actor(name="Nato", kind="organization"),
        ...            content="Ukraine will never be added as a member",
        ...            span=Span(start=0, end=10), rule="demand.wants_to")
        >>> d.addressee.name
        'Nato'
    """

    demander: Actor
    addressee: Actor | None = None
    content: str = attrs.field(validator=attrs.validators.min_len(1))
    span: Span
    rule: str = attrs.field(validator=_rule_validator("demand"))

    def to_dict(self) -> dict[str, Any]:
        """Return the demand as a JSON-ready dict.

        Examples:
            >>> d = Demand(demander=Actor(name="EU", kind="organization"), content="stop",
            ...            span=Span(start=0, end=4), rule="demand.x")
            >>> d.to_dict()["addressee"] is None
            True
        """
        return {
            "demander": self.demander.to_dict(),
            "addressee": None if self.addressee is None else self.addressee.to_dict(),
            "content": self.content,
            "span": self.span.to_dict(),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Demand:
        """Build a demand from `to_dict()` output.

        Examples:
            >>> d = Demand(demander=Actor(name="EU", kind="organization"), content="stop",
            ...            span=Span(start=0, end=4), rule="demand.x")
            >>> Demand.from_dict(d.to_dict()) == d
            True
        """
        return _build(cls._read, data, "$")

    def _fields(self) -> list[tuple[str, object]]:
        return [
            ("demander", self.demander.name),
            ("addressee", _who(self.addressee)),
            ("content", _short(self.content)),
            ("span", f"{self.span.start}..{self.span.end}"),
            ("rule", self.rule),
        ]

    def __repr__(self) -> str:
        return _fields_repr("Demand", self._fields())

    def _repr_html_(self) -> str:
        from geonews._internal.html import fact_html

        return fact_html("Demand", self._fields())

    @classmethod
    def _read(cls, r: _Reader) -> Demand:
        return cls(
            demander=r.obj("demander", Actor._read),
            addressee=r.opt_obj("addressee", Actor._read),
            content=r.string("content"),
            span=r.obj("span", Span._read),
            rule=r.string("rule"),
        )


@attrs.frozen(kw_only=True, repr=False)
class Shipment:
    """Goods, weapons, aid, fuel, food or money in kind going from one party to another.

    Attributes:
        supplier: who sends, or None.
        recipient: who receives, or None.
        items: the things, as short noun phrases.
        quantity: how much, or None.
        status: delivered, sent or pledged.
        time: when, or None.
        span: the sentence or clause that states it.
        rule: the id of the rule that found it (``shipment.<name>``).

    Examples:
        >>> s = Shipment(supplier=Actor(name="United Kingdom", kind="country"),
        ...              recipient=Actor(name="Ukraine", kind="country"),
        ...              items=["anti-tank missiles"], status="sent",
        ...              span=Span(start=0, end=10), rule="shipment.sent_to")
        >>> s.items
        ('anti-tank missiles',)
    """

    supplier: Actor | None = None
    recipient: Actor | None = None
    items: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    quantity: Quantity | None = None
    status: ShipmentStatus = attrs.field(converter=ShipmentStatus)
    time: TimeRef | None = None
    span: Span
    rule: str = attrs.field(validator=_rule_validator("shipment"))

    def to_dict(self) -> dict[str, Any]:
        """Return the shipment as a JSON-ready dict.

        Examples:
            >>> s = Shipment(items=["wheat"], status="sent", span=Span(start=0, end=5),
            ...              rule="shipment.x")
            >>> s.to_dict()["items"]
            ['wheat']
        """
        return {
            "supplier": None if self.supplier is None else self.supplier.to_dict(),
            "recipient": None if self.recipient is None else self.recipient.to_dict(),
            "items": list(self.items),
            "quantity": None if self.quantity is None else self.quantity.to_dict(),
            "status": self.status.value,
            "time": None if self.time is None else self.time.to_dict(),
            "span": self.span.to_dict(),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Shipment:
        """Build a shipment from `to_dict()` output.

        Examples:
            >>> s = Shipment(items=["wheat"], status="sent", span=Span(start=0, end=5),
            ...              rule="shipment.x")
            >>> Shipment.from_dict(s.to_dict()) == s
            True
        """
        return _build(cls._read, data, "$")

    def _fields(self) -> list[tuple[str, object]]:
        return [
            ("supplier", _who(self.supplier)),
            ("recipient", _who(self.recipient)),
            ("items", list(self.items)),
            ("quantity", None if self.quantity is None else self.quantity.text),
            ("status", self.status.value),
            ("time", None if self.time is None else self.time.text),
            ("span", f"{self.span.start}..{self.span.end}"),
            ("rule", self.rule),
        ]

    def __repr__(self) -> str:
        return _fields_repr("Shipment", self._fields())

    def _repr_html_(self) -> str:
        from geonews._internal.html import fact_html

        return fact_html("Shipment", self._fields())

    @classmethod
    def _read(cls, r: _Reader) -> Shipment:
        return cls(
            supplier=r.opt_obj("supplier", Actor._read),
            recipient=r.opt_obj("recipient", Actor._read),
            items=r.str_list("items"),
            quantity=r.opt_obj("quantity", Quantity._read),
            status=r.enum("status", ShipmentStatus),
            time=r.opt_obj("time", TimeRef._read),
            span=r.obj("span", Span._read),
            rule=r.string("rule"),
        )


@attrs.frozen(kw_only=True, repr=False)
class Article:
    """Everything geonews found in one article. Returned by `parse_article`.

    Attributes:
        text: the text exactly as passed in; every span indexes it.
        published: the publication date, or None.
        quotes: quotations, in text order.
        meetings: meetings, in text order.
        demands: demands, in text order.
        shipments: shipments, in text order.
        actors: every party the article names, coreference resolved.
        places: every place named.
        times: every time expression.
        quantities: every quantity.

    Examples:
        >>> from geonews import Article, parse_article
        >>> article = parse_article("Russia and Ukraine.", published="2022-01-22")
        >>> [a.name for a in article.actors]
        ['Russia', 'Ukraine']
        >>> Article.from_json(article.to_json()) == article
        True
    """

    text: str
    published: dt.date | None = None
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    meetings: tuple[Meeting, ...] = attrs.field(default=(), converter=_meetings)
    demands: tuple[Demand, ...] = attrs.field(default=(), converter=_demands)
    shipments: tuple[Shipment, ...] = attrs.field(default=(), converter=_shipments)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    places: tuple[Place, ...] = attrs.field(default=(), converter=_places)
    times: tuple[TimeRef, ...] = attrs.field(default=(), converter=_times)
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_quantities)

    def to_dict(self) -> dict[str, Any]:
        """Return the whole article as a JSON-ready dict.

        Examples:
            >>> from geonews import parse_article
            >>> sorted(parse_article("").to_dict())[:3]
            ['actors', 'demands', 'meetings']
        """
        return {
            "text": self.text,
            "published": _iso(self.published),
            "quotes": [q.to_dict() for q in self.quotes],
            "meetings": [m.to_dict() for m in self.meetings],
            "demands": [d.to_dict() for d in self.demands],
            "shipments": [s.to_dict() for s in self.shipments],
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
        }

    def to_json(self, **kwargs: Any) -> str:  # noqa: ANN401 - passed to json.dumps
        """Return `to_dict()` as a JSON string; keyword arguments go to `json.dumps`.

        Examples:
            >>> from geonews import parse_article
            >>> parse_article("").to_json()[:10]
            '{"text": "'
        """
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an article from `to_dict()` output; raises `SchemaError` naming the bad path.

        Keys other than the article's own (an ``id`` added by the command line) are
        ignored; a missing fact list is read as empty.

        Examples:
            >>> Article.from_dict({"text": "Hi", "published": None}).quotes
            ()
            >>> Article.from_dict({"text": 3})
            Traceback (most recent call last):
            ...
            geonews._internal.errors.SchemaError: at $.text: expected a string, got int 3
        """
        return _build(cls._read, data, "$")

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Build an article from `to_json()` output.

        Examples:
            >>> Article.from_json('{"text": "Hi"}').text
            'Hi'
        """
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise SchemaError(f"not valid JSON: {error}") from None
        return cls.from_dict(data)

    def __repr__(self) -> str:
        return (
            f"Article(text={_short(self.text, 40)!r}, published={_iso(self.published)!r}, "
            f"quotes={len(self.quotes)}, meetings={len(self.meetings)}, "
            f"demands={len(self.demands)}, shipments={len(self.shipments)}, "
            f"actors={len(self.actors)})"
        )

    def _repr_html_(self) -> str:
        """The article with its facts highlighted, for Jupyter (see `geonews._internal.html`)."""
        from geonews._internal.html import article_html

        return article_html(self)

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat dict per fact, all with the same keys, for data frames.

        ``pandas.DataFrame(article.to_records())`` gives one row per quote, meeting,
        demand and shipment (geonews itself does not need pandas).

        Examples:
            >>> from geonews import parse_article
            >>> rows = parse_article('"We are ready," Mr Smith said.').to_records()
            >>> rows[0]["kind"], rows[0]["actor"], rows[0]["start"], rows[0]["end"]
            ('quote', 'Smith', 0, 15)
        """
        from geonews._internal.records import article_records

        return article_records(self)

    @classmethod
    def _read(cls, r: _Reader) -> Article:
        return cls(
            text=r.string("text"),
            published=r.opt_date("published"),
            quotes=_many(r, "quotes", Quote._read),
            meetings=_many(r, "meetings", Meeting._read),
            demands=_many(r, "demands", Demand._read),
            shipments=_many(r, "shipments", Shipment._read),
            actors=_many(r, "actors", Actor._read),
            places=_many(r, "places", Place._read),
            times=_many(r, "times", TimeRef._read),
            quantities=_many(r, "quantities", Quantity._read),
        )
