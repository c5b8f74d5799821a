"""Thread safety: parsing in 8 threads at once, and no module-level mutable state.

`parse_article` keeps no state between calls, so threads can share it. Two checks make
that concrete: 8 threads parsing the bundled articles at once give exactly the serial
results, and nothing at module level in ``geonews._internal`` is mutable state, either
by type (the static check) or by what parsing does to it (the snapshot check).
"""

from __future__ import annotations
import __future__

import concurrent.futures
import datetime as dt
import enum
import functools
import importlib
import importlib.resources
import json
import logging
import pkgutil
import re
import sys
import threading
import types
import typing
from collections.abc import Iterator
from typing import Any, Final

import attrs
import pytest
import regex

import geonews._internal as internal
from geonews import Article, parse_article

THREADS: Final = 8
PATTERN_TYPE: Final = type(regex.compile(""))

#: Module-level names that hold mutable objects on purpose, with the reason. Keep it short.
EXCEPTIONS: Final[dict[str, str]] = {}


def _bundled_articles() -> list[tuple[str, str | None]]:
    """The openly licensed articles and sentences bundled with geonews, and a few odd texts."""
    folder = importlib.resources.files("geonews").joinpath("_data", "eval")
    articles: list[tuple[str, str | None]] = []
    for name in ("example.jsonl", "sentences.jsonl", "voa.jsonl", "wikinews.jsonl"):
        for line in folder.joinpath(name).read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                articles.append((record["text"], record.get("published")))
    articles += [("", None), ("“‘“‘ ’”’”" * 50, "2022-01-22"), ("Mr " * 300, None)]
    return articles


ARTICLES: Final = _bundled_articles()


def _modules() -> Iterator[types.ModuleType]:
    for info in pkgutil.walk_packages(internal.__path__, internal.__name__ + "."):
        yield importlib.import_module(info.name)


@pytest.fixture
def fast_switching() -> Iterator[None]:
    """Make threads switch every 10 µs, so that interleavings are many."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def test_the_bundled_articles_give_facts() -> None:
    assert len(ARTICLES) > 20
    facts = [parse_article(text, published=day) for text, day in ARTICLES]
    assert sum(len(a.quotes) for a in facts) > 10
    assert sum(len(a.meetings) for a in facts) > 5


@pytest.mark.usefixtures("fast_switching")
def test_eight_threads_at_once_give_the_serial_results() -> None:
    serial = [parse_article(text, published=day) for text, day in ARTICLES]
    start = threading.Barrier(THREADS)

    def work(offset: int) -> list[tuple[int, Article]]:
        start.wait()  # every thread begins at the same moment
        n = len(ARTICLES)
        order = [(offset * 7 + i) % n for i in range(n)]  # each thread in its own order
        return [(i, parse_article(ARTICLES[i][0], published=ARTICLES[i][1])) for i in order]

    with concurrent.futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(work, range(THREADS)))
    assert len(results) == THREADS
    for per_thread in results:
        assert len(per_thread) == len(serial)
        for i, article in per_thread:
            assert article == serial[i]


# --------------------------------------------------------------------------- static check

_IMMUTABLE_LEAVES: Final = (
    str,
    bytes,
    int,
    float,
    complex,
    type(None),
    range,
    dt.date,
    dt.time,
    dt.timedelta,
    enum.Enum,
    PATTERN_TYPE,
    re.Pattern,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    type,
    typing.TypeVar,
    types.GenericAlias,
    types.UnionType,
    type(__future__.annotations),  # what `from __future__ import annotations` binds
    logging.Logger,  # configured by the application, not by geonews
)


def _typing_construct(value: object) -> bool:
    return type(value).__module__ in {"typing", "typing_extensions", "collections.abc"}


def _mutable_part(value: object, seen: set[int]) -> str | None:
    """The type name of the first mutable object inside `value`, or None if all is frozen.

    Dicts count as frozen here only when the caller allows them (see the test).
    """
    if id(value) in seen:
        return None
    seen.add(id(value))
    if isinstance(value, _IMMUTABLE_LEAVES) or _typing_construct(value):
        return None
    if type(value) is object:  # a sentinel: `_DONE = object()`
        return None
    if isinstance(value, tuple | frozenset):
        return next(filter(None, (_mutable_part(v, seen) for v in value)), None)
    if isinstance(value, types.MappingProxyType | dict):
        if type(value) not in {dict, types.MappingProxyType}:  # defaultdict, Counter, ...
            return type(value).__name__
        parts = (_mutable_part(k, seen) or _mutable_part(v, seen) for k, v in value.items())
        return next(filter(None, parts), None)
    if _frozen_attrs(value):
        cls: Any = type(value)
        fields = (getattr(value, field.name) for field in attrs.fields(cls))
        return next(filter(None, (_mutable_part(v, seen) for v in fields)), None)
    return type(value).__name__


def _frozen_attrs(value: object) -> bool:
    """Whether `value` is an instance of a frozen attrs class."""
    cls: Any = type(value)
    if not attrs.has(cls):
        return False
    fields = attrs.fields(cls)
    if not fields:
        return True
    try:  # writing a field's own value back is harmless if the class is not frozen
        setattr(value, fields[0].name, getattr(value, fields[0].name))
    except attrs.exceptions.FrozenInstanceError:
        return True
    return False


def _final_names(module: types.ModuleType) -> set[str]:
    annotations = vars(module).get("__annotations__", {})
    return {name for name, hint in annotations.items() if "Final" in str(hint)}


def test_module_level_objects_are_immutable_or_final_lookup_tables() -> None:
    """Module globals are tuples, frozensets, patterns, strings, numbers, enums, functions...

    Dicts are allowed as lookup tables when the name is `Final` (mypy then refuses a
    rebinding, and `test_parsing_leaves_module_state_unchanged` shows that no call
    writes to them); lists, sets, defaultdicts and other mutable objects are not.
    """
    problems = []
    for module in _modules():
        finals = _final_names(module)
        for name, value in vars(module).items():
            if name.startswith("__") or f"{module.__name__}.{name}" in EXCEPTIONS:
                continue
            if isinstance(value, dict) and type(value) is dict:
                if name not in finals:
                    problems.append(f"{module.__name__}.{name}: a dict not annotated Final")
                    continue
                value = types.MappingProxyType(value)  # noqa: PLW2901 - check its contents
            mutable = _mutable_part(value, set())
            if mutable is not None:
                problems.append(f"{module.__name__}.{name}: holds a {mutable}")
    assert problems == []


def test_no_function_caches() -> None:
    caches = []
    for module in _modules():
        for name, value in vars(module).items():
            members = vars(value).items() if isinstance(value, type) else [(name, value)]
            for member_name, member in members:
                if isinstance(member, functools._lru_cache_wrapper | functools.cached_property):
                    caches.append(f"{module.__name__}.{name}.{member_name}")
    assert caches == []


def test_the_static_check_sees_mutable_objects() -> None:
    assert _mutable_part([1], set()) == "list"
    assert _mutable_part((1, ("a", {2})), set()) == "set"
    assert _mutable_part(types.MappingProxyType({"a": []}), set()) == "list"
    assert _mutable_part(threading.Lock(), set()) is not None
    assert _mutable_part((regex.compile("a"), frozenset({1}), Article(text="")), set()) is None


# --------------------------------------------------------------------------- snapshot check


def _fingerprint(value: object, depth: int = 0) -> object:
    """A structural copy of containers; other objects stand for themselves by identity."""
    if depth > 8:
        return id(value)
    if isinstance(value, dict | types.MappingProxyType):
        return ("dict", tuple((k, _fingerprint(v, depth + 1)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(_fingerprint(v, depth + 1) for v in value))
    if isinstance(value, set | frozenset):
        return (type(value).__name__, frozenset(value))
    return id(value)


def _module_state() -> dict[str, Any]:
    return {
        f"{module.__name__}.{name}": _fingerprint(value)
        for module in _modules()
        for name, value in vars(module).items()
        if not name.startswith("__")
    }


@pytest.mark.usefixtures("fast_switching")
def test_parsing_leaves_module_state_unchanged() -> None:
    before = _module_state()
    with concurrent.futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(lambda item: parse_article(item[0], published=item[1]), ARTICLES))
    after = _module_state()
    changed = sorted(name for name in before if after.get(name) != before[name])
    assert changed == []
    assert set(after) == set(before)
