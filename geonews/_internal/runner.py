"""Streaming JSON lines through `parse_article`, in one process or a pool of them.

`parse_jsonl_lines` reads ``{"id", "text", "published"}`` lines lazily and yields one
`Parsed` per line, in input order, holding the rendered output (an `Article` JSON line
with ``"id"`` first, by default). With ``jobs > 1`` it hands chunks of lines to a
`multiprocessing` pool and keeps only a few chunks in flight, so memory stays flat
however long the input is. The command line (``geonews parse``) is a thin layer on top.
"""

from __future__ import annotations

import collections
import contextlib
import json
import multiprocessing
import multiprocessing.context
import signal
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from queue import Empty, Full, Queue
from typing import Any, Final, cast

import attrs

from geonews._internal.errors import SchemaError
from geonews._internal.model import Article
from geonews._internal.pipeline import parse_article

#: Lines handed to a worker at a time: large enough to hide the cost of pickling.
CHUNK_LINES: Final = 16
#: Chunks in flight per worker: keeps the workers busy while the writer catches up.
CHUNKS_PER_JOB: Final = 4

Render = Callable[[object, Article], str]
"""Turns ``(id, article)`` into the output text for one article (no final newline)."""


class BadLineError(SchemaError):
    """An input line that is not a usable article record.

    Attributes:
        line: the 1-based line number.
        problem: what is wrong with it, without the line number.

    Examples:
        >>> error = BadLineError(3, "bad JSON: Expecting value")
        >>> str(error), error.line
        ('line 3: bad JSON: Expecting value', 3)
    """

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem

    def __reduce__(self) -> tuple[type[BadLineError], tuple[int, str]]:
        return (type(self), (self.line, self.problem))


@attrs.frozen(kw_only=True)
class Parsed:
    """The outcome of one input line.

    Attributes:
        line: the 1-based line number in the input.
        output: the rendered article, or None when the line was bad.
        error: what was wrong with the line, or None.

    Examples:
        >>> Parsed(line=1, output='{"id": 1}', error=None).ok
        True
    """

    line: int
    output: str | None
    error: str | None

    @property
    def ok(self) -> bool:
        """Whether the line gave an article.

        Examples:
            >>> Parsed(line=2, output=None, error="bad JSON").ok
            False
        """
        return self.error is None


def _json_line(data: dict[str, Any]) -> str:
    line = json.dumps(data, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates in the text: escape them
        line = json.dumps(data, ensure_ascii=True)
    return line


def render_jsonl(article_id: object, article: Article) -> str:
    """Render one article as a JSON line: ``"id"`` first, then `Article.to_dict()`.

    Examples:
        >>> render_jsonl("a1", parse_article("Hi."))[:30]
        '{"id": "a1", "text": "Hi.", "p'
    """
    return _json_line({"id": article_id, **article.to_dict()})


def read_record(
    raw: str | bytes, line: int, *, published: str | None = None
) -> tuple[object, Article]:
    """Check one JSON line and parse its article; raise `BadLineError` if it is unusable.

    A record is a JSON object with a string ``"text"``, and optionally ``"id"`` (a
    string or an integer; the line number when absent) and ``"published"`` (an ISO date
    or null; `published` when absent).

    Examples:
        >>> article_id, article = read_record('{"text": "Hi.", "published": "2022-01-22"}', 7)
        >>> article_id, article.published.isoformat()
        (7, '2022-01-22')
        >>> read_record('{"text": 3}', 2)
        Traceback (most recent call last):
        ...
        geonews._internal.runner.BadLineError: line 2: "text" must be a string, got a number
    """
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BadLineError(
                line, f"not UTF-8 (byte {raw[error.start]:#04x} at column {error.start + 1})"
            ) from None
    if line == 1:
        raw = raw.removeprefix("\ufeff")  # a byte order mark
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise BadLineError(line, f"bad JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise BadLineError(line, "bad JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise BadLineError(line, f"expected a JSON object, got {_json_type(data)}")
    if "text" not in data:
        raise BadLineError(line, 'no "text" key')
    text = data["text"]
    if not isinstance(text, str):
        raise BadLineError(line, f'"text" must be a string, got {_json_type(text)}')
    article_id = data.get("id", line)
    if not isinstance(article_id, str | int) or isinstance(article_id, bool):
        raise BadLineError(
            line, f'"id" must be a string or an integer, got {_json_type(article_id)}'
        )
    day = data.get("published", published)
    if day is not None and not isinstance(day, str):
        raise BadLineError(
            line, f'"published" must be an ISO date string or null, got {_json_type(day)}'
        )
    try:
        return article_id, parse_article(text, published=day)
    except ValueError:  # an unreadable "published"
        raise BadLineError(line, f'"published" {day!r:.40} is not a date: use YYYY-MM-DD') from None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true or false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _parse_chunk(
    chunk: list[tuple[int, str | bytes]], render: Render, published: str | None
) -> list[Parsed]:
    out = []
    for line, raw in chunk:
        try:
            article_id, article = read_record(raw, line, published=published)
        except BadLineError as error:
            out.append(Parsed(line=line, output=None, error=error.problem))
            continue
        out.append(Parsed(line=line, output=render(article_id, article), error=None))
    return out


def _chunks(lines: Iterable[str | bytes], size: int) -> Iterator[list[tuple[int, str | bytes]]]:
    chunk: list[tuple[int, str | bytes]] = []
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue  # blank lines carry no article
        chunk.append((number, raw))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ignore_sigint() -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and keeps what was written.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


_DONE: Final = object()  # the reader thread's end-of-input mark


def _read_ahead(
    chunks: Iterator[list[tuple[int, str | bytes]]], queue: Queue[object], stop: threading.Event
) -> None:
    """Read chunks in a thread, so results flow while the input is slow (a pipe)."""
    try:
        for chunk in chunks:
            while not stop.is_set():
                try:
                    queue.put(chunk, timeout=0.1)
                    break
                except Full:
                    continue
            if stop.is_set():  # the consumer stopped early: read no further
                return
    except BaseException as error:  # noqa: BLE001 - handed to the main thread to raise
        queue.put(error)
    queue.put(_DONE)


def _context() -> multiprocessing.context.BaseContext:
    """Worker processes forked from a server that has geonews loaded, where there is one.

    A fork server starts workers at once (no second import of geonews per worker) and,
    unlike a plain fork, copies no threads of the calling process. It does not re-run
    the caller's ``__main__`` (which fails for ``python -`` and notebooks), so `render`
    must come from an importable module. Elsewhere (Windows), workers are spawned.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # takes effect when the server starts
    return context


def _pooled(
    chunks: Iterator[list[tuple[int, str | bytes]]],
    render: Render,
    published: str | None,
    jobs: int,
) -> Generator[list[Parsed], None, None]:
    window = jobs * CHUNKS_PER_JOB
    inbox: Queue[object] = Queue(maxsize=window)
    stop = threading.Event()
    with contextlib.ExitStack() as cleanup:
        pool = cleanup.enter_context(_context().Pool(jobs, initializer=_ignore_sigint))
        cleanup.callback(stop.set)
        # a daemon thread: on Ctrl-C it may stay blocked on the input without holding up
        # exit; started after the pool, so that no worker is forked beside it
        reader = threading.Thread(target=_read_ahead, args=(chunks, inbox, stop), daemon=True)
        reader.start()
        pending: collections.deque[AsyncResult[list[Parsed]]] = collections.deque()
        done = False
        while not done or pending:
            while pending and pending[0].ready():  # pass on what is done, in order
                yield pending.popleft().get()
            if done or len(pending) >= window:
                if pending:
                    yield pending.popleft().get()  # wait for the oldest
                continue
            try:
                item = inbox.get(timeout=0.05) if pending else inbox.get()
            except Empty:
                continue  # no input yet: look at the results again
            if item is _DONE:
                done = True
            elif isinstance(item, BaseException):
                raise item
            else:
                chunk = cast("list[tuple[int, str | bytes]]", item)
                pending.append(pool.apply_async(_parse_chunk, (chunk, render, published)))


def parse_jsonl_lines(
    lines: Iterable[str | bytes],
    *,
    jobs: int = 1,
    skip_errors: bool = False,
    published: str | None = None,
    render: Render = render_jsonl,
) -> Generator[Parsed, None, None]:
    """Parse JSON lines lazily, in input order, in `jobs` processes.

    Blank lines are passed over. Memory stays flat: at most a few chunks of
    `CHUNK_LINES` lines per job are in flight. With ``jobs > 1``, a script that calls
    this must guard its entry point with ``if __name__ == "__main__":``, as for any
    `multiprocessing` pool that does not fork.

    Args:
        lines: the input, one JSON object per line (see `read_record`); `bytes` lines
            (a file opened in binary mode) are decoded as UTF-8 in the workers.
        jobs: worker processes; 1 parses in this process.
        skip_errors: yield bad lines as `Parsed` with `error` set (to count or log
            them) instead of raising.
        published: the date for records without a ``"published"`` key.
        render: turns ``(id, article)`` into the output; a module-level function of an
            importable module (not ``__main__``), since it is sent to the workers.

    Yields:
        One `Parsed` per non-blank line.

    Raises:
        BadLineError: a bad line, unless `skip_errors`; every earlier line was yielded.
        ValueError: `jobs` is below 1.

    Examples:
        >>> lines = ['{"id": "a", "text": "Russia and Ukraine."}', '{"id": "b"}']
        >>> [p.error for p in parse_jsonl_lines(lines, skip_errors=True)]
        [None, 'no "text" key']
        >>> list(parse_jsonl_lines(lines))
        Traceback (most recent call last):
        ...
        geonews._internal.runner.BadLineError: line 2: no "text" key
    """
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    chunks = _chunks(lines, CHUNK_LINES if jobs > 1 else 1)
    results: Generator[list[Parsed], None, None]
    if jobs == 1:
        results = (_parse_chunk(chunk, render, published) for chunk in chunks)
    else:
        results = _pooled(chunks, render, published, jobs)
    try:
        for batch in results:
            for parsed in batch:
                if parsed.error is not None and not skip_errors:
                    raise BadLineError(parsed.line, parsed.error)
                yield parsed
    finally:
        results.close()  # stops the pool at once when the caller stops early
