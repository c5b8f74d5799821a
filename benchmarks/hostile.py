"""Hostile inputs for the benchmark: long runs of what breaks naive text patterns.

Every family is a function of the size in characters and gives the same string on
every run (a fixed seed where there is randomness). The news-like words are written
for geonews; nothing is copied from a corpus.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Final

_SEED: Final = 20220122

# A news sentence with its punctuation, written for the benchmark.
_NEWS: Final = (
    "Foreign Minister Anna Berg met President Tomas Weller in Geneva on Monday, and said "
    'the talks on 40,000 tonnes of wheat "would go on next week," officials told reporters. '
)
_PLAIN_WORDS: Final = [
    "the",
    "minister",
    "met",
    "officials",
    "in",
    "the",
    "capital",
    "on",
    "Monday",
    "and",
    "said",
    "talks",
    "would",
    "continue",
    "President",
    "Weller",
    "told",
    "reporters",
    "that",
    "Russia",
    "and",
    "Ukraine",
    "agreed",
    "to",
    "ship",
    "grain",
    "while",
    "the",
    "United",
    "Nations",
    "urged",
    "both",
    "sides",
    "to",
    "hold",
    "a",
    "new",
    "round",
    "next",
    "week",
]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _no_punctuation(size: int) -> str:
    rng = random.Random(_SEED)
    words: list[str] = []
    length = 0
    while length <= size:
        word = rng.choice(_PLAIN_WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def _capitals(size: int) -> str:
    rng = random.Random(_SEED)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: list[str] = []
    length = 0
    while length <= size:
        word = rng.choice(letters).upper() + "".join(
            rng.choice(letters) for _ in range(rng.randint(1, 8))
        )
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def _nested_quotes(size: int) -> str:
    half = size // 2
    opening = _repeat("“‘", half)
    closing = _repeat("’”", size - half)
    return opening + closing


def _nested_quotes_with_words(size: int) -> str:
    depth = size // 18 + 1
    opening = "".join(f"{'“‘'[i % 2]}he said " for i in range(depth))
    closing = "".join(f" she said{'’”'[i % 2]}" for i in range(depth))
    return (opening + closing)[:size]


def _no_whitespace(size: int) -> str:
    return _repeat("".join(_NEWS.split()), size)


def _random_unicode(size: int) -> str:
    rng = random.Random(_SEED)
    specials = "\x00\u200f\u200e\u202e\u202b\u200d\u200c\ufeff\ud800\udfff\udbff"
    out: list[str] = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.2:
            out.append(rng.choice(specials))
        elif roll < 0.35:
            out.append(chr(rng.randint(0xD800, 0xDFFF)))
        elif roll < 0.5:
            out.append(rng.choice(" .,\"'“”\n"))
        else:
            out.append(chr(rng.randint(0x20, 0x10FFFF)))
    return "".join(out)


#: Name -> builder of a string of the given size, in the order the report prints them.
FAMILIES: Final[dict[str, Callable[[int], str]]] = {
    'quotes "': lambda n: _repeat('"', n),
    "quotes '": lambda n: _repeat("'", n),
    "quotes “": lambda n: _repeat("“", n),
    "quotes ”": lambda n: _repeat("”", n),
    "quotes ‘": lambda n: _repeat("‘", n),
    "quotes ’": lambda n: _repeat("’", n),
    "quotes «": lambda n: _repeat("«", n),
    "quotes »": lambda n: _repeat("»", n),
    "quotes ``": lambda n: _repeat("``", n),
    "quotes ''": lambda n: _repeat("''", n),
    "quotes mixed": lambda n: _repeat("\"'“”‘’«»`", n),
    "apostrophes": lambda n: _repeat("'’", n),
    "apostrophes in words": lambda n: _repeat("o’clock Jones' it's ’90s don't ", n),
    "one sentence, no punctuation": _no_punctuation,
    "Mr Mr Mr": lambda n: _repeat("Mr ", n),
    "Mr. Mr. Mr.": lambda n: _repeat("Mr. ", n),
    "said said said": lambda n: _repeat("said ", n),
    "capitalized words": _capitals,
    "digits and commas": lambda n: _repeat("1,", n),
    "digits, no commas": lambda n: _repeat("1", n),
    "nested quotes": _nested_quotes,
    "nested quotes with words": _nested_quotes_with_words,
    "no whitespace": _no_whitespace,
    "spaces only": lambda n: _repeat(" ", n),
    "words 200 spaces apart": lambda n: _repeat("Mr Smith said" + " " * 200, n),
    "newlines only": lambda n: _repeat("\n", n),
    "random Unicode": _random_unicode,
}


def _ministers(size: int) -> str:
    rng = random.Random(_SEED)
    parts: list[str] = []
    length = 0
    while length <= size:
        name = rng.choice("ABDEGKLMNPRSTVW") + "".join(rng.choice("aeioulnrst") for _ in range(6))
        part = f"Foreign Minister {name} and the general and "
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


#: One long sentence dense in what one extractor or linking step reads, each repeated
#: to the size: the benchmark checks that their time per character stays flat as they
#: grow (a step that looks back over the whole sentence for each mention is quadratic
#: there, and the families above do not show it). Written for geonews.
DENSE: Final[dict[str, Callable[[int], str]]] = {
    "pronouns": lambda n: _repeat("President Tomas Weller said he and she and ", n),
    "descriptions": _ministers,
    "unnamed sources": lambda n: _repeat("a senior US official and the official and ", n),
    "countries and capitals": lambda n: _repeat("Russia and Ukraine and Moscow and Kyiv and ", n),
    "meetings": lambda n: _repeat(
        "Foreign Minister Anna Berg met President Tomas Weller in Geneva on Monday and ", n
    ),
    # one time expression, at the start: each shipment's time is looked for across the rest
    "shipments": lambda n: (
        "On Monday " + _repeat("Russia sent 100 tonnes of grain to Ukraine and ", n)
    )[:n],
    "demands": lambda n: _repeat(
        "Russia demanded that Ukraine withdraw its troops from the border and ", n
    ),
    "quotes": lambda n: _repeat('President Tomas Weller said "we will go on" and ', n),
    "em dashes": lambda n: _repeat("Berg met Weller\u2014the talks\u2014said\u2014", n),
}
