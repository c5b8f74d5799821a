"""Shipments: who sends what to whom, how much, and whether it arrived, left or was promised.

The extractor reads only the sentences that hold a shipment word (`TRIGGER_PATTERN`,
words from ``_data/shipment_triggers.tsv``: "sent", "supplied", "delivery", "arrived",
"sold", "pledged"...). Each such sentence becomes a list of chunks (DESIGN.md,
"Reading a clause without a parser"): actor mentions (``A``, or ``G`` when possessive),
national adjectives (``D``, "Russian"), places (``P``), quantities (``Q``), times
(``T``), shipment words (``V``), and the words and marks between them. Every shipment
word is read by the frame its table row gives it:

=============  ==========================================================================
``send``       "A sent X to B", "A supplied B with X", "A gave B X", "X were sent to B by A"
``pledge``     "A pledged X to B" (a pledge verb with goods as its object)
``receive``    "B received X from A", "B accepted delivery of X"
``buy``        "B bought X from A", "B will import X from A"
``arrive``     "X arrived in B from A", "X reaching B" (the subject must be goods)
``noun``       "A's shipment of X to B", "Russian arms sales to B", "a gift of X to B from A"
``buy_noun``   "the purchase of X by B from A"
=============  ==========================================================================

Parties come from the subject found by a backward scan of the clause (an actor
mention not governed by a preposition and not modifying a noun, with "it", "they" or
"his government" passed over to the party they stand for), from "to", "for", "into",
"from" and "by" phrases, from a possessor ("Kyiv's defences"), or from the country an
item is named for ("U.S. arms", "Russian S-400"). A capital stands for its country,
an embassy for the country it represents. Without a named party, a noun phrase headed
by a party noun ("Western allies", "Russian tankers", "78,000 beneficiaries in Sakow
district") is reported as written.

Items are the short noun phrases after the verb, "of", or "with", split at commas,
"and" and "including"; at least one must name goods (``_data/shipment_goods.txt``)
unless the amount is a weight or volume. The quantity is the first amount among the
items, as ``geonews`` reads it (pounds next to goods are a weight, ``lb``); a count of
items ("100 Boeing 737 aircraft") is reported in ``units``.

Status: a verb's own status (``delivered`` for "arrived", "handed over", "received";
``sent`` for "sent", "supplied", "is supplying"), made ``pledged`` by a modal or
intention word before it ("will", "plans to", "agreed to", "approval to send"); a
noun takes the status of the verb that governs it ("fulfilled a shipment",
"approved the sale"), else its own default. Negation and doubt ("not", "denied",
"halted", "whether", a question) drop the shipment.

Shipments of one supplier to one recipient with the same status and amounts that do
not conflict are one consignment, merged across the article (headline and body). A
supplier named only as a broad group ("the west", "Western allies") gives the rule id
``shipment.generic_supply``.

Every scan is bounded by a fixed number of chunks around its trigger, so the work is
linear in the length of the text.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple

import attrs
import regex

from geonews._internal import geo
from geonews._internal.context import Context, Mention
from geonews._internal.lexicons import compile_pattern, lexicon, table
from geonews._internal.model import (
    Actor,
    ActorKind,
    Granularity,
    Quantity,
    Shipment,
    ShipmentStatus,
    Span,
    TimeRef,
)
from geonews._internal.tokens import EM_DASH, WordFinder, split_tokens, typed_dash

# --------------------------------------------------------------------------- lexicons


def _frames() -> Mapping[str, tuple[tuple[str, str], ...]]:
    """Each trigger phrase with its (frame, status) readings."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for phrase, frame, status in table("shipment_triggers", 3):
        out[phrase] = (*out.get(phrase, ()), (frame, status))
    return MappingProxyType(out)


def _roles() -> Mapping[str, frozenset[str]]:
    """Each cue word or phrase with its roles."""
    out: dict[str, set[str]] = {}
    for phrase, role in table("shipment_cue_words", 2):
        out.setdefault(phrase, set()).add(role)
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})


_FRAMES: Final = _frames()
_ROLES: Final = _roles()
_MULTIWORD: Final = frozenset(p for p in _ROLES if " " in p)
_BY_FIRST_WORD: Final = MappingProxyType(
    {
        w: tuple(sorted((p for p in _FRAMES if p.split()[0] == w), key=len, reverse=True))
        for w in {p.split()[0] for p in _FRAMES}
    }
)
_FIRST_WORDS: Final = frozenset(_BY_FIRST_WORD)
# a word of the text for `_trigger_hits`: letters and digits, with "_" and "-" inside
_TRIGGER_FINDER: Final = WordFinder(_FIRST_WORDS, joiners="_-")
_MULTIWORD_LAST: Final = frozenset(p.rsplit(" ", 1)[1] for p in _MULTIWORD)
# Each cue of several words and its ends from a word on: "as well as", "well as".
_MULTIWORD_TAILS: Final = frozenset(
    p[i + 1 :] for p in _MULTIWORD for i in range(-1, len(p)) if i < 0 or p[i] == " "
)
_LONGEST_CUE: Final = max(len(p.split()) for p in _ROLES)
_GOODS: Final = frozenset(lexicon("shipment_goods"))
# A word names goods when it is in the list, or is a word of the list with an "s" added.
_GOODS_FORMS: Final = _GOODS | {f"{word}s" for word in _GOODS}
_PARTY_NOUNS: Final = frozenset(lexicon("shipment_party_nouns"))
_GENERIC: Final = frozenset(lexicon("shipment_generic_suppliers"))
_NUMBER_WORDS: Final = frozenset(
    [row[0] for row in table("quantity_number_words", 2)]
    + [row[0] for row in table("quantity_scales", 3)]
)
_MEASURE_UNITS: Final = frozenset(
    {"t", "lb", "kg", "g", "oz", "bbl", "gal", "l", "m3", "ft3", "bu"}
)
_KNOWN_UNITS: Final = frozenset(row[1] for row in table("quantity_units", 4))
_NONE: Final[frozenset[str]] = frozenset()

TRIGGER_PATTERN: Final = compile_pattern(
    r"""
    \b(?<!-)            # the start of a word, not inside a hyphenated one
    \L<triggers>        # a shipment word or phrase; the longest one wins
    (?![\w-])
    """,
    regex.VERBOSE | regex.IGNORECASE,
    triggers=sorted(_FRAMES),
)
"""A shipment word: "sent", "supplied", "handed over", "shipment", "accept delivery"."""

TOKEN_PATTERN: Final = regex.compile(
    r"""
    '(?:s|re|ll|ve|d)?+(?!\w)     # a possessive or contracted ending, or a lone mark
    | \w++(?:[-.&/']\w++)*+       # a word, with inner hyphens ("anti-tank", "S-300", "didn't")
    | [^\w\s]                     # one punctuation mark
    """,
    flags=regex.VERBOSE,
)
"""The words between chunks, each to become one chunk."""

WORD_PATTERN: Final = regex.compile(r"[a-z]++")
"""Runs of lower-case letters, for the quick test of whether a text names goods."""
# For ASCII text, the same runs come from bytes with every other byte made a space.
_NOT_A_TO_Z: Final = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))  # noqa: PLR2004
_GOODS_ASCII: Final = frozenset(
    w.encode("ascii") for w in _GOODS_FORMS if WORD_PATTERN.fullmatch(w) is not None
)

# Patterns of the helpers, compiled once here rather than looked up at every call.
_ITEM_WORD_BREAK: Final = regex.compile(r"[\s]+|-(?=\p{Lu})")  # "U.S. arms", "Russian-made"
_ITEM_SPLIT: Final = regex.compile(r"[\s-]+")  # the words of an item
_WORDS: Final = regex.compile(r"\w+")  # the words of a name or an item

_MAX_BACK: Final = 30  # chunks a subject scan may walk back
_MAX_AHEAD: Final = 30  # chunks an object scan may walk ahead
_MAX_NP: Final = 9  # words in one item or party noun phrase
_MAX_GAP: Final = 5  # words between "to"/"for" and "of A" ("for the front line defenders of")
_MAX_CUE: Final = 14  # chunks back to look for modality and negation
_MAX_PAREN: Final = 10  # chunks inside a bracket that items skip ("(225 kilograms)")

# --------------------------------------------------------------------------- chunks


class _Chunk(NamedTuple):
    """One unit of a sentence: a mention, a quantity, a time, a trigger or a word."""

    kind: str  # A actor, G possessive actor, D demonym, P place, Q, T, V trigger, w word, o mark
    start: int
    end: int
    low: str
    actor: Actor | None = None
    country: str | None = None
    quantity: Quantity | None = None
    time: TimeRef | None = None
    frames: tuple[tuple[str, str], ...] = ()
    capital: bool = False  # a word that starts with a capital letter


# `_new_tuple(_Chunk, (kind, start, end, low, None, None, None, None, (), capital))` is
# `_Chunk(kind, start, end, low, capital=capital)` without the keyword handling.
_new_tuple: Final = tuple.__new__


@attrs.frozen
class _Found:
    """A shipment read from one trigger, before merging."""

    supplier: Actor
    recipient: Actor | None
    items: tuple[str, ...]
    quantity: Quantity | None
    status: str
    strong: bool  # status read from a verb or cue, not from a noun's default
    time: TimeRef | None
    span: Span
    rule: str
    at: int  # offset of the shipment word
    sentence: int  # index of its sentence


def _roles_of(ch: _Chunk) -> frozenset[str]:
    return _ROLES.get(ch.low, _NONE) if ch.kind == "w" else _NONE


def _is(ch: _Chunk, role: str) -> bool:
    return ch.kind == "w" and role in _ROLES.get(ch.low, _NONE)


class _Parties:
    """The article's actors, found by country name; built once per article.

    Examples:
        >>> from geonews._internal.document import Document
        >>> ukraine = Actor(name="Ukraine", kind="country", country="Ukraine")
        >>> ctx = Context(doc=Document(""), published=None, actors=(ukraine,), mentions=[],
        ...               places=[], times=[], quantities=[])
        >>> _Parties(ctx).country("Ukraine") is ukraine
        True
    """

    __slots__ = ("countries", "ctx")

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.countries: dict[str, Actor] = {}
        for actor in ctx.actors:
            if actor.kind is ActorKind.COUNTRY:
                self.countries.setdefault(actor.name, actor)

    def country(self, country: str) -> Actor:
        """The article's actor for `country`, or a new one."""
        found = self.countries.get(country)
        if found is None:
            return Actor(name=country, kind=ActorKind.COUNTRY, country=country)
        return found

    def of(self, mention: Mention) -> Actor:
        """The actor a mention stands for as a party: an embassy stands for its country."""
        actor = self.ctx.actor_of(mention)
        if (
            actor.kind is ActorKind.ORGANIZATION
            and actor.country
            and "embassy" in actor.name.casefold()
        ):
            return self.country(actor.country)
        return actor


def _joined(norm: str, out: list[_Chunk], chunk: _Chunk) -> _Chunk:
    """Return `chunk`, or the cue of several words that it ends ("such as", "as well as").

    The words before it that belong to the cue are taken off `out`.
    """
    if chunk.low not in _MULTIWORD_LAST:
        return chunk
    for size in (_LONGEST_CUE - 1, 1):
        if len(out) < size:
            continue
        words = out[-size:]
        if any(w.kind != "w" for w in words):
            continue
        spans = [*words, chunk]
        if any(norm[a.end : b.start] != " " for a, b in itertools.pairwise(spans)):
            continue
        phrase = " ".join(w.low for w in spans)
        if phrase in _MULTIWORD:
            del out[-size:]
            return _Chunk("w", words[0].start, chunk.end, phrase, capital=words[0].capital)
    return chunk


def _after(q: Quantity, start: int, text: str) -> Quantity:
    """The amount `q` without the words before `start`, no longer approximate."""
    while start < q.span.end and text[start].isspace():
        start += 1
    span = Span(start=start, end=q.span.end)
    return attrs.evolve(q, span=span, text=span.slice(text), approximate=False)


def _chunks(parties: _Parties, start: int, end: int, hits: Sequence[_Hit]) -> list[_Chunk]:
    """The chunks of ``[start, end)``: mentions first, then triggers, amounts, times, places."""
    ctx = parties.ctx
    norm = ctx.doc.norm
    found: list[tuple[int, int, _Chunk]] = []  # (start, rank, chunk): rank 0 wins overlaps

    def add(c: _Chunk, rank: int) -> None:
        found.append((c.start, rank, c))

    for m in ctx.mentions.within(start, end):
        s, e = m.span.start, m.span.end
        if s > 1 and norm[s - 1] == "-" and norm[s - 2].isalpha():
            continue  # "non-EC", "pro-Russian": a word, not a party
        add(_Chunk("A", s, e, norm[s:e].lower(), actor=parties.of(m)), 0)
    for s, e, phrase in hits:
        add(_Chunk("V", s, e, norm[s:e].lower(), frames=_FRAMES[phrase]), 1)
    triggers = {e: s for s, e, _ in hits}
    for q in ctx.quantities.within(start, end):
        for trigger_end in range(q.span.start, min(q.span.end, q.span.start + _PARTICLE_LEN)):
            if trigger_end in triggers:  # "handed over 700 kg": "over" is the verb's particle
                q = _after(q, trigger_end, ctx.doc.text)  # noqa: PLW2901
                break
        add(_Chunk("Q", q.span.start, q.span.end, q.text.lower(), quantity=q), 2)
    for t in ctx.times.within(start, end):
        add(_Chunk("T", t.span.start, t.span.end, t.text.lower(), time=t), 3)
    for p in ctx.places.within(start, end):
        s, e = p.span.start, p.span.end
        country = geo.country_of_capital(p.name) or geo.country_named(p.name)
        if country is not None:  # a capital or a country stands for the country
            add(_Chunk("A", s, e, norm[s:e].lower(), actor=parties.country(country)), 4)
        else:
            add(_Chunk("P", s, e, norm[s:e].lower(), country=p.country, capital=True), 4)
    found.sort(key=lambda f: (f[0], f[1]))
    taken: list[tuple[int, _Chunk]] = []  # (rank, chunk), in text order, none overlapping
    for _, rank, chunk in found:
        while taken and taken[-1][1].end > chunk.start and rank < taken[-1][0]:
            taken.pop()  # a better chunk over a worse one: the better one stays
        if not taken or taken[-1][1].end <= chunk.start:
            taken.append((rank, chunk))
    out: list[_Chunk] = []
    append = out.append
    pos = start
    for c in (*(chunk for _, chunk in taken), None):
        gap_end = end if c is None else c.start
        tokens = split_tokens(TOKEN_PATTERN, norm, pos, gap_end)
        # The words between chunks are most of a sentence: this loop is kept lean (no
        # keyword arguments, `_joined` only for a word that may end a cue).
        for s, e, word in tokens:
            low = word.lower() if word != EM_DASH else typed_dash(norm, s, e)
            first = word[0]
            if first == "'":  # "'s", "'", "'re": a mark, or a possessive after a party
                if (low in {"'s", "'"}) and out and out[-1].kind == "A" and out[-1].end == s:
                    out[-1] = out[-1]._replace(kind="G", end=e)
                    continue
                append(_new_tuple(_Chunk, ("o", s, e, low, None, None, None, None, (), False)))
                continue
            capital = first.isupper()
            if capital and first.isalpha():
                country = geo.country_of_demonym(word)
                if country is not None:
                    append(_Chunk("D", s, e, low, country=country, capital=True))
                    continue
            kind = "w" if first.isalnum() else "o"
            chunk = _new_tuple(_Chunk, (kind, s, e, low, None, None, None, None, (), capital))
            # a cue of several words ends here only if the word before and this one
            # are the end of one (an exact test before the slower `_joined`)
            if (
                kind == "w"
                and low in _MULTIWORD_LAST
                and out
                and out[-1].kind == "w"
                and f"{out[-1].low} {low}" in _MULTIWORD_TAILS
            ):
                chunk = _joined(norm, out, chunk)
            append(chunk)
        if c is None:
            break
        append(c)
        pos = c.end
    return out


# --------------------------------------------------------------------------- reading


class _Group(NamedTuple):
    """One amount and the items counted by it ("2 mln tonnes of maize")."""

    quantity: Quantity | None
    items: tuple[str, ...]


class _Reader:
    """The chunks of one sentence and the article they come from."""

    __slots__ = (
        "breaks",
        "consumed",
        "cs",
        "ctx",
        "index",
        "parties",
        "previous",
        "span",
        "times",
    )

    def __init__(self, parties: _Parties, cs: list[_Chunk], index: int) -> None:
        self.parties = parties
        self.ctx = parties.ctx
        self.cs = cs
        self.index = index
        self.span = self.ctx.doc.sentences[index].span
        self.consumed: set[int] = set()
        self.times = [k for k, c in enumerate(cs) if c.kind == "T"]
        # the clause breaks among chunks 0..k-1, for each k: `clause_break` in constant
        # time (a scan of the chunks between was quadratic on a long sentence of shipments)
        self.breaks = [0, *itertools.accumulate(c.low in _CLAUSE_ENDS for c in cs)]
        self.previous: list[Actor | None] = []  # the previous sentence's subject, once read

    # ------------------------------------------------------------------ words

    def text(self, start: int, end: int) -> str:
        """The original text from chunk `start` to chunk `end` (inclusive)."""
        return self.ctx.doc.text[self.cs[start].start : self.cs[end].end]

    def low(self, j: int) -> str:
        """The lower-cased text of chunk `j`, or "" outside the sentence."""
        return self.cs[j].low if 0 <= j < len(self.cs) else ""

    def roles(self, j: int) -> frozenset[str]:
        """The cue roles of chunk `j` (none outside the sentence)."""
        return _roles_of(self.cs[j]) if 0 <= j < len(self.cs) else _NONE

    def verbish(self, j: int) -> bool:
        """Whether chunk `j` can start a verb group ("sent", "has", "will", "said")."""
        if not 0 <= j < len(self.cs):
            return False
        c = self.cs[j]
        if c.kind == "V":
            return any(frame not in _NOUN_FRAMES for frame, _ in c.frames)
        if c.kind != "w":
            return False
        roles = _roles_of(c)
        if roles & _VERB_ROLES:
            return True
        if "aux" in roles and c.low not in _NOT_VERBS:
            return True
        if "doubt" in roles and c.low in _DOUBT_VERBS:
            return True
        if "pledge" in roles and c.low != "to" and c.low not in _NOUN_CUES:
            return True
        return not c.capital and c.low.endswith("ed") and len(c.low) > _MIN_ED

    def content(self, j: int) -> bool:
        """Whether chunk `j` is a content word that may stand in a noun phrase."""
        if not 0 <= j < len(self.cs):
            return False
        c = self.cs[j]
        if c.kind in "DP":
            return True
        if c.kind == "V":
            return _is_goods(c.low)  # "medical supplies"
        if c.kind != "w":
            return False
        roles = _roles_of(c)
        if roles & _NOT_CONTENT:
            return False
        if "pledge" in roles and c.low not in _NOUN_CUES:
            return False
        return c.capital or not (c.low.endswith("ly") and len(c.low) > _MIN_LY)

    # ------------------------------------------------------------------ noun phrases

    def np_back(self, j: int) -> int:
        """The first chunk of the noun phrase that ends at chunk `j` (its head)."""
        k = j
        while k - 1 >= 0 and j - k < _MAX_NP:
            c = self.cs[k - 1]
            if c.low.endswith("ed") and self.roles(k - 2) & {"aux", "be"}:
                break  # "had allowed oil": a verb, not a modifier
            if c.low.endswith("ing") and "prep" in self.roles(k - 2):
                break  # "in seizing vessels": a verb, not a modifier
            if self.content(k - 1) or c.kind in "AQ" or (c.kind == "o" and c.low == "-"):
                k -= 1
                continue
            break
        if k >= _OF_BACK and self.low(k - 1) == "of" and self.cs[k - 2].kind == "Q":
            k -= 2  # "1,555 metric tons of food"
        return k

    def party_np(self, first: int, head: int) -> Actor | None:
        """An actor named by the noun phrase ``first..head`` ("Western allies"), or None."""
        while first < head and (_is(self.cs[first], "det") or self.low(first) in _SKIP_ADJ):
            first += 1
        name = self.text(first, head).strip(" \"'-,")
        if not name:
            return None
        country = None
        for c in self.cs[first : head + 1]:
            if c.kind in "AG" and c.actor is not None:
                country = c.actor.country or country
            elif c.kind == "D":
                country = c.country or country
        head_low = self.cs[head].low
        if self.cs[head].capital and self.cs[head].kind != "D":
            kind = ActorKind.ORGANIZATION
        else:
            kind = ActorKind.GROUP if head_low.endswith("s") else ActorKind.ORGANIZATION
        return Actor(name=name, kind=kind, country=country)

    def party_head(self, j: int) -> bool:
        """Whether chunk `j` is a noun that heads a party ("allies", "rebels", "vessel")."""
        if not 0 <= j < len(self.cs):
            return False
        c = self.cs[j]
        return c.kind == "w" and (c.low in _PARTY_NOUNS or f"{c.low}s" in _PARTY_NOUNS)

    # ------------------------------------------------------------------ subjects

    def subject_position(self, first: int, last: int) -> bool:
        """Whether the phrase ``first..last`` stands where a subject stands."""
        nxt = last + 1
        if self.low(nxt) in {"from", "of", "in", "at"}:  # "Doctors from two aid groups donated"
            k = nxt + 1
            while (
                k < len(self.cs)
                and k - nxt <= _MAX_NP
                and (self.content(k) or self.cs[k].kind in "AQD" or _is(self.cs[k], "det"))
            ):
                k += 1
            if self.verbish(k) and k > nxt + 1:
                nxt = k
        while nxt < len(self.cs) and self.cs[nxt].kind == "T":
            nxt += 1
        prev = first - 1
        while prev >= 0 and _is(self.cs[prev], "det"):
            prev -= 1
        by = prev >= 0 and self.low(prev) == "by"
        ok = self.verbish(nxt) or self.low(nxt) in {"who", "which"} or self.third_person(nxt)
        ok = ok or (self.low(nxt) in {",", "("} and self.low(nxt + 1) in {"who", "which", "that"})
        ok = ok or (by and self.low(nxt) == "to")
        if not ok:
            return False
        if prev < 0:
            return True
        p = self.cs[prev]
        if p.low == "by":
            return self.low(nxt) == "to"  # "plans by VietJet to buy", not "fired by Trump"
        if p.kind == "w" and "prep" in _roles_of(p) and p.low not in _SUBORDINATORS | {"of"}:
            return False
        if p.low == "of":
            before = prev - 1
            while before >= 0 and _is(self.cs[before], "det"):
                before -= 1
            return self.party_head(before)
        return True

    def third_person(self, j: int) -> bool:
        """Whether chunk `j` reads as a verb in -s before an object ("reserves the right")."""
        low = self.low(j)
        return (
            0 <= j < len(self.cs)
            and self.cs[j].kind == "w"
            and not self.cs[j].capital
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is"))
            and not _roles_of(self.cs[j])
            and self.low(j + 1) in _OBJECT_DETERMINERS
        )

    def possessor_subject(self, j: int) -> bool:
        """Whether the possessor at chunk `j` owns the clause's subject.

        "WFP's operations have continued", "Turkey's decision to accept".
        """
        k = j + 1
        while k < len(self.cs) and k - j <= _MAX_NP and (self.content(k) or self.cs[k].kind == "T"):
            k += 1
        if k == j + 1:
            return False
        head = k - 1
        while head > j and self.cs[head].kind == "T":
            head -= 1
        return self.verbish(k) or (self.low(k) == "to" and self.low(head) in _NOUN_CUES)

    def subject(self, i: int, *, strict: bool = False) -> tuple[Actor | None, int]:
        """The party that stands as subject of the verb at chunk `i`, and where it starts.

        Pronouns that no mention covers ("it", "they") and "his government" pass the
        search on to the party before them, in the sentence or as the first party of the
        sentence before. A gerund after a preposition ("suspected of transferring",
        "countries such as Qatar in providing") takes the nearest party before it. With
        `strict`, the search stops at a pronoun or a reporting verb.
        """
        lo = max(0, i - _MAX_BACK)
        want_country = False
        pronoun = False
        gerund = self.low(i).endswith("ing") and "prep" in self.roles(i - 1)
        j = i - 1
        while j >= lo:
            c = self.cs[j]
            relaxed = gerund and i - j <= _RELAXED_REACH
            if (c.kind == "o" and c.low in {";", ":"}) or c.low in _CLAUSE_BREAKS:
                break
            found: Actor | None = None
            first = j
            if c.kind in "AG" and c.actor is not None:
                k = j + 1
                while k < len(self.cs) and k - j <= _MODIFIERS and self.content(k):
                    k += 1
                if c.kind == "A" and k > j + 1 and self.party_head(k - 1):
                    pass  # "EU countries", "Pakistani officials": the phrase is read at its head
                elif (
                    (relaxed and c.kind == "A")
                    or (c.kind == "A" and self.subject_position(j, j))
                    or (c.kind == "G" and self.possessor_subject(j))
                ):
                    found = c.actor
            elif c.kind == "w" and self.party_head(j):
                first = self.np_back(j)
                if relaxed or self.subject_position(first, j):
                    det = self.low(first - 1)
                    if det in {"his", "her", "its", "their"}:
                        want_country = True
                        j = first - 1
                        continue
                    found = self.party_np(first, j)
                    named = first - 1
                    while named > 0 and _is(self.cs[named], "det"):
                        named -= 1
                    if self.low(named) == "," and self.cs[named - 1].kind == "A":
                        found = self.cs[named - 1].actor  # "the Lighthouse Winmore, a vessel"
                        first = named - 1
            elif c.kind == "D" and self.content(j + 1):
                if relaxed or self.subject_position(j, j + 1) or self.verbish(j + 2):
                    found = self.parties.country(c.country) if c.country else None
            elif (
                c.kind == "w"
                and c.capital
                and (
                    j > 0
                    or (
                        c.low.capitalize() not in _STARTERS
                        and self.cs[1 if len(self.cs) > 1 else 0].kind == "w"
                    )
                )
                and c.low.capitalize() not in _CALENDAR
                and not _roles_of(c)
                and not (j + 1 < len(self.cs) and self.cs[j + 1].capital)
            ):
                first = j  # the last word of a name: "VietJet", "Lighthouse Winmore"
                while first > 0 and self.cs[first - 1].capital and self.cs[first - 1].kind == "w":
                    first -= 1
                if relaxed or self.subject_position(first, j):
                    found = self.party_np(first, j)
            elif c.kind == "w" and c.low in _SUBJECT_PRONOUNS and self.verbish(j + 1):
                if strict:
                    break
                pronoun = True
            elif _is(c, "say") and (strict or not (pronoun or want_country)):
                break  # "X told parliament the report on the sale ...": X is the speaker
            if found is not None and found.kind is ActorKind.SOURCE:
                found = None
            if found is not None:
                if want_country and found.kind is not ActorKind.COUNTRY:
                    if found.country is None:
                        j = first - 1
                        continue
                    found = self.parties.country(found.country)
                return found, first
            j -= 1
        if pronoun or want_country:
            return self.previous_subject(), -1
        return None, -1

    def previous_subject(self) -> Actor | None:
        """The country or organization that opens the sentence before this one, or None."""
        if not self.previous:
            self.previous.append(self.read_previous_subject())
        return self.previous[0]

    def read_previous_subject(self) -> Actor | None:
        """Read `previous_subject`."""
        if self.index == 0:
            return None
        span = self.ctx.doc.sentences[self.index - 1].span
        for m in self.ctx.mentions.within(span.start, span.end):
            opening = self.ctx.doc.norm[span.start : m.span.start]
            if len(opening.split()) > _OPENING_WORDS:
                return None
            actor = self.parties.of(m)
            if actor.kind in {ActorKind.COUNTRY, ActorKind.ORGANIZATION, ActorKind.GROUP}:
                return actor
        return None

    # ------------------------------------------------------------------ parties after

    def party_at(self, j: int, limit: int) -> tuple[Actor | None, int]:
        """The party named at chunk `j`, and the chunk after it.

        "Ukraine", "Syria's rebels", "the defenders of Ukraine", "78,000 beneficiaries in
        Sakow district", "the disgraced scientist Abdul Qadeer Khan".
        """
        infinitive = self.low(j - 1) == "to"
        while j < limit and (_is(self.cs[j], "det") or self.cs[j].low in {'"', "'"}):
            j += 1
        if j >= limit:
            return None, j
        c = self.cs[j]
        if c.kind in "AG" and c.actor is not None:
            k = j + 1
            while k < limit and k - j <= _MODIFIERS and self.content(k):
                k += 1
            if k > j + 1 and self.party_head(k - 1):
                return self.party_np(j, k - 1), k  # "Syria's rebels", "EU member countries"
            return c.actor, j + 1
        k = j
        while (
            k < limit
            and k - j < _MAX_NP
            and (
                self.content(k)
                or (self.cs[k].kind == "Q" and k == j)  # "78,000 beneficiaries"
                or (self.low(k) == "&" and self.content(k + 1))
            )
        ):
            k += 1
        if k == j:
            return None, j
        if (
            infinitive
            and c.kind == "w"
            and not c.capital
            and j + 1 < limit
            and (
                self.cs[j + 1].kind in "GDQ" or _is(self.cs[j + 1], "det") or self.cs[j + 1].capital
            )
        ):
            return None, j  # "to escort Kuwaiti tankers", "to feed some 300 men": a verb
        if self.low(k) == "of":  # "the front line defenders of Ukraine"
            nxt = k + 1
            while nxt < limit and _is(self.cs[nxt], "det"):
                nxt += 1
            if nxt < limit and self.cs[nxt].kind in "AG" and self.cs[nxt].actor is not None:
                return self.cs[nxt].actor, nxt + 1
        last = k - 1
        if self.low(last).capitalize() in _CALENDAR:
            return None, j  # "for April through July shipment"
        if self.cs[last].capital and self.cs[last].kind in "wP":
            first = last  # "the disgraced ... scientist Abdul Qadeer Khan", "Pratt & Whitney"
            while first - 1 >= j and (
                (self.cs[first - 1].capital and self.cs[first - 1].kind in "wP")
                or self.low(first - 1) == "&"
            ):
                first -= 1
            return self.party_np(first, last), k
        if self.party_head(last) or self.counted_party(last):
            head = last
            # "... beneficiaries in Sakow district", "... people in Jilib and Buale districts"
            if self.low(k) == "in" and k + 1 < limit and self.cs[k + 1].capital:
                m = k + 1
                while (
                    m < limit
                    and m - k < _MAX_NP
                    and (self.cs[m].capital or self.low(m) in _AREA_WORDS)
                ):
                    m += 1
                if self.low(m - 1) != "and":
                    head = m - 1
            return self.party_np(j, head), head + 1
        return None, j

    def parties_at(self, j: int) -> tuple[list[Actor], int]:
        """The coordinated parties from chunk `j`, and the chunk after the first of them.

        "Saudi Arabia, along with the United Arab Emirates and Jordan".
        """
        limit = min(len(self.cs), j + _MAX_AHEAD)
        first, k = self.party_at(j, limit)
        if first is None:
            return [], j
        out = [first]
        kept = 1
        m = k
        while m < limit and self.low(m) in _JOINERS:
            joined = False
            nxt = m
            while nxt < limit and self.low(nxt) in _JOINERS:
                joined = joined or self.low(nxt) != ","
                nxt += 1
            at = nxt + 1 if nxt < limit and _is(self.cs[nxt], "det") else nxt
            if at >= limit or self.cs[at].kind != "A":
                break
            party, m = self.party_at(nxt, limit)
            if party is None:
                break
            out.append(party)
            if joined:
                kept = len(out)  # a list ends with "and": "A, B and C"
        return out[:kept], k

    def counted_party(self, j: int) -> bool:
        """Whether chunk `j` is a count of people ("78,000 beneficiaries", "300 men")."""
        q = self.cs[j].quantity
        return q is not None and bool(q.unit) and q.unit not in _KNOWN_UNITS

    def scan_after(self, j: int, preps: frozenset[str]) -> tuple[Actor | None, int]:
        """The first party after a preposition of `preps`, from chunk `j` to the clause end."""
        limit = min(len(self.cs), j + _MAX_AHEAD)
        k = j
        while k < limit:
            c = self.cs[k]
            if c.kind == "V" and k != j and not self.content(k):
                break
            if c.kind == "o" and c.low in {";", ":"}:
                break
            if c.kind == "w":
                roles = _roles_of(c)
                if ("conj" in roles and c.low not in {"and", "or", "that", "as"}) or "say" in roles:
                    break
                if c.low in preps:
                    found, _ = self.party_at(k + 1, limit)
                    if found is not None:
                        return found, k
            k += 1
        return None, -1

    def possessor_after(self, j: int) -> Actor | None:
        """A possessor of a beneficiary noun after chunk `j` ("to strengthen Kyiv's defences")."""
        limit = min(len(self.cs), j + _MAX_AHEAD)
        for k in range(j, limit - 1):
            c = self.cs[k]
            if c.kind == "V" and k != j and not self.content(k):
                break
            if c.kind == "G" and c.actor is not None:
                nxt = k + 1
                while nxt < limit and self.content(nxt) and not _is(self.cs[nxt], "benefit"):
                    nxt += 1
                if nxt < limit and _is(self.cs[nxt], "benefit"):
                    return c.actor
        return None

    # ------------------------------------------------------------------ items

    def items(self, j: int) -> tuple[list[_Group], int]:
        """The goods named from chunk `j` on, grouped by the amount before them, and the end.

        Items are short noun phrases split at commas, "and" and "including"; an amount
        ("2 mln tonnes of") starts a new group.
        """
        groups: list[tuple[Quantity | None, list[str]]] = [(None, [])]
        limit = min(len(self.cs), j + _MAX_AHEAD)
        first = -1
        last = -1

        def close() -> None:
            nonlocal first, last
            if first >= 0:
                item = _clean_item(self.text(first, last))
                if item:
                    groups[-1][1].append(item)
            first = last = -1

        after_amount = False
        while j < limit:
            c = self.cs[j]
            if c.kind == "Q" and c.quantity is not None:
                if self.low(j - 1) == "of" and j > 1 and self.cs[j - 2].kind == "Q":
                    j += 1  # "5.5 mln bags of 60 kilos": the size of each bag
                    continue
                close()
                q, counted = _shipped_quantity(c.quantity)
                groups.append((q, [counted] if counted else []))
                j += 1
                after_amount = True
                if self.low(j) == "worth":
                    j += 1
                if self.low(j) == "of" or (
                    self.low(j) == "in" and q is not None and q.unit.isupper()
                ):
                    j += 1
                    after_amount = False
                continue
            if c.kind == "o":
                if c.low == "(":
                    k = j + 1
                    while k < limit and k - j < _MAX_PAREN and self.cs[k].low != ")":
                        k += 1
                    if k < limit and self.cs[k].low == ")":
                        j = k + 1
                        if after_amount and self.low(j) == "of":  # "500 pounds (225 kg) of"
                            j += 1
                            after_amount = False
                        continue
                    break
                if c.low in {'"', "'"}:
                    j += 1
                    continue
                if c.low == "-" and first >= 0 and self.content(j + 1):
                    j += 1
                    continue
                if c.low == "," and j + 1 < limit:
                    nxt = self.cs[j + 1]
                    if nxt.low in _LIST_WORDS or (
                        (self.content(j + 1) or _is(nxt, "det")) and not self.verbish(j + 2)
                    ):
                        close()
                        j += 1
                        continue
                break
            after_amount = False
            if c.kind in "TG":
                break
            if c.kind == "V" and not _is_goods(c.low):
                if any(f in _NOUN_FRAMES for f, _ in c.frames):
                    self.consumed.add(j)  # "sent a shipment of X": read through the noun
                    if first < 0 and self.low(j + 1) == "of":
                        j += 2
                        continue
                break
            if c.kind == "V":
                self.consumed.add(j)  # "medical supplies": the noun is the item
            if c.kind == "w":
                low = c.low
                if low in _LIST_WORDS:
                    close()
                    if self.verbish(j + 1):
                        break
                    j += 1
                    continue
                if (
                    low == "of"
                    and first >= 0
                    and (
                        (first == last and self.low(first) in _QUANTIFIERS)
                        or "container" in self.roles(last)
                    )
                ):
                    first = last = -1  # "any of the S-300s", "the first batch of"
                    j += 1
                    continue
                if _is(c, "det"):
                    if first < 0 and low in _QUANTIFIERS and self.low(j + 1) == "of":
                        first = last = j
                    elif first >= 0:
                        break
                    j += 1
                    continue
                if not self.content(j):
                    break
            elif c.kind in "AP" and not self.content(j + 1):
                break  # a party, not a modifier ("U.S. arms")
            if first < 0:
                first = j
            last = j
            if last - first >= _MAX_NP:
                break
            j += 1
        close()
        return [_Group(q, tuple(items)) for q, items in groups if q is not None or items], j

    # ------------------------------------------------------------------ status

    def status(self, i: int, stated: str, *, verb: bool, arrival: bool = False) -> str | None:
        """The status of the shipment word at chunk `i`, or None when it is denied or doubted.

        `stated` is the word's own status; modal and intention words before it make it
        pledged ("will send", "approval to send"), negation and doubt drop it.
        """
        if any(c.low == "?" for c in self.cs[-2:]):
            return None
        pledged = False
        lo = max(0, i - _MAX_CUE)
        j = i - 1
        adjacent = True  # still inside the verb group right before the trigger
        while j >= lo:
            c = self.cs[j]
            if c.kind == "o" and c.low in {";", ":"}:
                break
            roles = _roles_of(c)
            if "conj" in roles and c.low not in {"that", "and", "as"}:
                break
            if roles & {"negate", "doubt"} or ("stop" in roles and i - j <= _STOP_REACH):
                return None
            if c.low == "to":
                before = self.roles(j - 1)
                if (
                    adjacent
                    and verb
                    and "aspect" not in before
                    and ("pledge" in before or not arrival)
                ):
                    pledged = True  # "plans to send"; an arrival needs "due to", "set to"
            elif "pledge" in roles and (verb or "gov_pledged" not in roles):
                pledged = True
            elif (self.verbish(j) and not (c.kind == "V" and self.content(j))) or (
                c.kind == "w" and not c.capital and c.low.endswith("ing") and len(c.low) > _MIN_ED
            ):
                if "say" in roles and "negate" in self.roles(j - 1):
                    return None  # "denied reports it had been selling"
                if "stop" in roles:
                    return None  # "halting all arms sales and sending equipment"
                if not roles & _CHAIN:
                    # another verb: cues before it are not about this word, but a
                    # hypothesis still is ("the possibility of using tankers to ship")
                    if any(self.low(k) in _HYPOTHESES for k in range(lo, j)):
                        return None
                    break
            if not (roles & {"aux", "be", "pledge"}) and c.low != "to":
                adjacent = False
            j -= 1
        return "pledged" if pledged else stated

    def statistic(self, i: int, det: int) -> bool:
        """Whether the noun at chunk `i` names a total, not a consignment.

        "the volume of EC oil imports", "Japan's vehicle exports to Europe rose 38 pct".
        """
        if any("measure" in self.roles(k) for k in range(max(0, det - _OF_BACK), i)):
            return True
        limit = min(len(self.cs), i + _MAX_CUE)
        for k in range(i + 1, limit):
            roles = self.roles(k)
            if "change" in roles:
                return True
            if roles & {"conj", "say"} or self.low(k) in {";", ":"}:
                break
        return False

    def governing(self, i: int) -> tuple[int, frozenset[str]]:
        """The verb that governs the noun at chunk `i` ("fulfilled a shipment"), and its roles."""
        j = i - 1
        lo = max(0, i - _MAX_CUE)
        while j >= lo:
            c = self.cs[j]
            roles = _roles_of(c)
            gov = roles & {
                "gov_delivered",
                "gov_pledged",
                "gov_sent",
                "negate",
                "stop",
                "recv",
                "change",
            }
            if gov:
                return j, gov
            if c.kind in "QTDAG" or self.content(j) or _is(c, "det") or c.low in {"'", '"'}:
                j -= 1
                continue
            if c.low in {"of", "worth"} and j > 0 and self.cs[j - 1].kind in "Qw":
                j -= 1  # "cut 100 mln dlrs worth of U.S. meat shipments"
                continue
            break
        return -1, _NONE

    # ------------------------------------------------------------------ frames

    def frame(self, i: int) -> tuple[str, str]:
        """The reading of the shipment word at chunk `i`: verb or noun, by its neighbours."""
        frames = self.cs[i].frames
        nouns = [f for f in frames if f[0] in _NOUN_FRAMES]
        verbs = [f for f in frames if f[0] not in _NOUN_FRAMES]
        if not nouns or not verbs:
            return frames[0]
        prev = self.cs[i - 1] if i > 0 else None
        as_noun = self.low(i + 1) == "of" or (
            prev is not None
            and (
                prev.kind in "GDQ"
                or _is(prev, "det")
                or (prev.kind == "A" and not self.subject_position(i - 1, i - 1))
                or (self.content(i - 1) and not _is(prev, "aspect") and not prev.capital)
            )
        )
        return nouns[0] if as_noun else verbs[0]

    def read(self, i: int) -> list[_Found]:
        """The shipments that the shipment word at chunk `i` states."""
        frame, stated = self.frame(i)
        if frame in _NOUN_FRAMES:
            return self.read_noun(i, frame, stated)
        if frame == "arrive":
            return self.read_arrival(i, stated)
        return self.read_verb(i, frame, stated)

    def participle(self, i: int) -> bool:
        """Whether the shipment word at chunk `i` is a past participle ("sent", "supplied")."""
        low = self.cs[i].low.split()[0]
        return low.endswith(("ed", "en")) or low in _IRREGULAR_PARTICIPLES

    def passive(self, i: int) -> int:
        """The chunk of "were"/"been" before a participle at chunk `i`, or -1."""
        if not self.participle(i):
            return -1
        j = i - 1
        while j >= 0 and i - j <= _MAX_GAP:
            c = self.cs[j]
            if _is(c, "be"):
                return j
            if not _is(c, "aux"):
                return -1
            j -= 1
        return -1

    def read_verb(self, i: int, frame: str, stated: str) -> list[_Found]:
        """Read a verb: "A sent X to B", "A supplied B with X", "B bought X from A"."""
        status = self.status(i, stated, verb=True)
        if status is None or self.statistic(i, i - 1):
            return []
        if frame == "pledge":
            status = "pledged"
        receiving = frame in {"receive", "buy"}
        be = self.passive(i) if frame in {"send", "pledge"} else -1
        if (
            be < 0
            and frame in {"send", "pledge"}
            and self.participle(i)
            and i > 0
            and self.cs[i - 1].kind == "w"
            and _is_goods(self.low(i - 1))
        ):
            be = i  # "the aid pledged in February": a reduced relative
        recipient: Actor | None = None
        supplier: Actor | None = None
        direct: Actor | None = None
        after_trigger = i + 1
        if self.cs[i].low.endswith((" to", " into")):  # "passed to Tehran"
            direct, after_trigger = self.party_at(i + 1, min(len(self.cs), i + _MAX_NP))
            after_trigger = max(after_trigger, i + 1)
        rule = "shipment.send_to"
        if be >= 0:
            head = be - 1
            while head >= 0 and (
                self.low(head) in {"which", "that", ",", "to", "set"}
                or self.roles(head) & {"aux", "pledge"}
            ):
                head -= 1
            if head < 0:
                return []
            first = self.np_back(head)
            groups, _ = self.items(first)
            supplier, _ = self.scan_after(after_trigger, _BY)
            if supplier is None:
                supplier, _ = self.scan_after(after_trigger, _FROM)
            if supplier is None:  # "EU food aid could be sent", "US corn to be given"
                named = [c.actor for c in self.cs[first : head + 1] if c.kind in "AG" and c.actor]
                supplier = named[0] if named else self.item_country(groups)
            if supplier is None:
                supplier, _ = self.subject(first)
            recipient = direct or self.scan_after(after_trigger, _TO)[0]
            rule = "shipment.passive"
        else:
            party, start = self.subject(i)
            if receiving:
                recipient = party
            else:
                supplier = party
            j = after_trigger
            while j < len(self.cs) and (_is(self.cs[j], "aux") or self.low(j) == "of"):
                j += 1  # "also", "accept delivery of"
            if receiving and self.low(j) == "by" and self.content(j + 1):
                j += 2  # "received by courier money from A"
            if frame == "pledge" and self.low(j) == "to":
                return []  # "pledged to send": the later word is read
            obj, after = (None, j) if direct else self.party_at(j, min(len(self.cs), j + _MAX_NP))
            if obj is not None and not receiving and self.low(after) == "with":
                recipient = obj  # "provide Syria with S-300 missiles"
                groups, end = self.items(after + 1)
                rule = "shipment.supply_with"
            elif (
                obj is not None
                and not receiving
                and self.cs[after - 1].kind in "AG"
                and after < len(self.cs)
                and (self.cs[after].kind == "Q" or _is(self.cs[after], "det"))
            ):
                groups, end = self.items(after)  # "gave the Ivory Coast $5m of aid"
                if groups:
                    recipient = obj
            else:
                groups, end = self.items(j)
            relative = False
            if not groups and start > 1 and self.low(start - 1) in {"that", "which"}:
                groups, _ = self.items(self.np_back(start - 2))  # "missiles that A would supply"
                end = i + 1
                relative = True
            if not groups or (frame == "pledge" and not relative and self.verbish(end)):
                return []  # "promised the ship wouldn't go": a clause, not goods
            if receiving:
                supplier, _ = self.scan_after(end, _FROM)
                rule = "shipment.receive_from"
            elif direct is not None:
                recipient = direct
            elif recipient is None:
                recipient = self.scan_after(end, _TO)[0] or self.possessor_after(end)
        return self.found(supplier, recipient, groups, status, i, rule=rule)

    def read_arrival(self, i: int, stated: str) -> list[_Found]:
        """Read an arrival: "a shipment from A arrived in B", "1,555 tons of food reaching B"."""
        status = self.status(i, stated, verb=True, arrival=True)
        if status is None:
            return []
        supplier: Actor | None = None
        j = i - 1
        while j >= 0 and i - j <= _MAX_CUE:
            c = self.cs[j]
            if c.low in {"that", "which", "to", ","} or self.roles(j) & {
                "aux",
                "be",
                "pledge",
                "aspect",
            }:
                j -= 1
            elif (
                _is(c, "say")
                and j > 0
                and (_is(self.cs[j - 1], "pron") or self.cs[j - 1].kind == "A")
            ):
                j -= 2  # "a shipment it said had just arrived"
            elif c.kind in "AG":
                k = j - 1
                while k >= 0 and _is(self.cs[k], "det"):
                    k -= 1
                if self.low(k) != "from":
                    break
                supplier = c.actor  # "supplies from the British government starting to arrive"
                j = k - 1
            else:
                break
        if j < 0:
            return []
        groups: list[_Group] = []
        head = self.cs[j]
        if head.kind == "V" and any(f in _NOUN_FRAMES for f, _ in head.frames):
            self.consumed.add(j)
            if _is_goods(head.low):
                groups = [_Group(None, (_clean_item(self.text(self.np_back(j), j)),))]
        elif head.kind in "wQ":
            groups, _ = self.items(self.np_back(j))
        else:
            return []
        limit = min(len(self.cs), i + _MAX_AHEAD)
        recipient: Actor | None = None
        k = i + 1
        if self.cs[i].low.startswith("reach") or self.cs[i].low.endswith((" to", " into")):
            recipient, k = self.party_at(k, limit)  # "reaching 150,000 people", "flowed to"
            k = max(k, i + 1)
        while k < limit:
            c = self.cs[k]
            if c.low == "from" and supplier is None:
                supplier, nxt = self.party_at(k + 1, limit)
                k = max(nxt, k + 1)
                continue
            if c.low == "with" and not groups:
                groups, k = self.items(k + 1)
                continue
            if c.low in {"in", "at", "to", "for", "into"} and recipient is None:
                recipient, nxt = self.party_at(k + 1, limit)
                k = max(nxt, k + 1)
                continue
            if (c.kind == "V" and not self.content(k)) or _is(c, "say") or c.low in _STOPS:
                break
            k += 1
        if not groups:
            return []
        if supplier is None:
            supplier = self.item_country(groups)
        if supplier is None:
            first = self.np_back(j) if head.kind != "V" else j
            supplier, _ = self.subject(first)
        return self.found(supplier, recipient, groups, status, i, rule="shipment.arrival")

    def read_noun(self, i: int, frame: str, stated: str) -> list[_Found]:
        """Read a noun: "Russia's shipment of X to B", "a gift of X to B from A"."""
        det = i - 1
        while det >= 0 and (self.content(det) or self.cs[det].kind in "QDAG"):
            det -= 1
        if self.low(det) in _ANY:
            return []  # "each weapons sale will be evaluated": no particular shipment
        following = self.cs[i + 1] if i + 1 < len(self.cs) else None
        if (
            following is not None
            and following.kind == "w"
            and not following.capital
            and self.content(i + 1)
        ):
            return []  # "cargo vessel", "supply lines", "arms exports code": a modifier
        if self.statistic(i, det):
            return []
        gov, roles = self.governing(i)
        strong = True
        if roles & {"negate", "stop", "change"}:
            return []  # "halted the shipments", "to boost exports"
        if "gov_delivered" in roles or "recv" in roles:
            status: str | None = "delivered" if "gov_delivered" in roles else "pledged"
        elif "gov_pledged" in roles:
            status = "pledged"
        elif "gov_sent" in roles:
            status = "sent"
        else:
            status = self.status(i, stated, verb=False)
            strong = status != stated
        if gov >= 0 and status is not None and self.status(gov, status, verb=True) is None:
            status = None
        if status is None:
            return []
        # before the noun: "Russia's", "Russian arms", "non-EC producer", "the $11 billion"
        pre: Actor | None = None
        amount: Quantity | None = None
        past = False
        j = i - 1
        while j >= 0 and i - j <= _MAX_NP:
            c = self.cs[j]
            if c.kind in "GAD" and pre is None:
                pre = c.actor if c.kind != "D" else self.parties.country(c.country or "")
            elif c.kind == "Q" and c.quantity is not None:
                amount = amount or _shipped_quantity(c.quantity)[0]
            elif c.kind == "T" and c.time is not None:
                published = self.ctx.published
                past = published is not None and c.time.end is not None and (c.time.end < published)
            elif not (self.content(j) or self.low(j) in {",", "-"}):
                break
            j -= 1
        modifiers = [k for k in range(j + 1, i) if self.cs[k].kind in "wV"]
        if modifiers and self.party_head(modifiers[-1]) and pre is None:
            pre = self.party_np(modifiers[0], modifiers[-1])  # "non-EC producer sales"
        goods = [k for k in modifiers if _is_goods(self.cs[k].low)]
        # after the noun: "of X", "to B", "from A", "by B", in any order
        groups: list[_Group] = []
        recipient: Actor | None = None
        recipients: list[Actor] = []
        supplier: Actor | None = None
        agent: Actor | None = None
        k = i + 1
        for _ in range(_NOUN_PPS):
            low = self.low(k)
            if low == "of" and not groups:
                groups, k = self.items(k + 1)
            elif low in _TO and recipient is None:
                recipients, k2 = self.parties_at(k + 1)
                if not recipients:
                    break
                recipient, k = recipients[0], k2
            elif low == "from" and supplier is None:
                supplier, nxt = self.party_at(k + 1, min(len(self.cs), k + _MAX_NP))
                if supplier is None:
                    break
                k = nxt
            elif low == "by" and agent is None:
                agent, nxt = self.party_at(k + 1, min(len(self.cs), k + _MAX_NP))
                if agent is None:
                    break
                k = nxt
            elif low in {",", "through", "via"} and k + 1 < len(self.cs):
                k += 1
            else:
                break
        if goods:
            groups.insert(0, _Group(None, (self.text(goods[0], goods[-1]),)))
        elif not groups and _is_goods(self.cs[i].low):
            first = modifiers[0] if modifiers else i
            groups = [_Group(None, (_clean_item(self.text(first, i)),))]
        if amount is not None:
            groups = [_Group(amount, groups[0].items if groups else ()), *groups[1:]]
        if not groups:
            return []
        if past and status == "pledged":
            status = "sent"  # "approved an August 1985 shipment": it happened
        if recipient is None:
            recipient = self.scan_after(k, _TO)[0]
        buying = frame == "buy_noun"
        sale = frame == "noun" and stated == "pledged"  # "the Saudi arms sale": a buyer
        named_to = recipient is not None
        if buying:
            recipient = recipient or agent or pre
        else:
            supplier = supplier or agent
            if pre is not None and sale and recipient is None:
                recipient = pre
            elif pre is not None:
                supplier = supplier or pre
            supplier = supplier or self.item_country(groups)
        if gov >= 0 and (supplier is None or recipient is None):
            subj, _ = self.subject(gov)
            if "recv" in roles:
                recipient = recipient or subj
            elif not buying:
                supplier = supplier or subj
        if supplier is None and named_to and not buying:
            supplier, _ = self.subject(
                i, strict=True
            )  # "bypassed a review of arms sales to Saudi Arabia"
        if recipient is None:
            recipient = self.possessor_after(k)
        out = self.found(
            supplier, recipient, groups, status, i, rule="shipment.noun_phrase", strong=strong
        )
        if len(out) == 1 and self.cs[i].low.endswith("s") and recipients:
            for other in recipients[1:]:  # "sales to Saudi Arabia, the UAE and Jordan"
                out.extend(
                    attrs.evolve(f, recipient=other, quantity=None)
                    for f in self.found(
                        supplier,
                        other,
                        groups,
                        status,
                        i,
                        rule="shipment.noun_phrase",
                        strong=strong,
                    )
                )
        return out

    # ------------------------------------------------------------------ results

    def item_country(self, groups: Sequence[_Group]) -> Actor | None:
        """The country the first item is named for ("U.S. arms", "Russian S-400")."""
        for group in groups:
            for item in group.items[:1]:
                for word in _ITEM_WORD_BREAK.split(item):
                    if not word[:1].isupper():
                        continue
                    country = geo.country_of_demonym(word) or geo.country_named(word)
                    if country is not None:
                        return self.parties.country(country)
            return None
        return None

    def time_near(self, i: int) -> TimeRef | None:
        """The time expression nearest to chunk `i` in its clause.

        Clauses end at "while", "but", "whereas", "although" and semicolons: in "The UK
        sent missiles earlier this week, while the Baltic states will send Stingers", the
        week is the UK's.
        """
        at = bisect.bisect_left(self.times, i)
        near = [
            k
            for k in self.times[max(0, at - 1) : at + 1]
            if not self.clause_break(min(i, k), max(i, k))
        ]
        if not near:
            return None
        return self.cs[min(near, key=lambda k: abs(k - i))].time

    def clause_break(self, start: int, end: int) -> bool:
        """Whether a clause ends between chunks `start` and `end`."""
        size = len(self.cs)
        inner = min(max(start + 1, 0), size)
        outer = min(max(end, inner), size)
        return self.breaks[outer] > self.breaks[inner]

    def found(
        self,
        supplier: Actor | None,
        recipient: Actor | None,
        groups: Sequence[_Group],
        status: str,
        i: int,
        *,
        rule: str,
        strong: bool = True,
    ) -> list[_Found]:
        """The shipments that the goods and parties make: none, one, or one per amount."""
        if supplier is None:
            supplier = self.item_country(groups)
        if supplier is None or supplier.kind is ActorKind.SOURCE:
            return []
        if recipient is not None and _same(supplier, recipient):
            recipient = None
        if _key(supplier) in _GENERIC:
            rule = "shipment.generic_supply"
        kept = []
        money = "money" in _ROLES.get(self.cs[i].low, _NONE)
        for group in groups:
            goods = tuple(x for x in group.items if _is_goods_item(x))
            weighed = group.quantity is not None and (
                group.quantity.unit in _MEASURE_UNITS
                or (money and _is_money(group.quantity) and not group.items)
            )
            if goods or weighed:
                kept.append(_Group(group.quantity, goods or group.items))
        if not kept:
            return []
        measured = [g for g in kept if g.quantity is not None and g.quantity.value is not None]
        if len(measured) < _SPLIT or any(not g.items for g in measured):
            items = tuple(x for g in kept for x in g.items)
            amount = next((g.quantity for g in kept if g.quantity is not None), None)
            if measured:
                amount = measured[0].quantity
            kept = [_Group(amount, items)]
        else:
            kept = measured  # "2 mln tonnes of maize and 300,000 tonnes of sorghum"
        time = self.time_near(i)
        if (
            "trade" in _ROLES.get(self.cs[i].low, _NONE)
            and status != "pledged"
            and time is not None
            and time.granularity in _LONG_TIMES
        ):
            return []  # "the Soviet Union exported $500m worth of goods in 1986": a total
        return [
            _Found(
                supplier=supplier,
                recipient=recipient,
                items=g.items,
                quantity=g.quantity,
                status=status,
                strong=strong,
                time=time,
                span=self.span,
                rule=rule,
                at=self.cs[i].start,
                sentence=self.index,
            )
            for g in kept
        ]


# --------------------------------------------------------------------------- helpers

_TO: Final = frozenset({"to", "for", "into"})
_NOUN_FRAMES: Final = frozenset({"noun", "buy_noun"})
_VERB_ROLES: Final = frozenset(
    {"be", "say", "gov_delivered", "gov_pledged", "gov_sent", "recv", "negate", "stop"}
)
_DOUBT_VERBS: Final = frozenset(
    {
        "may",
        "might",
        "could",
        "want",
        "wants",
        "wanted",
        "hope",
        "hopes",
        "hoped",
        "seek",
        "seeks",
        "sought",
        "aim",
        "aims",
        "aimed",
        "try",
        "tries",
        "tried",
        "trying",
        "wish",
    }
)
_NOT_VERBS: Final = frozenset({"all", "both", "each", "first", "only", "too"})
_NOT_CONTENT: Final = frozenset(
    {
        "prep",
        "conj",
        "say",
        "be",
        "negate",
        "stop",
        "pron",
        "det",
        "doubt",
        "aux",
        "aspect",
        "gov_delivered",
        "gov_pledged",
        "gov_sent",
        "recv",
    }
)
_SKIP_ADJ: Final = frozenset({"earliest", "latest", "other", "some", "several", "both"})
_SUBJECT_PRONOUNS: Final = frozenset({"it", "they", "he", "she", "we"})
_AREA_WORDS: Final = frozenset({"and", "district", "districts", "province", "region", "state"})
_LIST_WORDS: Final = frozenset({"and", "or", "including", "such as", "as well as", "along with"})
_OBJECT_DETERMINERS: Final = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_ANY: Final = frozenset({"each", "every", "any", "no"})
_JOINERS: Final = frozenset({",", "and", "along with", "as well as"})
_SUBORDINATORS: Final = frozenset({"after", "before", "since", "until", "as", "when", "once"})
_STOPS: Final = frozenset({";", "while", "but", "whereas"})
_OF_BACK: Final = 2  # chunks of "Q of" before a noun phrase
_MODIFIERS: Final = 3  # words between a party and its head noun ("EU member countries")
_NOUN_PPS: Final = 4  # prepositional phrases read after a shipment noun
_STOP_REACH: Final = 2  # chunks before a verb at which "halted", "stop" still govern it
_CHAIN: Final = frozenset({"aux", "be", "pledge", "negate", "doubt", "aspect"})
_HYPOTHESES: Final = frozenset(
    {
        "possibility",
        "possible",
        "idea",
        "ability",
        "capability",
        "capable",
        "speculation",
        "whether",
        "if",
    }
)
_OPENING_WORDS: Final = 3  # words before the subject that opens a sentence ("Under the deal,")
_LONG_TIMES: Final = frozenset({Granularity.YEAR})
_WEAK_HEADS: Final = frozenset({"products", "product"})
_STARTERS: Final = frozenset(lexicon("sentence_starters"))
_CALENDAR: Final = frozenset(
    [row[0] for row in table("time_months", 3)] + [row[0] for row in table("time_weekdays", 2)]
)
_PARTICLE_LEN: Final = 6  # characters of a verb particle an amount may have taken ("over ")
_LOOK_BACK: Final = 12  # readings a merge or an inherited recipient compares with
_RELAXED_REACH: Final = 8  # chunks a gerund after a preposition looks back for its party
_SPLIT: Final = 2  # amounts with their own items that make separate shipments
_NOUN_CUES: Final = frozenset(
    {"approval", "decision", "permission", "proposal", "deal", "contract", "accord", "agreement"}
)
_CLAUSE_BREAKS: Final = frozenset({"while", "whereas", "but", "although", "though", "because"})
_CLAUSE_ENDS: Final = _CLAUSE_BREAKS | {";"}  # what `clause_break` looks for
_FROM: Final = frozenset({"from"})
_BY: Final = frozenset({"by"})
_QUANTIFIERS: Final = frozenset(
    {"any", "some", "all", "most", "rest", "part", "one", "each", "none", "many", "much"}
)
_IRREGULAR_PARTICIPLES: Final = frozenset({"sent", "sold", "given", "passed", "handed", "shipped"})
_MIN_ED: Final = 4  # "red", "bed" are no participles
_MIN_LY: Final = 4  # "fly", "ally" are no adverbs
_COUNT_PREFIX: Final = compile_pattern(
    r"""
    ^.*?                                              # an approximator ("some", "nearly")
    (?<![\w-])(?:\d[\d,.]*+|\L<numbers>)(?![\w-])     # the first number: the count
    (?:[ ]++\L<numbers>(?![\w-]))*+                   # and its scale words ("two million")
    [ ]++
    """,
    regex.VERBOSE | regex.IGNORECASE,
    numbers=sorted(_NUMBER_WORDS),
)
"""The amount before the counted words of a count ("100 " in "100 Boeing 737 aircraft")."""


def _shipped_quantity(q: Quantity) -> tuple[Quantity | None, str | None]:
    """The amount as a shipment reports it, and the counted item of a count.

    Weights, volumes and money keep their unit; a count of goods ("100 Boeing 737
    aircraft") becomes ``units`` with the counted words as an item; a count of
    anything else (people, flights) is no shipped amount.

    Examples:
        >>> from geonews._internal.model import Span
        >>> q = Quantity(value=100.0, unit="aircraft", text="100 Boeing 737 aircraft",
        ...              span=Span(start=0, end=23))
        >>> shipped, item = _shipped_quantity(q)
        >>> shipped.unit, item
        ('units', 'Boeing 737 aircraft')
    """
    if q.unit in _MEASURE_UNITS or _is_money(q):
        return q, None
    if q.unit in _KNOWN_UNITS or not q.unit:
        return None, None
    m = _COUNT_PREFIX.match(q.text)
    item = q.text[m.end() :] if m else q.unit
    if not _is_goods_item(item):
        return None, None
    return attrs.evolve(q, unit="units"), item


_CURRENCY_LEN: Final = 3


def _is_money(q: Quantity) -> bool:
    return q.unit.isupper() and len(q.unit) == _CURRENCY_LEN


def _clean_item(text: str) -> str:
    """An item phrase without outer marks and leading determiners."""
    text = text.strip(" \"',-()")
    words = text.split()
    while words and words[0].lower() in _LEADING:
        words.pop(0)
    return " ".join(words)


_LEADING: Final = frozenset(
    w for w, role in table("shipment_cue_words", 2) if role == "det" and " " not in w
)


def _is_goods(word: str) -> bool:
    return word.lower() in _GOODS_FORMS


def _is_goods_item(text: str) -> bool:
    """Whether an item's head (its last word) names goods: "weapons", not "weapons request".

    A head that names goods only with a word of goods before it ("oil products", not
    "stock index products") needs one.
    """
    words = _ITEM_SPLIT.split(text.strip(" .,;:'\""))
    if not words or not _is_goods(words[-1]):
        return False
    return words[-1].lower() not in _WEAK_HEADS or any(_is_goods(w) for w in words[:-1])


def _key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    name = actor.name.casefold()
    return name.removeprefix("the ")


def _same(a: Actor, b: Actor) -> bool:
    return _key(a) == _key(b)


def _tokens(actor: Actor) -> set[str]:
    return set(_WORDS.findall(actor.name.casefold())) - {"the", "of", "in", "and"}


def _recipients_fit(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None or _same(a, b):
        return True
    return (
        a.kind is not ActorKind.COUNTRY
        and b.kind is not ActorKind.COUNTRY
        and bool(_tokens(a) & _tokens(b))
    )


def _amounts_fit(a: Quantity | None, b: Quantity | None) -> bool:
    if a is None or b is None or a.value is None or b.value is None:
        return True
    return a.unit == b.unit and abs(a.value - b.value) <= _TOLERANCE * abs(a.value)


_TOLERANCE: Final = 0.01
_DEAL_DIGITS: Final = 0  # amounts that differ below a unit are the same deal


def _same_amount(a: Quantity | None, b: Quantity | None) -> bool:
    return (
        a is not None
        and b is not None
        and a.value is not None
        and a.unit == (b.unit)
        and _amounts_fit(a, b)
    )


def _item_words(items: Iterable[str]) -> set[str]:
    return {w for x in items for w in _WORDS.findall(x.casefold()) if _is_goods(w)}


def _fits(a: _Found, b: _Found) -> bool:
    """Whether two readings with the same supplier are the same consignment."""
    if not _recipients_fit(a.recipient, b.recipient) or not _amounts_fit(a.quantity, b.quantity):
        return False
    if a.status == b.status and (
        (a.strong and b.strong) or (a.recipient is not None and b.recipient is not None)
    ):
        return True
    if a.strong and b.strong:
        return False
    return _same_amount(a.quantity, b.quantity) or bool(_item_words(a.items) & _item_words(b.items))


def _join(a: _Found, b: _Found) -> _Found:
    """One reading from two readings of the same consignment; the stronger leads."""
    base, other = (b, a) if b.strong and not a.strong else (a, b)
    items: list[str] = []
    seen: set[str] = set()
    for x in (*base.items, *other.items):
        if x.casefold() not in seen:
            seen.add(x.casefold())
            items.append(x)
    qty = (
        base.quantity
        if base.quantity is not None and base.quantity.value is not None
        else (other.quantity or base.quantity)
    )
    return attrs.evolve(
        base,
        recipient=base.recipient or other.recipient,
        items=tuple(items),
        quantity=qty,
        strong=base.strong or other.strong,
        time=base.time or other.time,
    )


def _inherit(found: Sequence[_Found]) -> list[_Found]:
    """Give a shipment with no recipient that of the one just before it.

    "Western allies are supplying weapons to Ukraine. The UK sent anti-tank missiles":
    a supplier added to a list keeps the recipient of the sentence before.
    """
    out: list[_Found] = []
    for f in found:
        if f.recipient is None and f.strong:
            for g in reversed(out[-_LOOK_BACK:]):
                if f.sentence - g.sentence > 1:
                    break
                if g.recipient is not None and not _same(g.recipient, f.supplier):
                    f = attrs.evolve(f, recipient=g.recipient)  # noqa: PLW2901
                    break
        out.append(f)
    return out


class _Hit(NamedTuple):
    """A shipment word found in the text: its offsets and its phrase in the table."""

    start: int
    end: int
    phrase: str


def _trigger_hits(norm: str) -> list[_Hit]:
    """Every shipment word of `norm`, as `TRIGGER_PATTERN` finds them, but faster.

    The words of the text are split and intersected with the first words of the
    phrases (C-speed string methods); only the words present are then located with
    `str.find` and checked for word boundaries and for the rest of their phrase. A
    text whose lower-casing changes its length falls back to `TRIGGER_PATTERN`.

    Examples:
        >>> [h.phrase for h in _trigger_hits("The UK sent anti-tank missiles, handed over aid.")]
        ['sent', 'handed over']
    """
    low = norm.lower()
    if len(low) != len(norm):
        return [_Hit(m.start(), m.end(), m.group().lower()) for m in TRIGGER_PATTERN.finditer(norm)]
    hits: list[_Hit] = []
    for word in _TRIGGER_FINDER.present(low):
        at = low.find(word)
        while at >= 0:
            if at == 0 or not _word_char(low[at - 1]):
                for phrase in _BY_FIRST_WORD[word]:
                    end = at + len(phrase)
                    if low.startswith(phrase, at) and (end == len(low) or not _word_char(low[end])):
                        hits.append(_Hit(at, end, phrase))
                        break
            at = low.find(word, at + 1)
    hits.sort()
    kept: list[_Hit] = []
    for hit in hits:  # "take delivery" hides the "delivery" inside it
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _mentions_goods(ctx: Context, start: int, end: int, *, giving: bool) -> bool:
    """Whether ``[start, end)`` names goods or a weight or volume: a shipment needs one.

    A cheap test run before any chunking: most sentences with "sales" or "supply" in
    economic news name neither ("sales rose 5 pct", "money supply"). With a giving word
    (`giving`: "contribute", "donate"), an amount of money counts too.
    """
    low = ctx.doc.norm[start:end].lower()
    if low.isascii():  # the runs of a-z, split from bytes (a table look-up per byte)
        if not _GOODS_ASCII.isdisjoint(low.encode("ascii").translate(_NOT_A_TO_Z).split()):
            return True
    # the words are lower-case already: `_is_goods` is membership in _GOODS_FORMS
    elif not _GOODS_FORMS.isdisjoint(WORD_PATTERN.findall(low)):
        return True
    return any(
        q.unit in _MEASURE_UNITS or (giving and _is_money(q))
        for q in ctx.quantities.within(start, end)
    )


def _reportable(f: _Found, known: frozenset[Actor]) -> bool:
    """Whether a merged reading is worth reporting.

    A shipment to nobody is reported only when it states an amount and its supplier is
    a party the article names ("Mr Gates pledged $750m of his own money"): "the team's
    supplies were delayed", "rich countries being cautious about providing more aid"
    and "it is time to go and sell coffee" report no consignment.
    """
    if f.recipient is not None:
        return True
    if not f.strong or f.quantity is None or f.quantity.value is None:
        return False
    return f.supplier.kind is ActorKind.COUNTRY or f.supplier in known


def _supplier_key(f: _Found) -> str:
    return "" if f.rule == "shipment.generic_supply" else _key(f.supplier)


def _merge(found: Iterable[_Found]) -> list[_Found]:
    """One reading per consignment.

    Readings of one supplier join the first they fit (`_fits`); broad groups ("the
    west", "Western allies") count as one supplier. Readings of different suppliers
    join when they give the same recipient, status and amount ("Pompeo's $7 billion
    sales to Saudi Arabia", "the State Department's $7 billion Saudi arms sale").
    """
    groups: list[_Found] = []
    by_supplier: dict[str, list[int]] = {}
    for f in found:
        slots = by_supplier.setdefault(_supplier_key(f), [])
        for n in slots[-_LOOK_BACK:]:
            if _fits(groups[n], f):
                groups[n] = _join(groups[n], f)
                break
        else:
            slots.append(len(groups))
            groups.append(f)
    out: list[_Found] = []
    by_deal: dict[tuple[str, str, str, float], int] = {}
    for g in groups:
        q = g.quantity
        if g.recipient is None or q is None or q.value is None:
            out.append(g)
            continue
        deal = (_key(g.recipient), g.status, q.unit, round(q.value, -_DEAL_DIGITS))
        if deal in by_deal:
            n = by_deal[deal]
            out[n] = _join(out[n], g)
        else:
            by_deal[deal] = len(out)
            out.append(g)
    return out


# --------------------------------------------------------------------------- entry point


def find_shipments(ctx: Context) -> list[Shipment]:
    """Return the shipments stated in the article, one per consignment, in text order.

    Args:
        ctx: the document, its actors and its mentions.

    Returns:
        The shipments, each with the sentence that states it as its span.

    Examples:
        >>> from geonews import parse_article
        >>> article = parse_article("The UK sent anti-tank missiles to Ukraine on Monday.",
        ...                         published="2022-01-22")
        >>> s = article.shipments[0]
        >>> s.supplier.name, s.recipient.name, s.items, s.status.value
        ('United Kingdom', 'Ukraine', ('anti-tank missiles',), 'sent')
    """
    doc = ctx.doc
    parties = _Parties(ctx)
    by_sentence: dict[int, list[_Hit]] = {}
    for hit in _trigger_hits(doc.norm):
        index = doc.sentence_index(hit[0])
        if index >= 0 and hit[1] <= doc.sentences[index].span.end:
            by_sentence.setdefault(index, []).append(hit)
    found: list[_Found] = []
    for index, hits in by_sentence.items():
        span = doc.sentences[index].span
        giving = any("money" in _ROLES.get(hit.phrase, _NONE) for hit in hits)
        if not _mentions_goods(ctx, span.start, span.end, giving=giving):
            continue  # no goods and no weight: no shipment, whatever the verbs
        reader = _Reader(parties, _chunks(parties, span.start, span.end, hits), index)
        triggers = [i for i, c in enumerate(reader.cs) if c.kind == "V"]
        frames = {i: reader.frame(i)[0] for i in triggers}
        for i in triggers:
            if frames[i] not in {"noun", "buy_noun"}:
                found.extend(reader.read(i))
        for i in triggers:
            if frames[i] in {"noun", "buy_noun"} and i not in reader.consumed:
                found.extend(reader.read(i))
    if not found:
        return []
    known = frozenset(ctx.actors)  # (hashing every actor is not free: only when needed)
    return [
        Shipment(
            supplier=f.supplier,
            recipient=f.recipient,
            items=f.items,
            quantity=f.quantity,
            status=ShipmentStatus(f.status),
            time=f.time,
            span=f.span,
            rule=f.rule,
        )
        for f in _merge(_inherit(sorted(found, key=lambda f: f.at)))
        if _reportable(f, known)
    ]
