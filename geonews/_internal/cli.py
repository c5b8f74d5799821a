"""The ``geonews`` command line.

``geonews parse FILE`` parses one article (a ``.txt`` file) or a stream of JSON lines
(``{"id", "text", "published"}`` per line) and writes a readable summary, pretty JSON
or `Article` JSON lines. Output is written line by line and flushed as it goes, so an
interrupted or failed run leaves a valid prefix: every line written is complete.

Exit status: 0 on success, 2 on a usage error, a missing file or a bad input line
(unless ``--skip-errors``), 130 when interrupted with Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import importlib.resources
import itertools
import json
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, Final, Protocol

from geonews._internal.evaluate import add_evaluate_parser
from geonews._internal.model import Actor, Article, TimeRef
from geonews._internal.pipeline import parse_article
from geonews._internal.runner import BadLineError, Render, parse_jsonl_lines, render_jsonl

PROG: Final = "geonews"
EXIT_OK: Final = 0
EXIT_ERROR: Final = 2
EXIT_INTERRUPTED: Final = 130
_JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson", ".jsonlines", ".json"})
_QUOTE_WIDTH: Final = 160


def _say(message: str) -> None:
    """Write one line to stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class CliError(Exception):
    """A problem reported as one line on stderr, with exit status 2.

    Examples:
        >>> str(CliError("missing.jsonl: no such file"))
        'missing.jsonl: no such file'
    """


# --------------------------------------------------------------------------- rendering


def _when(time_ref: TimeRef | None) -> str:
    if time_ref is None:
        return ""
    if time_ref.start is None or time_ref.end is None:
        return time_ref.text
    if time_ref.start == time_ref.end:
        return time_ref.start.isoformat()
    return f"{time_ref.start.isoformat()}..{time_ref.end.isoformat()}"


def _who(actor: Actor | None) -> str:
    return "?" if actor is None else actor.name


def _clip(text: str, width: int = _QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _actor_line(actor: Actor) -> str:
    details = [actor.kind.value]
    if actor.title:
        details.append(actor.title)
    if actor.country and actor.country != actor.name:
        details.append(actor.country)
    count = len(actor.mentions)
    return f"  - {actor.name} ({'; '.join(details)}), {count} mention{'s' * (count != 1)}"


def _section(title: str, lines: list[str]) -> list[str]:
    if not lines:
        return [f"{title}: none"]
    return [f"{title} ({len(lines)}):", *lines]


def render_text(article_id: object, article: Article) -> str:
    """Render a readable summary of one article: actors, then each kind of fact.

    Examples:
        >>> summary = render_text("a1", parse_article("Russia and Ukraine."))
        >>> for line in summary.splitlines()[:4]:
        ...     print(line)
        a1 (published: unknown, 19 characters)
        Actors (2):
          - Russia (country), 1 mention
          - Ukraine (country), 1 mention
    """
    published = "unknown" if article.published is None else article.published.isoformat()
    name = "article" if article_id is None else article_id
    head = f"{name} (published: {published}, {len(article.text)} characters)"
    quotes = [
        f"  - {_who(q.speaker)}"
        + (f" ({q.cue})" if q.cue else "")
        + f": “{_clip(q.text)}” [{q.rule}]"
        for q in article.quotes
    ]
    meetings = []
    for m in article.meetings:
        parts = [m.status.value, m.channel.value.replace("_", " ")]
        if m.place is not None:
            parts.append(f"in {m.place.name}")
        if m.time is not None:
            parts.append(_when(m.time))
        if m.duration is not None:
            parts.append(m.duration.text)
        names = ", ".join(p.name for p in m.participants)
        meetings.append(f"  - {names}: {'; '.join(parts)} [{m.rule}]")
    demands = [
        f"  - {d.demander.name} -> {_who(d.addressee)}: {_clip(d.content)} [{d.rule}]"
        for d in article.demands
    ]
    shipments = []
    for s in article.shipments:
        parts = [", ".join(s.items) or "?"]
        if s.quantity is not None:
            parts.append(s.quantity.text)
        parts.append(s.status.value)
        if s.time is not None:
            parts.append(_when(s.time))
        route = f"{_who(s.supplier)} -> {_who(s.recipient)}"
        shipments.append(f"  - {route}: {'; '.join(parts)} [{s.rule}]")
    place_counts: dict[str, int] = {}
    for p in article.places:
        label = p.name + (f" ({p.country})" if p.country and p.country != p.name else "")
        place_counts[label] = place_counts.get(label, 0) + 1
    places = ", ".join(
        label + (f" x{count}" if count > 1 else "") for label, count in place_counts.items()
    )
    times = ", ".join(f"{t.text} = {_when(t)}" for t in article.times)
    quantities = ", ".join(
        f"{q.text} = {'?' if q.value is None else f'{q.value:g}'} {q.unit}".rstrip()
        for q in article.quantities
    )
    lines = [
        head,
        *_section("Actors", [_actor_line(a) for a in article.actors]),
        *_section("Quotes", quotes),
        *_section("Meetings", meetings),
        *_section("Demands", demands),
        *_section("Shipments", shipments),
        f"Places: {places or 'none'}",
        f"Times: {times or 'none'}",
        f"Quantities: {quantities or 'none'}",
    ]
    return "\n".join(lines)


def render_json(article_id: object, article: Article) -> str:
    """Render one article as pretty JSON, ``"id"`` first.

    Examples:
        >>> print(render_json("a1", parse_article("Hi.")).splitlines()[1])
          "id": "a1",
    """
    data: dict[str, Any] = {"id": article_id, **article.to_dict()}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: escape them
        text = json.dumps(data, ensure_ascii=True, indent=2)
    return text


_RENDERERS: Final[dict[str, Render]] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
}


# --------------------------------------------------------------------------- output


class _Interrupts:
    """SIGINT raises KeyboardInterrupt at once, except while an article is being written.

    A Ctrl-C during a write is held until the write and its flush are done, so the
    output never ends in half a line.
    """

    def __init__(self) -> None:
        self.writing = False
        self.pending = False

    def __call__(self, _signum: int, _frame: FrameType | None) -> None:
        if self.writing:
            self.pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # signals only reach the main thread; leave them alone
            return
        previous = signal.signal(signal.SIGINT, self)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)


class _Sink:
    """Writes rendered articles one complete block at a time and flushes each."""

    def __init__(self, path: str | None, fmt: str, *, many: bool, interrupts: _Interrupts) -> None:
        self.name = "standard output" if path in {None, "-"} else str(path)
        self.array = fmt == "json" and many  # many pretty articles: one JSON array
        self.separator = "\n" if fmt == "text" and many else ""
        self.interrupts = interrupts
        self.written = 0
        self.stream: IO[bytes] | None = None
        self.text_stream: IO[str] = sys.stdout  # where there is no byte stream (notebooks)
        self.own = path not in {None, "-"}
        if path is None or path == "-":
            sys.stdout.flush()
            self.stream = getattr(sys.stdout, "buffer", None)
        else:
            try:
                self.stream = Path(path).open("wb")  # noqa: SIM115 - closed in close()
            except OSError as error:
                raise CliError(f"{path}: cannot write: {error.strerror or error}") from None

    def _write(self, text: str) -> None:
        with self.interrupts.deferred():
            if self.stream is None:
                self.text_stream.write(text)
                self.text_stream.flush()
            else:
                self.stream.write(text.encode("utf-8", "backslashreplace"))
                self.stream.flush()

    def article(self, text: str) -> None:
        if self.array:
            text = ("[\n" if self.written == 0 else ",\n") + text
        elif self.written and self.separator:
            text = self.separator + text
        self._write(text if self.array else text + "\n")
        self.written += 1

    def close(self) -> None:
        try:
            if self.array:
                self._write("[]\n" if self.written == 0 else "\n]\n")
        finally:
            if self.own and self.stream is not None:
                self.stream.close()

    def count(self) -> str:
        noun = "article" if self.written == 1 else "articles"
        return f"{self.written} {noun} written to {self.name}"


# --------------------------------------------------------------------------- progress


class _Progress(Protocol):
    def update(self, n: int = 1) -> object: ...
    def write(self, s: str, file: IO[str] | None = None) -> object: ...
    def close(self) -> None: ...


class _NoProgress:
    def update(self, n: int = 1) -> None:
        del n

    def write(self, s: str, file: IO[str] | None = None) -> None:
        del file
        _say(s)

    def close(self) -> None:
        return None


class _PlainProgress(_NoProgress):
    """A one-line counter on stderr, for when tqdm is not installed."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.shown >= 0.25:  # noqa: PLR2004 - four redraws a second
            self.shown = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.started, 1e-9)
        line = f"parsing: {self.done}"
        if self.total:
            line += f"/{self.total}"
        line += f" articles, {rate:.1f} articles/s"
        if self.total and rate > 0:
            left = max(self.total - self.done, 0) / rate
            line += f", ETA {int(left // 60)}:{int(left % 60):02d}"
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()

    def write(self, s: str, file: IO[str] | None = None) -> None:
        del file
        sys.stderr.write("\r\x1b[K" + s + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        self._draw(time.monotonic())
        sys.stderr.write("\n")
        sys.stderr.flush()


def _progress(total: int | None, *, show: bool) -> _Progress:
    if not show:
        return _NoProgress()
    try:
        from tqdm import tqdm
    except ImportError:
        return _PlainProgress(total)
    bar: _Progress = tqdm(
        total=total, unit=" articles", desc="parsing", file=sys.stderr, dynamic_ncols=True
    )
    return bar


def _count_lines(path: Path) -> int | None:
    """Lines in a regular file, for the progress bar's ETA (None for pipes)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        count = 0
        last = b"\n"
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                count += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return None
    return count + (last != b"\n")


# --------------------------------------------------------------------------- input


def _published_arg(value: str) -> str:
    try:
        parse_article("", published=value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD") from None
    return value


def _jobs_arg(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (all cores) or more, got {jobs}")
    return jobs or os.cpu_count() or 1


def _stdin_lines() -> Iterator[bytes]:
    """Lines of standard input, read from its file descriptor.

    JSON lines are read in a thread while results are written; reading the descriptor
    directly, not through `sys.stdin`, means a read still blocked on an open pipe when
    the command stops (Ctrl-C) holds no lock that the interpreter needs at exit.
    """
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # replaced stdin (tests, notebooks)
        yield from sys.stdin.buffer
        return
    parts: list[bytes] = []
    while block := os.read(fd, 1 << 16):
        start = 0
        while (end := block.find(b"\n", start)) != -1:
            parts.append(block[start : end + 1])
            yield b"".join(parts)
            parts = []
            start = end + 1
        if start < len(block):
            parts.append(block[start:])
    if parts:
        yield b"".join(parts)


def _open_input(name: str) -> IO[bytes]:
    try:
        return Path(name).open("rb")
    except FileNotFoundError:
        raise CliError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{name}: is a directory, not a file") from None
    except OSError as error:
        raise CliError(f"{name}: cannot read: {error.strerror or error}") from None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CliError(
            f"{name}: not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})"
        ) from None


def _example() -> tuple[str, str, str]:
    resource = importlib.resources.files("geonews").joinpath("_data", "example.json")
    data = json.loads(resource.read_text(encoding="utf-8"))
    return str(data["id"]), str(data["text"]), str(data["published"])


# --------------------------------------------------------------------------- commands


def _parse_one(
    args: argparse.Namespace, article_id: object, text: str, published: str | None
) -> int:
    fmt = args.format or "text"
    article = parse_article(text, published=published)
    sink = args.sink = _Sink(args.output, fmt, many=False, interrupts=args.interrupts)
    try:
        sink.article(_RENDERERS[fmt](article_id, article))
    finally:
        sink.close()
    return EXIT_OK


def _parse_stream(args: argparse.Namespace, name: str, lines: Iterable[bytes]) -> int:
    fmt = args.format or "jsonl"
    label = "<stdin>" if name == "-" else name
    total = None if name == "-" else _count_lines(Path(name))
    show = not args.quiet and sys.stderr.isatty()
    sink = args.sink = _Sink(args.output, fmt, many=True, interrupts=args.interrupts)
    progress = _progress(total, show=show)
    skipped = 0
    results = parse_jsonl_lines(
        lines,
        jobs=args.jobs,
        skip_errors=args.skip_errors,
        published=args.published,
        render=_RENDERERS[fmt],
    )
    try:
        for parsed in results:
            progress.update()
            if parsed.output is None:
                skipped += 1
                if not args.quiet:
                    progress.write(f"{PROG}: skipped {label}:{parsed.line}: {parsed.error}")
                continue
            sink.article(parsed.output)
    except BadLineError as error:
        progress.close()
        sink.close()
        written = f" ({sink.count()} before it)" if sink.written else ""
        raise CliError(f"{label}:{error.line}: {error.problem}{written}") from None
    except BaseException:
        results.close()  # stops the worker processes at once
        progress.close()
        sink.close()
        raise
    progress.close()
    sink.close()
    if skipped:
        noun = "line" if skipped == 1 else "lines"
        _say(f"{PROG}: skipped {skipped} bad {noun}; {sink.count()}")
    return EXIT_OK


def _same_file(name: str, output: str | None) -> bool:
    if name == "-" or output is None or output == "-":
        return False
    try:
        return Path(name).samefile(output)
    except OSError:  # either does not exist (yet)
        return False


def _looks_like_jsonl(first: bytes) -> bool:
    return first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.example:
        if args.file is not None:
            raise CliError("give either FILE or --example, not both")
        article_id, text, published = _example()
        return _parse_one(args, article_id, text, args.published or published)
    if args.file is None:
        raise CliError("nothing to parse: give FILE (or - for standard input) or --example")
    name: str = args.file
    if _same_file(name, args.output):
        raise CliError(f"{args.output}: the output would overwrite the input")
    stream = None if name == "-" else _open_input(name)
    lines = _stdin_lines() if stream is None else iter(stream)
    try:
        mode = args.input
        if mode == "auto" and name != "-":
            mode = "jsonl" if Path(name).suffix.lower() in _JSONL_SUFFIXES else "text"
        if mode == "auto":  # standard input: look at the first line
            first = next(lines, b"")
            lines = itertools.chain([first], lines)
            mode = "jsonl" if _looks_like_jsonl(first) else "text"
        if mode == "jsonl":
            return _parse_stream(args, name, lines)
        text = _decode(b"".join(lines), "<stdin>" if name == "-" else name)
        text_id = None if name == "-" else Path(name).name
        return _parse_one(args, text_id, text, args.published)
    finally:
        if stream is not None:
            stream.close()


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``geonews`` command.

    Examples:
        >>> args = build_parser().parse_args(["parse", "--example", "--format", "json"])
        >>> args.example, args.format
        (True, 'json')
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extract quotes, meetings, demands and shipments from English news.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    subparsers = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    subparsers.required = True

    parse = subparsers.add_parser(
        "parse",
        help="parse an article or a file of JSON lines",
        description=(
            "Parse one article (a .txt file) or JSON lines of "
            '{"id", "text", "published"} records (.jsonl). Output is written and '
            "flushed article by article: an interrupted run leaves complete lines."
        ),
    )
    parse.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a .txt article, a .jsonl file of records, or - for standard input",
    )
    parse.add_argument(
        "--example", action="store_true", help="parse the example article bundled with geonews"
    )
    parse.add_argument(
        "--published",
        type=_published_arg,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of a .txt article, or of records without one",
    )
    parse.add_argument(
        "--input",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="what FILE holds (default: by its suffix; for -, JSON lines if it starts with {)",
    )
    parse.add_argument(
        "-f",
        "--format",
        choices=tuple(_RENDERERS),
        help="output: a readable summary, pretty JSON, or JSON lines "
        "(default: jsonl for JSON lines input, text for one article)",
    )
    parse.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    parse.add_argument(
        "-j",
        "--jobs",
        type=_jobs_arg,
        default=1,
        metavar="N",
        help="parse JSON lines in N processes, keeping input order (0: one per core)",
    )
    parse.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no skipped-line notes"
    )
    parse.add_argument(
        "--skip-errors",
        action="store_true",
        help="skip bad input lines (counted at the end) instead of stopping at the first",
    )
    parse.set_defaults(handler=_cmd_parse)

    # `geonews evaluate` is added here by geonews._internal.evaluate:
    add_evaluate_parser(subparsers)

    return parser


def _version() -> str:
    try:
        return importlib.metadata.version("geonews")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``geonews`` command and return its exit status.

    Args:
        argv: the arguments, without the program name; `sys.argv` when None.

    Returns:
        0 on success, 2 on an error, 130 when interrupted.

    Examples:
        >>> import os
        >>> main(["parse", "--example", "--format", "jsonl", "-o", os.devnull])
        0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    args.interrupts = _Interrupts()
    try:
        with args.interrupts.installed():
            status: int = args.handler(args)
    except CliError as error:
        _say(f"{PROG}: error: {error}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sink: _Sink | None = getattr(args, "sink", None)
        written = "" if sink is None else f": {sink.count()}"
        _say(f"{PROG}: interrupted{written}")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (`geonews parse ... | head`): stop quietly
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return status


if __name__ == "__main__":
    sys.exit(main())
