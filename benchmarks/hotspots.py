"""Where `parse_article` spends its time: functions, modules and regex patterns.

Usage (from the repository root)::

    python benchmarks/hotspots.py                  # 300 articles of the bulk corpus
    python benchmarks/hotspots.py --limit 1000 --top 40
    python benchmarks/hotspots.py --text hostile.txt  # one file as one article

Three tables, all in milliseconds per article:

1. modules: the time spent in each module's own code (cProfile "tottime"), with the
   time of the `regex` calls it makes charged to it;
2. functions: the top functions by own time, and the regex time of their calls;
3. patterns: every compiled module-level pattern of ``geonews._internal`` is swapped for
   a timing wrapper, so each pattern's matching time (``finditer`` counted as it is
   consumed) is measured. Patterns built inside functions or kept elsewhere than in
   a module global (or a tuple/dict global) are not seen; the table says how much of
   the regex time the wrapped patterns cover.

The profiler slows everything down by a roughly even factor: read the tables as
shares, and take absolute figures from ``benchmarks/run.py``.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pkgutil
import pstats
import sys
import time
import types
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import regex
from run import BULK, SAMPLE, Row, load_corpus, table

import geonews._internal as internal
from geonews import parse_article

PATTERN_TYPE: Final = type(regex.compile(""))
_METHODS: Final = frozenset(
    {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer"}
)


class Tally:
    """Seconds and calls per pattern name."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.calls: defaultdict[str, int] = defaultdict(int)


class TimedPattern:
    """Stands in for a compiled pattern and adds the time of every call to `seconds`."""

    def __init__(self, pattern: regex.Pattern[str], name: str, tally: Tally) -> None:
        self._pattern = pattern
        self._name = name
        self._seconds = tally.seconds
        self._calls = tally.calls

    def __getattr__(self, attribute: str) -> Any:  # noqa: ANN401 - a proxy
        value = getattr(self._pattern, attribute)
        if attribute not in _METHODS:
            return value
        name, seconds, calls = self._name, self._seconds, self._calls
        clock = time.perf_counter
        if attribute in {"finditer", "splititer"}:

            def lazy(*args: Any, **kwargs: Any) -> Iterator[Any]:  # noqa: ANN401
                start = clock()
                iterator = value(*args, **kwargs)
                seconds[name] += clock() - start
                calls[name] += 1
                while True:
                    start = clock()
                    try:
                        item = next(iterator)
                    except StopIteration:
                        seconds[name] += clock() - start
                        return
                    seconds[name] += clock() - start
                    yield item

            return lazy

        def timed(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
            start = clock()
            try:
                return value(*args, **kwargs)
            finally:
                seconds[name] += clock() - start
                calls[name] += 1

        return timed


def _wrap(value: object, name: str, tally: Tally) -> object:
    if isinstance(value, PATTERN_TYPE):
        return TimedPattern(value, name, tally)
    if isinstance(value, tuple) and any(isinstance(v, PATTERN_TYPE) for v in value):
        return tuple(_wrap(v, f"{name}[{i}]", tally) for i, v in enumerate(value))
    if isinstance(value, dict | types.MappingProxyType) and any(
        isinstance(v, PATTERN_TYPE) for v in value.values()
    ):
        wrapped = {k: _wrap(v, f"{name}[{k!r}]", tally) for k, v in value.items()}
        return (
            types.MappingProxyType(wrapped)
            if isinstance(value, types.MappingProxyType)
            else wrapped
        )
    return value


def install_timers(tally: Tally) -> Callable[[], None]:
    """Swap every module-level pattern of ``geonews._internal`` for a `TimedPattern`.

    Returns a function that puts the originals back.
    """
    saved: list[tuple[types.ModuleType, str, object]] = []
    package = internal
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        short = info.name.removeprefix(package.__name__ + ".")
        for attribute, value in list(vars(module).items()):
            wrapped = _wrap(value, f"{short}.{attribute}", tally)
            if wrapped is not value:
                saved.append((module, attribute, value))
                setattr(module, attribute, wrapped)

    def restore() -> None:
        for module, attribute, value in saved:
            setattr(module, attribute, value)

    return restore


def _module_of(filename: str) -> str:
    path = Path(filename)
    if "geonews" in path.parts:
        parts = path.with_suffix("").parts
        return ".".join(parts[len(parts) - 1 - parts[::-1].index("geonews") :])
    if filename == "~":
        return "(builtins)"
    if filename.startswith("<attrs generated"):
        return "(attrs-generated methods)"
    return "(other: " + path.name + ")"


def profile_functions(rows: Sequence[Row], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for row in rows:
        parse_article(row.text, published=row.published)
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, dict[Any, Any]]]
    raw = stats.stats  # type: ignore[attr-defined]
    n = len(rows)
    total = sum(tt for (_, _, tt, _, _) in raw.values())

    own: dict[str, float] = defaultdict(float)
    regex_of_module: dict[str, float] = defaultdict(float)
    regex_of_function: dict[tuple[str, int, str], float] = defaultdict(float)
    for (filename, line, function), (_, _, tt, _, callers) in raw.items():
        builtin_regex = filename == "~" and "_regex" in function
        if builtin_regex:
            for caller, (_, _, caller_tt, _) in callers.items():
                regex_of_function[caller] += caller_tt
                regex_of_module[_module_of(caller[0])] += caller_tt
            continue
        own[_module_of(filename)] += tt
        del line

    print(f"\nprofiled {n} articles, {total / n * 1e3:.2f} ms per article under cProfile\n")
    print("### Modules: own time, and the regex calls they make\n")
    modules = sorted(set(own) | set(regex_of_module), key=lambda m: -(own[m] + regex_of_module[m]))
    table(
        ["module", "own Python ms/article", "regex ms/article", "total", "share"],
        [
            [
                m,
                f"{own[m] / n * 1e3:.3f}",
                f"{regex_of_module[m] / n * 1e3:.3f}",
                f"{(own[m] + regex_of_module[m]) / n * 1e3:.3f}",
                f"{(own[m] + regex_of_module[m]) / total:.1%}",
            ]
            for m in modules[:top]
        ],
    )

    print("\n### Functions: own time plus the regex calls they make\n")
    keyed = [
        (key, tt + regex_of_function.get(key, 0.0), tt, calls)
        for key, (_, calls, tt, _, _) in raw.items()
        if not (key[0] == "~" and "_regex" in key[2])
    ]
    keyed.sort(key=lambda item: -item[1])
    table(
        ["function", "module:line", "ms/article", "of which regex", "calls/article"],
        [
            [
                key[2],
                f"{_module_of(key[0])}:{key[1]}",
                f"{both / n * 1e3:.3f}",
                f"{regex_of_function.get(key, 0.0) / n * 1e3:.3f}",
                f"{calls / n:,.1f}",
            ]
            for key, both, _, calls in keyed[:top]
        ],
    )


def profile_patterns(rows: Sequence[Row], top: int) -> None:
    tally = Tally()
    restore = install_timers(tally)
    try:
        start = time.perf_counter()
        for row in rows:
            parse_article(row.text, published=row.published)
        elapsed = time.perf_counter() - start
    finally:
        restore()
    seconds, calls = tally.seconds, tally.calls
    n = len(rows)
    covered = sum(seconds.values())
    print("\n### Patterns (module-level, timed one by one)\n")
    print(
        f"wrapped patterns: {covered / n * 1e3:.2f} ms of {elapsed / n * 1e3:.2f} ms per "
        f"article ({covered / elapsed:.0%}, timing overhead included)\n"
    )
    ranked = sorted(seconds.items(), key=lambda item: -item[1])
    table(
        ["pattern", "ms/article", "calls/article", "µs/call"],
        [
            [
                name,
                f"{s / n * 1e3:.3f}",
                f"{calls[name] / n:,.1f}",
                f"{s / max(calls[name], 1) * 1e6:.1f}",
            ]
            for name, s in ranked[:top]
        ],
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile parse_article.")
    parser.add_argument("--corpus", type=Path, help="JSON lines with text and published")
    parser.add_argument("--limit", type=int, default=300, help="articles to profile")
    parser.add_argument("--text", type=Path, help="profile this one text file instead")
    parser.add_argument("--top", type=int, default=30, help="rows per table")
    args = parser.parse_args(argv)
    if args.text is not None:
        rows = [Row(args.text.name, args.text.read_text("utf-8"), None)]
    else:
        corpus = args.corpus or (BULK if BULK.is_file() else SAMPLE)
        rows = load_corpus(corpus, args.limit)
    for row in rows[:10]:  # warm up
        parse_article(row.text, published=row.published)
    print(f"# Hot spots of parse_article over {len(rows)} article(s)")
    profile_functions(rows, args.top)
    profile_patterns(rows, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
