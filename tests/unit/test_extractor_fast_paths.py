"""The fast paths of the tokenizer and of the shipment and demand extractors give what the
patterns give."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from geonews._internal.extractors import demands, shipments
from geonews._internal.tokens import split_tokens

# words, marks and spaces that the tokenizers treat differently, ASCII and not
_PIECES = st.sampled_from(
    [
        "Russia", "'s", "'S", "'re", "'", "U.S.", "u.s", "anti-tank", "S-300", "didn't",
        "--", "-", ",", ".", "(", ")", '"', "arms", "Arms", "has", "has to", "if", "IF",
        "demanded", "so-called", "_x", "x_", "1,000", " ", "  ", "\n", "\t", "\x1c",
        "\x1f", "\u00e9t\u00e9", "\u2019", "\u00a0", "\u212a", "called", "need to",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


def _candidates_by_stems(norm: str) -> list[tuple[int, int, str]]:
    # the stem scan that `_candidates` runs for any text, forced for ASCII text too
    low = norm.translate(demands._ASCII_LOWER)
    found = set()
    for stem in demands._STEMS:
        pos = low.find(stem)
        while pos >= 0:
            if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] in "'-_"):
                m = demands.TRIGGER_PATTERN.match(norm, pos)
                if m is not None:
                    found.add((m.start(), m.end(), m.group().lower()))
            pos = low.find(stem, pos + 1)
    return sorted(found)


@given(_TEXTS)
@example("He has to go; she HAS  to. They demanded-it, so-called urged'")
def test_demand_candidates_are_those_of_the_stem_scan(text: str) -> None:
    low = text.translate(demands._ASCII_LOWER)
    assert demands._candidates(text, low) == _candidates_by_stems(text)


@pytest.mark.parametrize(
    "pattern", [demands.TOKEN_PATTERN, shipments.TOKEN_PATTERN], ids=["demands", "shipments"]
)
@given(text=_TEXTS, lead=st.integers(0, 5), trail=st.integers(0, 5))
@example(text="Russia's U.S.-made arms, 'the' -- ok", lead=0, trail=0)
@example(text="a\x1cb c", lead=1, trail=1)
def test_split_tokens_are_the_pattern_tokens(
    pattern: regex.Pattern[str], text: str, lead: int, trail: int
) -> None:
    norm = "x" * lead + text + "y" * trail
    end = lead + len(text)
    expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(norm, lead, end)]
    assert split_tokens(pattern, norm, lead, end) == expected


@given(_TEXTS)
def test_shipment_goods_test_is_the_word_test(text: str) -> None:
    words = regex.findall(r"[a-z]++", text.lower())
    expected = any(shipments._is_goods(w) for w in words)
    low = text.lower()
    if low.isascii():
        split = low.encode("ascii").translate(shipments._NOT_A_TO_Z).split()
        assert (not shipments._GOODS_ASCII.isdisjoint(split)) == expected
