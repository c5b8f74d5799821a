"""Render the notebook display of the example article to a PNG with headless Chromium.

    python scripts/screenshot.py [--chromium PATH] [--out docs/assets/notebook-display.png]

The page is exactly what Jupyter shows for ``parse_article(...)._repr_html_()`` on the
bundled example article, wrapped in a minimal HTML document. Chromium is not a geonews
dependency: on Debian or Ubuntu, ``apt-get install chromium`` provides it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

import geonews

ROOT = Path(__file__).resolve().parent.parent
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def page() -> str:
    """The example article's notebook display as a standalone HTML page."""
    data = json.loads(files("geonews").joinpath("_data", "example.json").read_text("utf-8"))
    article = geonews.parse_article(data["text"], published=data["published"])
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>geonews</title></head>'
        f'<body style="margin:16px;background:#fff">{article._repr_html_()}</body></html>'
    )


def main() -> int:
    """Write the screenshot; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs/assets/notebook-display.png")
    parser.add_argument("--size", default="1100,1500", help="window width,height in pixels")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "display.html"
        html.write_text(page(), encoding="utf-8")
        command = [
            args.chromium,
            *FLAGS,
            f"--user-data-dir={tmp}/profile",
            f"--window-size={args.size}",
            f"--screenshot={args.out.resolve()}",
            html.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0 or not args.out.exists():
        print(done.stderr[-2000:], file=sys.stderr)
        print(f"chromium failed (exit status {done.returncode})", file=sys.stderr)
        return 1
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
