"""The word lists and tables in geonews/_data: provenance, order, uniqueness, clean text."""

from __future__ import annotations

import itertools
import json
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "geonews" / "_data"
FILES = sorted(p for p in DATA.iterdir() if p.suffix in {".txt", ".tsv"})


def _entries(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]


def test_there_are_data_files() -> None:
    assert FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_header_names_source_and_license(path: Path) -> None:
    head = path.read_text(encoding="utf-8").splitlines()[:5]
    assert head, f"{path.name} is empty"
    assert head[0].startswith("# Source: "), f"{path.name}: line 1 must be '# Source: ...'"
    assert any(line.startswith("# License: ") for line in head[1:3]), (
        f"{path.name}: '# License: ...' must follow the source line"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_text_is_nfc_without_stray_whitespace(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n"), f"{path.name}: no final newline"
    assert "\r" not in raw, f"{path.name}: CRLF line ends"
    for number, line in enumerate(raw.splitlines(), 1):
        where = f"{path.name}:{number}"
        assert unicodedata.normalize("NFC", line) == line, f"{where}: not NFC"
        if not line:
            continue
        fields = line.split("\t") if path.suffix == ".tsv" else [line]
        for field in fields:
            assert field == field.strip(), f"{where}: stray whitespace in {line!r}"
            assert " " * 2 not in field, f"{where}: double space in {line!r}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_entries_are_unique(path: Path) -> None:
    seen: dict[str, int] = {}
    for number, line in _entries(path):
        assert line not in seen, f"{path.name}:{number} repeats line {seen[line]}: {line!r}"
        seen[line] = number


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".tsv"], ids=lambda p: p.name)
def test_table_rows_have_the_same_number_of_fields(path: Path) -> None:
    widths = {len(line.split("\t")) for _, line in _entries(path)}
    assert len(widths) <= 1, f"{path.name}: rows with {sorted(widths)} fields"


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".txt"], ids=lambda p: p.name)
def test_word_lists_are_sorted(path: Path) -> None:
    entries = [line for _, line in _entries(path)]
    plain = entries == sorted(entries)
    folded = entries == sorted(entries, key=str.casefold)
    assert plain or folded, f"{path.name} is not sorted; first out of order: " + next(
        f"{a!r} > {b!r}" for a, b in itertools.pairwise(entries) if a > b
    )


def test_the_example_article_is_the_bundled_seed_with_its_licence() -> None:
    data = json.loads((DATA / "example.json").read_text(encoding="utf-8"))
    assert data["id"] == "seed-000"
    assert data["published"] == "2022-01-22"
    assert data["source"]
    assert data["licence"]
    assert data["text"].startswith("US and Russian diplomats to keep talking")
    assert "Antony Blinken" in data["text"]
