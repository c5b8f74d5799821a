"""The fast paths of the tokenizer and of the extractors' trigger scans give what the
patterns (or a scan of every offset) give."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from geonews._internal.extractors import demands, meetings, quotes, shipments
from geonews._internal.tokens import WordFinder, split_tokens

# words, marks and spaces that the tokenizers treat differently, ASCII and not
_PIECES = st.sampled_from(
    [
        "Russia", "'s", "'S", "'re", "'", "U.S.", "u.s", "anti-tank", "S-300", "didn't",
        "--", "-", ",", ".", "(", ")", '"', "arms", "Arms", "has", "has to", "if", "IF",
        "demanded", "so-called", "_x", "x_", "1,000", " ", "  ", "\n", "\t", "\x1c",
        "\x1f", "\u00e9t\u00e9", "\u2019", "\u00a0", "\u212a", "called", "need to",
        "\u2014", "\u201c", "\u00ab", "\u3001", "\u0301", "'s", "said", "talks", "met",
        "sent", "told", "according to", "held talks", "face-to-face",
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


def _runs(text: str, joiners: str) -> set[str]:
    # the maximal runs of word characters, one character at a time
    out: set[str] = set()
    run = ""
    for ch in text + " ":
        if ch.isalnum() or ch in joiners:
            run += ch
        else:
            if run:
                out.add(run)
            run = ""
    return out


@pytest.mark.parametrize("joiners", ["-_", "_-'"])
@given(text=_TEXTS)
@example(text='talks\u2014the \u00abmet\u00bb said,"we  anti-tank')
def test_word_finder_finds_the_vocabulary_words_that_are_whole_words(
    text: str, joiners: str
) -> None:
    vocabulary = {"talks", "met", "said", "tank", "anti-tank", "face-to-face", "\u00e9t\u00e9"}
    finder = WordFinder(vocabulary, joiners=joiners)
    assert finder.present(text) == vocabulary & _runs(text, joiners)


def test_word_finder_refuses_a_word_it_could_never_find() -> None:
    with pytest.raises(ValueError, match="'held talks' is not one word"):
        WordFinder(["held talks"], joiners="-")


def _every_offset(
    low: str, firsts: dict[str, tuple[str, ...]], joiners: str
) -> list[tuple[int, int, str]]:
    # every offset whose word boundaries allow a phrase, longest phrase first
    found: list[tuple[int, int, str]] = []
    for i in range(len(low)):
        if i and (low[i - 1].isalnum() or low[i - 1] in joiners):
            continue
        for phrase in sorted((p for ps in firsts.values() for p in ps), key=len, reverse=True):
            j = i + len(phrase)
            if low.startswith(phrase, i) and not (
                j < len(low) and (low[j].isalnum() or low[j] in joiners)
            ):
                found.append((i, j, phrase))
                break
    return found


@given(_TEXTS)
@example("Blinken held talks\u2014the first\u2014with Lavrov")
def test_meeting_triggers_are_those_of_a_scan_of_every_offset(text: str) -> None:
    low = text.lower()
    if len(low) != len(text):
        return  # the pattern's path, not the word scan
    expected: list[tuple[str, int, int]] = []
    for i, j, phrase in _every_offset(low, dict(meetings._PHRASES_BY_FIRST), "_-'"):
        if not expected or i >= expected[-1][2]:
            expected.append((phrase, i, j))
    assert meetings._triggers(text) == expected


@given(_TEXTS)
@example('He declined to comment but said,"We are pleased." (said\u2014told)')
def test_speech_verbs_are_those_of_a_scan_of_every_offset(text: str) -> None:
    if len(text.lower()) != len(text):
        return
    firsts = dict(quotes._VERB_FORMS)
    expected: list[tuple[int, int, str]] = []
    for i, j, form in _every_offset(text.lower(), firsts, "-_"):
        if not expected or i >= expected[-1][1]:
            expected.append((i, j, form))
    got = quotes._speech_verbs(text, 0, len(text))
    assert [(v.start, v.end, v.word) for v in got] == expected
