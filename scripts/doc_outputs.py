"""Run the examples of the documentation and check or rewrite the outputs they show.

In README.md and the pages of docs/ listed in PAGES:

- every ```` ```python ```` block runs, in page order, in one namespace per page (a
  ```` ```py ```` block is shown but not run); when the next block is preceded by an
  ``<!-- output -->`` line, it must hold exactly what the code printed;
- a ```` ```console ```` block preceded by a ``<!-- run -->`` line runs each ``$ ``
  line in a shell, in a scratch folder holding ``articles.jsonl``; the lines after a
  command are its output (stdout and stderr).

Usage:
    python scripts/doc_outputs.py            # list the examples that are out of date
    python scripts/doc_outputs.py --write    # rewrite the outputs in place
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = (
    "README.md",
    "docs/index.md",
    "docs/tutorial.md",
    "docs/guidelines.md",
    "docs/cli.md",
    "docs/scaling.md",
)
FENCE = re.compile(
    r"^(?P<open>```(?P<info>[\w-]*)[^\n]*\n)(?P<body>.*?)^```[ ]*$", re.DOTALL | re.MULTILINE
)
OUTPUT_MARK = "<!-- output -->"
RUN_MARK = "<!-- run -->"

#: What the console examples find in their scratch folder.
SCRATCH_FILES = {
    "articles.jsonl": [
        {
            "id": "wn-1",
            "published": "2022-01-22",
            "text": "US secretary of state Antony Blinken met Russian foreign minister "
            "Sergey Lavrov in Geneva on Friday.",
        },
        {
            "id": "wn-2",
            "published": "2022-01-22",
            "text": "Moscow wants Nato to promise that Ukraine will never be added as a member.",
        },
    ],
}


def _scratch() -> tempfile.TemporaryDirectory[str]:
    folder = tempfile.TemporaryDirectory()
    for name, rows in SCRATCH_FILES.items():
        lines = "".join(json.dumps(row) + "\n" for row in rows)
        (Path(folder.name) / name).write_text(lines, encoding="utf-8")
    return folder


def _run_python(code: str, namespace: dict[str, object]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<docs>", "exec"), namespace)  # noqa: S102 - our own docs
    return out.getvalue()


def _run_console(body: str, cwd: str) -> str:
    import geonews

    package_root = str(Path(geonews.__file__).resolve().parents[1])
    env = {
        **os.environ,
        "PYTHONPATH": package_root,  # the same geonews as this process
        "GEONEWS_PYTHON": sys.executable,
        "COLUMNS": "88",
    }
    # `geonews` is this interpreter's geonews, whatever is on PATH
    define = 'geonews() { "$GEONEWS_PYTHON" -m geonews._internal.cli "$@"; }; '
    lines = []
    for line in body.splitlines():
        if not line.startswith("$ "):
            continue
        done = subprocess.run(  # noqa: S602 - the shell commands of our own docs
            define + line[2:],
            shell=True,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        lines.append(line + "\n")
        lines.append(done.stdout + done.stderr)
    return "".join(lines)


def refresh(page: Path) -> tuple[str, str]:
    """Return the page as it is and as it should be."""
    text = page.read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "__docs__"}
    parts = []
    pos = 0
    last_output = ""
    with _scratch() as cwd:
        for m in FENCE.finditer(text):
            before = text[pos : m.start()]
            info, body = m.group("info"), m.group("body")
            parts.append(before)
            marked_output = before.rstrip().endswith(OUTPUT_MARK)
            marked_run = before.rstrip().endswith(RUN_MARK)
            if marked_output:
                body = last_output
                last_output = ""
            elif info == "python":
                last_output = _run_python(body, namespace)
            elif info == "console" and marked_run:
                body = _run_console(body, cwd)
            if body and not body.endswith("\n"):
                body += "\n"
            parts.append(m.group("open"))
            parts.append(body)
            parts.append("```")
            pos = m.end()
    parts.append(text[pos:])
    return text, "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite stale outputs")
    args = parser.parse_args()
    os.chdir(ROOT)
    stale = []
    for name in PAGES:
        page = ROOT / name
        if not page.exists():
            continue
        old, new = refresh(page)
        if old != new:
            stale.append(name)
            if args.write:
                page.write_text(new, encoding="utf-8")
    if stale and not args.write:
        print("out of date:", ", ".join(stale))
        print("run `python scripts/doc_outputs.py --write`")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
