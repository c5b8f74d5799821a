"""Loading the word lists and tables shipped in ``geonews/_data``.

Each ``.txt`` file opens with ``# Source:`` and ``# License:`` lines, then holds one
entry per line; ``#`` starts a comment line. ``.tsv`` files have tab-separated
columns. Files are read once, at import of the module that needs them, into
immutable values: there is no cache and no global mutable state.
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from collections.abc import Iterable
from typing import Any

import regex

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


def trie(words: Iterable[str]) -> str:
    r"""Return a regex that matches any of `words`, longest first, built as a letter trie.

    A trie fails after a character or two at most positions, where a `regex` named
    list (``\L<name>``) hashes every candidate length: on news text the trie is
    5 to 10 times faster, and it is linear (its depth is bounded by the longest word).

    Examples:
        >>> trie(["US", "USA", "Uganda"])
        '(?:U(?:S(?:A)?|ganda))'
        >>> regex.fullmatch(trie(["US", "USA"]), "USA") is not None
        True
    """
    root: dict[str, Any] = {}
    for word in words:
        if not word:
            raise LexiconError("an empty word cannot enter a pattern: it would match everywhere")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alt = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{alt})?"
        return alt

    return f"(?:{build(root)})"


_LIST_REF = regex.compile(r"\\L<(\w+)>")


def compile_pattern(pattern: str, flags: int = 0, **lists: Iterable[str]) -> regex.Pattern[str]:
    r"""Compile `pattern`, replacing each ``\L<name>`` by the trie of ``lists[name]``.

    Patterns keep the readable named-list notation of `regex`; the lists enter as
    tries (see `trie`). A pattern that matches the empty string is rejected.

    Examples:
        >>> p = compile_pattern(r"\L<verbs>[ ]\w+", verbs=["met", "meets"])
        >>> p.match("meets Lavrov").group()
        'meets Lavrov'
    """
    used: dict[str, int] = {}
    for ref in _LIST_REF.finditer(pattern):
        used[ref.group(1)] = used.get(ref.group(1), 0) + 1
    missing = sorted(set(used) - set(lists))
    if missing:
        raise LexiconError(f"pattern uses \\L<{missing[0]}> but no list {missing[0]!r} was given")
    tries = {name: trie(lists[name]) for name in used}
    body = _LIST_REF.sub(lambda m: tries[m.group(1)], pattern)
    compiled = regex.compile(body, flags)
    if compiled.fullmatch("") is not None:
        raise LexiconError("pattern matches the empty string")
    return compiled
