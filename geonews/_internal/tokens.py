"""The tokens of a pattern over a stretch of text, with a fast path for plain ASCII."""

from __future__ import annotations

from typing import Final

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
