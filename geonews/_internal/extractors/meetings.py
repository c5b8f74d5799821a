"""Meetings: who met, talked or negotiated with whom, where, when, held or planned.

The extractor reads one sentence at a time, and only the sentences that hold a
meeting word (`TRIGGER_PATTERN`, words from ``_data/meeting_triggers.tsv``). Each such
sentence becomes a string with one symbol per chunk (DESIGN.md, "Reading a clause
without a parser"):

==========  ===============================================================
``A`` ``G``  an actor mention; ``G`` when possessive ("Biden's", "his")
``V``        a verb of meeting ("met", "spoke by phone with")
``I``        a verb of visiting or travelling ("visited", "flew to")
``H``        a verb of hosting ("hosted", "received")
``N`` ``J``  a meeting noun ("talks", "summit"), a visit noun ("trip", "visit")
``P``        a place; ``T`` a time; ``D`` a duration ("for about 90 minutes")
``2``        a pair anaphor ("the two", "both sides")
other        function words from ``_data/meeting_chunk_words.tsv`` ("w" with,
             "b" between, "&" and, "a" auxiliaries and adverbs, "v" support
             verbs such as "held"), ``s`` speech verbs, ``x`` any other word
==========  ===============================================================

Small patterns over that string find the participants: the subject list before a
verb ("A and B met", "A met B", "A, who visited ..."), the objects after it ("met with
A, B and C"), a noun's possessor ("A's talks with B"), its "between A and B", its
support verb's subject ("A held talks with B"), or the clause subject when the noun
sits in an adjunct ("A told reporters after talks with B"). Each finding is a
mention of a meeting; mentions of the same meeting (same people or a subset, same
status, compatible time, place and channel) are merged into one `Meeting`, and a
mention that names nobody ("a summit held in Switzerland on Friday") lends its time
and place to the nearest compatible meeting.

Every pattern runs on a bounded window of chunks around its trigger, so the work is
linear in the length of the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple

import attrs
import regex

from geonews._internal import geo
from geonews._internal.context import Context, Mention
from geonews._internal.lexicons import lexicon, table
from geonews._internal.model import (
    Actor,
    ActorKind,
    Channel,
    Granularity,
    Meeting,
    MeetingStatus,
    Place,
    Quantity,
    Span,
    TimeRef,
)
from geonews._internal.tokens import WordFinder

# --------------------------------------------------------------------------- lexicons


def _roles() -> Mapping[str, tuple[tuple[str, str], ...]]:
    """Each trigger phrase with its (role, channel) pairs."""
    roles: dict[str, tuple[tuple[str, str], ...]] = {}
    for phrase, role, channel in table("meeting_triggers", 3):
        roles[phrase] = (*roles.get(phrase, ()), (role, channel))
    return MappingProxyType(roles)


_ROLES: Final = _roles()
_SYMBOL_OF: Final[Mapping[str, str]] = MappingProxyType(
    {row[0]: row[1] for row in table("meeting_chunk_words", 2)}
)
_SPEECH_VERBS: Final = frozenset(lexicon("speech_verbs"))
_PHRASE_WORDS: Final = MappingProxyType(
    {tuple(w.split()): w for w in _SYMBOL_OF if " " in w}
)  # the function phrases of several words ("as well as"), as word tuples
_PHRASE_LENGTHS: Final = tuple(sorted({len(k) for k in _PHRASE_WORDS}, reverse=True))
_PHRASE_PAIRS: Final = frozenset(k[:2] for k in _PHRASE_WORDS)  # their first two words
# Trigger phrases are found by their first word: the text is split into words with
# str methods, and only where a first word stands is `TRIGGER_PATTERN` tried (a named
# list tried at every offset costs far more).
_TRIGGER_FIRST_WORDS: Final = frozenset(phrase.split()[0] for phrase in _ROLES)
_PHRASES_BY_FIRST: Final = MappingProxyType(
    {
        word: tuple(sorted((p for p in _ROLES if p.split()[0] == word), key=len, reverse=True))
        for word in _TRIGGER_FIRST_WORDS
    }
)
_Trigger = tuple[str, int, int]  # a trigger phrase as listed, with its start and end
# a word of the text for `_triggers`: letters and digits, with "_", "-" and "'" inside
_TRIGGER_FINDER: Final = WordFinder(_TRIGGER_FIRST_WORDS, joiners="_-'")

TRIGGER_PATTERN: Final = regex.compile(
    r"""
    (?<![\w-])          # not inside a word
    \L<triggers>        # a meeting word or phrase; the longest one wins
    (?![\w'-])          # not "the hosts' lead"
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
    triggers=sorted(_ROLES),
)
"""A meeting word: "met", "held talks" is found as "talks", "spoke by phone", "visit"."""

TOKEN_PATTERN: Final = regex.compile(
    r"""
    (?<=\w)'s?+(?!\w)           # a possessive ending ("Biden's", "allies'")
    | \w++(?:['-]\w++)*+          # a word, with its inner hyphens and apostrophes
    | --                          # a dash typed as two hyphens
    | [^\w\s]                     # one punctuation mark
    """,
    flags=regex.VERBOSE,
)
"""The words between chunks, each to become one symbol."""

PLANNED_PATTERN: Final = regex.compile(
    r"(?<!\w)\L<cues>(?!\w)  # will, expected to, scheduled, upcoming",
    flags=regex.VERBOSE | regex.IGNORECASE,
    cues=lexicon("meeting_planned_cues"),
)
"""Words that make a meeting planned ("is expected to visit")."""

CANCELLED_PATTERN: Final = regex.compile(
    r"(?<!\w)\L<cues>(?!\w)  # called off, postponed, cancelled",
    flags=regex.VERBOSE | regex.IGNORECASE,
    cues=lexicon("meeting_cancelled_cues"),
)
"""Words that make a meeting cancelled ("called off the talks")."""

NEGATION_PATTERN: Final = regex.compile(
    r"(?<!\w)\L<cues>(?!\w)  # not, never, refused to",
    flags=regex.VERBOSE | regex.IGNORECASE,
    cues=lexicon("meeting_negation_cues"),
)
"""Words that deny a meeting ("did not meet")."""


def _cue_keys(cues: Iterable[str]) -> tuple[str, ...]:
    """The cues that hold no shorter cue: one of them is in any text that holds a cue."""
    keys: list[str] = []
    for cue in sorted({c.lower() for c in cues}, key=len):
        if not any(key in cue for key in keys):
            keys.append(cue)
    return tuple(keys)


_PLANNED_KEYS: Final = _cue_keys(lexicon("meeting_planned_cues"))
_CANCELLED_KEYS: Final = _cue_keys(lexicon("meeting_cancelled_cues"))
_NEGATION_KEYS: Final = _cue_keys(lexicon("meeting_negation_cues"))


def _cued(
    pattern: regex.Pattern[str], keys: tuple[str, ...], norm: str, start: int, end: int
) -> bool:
    """Whether a cue pattern matches in norm[start:end].

    The named-list pattern costs tens of microseconds; in ASCII text (where ignoring
    case is plain lower-casing) a cue needs one of its `keys` as a substring, so the
    pattern only runs where that exact necessary condition holds.
    """
    window = norm[start:end]
    if window.isascii():
        low = window.lower()
        for key in keys:
            if key in low:
                break
        else:
            return False
    return pattern.search(norm, start, end) is not None


SOURCE_WORD_PATTERN: Final = regex.compile(
    r"\p{Lu}[\p{L}.]*+(?:[ ]\p{Lu}[\p{L}.]*+)?+|(?i:government)  # \"South Korean\", \"U.S.\"",
    flags=regex.VERBOSE,
)
"""Words of an unnamed source that may name its country."""

LOCATIVE_BEFORE_PATTERN: Final = regex.compile(
    r"""
    (?<!\w)(?:in|at|inside|near|to|visit|visits|visited|visiting)  # a locative word
    [ ]++(?:the[ ]++)?+$                                          # right before
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
)
"""A country right after "in" or "visited" is a place, not a party."""

for _pattern in (TRIGGER_PATTERN, TOKEN_PATTERN, PLANNED_PATTERN, CANCELLED_PATTERN):
    if _pattern.fullmatch(""):  # pragma: no cover - a data error
        raise ValueError(f"{_pattern.pattern!r} matches the empty string")

# Patterns over the chunk string. LIST is a coordinated list of actor mentions.
_LIST: Final = r"d?+A(?:(?:,d?+A){0,15}+,?+&d?+A){0,4}+"  # commas only before a final "and"

LIST_PATTERN: Final = regex.compile(_LIST)
"""A list of parties: "A", "A and B", "A, the B and C"."""

SUBJECT_PATTERN: Final = regex.compile(
    rf"""
    (?:
        (?P<list>{_LIST})x?+(?P<rel>,?+~?+r)?+   # "A and B", "A, who", "US negotiators"
      | (?P<two>2)x?+                            # "the two (leaders)"
    )
    [avcT]{{0,8}}+$                              # auxiliaries, adverbs, times
    """,
    flags=regex.VERBOSE,
)
"""The subject right before a verb of meeting, in the window that ends at the verb."""

SUPPORT_PATTERN: Final = regex.compile(
    rf"""
    (?:(?P<list>{_LIST})x?+|(?P<two>2)x?+)    # "A and B", "the two"
    (?:,?+&[dx]{{1,3}}+(?:o[dx]{{1,2}}+)?+)?+  # "A and his government", "A and a group of deputies"
    (?:,?+~?+r)?+                             # "A, who"
    [avcT]{{0,8}}?                            # "will", "later", "have"
    [vH]                                      # "held", "hosted"
    [dacxD]{{0,4}}+$                          # "a brief, 30-minute"
    """,
    flags=regex.VERBOSE,
)
"""The subject of a support verb before a meeting noun ("A held talks")."""

POSSESSOR_PATTERN: Final = regex.compile(
    r"(?P<g>G)[dacxD]{0,4}+$  # \"Biden's in-person meeting\"",
    flags=regex.VERBOSE,
)
"""A possessor before a meeting noun."""

COMPOUND_PATTERN: Final = regex.compile(
    r"A(?:hA){0,3}+[dx]{0,2}+$  # \"the Trump-Kim summit\", \"a G7 meeting\"",
    flags=regex.VERBOSE,
)
"""Actors that modify a meeting noun."""

ADJUNCT_PATTERN: Final = regex.compile(
    r"[pfi][dacxDAho]{0,6}+$  # \"after brief talks\", \"on the first day of a visit\"",
    flags=regex.VERBOSE,
)
"""A meeting noun inside a prepositional phrase: its party is the clause subject."""

CLAUSE_SUBJECT_PATTERN: Final = regex.compile(
    rf"""
    [dxaTP,i~p]{{0,6}}+                  # an opening adverbial ("In Brussels, ...")
    (?:[dx]{{1,3}}+F)?+                  # "Ministers from ..."
    (?:(?P<list>{_LIST})|(?P<two>2))
    """,
    flags=regex.VERBOSE,
)
"""The subject at the start of a clause."""

NOUN_OBJECT_PATTERN: Final = regex.compile(
    rf"""
    (?:[dacxTDP,]|iP|iT|o?A(?=[wbm]))
    {{0,5}}+
    (?P<to>
        [wbm](?P<list>{_LIST})          # "with A", "between A and B", "among A, B and C"
      | [bm](?=[AGdx,&~h]{{0,20}}A)     # "between producers and consumers - A, B and C"
    )
    """,
    flags=regex.VERBOSE,
)
"""The parties after a meeting noun."""

AGAIN_PATTERN: Final = regex.compile(
    rf"(?:[TDc]|i[PT]|id?+x{{1,4}}+){{0,6}}+,?+&w(?P<list>{_LIST})  # \"with A at X and with B\"",
    flags=regex.VERBOSE,
)
"""A second "with" after a meeting noun's first: a second meeting."""

RUN_PATTERN: Final = regex.compile(
    r"[AGdx,&~h]{0,20}(?<=A)  # the parties of \"between A and B\", however written",
    flags=regex.VERBOSE,
)
"""A loose run of parties after "between" or "among"."""

OBJECT_START_PATTERN: Final = regex.compile(
    r"""
    [acTD]{0,8}+             # "met secretly on Friday"
    [wt]?+                   # "with", "to"
    (?:d?+[ax]{0,3}+o)?+     # "the presidents of", "the recently elected chairwoman of"
    d?+(?=A)                 # "the", then the first object
    """,
    flags=regex.VERBOSE,
)
"""What may stand between a verb and its first object."""

OBJECT_TAIL_PATTERN: Final = regex.compile(
    r"(?:[TDc]|i[PT]){0,6}+  # what belongs to one object: \"in Moscow on July 5\"",
    flags=regex.VERBOSE,
)
"""The place and time that follow one object of several."""

OBJECT_NEXT_PATTERN: Final = regex.compile(
    r",?+&?+[wt]?+(?:d?+x{0,2}+o)?+d?+(?=A)  # \", and with the presidents of\"",
    flags=regex.VERBOSE,
)
"""What joins one object to the next."""

DESTINATION_PATTERN: Final = regex.compile(
    r"""
    d?+(?P<a>A)(?![xAoh])       # a party: "Zelensky", "Sierra Leone"
    | [dxAoh]{0,5}?(?P<p>P)     # a place, perhaps after words: "the beach resort of Phuket"
    | x{1,2}+i(?P<q>P)          # "Aceh in Indonesia": its country
    """,
    flags=regex.VERBOSE,
)
"""One destination of a visit."""

DESTINATION_NEXT_PATTERN: Final = regex.compile(
    r",?+&?+t?+(?=[dxAP])  # \", as well as\", \"and to\"",
    flags=regex.VERBOSE,
)
"""What joins one destination to the next."""

INFINITIVE_SUBJECT_PATTERN: Final = regex.compile(
    r"""
    (?:y(?P<a>A)              # "visits by Mr. Pompeo to meet"
    |(?P<a>G)x{0,2}+          # "Mr. Trump's eagerness to meet"
    |(?<=[xsa])(?P<a>A)       # "forced Greece to negotiate"
    )t$
    """,
    flags=regex.VERBOSE,
)
"""Whose purpose or wish an infinitive of meeting is."""

AGENT_PATTERN: Final = regex.compile(
    r"(?:[dacxDPTvb]|t[dx]{0,2}+|iP){0,6}+y(?P<a>A)  # \"visits to the North by Mr. Pompeo\"",
    flags=regex.VERBOSE,
)
"""The agent of a meeting noun: "a summit held by Biden"."""

OPENING_PATTERN: Final = regex.compile(
    r"p[dGacxD]{0,4}+[NJ],  # \"During his trip,\" opening the sentence",
    flags=regex.VERBOSE,
)
"""A meeting noun in the phrase that opens a sentence."""

PARTICIPLE_PATTERN: Final = regex.compile(
    r",a{0,3}+(?P<verb>[xv])[dac]{0,4}+$  # \", angrily canceling a planned meeting\"",
    flags=regex.VERBOSE,
)
"""A meeting noun that a participle governs: its party is the sentence's subject."""

SHARED_SUBJECT_PATTERN: Final = regex.compile(
    r"(?P<verb>[VIH])[^VIH|sr,&]{0,10}+,?+&a{0,4}+$  # \"visited the headquarters and met\"",
    flags=regex.VERBOSE,
)
"""A verb coordinated with an earlier one: they share its subject."""

SENTENCE_SUBJECT_PATTERN: Final = regex.compile(
    rf"""
    (?:
        (?<=^[dx]{{1,3}}+F)             # "Ministers from A, B and C"
      | (?<![iwtfyobmpFhGd])            # no preposition governs it
    )
    (?:(?P<list>{_LIST})|(?P<two>2))
    """,
    flags=regex.VERBOSE,
)
"""The first list of parties of a sentence that is not a prepositional object."""

PASSIVE_AGENT_PATTERN: Final = regex.compile(
    r"[^|]{0,8}?yA  # \"was met in Muscat by the ambassador\"",
    flags=regex.VERBOSE,
)
"""The agent of a passive "was met by"."""

HOSTED_NOUN_PATTERN: Final = regex.compile(
    r"[dacx]{0,3}+[NJ]  # \"hosted secret talks\"",
    flags=regex.VERBOSE,
)
"""A meeting noun right after a verb of hosting: the noun reads the parties."""

OF_PATTERN: Final = regex.compile(
    r"d{0,2}+od?+A  # \"a meeting of the committee\"",
    flags=regex.VERBOSE,
)
"""The party of a meeting noun's "of"."""

PARTNER_PATTERN: Final = regex.compile(
    rf"(?:w|(?<=A[av]{{0,3}})s)(?P<list>{_LIST})  # \"with B\", \"A told B\"",
    flags=regex.VERBOSE,
)
"""A party joined to the clause's subject by "with" or a speech verb's object."""

_PLURAL_MEETINGS: Final = frozenset(
    {"meetings", "visits", "trips", "summits", "calls", "phone calls"}
)

GROUP_PATTERN: Final = regex.compile(
    r"""
    (?<=[wbmVH]|A,?+&|[NJ]d?+o)  # after "with", "between", a meeting verb, "A and", "talks of"
    (?P<phrase>
        [dG]?+[dx]{0,3}+(?:&[dx]{1,2}+)?+g(?:o[dx]{0,2}+g|oG[dx]{0,2}+)?+  # "his top aides",
                                              # "Eriadori and Calenardhon leaders",
                                              # "leaders of Romania's new government"
      | G[dx]{0,2}+e                          # "Vietnam's president"
    )
    (?![oFAh])                  # not "the counterpart of ...", not a modifier
    | (?P<phrase>A[dx]{0,2}+g)(?=[NJ])        # "an EU foreign ministers' meeting"
    | (?:^|(?<=[,|]))(?P<phrase>[dx]{0,4}+g|G[dx]{0,2}+e)(?=[aTc]{0,6}+[VIH])
                                              # "Top-level envoys met", "Taiwan's vice
                                              # foreign minister visited"
    """,
    flags=regex.VERBOSE,
)
"""A run of words that may end in a group noun: "his top aides", "bombing victims"."""

_GROUP_NOUNS: Final = frozenset(lexicon("meeting_group_nouns"))
_TITLE_HEADS: Final = frozenset(lexicon("title_heads"))
_DETERMINERS: Final = frozenset(
    {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your"}
)

_WINDOW: Final = 30  # chunks read on each side of a trigger
_NEARBY_SENTENCES: Final = 3  # how far a mention naming nobody may lend its details
_RECENT: Final = 50  # clusters a new mention is compared with
_DATELINE_PARAGRAPHS: Final = 2  # a dateline opens one of the first paragraphs
_LEAD_TIMES: Final = 3  # the first time expressions, one of which may give the story's day
_PAIR_SENTENCES: Final = 12  # how far back "the two" may find the last pair that met

_PAST_SUPPORT: Final = frozenset(
    {"held", "had", "attended", "chaired", "joined", "participated in", "took part in"}
)
_PAST_SUPPORT_MORE: Final = frozenset(
    {"convened", "concluded", "wrapped up", "resumed", "began", "started", "renewed"}
)
_PAST_SUPPORT_ALL: Final = _PAST_SUPPORT | _PAST_SUPPORT_MORE | {"launched", "went into"}
_PAST_SUPPORT_ALL_AND_ENTERED: Final = _PAST_SUPPORT_ALL | {"entered", "led", "hosted"}
_BEFORE_TIME: Final = frozenset("AG,2avdcDpiPTh")  # what may stand between a time and its verb
_MOVES: Final = frozenset(
    {
        "left",
        "leaves",
        "leave",
        "heads",
        "headed",
        "went",
        "goes",
        "go",
        "came",
        "comes",
        "returned",
        "returns",
        "arrived",
        "arrives",
        "flew",
        "travelled",
        "traveled",
    }
)
_GOVERNORS: Final = frozenset("iwtfyobmpFs")  # what makes a name an object, not a subject
_EARLIER: Final = frozenset({"since", "after", "following"})  # a noun they govern is past
_MODALS: Final = frozenset(
    {"will", "would", "shall", "'ll", "is to", "are to", "expected", "due to"}
)
_NOT_ADVERBS: Final = frozenset(
    {
        "family",
        "ally",
        "rally",
        "assembly",
        "supply",
        "reply",
        "anomaly",
        "monopoly",
        "belly",
        "jelly",
        "bully",
        "folly",
        "holy",
        "ugly",
        "friendly",
        "daily",
        "weekly",
        "monthly",
        "yearly",
    }
)
_QUOTE_MARKS: Final = frozenset({'"', "'", "`"})
_DURATION_UNITS: Final = frozenset({"min", "h", "day", "days", "hours", "minutes", "week", "weeks"})
_OPEN_ENDED: Final = ("since", "until", "till", "through", "by ", "from", "within")
_PASSIVE_BE: Final = frozenset(
    {"is", "was", "were", "are", "been", "being", "be", "isn't", "wasn't"}
)


class _Chunk(NamedTuple):
    """One chunk of a sentence: a mention, place, time, quantity, trigger or word."""

    sym: str
    start: int
    end: int
    word: str  # lower-cased text of words and triggers
    actor: int  # index into the context's actors, or -1
    ref: Place | TimeRef | Quantity | None
    roles: tuple[tuple[str, str], ...]  # (role, channel) of a trigger
    form: str = ""  # how a mention refers: "name", "capital", ...


_new_chunk: Final = tuple.__new__  # builds a `_Chunk` from its eight fields


def _symbols(chunks: Iterable[_Chunk]) -> str:
    """The chunks' symbols as one string."""
    return "".join([c[0] for c in chunks])  # by index: faster than `.sym` in a generator


class _Found:
    """A mention of a meeting, before merging."""

    __slots__ = (
        "certain",
        "channel",
        "country",
        "duration",
        "implicit",
        "order",
        "parts",
        "place",
        "rule",
        "sentence",
        "span",
        "status",
        "time",
    )

    def __init__(self, *, sentence: int, order: int, span: Span, rule: str) -> None:
        self.sentence = sentence
        self.order = order
        self.span = span
        self.rule = rule
        self.parts: list[int] = []
        self.implicit: set[int] = set()  # host countries inferred from a place
        self.place: Place | None = None
        self.country: str | None = None
        self.time: TimeRef | None = None
        self.duration: Quantity | None = None
        self.status = MeetingStatus.HELD
        self.certain = False
        self.channel = Channel.UNKNOWN

    def named(self) -> list[int]:
        """The participants that the text names (not inferred host countries)."""
        return [p for p in self.parts if p not in self.implicit]


_GROUPS: Final = frozenset({ActorKind.SOURCE, ActorKind.GROUP})


class _Actors:
    """The context's actors plus host countries that only a place names."""

    __slots__ = ("_by_name", "items")

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.items: list[Actor] = list(actors)
        self._by_name: dict[str, int] = {}
        for index, actor in enumerate(actors):
            if actor.kind is ActorKind.COUNTRY:
                self._by_name.setdefault(actor.name, index)

    def country_of(self, index: int) -> str | None:
        """The actor's country; for an unnamed group, the country its words name."""
        actor = self.items[index]
        if actor.country is not None or actor.kind not in _GROUPS:
            return actor.country
        for m in SOURCE_WORD_PATTERN.finditer(actor.name):
            country = geo.country_of_demonym(m.group()) or geo.country_named(m.group())
            if country is not None:
                return country
        return None

    def group(self, name: str, *, person: bool = False) -> int:
        """The index of an unnamed party called `name`, made on first use.

        A group ("top aides"), or with `person` one person described by role ("Vietnam's
        president"), with the country its words name.
        """
        key = "group:" + name.lower()
        index = self._by_name.get(key)
        if index is None:
            index = len(self.items)
            kind = ActorKind.PERSON if person else ActorKind.GROUP
            country = None
            for m in SOURCE_WORD_PATTERN.finditer(name):
                country = geo.country_of_demonym(m.group()) or geo.country_named(m.group())
                if country is not None:
                    break
            self.items.append(Actor(name=name, kind=kind, country=country))
            self._by_name[key] = index
        return index

    def country(self, name: str) -> int:
        """The index of the country actor called `name`, made if the text never named it."""
        index = self._by_name.get(name)
        if index is None:
            index = len(self.items)
            self.items.append(Actor(name=name, kind=ActorKind.COUNTRY, country=name))
            self._by_name[name] = index
        return index


# --------------------------------------------------------------------------- chunks


def _is_country(place: Place) -> bool:
    """Whether the place is a whole country (a city-state such as Singapore is a city)."""
    return (
        place.country is not None
        and place.name == place.country
        and geo.capital_of(place.country) != place.name
    )


def _word_symbols() -> Mapping[str, str]:
    """Each known word's symbol.

    Function words win over punctuation, speech verbs, group nouns and title heads.
    """
    table: dict[str, str] = {}
    for words, symbol in (
        (_TITLE_HEADS, "e"),
        (_GROUP_NOUNS, "g"),
        (_SPEECH_VERBS, "s"),
        ((";", ":", "(", ")", "[", "]"), "|"),
        ((",",), ","),
        ((".", "-", "--", "\u2014"), "."),  # read in context
    ):
        table.update(dict.fromkeys(words, symbol))
    table.update(_SYMBOL_OF)
    return MappingProxyType(table)


_WORD_SYMBOLS: Final = _word_symbols()


def _mark_symbol(low: str, start: int, end: int, norm: str) -> str:
    """The symbol of ".", "-", "--" or an em dash, read from the spaces around it."""
    if low == ".":
        return "|" if end < len(norm) and norm[end].isspace() else "x"
    spaced = (start > 0 and norm[start - 1].isspace()) or (end < len(norm) and norm[end].isspace())
    return "~" if spaced or low in ("--", "\u2014") else "h"


def _other_symbol(word: str, low: str) -> str:
    """The symbol of a word no list names: an adverb in "-ly", else any word."""
    if low.endswith("ly") and len(low) > 4 and word[0].islower() and low not in _NOT_ADVERBS:  # noqa: PLR2004
        return "a"
    return "x"


def _candidates(
    ctx: Context, start: int, end: int, triggers: Sequence[_Trigger]
) -> list[tuple[int, int, int, _Chunk]]:
    """Every chunk that may stand in [start, end), with its priority (lower wins)."""
    norm = ctx.doc.norm
    out: list[tuple[int, int, int, _Chunk]] = []
    for phrase, s, e in triggers:
        out.append((0, s, e, _Chunk("M", s, e, phrase, -1, None, _ROLES[phrase])))
    places = ctx.places.within(start, end)
    place_at = {(p.span.start, p.span.end): p for p in places}
    for mention in ctx.mentions.within(start, end):
        s, e = mention.span.start, mention.span.end
        place = place_at.get((s, e))
        if place is not None and LOCATIVE_BEFORE_PATTERN.search(norm, max(0, s - 16), s):
            continue  # "held in Switzerland": a place, not a party
        out.append((1, s, e, _mention_chunk(ctx, mention)))
    for place in places:
        s, e = place.span.start, place.span.end
        inner = [m for m in ctx.mentions.within(s, e) if (m.span.start, m.span.end) != (s, e)]
        # "the NATO headquarters": a venue that holds a name is the venue
        out.append((1 if inner else 2, s, e, _Chunk("P", s, e, "", -1, place, ())))
    out.extend(
        (3, t.span.start, t.span.end, _Chunk("T", t.span.start, t.span.end, "", -1, t, ()))
        for t in ctx.times.within(start, end)
    )
    out.extend(
        (4, q.span.start, q.span.end, _Chunk("D", q.span.start, q.span.end, "", -1, q, ()))
        for q in ctx.quantities.within(start, end)
        if q.unit in _DURATION_UNITS  # other amounts are words like any other
    )
    return out


def _party_source(text: str) -> bool:
    """Whether an unnamed source can take part in a meeting: a country's officials.

    "South Korean officials", "U.S. officials", "government officials" can; "a
    diplomatic source", "analysts" cannot.
    """
    for m in SOURCE_WORD_PATTERN.finditer(text):
        word = m.group()
        if word.lower() == "government" or geo.country_of_demonym(word) or geo.country_named(word):
            return True
    return False


def _mention_chunk(ctx: Context, mention: Mention) -> _Chunk:
    text = ctx.doc.norm[mention.span.start : mention.span.end].lower()
    kind = ctx.actors[mention.actor].kind
    if (mention.form == "source" or kind is ActorKind.SOURCE) and not _party_source(
        ctx.doc.text[mention.span.start : mention.span.end]
    ):
        return _Chunk("x", mention.span.start, mention.span.end, text, -1, None, ())
    # "his"; "President Trump's" when the actor stage kept the possessive in the name
    possessive = text in {"his", "her", "their", "its"} or text.endswith(("'s", "\u2019s"))
    symbol = "G" if possessive else "A"
    return _Chunk(
        symbol, mention.span.start, mention.span.end, text, mention.actor, None, (), mention.form
    )


def _words(norm: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words of [start, end), lower-cased, function phrases joined ("as well as").

    `TOKEN_PATTERN` matches at every character that is not white space, so its tokens
    are separated by white space only: each one's offset is found with `str.find` from
    the end of the one before (cheaper than a match object per token).
    """
    found: list[str] = TOKEN_PATTERN.findall(norm, start, end)
    tokens: list[tuple[str, int, int]] = []
    pos = start
    for word in found:
        pos = norm.find(word, pos)
        tokens.append((word, pos, pos + len(word)))
        pos += len(word)
    lows = [w.lower() for w in found]
    # a function phrase can only start where its first two words stand
    joins = [i for i, pair in enumerate(itertools.pairwise(lows)) if pair in _PHRASE_PAIRS]
    if not joins:
        return tokens
    out: list[tuple[str, int, int]] = []
    i = 0
    for j in joins:
        if j < i:
            continue  # inside a phrase joined already
        out.extend(tokens[i:j])
        i = j
        word, s, e = tokens[i]
        for size in _PHRASE_LENGTHS:
            key = tuple(lows[i : i + size])
            if len(key) == size and key in _PHRASE_WORDS:
                word, e = _PHRASE_WORDS[key], tokens[i + size - 1][2]
                i += size - 1
                break
        out.append((word, s, e))
        i += 1
    out.extend(tokens[i:])
    return out


def _taken(candidates: list[tuple[int, int, int, _Chunk]], start: int, end: int) -> list[_Chunk]:
    """The best candidates that do not overlap, in text order.

    Best first, each is refused when it overlaps one taken before: a map of the taken
    characters answers that in one C call (a sorted list kept by insertion costs
    quadratic time on a long sentence).
    """
    used = bytearray(end - start)
    taken: list[_Chunk] = []
    for _, s, e, chunk in sorted(candidates, key=lambda c: (c[0], -(c[2] - c[1]), c[1])):
        if s >= e or used.find(1, s - start, e - start) >= 0:
            continue
        used[s - start : e - start] = b"\x01" * (e - s)
        taken.append(chunk)
    taken.sort(key=lambda c: c.start)
    return taken


def _chunks(
    ctx: Context, span: Span, triggers: Sequence[_Trigger], actors: _Actors
) -> list[_Chunk]:
    """The chunks of a sentence in text order: the best non-overlapping ones, then words."""
    start, end = span.start, span.end
    taken = _taken(_candidates(ctx, start, end, triggers), start, end)
    norm = ctx.doc.norm
    out: list[_Chunk] = []
    words = _words(norm, start, end)
    starts = [w[1] for w in words]
    count = len(words)
    w = 0
    pos = start
    for next_chunk in [*taken, None]:
        gap_end = end if next_chunk is None else next_chunk.start
        stop = bisect.bisect_left(starts, gap_end, w)  # the words that start in the gap
        gap: list[tuple[str, int, int]]
        if w == stop or (words[w][1] >= pos and words[stop - 1][2] <= gap_end):
            gap = words[w:stop]  # all inside the gap: the usual case
            w = stop
        else:
            gap = []
            while w < count and words[w][1] < gap_end:
                word, s, e = words[w]
                if s < pos or e > gap_end:  # a word that runs into a chunk: read its part anew
                    gap.extend(_words(norm, max(s, pos), min(e, gap_end)))
                else:
                    gap.append(words[w])
                if e > gap_end:
                    break
                w += 1
        while w < count and words[w][2] <= pos:
            w += 1
        for word, s, e in gap:
            if word[0] == "'" and s == pos and out and out[-1].sym in "AT":
                if out[-1].sym == "A":
                    out[-1] = out[-1]._replace(sym="G")
                continue
            if word in _QUOTE_MARKS:
                continue
            low = word.lower()
            symbol = _WORD_SYMBOLS.get(low)
            if symbol is None:
                symbol = _other_symbol(word, low) if low.endswith("ly") else "x"
            elif symbol == ".":
                symbol = _mark_symbol(low, s, e, norm)
            # the tuple constructor directly: `_Chunk(...)` adds a Python call per word
            out.append(_new_chunk(_Chunk, (symbol, s, e, low, -1, None, (), "")))
        if next_chunk is None:
            break
        out.append(next_chunk)
        pos = next_chunk.end
        while w < count and words[w][2] <= pos:
            w += 1
    chunks = _venues(_settle_triggers(out), ctx.places.within(start, end), ctx.doc.text, actors)
    return _groups(chunks, ctx.doc.text, actors)


# how far a `GROUP_PATTERN` match may start before its first "g" or "e"
_GROUP_REACH: Final = 7


def _groups(chunks: list[_Chunk], text: str, actors: _Actors) -> list[_Chunk]:
    """Unnamed groups that a meeting can be with: "met with his top aides".

    A run of up to four words ending in a group noun (``_data/meeting_group_nouns.txt``),
    after "with", "between", "and" or a meeting verb, becomes a party of its own, named
    as written without its determiner.
    """
    symbols = _symbols(chunks)
    if "g" not in symbols and "e" not in symbols:
        return chunks  # every `GROUP_PATTERN` match holds a group noun or a title head
    out: list[_Chunk] = []
    pos = 0
    at = 0  # where the scan goes on, as in `finditer`
    while True:
        # A match starts at most `_GROUP_REACH` symbols before its first "g" or "e": the
        # scan may skip to there (the same matches as `finditer`, far fewer tries).
        heads = [i for i in (symbols.find("g", at), symbols.find("e", at)) if i >= 0]
        if not heads:
            break
        m = GROUP_PATTERN.search(symbols, max(at, min(heads) - _GROUP_REACH))
        if m is None:
            break
        at = m.end()
        first, last = m.start("phrase"), m.end("phrase") - 1
        if first < pos:
            continue
        while first < last and chunks[first].word in _DETERMINERS:
            first += 1
        name = " ".join(text[chunks[first].start : chunks[last].end].split())
        out.extend(chunks[pos:first])
        out.append(
            _Chunk(
                "A",
                chunks[first].start,
                chunks[last].end,
                name.lower(),
                actors.group(name, person=chunks[last].sym == "e"),
                None,
                (),
            )
        )
        pos = last + 1
    out.extend(chunks[pos:])
    return [c._replace(sym="x") if c.sym in "ge" else c for c in out]


def _venues(
    chunks: list[_Chunk], places: Sequence[Place], text: str, actors: _Actors
) -> list[_Chunk]:
    """A name that is also a place, right before a meeting noun, is where it happens.

    "their upcoming White House meeting": the White House is the venue, not a party.
    """
    symbols = _symbols(chunks)
    if "AN" not in symbols and "AJ" not in symbols:
        return chunks
    at = {(p.span.start, p.span.end): p for p in places}
    for i, chunk in enumerate(chunks[:-1]):
        if chunk.sym == "A" and symbols[i + 1] in "NJ":
            place = at.get((chunk.start, chunk.end))
            if place is None and chunk.form == "capital" and chunk.actor >= 0:
                # "the Cairo talks": the capital names where, not who
                name = text[chunk.start : chunk.end]
                country = actors.items[chunk.actor].name
                place = Place(
                    name=name, country=country, span=Span(start=chunk.start, end=chunk.end)
                )
            if place is not None and not _is_country(place):
                chunks[i] = chunk._replace(sym="P", actor=-1, ref=place)
    return chunks


def _settle_triggers(chunks: list[_Chunk]) -> list[_Chunk]:
    """Give each trigger its symbol, choosing verb or noun from the words around it."""
    out = list(chunks)
    symbols = _symbols(chunks)
    k = symbols.find("M")
    while k >= 0:
        chunk = chunks[k]
        prev = chunks[k - 1].sym if k > 0 else "|"
        nxt = chunks[k + 1].sym if k + 1 < len(chunks) else "|"
        roles = {role for role, _ in chunk.roles}
        symbol = ""
        if chunk.word in {"host", "hosts"} and prev in "dG":
            symbol = "x"  # "the host Ethiopia", "the hosts' lead": a noun
        elif chunk.word == "visiting" and nxt == "A" and prev in "dypi|,&~":
            symbol = "x"  # "the visiting US secretary of state": who visits, not a visit
        elif "visit" in roles and "visit_noun" in roles:
            noun = prev in "dGD" or nxt in "twyo,|~.hfp" or nxt == "T"
            symbol = "J" if noun else "I"
        elif roles == {"noun"} and chunk.word in {"meeting", "meetings"}:
            symbol = "V" if nxt == "A" and prev not in "dGAD" else "N"
        elif roles == {"noun"} and chunk.word in {"call", "calls"}:
            symbol = "N" if (prev in "dGD" and nxt not in "fo") or nxt == "w" else "x"
        elif "meet" in roles:
            symbol = "V"
        elif roles & {"visit", "travel"}:
            symbol = "I"
        elif "host" in roles:
            symbol = "H"
        elif "visit_noun" in roles:
            symbol = "J"
        else:
            symbol = "N"
        out[k] = chunk._replace(sym=symbol)
        k = symbols.find("M", k + 1)
    return out


# --------------------------------------------------------------------------- reading


class _Sentence:
    """One sentence as chunks and their symbol string."""

    __slots__ = ("chunks", "index", "span", "symbols")

    def __init__(self, index: int, span: Span, chunks: list[_Chunk]) -> None:
        self.index = index
        self.span = span
        self.chunks = chunks
        self.symbols = _symbols(chunks)

    def actors_in(self, lo: int, hi: int) -> list[int]:
        return [c.actor for c in self.chunks[lo:hi] if c.sym in "AG" and c.actor >= 0]


def _clause(sentence: _Sentence, k: int) -> tuple[int, int]:
    """The chunk range of the clause around the trigger at k."""
    symbols = sentence.symbols
    lo = k
    while lo > 0 and k - lo < _WINDOW and symbols[lo - 1] not in "|s":
        lo -= 1
    hi = k + 1
    while hi < len(symbols) and hi - k < _WINDOW and symbols[hi] not in "|sr":
        hi += 1
    if hi < len(symbols) and symbols[hi] == "s":
        # ", the RIA news agency reported": the reporting clause is not the meeting's
        back = hi - 1
        while back > k and symbols[back] in "Adxa":
            back -= 1
        if back > k and symbols[back] == ",":
            hi = back
    return lo, hi


def _list_actors(sentence: _Sentence, lo: int, hi: int) -> list[int]:
    return [c.actor for c in sentence.chunks[lo:hi] if c.sym == "A" and c.actor >= 0]


def _pair(sentence: _Sentence, k: int, found: list[_Found], actors: _Actors) -> list[int]:
    """Resolve "the two": two people just named, or the parties of the last meeting."""
    people: list[int] = []
    for c in reversed(sentence.chunks[max(0, k - _WINDOW) : k]):
        if c.sym in "AG" and c.actor >= 0 and c.actor not in people:
            if actors.items[c.actor].kind is ActorKind.PERSON:
                people.append(c.actor)
            if len(people) == 2:  # noqa: PLR2004 - a pair
                return people[::-1]
    for previous in reversed(found[-_RECENT:]):
        if sentence.index - previous.sentence > _PAIR_SENTENCES:
            break
        if len(previous.named()) == 2:  # noqa: PLR2004 - a pair
            return previous.named()
    return []


def _has_any(text: str, chars: str) -> bool:
    """Whether any of `chars` occurs in `text` (a character class without a regex)."""
    return any(c in text for c in chars)


def _objects(sentence: _Sentence, k: int, hi: int) -> list[tuple[int, int, int]]:
    """The objects after a verb: (actor, first chunk, last chunk + 1) for each.

    "met A", "met with A, B and C", "spoke to A and the presidents of B and C",
    "meeting A in Moscow on July 5 and B in Beijing on July 8".
    """
    symbols = sentence.symbols
    stop = min(hi, k + 1 + _WINDOW)
    m = OBJECT_START_PATTERN.match(symbols, k + 1, stop)
    out: list[tuple[int, int, int]] = []
    i = k + 1 if m is None else m.end()
    while i < stop and symbols[i] == "A":
        begin = i
        tail = OBJECT_TAIL_PATTERN.match(symbols, i + 1, stop)
        i = i + 1 if tail is None else tail.end()
        out.append((sentence.chunks[begin].actor, begin, i))
        nxt = OBJECT_NEXT_PATTERN.match(symbols, i, stop)
        if nxt is None or nxt.end() == i or not _has_any(nxt.group(), ",&"):
            break
        i = nxt.end()
    return out


def _destinations(sentence: _Sentence, k: int, hi: int, *, direct: bool) -> list[tuple[int, int]]:
    """Where or whom a visit goes to: (chunk of an actor or place, end of its item).

    "visited Zelensky in Kyiv", "visit Thailand and Indonesia", "visit the Thai beach
    resort of Phuket", "visit Aceh in Indonesia, as well as Sri Lanka".
    """
    symbols = sentence.symbols
    stop = min(hi, k + 1 + _WINDOW)
    i = k + 1
    if not direct:
        while i < stop and symbols[i] in "acT":
            i += 1
    out: list[tuple[int, int]] = []
    while i < stop:
        m = DESTINATION_PATTERN.match(symbols, i, stop)
        if m is None:
            break
        target = m.start(m.lastgroup or "a")
        tail = OBJECT_TAIL_PATTERN.match(symbols, m.end(), stop)
        i = m.end() if tail is None else tail.end()
        out.append((target, i))
        nxt = DESTINATION_NEXT_PATTERN.match(symbols, i, stop)
        if nxt is None or not _has_any(nxt.group(), ",&"):
            break
        i = nxt.end()
    return out


# --------------------------------------------------------------------------- details


def _group_start(sentence: _Sentence, k: int, lo: int) -> int:
    """The first chunk of the words right before chunk k that modify it."""
    i = k
    while i > lo and k - i < 8 and sentence.chunks[i - 1].sym in "avdcTxD2":  # noqa: PLR2004
        i -= 1
    return i


def _verb_group(sentence: _Sentence, k: int, lo: int) -> tuple[int, int]:
    """The offsets of the words right before chunk k that modify it ("would likely")."""
    i = _group_start(sentence, k, lo)
    if i == k:
        return sentence.chunks[k].start, sentence.chunks[k].start
    return sentence.chunks[i].start, sentence.chunks[k].start


def _after_group(sentence: _Sentence, k: int, hi: int) -> tuple[int, int]:
    """The offsets of the verb group after a noun ("was set to take place").

    The noun's own parties come first: "the summit between A and B was called off".
    """
    chunks = sentence.chunks
    first = k + 1
    while first < hi and first - k < 12 and chunks[first].sym in "bmwAGd&,":  # noqa: PLR2004
        first += 1
    if first == k + 1 or chunks[first - 1].sym != "A":
        first = k + 1
    i = first
    while i < hi and i - first < 8 and chunks[i].sym in "avtxc":  # noqa: PLR2004
        i += 1
    if i == first:
        end = chunks[k].end
        return end, end
    return chunks[first].start, chunks[i - 1].end


def _status(
    ctx: Context,
    sentence: _Sentence,
    k: int,
    lo: int,
    hi: int,
    *,
    verb: bool,
) -> tuple[MeetingStatus | None, bool]:
    """The status and whether a word states it; None when the meeting is denied."""
    norm = ctx.doc.norm
    chunk = sentence.chunks[k]
    b_start, b_end = _verb_group(sentence, k, lo)
    a_start, a_end = _after_group(sentence, k, hi)
    if verb and k > 1 and sentence.chunks[k - 1].sym == "t":
        # "refused to meet", "was due to visit": the verb group that governs "to"
        b_start = _verb_group(sentence, k - 1, lo)[0]
    if _cued(NEGATION_PATTERN, _NEGATION_KEYS, norm, b_start, b_end):
        return None, True
    if _cued(CANCELLED_PATTERN, _CANCELLED_KEYS, norm, b_start, b_end) or _cued(
        CANCELLED_PATTERN, _CANCELLED_KEYS, norm, a_start, a_end
    ):
        return MeetingStatus.CANCELLED, True
    first = _group_start(sentence, k, lo)
    if not verb and any(
        c.sym == "v" and c.word in _PAST_SUPPORT_ALL_AND_ENTERED for c in sentence.chunks[first:k]
    ):
        return MeetingStatus.HELD, True  # "held a previously scheduled meeting"
    if _cued(PLANNED_PATTERN, _PLANNED_KEYS, norm, b_start, b_end):
        return MeetingStatus.PLANNED, True
    if first > 0 and sentence.chunks[first - 1].word == "ahead of":
        return MeetingStatus.PLANNED, True  # "ahead of December 21 talks"
    prev = sentence.chunks[k - 1] if k > 0 else None
    if verb and prev is not None and prev.sym == "t":
        for j in range(k - 1, lo - 1, -1):
            if sentence.chunks[j].sym in "IJ":
                # "two visits to the North to meet with Kim", "will visit Japan to meet Ikeda":
                # the purpose of a visit is as held or planned as the visit
                return _status(ctx, sentence, j, lo, hi, verb=sentence.chunks[j].sym == "I")
        return MeetingStatus.PLANNED, True  # "to meet", "plans to visit"
    if not verb and _cued(PLANNED_PATTERN, _PLANNED_KEYS, norm, a_start, a_end):
        return MeetingStatus.PLANNED, True
    anchor = first - 1
    while anchor >= lo and sentence.chunks[anchor].sym in "AGh":
        anchor -= 1
    if not verb and anchor >= 0 and sentence.chunks[anchor].word in _EARLIER:
        return MeetingStatus.HELD, False  # "will gather for the first time since their talks"
    if not verb and any(c.word in _MODALS for c in sentence.chunks[lo:k]):
        return MeetingStatus.PLANNED, True  # "will also be on the agenda of the talks"
    if not verb:
        # "held talks": the support verb's tense
        for c in sentence.chunks[max(lo, k - 5) : k]:
            if c.sym == "v" and c.word in _PAST_SUPPORT_ALL_AND_ENTERED:
                return MeetingStatus.HELD, True
        return MeetingStatus.HELD, False
    word = chunk.word.split()[0]
    past = word.endswith("ed") or word in {"met", "spoke", "spoken", "sat", "flew", "paid", "made"}
    return MeetingStatus.HELD, past


def _located(chunks: Sequence[_Chunk], i: int) -> bool:
    """Whether the place at chunk i is where something happens ("in X", "at his X")."""
    before = chunks[i - 1].sym if i > 0 else "|"
    if before == "d" and i > 1:
        before = chunks[i - 2].sym
    if before == "o":  # "in the capital of Hanoi", "at the truce village of Panmunjom"
        return any(c.sym == "i" for c in chunks[max(0, i - 5) : i - 1])
    return before in "i,P"


def _pick_place(sentence: _Sentence, k: int, lo: int, hi: int, exclude: int) -> Place | None:
    """The place of the meeting at k: after it ("met in Geneva"), else before it."""
    chunks = sentence.chunks
    nxt = k + 1
    while nxt < hi and chunks[nxt].sym not in "VINJH" and not _ends_phrase(chunks[nxt]):
        nxt += 1
    before = []
    for i in range(k - 1, lo - 1, -1):
        if chunks[i].sym in "VINJHtv" or _ends_phrase(chunks[i]):
            break  # "his mission in Washington was to brief Shultz on Thatcher's visit"
        before.append(i)
    country: Place | None = None
    for i in [*range(k + 1, nxt), *before]:
        place = chunks[i].ref
        if chunks[i].sym == "P" and i != exclude and _located(chunks, i):
            if isinstance(place, Place) and not _is_country(place):
                return place
            if isinstance(place, Place) and country is None:
                country = place
    return country


def _pick(sentence: _Sentence, k: int, lo: int, hi: int, symbol: str) -> _Chunk | None:
    chunks = sentence.chunks
    for i in range(k + 1, hi):
        if chunks[i].sym in "VINJH":
            break
        if i + 1 < len(chunks) and chunks[i + 1].sym in "NJ":
            break  # "ahead of December 21 talks": the next noun's
        if chunks[i].sym == symbol and _usable(chunks[i]):
            return chunks[i]
        if _ends_phrase(chunks[i]):
            break  # "met with Kim and a string of gestures that included the release last week"
    for i in range(k - 1, lo - 1, -1):
        if chunks[i].sym in "VINJH" and symbol == "T":
            break
        if chunks[i].sym == symbol and _usable(chunks[i]):
            return chunks[i]
        if chunks[i].sym not in _BEFORE_TIME:
            break  # "Wednesday to protest ... and calling into doubt the meeting"
    return None


def _ends_phrase(chunk: _Chunk) -> bool:
    """Whether a chunk after a meeting word starts another clause: a verb, "who", "said"."""
    if chunk.sym in "sr|":
        return True
    return chunk.sym == "x" and chunk.word.endswith(("ed", "ing"))


def _usable(chunk: _Chunk) -> bool:
    ref = chunk.ref
    if isinstance(ref, TimeRef):
        return not ref.text.lower().startswith(_OPEN_ENDED)
    return True


def _channel(sentence: _Sentence, k: int, lo: int, hi: int) -> Channel:
    chunk = sentence.chunks[k]
    channel = Channel(chunk.roles[0][1])
    for role, value in chunk.roles:
        if (role == "noun") == (chunk.sym == "N"):
            channel = Channel(value)
    for c in sentence.chunks[max(lo, k - 3) : min(hi, k + 6)]:
        if c.sym == "c":
            if "phone" in c.word:
                return Channel.PHONE
            if "video" in c.word or c.word in {"virtually", "online"}:
                return Channel.VIDEO
            return Channel.IN_PERSON
    return channel


# --------------------------------------------------------------------------- per trigger


class _Item(NamedTuple):
    """The parties of one meeting that a trigger reports, before its details."""

    parts: list[int]
    rule: str
    implicit: frozenset[int] = frozenset()  # host countries inferred from a place
    place: Place | None = None  # a place of its own ("met A in Moscow and B in Beijing")
    place_chunk: int = -1  # the chunk of a visit's destination
    country: str | None = None  # the country it happens in, when a visit says so


class _Reader:
    """Reads the meeting triggers of one sentence."""

    __slots__ = ("actors", "ctx", "found", "sentence", "subjects")

    def __init__(
        self, ctx: Context, sentence: _Sentence, found: list[_Found], actors: _Actors
    ) -> None:
        self.ctx = ctx
        self.sentence = sentence
        self.found = found
        self.actors = actors
        self.subjects: dict[int, list[int]] = {}  # verb chunk -> its subject

    # ----------------------------------------------------------------- subjects

    def subject(self, k: int, lo: int) -> list[int]:
        """The subject of the verb at k: right before it, shared, or the clause's."""
        sentence = self.sentence
        m = SUBJECT_PATTERN.search(sentence.symbols, max(lo, k - _WINDOW), k)
        if m is not None and m.group("two"):
            return _pair(sentence, m.start("two"), self.found, self.actors)
        if m is not None:
            return _list_actors(sentence, m.start("list"), m.end("list"))
        purpose = INFINITIVE_SUBJECT_PATTERN.search(sentence.symbols, max(lo, k - _WINDOW), k)
        if purpose is not None:
            # "visits by Mr. Pompeo to meet", "Mr. Trump's eagerness to meet"
            return [sentence.chunks[purpose.start("a")].actor]
        shared = SHARED_SUBJECT_PATTERN.search(sentence.symbols, max(lo, k - _WINDOW), k)
        if shared is not None:
            # "visited the headquarters and met A": the subject of the verb before
            return self.subjects.get(shared.start("verb"), [])
        if k > 0 and sentence.chunks[k - 1].sym == "t":
            mover = self.mover(lo, k - 1)
            if mover is not None and sentence.chunks[mover].sym in "IJ":
                # "would visit Japan for three days to meet Ikeda": the visitor
                return self.subjects.get(mover, [])
        before = k - 1
        while before >= max(lo, k - 8) and sentence.chunks[before].sym in "acTvt":
            before -= 1
        if before >= 0 and sentence.chunks[before].sym == "x":
            word = sentence.chunks[before].word
            if not word.endswith(("ing", "ed")):
                return []  # "Pakistani troops visited China": a subject the actors missed
        return self.fallback(k, lo, k + 1)

    def fallback(self, k: int, lo: int, skip_hi: int) -> list[int]:
        """The subject at the start of the clause, else the sentence's subject."""
        sentence = self.sentence
        if lo > 0:
            m = CLAUSE_SUBJECT_PATTERN.match(sentence.symbols, lo, k)
            if m is not None:
                return self._read_subject(m)
        return self.sentence_subject(k, skip_hi)

    def _read_subject(self, m: regex.Match[str]) -> list[int]:
        if m.group("two"):
            return _pair(self.sentence, m.start("two"), self.found, self.actors)
        return _list_actors(self.sentence, m.start("list"), m.end("list"))

    def sentence_subject(self, k: int, skip_hi: int) -> list[int]:
        """The first list of parties in the sentence that no preposition governs.

        It is looked for before chunk k; when the trigger's phrase opens the sentence
        ("At an EU meeting on Monday, Jack Straw said"), after that phrase.
        """
        symbols = self.sentence.symbols
        quote = self.quote(k)
        windows = ((max(0, k - 2 * _WINDOW), k), (skip_hi, min(len(symbols), skip_hi + _WINDOW)))
        for begin, end in windows:
            if begin == skip_hi and (
                _has_any(symbols[max(0, k - _WINDOW) : k], "AG2")
                or skip_hi >= len(symbols)
                or symbols[skip_hi] != ","
            ):
                break  # only an opening phrase ("At the meeting, A said") looks after itself
            if begin == skip_hi:
                # after an opening phrase, the main clause's subject starts it
                m = CLAUSE_SUBJECT_PATTERN.match(symbols, begin + 1, end)
            else:
                m = SENTENCE_SUBJECT_PATTERN.search(symbols, begin, end)
            if m is not None and self.quote(m.start()) == quote:
                return self._read_subject(m)
        return []

    def quote(self, i: int) -> tuple[int, int] | None:
        """The quotation that chunk i stands in, as (start, end), or None."""
        chunks = self.sentence.chunks
        if i >= len(chunks):
            return None
        region = self.ctx.doc.quote_at(chunks[i].start)
        return None if region is None else (region.span.start, region.span.end)

    def antecedent(self, i: int, *, plural: bool = False) -> list[int]:
        """The person that "his" or "her" at chunk i most likely refers to.

        The actor stage links subject pronouns; a possessive before a meeting noun is
        read here the way centering theory reads it: the first person named in the
        sentence, else the first person named in the sentence before. "their" is the
        last list of two parties or more before it in the sentence ("he and Erdogan").
        """
        actors = self.actors
        if plural:
            start = max(0, i - _WINDOW)
            lists = [
                m
                for m in LIST_PATTERN.finditer(self.sentence.symbols, start, i)
                if "&" in m.group()
            ]
            if not lists:
                return []
            return _list_actors(self.sentence, lists[-1].start(), lists[-1].end())
        chunks = self.sentence.chunks
        for j in range(max(0, i - 2 * _WINDOW), i):
            c = chunks[j]
            before = j - 1
            while before > max(0, j - 4) and chunks[before].sym in "dxA":
                before -= 1  # "addressed to European Council President Charles Michel"
            governed = before >= 0 and chunks[before].sym in _GOVERNORS
            person = c.actor >= 0 and actors.items[c.actor].kind is ActorKind.PERSON
            if c.sym in "AG" and person and not governed:
                return [c.actor]
        index = self.sentence.index
        if index > 0:
            span = self.ctx.doc.sentences[index - 1].span
            for m in self.ctx.mentions.within(span.start, span.end):
                if actors.items[m.actor].kind is ActorKind.PERSON:
                    return [m.actor]
        return []

    # ----------------------------------------------------------------- roles

    def meet(self, k: int, lo: int, hi: int) -> list[_Item]:
        """Read a verb of meeting: "A met B", "A and B met", "B was met by A"."""
        sentence = self.sentence
        chunk = sentence.chunks[k]
        prev = sentence.chunks[k - 1] if k > 0 else None
        if chunk.word == "met" and prev is not None and prev.word in _PASSIVE_BE:
            m = PASSIVE_AGENT_PATTERN.match(sentence.symbols, k + 1, hi)
            if m is None:
                return []  # "the demands were met"
            agent = sentence.chunks[m.end() - 1].actor
            return [_Item([agent, *self.subject(k - 1, lo)], "meeting.met_by")]
        subject = self.subject(k, lo)
        self.subjects[k] = subject
        objects = _objects(sentence, k, hi)
        if objects and _modifier(sentence, objects[0][1]):
            return []  # "to meet its EU obligations": a name that modifies a noun
        if objects and not subject:
            return []  # objects alone did not meet each other
        if len(objects) > 1 and len(subject) == 1:
            return [
                _Item([*subject, actor], "meeting.met_each", place=_own_place(sentence, b, e))
                for actor, b, e in objects
            ]
        if objects:
            return [_Item([*subject, *(o[0] for o in objects)], "meeting.met_with")]
        rule = "meeting.met_together" if len(subject) > 1 else "meeting.met_with"
        return [_Item(subject, rule)]

    def host(self, k: int, lo: int, hi: int) -> list[_Item]:
        """Read a verb of hosting: "A hosted B", "A received B"."""
        sentence = self.sentence
        chunk = sentence.chunks[k]
        if HOSTED_NOUN_PATTERN.match(sentence.symbols, k + 1, hi):
            return []  # "hosted talks between ...": the noun reads it
        objects = _objects(sentence, k, hi)
        if not objects:
            return []
        after = objects[0][1] + 1
        if chunk.word.startswith(("receiv", "welcom")) and (
            (after < len(sentence.chunks) and sentence.chunks[after].sym == "x")
            or "o" in sentence.symbols[k + 1 : objects[0][1]]
        ):
            return []  # "received US approval", "received the blessing of A": not guests
        subject = self.subject(k, lo)
        self.subjects[k] = subject
        if not subject:
            return []
        return [_Item([*subject, *(o[0] for o in objects)], "meeting.hosted")]

    def visit(self, k: int, lo: int, hi: int) -> list[_Item]:
        """Read a verb of visiting: "A visited B", "A will visit Moscow", "A flew to Kyiv"."""
        chunk = self.sentence.chunks[k]
        travel = any(role == "travel" for role, _ in chunk.roles)
        subject = self.subject(k, lo)
        self.subjects[k] = subject
        kinds = {self.actors.items[a].kind for a in subject}
        if travel and ActorKind.PERSON not in kinds:
            return []  # troops and ships arrive too
        dests = _destinations(self.sentence, k, hi, direct=travel)
        if travel:
            # "arrived in Philadelphia" is a trip, "flew to Moscow" a visit to a country
            dests = [d for d in dests if _seat_or_party(self.sentence.chunks[d[0]])]
        items = [self.destination(target, subject, "") for target, _ in dests]
        return [i for i in items if i is not None] or [_Item(subject, "meeting.visit")]

    def destination(self, target: int, visitors: list[int], rule: str) -> _Item | None:
        """Visitors plus whom or where they visit; None for a trip at home."""
        sentence, actors = self.sentence, self.actors
        chunk = sentence.chunks[target]
        homes = {actors.items[v].country for v in visitors} - {None}
        if chunk.sym == "A":
            actor = actors.items[chunk.actor]
            if actor.kind is ActorKind.COUNTRY:
                if actor.name in homes:
                    return None
                return _Item(
                    [*visitors, chunk.actor],
                    rule or "meeting.visit_country",
                    place_chunk=target,
                    country=actor.name,
                )
            own = None
            if target + 2 < len(sentence.chunks) and sentence.chunks[target + 1].sym == "i":
                ref = sentence.chunks[target + 2].ref
                own = ref if isinstance(ref, Place) else None
            return _Item(
                [*visitors, chunk.actor],
                rule or "meeting.visit_party",
                place=own,
                place_chunk=target,
            )
        place = chunk.ref
        if not isinstance(place, Place) or place.country is None or place.country in homes:
            return None
        host = actors.country(place.country)
        if _is_country(place):
            return _Item(
                [*visitors, host],
                rule or "meeting.visit_country",
                place_chunk=target,
                country=place.country,
            )
        return _Item(
            [*visitors, host],
            rule or "meeting.visit_place",
            frozenset({host}),
            place=place,
            place_chunk=target,
            country=place.country,
        )

    def noun(self, k: int, lo: int, hi: int) -> list[_Item]:
        """Read a meeting noun: "A's talks with B", "talks between A and B", "a visit to X"."""
        sentence = self.sentence
        symbols = sentence.symbols
        chunk = sentence.chunks[k]
        objects: list[int] = []
        again: list[int] = []  # "with A ... and with B": a second meeting
        between = False
        stop = min(hi, k + 1 + _WINDOW)
        m = NOUN_OBJECT_PATTERN.match(symbols, k + 1, stop)
        if m is not None and m.group("list"):
            objects = _list_actors(sentence, m.start("list"), m.end("list"))
            more = AGAIN_PATTERN.match(symbols, m.end(), stop)
            if more is not None:
                again = _list_actors(sentence, more.start("list"), more.end("list"))
        if m is not None and symbols[m.start("to")] in "bm":
            # "between producers and Asia's consumers - China, India and Japan"
            between = True
            run = RUN_PATTERN.match(symbols, m.start("to") + 1, stop)
            if run is not None:
                objects = _list_actors(sentence, run.start(), run.end())
        of = OF_PATTERN.match(symbols, k + 1, hi)
        if of is not None:
            objects.insert(0, sentence.chunks[of.end() - 1].actor)
        parts, rule = self.noun_subject(k, lo, hi, complete=between)
        if between and rule == "meeting.noun_with":
            rule = "meeting.between"
        if chunk.sym == "J" and not (k + 1 < len(symbols) and symbols[k + 1] == "w"):
            dests = (
                _destinations(sentence, k + 1, hi, direct=True)
                if (k + 1 < len(symbols) and symbols[k + 1] == "t")
                else []
            )
            items = [self.destination(target, parts, "meeting.visit_to") for target, _ in dests]
            return [i for i in items if i is not None] or [_Item(parts, "meeting.visit_noun")]
        if chunk.word in _PLURAL_MEETINGS and len(objects) > 1 and len(parts) == 1:
            return [_Item([*parts, actor], rule) for actor in objects]  # "his meetings with A, B"
        if again and parts:
            return [_Item([*parts, *objects], rule), _Item([*parts, *again], rule)]
        return [_Item([*parts, *objects], rule)]

    def noun_subject(self, k: int, lo: int, hi: int, *, complete: bool) -> tuple[list[int], str]:
        """The parties before a meeting noun, and the rule that found them.

        `complete`: the noun names its parties itself ("talks between A and B"), so the
        clause's subject is not added to them.
        """
        sentence = self.sentence
        symbols = sentence.symbols
        left = max(lo, k - _WINDOW)
        possessor = POSSESSOR_PATTERN.search(symbols, left, k)
        if possessor is not None:
            return [sentence.chunks[possessor.start("g")].actor], "meeting.noun_with"
        for i in range(k - 1, max(lo, k - 5) - 1, -1):
            chunk = sentence.chunks[i]
            if chunk.sym not in "dacxD":
                break
            if chunk.word in {"his", "her", "their"}:
                found = self.antecedent(i, plural=chunk.word == "their")
                if found or chunk.word != "their":
                    return found, "meeting.noun_with"
                break  # "their upcoming meeting" with no pair named: read on
            if chunk.word in {"my", "your", "our", "its"} or chunk.word.endswith(("'s", "s'")):
                return [], "meeting.noun_with"  # a party this reader cannot tell ("Lama's")
        support = SUPPORT_PATTERN.search(symbols, left, k)
        if support is not None:
            if support.group("two"):
                return _pair(sentence, support.start("two"), self.found, self.actors), (
                    "meeting.held_talks"
                )
            return _list_actors(sentence, support.start("list"), support.end("list")), (
                "meeting.held_talks"
            )
        parts: list[int] = []
        rule = "meeting.noun_with"
        compound = COMPOUND_PATTERN.search(symbols, left, k)
        if compound is not None:
            rule = "meeting.compound"
            parts = _list_actors(sentence, compound.start(), compound.end())
        agent = AGENT_PATTERN.match(symbols, k + 1, hi)
        if agent is not None:
            parts.append(sentence.chunks[agent.start("a")].actor)  # "a summit held by A"
        if complete or agent is not None:
            return parts, rule
        participle = PARTICIPLE_PATTERN.search(symbols, left, k)
        if participle is not None and sentence.chunks[participle.start("verb")].word.endswith(
            "ing"
        ):
            return [*self.sentence_subject(participle.start(), k + 1), *parts], rule
        adjunct = ADJUNCT_PATTERN.search(symbols, left, k)
        if adjunct is not None and symbols[adjunct.start()] == "f":
            # "visit Moscow for talks with Lavrov", not "hope for a summit with Kim"
            mover = self.mover(lo, adjunct.start())
            if mover is None:
                adjunct = None
            elif mover in self.subjects:
                partners = self.partners(lo, adjunct.start())
                return [*self.subjects[mover], *partners, *parts], rule
        start = adjunct.start() if adjunct is not None else k
        partners = self.partners(lo, start)
        if compound is not None and not partners and (adjunct is None or symbols[start] == "f"):
            return parts, rule  # "momentum for the GATT talks": not the subject's meeting
        if adjunct is not None or (compound is None and "A" not in symbols[lo:k]):
            phrase_end = k + 1
            while phrase_end < min(hi, k + _WINDOW) and symbols[phrase_end] not in ",|~rs":
                phrase_end += 1
            subject = self.fallback(start, lo, phrase_end)
            parts = [*subject, *partners, *(p for p in parts if p not in subject)]
        return parts, rule

    def mover(self, lo: int, end: int) -> int | None:
        """The last verb of meeting or moving before `end` in the clause, or None."""
        for i in range(end - 1, lo - 1, -1):
            chunk = self.sentence.chunks[i]
            if chunk.sym in "VIHJ" or chunk.word in _MOVES:
                return i
        return None

    def partners(self, lo: int, end: int) -> list[int]:
        """Parties the clause joins to its subject before a meeting noun.

        "A raised it WITH B at a G7 meeting", "Over a phone call, A told B".
        """
        sentence = self.sentence
        out = []
        for m in PARTNER_PATTERN.finditer(sentence.symbols, lo, end):
            out.extend(_list_actors(sentence, m.start("list"), m.end("list")))
        return out

    # ----------------------------------------------------------------- details

    def read(self, k: int) -> list[_Found]:
        """Every meeting mention that the trigger at chunk k reports."""
        sentence = self.sentence
        chunk = sentence.chunks[k]
        lo, hi = _clause(sentence, k)
        status, certain = _status(self.ctx, sentence, k, lo, hi, verb=chunk.sym in "VIH")
        if status is None:
            return []
        if chunk.sym == "V":
            items = self.meet(k, lo, hi)
        elif chunk.sym == "H":
            items = self.host(k, lo, hi)
        elif chunk.sym == "I":
            items = self.visit(k, lo, hi)
        else:
            items = self.noun(k, lo, hi)
        time = _pick(sentence, k, lo, hi, "T")
        duration = _pick(sentence, k, lo, hi, "D")
        channel = _channel(sentence, k, lo, hi)
        opening = OPENING_PATTERN.match(sentence.symbols)
        wide_place: Place | None = None
        if opening is not None and opening.end() == k + 2:
            # "During his trip, Mr Straw will speak at a conference in Jakarta on Thursday":
            # the main clause tells where and when the trip is
            rest = sentence.chunks[k + 2 :]
            time = time or next((c for c in rest if c.sym == "T" and _usable(c)), None)
            wide_place = next(
                (
                    c.ref
                    for i, c in enumerate(rest, k + 2)
                    if c.sym == "P"
                    and isinstance(c.ref, Place)
                    and _located(sentence.chunks, i)
                    and not _is_country(c.ref)
                ),
                None,
            )
        out = []
        for item in items:
            f = _Found(sentence=sentence.index, order=k, span=sentence.span, rule=item.rule)
            for p in item.parts:
                if p >= 0 and p not in f.parts:
                    f.parts.append(p)
            f.implicit = set(item.implicit) & set(f.parts)
            place = item.place or _pick_place(sentence, k, lo, hi, item.place_chunk) or wide_place
            if place is not None and _is_country(place):
                f.country = place.country
            elif place is not None:
                f.place, f.country = place, place.country
            f.country = item.country or f.country
            if time is not None and isinstance(time.ref, TimeRef):
                f.time = time.ref
                if status is MeetingStatus.PLANNED and self.ctx.published is not None:
                    f.time = _forward(time.ref, self.ctx.published)
            if duration is not None and isinstance(duration.ref, Quantity):
                f.duration = duration.ref
            f.status, f.certain = status, certain
            f.channel = channel
            if channel is Channel.UNKNOWN and f.place is not None:
                f.channel = Channel.IN_PERSON
            out.append(f)
        return out


def _seat_or_party(chunk: _Chunk) -> bool:
    """Whether a destination is a party, a country or a capital: where visits go."""
    place = chunk.ref
    if not isinstance(place, Place):
        return chunk.sym == "A"
    return place.country is not None and (
        place.name == place.country or geo.capital_of(place.country) == place.name
    )


def _modifier(sentence: _Sentence, i: int) -> bool:
    """Whether the name at chunk i modifies the noun after it ("its EU obligations")."""
    if i + 1 >= len(sentence.chunks):
        return False
    after = sentence.chunks[i + 1]
    return after.sym == "x" and not after.word.endswith(("ed", "ing"))


def _own_place(sentence: _Sentence, begin: int, end: int) -> Place | None:
    for c in sentence.chunks[begin:end]:
        if c.sym == "P" and isinstance(c.ref, Place) and not _is_country(c.ref):
            return c.ref
    return None


# --------------------------------------------------------------------------- merging


def _overlap(a: TimeRef | None, b: TimeRef | None) -> bool:
    if a is None or b is None:
        return True
    a_start, a_end = a.start, a.end or a.start
    b_start, b_end = b.start, b.end or b.start
    if a_start is None or b_start is None or a_end is None or b_end is None:
        return a.text.lower() == b.text.lower() or a_start is None or b_start is None
    return a_start <= b_end and b_start <= a_end


def _places_fit(a: _Found, b: _Found) -> bool:
    if a.country is not None and b.country is not None and a.country != b.country:
        return False
    if a.place is not None and b.place is not None:
        return a.place.name == b.place.name or a.place.country == b.place.country
    return True


def _covered(named: Iterable[int], big: _Found, actors: _Actors) -> bool:
    """Whether each named party is among `parts`, allowing a country for its people.

    "Russia" is covered by "Sergey Lavrov" (of Russia), and "John Kerry" (of the United
    States) by "the United States".
    """
    items = actors.items
    parts = big.parts
    people_of = {actors.country_of(p) for p in parts}
    persons_of = {items[p].country for p in parts if items[p].kind is ActorKind.PERSON}
    countries = {items[p].name for p in big.named() if items[p].kind is ActorKind.COUNTRY}
    for p in named:
        if p in parts:
            continue
        actor = items[p]
        if actor.kind is ActorKind.COUNTRY and actor.name in people_of:
            continue
        if actor.kind is not ActorKind.COUNTRY and actors.country_of(p) in countries:
            continue
        if actor.kind in _GROUPS and actors.country_of(p) in persons_of - {None}:
            continue  # "Russian diplomats" and Sergey Lavrov
        return False
    return True


def _compatible(a: _Found, b: _Found) -> bool:
    """Whether status, channel, time and place allow two mentions to be one meeting."""
    statuses = {a.status, b.status}
    if a.certain and b.certain and len(statuses) > 1 and MeetingStatus.HELD in statuses:
        return False
    if Channel.UNKNOWN not in {a.channel, b.channel} and a.channel is not b.channel:
        return False
    return _overlap(a.time, b.time) and _places_fit(a, b)


def _fit(a: _Found, b: _Found, actors: _Actors) -> int:
    """How well two mentions fit as one meeting: 0 not, 1 loosely, 2 surely."""
    if not _compatible(a, b):
        return 0
    return max(_within(a, b, actors), _within(b, a, actors))


def _within(small: _Found, big: _Found, actors: _Actors) -> int:
    """Whether `small` names no one outside `big` (2), or does so loosely (1), or not (0).

    One named party (a visitor whose host only a place gives, "Blinken said after the
    meeting") is too little on its own: the two must also share a sentence, a stated
    country or a stated time, and the fit is loose.
    """
    named = small.named()
    if not _covered(named, big, actors):
        return 0
    if len(named) != 1:
        return 2
    if small.sentence == big.sentence:
        return 1
    if small.country is not None and small.country == big.country:
        return 1
    if small.time is not None and big.time is not None and small.time.start is not None:
        return 1
    return 0


_GRAIN: Final = {
    Granularity.DAY: 0,
    Granularity.WEEK: 1,
    Granularity.RANGE: 2,
    Granularity.MONTH: 3,
    Granularity.YEAR: 4,
}


def _people(f: _Found, actors: _Actors) -> int:
    return sum(actors.items[p].kind is ActorKind.PERSON for p in f.named())


def _absorb(into: _Found, other: _Found, actors: _Actors, *, lone: bool = False) -> None:
    """Add what `other` says about the meeting to `into`.

    A `lone` mention names fewer than two parties: it may tell that the meeting was
    cancelled, but its other statuses are too loosely tied to override. The meeting's
    span and rule are those of the mention that names the most people.
    """
    if not lone and _people(other, actors) > _people(into, actors):
        into.span, into.rule = other.span, other.rule
    homes = {actors.items[p].country for p in into.parts}
    for p in other.parts:
        actor = actors.items[p]
        if p not in into.parts and not (actor.kind is ActorKind.COUNTRY and actor.name in homes):
            into.parts.append(p)
            if p in other.implicit:
                into.implicit.add(p)
    into.implicit &= set(other.implicit) | (into.implicit - set(other.parts))
    if into.place is None:
        into.place = other.place
    if into.country is None:
        into.country = other.country
    if (
        other.time is not None
        and other.time.start is not None
        and (
            into.time is None
            or into.time.start is None
            or _GRAIN[other.time.granularity] < _GRAIN[into.time.granularity]
        )
    ):
        into.time = other.time
    if into.duration is None:
        into.duration = other.duration
    cancelled = other.status is MeetingStatus.CANCELLED
    if other.certain and (cancelled or (not into.certain and not lone)):
        into.status, into.certain = other.status, True
    if into.channel is Channel.UNKNOWN:
        into.channel = other.channel


def _merge(found: list[_Found], actors: _Actors) -> list[_Found]:
    """One record per meeting.

    Mentions that name two parties or more join, in text order, the recent cluster they
    fit best; clusters that came to name the same parties join next; last, a mention
    naming fewer than two lends its details to the nearest cluster it fits.
    """
    clusters: list[_Found] = []
    lone: list[_Found] = []
    for f in found:
        if len(f.parts) < 2:  # noqa: PLR2004 - a pair
            lone.append(f)
            continue
        _join(clusters, f, actors)
    merged: list[_Found] = []
    for cluster in clusters:
        _join(merged, cluster, actors)
    sentences = [c.sentence for c in merged]
    for f in lone:
        best = _nearest_fit(f, merged, sentences, actors)
        if best is not None:
            _absorb(best, f, actors, lone=True)
    return merged


def _nearest_fit(
    f: _Found, merged: list[_Found], sentences: list[int], actors: _Actors
) -> _Found | None:
    """The nearby cluster that `f` fits best: its own sentence, then back, then ahead.

    Clusters are in sentence order, so each sentence's clusters are one run; within
    one distance the first that fits wins. Trying the runs nearest first and stopping
    at a fit keeps a long sentence with many mentions from costing quadratic time.
    """
    order = [f.sentence - d for d in range(_NEARBY_SENTENCES + 1)]
    if f.parts:  # a mention naming nobody ("the meeting") points back only
        order += [f.sentence + d for d in range(1, _NEARBY_SENTENCES + 1)]
    for sentence in order:
        for i in range(
            bisect.bisect_left(sentences, sentence), bisect.bisect_right(sentences, sentence)
        ):
            if _fit(merged[i], f, actors):
                return merged[i]
    return None


def _join(clusters: list[_Found], f: _Found, actors: _Actors, needed: int = 1) -> None:
    """Merge `f` into the recent cluster it fits best, or start a new one."""
    best: _Found | None = None
    best_fit = needed - 1
    for cluster in reversed(clusters[-_RECENT:]):
        fit = _fit(cluster, f, actors)
        if fit > best_fit:
            best, best_fit = cluster, fit
            if fit == 2:  # noqa: PLR2004 - a sure fit
                break
    if best is None:
        clusters.append(f)
    else:
        _absorb(best, f, actors)


_WEEKDAY_PATTERN: Final = regex.compile(
    r"(?<!\w)(?:mon|tues|wednes|thurs|fri|satur|sun)day(?!\w)  # a weekday's name",
    flags=regex.VERBOSE | regex.IGNORECASE,
)
_PAST_WORDS_PATTERN: Final = regex.compile(
    r"""[0-9]{4}|(?<!\w)(?:this|next|last|ago|yesterday|today|tomorrow|earlier|later|previous|past
    |coming|recent|week|month|year)(?!\w)  # a stated year, or a time relative in words""",
    flags=regex.VERBOSE | regex.IGNORECASE,
)


def _next_year(day: dt.date) -> dt.date:
    if day.month == 2 and day.day == 29:  # noqa: PLR2004 - a leap day
        return day.replace(year=day.year + 1, day=28)
    return day.replace(year=day.year + 1)


def _forward(time: TimeRef, published: dt.date) -> TimeRef:
    """A planned meeting's bare weekday or date that was read as past, moved forward.

    GUIDELINES.md: a weekday or a month without a year points forward in a future
    clause; the time recognizer reads the clause's tense, but "was due to arrive on
    Wednesday" is a plan told in the past tense.
    """
    start, end = time.start, time.end
    if start is None or start >= published or _PAST_WORDS_PATTERN.search(time.text):
        return time
    if time.granularity is Granularity.DAY and _WEEKDAY_PATTERN.search(time.text):
        week = dt.timedelta(days=7)
        return attrs.evolve(time, start=start + week, end=None if end is None else end + week)
    if time.granularity in {Granularity.DAY, Granularity.MONTH}:
        return attrs.evolve(
            time, start=_next_year(start), end=None if end is None else _next_year(end)
        )
    return time


def _story_day(ctx: Context) -> TimeRef | None:
    """The day the story's lead reports ("Merkel said Wednesday"), or None.

    A news report tells its events against the day of its lead; a held meeting that
    states no time of its own is dated to it. The day is the first of the article's
    first time expressions that names a day within a week before publication.
    """
    published = ctx.published
    if published is None:
        return None
    week = dt.timedelta(days=7)
    for time in ctx.times.items[:_LEAD_TIMES]:
        day = time.start
        if (
            time.granularity is Granularity.DAY
            and day is not None
            and day <= published <= day + week
        ):
            return time
    return None


def _dateline(ctx: Context) -> Place | None:
    """The city of the article's dateline ("HANOI \u2014", "NAIROBI, Kenya (AP)"), or None."""
    text = ctx.doc.text
    for paragraph in ctx.doc.paragraphs[:_DATELINE_PARAGRAPHS]:
        for place in ctx.places.within(paragraph.start, paragraph.end):
            written = text[place.span.start : place.span.end]
            if place.span.start == paragraph.start and written.isupper() and not _is_country(place):
                return place
            break
    return None


def _finish(
    f: _Found,
    actors: _Actors,
    ctx: Context,
    story_day: TimeRef | None,
    dateline: Place | None,
) -> Meeting | None:
    parts = list(f.parts)
    named = f.named()
    if len(named) > 1:
        # a host country inferred from the place gives way to a named counterpart
        parts = [p for p in parts if p not in f.implicit]
    people_of = {actors.items[p].country for p in parts if actors.items[p].kind is ActorKind.PERSON}
    kept = [
        p
        for p in parts
        if actors.items[p].kind is ActorKind.PERSON or actors.country_of(p) not in people_of
    ]
    if len(kept) >= 2:  # noqa: PLR2004 - "the US" beside "US secretary of state Antony Blinken"
        parts = kept
    if len(parts) < 2:  # noqa: PLR2004 - a meeting needs two parties
        return None
    status = f.status
    time = f.time
    published = ctx.published
    if not f.certain and time is not None and time.start and published and time.start > published:
        status = MeetingStatus.PLANNED
    if status is MeetingStatus.PLANNED and time is not None and ctx.published is not None:
        time = _forward(time, ctx.published)
    if time is None and status is MeetingStatus.HELD:
        time = story_day
    place = f.place
    if (
        place is None
        and dateline is not None
        and story_day is not None
        and time is not None
        and time.start == story_day.start
        and f.country in {None, dateline.country}
    ):
        place = dateline  # a meeting on the story's day, where the story is filed from
    return Meeting(
        participants=[actors.items[p] for p in parts],
        place=place,
        time=time,
        duration=f.duration,
        status=status,
        channel=f.channel,
        span=f.span,
        rule=f.rule,
    )


# --------------------------------------------------------------------------- entry


def _triggers(norm: str) -> list[_Trigger]:
    """Every trigger phrase in the text as (phrase, start, end), in order, none overlapping.

    The text is split into words with str methods; where a trigger's first word
    stands, its phrases are compared as plain text, longest first (the same matches as
    `TRIGGER_PATTERN`, which, tried at every offset, costs far more).
    """
    low = norm.lower()
    if len(low) != len(norm):  # a letter whose lower case is longer: offsets would move
        return [
            (" ".join(m.group().lower().split()), m.start(), m.end())
            for m in TRIGGER_PATTERN.finditer(norm)
        ]
    words = _TRIGGER_FINDER.present(low)
    starts: dict[int, list[str]] = {}
    for word in sorted(words):
        i = low.find(word)
        while i >= 0:
            if i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "_-'"):
                starts.setdefault(i, []).extend(_PHRASES_BY_FIRST[word])
            i = low.find(word, i + 1)
    out: list[_Trigger] = []
    end = 0
    for i in sorted(starts):
        if i < end:
            continue
        for phrase in sorted(starts[i], key=len, reverse=True):
            stop = i + len(phrase)
            if low.startswith(phrase, i) and not (
                stop < len(low) and (low[stop].isalnum() or low[stop] in "_-'")
            ):
                out.append((phrase, i, stop))
                end = stop
                break
    return out


def _trigger_sentences(ctx: Context) -> Iterable[tuple[int, Span, list[_Trigger]]]:
    """The sentences that hold a trigger, each with its triggers."""
    doc = ctx.doc
    starts = [s.span.start for s in doc.sentences]
    current = -1
    found: list[_Trigger] = []
    for trigger in _triggers(doc.norm):
        i = bisect.bisect_right(starts, trigger[1]) - 1
        if i < 0 or trigger[2] > doc.sentences[i].span.end:
            continue
        if i != current and found:
            yield current, doc.sentences[current].span, found
            found = []
        current = i
        found.append(trigger)
    if found:
        yield current, doc.sentences[current].span, found


def find_meetings(ctx: Context) -> list[Meeting]:
    """Return the meetings stated in the article, merged, in text order.

    Args:
        ctx: the article's document, actors, places, times and quantities.

    Returns:
        One `Meeting` per meeting the article reports, however often it is mentioned.

    Examples:
        >>> from geonews import parse_article
        >>> text = ("US secretary of state Antony Blinken and Russian foreign minister "
        ...         "Sergey Lavrov met for about 90 minutes in Geneva on Friday.")
        >>> [m] = parse_article(text, published="2022-01-22").meetings
        >>> [p.name for p in m.participants], m.place.name, m.status.value
        (['Antony Blinken', 'Sergey Lavrov'], 'Geneva', 'held')
        >>> str(m.time.start), m.duration.value
        ('2022-01-21', 90.0)
    """
    actors = _Actors(ctx.actors)
    found: list[_Found] = []
    for index, span, triggers in _trigger_sentences(ctx):
        sentence = _Sentence(index, span, _chunks(ctx, span, triggers, actors))
        reader = _Reader(ctx, sentence, found, actors)
        for k, sym in enumerate(sentence.symbols):
            if sym in "VIHNJ":
                found.extend(reader.read(k))
    meetings = []
    story_day, dateline = _story_day(ctx), _dateline(ctx)
    for cluster in _merge(found, actors):
        meeting = _finish(cluster, actors, ctx, story_day, dateline)
        if meeting is not None:
            meetings.append(meeting)
    return meetings
