"""Demands: who demands what of whom, one `Demand` per demanded thing.

The extractor looks for demand words (``_data/demand_triggers.tsv``: "demanded",
"called on", "urged", "wants", "ultimatum"...), modal verbs of a reported demand
("X said Y MUST withdraw", ``_data/demand_modals.txt``) and words of threat before a
condition ("sanctions ... if Tokyo did not ..."), then reads the sentence around each
one as a sequence of tokens, each tagged with its class (``_data/demand_function_words.tsv``:
determiner, preposition, auxiliary...), the actor mentions and the time expressions.

Roles come from small, general patterns (DESIGN.md, "Reading a clause without a parser"):

- the **demander** is the subject of the demand word: the noun phrase just before its
  verb group ("Russia has repeatedly demanded"), a list of named parties ("The US,
  Israel and France have all issued calls"), the antecedent of "who", or, for a
  participle or a verb after "and" ("..., urging", "met ... and pressed for"), the
  subject of the sentence; "we" and "I" inside a quotation are its speaker, found
  from the attribution before or after the quotation;
- the **addressee** is the object before "to" ("called on Nato to ..."), the party
  after "from" ("demanded autonomy from Belgrade"), or the subject of a demanded
  clause ("demanded that the US cancel ...", "said Libya must ...");
- the **content** is the demanded clause in the article's words, without its leading
  "to" or "that" and without quotation marks, up to the end of its clause (sentence
  end, semicolon, ", while", ", but", ", said X"...: ``_data/demand_clause_ends.tsv``).
  A list gives one demand per item: "that A, that B, and that C", "to A and to B",
  "to A and B" (B a verb from ``_data/demand_base_verbs.txt``), "for A and the B";
  "to promise that A and that B" demands A and B.

A party named by a noun phrase that the actor layer does not know ("Other Democrats",
"EU lawmakers", "all parties in Sierra Leone") becomes a ``group`` actor named by that
phrase, if its head is a party noun (``_data/demand_party_nouns.txt``), a proper noun or
holds a mention; a text may demand ("the resolution calls on", a document noun from
``_data/demand_document_nouns.txt``) but is never asked; the object of "urged" or
"called on" may be any noun ("urged the public to"). Closed word classes the reader
tests against (support verbs, prepositions of place...) are in
``_data/demand_word_roles.tsv``. "it", "they", "its", "their", "them" are resolved
here: to the latest party in the sentence, the subject of the sentence (possessives),
the latest speaker ("it said"), or the subject of the previous sentence.

Rules (the `rule` field):

- ``demand.verb_that``: "demanded that X ...", "insisted that ...", "proposed that ...";
- ``demand.verb_object_to``: "urged X to ...", "called on X to ...", "wants X to ...";
- ``demand.verb_for``: "called for NP", "pressed for NP", "asked for NP from X";
- ``demand.verb_object``: "demanded NP", "wants NP", "ordered NP";
- ``demand.need``: "stressed the need to ...", "stressed the need for NP";
- ``demand.noun``: "Russia's demand that ...", "Annan's call for ...", "issued calls to
  Russia to ...", "Moscow's key demand - NP";
- ``demand.reported_modal``: "X said Y must ...", "Y should ..., X said", and the same
  inside a quotation whose speaker is X;
- ``demand.time_to``: "told Netanyahu it is time to ...", "it is time for Russia to ...";
- ``demand.ultimatum``: a threat with its condition, "warned of sanctions if Tokyo did
  not allow more access": the demand is the act whose absence is threatened.

Not demands: a demand word without content ("rejecting Russia's demands"), a negated
or hypothetical one ("did not call for", "if Russia demands"), questions, wishes and
hopes (no trigger), "demand" in economics ("oil demand rose", "demand for wheat":
``_data/demand_economic_words.txt``), "so-called", "called it", "asked about", "asked
whether", "wants to" (an intention, not a demand), what a party asks for itself ("asked
for the opportunity to travel": ``_data/demand_self_request_nouns.txt``), a demand of a
party on itself ("Ms Truss said Britain must respond"), and the passive "called for by
X" / "demanded by X": it refers back to a demand rather than stating one, and the noun
phrase before it cannot be bounded without a parser.

Finding the triggers costs one ``str.find`` scan per trigger stem and a pattern match
where a stem starts a word; a cheap test on the text then skips most "if", "time",
"told" and modals before their sentence is tokenized. Each trigger is read in a bounded
window of its own sentence (and, for pronouns, of the two sentences before), and at most
``_MAX_TRIGGERS`` in one sentence, so the work is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import string
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

import regex

from geonews._internal import geo
from geonews._internal.context import Context, Mention
from geonews._internal.document import QuoteRegion
from geonews._internal.lexicons import compile_pattern, lexicon, table
from geonews._internal.model import Actor, ActorKind, Demand, Span
from geonews._internal.tokens import EM_DASH, WordFinder, split_tokens, typed_dash

# --------------------------------------------------------------------------- lexicons


def _pairs(name: str) -> dict[str, str]:
    return {row[0]: row[1] for row in table(name, 2)}


def _roles() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for word, role in table("demand_word_roles", 2):
        out.setdefault(role, set()).add(word)
    return {role: frozenset(words) for role, words in out.items()}


_TRIGGER_ROWS: Final = table("demand_triggers", 4)
_VERB_COMPLEMENTS: Final[dict[str, frozenset[str]]] = {
    row[0]: frozenset(row[2].split("|")) for row in _TRIGGER_ROWS if row[2] != "-"
}
_LEMMA: Final[dict[str, str]] = {row[0]: row[1] for row in _TRIGGER_ROWS}
_TRIGGER_WORDS: Final = frozenset(_LEMMA)
_NOUNS: Final = frozenset(row[0] for row in _TRIGGER_ROWS if row[3] == "noun")
_MODALS: Final = frozenset(lexicon("demand_modals"))
_THREATS: Final = frozenset(lexicon("demand_threat_words"))
_CLASS: Final = _pairs("demand_function_words")
_CLAUSE_ENDS: Final = _pairs("demand_clause_ends")
_REPORT: Final = frozenset(lexicon("demand_report_words"))
_SPEECH: Final = frozenset(lexicon("speech_verbs"))
_SAYING: Final = _SPEECH | _REPORT
_PARTY_NOUNS: Final = frozenset(lexicon("demand_party_nouns"))
_DOCUMENT_NOUNS: Final = frozenset(lexicon("demand_document_nouns"))
_ECONOMIC: Final = frozenset(lexicon("demand_economic_words"))
_SELF_REQUESTS: Final = frozenset(lexicon("demand_self_request_nouns"))
_PLEDGES: Final = frozenset(lexicon("demand_pledge_words"))
_BASE_VERBS: Final = frozenset(lexicon("demand_base_verbs"))
_ABBREVIATIONS: Final = frozenset(lexicon("abbreviations"))
_ROLE: Final = _roles()
_SUPPORT: Final = _ROLE["support"]  # "ISSUED calls to Russia"
_YIELD: Final = _ROLE["yield"]  # "AGREED to Moscow's demand"
_PEOPLE: Final = _ROLE["person"]  # party nouns that "it" does not stand for
_EMPTY: Final = _ROLE["empty"]  # "demanded IT": no content
_PLACE_PREPS: Final = _ROLE["place"]  # "demonstrated IN Kirkuk calling for"
_MULTITUDES: Final = _ROLE["multitude"]  # "TENS of thousands of students"
_DEGREE: Final = _ROLE["degree"]  # "were SO adamant that"
_NESTED: Final = _ROLE["nested"]  # "an assessment of WHAT it would cost"
_OPENERS: Final = _ROLE["opener"]  # "is WHY Germany ..., were adamant"
_FINITE: Final = _ROLE["finite"]  # "pleas for help ARE one step closer"
_KEEP: Final = _ROLE["keep"]  # "ALL parties in Sierra Leone"
_QUESTIONS: Final = _ROLE["question"]  # "asked HOW", "called for BY"
_SELF: Final = _ROLE["self"]  # "WE must", "THERE should be"
_OWN: Final = _ROLE["own"]  # "OUR allies must"
_CONDITIONS: Final = _ROLE["condition"]  # "IF Russia demands"
_NOUN_ENDINGS: Final = ("ion", "ment", "ness", "ity", "ies", "ers", "ance", "ence")
_DEMANDER: Final = "demander"  # roles of a party named by a phrase
_ADDRESSEE: Final = "addressee"
_OBJECT: Final = "object"
_OBJECT_VERBS: Final = _ROLE["object"]  # "urged THE PUBLIC to": any noun is the addressee
_MEETING: Final = _ROLE["meeting"]  # "MET secretly with the Houthis and pressed for"
_TIME: Final = "time"  # "it is TIME for Russia to withdraw"
_PRONOUNS: Final = _ROLE["pronoun"] | _OWN | {"i", "he", "she", "him", "her", "his"}
_SUBJECT_PRONOUNS: Final = frozenset({"i", "we", "you", "he", "she", "they"})
_IF: Final = "if"  # "sanctions ... IF Tokyo did not allow ..."
_TRIGGERS: Final = frozenset({*_LEMMA, *_MODALS, _TIME, _IF})


def _stems(words: Iterable[str], size: int = 5) -> tuple[str, ...]:
    """Prefixes that every trigger starts with, none the prefix of another (for str.find)."""
    stems = {w[:size] for w in words}
    return tuple(sorted(s for s in stems if not any(o != s and s.startswith(o) for o in stems)))


_STEMS: Final = _stems(_TRIGGERS)
# For ASCII text: the triggers' first words, found as runs of [a-z0-9_-]
_FIRST_WORDS: Final = WordFinder({w.split(" ")[0] for w in _TRIGGERS}, joiners="_-")
THREAT_PATTERN: Final = compile_pattern(
    r"(?<![\w'-])\L<threats>  # sanctions, warned, ultimatum (in lower-cased text)",
    regex.VERBOSE,
    threats=_THREATS,
)
"""A word of threat, which makes a following "if X does not ..." an ultimatum."""
REPORT_PATTERN: Final = compile_pattern(
    r"""
    (?<![\w'-])\L<report>(?![\w-])  # said, told, warned, insisted (in lower-cased text)
    | "                              # or a quotation mark
    """,
    regex.VERBOSE,
    report=_REPORT | _SPEECH,
)
"""A word that reports what a party says, or a quotation mark: the context of a modal."""
_LOOK_CHARS: Final = 160  # characters a pre-check looks at around a trigger
_TIME_BEFORE: Final = regex.compile(
    r"""
    (?<![\w'])it(?:'s|[ ]is|[ ]was)[ ]     # "it is", "it's", "it was"
    (?:high[ ]|now[ ]|about[ ])?+$          # "it is high time"
    """,
    regex.VERBOSE,
)
_ASCII_LOWER: Final = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

TRIGGER_PATTERN: Final = compile_pattern(
    r"""
    (?<![\w'-])                 # not inside a word ("so-called" is no trigger)
    \L<words>                   # a demand word, a modal, a threat word; longest wins
    (?![\w-])
    """,
    regex.VERBOSE | regex.IGNORECASE,
    words=sorted(_TRIGGERS),
)
"""A word that may state a demand: "demanded", "calls", "must", "ultimatum", and the "if"
that may follow a threat ("sanctions ... if Tokyo did not ...")."""

TOKEN_PATTERN: Final = regex.compile(
    r"""
      (?:\p{Lu}\.){2,}+                          # an initialism with periods: U.S., U.N.
    | \w++(?:-\w++)*+(?:'(?![sS](?!\w))\w++)*+   # a word, with inner hyphens and "n't"
    | '[sS](?!\w)                                # a possessive ending (or "it's")
    | --                                         # a dash typed as two hyphens
    | [^\w\s]                                    # one punctuation mark
    """,
    regex.VERBOSE,
)
"""The tokens of a sentence."""

_QUOTE_CHARS: Final = regex.compile(r"[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]|``|''")
_SPACES: Final = regex.compile(r"\s++")
_EDGE: Final = " ,;:.-'\"()[]"

_MAX_OBJECT: Final = 24  # tokens between a verb and the "to" of its object's verb phrase
_MAX_NP: Final = 7  # tokens in a noun phrase
_MAX_CONTENT: Final = 90  # tokens in one demanded clause
_MAX_NAME: Final = 9  # words in the name of a group actor
_MAX_LIST: Final = 6  # parties in a list of demanders
_MAX_ADJECTIVES: Final = 4  # words between a support verb and its demand noun
_MAX_PREFIX: Final = 3  # modifiers before "of" in "The Albanians of southern Serbia"
_WINDOW: Final = 60  # tokens searched back for a pronoun's party or a clause opener
_FRONT: Final = 20  # tokens searched for the comma after a fronted phrase
_CONDITION_REACH: Final = 30  # tokens from a threat word to its "if"
_PRONOUN_REACH: Final = 2  # sentences back that "it" or "they" may reach
_MAX_TRIGGERS: Final = 40  # triggers read in one sentence


class _Tok(NamedTuple):
    start: int
    end: int
    low: str
    cls: str  # a class of _CLASS; "w" another word, "p" punctuation, "q" a quotation mark,
    # "pos" a possessive ending
    cap: bool  # starts with a capital letter


_QUOTE_TOKENS: Final = frozenset({'"', "'", "``", "''"})


def _tokens(norm: str, start: int, end: int) -> list[_Tok]:
    """The tokens of ``norm[start:end]`` with their classes and offsets into `norm`."""
    out: list[_Tok] = []
    append = out.append
    previous = ""
    for at, pos, word in split_tokens(TOKEN_PATTERN, norm, start, end):
        low = word.lower()
        if low == EM_DASH:
            low = typed_dash(norm, at, pos)
        if low == "'s":
            cls = "aux" if previous == "pron" else "pos"  # "it's", "Russia's"
        else:
            known = _CLASS.get(low)
            if known is not None:
                cls = known
            elif word[0].isalnum():
                cls = "w"
            else:
                cls = "q" if word in _QUOTE_TOKENS else "p"
        # `_Tok(...)` without the keyword handling of a NamedTuple's constructor
        append(_new_tuple(_Tok, (at, pos, low, cls, word[0].isupper())))
        previous = cls
    return out


_new_tuple: Final = tuple.__new__


class _Sent:
    """One sentence as tokens, with its mentions, times and capitals by token."""

    def __init__(self, ctx: Context, index: int) -> None:
        span = ctx.doc.sentences[index].span
        norm = ctx.doc.norm
        self.index = index
        self.start = span.start
        self.end = span.end
        self.toks = _tokens(norm, span.start, span.end)
        self.starts = [t.start for t in self.toks]
        ends = [t.end for t in self.toks]
        self.mentions = ctx.mentions.within(span.start, span.end)
        self.by_start: dict[int, Mention] = {}
        self.by_end: dict[int, Mention] = {}
        for mention in self.mentions:
            span_of = mention.span
            i = bisect.bisect_left(self.starts, span_of.start)
            j = bisect.bisect_left(ends, span_of.end)
            if i >= len(self.toks) or j >= len(self.toks):
                continue
            if self.toks[i].start != span_of.start or self.toks[j].end != span_of.end:
                continue
            if i not in self.by_start or span_of.end > self.by_start[i].span.end:
                self.by_start[i] = mention
            if j not in self.by_end or span_of.start < self.by_end[j].span.start:
                self.by_end[j] = mention
        self.timed: set[int] = set()
        for t in ctx.times.within(span.start, span.end):
            lo = bisect.bisect_left(self.starts, t.span.start)
            hi = bisect.bisect_left(self.starts, t.span.end)
            self.timed.update(range(lo, hi))
        # capitals named as places ("a signal to Belgrade"): (offset, country)
        self.capitals = [
            (p.span.start, country)
            for p in ctx.places.within(span.start, span.end)
            if (country := geo.country_of_capital(p.name)) is not None
        ]
        self.question = norm[span.start : span.end].rstrip(" \"')").endswith("?")

    def at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)

    def after(self, m: Mention) -> int:
        """Index of the token just after mention `m`."""
        return bisect.bisect_left(self.starts, m.span.end)

    def low(self, i: int) -> str:
        """The lower-case token at `i`, or "" outside the sentence."""
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def cls(self, i: int) -> str:
        """The class of the token at `i`, or "" outside the sentence."""
        return self.toks[i].cls if 0 <= i < len(self.toks) else ""

    def verb_in(self, i: int, words: frozenset[str]) -> bool:
        """Whether the token at `i` is one of `words` in lower case ("said", not "States")."""
        return 0 <= i < len(self.toks) and not self.toks[i].cap and self.toks[i].low in words

    def adverbial(self, i: int) -> bool:
        """Whether the token at `i` is an adverb or part of a time expression."""
        t = self.toks[i]
        return (
            t.cls == "adv"
            or i in self.timed
            or t.low in _DEGREE
            or (t.low.endswith("ly") and not t.cap and i not in self.by_end)
        )


class _Read(NamedTuple):
    """What a complement reader needs from its demand word."""

    s: _Sent
    demanders: list[Actor]
    limit: int  # the offset a clause cannot pass (the end of its quotation), or -1
    relative: bool  # the demand word sits in a ", who ..." clause, which ends at a comma
    role: str = _ADDRESSEE  # the role of its object ("urged THE PUBLIC to": _OBJECT)


def _content(text: str, start: int, end: int) -> str:
    """The words of ``text[start:end]`` without quotation marks or a leading "to"/"that"."""
    raw = _SPACES.sub(" ", _QUOTE_CHARS.sub("", text[start:end])).strip(_EDGE)
    for lead in ("that ", "to "):
        if raw.lower().startswith(lead):
            raw = raw[len(lead) :]
    if raw.count("(") != raw.count(")"):
        raw = raw.rstrip("(")
    return raw.strip(_EDGE)


def _demonym_adjective(word: str) -> bool:
    """Whether `word` is a national adjective ("Israeli"), not a plural noun ("Serbs")."""
    word = word.removeprefix("the ").removeprefix("The ")
    return geo.country_of_demonym(word) is not None and (
        not word.endswith("s") or word.endswith("ss")
    )


def _control_verb(word: str) -> bool:
    """Whether `word` can be a verb taking "to" and a verb: "continued", "wants", "plans"."""
    if word.endswith(("ed", "ing")) or word in _BASE_VERBS:
        return True
    return word.endswith("s") and (word[:-1] in _BASE_VERBS or word[:-2] in _BASE_VERBS)


def _same_party(a: Actor, b: Actor) -> bool:
    """Whether a demand of `a` on `b` is one on itself ("Ms Truss said Britain must")."""
    return a.name == b.name or (a.country is not None and b.name == a.country)


def _excluded(actor: Actor, exclude: Sequence[Actor]) -> bool:
    return any(actor.name == e.name for e in exclude)


class _Reader:
    """Reads each trigger of one article and collects the demands found."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text = ctx.doc.text
        self.norm = ctx.doc.norm
        self.lower = self.norm.translate(_ASCII_LOWER)  # same length as the text
        self.sents: dict[int, _Sent] = {}
        self.out: list[Demand] = []
        self.seen: set[tuple[str, str, str]] = set()
        self.last_addressee: dict[int, Actor] = {}  # sentence index -> latest addressee
        self.taken: dict[int, list[tuple[int, int]]] = {}  # sentence -> content token ranges
        self.made: dict[str, Actor] = {}  # group actors by name
        self.read_in: dict[int, int] = {}  # sentence index -> triggers read there
        self.quotes = [q for q in ctx.doc.quotes if q.depth == 0]
        self.quote_starts = [q.inner.start for q in self.quotes]

    # ------------------------------------------------------------------ basics

    def sent(self, index: int) -> _Sent:
        if index not in self.sents:
            self.sents[index] = _Sent(self.ctx, index)
        return self.sents[index]

    def quote_at(self, offset: int) -> QuoteRegion | None:
        """The outermost quotation whose words hold `offset` (a bisection, not a scan)."""
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].inner.start <= offset < self.quotes[i].inner.end:
            return self.quotes[i]
        return None

    def in_quote(self, s: _Sent, i: int) -> QuoteRegion | None:
        return self.quote_at(s.toks[i].start) if 0 <= i < len(s.toks) else None

    def spaced(self, s: _Sent, k: int) -> bool:
        """Whether the token at `k` (a dash) has a space on each side."""
        t = s.toks[k]
        return (
            t.start > 0
            and t.end < len(self.norm)
            and self.norm[t.start - 1] == " "
            and self.norm[t.end] == " "
        )

    def country_actor(self, country: str) -> Actor:
        for actor in self.ctx.actors:
            if actor.name == country:
                return actor
        return Actor(name=country, kind=ActorKind.COUNTRY, country=country)

    # ------------------------------------------------------------------ parties

    def group(self, s: _Sent, lo: int, hi: int, role: str = _DEMANDER) -> Actor | None:
        """A group actor named by tokens ``lo..hi`` (inclusive), if they name a party.

        The head noun must be a party noun, a proper noun or hold a mention; a text
        ("the resolution calls on") may make a demand but not receive one; the object
        of "urged", "called on" may be any noun ("urged the public to").
        """
        while lo <= hi and s.cls(lo) in ("det", "q", "p") and s.low(lo) not in _KEEP:
            lo += 1
        while hi >= lo and s.cls(hi) in ("p", "q"):
            hi -= 1
        if hi < lo or hi - lo >= _MAX_NAME:
            return None
        # the head noun stands before the first preposition: "COUNTRIES with high surpluses"
        h = next((i - 1 for i in range(lo + 1, hi + 1) if s.cls(i) == "prep"), hi)
        head = s.toks[h]
        mentions = [s.by_start[i] for i in range(lo, h + 1) if i in s.by_start]
        if (head.cls != "w" and h not in s.by_end) or any(c.isdigit() for c in head.low):
            return None
        proper = head.cap and (  # a capital that only opens the sentence marks no name:
            h > 0  # "Consumers can order", "Graphics ... encourage you", "Simultaneously"
            or _demonym_adjective(head.low.title())
            or not head.low.endswith(("s", "ly", "ing"))
        )
        if not (
            head.low in _PARTY_NOUNS
            or proper  # "Houthis", but not a capital only because it opens the sentence
            or mentions
            or (role == _DEMANDER and head.low in _DOCUMENT_NOUNS)
            or (role == _OBJECT and head.cls == "w" and not s.verb_in(h, _BASE_VERBS))
        ):
            return None
        end = s.toks[hi].end
        name = _SPACES.sub(" ", _QUOTE_CHARS.sub("", self.text[s.toks[lo].start : end]))
        name = name.replace(" 's", "'s").strip(_EDGE)
        if not any(ch.isalpha() for ch in name):
            return None
        if lo == hi and (country := geo.country_named(name) or geo.country_of_capital(name)):
            return self.country_actor(country)
        if name in self.made:
            return self.made[name]
        country = None
        for m in mentions:
            actor = self.ctx.actor_of(m)
            country = actor.country or (actor.name if actor.kind is ActorKind.COUNTRY else None)
            if country:
                break
        for i in range(lo, h + 1):
            if country is None and s.toks[i].cap:
                country = geo.country_of_demonym(self.text[s.toks[i].start : s.toks[i].end])
        actor = Actor(
            name=name,
            kind=ActorKind.GROUP,
            country=country,
            mentions=(Span(start=s.toks[lo].start, end=end),),
        )
        self.made[name] = actor
        return actor

    def np_back(self, s: _Sent, k: int) -> tuple[int, int] | None:
        """The noun phrase ending at token `k`, read backwards, as a token range."""
        if k < 0 or k >= len(s.toks):
            return None
        if k in s.by_end:
            i = s.at(s.by_end[k].span.start)
            while i > 0 and s.cls(i - 1) == "w" and s.toks[i - 1].cap and k - i < _MAX_NP:
                i -= 1  # a name that the mention ends: "Latin America"
            while s.cls(i - 1) == "det":
                i -= 1
            j = i - 1  # "The Albanians OF southern Serbia": the head stands before "of"
            while j > 0 and s.cls(j) == "w" and not s.toks[j].cap and i - j < _MAX_PREFIX:
                j -= 1
            if s.low(j) in ("of", "in", "to", "for") and j > 0:
                before = s.toks[j - 1]
                if (j - 1) in s.by_end:
                    i = s.at(s.by_end[j - 1].span.start)
                elif before.cls == "w" and (before.cap or before.low in _PARTY_NOUNS):
                    head = self.np_back(s, j - 1)  # "Pakistan's High Commissioner TO Britain"
                    i = i if head is None else head[0]
                while s.cls(i - 1) == "det":
                    i -= 1
            return i, k
        t = s.toks[k]
        if t.cls == "pron":
            return None if t.low in ("who", "which", "whom") else (k, k)
        if t.cls != "w":
            return None
        i = k
        while i > 0 and k - i < _MAX_NP:
            prev = s.toks[i - 1]
            if prev.cls == "det":
                i -= 1
                break
            word = prev.cls == "w" and not s.verb_in(i - 1, _SAYING | _TRIGGER_WORDS)
            if (
                prev.cls == "pos"
                or prev.low == "'"
                or (i - 1) in s.by_end
                or word
                or (prev.low == "-" and s.cls(i - 2) == "w")
            ):
                i -= 1
            else:
                break
        for j in range(i, k + 1):  # a mention inside the phrase takes its own start
            if j in s.by_end:
                i = min(i, s.at(s.by_end[j].span.start))
        return i, k

    def party_of(
        self,
        s: _Sent,
        lo: int,
        hi: int,
        *,
        exclude: Sequence[Actor] = (),
        role: str = _DEMANDER,
    ) -> Actor | None:
        """The party named by tokens ``lo..hi``: a mention, a pronoun, or a group."""
        while lo <= hi and s.cls(lo) in ("q", "p"):
            lo += 1
        while hi >= lo and s.cls(hi) in ("q", "p"):
            hi -= 1
        if hi < lo:
            return None
        if s.cls(lo) == "pron" and (lo == hi or s.low(lo) in ("it", "they", "them")):
            return self.pronoun(s, lo, exclude=exclude)
        head_hi = hi  # the head phrase ends at a comma, a spaced dash or a parenthesis
        for i in range(lo + 1, hi + 1):
            if s.low(i) in (",", "--", "(", ";") or (s.low(i) == "-" and self.spaced(s, i)):
                head_hi = i - 1
                break
        i = lo
        while i <= head_hi and s.cls(i) == "det" and i not in s.by_start:
            i += 1
        # a mention ending the phrase: "Nato", "Trump ally Sen. Chuck Grassley"
        m = s.by_end.get(head_hi)
        first = -1 if m is None else s.at(m.span.start)
        if (
            m is not None
            and not (m.form == "demonym" and first > i)  # "Ethnic Albanians": not Albania
            and all(s.cls(b) not in ("pos", "prep") and s.low(b) != "'" for b in range(i, first))
        ):
            return self.ctx.actor_of(m)
        # a mention first in a list: "the US and the EU", "Australia, New Zealand and Canada"
        m = s.by_start.get(i)
        if m is not None:
            j = s.after(m)
            if j > head_hi or s.low(j) in ("and", "or", ",", "/", "--", "-", "("):
                return self.ctx.actor_of(m)
        return self.group(s, lo, head_hi, role)

    # ------------------------------------------------------------------ pronouns

    def pronoun(self, s: _Sent, i: int, *, exclude: Sequence[Actor] = ()) -> Actor | None:
        """Resolve "it", "they", "them", "its", "their", "him", "her", "we" at token `i`.

        "he" and "she" are the actor layer's: they resolve only through its mentions.
        """
        if i in s.by_start and s.by_start[i].form == "pronoun":
            return self.ctx.actor_of(s.by_start[i])
        word = s.low(i)
        if word not in _PRONOUNS:
            return None  # "you", "me", "one": nobody named
        region = self.in_quote(s, i)
        if word in _OWN or word == "i":
            return None if region is None else self.quote_speaker(region)
        if word in ("he", "she"):
            return None
        if word in ("him", "her", "his"):
            return self.latest(s, i, person=True, exclude=exclude)
        if word == "them" and s.index in self.last_addressee:
            last = self.last_addressee[s.index]
            return None if _excluded(last, exclude) else last
        if (
            word in ("it", "they")
            and region is None
            and s.verb_in(self.past_adverbs(s, i), _SPEECH)
        ):
            return self.latest_speaker(s)
        found = self.latest(s, i, person=False, exclude=exclude)
        if found is not None or region is not None:
            return found  # inside a quotation, "it" reaches no further than its sentence
        if word in ("its", "their"):
            subject = self.sentence_subject(s, i)
            if subject is not None and subject.kind is not ActorKind.PERSON:
                return subject
        for back in range(1, _PRONOUN_REACH + 1):
            if s.index - back < 0:
                break
            t = self.sent(s.index - back)
            subject = self.sentence_subject(t, None)
            if (
                subject is not None
                and subject.kind is not ActorKind.PERSON
                and not _excluded(subject, exclude)
            ):
                return subject
            found = self.latest_party(t, exclude)
            if found is not None:
                return found
        return None

    def past_adverbs(self, s: _Sent, i: int) -> int:
        j = i + 1
        while s.cls(j) == "adv":
            j += 1
        return j

    def latest(self, s: _Sent, i: int, *, person: bool, exclude: Sequence[Actor]) -> Actor | None:
        """The latest party before token `i` in this sentence, a person or not."""
        for k in range(i - 1, max(i - _WINDOW, 0) - 1, -1):
            m = s.by_end.get(k)
            if m is None or m.form == "pronoun":
                continue
            actor = self.ctx.actor_of(m)
            if (actor.kind is ActorKind.PERSON) != person or _excluded(actor, exclude):
                continue
            if not person and s.cls(s.at(m.span.start) - 1) == "prep":
                continue  # "from the committee", "in Gaza": not the party meant
            return actor
        if person:
            return None
        for k in range(i - 1, max(i - _WINDOW, 0), -1):  # "a signal to the Assad regime"
            if s.low(k) in _PARTY_NOUNS and s.low(k) not in _PEOPLE and s.cls(k + 1) != "w":
                np = self.np_back(s, k)
                if np is not None and s.cls(np[0]) == "det":
                    found = self.group(s, np[0], k, _ADDRESSEE)
                    if found is not None and not _excluded(found, exclude):
                        return found
        return None

    def latest_party(self, s: _Sent, exclude: Sequence[Actor]) -> Actor | None:
        """The last country or organization a sentence names, capitals as places included."""
        best: tuple[int, Actor] | None = None
        for m in s.mentions[-_WINDOW:]:
            actor = self.ctx.actor_of(m)
            if (
                actor.kind is not ActorKind.PERSON
                and m.form != "pronoun"
                and not _excluded(actor, exclude)
            ):
                best = (m.span.start, actor)
        for start, country in s.capitals[-_WINDOW:]:
            if (best is None or start > best[0]) and all(country != e.name for e in exclude):
                best = (start, self.country_actor(country))
        return None if best is None else best[1]

    def latest_speaker(self, s: _Sent) -> Actor | None:
        """The latest non-person subject of a speech verb in this or the sentences before."""
        for back in range(_PRONOUN_REACH + 2):
            if s.index - back < 0:
                break
            t = self.sent(s.index - back)
            for k in range(len(t.toks) - 1, max(len(t.toks) - _WINDOW, 0) - 1, -1):
                if not t.verb_in(k, _SPEECH):
                    continue
                for m in (t.by_end.get(k - 1), t.by_start.get(k + 1)):
                    if m is not None and m.form != "pronoun":
                        named = self.ctx.actor_of(m)
                        if named.kind is not ActorKind.PERSON:
                            return named
                np = self.np_back(t, k - 1)
                if np is not None and t.cls(np[0]) != "pron":
                    party = self.party_of(t, np[0], np[1])
                    if party is not None and party.kind is not ActorKind.PERSON:
                        return party
        return None

    # ------------------------------------------------------------------ subjects

    def sentence_subject(self, s: _Sent, before: int | None) -> Actor | None:
        """The subject of the sentence: its first noun phrase after any fronted phrase."""
        toks = s.toks
        n = len(toks) if before is None else min(before, len(toks))
        if n == 0:
            return None
        i = 0
        region = self.quote_at(toks[0].start + 1)
        if region is not None and region.span.start <= toks[0].start:
            i = s.at(region.span.end)  # '"...," the analysts said': after the quotation
        elif (
            (
                toks[0].cls in ("prep", "conj", "adv")
                or 0 in s.timed
                or toks[0].low.endswith("ing")  # "Chanting slogans, the students ..."
            )
            and not (
                n > 1 and toks[1].low[:1].isdigit()  # "About 200 supporters ..." is the subject
            )
        ):
            # "In a letter to Trump, she ...", "Last week, Biden ...", "For months Syria's rebels"
            comma = next((k for k in range(min(n, _FRONT)) if toks[k].low == ","), -1)
            if comma >= 0:
                i = comma + 1
            elif toks[0].cls != "prep":
                i = 1  # "But Aid charity Actionaid criticised ..."
            else:  # "For many months Syria's rebels have begged ..."
                i = next((k for k in range(1, min(n, _MAX_NP + 2)) if k in s.by_start), 1)
        while i < n and toks[i].cls in ("q", "p"):
            i += 1
        return self.subject_at(s, i, n) if i < n else None

    def subject_at(self, s: _Sent, i: int, n: int, role: str = _DEMANDER) -> Actor | None:
        """The noun phrase that starts at token `i` (before token `n`), as a party."""
        if s.cls(i) == "pron" and i not in s.by_start:
            return self.pronoun(s, i) if s.low(i) in ("it", "they") else None
        while s.low(i) in _MULTITUDES and s.low(i + 1) == "of" and i + 2 < n:
            i += 2  # "Tens of thousands of students": the students
        last = -1  # read forward; stop at the last word that can end a party's name
        k = i
        while k < n and k - i <= _MAX_NP:
            t = s.toks[k]
            if k in s.by_start:
                k = s.after(s.by_start[k])
                last = k - 1
                continue
            if t.cls == "pos" or t.low in ("'", "-") or (t.cls == "det" and last < i):
                k += 1
                continue
            if t.cls != "w" or s.verb_in(k, _SAYING | _TRIGGER_WORDS):
                break
            if k > i and (
                (last >= i and (t.low.endswith("ed") or k in s.timed))
                or (s.verb_in(k, _BASE_VERBS) and s.cls(k + 1) in ("det", "pron"))
            ):
                break  # a verb after the name: "EU lawmakers finished their letter"
            if t.low in _PARTY_NOUNS or t.low in _DOCUMENT_NOUNS or t.cap:
                last = k
            k += 1
        if last < i:
            return None
        # an appositive name: "Lebanon's president, Michel Suleiman, ..."
        m = s.by_start.get(last + 2) if s.low(last + 1) == "," else None
        if m is not None and s.low(s.after(m)) == ",":
            actor = self.ctx.actor_of(m)
            if actor.kind is ActorKind.PERSON:
                return actor
        return self.party_of(s, i, last, role=role)

    def subject(self, s: _Sent, ti: int) -> tuple[list[Actor], bool, bool]:
        """The demander(s) of the verb at `ti`; whether it is negated; whether relative."""
        negated = False
        participle = s.low(ti).endswith("ing")
        aux = False
        k = ti - 1
        while k >= 0:  # back over the verb group: "has also repeatedly", "refused to"
            t = s.toks[k]
            if t.cls == "neg" or t.low.endswith("n't") or t.low == "no":
                negated = True
            elif t.cls == "aux":
                aux = True
            elif s.adverbial(k):
                pass
            elif t.low == "to" and (s.cls(k - 1) in ("neg", "aux") or _control_verb(s.low(k - 1))):
                negated = negated or s.cls(k - 1) == "neg"  # "continued to", "refused to"
                aux = True
                k -= 2
                continue
            elif (
                k == ti - 1
                and participle
                and t.low.endswith("ing")
                and t.cls == "w"
                and s.cls(k - 1) == "aux"
            ):
                aux = True  # "is considering urging Bush to"
            elif t.low == "," and s.cls(k - 1) == "adv" and s.low(k - 2) == ",":
                k -= 3  # ", meanwhile,"
                continue
            else:
                break
            k -= 1
        if k < 0:
            return [], negated, False
        low = s.low(k)
        if low in ("who", "which", "that") and s.low(k - 1) == ",":
            # "Grassley, R-Iowa, who has pushed for": the nearest named party before
            for j in range(k - 2, max(k - _MAX_NP - 1, -1), -1):
                if j in s.by_end:
                    return [self.ctx.actor_of(s.by_end[j])], negated, True
            np = self.np_back(s, k - 2)
            actor = None if np is None else self.party_of(s, np[0], np[1])
            return ([actor] if actor else []), negated, True
        if participle and not aux:
            return self.participle_subject(s, k), negated, False
        if low == ",":  # an appositive closes: the subject opens the clause
            opener = next((o for o in range(k - 1, max(k - _WINDOW, -1), -1)
                           if s.low(o) in _OPENERS), -1)  # fmt: skip
            if 0 <= opener < k - 1:
                subject = self.subject_at(s, opener + 1, k)
                return ([subject] if subject else []), negated, False
        if low in ("and", "but", ",", "to"):  # "to": "staged protests to demand ..."
            subject = self.sentence_subject(s, k)
            return ([subject] if subject else []), negated, False
        np = self.np_back(s, k)
        if np is None:
            return [], negated, False
        negated = negated or s.low(np[0] - 1) in _CONDITIONS  # "if Russia demands ..."
        actor = self.party_of(s, np[0], np[1])
        if actor is None:
            return [], negated, False
        return self.subject_list(s, np[0], actor), negated, False

    def participle_subject(self, s: _Sent, k: int) -> list[Actor]:
        """Who does "calling", "urging": the party just before, or the sentence's subject."""
        m = s.by_end.get(k)
        if m is not None and m.form != "pronoun":
            if s.low(s.at(m.span.start) - 1) not in _PLACE_PREPS:
                return [self.ctx.actor_of(m)]  # "a plan by Bob Hawke calling for"
        elif s.cls(k) == "w":
            np = self.np_back(s, k)  # "relief organizations appealing for"
            if (
                np is not None
                and s.low(np[1]) not in _DOCUMENT_NOUNS  # "a statement calling on"
                and s.low(np[0] - 1) not in _PLACE_PREPS  # "in the city of Kirkuk calling for"
            ):
                actor = self.party_of(s, np[0], np[1])
                if actor is not None:
                    return [actor]
        subject = self.sentence_subject(s, k)
        return [subject] if subject else []

    def subject_list(self, s: _Sent, i: int, actor: Actor) -> list[Actor]:
        """A list of named parties ending at token `i`: "The US, Israel, and France"."""
        actors = [actor]
        while len(actors) < _MAX_LIST:
            j = i - 1
            if s.low(j) == "and":
                j -= 1
            elif len(actors) == 1:
                break  # a list ends with "and": "Kosovo, the ICG said" is none
            if s.low(j) == ",":
                j -= 1
            m = s.by_end.get(j)
            if j == i - 1 or m is None or m.form == "pronoun":
                break
            actors.insert(0, self.ctx.actor_of(m))
            i = s.at(m.span.start)
            while s.cls(i - 1) == "det":
                i -= 1
        return actors

    def pronoun_subject(self, s: _Sent, ti: int) -> bool:
        """Whether the verb at `ti` has "it", "they", "he" or "she" for its subject."""
        k = ti - 1
        while k >= 0 and (s.cls(k) in ("aux", "neg") or s.adverbial(k)):
            k -= 1
        return s.cls(k) == "pron" and s.low(k) not in ("we", "i", "who", "which")

    def named(self, s: _Sent, ti: int) -> bool:
        """Whether the subject of the verb at `ti` is a mention of the actor layer."""
        k = ti - 1
        while k >= 0 and (s.cls(k) == "aux" or s.adverbial(k)):
            k -= 1
        return k in s.by_end

    # ------------------------------------------------------------------ quotations

    def quote_speaker(self, region: QuoteRegion) -> Actor | None:
        """The speaker of a quotation, from its attribution after or before it."""
        doc = self.ctx.doc
        index = doc.sentence_index(max(region.span.end - 1, 0))
        s = self.sent(index)
        k = s.at(region.span.end)
        if k >= len(s.toks) and index + 1 < len(doc.sentences):
            s = self.sent(index + 1)
            k = 0
        while s.low(k) in (",", "-", "--"):
            k += 1
        found = self.attribution(s, k)
        if found is not False:
            return found if isinstance(found, Actor) else None
        s = self.sent(doc.sentence_index(region.span.start))  # "X said: ..." before it
        k = s.at(region.span.start) - 1
        while s.low(k) in (":", ",", "that"):
            k -= 1
        if s.verb_in(k, _SAYING):
            subjects, _negated, _relative = self.subject(s, k)
            if subjects:
                return subjects[0]
        return None

    def attribution(self, s: _Sent, j: int) -> Actor | bool | None:
        """An attribution at token `j`: "X said" or "said X", closing the sentence.

        Returns its party (None when unresolved), or False when no attribution is there.
        """
        n = len(s.toks)
        if s.verb_in(j, _SPEECH):
            hi = j + 1
            while hi < n and s.cls(hi) in ("w", "det") and hi - j <= _MAX_NP:
                hi += 1
            return False if hi == j + 1 else self.party_of(s, j + 1, hi - 1)
        k = j
        while k < n and k - j <= _MAX_NP + 2 and not s.verb_in(k, _SPEECH):
            if s.cls(k) in ("p", "q", "conj") and s.low(k) not in ("-", ".", "and"):
                return False  # ("medics and witnesses said" is one)
            if s.cls(k) == "prep" and (k == j or s.low(k) not in ("for", "of", "at", "in")):
                return False  # "a spokesman FOR the paper said" is one
            k += 1
        if k >= n or k == j or not s.verb_in(k, _SPEECH):
            return False
        subjects, _negated, _relative = self.subject(s, k)
        return subjects[0] if subjects else None

    # ------------------------------------------------------------------ clauses

    def clause_end(
        self, s: _Sent, i: int, *, limit: int = -1, relative: bool = False, noun: bool = False
    ) -> tuple[int, Actor | None]:
        """Where the clause starting at token `i` ends, and a trailing attribution's party.

        `limit` is an offset the clause cannot pass (the end of the quotation holding the
        demand word); in a `relative` clause the next comma ends it; a `noun` phrase ends
        before a finite verb.
        """
        toks = s.toks
        n = min(len(toks), i + _MAX_CONTENT)
        dashes = [k for k in range(i, n) if toks[k].low in ("-", "--") and self.spaced(s, k)]
        nested = document = False
        k = i
        while k < n:
            t = toks[k]
            if (limit >= 0 and t.start >= limit) or (t.low in (";", ":", "?", "!") and k > i):
                return k, None
            if (
                t.low == "."
                and (k + 1 == len(toks) or toks[k + 1].cap or toks[k + 1].cls == "q")
                and s.low(k - 1) not in _ABBREVIATIONS
            ):
                return k, None
            nested = nested or t.low in _NESTED or (t.low == "to" and self.vp_start(s, k + 1) >= 0)
            if noun and not nested and k > i and t.low in _FINITE:
                return k, None
            document = document or (noun and t.low in _DOCUMENT_NOUNS)
            if k > i and k in dashes:
                later = [d for d in dashes if d > k]  # a parenthesis between dashes stays
                if not later:
                    return k, None
                k = later[0] + 1
                continue
            if t.low == "," and k > i:
                end = self.comma_ends(s, k, relative=relative, document=document)
                if end is not False:
                    return k, end if isinstance(end, Actor) else None
            if k > i and (
                _CLAUSE_ENDS.get(t.low) == "any"
                or (t.low == "but" and (s.cls(k + 1) == "pron" or s.low(k + 1).endswith("ed")))
                or (t.low == "and" and self.next_demand(s, k + 1))  # "... and Israeli calls for"
            ):
                return k - 1 if s.low(k - 1) == "," else k, None
            if (
                k > i
                and not document
                and t.low.endswith("ing")
                and s.verb_in(k, _TRIGGER_WORDS)
                and s.low(k - 1) not in _DOCUMENT_NOUNS
                and s.cls(k - 1) != "det"
            ):
                return k, None  # "... with key powers PRESSING for": a demand of its own
            k += 1
        return k, None

    def next_demand(self, s: _Sent, k: int) -> bool:
        """Whether a demand word follows at `k` (after at most one modifier): "and wants"."""
        if s.verb_in(k, _TRIGGER_WORDS):
            return True
        return k + 1 < len(s.toks) and s.toks[k].cap and s.low(k + 1) in _NOUNS

    def comma_ends(
        self, s: _Sent, k: int, *, relative: bool, document: bool
    ) -> Actor | bool | None:
        """Whether the comma at `k` ends a demanded clause (with the attribution's party)."""
        if relative:
            return None
        j = k + 1
        while s.cls(j) == "q":
            j += 1
        if document and s.verb_in(j, _TRIGGER_WORDS) and s.low(j).endswith("ing"):
            return False  # "a statement from X, urging ...": the statement's own words
        if j < len(s.toks) and s.low(j) in _CLAUSE_ENDS:
            return None
        return self.attribution(s, j)

    def vp_start(self, s: _Sent, k: int) -> int:
        """The token where a verb phrase starts at or after `k`, or -1."""
        while s.cls(k) == "q":
            k += 1
        if not 0 <= k < len(s.toks):
            return -1
        t = s.toks[k]
        if t.cap or t.cls in ("det", "pron", "prep", "p", "conj", "pos") or t.low[0].isdigit():
            return -1
        if t.low in _BASE_VERBS or t.cls in ("aux", "neg"):
            return k
        if t.low.endswith("ly") and s.low(k + 1) in _BASE_VERBS:
            return k
        return k if t.cls == "w" and not t.low.endswith(_NOUN_ENDINGS) else -1

    def skip_adjuncts(self, s: _Sent, j: int) -> int:
        """Skip time expressions and adverbs after a verb: "urged Bree on Monday to ..."."""
        n = len(s.toks)
        while j < n:
            t = s.toks[j]
            if (
                j in s.timed
                or t.cls == "adv"
                or (t.low.endswith("ly") and j not in s.by_start)
                or s.low(j) in ("again", "anew", "once", "hard", "instead")
                or (
                    s.low(j) == ","
                    and ((j + 1 < n and s.adverbial(j + 1)) or (j > 0 and (j - 1) in s.timed))
                )
            ):
                j += 1
            else:
                break
        return j

    # ------------------------------------------------------------------ items

    def items(self, s: _Sent, lo: int, hi: int, kind: str) -> list[tuple[int, int]]:
        """Split the content ``lo..hi`` (exclusive) into the items of a list.

        `kind` is ``that`` ("that A, that B, and that C"), ``to`` ("to A and to B", "to A
        and B" with B a verb) or ``np`` ("a ceasefire and the release of ...").
        """
        cuts: list[tuple[int, int]] = []  # (end of an item, start of the next)
        nested = False
        for k in range(lo + 1, hi):
            low, prev = s.low(k), s.low(k - 1)
            if kind == "that" and low == "that" and prev in (",", "and", ";", "or"):
                end = k - 1
                while end > lo and s.low(end) in (",", "and", "or"):
                    end -= 1
                cuts.append((end + 1, k + 1))
            elif kind == "to" and low == "to" and prev in (",", "and", "or", "/"):
                if self.vp_start(s, k + 1) >= 0:
                    end = k - 1
                    while end > lo and s.low(end) in (",", "and", "or", "/"):
                        end -= 1
                    cuts.append((end + 1, k + 1))
            elif kind == "to" and not nested and low in ("and", "or") and prev != "/":
                nxt = k + 3 if s.low(k + 1) == "/" and s.low(k + 2) == "or" else k + 1
                if s.low(nxt) in _BASE_VERBS and s.cls(nxt) == "w":
                    cuts.append((k - 1 if prev == "," else k, nxt))
            elif kind == "np" and not nested and low in ("and", ";"):
                nxt = k + 1
                while s.cls(nxt) == "q":
                    nxt += 1
                if s.low(nxt) in ("the", "a", "an"):
                    cuts.append((k - 1 if prev == "," else k, k + 1))
            if low in _NESTED or (low == "to" and kind == "np" and self.vp_start(s, k + 1) >= 0):
                nested = True
        out = []
        begin = lo
        for end, nxt in cuts:
            if end > begin:
                out.append((begin, end))
            begin = nxt
        if hi > begin:
            out.append((begin, hi))
        return out

    def pledged(self, s: _Sent, lo: int, hi: int) -> list[tuple[int, int]] | None:
        """Return the promised clauses of an item opening with "promise that A, that B"."""
        for k in range(lo, min(hi, lo + _MAX_NP)):
            if s.low(k) in _PLEDGES:
                that = next(
                    (j for j in range(k + 1, min(hi, k + _MAX_NP)) if s.low(j) == "that"), -1
                )
                return self.items(s, that + 1, hi, "that") if 0 < that < hi - 1 else None
            if s.cls(k) not in ("det", "w", "adv", "q") and s.low(k) != "to":
                return None
        return None

    def expand(self, s: _Sent, lo: int, hi: int, kind: str) -> list[tuple[int, int]]:
        """The items of a content, with promised clauses in place of their promise."""
        pieces: list[tuple[int, int]] = []
        for a, b in self.items(s, lo, hi, kind):
            promised = self.pledged(s, a, b)
            pieces.extend(promised if promised is not None else [(a, b)])
        return pieces

    # ------------------------------------------------------------------ output

    def emit(
        self,
        s: _Sent,
        demanders: Sequence[Actor],
        addressee: Actor | None,
        pieces: Iterable[tuple[int, int]],
        rule: str,
        *,
        from_clause: bool = False,
    ) -> None:
        """Add one demand per item and demander; `from_clause`: the item names its addressee."""
        for lo, hi in pieces:
            if hi <= lo:
                continue
            first = s.toks[lo]
            if first.low in _QUESTIONS or (hi == lo + 1 and first.low in _EMPTY):
                continue
            if not any(s.toks[i].cls == "w" for i in range(lo, hi)):
                continue
            target = addressee
            if target is None and from_clause:
                target = self.clause_subject(s, lo, hi, exclude=demanders)
            self.taken.setdefault(s.index, []).append((lo, hi))
            self.record(
                s, demanders, target, _content(self.text, first.start, s.toks[hi - 1].end), rule
            )

    def record(
        self, s: _Sent, demanders: Sequence[Actor], target: Actor | None, content: str, rule: str
    ) -> None:
        if not any(ch.isalpha() for ch in content):
            return
        for demander in demanders:
            if target is not None and _same_party(demander, target):
                continue  # a demand on oneself is a resolution
            key = (demander.name, "" if target is None else target.name, content.lower())
            if key not in self.seen:
                self.seen.add(key)
                self.out.append(
                    Demand(
                        demander=demander,
                        addressee=target,
                        content=content,
                        span=Span(start=s.start, end=s.end),
                        rule=rule,
                    )
                )
        if target is not None:
            self.last_addressee[s.index] = target

    def clause_subject(
        self, s: _Sent, lo: int, hi: int, *, exclude: Sequence[Actor]
    ) -> Actor | None:
        """The party a demanded clause starts with: "that the US cancel ..." -> the US."""
        i = lo
        while i < hi and s.cls(i) in ("q", "det") and i not in s.by_start:
            i += 1
        if i >= hi:
            return None
        if s.cls(i) == "pron":
            return self.pronoun(s, i, exclude=exclude) if s.low(i) in ("it", "they") else None
        if i in s.by_start:
            return self.ctx.actor_of(s.by_start[i])
        return self.subject_at(s, i, min(hi, i + _MAX_NP), _ADDRESSEE)

    # ------------------------------------------------------------------ triggers

    def trigger(self, start: int, end: int, word: str) -> None:
        """Read the trigger ``text[start:end]`` (lower-cased `word`) in its sentence."""
        index = self.ctx.doc.sentence_index(start)
        if index < 0:
            return
        self.read_in[index] = self.read_in.get(index, 0) + 1
        if self.read_in[index] > _MAX_TRIGGERS or not self.worth_reading(index, start, end, word):
            return  # (no sentence states that many demands: past them, it is a list or noise)
        s = self.sent(index)
        if s.question or not s.toks:
            return
        ti = s.at(start)
        if ti >= len(s.toks) or s.toks[ti].start != start:
            return
        te = s.at(end) - 1
        if word in _MODALS:
            self.modal(s, ti, te)
        elif word == _TIME:
            self.time_to(s, ti)
        elif word == _IF:
            threat = next((k for k in range(ti - 1, max(ti - _CONDITION_REACH, -1), -1)
                           if s.low(k) in _THREATS), -1)  # fmt: skip
            if threat >= 0:
                self.ultimatum(s, threat, ti)
        else:
            self.demand_word(s, ti, te, word)

    def worth_reading(self, index: int, start: int, end: int, word: str) -> bool:
        """Test cheaply, before the sentence is tokenized, what the reader of `word` needs.

        Most "if", "time", "told" and modals state no demand; their sentences are not read.
        """
        low = self.lower
        span = self.ctx.doc.sentences[index].span
        if word == _IF:  # a threat word before it: "sanctions ... if"
            return (
                THREAT_PATTERN.search(low, max(span.start, start - _LOOK_CHARS), start) is not None
            )
        if word == _TIME:  # "it is (high) time"
            return _TIME_BEFORE.search(low, max(span.start, start - _MAX_NP * 3), start) is not None
        if word in _MODALS:  # a reporting word or a quotation mark near it
            lo = max(span.start, start - _LOOK_CHARS * 3)
            return REPORT_PATTERN.search(low, lo, min(span.end, end + _LOOK_CHARS * 6)) is not None
        lemma = _LEMMA.get(word, "")
        if lemma in ("tell", "propose"):  # "told X to ...", "proposed that ..."
            return (" to " if lemma == "tell" else " that ") in low[end : end + _LOOK_CHARS]
        if word == "pressure":  # "under pressure from X to ...", "pressure X to ..."
            before = low[max(span.start, start - _MAX_NP * 3) : start]
            return "under" in before or " to " in low[end : end + _LOOK_CHARS]
        return lemma != "order" or not low.endswith("in ", 0, start)

    def nominal(self, s: _Sent, ti: int) -> bool:
        """Whether the word at `ti` is a noun ("a call", "Russia's demands", "oil demand")."""
        if ti <= 0:
            return False
        prev = s.toks[ti - 1]
        if prev.cls in ("det", "pos") or prev.low == "'":
            return True
        word = s.low(ti)
        if word in _NOUNS and s.toks[ti].cap and prev.cls in ("q", "p"):
            return True  # '"Demands that Korea revalue ... are ill-advised"'
        if word in _TRIGGER_WORDS and word not in _NOUNS:
            return False  # "demanded", "urging": verbs whatever stands before them
        m = s.by_end.get(ti - 1)
        start = prev.start if m is None else m.span.start
        if prev.cap and _demonym_adjective(self.text[start : prev.end]):
            return True  # "Israeli calls"
        if m is not None and word in _NOUNS and s.cls(s.at(m.span.start) - 1) == "det":
            return True  # "the US demand that" (but "The EU warned")
        if m is not None or prev.cls != "w" or prev.cap or prev.low in _PARTY_NOUNS:
            return False
        return (
            not prev.low.endswith("ly")
            and not s.verb_in(ti - 1, _SAYING)
            and (ti - 1) not in s.timed
        )

    def demand_word(self, s: _Sent, ti: int, te: int, word: str) -> None:
        """A demand verb or noun at `ti`: its demander, then its complement."""
        lemma = _LEMMA[word]
        if (lemma == "order" and s.low(ti - 1) == "in") or (
            lemma == "demand" and self.economic(s, ti)
        ):
            return  # "in order to", "oil demand rose"
        if self.nominal(s, ti):
            if word in _NOUNS:
                self.noun(s, ti, word)
            return
        comps = _VERB_COMPLEMENTS.get(word)
        if comps is None:
            return
        if word.endswith("ing") and any(lo <= ti < hi for lo, hi in self.taken.get(s.index, ())):
            return  # "pressed for a declaration urging that ...": part of that demand
        if s.low(te + 1) == "by" or (s.low(te + 1) == "for" and s.low(te + 2) == "by"):
            return  # a passive: "the ceasefire called for by the council"
        demanders, negated, relative = self.subject(s, ti)
        if negated:
            return
        region = self.in_quote(s, ti)
        if region is not None and not demanders and not self.pronoun_subject(s, ti):
            speaker = self.quote_speaker(region)
            demanders = [speaker] if speaker is not None else []
        if not demanders:
            return
        role = _OBJECT if lemma in _OBJECT_VERBS else _ADDRESSEE
        read = _Read(s, demanders, -1 if region is None else region.span.end, relative, role)
        self.complement(read, ti, te, lemma, comps)

    def complement(self, read: _Read, ti: int, te: int, lemma: str, comps: frozenset[str]) -> None:
        """Read what a demand verb takes: "that ...", "X to ...", "for ...", an object."""
        s = read.s
        j = self.skip_adjuncts(s, te + 1)
        addressee = None
        if s.low(j) == "to" and "that" in comps:  # "recommended to Trump that ..."
            k = next((k for k in range(j + 1, min(j + _MAX_NP, len(s.toks)))
                      if s.low(k) == "that"), -1)  # fmt: skip
            if k > j + 1:
                addressee = self.party_of(s, j + 1, k - 1, role=_ADDRESSEE)
                j = k
        elif s.cls(j) == "prep" and s.low(j) not in ("for", "on", "upon", "to") and "for" in comps:
            k = next((k for k in range(j + 1, min(j + _MAX_NP, len(s.toks)))
                      if s.low(k) == "for"), -1)  # fmt: skip
            if k > 0 and all(s.cls(x) in ("w", "det") for x in range(j + 1, k)):
                j = k  # "press at the summit for ..."
        nxt = s.low(j)
        m = s.by_start.get(j)
        if "that" in comps and m is not None and s.verb_in(s.after(m), _BASE_VERBS):
            self.that_clause(read, None, j, "demand.verb_that")  # "demanding X set up ..."
            return
        if "that" in comps and nxt == "that":
            self.that_clause(read, addressee, j + 1, "demand.verb_that")
        elif "on" in comps and nxt in ("on", "upon"):
            self.object_to(read, j + 1, "demand.verb_object_to")
        elif "for" in comps and nxt == "for":
            if not self.object_to(read, j + 1, "demand.verb_object_to", strict=True):
                self.np_content(read, j + 1, "demand.verb_for")
        elif "to" in comps and nxt == "to":
            self.object_to(read, j + 1, "demand.verb_object_to")
        elif "onnp" in comps and nxt == "on":
            self.np_content(read, j + 1, "demand.verb_object")
        elif "need" in comps and nxt == "the" and s.low(j + 1) in ("need", "necessity"):
            self.need(read, j + 2)
        elif "obj" in comps and self.object_to(read, j, "demand.verb_object_to"):
            return
        elif "np" in comps and nxt not in ("to", "that", "it", "for", "on"):
            if lemma == "order" and s.low(ti) != "ordered":
                return  # "consumers can order a cable": a purchase
            if lemma == "require" and not self.named(s, ti):
                return  # "requiring close contact with animals": a need, not a demand
            if lemma == "want" and (not self.named(s, ti) or j in s.by_start or s.toks[j].cap):
                return  # "wants to", "wanted Mr. Linick pushed out": no demanded thing
            if s.cls(j) not in ("prep", "conj", "pron", "p", "neg", "aux"):
                self.np_content(read, j, "demand.verb_object")

    def asserted(self, s: _Sent, j: int) -> bool:
        """Whether the clause at `j` states a fact ("that trade IS ...") rather than a demand."""
        for k in range(j, min(j + _MAX_NP + 2, len(s.toks))):
            low = s.low(k)
            if low in _MODALS or low in ("be", "not"):
                return False
            if s.cls(k) == "aux":
                return low not in ("should", "must", "shall")
        return False

    def object_to(self, read: _Read, j: int, rule: str, *, strict: bool = False) -> bool:
        """Read "X to VP" after a verb: the addressee and the demanded verb phrases.

        `strict`: the object must be a named party ("called for more aid to reach Gaza"
        demands the phrase, not something of "more aid").
        """
        s = read.s
        n = len(s.toks)
        if j >= n or s.low(j) in ("to", "that") or s.cls(j) in ("prep", "conj", "p", "aux"):
            return False
        if s.low(j).endswith("ed") and not s.toks[j].cap:
            return False  # "pressure MOUNTED Wednesday to deploy": no object
        k = j
        while k < n and k - j < _MAX_OBJECT:
            low = s.low(k)
            if low in (".", ";", ":", "?", "!", "that", "which", "who") or s.verb_in(k, _SAYING):
                return False
            if s.cls(k) in ("aux", "neg") and low != "not":
                return False
            if k > j and (
                (s.cls(k) == "pron" and low in _SUBJECT_PRONOUNS)
                or (s.verb_in(k, _BASE_VERBS) and s.cls(k + 1) in ("det", "pron"))
            ):
                return False  # "told Reuters THEY expect", "demanding X SET UP a commission"
            if k > j and s.cls(k) == "det" and s.cls(k - 1) == "w" and low not in _KEEP:
                return False  # "told reporters THE group planned to"
            if k > j and (
                (low == "to" and self.vp_start(s, k + 1) >= 0)
                or (low == "not" and s.low(k + 1) == "to")
            ):
                break
            k += 1
        else:
            return False
        if k >= n:
            return False
        addressee = self.party_of(s, j, k - 1, exclude=read.demanders, role=read.role)
        if addressee is None or (
            strict and addressee.kind is ActorKind.GROUP and j not in s.by_start
        ):
            return False
        first = k if s.low(k) == "not" else k + 1
        end, _who = self.clause_end(s, first, limit=read.limit, relative=read.relative)
        self.emit(s, read.demanders, addressee, self.expand(s, first, end, "to"), rule)
        return True

    def that_clause(self, read: _Read, addressee: Actor | None, j: int, rule: str) -> None:
        """Read "demanded that the US cancel ...": the clause's subject is the addressee."""
        s = read.s
        if self.asserted(s, j):
            return  # "insisted that free trade IS the best way", "its request that X were"
        end, _who = self.clause_end(s, j, limit=read.limit, relative=read.relative)
        pieces = self.items(s, j, end, "that")
        self.emit(s, read.demanders, addressee, pieces, rule, from_clause=addressee is None)

    def np_content(self, read: _Read, j: int, rule: str) -> None:
        """A demanded noun phrase ("called for a ceasefire"), with "from X" as addressee."""
        s = read.s
        n = len(s.toks)
        while j < n and s.cls(j) == "q":
            j += 1
        if j >= n or (s.cls(j) in ("prep", "p", "aux", "neg", "conj") and s.low(j) != "that"):
            return
        if s.low(j) in ("it", "them", "him", "her", "this", "so", "these", "those"):
            return
        if s.low(j) == "that" and (s.cls(j + 1) != "w" or s.low(j + 1) in _BASE_VERBS):
            return
        k = j  # "asked for the opportunity to travel": a request on one's own behalf
        while k < n and k - j < _MAX_PREFIX and s.cls(k) in ("det", "q"):
            k += 1
        if s.low(k) in _SELF_REQUESTS:
            return
        end, _who = self.clause_end(s, j, limit=read.limit, relative=read.relative, noun=True)
        pieces = self.expand(s, j, end, "np")
        if not pieces:
            return
        addressee = None  # "demanded autonomy from Serbian authorities"
        first_hi = pieces[0][1]
        for f in range(j + 1, first_hi):
            if s.low(f) in _NESTED or s.low(f) == "to":
                break
            if s.low(f) == "from" and f + 1 < first_hi:
                hi = f + 1
                while (
                    hi + 1 < first_hi and s.cls(hi + 1) in ("w", "det", "pos") and hi - f < _MAX_NP
                ):
                    hi += 1
                addressee = self.party_of(s, f + 1, hi, exclude=read.demanders, role=_ADDRESSEE)
                break
        if addressee is None:
            addressee = self.counterpart(s, j, read.demanders)
        self.emit(s, read.demanders, addressee, pieces, rule)

    def counterpart(self, s: _Sent, j: int, demanders: Sequence[Actor]) -> Actor | None:
        """The party a demand is made to in a meeting or a letter earlier in the sentence.

        "met ... with Yemen's Houthi rebels and pressed for a ceasefire", "In a letter to
        Trump, she demanded an explanation".
        """
        for w in range(j - 1, max(j - _WINDOW, 0), -1):
            low = s.low(w)
            met = low == "with" and any(s.low(x) in _MEETING for x in range(w - 2 * _MAX_NP, w))
            if not met and not (low == "to" and s.low(w - 1) in _DOCUMENT_NOUNS):
                continue
            hi = w + 1
            while hi + 1 < j and (
                (hi + 1) in s.by_end
                or s.cls(hi + 1) in ("det", "pos")
                or (s.cls(hi + 1) == "w" and not s.low(hi + 1).endswith(("ed", "ing")))
            ):
                hi += 1  # "with the IMF | aimed at"
            party = self.party_of(s, w + 1, hi, exclude=demanders, role=_ADDRESSEE)
            if party is not None and not any(_same_party(d, party) for d in demanders):
                return party
            return None
        return None

    def need(self, read: _Read, j: int) -> None:
        """Read "stressed the need to VP", "the need for X to VP", "the need for NP"."""
        s = read.s
        if s.low(j) == "to":
            end, _who = self.clause_end(s, j + 1, limit=read.limit, relative=read.relative)
            target = self.counterpart(s, j, read.demanders)
            self.emit(s, read.demanders, target, self.items(s, j + 1, end, "to"), "demand.need")
        elif s.low(j) == "for" and not self.object_to(read, j + 1, "demand.need", strict=True):
            self.np_content(read, j + 1, "demand.need")

    # ------------------------------------------------------------------ nouns

    def noun(self, s: _Sent, ti: int, word: str) -> None:
        """Read a demand noun: "Russia's demand that", "calls for X to", "an ultimatum to X to"."""
        lemma = _LEMMA[word]
        if lemma == "demand" and self.economic(s, ti):
            return
        region = self.in_quote(s, ti)
        limit = -1 if region is None else region.span.end
        if lemma == "pressure":
            self.under_pressure(s, ti, limit)
            return
        demanders = self.noun_owner(s, ti)
        j = self.skip_adjuncts(s, ti + 1)
        if not demanders and s.low(j) in ("from", "by") and (j + 1) in s.by_start:
            demanders = [self.ctx.actor_of(s.by_start[j + 1])]  # "a demand from Moscow that"
            j = s.after(s.by_start[j + 1])
        if not demanders:
            return
        read = _Read(s, demanders, limit, relative=False)
        nxt = s.low(j)
        target = self.yielder(s, ti)
        if target is not None and nxt in ("-", "--", ":", "that"):
            kind = "that" if nxt == "that" else "np"
            end, _who = self.clause_end(s, j + 1, limit=limit, noun=kind == "np")
            self.emit(s, demanders, target, self.items(s, j + 1, end, kind), "demand.noun")
        elif nxt == "that":
            self.that_clause(read, None, j + 1, "demand.noun")
        elif nxt == "for":
            if not self.object_to(read, j + 1, "demand.noun", strict=True):
                self.np_content(read, j + 1, "demand.noun")
        elif nxt in ("to", "on", "upon"):
            self.object_to(read, j + 1, "demand.noun")
        elif nxt in ("-", "--", ":") and s.low(j + 1) not in ("-", "--"):
            self.np_content(read, j + 1, "demand.noun")

    def economic(self, s: _Sent, ti: int) -> bool:
        """Whether "demand" at `ti` is the economists' ("oil demand", "demand for wheat")."""
        if any(s.low(k) in _ECONOMIC for k in (ti - 2, ti - 1, ti + 1)):
            return True
        return s.low(ti + 1) == "for" and any(
            s.low(k) in _ECONOMIC for k in range(ti + 2, ti + 2 + _MAX_PREFIX)
        )

    def yielder(self, s: _Sent, ti: int) -> Actor | None:
        """The party that meets a demand noun: "leading Berlin to agree to Moscow's demand"."""
        k = ti - 1
        while k >= 0 and ti - k < _MAX_NP and not s.verb_in(k, _YIELD):
            if s.cls(k) in ("p", "q", "conj", "aux"):
                return None
            k -= 1
        if k < 0 or not s.verb_in(k, _YIELD):
            return None
        k -= 2 if s.low(k - 1) == "to" else 1
        while k >= 0 and (s.cls(k) in ("aux", "neg") or s.adverbial(k)):
            k -= 1
        m = s.by_end.get(k)
        return None if m is None or m.form == "pronoun" else self.ctx.actor_of(m)

    def under_pressure(self, s: _Sent, ti: int, limit: int) -> None:
        """Read "The EU has come under pressure from all sides to offer deeper cuts"."""
        if "under" not in (s.low(ti - 1), s.low(ti - 2)) or s.low(ti + 1) != "from":
            return
        j = ti + 1
        k = next((k for k in range(j + 2, min(j + _MAX_OBJECT, len(s.toks)))
                  if s.low(k) == "to" and self.vp_start(s, k + 1) >= 0), -1)  # fmt: skip
        if k < 0:
            return
        hi = j + 1
        while hi + 1 < k and s.cls(hi + 1) in ("w", "det"):
            hi += 1
        demander = self.party_of(s, j + 1, hi)
        if demander is not None:
            addressee = self.sentence_subject(s, ti)
            end, _who = self.clause_end(s, k + 1, limit=limit)
            self.emit(s, [demander], addressee, self.expand(s, k + 1, end, "to"), "demand.noun")

    def noun_owner(self, s: _Sent, ti: int) -> list[Actor]:
        """Who makes the demand a noun names: its possessor or its support verb's subject."""
        k = ti - 1
        while (
            k >= 0
            and k not in s.by_end
            and ((s.cls(k) == "w" and not s.toks[k].cap) or s.low(k) in ("most", "more", "-"))
        ):
            k -= 1  # adjectives: "key", "most important", "repeated"
        if k < 0:
            return []
        low = s.low(k)
        if k in s.by_end:  # "Israeli calls", "Moscow's"
            return [self.ctx.actor_of(s.by_end[k])]
        if s.cls(k) == "pos" or low == "'":
            np = self.np_back(s, k - 1)
            actor = None if np is None else self.party_of(s, np[0], np[1])
            return [actor] if actor is not None else []
        if low in ("his", "her", "its", "their"):
            subject = self.sentence_subject(s, k) if low in ("his", "her") else None
            if subject is not None and subject.kind is ActorKind.PERSON:
                return [subject]
            actor = self.pronoun(s, k)
            return [actor] if actor is not None else []
        word = self.text[s.toks[k].start : s.toks[k].end]
        if _demonym_adjective(word) and (country := geo.country_of_demonym(word)):
            return [self.country_actor(country)]
        if s.cls(k) == "det":
            v = k - 1
            while (
                v >= 0 and s.cls(v) == "w" and s.low(v) not in _SUPPORT and k - v < _MAX_ADJECTIVES
            ):
                v -= 1
            if s.low(v) in _SUPPORT:
                demanders, negated, _relative = self.subject(s, v)
                return [] if negated else demanders
        return []

    # ------------------------------------------------------------------ modals

    def modal(self, s: _Sent, ti: int, te: int) -> None:
        """Read a modal: "X said Y must VP", "Y should VP, X said", a quoted "Y must VP"."""
        if s.low(te + 1) == "have" or (
            s.low(te + 1) == "be" and s.low(te + 2) in ("said", "noted")
        ):
            return  # "should have acted": a reproach; "must have been": a guess
        k = ti - 1
        while k >= 0 and (s.cls(k) == "q" or s.adverbial(k)):
            k -= 1
        np = self.np_back(s, k)
        if np is None:
            return
        lo, hi = self.modal_subject(s, np)
        if s.low(lo) in _SELF or s.low(lo) in _OWN or s.low(lo - 1) in _CONDITIONS | _QUESTIONS:
            return
        before = lo - 1  # the subject opens a clause: "elements they need to" is no demand
        if before >= 0 and not (
            s.cls(before) in ("q", "p", "conj", "adv")
            or before in s.timed
            or s.verb_in(before, _REPORT)
        ):
            return
        if s.cls(lo) == "pron" and s.low(ti) in ("need", "needs"):
            return  # "it needs to defend itself": a need, not a demand
        if s.low(lo) == "it" and s.low(te + 1) in ("be", "not"):
            return  # "it must be ...", "it should not ...": no party
        region = self.in_quote(s, ti)
        limit = -1 if region is None or region.span.start > s.toks[lo].start else region.span.end
        addressee = self.party_of(s, lo, hi, role=_ADDRESSEE)
        if addressee is None and s.low(lo) not in ("it", "they"):
            return
        end, after = self.clause_end(s, lo, limit=limit)
        demanders = self.reporter(s, lo, after)
        if demanders is None:
            return
        if not demanders and region is not None:
            speaker = self.quote_speaker(region)
            demanders = [speaker] if speaker is not None else []
        if demanders:
            self.emit(s, demanders, addressee, [(lo, end)], "demand.reported_modal")

    def modal_subject(self, s: _Sent, np: tuple[int, int]) -> tuple[int, int]:
        """The full subject of a modal: with its "of" phrase and the list it ends."""
        lo, hi = np
        for _ in range(2):  # "any US involvement IN Latin America should be ..."
            if s.low(lo - 1) not in ("in", "of", "on", "with", "from", "for"):
                break
            head = self.np_back(s, lo - 2)
            if head is None or s.cls(head[0]) == "pron":
                break
            lo = head[0]
        while s.low(lo - 1) in ("and", ","):  # "Britain and its allies must"
            prev = self.np_back(s, lo - 2)
            if prev is None or prev[0] >= lo - 1 or s.cls(prev[0]) == "pron":
                break
            if (
                prev[0] > 0
                and s.low(prev[0] - 1) not in ("that", ",")
                and not s.verb_in(prev[0] - 1, _SAYING)
            ):
                break
            lo = prev[0]
        return lo, hi

    def reporter(self, s: _Sent, lo: int, after: Actor | None) -> list[Actor] | None:
        """Who reports a clause starting at `lo`: "X said (that)", or ", X said" after it.

        Returns None when the report is negated ("X did not say").
        """
        r = lo - 1
        while r >= 0 and lo - r <= _MAX_OBJECT // 2:
            if s.verb_in(r, _REPORT) or s.cls(r) == "q" or s.low(r) in (";", ":"):
                break
            r -= 1
        if s.verb_in(r, _REPORT):
            if self.nominal(s, r):
                return self.noun_owner(s, r)  # "a stern reminder to Iraq that it must"
            demanders, negated, _relative = self.subject(s, r)
            return None if negated else demanders
        return [after] if after is not None else []

    def time_to(self, s: _Sent, ti: int) -> None:
        """Read "she told Netanyahu it is time to get a deal done", "it is time for X to"."""
        k = ti - 2 if s.low(ti - 1) in ("high", "now", "about") else ti - 1
        if s.low(k) not in ("is", "was", "'s") or s.low(k - 1) != "it":
            return
        it = k - 1
        j = ti + 1
        addressee = None
        if s.low(j) == "for":
            to = next((x for x in range(j + 1, min(j + _MAX_NP, len(s.toks)))
                       if s.low(x) == "to"), -1)  # fmt: skip
            if to < 0:
                return
            addressee = self.party_of(s, j + 1, to - 1, role=_ADDRESSEE)
            j = to
        if s.low(j) != "to" or self.vp_start(s, j + 1) < 0:
            return
        region = self.in_quote(s, ti)
        end, after = self.clause_end(s, j + 1, limit=-1 if region is None else region.span.end)
        demanders: list[Actor] = []
        r = next((x for x in range(it - 1, max(it - _MAX_NP - 2, -1), -1)
                  if s.verb_in(x, _SAYING)), -1)  # fmt: skip
        if r >= 0:
            demanders, negated, _relative = self.subject(s, r)
            if negated:
                return
            stop = it - 2 if s.low(it - 1) == "that" else it - 1
            if addressee is None and r < stop:
                # "told Netanyahu (that) it is time"
                addressee = self.party_of(s, r + 1, stop, role=_ADDRESSEE)
        elif after is not None:
            demanders = [after]
        elif region is not None:
            speaker = self.quote_speaker(region)
            demanders = [speaker] if speaker is not None else []
        if demanders and addressee is not None:  # "it's time to ..." alone is a comment
            self.emit(s, demanders, addressee, self.items(s, j + 1, end, "to"), "demand.time_to")

    # ------------------------------------------------------------------ ultimatums

    def ultimatum(self, s: _Sent, ti: int, c: int) -> None:
        """A threat at `ti` with its condition at `c`: "sanctions ... if Tokyo did not ..."."""
        n = len(s.toks)
        k = c + 1  # the condition's subject, then its negated verb
        while k < n and k - c <= _MAX_NP and s.cls(k) not in ("aux", "neg"):
            if s.low(k).endswith("n't") or s.low(k) in ("fails", "failed", "refuses", "refused"):
                break
            k += 1
        if k >= n or k == c + 1:
            return
        low = s.low(k)
        keep_subject = False
        if low in ("do", "does", "did") and s.low(k + 1) == "not":
            first = k + 2
        elif low.endswith("n't") and low[:-3] in ("do", "does", "did"):
            first = k + 1
        elif low in ("fails", "failed", "refuses", "refused") and s.low(k + 1) == "to":
            first = k + 2
        elif low in ("is", "are", "was", "were") and s.low(k + 1) == "not":
            first, keep_subject = k + 2, True  # "if Hezbollah's intervention is not halted"
        else:
            return
        if any(s.low(i) in _NOUNS for i in range(c + 1, k)):
            return  # "protests if the demand was not met": that demand is stated elsewhere
        end, _who = self.clause_end(s, first)
        demanders = self.threatener(s, ti)
        if end <= first or not demanders:
            return
        possessor = any(s.cls(i) == "pos" for i in range(c + 1, k))
        addressee = None if possessor else self.party_of(s, c + 1, k - 1, role=_ADDRESSEE)
        if addressee is None:
            addressee = next(
                (self.ctx.actor_of(s.by_start[i]) for i in range(c + 1, k) if i in s.by_start),
                None,
            )
        if not keep_subject:
            self.emit(s, demanders, addressee, [(first, end)], "demand.ultimatum")
            return
        lead = _content(self.text, s.toks[c + 1].start, s.toks[k].end)
        rest = _content(self.text, s.toks[first].start, s.toks[end - 1].end)
        self.record(s, demanders, addressee, f"{lead} {rest}", "demand.ultimatum")

    def threatener(self, s: _Sent, ti: int) -> list[Actor]:
        """Who threatens: the subject of a reporting verb before the threat, else its own."""
        for r in range(ti - 1, max(ti - _WINDOW, -1), -1):
            if s.verb_in(r, _SAYING) and not self.nominal(s, r):
                demanders, negated, _relative = self.subject(s, r)
                return [] if negated else demanders
        if self.nominal(s, ti):
            return self.noun_owner(s, ti)
        demanders, negated, _relative = self.subject(s, ti)
        return [] if negated else demanders


def find_demands(ctx: Context) -> list[Demand]:
    """Return the demands stated in the article, in text order.

    Args:
        ctx: the article's document, actors and mentions.

    Returns:
        One `Demand` per demanded thing.

    Examples:
        >>> from geonews import parse_article
        >>> article = parse_article(
        ...     "Moscow wants Nato to promise that Ukraine will never be added as a "
        ...     "member, and that it should pull back its forces from eastern Europe."
        ... )
        >>> for d in article.demands:
        ...     print(d.demander.name, "|", d.addressee.name, "|", d.content)
        Russia | Nato | Ukraine will never be added as a member
        Russia | Nato | it should pull back its forces from eastern Europe
    """
    reader = _Reader(ctx)
    for start, end, word in _candidates(ctx.doc.norm, reader.lower):
        reader.trigger(start, end, word)
    return reader.out


def _candidates(norm: str, low: str) -> list[tuple[int, int, str]]:
    """Return the triggers in `norm`, in text order.

    A cheap scan (`str.find`) for the first letters of each trigger, then
    `TRIGGER_PATTERN` matched only where one of them starts a word.

    Examples:
        >>> text = "Russia urged Nato to act; it must."
        >>> _candidates(text, text.lower())
        [(7, 12, 'urged'), (29, 33, 'must')]
    """
    if norm.isascii():
        # A match starts a run of [a-z0-9_-] that is a trigger or a trigger's first word
        # ("has" of "has to"): only the runs present are looked for and matched.
        prefixes: Iterable[str] = _FIRST_WORDS.present(low)
    else:
        prefixes = _STEMS
    found: set[tuple[int, int, str]] = set()
    for prefix in prefixes:
        pos = low.find(prefix)
        while pos >= 0:
            if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] in "'-_"):
                m = TRIGGER_PATTERN.match(norm, pos)
                if m is not None:
                    found.add((m.start(), m.end(), m.group().lower()))
            pos = low.find(prefix, pos + 1)
    return sorted(found)
