"""Quantities: amounts with their units ("close to 200,000 pounds", "$1.2bn", "about 90 minutes").

How: anchors are the digit runs of `Document.norm` and its number words (found with a
byte-level set lookup, not a regex over every position). At each anchor, Python looks
back for a currency sign and an approximator, then one anchored match of
`QUANTITY_PATTERN` (digits and a multiplier such as "million" or "bn") or
`WORDS_PATTERN` (number words, vague amounts) reads the amount and the next few
words; units, counted nouns, "of" and "or so" are then looked up in dicts built from
the data files ``_data/quantity_*``. Big word lists
(units, approximators) stay out of the pattern on purpose: a `regex` named list of a
few hundred entries costs microseconds per attempt, a dict lookup does not.

What comes out:

- `value` is a finite float in the reported unit: "$1.2bn" and "1.2 billion dlrs" are
  1.2e9 USD; "50 cents" is 0.5 USD. Vague amounts ("tens of thousands of troops",
  "several hundred", "millions of dollars") have `value` None and are approximate.
- `unit` is a short symbol from ``quantity_units.tsv`` (``lb``, ``kg``, ``t``, ``bbl``,
  ``bu``, ``l``, ``min``, ``h``, ``day``, ``%``, ISO 4217 codes such as ``USD``), or,
  for a count, the counted plural noun ("100,000 Russian troops" -> ``troops``: up to
  three modifiers are skipped, the first plural noun is taken), or ``""`` when there
  is neither ("nearly 1,000").
- `approximate` is True after "close to", "about", "an estimated", "more than", "up
  to"... (``quantity_approximators.tsv``), with "-plus", "+", "or so", "or more", and
  for vague amounts.
- "m", "k" and "b" glued to digits are multipliers ("$5m", "50k"), never metres.
- Bare francs are Swiss francs; "French francs" are FRF. A currency word before the
  amount ("dollars 3bn", "pounds 1.58bn", a newspaper style) is money.
- Number words alone are a quantity from "a dozen" up ("a dozen were hurt" -> 12);
  smaller ones need a unit, a counted noun or an approximator ("five tanks").

Pounds are a weight (``lb``) unless the text makes them money (``GBP``). In order:

1. "£", "sterling", "stg", "pounds sterling": GBP.
2. "pounds of <goods>" ("200,000 pounds of lethal aid", "pounds of wheat"): lb.
3. A money word right after the unit ("a 2 million pound deal", "pounds in aid",
   "pounds worth"), "a year"/"a month", or a conversion in brackets ("pounds ($8m)"): GBP.
4. A money word among the three words before the amount ("worth", "cost", "paid",
   "fined", "budget"...: ``quantity_money_words.txt``): GBP.
5. A vague amount or a multiplier of a million or more with no "of" ("millions of
   pounds", "5 million pounds"): GBP.
6. Otherwise lb.

Not quantities: years ("in 2022", "since 1987": four digits from 1800 to 2100 with no
money or measure unit), dates ("January 21", "21 Jan"), times of day ("3 pm", "10:30",
"0800 GMT"), ordinals ("21st"), numbers inside codes and phone numbers ("F-16",
"555-1234", "+44 20 7946"), labels after a capitalised word ("Article 5", "Boeing
737", "Windows 3.1"), ranges ("10-15"), fractions ("one-third", "three-quarters"),
and bare numbers with neither unit, counted noun, approximator nor thousands
separator ("he was 5", "one of them").
"""

from __future__ import annotations

import math
from typing import Final

import regex

from geonews._internal.document import Document
from geonews._internal.lexicons import lexicon, table
from geonews._internal.model import Quantity, Span

# --------------------------------------------------------------------------- data

_APPROX_ROWS: Final = table("quantity_approximators", 2)
_BEFORE: Final = frozenset(p for p, where in _APPROX_ROWS if where == "before")
_ATTACHED: Final = tuple(p for p, where in _APPROX_ROWS if where == "attached")
_AFTER: Final = frozenset(p for p, where in _APPROX_ROWS if where == "after")
_AFTER_FIRST: Final = frozenset(p.split()[0] for p in _AFTER)  # or
_BEFORE_MAX: Final = max(len(p.split()) for p in _BEFORE)
_BEFORE_LAST: Final = frozenset(p.rsplit(" ", 1)[-1] for p in _BEFORE)  # to, than, about

# form -> (unit, factor, only after a multiplier of a million or more)
_UNITS: Final = {
    form.lower(): (unit, float(factor), cond == "scaled")
    for form, unit, factor, cond in table("quantity_units", 4)
}
_UNIT_MAX: Final = max(len(f.split()) for f in _UNITS)
_UNIT_FIRST: Final = frozenset(f.split()[0] for f in _UNITS)  # "u.s." of "u.s. dlrs"
_TIME_UNITS: Final = frozenset({"s", "min", "h", "day", "week", "month", "year", "decade"})
_POUND_FORMS: Final = frozenset({"pound", "pounds"})

_CURRENCIES: Final = {row[0]: row[1] for row in table("quantity_currency_symbols", 2)}
_SYMBOL_MAX: Final = max(len(s) for s in _CURRENCIES)
_SYMBOL_ENDS: Final = frozenset(s[-1] for s in _CURRENCIES)

_NUMBER_WORDS: Final = {word: float(value) for word, value in table("quantity_number_words", 2)}
_BIG_WORDS: Final = tuple(w for w, v in _NUMBER_WORDS.items() if v >= 100 or w == "dozen")  # noqa: PLR2004

_SCALE_ROWS: Final = table("quantity_scales", 3)
_SCALES: Final = {word: float(value) for word, value, _ in _SCALE_ROWS}

_VAGUE_ROWS: Final = table("quantity_vague", 2)
_VAGUE_DETS: Final = tuple(w for w, kind in _VAGUE_ROWS if kind == "determiner")
_VAGUE_PLURALS: Final = tuple(w for w, kind in _VAGUE_ROWS if kind == "plural")

_MONEY_WORDS: Final = frozenset(lexicon("quantity_money_words"))
_STOP_WORDS: Final = frozenset(lexicon("quantity_stop_words"))
_PLURAL_NOUNS: Final = frozenset(lexicon("quantity_plural_nouns"))
_BLOCKERS: Final = table("quantity_blockers", 2)
_MONTHS: Final = frozenset(w for w, kind in _BLOCKERS if kind == "month")
_CLOCK_WORDS: Final = frozenset(w.replace(".", "") for w, kind in _BLOCKERS if kind == "clock")
_FRACTIONS: Final = frozenset(w for w, kind in _BLOCKERS if kind == "fraction")

# words that may follow "a"/"an": a dozen, a hundred, a few
_A_WORDS: Final = frozenset([*_BIG_WORDS, *(d[2:] for d in _VAGUE_DETS if d.startswith("a "))])
_BLOCKING_CHARS: Final = frozenset(".,:/+-$€£¥#@_")  # a quantity never starts right after these
_MONEY_PERIODS: Final = frozenset({"year", "month", "week", "day"})
_CONVERSIONS: Final = ("($", "(US$", "(U.S.$", "(€", "(EUR", "(USD")  # "pounds ($8m)"
_FIRST_YEAR: Final = 1800
_LAST_YEAR: Final = 2100
_LAST_DAY: Final = 31
_MILLION: Final = 1e6
_BARE_WORDS_MIN: Final = 12  # number words alone are a quantity from "a dozen" up
# words after four digits that make them an amount, not a year: 2000 tonnes, 1987 mln
_YEAR_RESCUE: Final = frozenset(
    [
        *(f.split()[0] for f, (unit, _, _) in _UNITS.items() if unit not in _TIME_UNITS),
        *(w for w, _, spacing in _SCALE_ROWS if spacing == "any"),
    ]
)

# Words that can open an amount, as lower-case ASCII bytes for a fast set lookup.
_ANCHOR_WORDS: Final = frozenset(
    w.encode("ascii")
    for w in (*_NUMBER_WORDS, *_VAGUE_PLURALS, *(d.split()[-1] for d in _VAGUE_DETS))
)
# Byte table: ASCII letters to lower case, digits kept, every other byte a space.
_FOLD: Final = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32  # noqa: PLR2004
    for c in range(256)
)

# --------------------------------------------------------------------------- patterns

_NUMBER: Final = r"""
    (?!0[0-9])                                 # no leading zero: codes, phone numbers, 0800 GMT
    (?>[0-9]{1,3}(?:,[0-9]{3}){1,4}+|[0-9]{1,15}+)   # 200,000 or 2000 (atomic: no backtracking)
    (?:\.[0-9]{1,9}+)?+                        # decimals: 1.2
    (?![0-9]|[.,:/][0-9]|-[0-9]|[ ][0-9])  # not part of a longer number, date, time, range
"""
_SCALE: Final = r"""
    (?:[ ]?+(?P<scale>(?i:\L<spaced_scales>))  # 1.2 billion, 150 mln, 1.2bn
      |(?P<scale>(?i:\L<tight_scales>))        # $5m, 50k: glued to the digits only
    )(?!\w)
"""
_WORD: Final = r"(?:%|[\p{L}0-9]++(?:[-'.][\p{L}0-9]++)*+\.?+)"  # troops, F-22, U.S., %
# Spaces between words are bounded ({1,40}): the pattern may match empty, and with an
# unbounded run each position of a long run of spaces would consume the rest of it.
_FOLLOWING: Final = rf"""
    (?P<attached>(?i:\L<attached>)(?!\w))?+  # 100,000-plus, 100+
    (?:(?P<sep>[ ]{{1,40}}+|-|)(?P<w>{_WORD})  # the next words: "pounds of lethal aid",
      (?:[ ]{{1,40}}+(?P<w>{_WORD})){{0,5}}+   # "-minute", "kg", "Russian troops have"
    )?+
"""
_FLAGS: Final = regex.VERBOSE | regex.VERSION0

QUANTITY_PATTERN: Final = regex.compile(
    rf"""
    (?P<amount>
        (?P<digits>{_NUMBER}) (?:{_SCALE})?+                    # 200,000; 1.2bn; 1.5 mln
    )
    {_FOLLOWING}
    """,
    flags=_FLAGS,
    attached=_ATTACHED,
    spaced_scales=tuple(w for w, _, spacing in _SCALE_ROWS if spacing == "any"),
    tight_scales=tuple(w for w, _, spacing in _SCALE_ROWS if spacing == "attached"),
)
"""A number in digits and the words after it, matched where a digit run starts."""


def _one_of(words: tuple[str, ...]) -> str:
    """An alternation of `words`, longest first (matches what a named list matches)."""
    return (
        "(?:" + "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"
    )


# Plain alternations instead of named lists here: under (?i) a named list is looked up
# once per candidate length, and this pattern tries five of them per anchor (46 -> 29 µs
# per article over all number-word anchors; same matches on the bulk corpus and fuzzing).
_VAGUE_DETS_ALT: Final = _one_of(_VAGUE_DETS)
_VAGUE_PLURALS_ALT: Final = _one_of(_VAGUE_PLURALS)
_BIG_WORDS_ALT: Final = _one_of(_BIG_WORDS)
_NUMBER_WORDS_ALT: Final = _one_of(tuple(_NUMBER_WORDS))
_FOLLOWING_ALT: Final = _FOLLOWING.replace(r"\L<attached>", _one_of(_ATTACHED))
WORDS_PATTERN: Final = regex.compile(
    rf"""(?i)
    (?P<amount>
        (?P<vague>                                              # value None:
            (?:{_VAGUE_DETS_ALT}[ ]++)?+ {_VAGUE_PLURALS_ALT}   # tens, many thousands
            (?:[ ]++of[ ]++{_VAGUE_PLURALS_ALT})?+              # tens of thousands
          | {_VAGUE_DETS_ALT}[ ]++{_BIG_WORDS_ALT}              # several hundred, a few
        )(?!\w)
      | (?P<words>                                              # five, a dozen, twenty-five,
            (?:an?[ ]++(?={_BIG_WORDS_ALT}(?!\w)))?+           # two hundred and fifty
            {_NUMBER_WORDS_ALT}(?!\w)
            (?:(?:[ ]++(?:and[ ]++)?+|-){_NUMBER_WORDS_ALT}(?!\w)){{0,6}}+
        )
    )
    {_FOLLOWING_ALT}
    """,
    flags=_FLAGS,
)
"""Number words or a vague amount and the words after them."""

_FOLLOWING_PATTERN: Final = regex.compile(_FOLLOWING, flags=_FLAGS, attached=_ATTACHED)
_Q_AMOUNT, _Q_DIGITS, _Q_SCALE, _Q_ATTACHED, _Q_SEP, _Q_W = (
    QUANTITY_PATTERN.groupindex[name]
    for name in ("amount", "digits", "scale", "attached", "sep", "w")
)
_W_AMOUNT, _W_VAGUE, _W_WORDS, _W_ATTACHED, _W_SEP, _W_W = (
    WORDS_PATTERN.groupindex[name] for name in ("amount", "vague", "words", "attached", "sep", "w")
)
_F_ATTACHED, _F_SEP, _F_W = (
    _FOLLOWING_PATTERN.groupindex[name] for name in ("attached", "sep", "w")
)
# A digit run not inside a word, number or code. The lookbehind comes after the first
# digit on purpose: a pattern that opens with a lookbehind is tried at every position
# (some 150 µs per article), one that opens with [0-9] lets `regex` skip to the digits.
_DIGIT_RUN: Final = regex.compile(r"[0-9](?<![\w.,:/+\-\#@][0-9])[0-9]*+")
_WORDS: Final = regex.compile(r"\p{L}++")


# --------------------------------------------------------------------------- helpers


def _words_value(text: str) -> tuple[float, int]:
    """Value of number words and how many characters of `text` they take.

    Stops before the first word that does not continue the number ("five and six":
    5, 4 characters).
    """
    total = 0.0
    current = 0.0
    tens = False  # the last word was twenty..ninety
    used = 0
    for m in _WORDS.finditer(text):
        word = m.group().casefold()
        if word in {"a", "an"}:
            current = 1.0
            continue
        if word == "and":
            continue
        value = _NUMBER_WORDS.get(word)
        if value is None:
            break  # a look-alike that matched case-insensitively ("ſix")
        if word == "dozen":
            current = (current or 1.0) * value
        elif value < 100:  # noqa: PLR2004
            if current % 100 and not (tens and value < 10):  # noqa: PLR2004
                break  # "two three", "five and six"
            current += value
        elif value == 100:  # noqa: PLR2004
            if current >= 100:  # noqa: PLR2004
                break
            current = (current or 1.0) * value
        else:
            total += (current or 1.0) * value
            current = 0.0
        tens = 20 <= value < 100 and value % 10 == 0  # noqa: PLR2004
        used = m.end()
    return total + current, used


def _is_plural(low: str) -> bool:
    if low in _PLURAL_NOUNS:
        return True
    return len(low) > 2 and low[-1] == "s" and not low.endswith(("ss", "us", "is", "'s"))  # noqa: PLR2004


def _blocked(norm: str, start: int) -> bool:
    """Whether the character before `start` glues it to a word, number or code."""
    if start == 0:
        return False
    c = norm[start - 1]
    return c.isalnum() or c in _BLOCKING_CHARS


def _last_word(norm: str, start: int, floor: int) -> str:
    """The word just before `start` when one space separates them, else ""."""
    window = norm[max(floor, start - 24) : start]
    if not window.endswith(" ") or window.endswith("  "):
        return ""
    words = window.split()
    return words[-1] if words else ""


def _approximator(norm: str, start: int, floor: int) -> int:
    """Start of an approximator just before `start` ("close to "), or -1."""
    if start <= floor or norm[start - 1] != " ":
        return -1
    end = start - 1
    while end > floor and norm[end - 1] == " ":
        end -= 1
    lo = max(floor, end - 16)
    cut = norm.rfind(" ", lo, end)
    last = norm[cut + 1 if cut >= 0 else lo : end]
    if "\n" in last:
        last = last[last.rfind("\n") + 1 :]
    if last.lower().lstrip("\"'([") not in _BEFORE_LAST:
        return -1  # the usual case, decided without splitting
    window = norm[max(floor, start - 26) : start]
    words = window.split()
    stripped = len(window.rstrip(" "))
    for k in range(min(_BEFORE_MAX, len(words)), 0, -1):
        phrase = " ".join(words[-k:]).lower().lstrip("\"'([")
        if phrase in _BEFORE:
            begin = start - len(window) + stripped - len(phrase)
            if norm[begin : begin + len(phrase)].lower() == phrase and not _blocked(norm, begin):
                return begin
            return -1
    return -1


def _before_words(norm: str, start: int) -> list[str]:
    """Up to three lower-case words before `start`, in the same sentence."""
    window = norm[max(0, start - 40) : start]
    for mark in ".!?;\n":
        cut = window.rfind(mark)
        if cut >= 0:
            window = window[cut + 1 :]
    return [w.lower() for w in _WORDS.findall(window)[-3:]]


def _find_unit(keys: list[str], i: int, sep: str | None) -> tuple[str, int, int]:
    """The unit form starting at word `i`, how many words it takes, and characters cut.

    `sep` is what separates word `i` from the amount: "" (glued: "5kg"), "-"
    ("90-minute": one word only, "5-year-old" reads "year") or spaces.
    Returns ("", 0, 0) when there is no unit.
    """
    if sep == "-":
        head = keys[i].split("-", 1)[0]
        if head in _UNITS:
            return head, 1, len(keys[i]) - len(head)
        bare = head.rstrip(".")
        return (bare, 1, len(keys[i]) - len(bare)) if bare in _UNITS else ("", 0, 0)
    if i >= len(keys):
        return "", 0, 0
    first = keys[i]
    if first not in _UNIT_FIRST and first.rstrip(".") not in _UNITS:
        return "", 0, 0  # the usual case: no unit starts here
    for k in range(min(_UNIT_MAX, len(keys) - i), 0, -1):
        phrase = " ".join(keys[i : i + k])
        if phrase in _UNITS:
            return phrase, k, 0
        if phrase.endswith(".") and phrase[:-1] in _UNITS:
            return phrase[:-1], k, 1  # "tonnes." at the end of a sentence
    return "", 0, 0


# --------------------------------------------------------------------------- scanning


class _Scanner:
    """Reads the quantity at each anchor of one text."""

    __slots__ = ("end", "norm", "text")

    def __init__(self, text: str, norm: str) -> None:
        self.text = text
        self.norm = norm
        self.end = len(norm)

    def anchors(self) -> list[tuple[int, int]]:
        """Start and end of each digit run, and (start, -1) for each number word, in order."""
        norm = self.norm
        out = [m.span() for m in _DIGIT_RUN.finditer(norm)]
        folded = norm.encode("ascii", "replace").translate(_FOLD)  # same length as norm
        size = len(folded)
        for word in _ANCHOR_WORDS.intersection(folded.split()):
            i = folded.find(word)
            while i >= 0:
                j = i + len(word)
                if (i == 0 or folded[i - 1] == 32) and (j == size or folded[j] == 32):  # noqa: PLR2004
                    out.append((i, -1))
                i = folded.find(word, j)
        out.sort()
        return out

    def scan(self) -> list[Quantity]:
        """Every quantity, in text order, none overlapping another."""
        out: list[Quantity] = []
        floor = 0
        for anchor, run_end in self.anchors():
            if anchor < floor:
                continue
            if run_end < 0:
                quantity = self.read_words(anchor, floor)
            else:
                quantity = self.read_digits(anchor, run_end, floor)
            if quantity is not None:
                out.append(quantity)
                floor = quantity.span.end
        return out

    def read_digits(self, anchor: int, run_end: int, floor: int) -> Quantity | None:
        """The quantity whose digits start at `anchor` (nothing before `floor`), or None."""
        norm = self.norm
        start = anchor
        currency = None
        j = anchor - 1 if anchor > floor and norm[anchor - 1] == " " else anchor
        if norm[j - 1 : j] in _SYMBOL_ENDS:
            for k in range(min(_SYMBOL_MAX, j - floor), 0, -1):
                symbol = _CURRENCIES.get(norm[j - k : j])
                if symbol is not None:
                    currency, start = symbol, j - k
                    break
        if _blocked(norm, start):
            return None
        if currency is None and run_end - anchor == 4 and self._year(anchor, run_end):  # noqa: PLR2004
            return None
        m = QUANTITY_PATTERN.match(norm, anchor, self.end)
        if m is None:
            return None
        begin = _approximator(norm, start, floor)
        if begin >= 0:
            start = begin
        return self._interpret(m, start, anchor, floor, currency, approx=begin >= 0)

    def _year(self, anchor: int, run_end: int) -> bool:
        """Whether four digits are a year: no decimals, no unit or multiplier after them."""
        norm = self.norm
        if not _FIRST_YEAR <= int(norm[anchor:run_end]) <= _LAST_YEAR:
            return False
        nxt = norm[run_end : run_end + 2]
        if nxt[:1] in {".", ","} and nxt[1:].isdigit():
            return False  # 1987.5
        if nxt[:1] != " ":
            return True  # 1987, 1986/87, 2022-23
        word = norm[run_end + 1 : run_end + 20].split(" ", 1)[0].rstrip(".,;:!?)").lower()
        return word not in _YEAR_RESCUE

    def read_words(self, anchor: int, floor: int) -> Quantity | None:
        """The quantity whose number words start at `anchor`, or None."""
        norm = self.norm
        start = anchor
        if norm[anchor : anchor + 10].split(" ", 1)[0].lower() in _A_WORDS:
            for article in ("a ", "an "):
                begin = anchor - len(article)
                if begin >= floor and norm[begin:anchor].lower() == article:
                    start = begin
        if _blocked(norm, start):
            return None
        m = WORDS_PATTERN.match(norm, start, self.end)
        if m is None:
            return None
        begin = _approximator(norm, start, floor)
        if begin >= 0:
            start = begin
        return self._interpret(m, start, anchor, floor, None, approx=begin >= 0)

    def _pound(self, start: int, unit_end: int, after: list[str], *, big: bool) -> str:
        """Resolve "pound(s)" to lb or GBP (the rule is in the module docstring)."""
        first = after[0] if after else ""
        second = after[1].rstrip(".") if len(after) > 1 else ""
        if first == "of":
            return "lb"
        if (
            first.rstrip(".") in _MONEY_WORDS
            or (first == "in" and second in _MONEY_WORDS)
            or (first in {"a", "per"} and second in _MONEY_PERIODS)
            or self.norm[unit_end : unit_end + 9].lstrip(" ").startswith(_CONVERSIONS)
            or any(w in _MONEY_WORDS for w in _before_words(self.norm, start))
        ):
            return "GBP"
        return "GBP" if big else "lb"

    def _interpret(
        self,
        m: regex.Match[str],
        start: int,
        anchor: int,
        floor: int,
        currency: str | None,
        *,
        approx: bool,
    ) -> Quantity | None:
        norm = self.norm
        # Groups by number, not name: `regex` looks a name up for each call (~0.4 µs).
        if currency or norm[anchor].isdigit():
            # `follow` stays `m` on this path: one group call for all four
            digits, scale_word, attached, sep = m.group(_Q_DIGITS, _Q_SCALE, _Q_ATTACHED, _Q_SEP)
            vague = None
            pos = m.end(_Q_AMOUNT)
            g_attached, g_sep, g_w = _Q_ATTACHED, _Q_SEP, _Q_W
        else:
            digits, scale_word, vague = None, None, m.group(_W_VAGUE)
            attached = sep = None  # read from `follow` below
            pos = m.end(_W_AMOUNT)
            g_attached, g_sep, g_w = _W_ATTACHED, _W_SEP, _W_W
        scale = 1.0
        plain = False  # digits with no separator, sign or multiplier
        number = 0.0  # the digits' value, for the date and year checks
        value: float | None = None
        follow = m
        if vague is not None:
            approx = True
        elif digits is not None:
            number = float(digits.replace(",", ""))
            value = number
            if scale_word is not None:
                scale = _SCALES.get(scale_word.casefold(), 1.0)
                value *= scale
            elif currency is None:
                plain = "," not in digits and "." not in digits
        else:
            value, used = _words_value(m.group(_W_WORDS))
            if m.start(_W_WORDS) + used < pos:  # "five and six tanks": five
                pos = m.start(_W_WORDS) + used
                shorter = _FOLLOWING_PATTERN.match(norm, pos, self.end)
                if shorter is not None:
                    follow = shorter
                    g_attached, g_sep, g_w = _F_ATTACHED, _F_SEP, _F_W
        if digits is None:
            attached, sep = follow.group(g_attached, g_sep)
        if attached is not None:
            approx = True
            pos = follow.end(g_attached)
        spans = follow.spans(g_w)
        keys = norm[spans[0][0] : spans[-1][1]].lower().split() if spans else []
        i = 0  # the next word to read
        unit = ""
        has_unit = False
        if sep == "" and not (digits is not None and scale == 1.0):
            return None  # letters glued to a word or a multiplier
        if keys and sep and sep != "-" and keys[0] == "of":
            if vague is None:
                keys = []  # "1,000 of them": the amount alone
            else:
                i = 1  # tens of thousands of troops
        elif vague is not None and vague.split()[-1].lower() in _VAGUE_PLURALS:
            return None  # "thousands protested": too vague to report
        if currency is not None:
            unit, has_unit = currency, True
            if sep == "":
                return None  # $5bn1
        elif keys:
            form, k, cut = _find_unit(keys, i, sep if i == 0 else " ")
            if sep == "-" and (
                keys[0].rstrip(".") in _FRACTIONS or (form == "second" and digits is None)
            ):
                return None  # one-third, three-quarters; sixty-second is an ordinal
            if k and (not _UNITS[form][2] or scale >= _MILLION):
                symbol, factor, _ = _UNITS[form]
                pos = spans[i + k - 1][1] - cut
                if form in _POUND_FORMS:
                    big = value is None or scale >= _MILLION
                    symbol = self._pound(start, pos, keys[i + k :], big=big)
                unit, has_unit = symbol, True
                value = None if value is None else value * factor
                i += k
            elif sep == "":
                return None  # 21st, 3pm, 5G
            elif digits is not None and i == 0 and sep != "-":
                first = keys[0].rstrip(".")
                if first.replace(".", "") in _CLOCK_WORDS:
                    return None  # 3 pm, 1400 GMT
                if plain and number <= _LAST_DAY and norm[slice(*spans[0])].rstrip(".") in _MONTHS:
                    return None  # 21 January
            if not has_unit and sep != "-":
                for n in range(i, len(keys)):
                    key = keys[n]
                    dot = key.endswith(".")
                    word = key[:-1] if dot else key
                    if word in _STOP_WORDS or word in _UNITS:
                        break
                    first_char = norm[spans[n][0]]
                    if first_char.isupper() or first_char.isdigit():
                        if dot and "." not in word:
                            break  # the sentence ends
                        continue  # Russian troops, Boeing 737 aircraft, U.S. soldiers
                    if _is_plural(word):
                        unit, pos, i = word, spans[n][1] - dot, n + 1
                        break
                    if dot:
                        break
                if not unit and i:
                    return None  # "tens of" what?
        if digits is not None and currency is None and scale == 1.0 and "," not in digits:
            last = _last_word(norm, anchor, floor)
            if plain and number <= _LAST_DAY and last.rstrip(".") in _MONTHS:
                return None  # January 21
            if (
                plain
                and _FIRST_YEAR <= number <= _LAST_YEAR
                and (not has_unit or unit in _TIME_UNITS)
            ):
                return None  # in 2022, since 1987
            if (
                not (approx or has_unit)
                and last[:1].isupper()
                and last[-1].isalnum()
                and not last.endswith("'s")
                and last.lower() not in _STOP_WORDS
            ):
                return None  # Article 5, Boeing 737, Windows 3.1
        if not (has_unit or unit or approx or scale > 1 or (digits is not None and not plain)) and (
            digits is not None or value is None or value < _BARE_WORDS_MIN
        ):
            return None  # a bare "5" or "five"; "a dozen" and "a hundred" stay
        # every "after" phrase ("or so", "or more") has two words and starts with "or"
        if (
            len(keys) > i + 1
            and keys[i] in _AFTER_FIRST
            and f"{keys[i]} {keys[i + 1].rstrip('.')}" in _AFTER
        ):
            approx = True  # 500 tonnes or so
            pos = spans[i + 1][1] - keys[i + 1].endswith(".")
        if value is not None and not math.isfinite(value):
            value = None
        return Quantity(
            value=value,
            unit=unit,
            approximate=approx,
            text=self.text[start:pos],
            span=Span(start=start, end=pos),
        )


# --------------------------------------------------------------------------- public


def find_quantities(doc: Document) -> list[Quantity]:
    """Return every quantity in `doc`, in text order, none overlapping another.

    Args:
        doc: the article.

    Returns:
        The quantities, sorted by span; each `text` is the exact slice of `doc.text`.

    Examples:
        >>> doc = Document("Moscow massed tens of thousands of troops. "
        ...                "Blinken and Lavrov met for about 90 minutes.")
        >>> for q in find_quantities(doc):
        ...     print(q.value, q.unit, q.approximate, q.text)
        None troops True tens of thousands of troops
        90.0 min True about 90 minutes
        >>> find_quantities(Document(""))
        []
    """
    return _Scanner(doc.text, doc.norm).scan()


def parse_quantity(text: str) -> Quantity | None:
    """Parse the quantity that starts `text`, or return None.

    Args:
        text: a string that begins with a quantity, such as "$1.2bn in aid".

    Returns:
        The quantity, its span indexing `text`, or None when `text` does not start with one.

    Examples:
        >>> q = parse_quantity("close to 200,000 pounds of lethal aid")
        >>> q.value, q.unit, q.approximate, q.text
        (200000.0, 'lb', True, 'close to 200,000 pounds')
        >>> parse_quantity("US$5m").value
        5000000.0
        >>> parse_quantity("in 2022") is None
        True
    """
    found = _Scanner(text, Document(text).norm).scan()
    return found[0] if found and found[0].span.start == 0 else None
