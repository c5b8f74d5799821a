"""Print the real output of `geonews parse --example`, or check or update README.md with it.

Usage:
    python scripts/readme_example.py            # print the output
    python scripts/readme_example.py --check    # exit 1 if README.md shows something else
    python scripts/readme_example.py --write    # put the output into README.md
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- example-output:start -->\n```text\n"
END = "```\n<!-- example-output:end -->"


def example_output() -> str:
    """What `geonews parse --example` prints, run as its own process."""
    done = subprocess.run(
        [sys.executable, "-m", "geonews._internal.cli", "parse", "--example"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return done.stdout


def readme_block(readme: str) -> tuple[int, int]:
    """Start and end offsets of the example output inside the README."""
    start = readme.index(START) + len(START)
    return start, readme.index(END, start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="compare README.md with the output")
    group.add_argument("--write", action="store_true", help="write the output into README.md")
    args = parser.parse_args()
    output = example_output()
    if not (args.check or args.write):
        sys.stdout.write(output)
        return 0
    readme = README.read_text(encoding="utf-8")
    start, end = readme_block(readme)
    if args.write:
        README.write_text(readme[:start] + output + readme[end:], encoding="utf-8")
        return 0
    if readme[start:end] == output:
        return 0
    diff = difflib.unified_diff(
        readme[start:end].splitlines(keepends=True),
        output.splitlines(keepends=True),
        "README.md",
        "geonews parse --example",
    )
    sys.stdout.write("".join(diff))
    print("README.md is stale: run `python scripts/readme_example.py --write`")
    return 1


if __name__ == "__main__":
    sys.exit(main())
