"""Gold annotation files: reading them and checking every field before scoring.

A gold file holds one annotated article per line, in geonews' annotation format
(docs/annotation.md): ``id``, ``text``, ``published`` and the four lists ``quotes``,
``meetings``, ``demands`` and ``shipments``. A file that breaks the format stops the
evaluation with a `SchemaError` that names the line, the article id and the field, so
that a typo in an annotation cannot silently lower (or raise) a score.

Predictions are read more leniently: any JSON object with an ``id`` and, per kind, a
list of objects in the shape of `Article.to_dict()`; what a prediction lacks simply
fails to match.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final, TypeAlias

import regex

from geonews._internal.errors import SchemaError

KINDS: Final = ("quotes", "meetings", "demands", "shipments")
"""The four kinds of fact, in the order every report lists them."""

QUOTE_KINDS: Final = ("direct", "partial")
MEETING_STATUSES: Final = ("held", "planned", "cancelled")
CHANNELS: Final = ("in_person", "phone", "video", "unknown")
SHIPMENT_STATUSES: Final = ("delivered", "sent", "pledged")

# The keys every gold item must carry, per kind ("optional" may be left out).
_ITEM_KEYS: Final[Mapping[str, tuple[str, ...]]] = {
    "quotes": ("text", "speaker", "kind"),
    "meetings": ("participants", "place", "country", "date", "status", "channel"),
    "demands": ("demander", "addressee", "content"),
    "shipments": ("supplier", "recipient", "items", "quantity", "status", "date"),
}

DATE_PATTERN: Final = regex.compile(
    r"""
    [0-9]{4} - [0-9]{2}       # year and month
    (?: - [0-9]{2} )?         # day, when known
    """,
    flags=regex.VERBOSE,
)

GoldSource: TypeAlias = str | os.PathLike[str] | Iterable[Mapping[str, Any]]
"""A JSON lines file (path) or the parsed articles themselves."""


class _Where:
    """Where a value sits (file, line, article id), for error messages."""

    __slots__ = ("place",)

    def __init__(self, place: str) -> None:
        self.place = place

    def fail(self, field: str, problem: str) -> SchemaError:
        return SchemaError(f"{self.place}: {field}: {problem}")


_SHOW_MAX: Final = 60


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOW_MAX else text[: _SHOW_MAX - 3] + "..."


def _id_problem(record: Mapping[str, Any]) -> str:
    if "id" not in record:
        return "missing key 'id'"
    return f"expected a non-empty string, got {_show(record['id'])}"


def _names(where: _Where, value: object, field: str, *, nullable: bool) -> None:
    if value is None:
        if not nullable:
            raise where.fail(field, "must not be null: give a list of names")
        return
    if not (
        isinstance(value, list)
        and value
        and all(isinstance(name, str) and name.strip() for name in value)
    ):
        raise where.fail(
            field, f"expected a non-empty list of name strings or null, got {_show(value)}"
        )


def _choice(where: _Where, value: object, field: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise where.fail(field, f"expected one of {', '.join(allowed)}, got {_show(value)}")


def _date(where: _Where, value: object, field: str) -> None:
    if value is None:
        return
    if isinstance(value, str) and DATE_PATTERN.fullmatch(value):
        try:
            dt.date.fromisoformat(value if len(value) == len("YYYY-MM-DD") else value + "-01")
        except ValueError:
            pass
        else:
            return
    raise where.fail(field, f"expected a date YYYY-MM-DD, YYYY-MM or null, got {_show(value)}")


def _text(where: _Where, value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.fail(field, f"expected a non-empty string, got {_show(value)}")
    return value


def _quote(where: _Where, item: Mapping[str, Any], field: str, article: str) -> None:
    text = _text(where, item["text"], f"{field}.text")
    if text not in article:
        raise where.fail(f"{field}.text", f"not found in the article text: {_show(text)}")
    _names(where, item["speaker"], f"{field}.speaker", nullable=True)
    _choice(where, item["kind"], f"{field}.kind", QUOTE_KINDS)


def _meeting(where: _Where, item: Mapping[str, Any], field: str, _article: str) -> None:
    parties = item["participants"]
    if not isinstance(parties, list) or len(parties) < 2:  # noqa: PLR2004 - a meeting needs two
        raise where.fail(f"{field}.participants", "expected a list of at least 2 alias lists")
    for number, aliases in enumerate(parties):
        _names(where, aliases, f"{field}.participants[{number}]", nullable=False)
    _names(where, item["place"], f"{field}.place", nullable=True)
    if item["country"] is not None and not isinstance(item["country"], str):
        raise where.fail(
            f"{field}.country", f"expected a string or null, got {_show(item['country'])}"
        )
    _date(where, item["date"], f"{field}.date")
    _choice(where, item["status"], f"{field}.status", MEETING_STATUSES)
    _choice(where, item["channel"], f"{field}.channel", CHANNELS)


def _demand(where: _Where, item: Mapping[str, Any], field: str, _article: str) -> None:
    _names(where, item["demander"], f"{field}.demander", nullable=False)
    _names(where, item["addressee"], f"{field}.addressee", nullable=True)
    _text(where, item["content"], f"{field}.content")


def _shipment(where: _Where, item: Mapping[str, Any], field: str, _article: str) -> None:
    _names(where, item["supplier"], f"{field}.supplier", nullable=True)
    _names(where, item["recipient"], f"{field}.recipient", nullable=True)
    items = item["items"]
    if not (
        isinstance(items, list) and items and all(isinstance(x, str) and x.strip() for x in items)
    ):
        raise where.fail(f"{field}.items", f"expected a non-empty list of strings, got {items!r}")
    quantity = item["quantity"]
    if quantity is not None and not (
        isinstance(quantity, Mapping)
        and isinstance(quantity.get("value"), int | float)
        and not isinstance(quantity.get("value"), bool)
        and isinstance(quantity.get("unit"), str)
        and quantity["unit"].strip()
        and isinstance(quantity.get("approximate"), bool)
    ):
        raise where.fail(
            f"{field}.quantity",
            f"expected null or {{value: number, unit: str, approximate: bool}}, "
            f"got {_show(quantity)}",
        )
    _choice(where, item["status"], f"{field}.status", SHIPMENT_STATUSES)
    _date(where, item["date"], f"{field}.date")


_CHECK_ITEM: Final = {
    "quotes": _quote,
    "meetings": _meeting,
    "demands": _demand,
    "shipments": _shipment,
}


def check_gold(record: object, where: str = "gold article") -> dict[str, Any]:
    """Check one gold article against the annotation format and return it as a dict.

    Args:
        record: the parsed JSON object of one line.
        where: how to name its place in error messages ("gold.jsonl line 3").

    Returns:
        A shallow copy of `record`.

    Raises:
        SchemaError: a missing key, a quote whose text is not in the article, an
            unknown status, kind or channel, a malformed date or name list. The
            message names `where`, the article id and the field.

    Examples:
        >>> article = {"id": "a1", "text": "Talks ended.", "published": "2022-01-21",
        ...            "quotes": [], "meetings": [], "demands": [], "shipments": []}
        >>> check_gold(article)["id"]
        'a1'
        >>> bad = dict(article, quotes=[{"text": "Hello", "speaker": None, "kind": "direct"}])
        >>> check_gold(bad, "gold.jsonl line 1")
        Traceback (most recent call last):
        ...
        geonews._internal.errors.SchemaError: gold.jsonl line 1, article 'a1': quotes[0].text: not found in the article text: 'Hello'
    """  # noqa: E501 - a doctest line cannot wrap
    if not isinstance(record, Mapping):
        raise SchemaError(f"{where}: expected a JSON object, got {type(record).__name__}")
    ident = record.get("id")
    if not isinstance(ident, str) or not ident.strip():
        raise _Where(where).fail("id", _id_problem(record))
    at = _Where(f"{where}, article {ident!r}")
    for key in ("text", "published", *KINDS):
        if key not in record:
            raise at.fail(key, f"missing key {key!r}")
    text = record["text"]
    if not isinstance(text, str):
        raise at.fail("text", f"expected a string, got {type(text).__name__}")
    published = record["published"]
    if published is not None:
        if not isinstance(published, str) or len(published) != len("YYYY-MM-DD"):
            raise at.fail(
                "published", f"expected a date YYYY-MM-DD or null, got {_show(published)}"
            )
        _date(at, published, "published")
    for kind in KINDS:
        items = record[kind]
        if not isinstance(items, list):
            raise at.fail(kind, f"expected a list, got {type(items).__name__}")
        for number, item in enumerate(items):
            field = f"{kind}[{number}]"
            if not isinstance(item, Mapping):
                raise at.fail(field, f"expected an object, got {type(item).__name__}")
            for key in _ITEM_KEYS[kind]:
                if key not in item:
                    raise at.fail(f"{field}.{key}", f"missing key {key!r}")
            if not isinstance(item.get("optional", False), bool):
                raise at.fail(
                    f"{field}.optional", f"expected true or false, got {_show(item['optional'])}"
                )
            _CHECK_ITEM[kind](at, item, field, text)
    return dict(record)


def check_prediction(record: object, where: str = "prediction") -> dict[str, Any]:
    """Check the shape of one prediction line and return it as a dict.

    Only what the matching reads is checked: an ``id``; for each kind present, a list
    of objects; in them, texts that are strings, names that are strings (or objects
    with a string ``name``), item lists of strings, numeric quantity values and
    string dates. Missing kinds and keys count as empty.

    Raises:
        SchemaError: the line breaks one of those rules; the message names the
            article id and the field.

    Examples:
        >>> check_prediction({"id": "a1", "quotes": []})["id"]
        'a1'
        >>> check_prediction({"quotes": []}, "pred.jsonl line 2")
        Traceback (most recent call last):
        ...
        geonews._internal.errors.SchemaError: pred.jsonl line 2: id: missing key 'id'
    """
    if not isinstance(record, Mapping):
        raise SchemaError(f"{where}: expected a JSON object, got {type(record).__name__}")
    ident = record.get("id")
    if not isinstance(ident, str) or not ident.strip():
        raise _Where(where).fail("id", _id_problem(record))
    at = _Where(f"{where}, article {ident!r}")
    for kind in KINDS:
        items = record.get(kind)
        if items is None:
            continue
        if not isinstance(items, list) or not all(isinstance(x, Mapping) for x in items):
            raise at.fail(kind, "expected a list of objects")
        for number, item in enumerate(items):
            _check_predicted_item(at, item, f"{kind}[{number}]")
    return dict(record)


_PREDICTED_TEXTS: Final = ("text", "content", "kind", "status")
_PREDICTED_NAMES: Final = ("speaker", "place", "demander", "addressee", "supplier", "recipient")


def _predicted_name_ok(value: object) -> bool:
    if value is None or isinstance(value, str):
        return True
    return isinstance(value, Mapping) and isinstance(value.get("name"), str | None)


def _check_predicted_item(at: _Where, item: Mapping[str, Any], field: str) -> None:
    for key in _PREDICTED_TEXTS:
        if not isinstance(item.get(key), str | None):
            raise at.fail(f"{field}.{key}", f"expected a string, got {_show(item[key])}")
    for key in _PREDICTED_NAMES:
        if not _predicted_name_ok(item.get(key)):
            raise at.fail(f"{field}.{key}", f"expected a name or null, got {_show(item[key])}")
    parties = item.get("participants")
    if parties is not None and not (
        isinstance(parties, list) and all(_predicted_name_ok(p) for p in parties)
    ):
        raise at.fail(f"{field}.participants", f"expected a list of names, got {_show(parties)}")
    things = item.get("items")
    if things is not None and not (
        isinstance(things, list) and all(isinstance(x, str) for x in things)
    ):
        raise at.fail(f"{field}.items", f"expected a list of strings, got {_show(things)}")
    quantity = item.get("quantity")
    if quantity is not None:
        value = quantity.get("value") if isinstance(quantity, Mapping) else quantity
        if not isinstance(quantity, Mapping) or not (
            value is None or (isinstance(value, int | float) and not isinstance(value, bool))
        ):
            raise at.fail(f"{field}.quantity", f"expected {{value, unit}}, got {_show(quantity)}")
    time = item.get("time")
    if time is not None and not (
        isinstance(time, Mapping)
        and isinstance(time.get("start"), str | None)
        and isinstance(time.get("end"), str | None)
    ):
        raise at.fail(f"{field}.time", f"expected {{start, end}} dates, got {_show(time)}")


def _lines(lines: Iterable[str], name: str) -> Iterator[tuple[str, object]]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise SchemaError(f"{name} line {number}: not valid JSON: {error}") from None
        yield f"{name} line {number}", value


def _records(source: GoldSource, what: str) -> Iterator[tuple[str, object]]:
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        with path.open(encoding="utf-8") as handle:
            yield from _lines(handle, path.name)
        return
    for number, record in enumerate(source, 1):
        yield f"{what} {number}", record


def load_gold(source: GoldSource) -> tuple[dict[str, Any], ...]:
    """Read and check gold articles from a JSON lines file or from parsed dicts.

    Args:
        source: a path to a JSON lines file, or an iterable of gold dicts.

    Returns:
        The checked articles, in order.

    Raises:
        SchemaError: a line that is not JSON, breaks the format (see `check_gold`), or
            repeats an id.
        OSError: the file cannot be read.

    Examples:
        >>> article = {"id": "a1", "text": "Hi.", "published": None,
        ...            "quotes": [], "meetings": [], "demands": [], "shipments": []}
        >>> [g["id"] for g in load_gold([article])]
        ['a1']
        >>> load_gold([article, article])
        Traceback (most recent call last):
        ...
        geonews._internal.errors.SchemaError: gold article 2: id: 'a1' appears twice
    """
    seen: set[str] = set()
    out = []
    for where, record in _records(source, "gold article"):
        article = check_gold(record, where)
        if article["id"] in seen:
            raise SchemaError(f"{where}: id: {article['id']!r} appears twice")
        seen.add(article["id"])
        out.append(article)
    return tuple(out)


def load_predictions(source: GoldSource) -> dict[str, dict[str, Any]]:
    """Read predictions (`Article.to_dict()` plus ``id``) keyed by article id.

    Examples:
        >>> sorted(load_predictions([{"id": "a1"}, {"id": "a2", "quotes": []}]))
        ['a1', 'a2']
    """
    out: dict[str, dict[str, Any]] = {}
    for where, record in _records(source, "prediction"):
        prediction = check_prediction(record, where)
        if prediction["id"] in out:
            raise SchemaError(f"{where}: id: {prediction['id']!r} appears twice")
        out[prediction["id"]] = prediction
    return out


def bundled_gold() -> tuple[dict[str, Any], ...]:
    """Return the evaluation set shipped with geonews (``geonews/_data/eval/*.jsonl``).

    The files are read in name order; their sources and licences are listed in
    ``geonews/_data/eval/README.md``.

    Examples:
        >>> articles = bundled_gold()
        >>> "seed-000" in {a["id"] for a in articles}
        True
    """
    folder = importlib.resources.files("geonews").joinpath("_data", "eval")
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".jsonl")),
        key=lambda entry: entry.name,
    )
    seen: set[str] = set()
    out = []
    for entry in files:
        lines = entry.read_text(encoding="utf-8").splitlines()
        for where, record in _lines(lines, entry.name):
            article = check_gold(record, where)
            if article["id"] in seen:
                raise SchemaError(f"{where}: id: {article['id']!r} appears twice")
            seen.add(article["id"])
            out.append(article)
    return tuple(out)
