"""The ``geonews`` command line: formats, streaming, errors, jobs, Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import geonews
from geonews import Article
from geonews._internal.cli import main
from geonews._internal.runner import BadLineError, parse_jsonl_lines

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_ROOT = str(Path(geonews.__file__).resolve().parents[1])

SENTENCES = (
    (
        "US secretary of state Antony Blinken met Russian foreign minister Sergey Lavrov "
        "in Geneva on Friday."
    ),
    "Moscow wants Nato to promise that Ukraine will never be added as a member.",
    "\u201cWe are ready to talk,\u201d Mr Blinken told reporters.",
    "The UK sent anti-tank missiles to Ukraine earlier this week.",
    "British foreign minister Liz Truss is expected to visit Moscow in February.",
)


def records(count: int) -> list[dict[str, object]]:
    """Article records made of the sentences above, each a little different."""
    return [
        {
            "id": f"a{i}",
            "text": " ".join(SENTENCES[j % len(SENTENCES)] for j in range(i, i + 1 + i % 4)),
            "published": "2022-01-22",
        }
        for i in range(count)
    ]


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command in a fresh interpreter (for stdin, signals and exit codes)."""
    env = {**os.environ, "PYTHONPATH": PACKAGE_ROOT}
    return subprocess.run(
        [sys.executable, "-m", "geonews._internal.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


# --------------------------------------------------------------------------- the example


def test_example_as_text_is_a_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--example"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("seed-000 (published: 2022-01-22, 4364 characters)\n")
    for section in ("Actors", "Quotes", "Meetings", "Demands", "Shipments"):
        assert re.search(rf"^{section}( \(\d+\):|: none)$", out, re.MULTILINE), section
    for section in ("Places", "Times", "Quantities"):
        assert re.search(rf"^{section}: \S", out, re.MULTILINE), section


def test_example_as_json_carries_the_id_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--example", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert next(iter(data)) == "id"
    assert data["id"] == "seed-000"
    assert data["published"] == "2022-01-22"
    assert Article.from_dict(data).text.startswith("US and Russian diplomats")


def test_example_as_jsonl_is_one_line_equal_to_the_library(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--example", "-f", "jsonl", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    article = Article.from_json(lines[0])
    assert article == geonews.parse_article(article.text, published="2022-01-22")


def test_the_readme_shows_the_real_output_of_the_example() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_example.py"), "--check"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": PACKAGE_ROOT},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_version() -> None:
    done = run("--version")
    assert done.returncode == 0
    assert re.fullmatch(r"geonews \S+\n", done.stdout)


# --------------------------------------------------------------------------- inputs


def test_a_text_file_with_published(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(SENTENCES[0], encoding="utf-8")
    assert main(["parse", str(path), "--published", "2022-01-22", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "talks.txt"
    assert data["published"] == "2022-01-22"
    assert data["text"] == SENTENCES[0]


def test_jsonl_in_gives_jsonl_out_in_input_order_with_ids(tmp_path: Path) -> None:
    rows = records(12)
    src, out = write_jsonl(tmp_path / "in.jsonl", rows), tmp_path / "out.jsonl"
    assert main(["parse", str(src), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in rows]
    for line, row in zip(lines, rows, strict=True):
        data = json.loads(line)
        assert next(iter(data)) == "id"
        expected = geonews.parse_article(str(row["text"]), published="2022-01-22")
        assert Article.from_dict(data) == expected


def test_jobs_2_gives_output_identical_to_jobs_1(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(70))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["parse", str(src), "-o", str(one), "--jobs", "1"]) == 0
    assert main(["parse", str(src), "-o", str(two), "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_bytes().splitlines()) == 70


def test_stdin_is_read_as_jsonl_or_text_by_its_first_character() -> None:
    done = run("parse", "-", stdin='{"id": 7, "text": "Russia and Ukraine."}\n')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == 7
    done = run("parse", "-", "--published", "2022-01-22", stdin=SENTENCES[1])
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("article (published: 2022-01-22")


def test_records_without_id_or_published_take_the_line_number_and_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "One."}\n\n{"text": "Two.", "published": null}\n', encoding="utf-8")
    assert main(["parse", str(src), "--published", "2021-03-01"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["published"]) for r in rows] == [(1, "2021-03-01"), (3, None)]


def test_json_format_for_many_articles_is_one_json_array(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(3))
    assert main(["parse", str(src), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data] == ["a0", "a1", "a2"]


def test_text_format_for_many_articles_separates_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(2))
    assert main(["parse", str(src), "-f", "text"]) == 0
    out = capsys.readouterr().out
    assert re.findall(r"^(a\d) \(published: 2022-01-22", out, re.MULTILINE) == ["a0", "a1"]
    assert "\n\na1 (" in out


def test_lone_surrogates_in_the_input_give_valid_utf8_json(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "s", "text": "Russia \\ud800 said."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "-o", str(out)]) == 0
    data = json.loads(out.read_bytes().decode("utf-8"))
    assert data["text"] == "Russia \ud800 said."


# --------------------------------------------------------------------------- errors


BAD_LINES = [
    ("{bad json", r"bad JSON \(Expecting property name enclosed in double quotes at column 2\)"),
    ("[1, 2]", r"expected a JSON object, got an array"),
    ('{"id": "x"}', r'no "text" key'),
    ('{"text": 3}', r'"text" must be a string, got a number'),
    ('{"text": null}', r'"text" must be a string, got null'),
    ('{"text": "x", "published": "soon"}', r"\"published\" 'soon' is not a date: use YYYY-MM-DD"),
    (
        '{"text": "x", "published": 20220122}',
        r'"published" must be an ISO date string or null, got a number',
    ),
    ('{"text": "x", "id": [1]}', r'"id" must be a string or an integer, got an array'),
]


@pytest.mark.parametrize(("line", "problem"), BAD_LINES)
def test_a_bad_line_stops_with_its_file_and_line_number_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, problem: str
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(f'{{"id": "ok", "text": "Fine."}}\n{line}\n{{"text": "never"}}\n', "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert re.fullmatch(
        rf"geonews: error: {re.escape(str(src))}:2: {problem} "
        rf"\(1 article written to {re.escape(str(out))} before it\)\n",
        err,
    ), err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["ok"]


def test_a_line_that_is_not_utf8_is_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "caf\xe9"}\n')
    assert main(["parse", str(src)]) == 2
    assert capsys.readouterr().err == (
        f"geonews: error: {src}:1: not UTF-8 (byte 0xe9 at column 14)\n"
    )


def test_skip_errors_skips_counts_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ['{"id": 1, "text": "One."}', "{bad", '{"id": 3, "text": "Three."}', "[]"]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["parse", str(src), "--skip-errors", "--jobs", "2"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == [1, 3]
    err = captured.err.splitlines()
    assert err[0].startswith(f"geonews: skipped {src}:2: bad JSON")
    assert err[1] == f"geonews: skipped {src}:4: expected a JSON object, got an array"
    assert err[2] == "geonews: skipped 2 bad lines; 2 articles written to standard output"


def test_quiet_keeps_the_skipped_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{bad\n{"text": "One."}\n', encoding="utf-8")
    assert main(["parse", str(src), "--skip-errors", "--quiet"]) == 0
    assert capsys.readouterr().err == (
        "geonews: skipped 1 bad line; 1 article written to standard output\n"
    )


def test_a_json_array_stays_valid_when_a_bad_line_stops_the_run(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "One."}\n{bad\n', encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["parse", str(src), "-f", "json", "-o", str(out)]) == 2
    assert [d["id"] for d in json.loads(out.read_text(encoding="utf-8"))] == ["a"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", "missing.jsonl"], "geonews: error: missing.jsonl: no such file\n"),
        (["parse", "missing.txt"], "geonews: error: missing.txt: no such file\n"),
        (["parse"], "geonews: error: nothing to parse: give FILE (or - for standard input)"),
        (["parse", "x.txt", "--example"], "geonews: error: give either FILE or --example"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_the_output_may_not_overwrite_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(2))
    before = src.read_bytes()
    assert main(["parse", str(src), "-o", str(src)]) == 2
    assert "the output would overwrite the input" in capsys.readouterr().err
    assert src.read_bytes() == before


def test_a_directory_is_not_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"geonews: error: {tmp_path}: is a directory, not a file\n"


def test_a_text_file_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Caf\xe9 talks")
    assert main(["parse", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"geonews: error: {path}: not UTF-8 text (byte 0xe9 at offset 3)\n"
    )


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["parse", "--example", "--published", "tomorrow"], "'tomorrow' is not a date"),
        (["parse", "--example", "--jobs", "-1"], "expected 0 (all cores) or more, got -1"),
        (["parse", "--example", "--format", "xml"], "invalid choice: 'xml'"),
    ],
)
def test_bad_options_exit_2_naming_the_problem(
    args: list[str], problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert problem in capsys.readouterr().err


# --------------------------------------------------------------------------- the runner


def test_the_runner_raises_at_the_first_bad_line_after_yielding_the_earlier_ones() -> None:
    lines = ['{"text": "One."}', '{"text": "Two."}', "nope", '{"text": "Four."}']
    seen: list[int] = []
    with pytest.raises(BadLineError) as caught:
        seen.extend(p.line for p in parse_jsonl_lines(lines, jobs=2))
    assert seen == [1, 2]
    assert caught.value.line == 3
    assert str(caught.value).startswith("line 3: bad JSON")


def test_the_runner_reads_only_a_few_chunks_ahead_and_stops_when_closed() -> None:
    read = 0

    def lines() -> Iterator[str]:
        nonlocal read
        for row in records(5000):
            read += 1
            yield json.dumps(row)

    results = parse_jsonl_lines(lines(), jobs=2)
    first = next(results)
    assert first.line == 1
    results.close()
    time.sleep(0.5)  # the reader thread notices the stop
    stopped_at = read
    time.sleep(0.5)
    assert read == stopped_at  # it reads no further
    assert read < 1000  # a few chunks per job, not the whole input


def test_the_runner_rejects_zero_jobs() -> None:
    with pytest.raises(ValueError, match="jobs must be 1 or more, not 0"):
        list(parse_jsonl_lines([], jobs=0))


# --------------------------------------------------------------------------- Ctrl-C


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_complete_lines_and_exits_130(tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": PACKAGE_ROOT}
    proc = subprocess.Popen(
        [sys.executable, "-m", "geonews._internal.cli", "parse", "-", "-o", str(out), "-j", jobs],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None
    assert proc.stderr is not None
    try:
        for row in records(40):  # the input stays open: the command waits for more
            proc.stdin.write((json.dumps(row) + "\n").encode())
        proc.stdin.flush()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 10:
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        status = proc.wait(timeout=60)
        err = proc.stderr.read().decode()
    finally:
        proc.kill()
        proc.stdin.close()
        proc.stderr.close()
    assert status == 130, err
    data = out.read_bytes()
    assert data.endswith(b"\n")
    ids = [json.loads(line)["id"] for line in data.splitlines()]
    assert ids == [f"a{i}" for i in range(len(ids))]
    assert len(ids) >= 10
    assert err == f"geonews: interrupted: {len(ids)} articles written to {out}\n"


# --------------------------------------------------------------------------- progress


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_progress_bar_shows_on_a_terminal_and_not_with_quiet(tmp_path: Path) -> None:
    import pty
    import termios

    src = write_jsonl(tmp_path / "in.jsonl", records(30))
    env = {**os.environ, "PYTHONPATH": PACKAGE_ROOT}

    def stderr_on_a_terminal(*extra: str) -> str:
        leader, follower = pty.openpty()
        termios.tcsetwinsize(follower, (24, 100))  # a pty starts with no width
        try:
            subprocess.run(
                [sys.executable, "-m", "geonews._internal.cli", "parse", str(src), *extra],
                stdout=subprocess.DEVNULL,
                stderr=follower,
                env=env,
                timeout=120,
                check=True,
            )
            os.close(follower)
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the terminal is closed and drained
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks).decode("utf-8", "replace")
        finally:
            os.close(leader)

    shown = stderr_on_a_terminal()
    assert "30/30" in shown
    assert "articles/s" in shown
    assert stderr_on_a_terminal("--quiet") == ""
