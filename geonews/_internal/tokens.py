"""Words of a text found with str methods, for the extractors' scans.

`split_tokens`: the tokens of a pattern over a stretch of text, with a fast path for
plain ASCII. `WordFinder`: which words of a vocabulary (trigger words) a text holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs
import regex

# whitespace to `str.split` but not to `\s`: text holding one takes the pattern's path
_SEPARATORS: Final = "\x1c\x1d\x1e\x1f"


def split_tokens(
    pattern: regex.Pattern[str], text: str, start: int, end: int
) -> list[tuple[int, int, str]]:
    r"""``(m.start(), m.end(), m.group())`` for every match of `pattern` in ``text[start:end]``.

    For a tokenizer: `pattern` must take a run of letters and digits between whitespace
    as one token and never match whitespace. ASCII text without ``\x1c-\x1f`` then
    splits at whitespace exactly as the pattern does, so a piece of letters and digits
    only is a token found without the pattern, and only the other pieces ("Russia's",
    "(U.S.)", "arms,") are matched; any other text is matched whole.

    Examples:
        >>> words = regex.compile(r"\w++(?:'\w++)?+|[^\w\s]")
        >>> split_tokens(words, "Kyiv's arms, sent", 0, 17)
        [(0, 6, "Kyiv's"), (7, 11, 'arms'), (11, 12, ','), (13, 17, 'sent')]
    """
    stretch = text[start:end]
    if not stretch.isascii() or any(c in stretch for c in _SEPARATORS):
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
    out: list[tuple[int, int, str]] = []
    at = 0
    for piece in stretch.split():
        at = stretch.find(piece, at)
        piece_start = start + at
        at += len(piece)
        if piece.isalnum():
            out.append((piece_start, start + at, piece))
        else:
            out.extend(
                (m.start(), m.end(), m.group())
                for m in pattern.finditer(text, piece_start, start + at)
            )
    return out


@attrs.frozen(init=False)
class WordFinder:
    """Which words of a vocabulary stand in a text as whole words.

    A word of the text is a maximal run of characters that are alphanumeric
    (`str.isalnum`) or one of `joiners`; a trigger scan that checks those same word
    boundaries around each `str.find` hit can then look only for the vocabulary words
    that `present` returns, and miss none: "talks—the" holds "talks", "anti-tank"
    (with "-" a joiner) holds no "tank".

    Examples:
        >>> finder = WordFinder(["talks", "met", "tank"], joiners="-_'")
        >>> sorted(finder.present("talks—the sides met; anti-tank"))
        ['met', 'talks']
    """

    words: frozenset[str]
    joiners: str
    _ascii_words: frozenset[bytes]
    _ascii_table: bytes  # ASCII characters that end a word become spaces
    # A word, for any text: in Python's `re`, `\w` is exactly `str.isalnum()` or "_"
    # (unlike `\w` in `regex`, which differs for a few marks and numbers).
    _runs: re.Pattern[str]

    def __init__(self, vocabulary: Iterable[str], joiners: str) -> None:
        words = frozenset(vocabulary)
        for word in words:
            if not word or not all(c.isalnum() or c in joiners for c in word):
                msg = f"{word!r} is not one word of letters, digits and {joiners!r}"
                raise ValueError(msg)
        breaks = [c for c in range(128) if not (chr(c).isalnum() or chr(c) in joiners)]
        inner = "".join(re.escape(c) for c in joiners)
        runs = rf"[\w{inner}]+" if "_" in joiners else rf"(?:[^\W_]|[{inner}])+"
        self.__attrs_init__(
            words=words,
            joiners=joiners,
            ascii_words=frozenset(w.encode("ascii") for w in words if w.isascii()),
            ascii_table=bytes(0x20 if c in breaks else c for c in range(256)),
            runs=re.compile(runs),
        )

    def present(self, text: str) -> frozenset[str]:
        """The vocabulary words that are words of `text`.

        Words are compared exactly: lower-case the text first for a lower-case vocabulary.
        """
        if text.isascii():
            runs = text.encode("ascii").translate(self._ascii_table).split()
            return frozenset(w.decode("ascii") for w in self._ascii_words.intersection(runs))
        return self.words.intersection(self._runs.findall(text))


#: The em dash, which the normalized text keeps (a horizontal bar becomes one).
EM_DASH: Final = "\u2014"


def typed_dash(norm: str, start: int, end: int) -> str:
    """An em dash at ``norm[start:end]`` as a typist would write it.

    "-" when it stands between spaces (" - "), else "--" ("talks--the first"): the
    spellings that the extractors' rules read as a dash. As a single glued "-" it
    would be a hyphen.

    Examples:
        >>> typed_dash("talks \u2014 the", 6, 7), typed_dash("talks\u2014the", 5, 6)
        ('-', '--')
    """
    if start > 0 and end < len(norm) and norm[start - 1] == " " and norm[end] == " ":
        return "-"
    return "--"
