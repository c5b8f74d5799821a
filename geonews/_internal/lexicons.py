"""Loading the word lists and tables shipped in ``geonews/_data``.

Each ``.txt`` file opens with ``# Source:`` and ``# License:`` lines, then holds one
entry per line; ``#`` starts a comment line. ``.tsv`` files have tab-separated
columns. Files are read once, at import of the module that needs them, into
immutable values: there is no cache and no global mutable state.
"""

from __future__ import annotations

import importlib.resources
import unicodedata

from geonews._internal.errors import LexiconError


def _read(name: str) -> list[str]:
    resource = importlib.resources.files("geonews").joinpath("_data", name)
    try:
        raw = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"data file {name!r} is missing from the package") from None
    lines = raw.splitlines()
    header = [ln for ln in lines[:5] if ln.startswith("#")]
    if not any(ln.startswith("# Source:") for ln in header) or not any(
        ln.startswith("# License:") for ln in header
    ):
        raise LexiconError(f"data file {name!r} lacks its '# Source:' and '# License:' lines")
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line != line.strip() or unicodedata.normalize("NFC", line) != line:
            raise LexiconError(f"{name}:{number}: stray whitespace or non-NFC text: {line!r}")
        out.append(line)
    return out


def lexicon(name: str) -> tuple[str, ...]:
    """Return the entries of ``_data/<name>.txt``, in file order.

    Examples:
        >>> "mr" in lexicon("abbreviations")
        True
    """
    return tuple(_read(f"{name}.txt"))


def table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Return the rows of ``_data/<name>.tsv``, each with exactly `columns` fields.

    Examples:
        >>> rows = table("demonyms", 2)
        >>> ("American", "United States") in rows
        True
    """
    rows = []
    for line in _read(f"{name}.tsv"):
        fields = tuple(line.split("\t"))
        if len(fields) != columns:
            raise LexiconError(
                f"{name}.tsv: expected {columns} fields, got {len(fields)}: {line!r}"
            )
        rows.append(fields)
    return tuple(rows)
