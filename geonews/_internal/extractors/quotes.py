"""Quotes: every quotation in an article, with its kind, cue and speaker.

The `Document` has already found the quotation regions (any mark style, nesting,
quotations that run over several paragraphs); the outermost ones are the candidates.
The extractor reads the text around them in a *masked* copy of the text, the same
length as the original, where every actor mention is one run of symbols and the words
inside every quotation are hidden: patterns see ``@~~~~ said: "qqqq"``, so they can
neither take a speech verb inside a quotation for an attribution nor split a name.

It works in two passes. First every speech verb of the article (outside quotations)
gets its subject, in text order: the mention just before a finite verb (`Mr Blinken
has said`), the mention after an inverted one (`"...," said John Kirby`), the subject of
the main clause for a participle (`..., adding`), the source through an intermediary
(`RIA quoted its source as saying`). A pronoun or a definite description ("he", "the
group") goes to the latest speaker that fits, since in news a pronoun subject of a
speech verb nearly always continues the speaker before it. Where the actor layer has
no mention, the noun phrase itself names the speaker ("a U.S. official briefed on the
meeting"). Then each quotation takes its kind and the speaker of its attribution.

Rules, each with its stable id:

- ``quote.speaker_before``: the attribution stands before the quotation and ends with
  a colon or comma (`Blinken said: "..."`, `X said in a statement, "..."`), or closes the
  previous paragraph (`Laanet said:` then a quotation paragraph).
- ``quote.speaker_after``: `"...," Mr Blinken said`; `"...," Blinken, the US secretary
  of state, told reporters`; `"...," he added`; `"..." - John Kirby`.
- ``quote.verb_speaker_after``: `"...," said Pentagon press secretary John Kirby`.
- ``quote.according_to``: `"...," according to X` and `According to X, "..."`.
- ``quote.intermediary``: `RIA quoted its source as saying`: the speaker is the source.
- ``quote.split``: the second half of a sentence split by its attribution
  (`"We are ready," he said, "but not at any price."`).
- ``quote.partial``: a fragment inside the reporter's clause; the speaker is the
  subject of the speech verb of that clause (`Truss said allies must "face down ..."`).
- ``quote.same_sentence``: a quotation with no attribution of its own, in a sentence
  whose other quotation has one (`called it "reckless" and "untrustworthy"`).
- ``quote.continuation``: a quotation sentence or paragraph with no attribution,
  continuing the speaker of the quotation or speech verb just before it.
- ``quote.headline``: a quotation in a headline, attributed by the body quotation that
  repeats it.
- ``quote.unattributed``: a quotation whose speaker the article does not give.

Not quotes: titles and names after a marker ("the so-called 'red lines'", the film
"...", a group called "...") unless a speaker is the subject of the naming verb
("what Trump called a 'hoax'"); short phrases (up to four words) with no speech verb or
speaker in their sentence (scare quotes).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Final, NamedTuple

import attrs
import regex

from geonews._internal.context import Context, Mention
from geonews._internal.document import QuoteRegion
from geonews._internal.lexicons import lexicon, table
from geonews._internal.model import Actor, ActorKind, Quote, QuoteKind, Span
from geonews._internal.tokens import WordFinder

# Symbols of the masked text (private-use characters, scrubbed from the input first).
_M: Final = "\ue000"  # first character of an actor mention
_F: Final = "\ue001"  # the rest of that mention
_Q: Final = "\ue002"  # a character inside a quotation
_SCRUB: Final = str.maketrans({_M: " ", _F: " ", _Q: " "})

_VERBS: Final = tuple(sorted(set(lexicon("speech_verbs")) | set(lexicon("quote_verbs"))))
_VERB_SET: Final = frozenset(_VERBS)
_ACCORDING: Final = "according to"
_VERB_FIRST_WORDS: Final = frozenset({v.split(" ", 1)[0] for v in _VERBS} | {"according"})
# a word of the text for `_speech_verbs`: letters and digits, with "-" and "_" inside
_VERB_FINDER: Final = WordFinder(_VERB_FIRST_WORDS, joiners="-_")
_MARKERS: Final = lexicon("quote_title_markers")
_GAP_WORDS: Final = lexicon("quote_gap_words")
_GAP_SET: Final = frozenset(_GAP_WORDS)
_CONJUNCTIONS: Final = lexicon("quote_lead_conjunctions")
_PREPOSITIONS: Final = frozenset(lexicon("quote_object_prepositions"))
_ORG_HEADS: Final = frozenset(w.lower() for w in lexicon("org_heads"))
_HONORIFIC_ROWS: Final = table("honorifics", 2)
_GENDER: Final = {hon.lower(): gender for hon, gender in _HONORIFIC_ROWS}
_INVERSION_VERBS: Final = frozenset(lexicon("quote_inversion_verbs"))
_PERSON_SOURCES: Final = frozenset(lexicon("quote_person_sources"))
_INTERMEDIARY_VERBS: Final = frozenset({"quoted", "cited", "quoting", "citing"})

_MENTION: Final = f"{_M}{_F}*+"
# ", the US secretary of state," between a speaker and the verb (no quotation inside)
_APPOSITION: Final = r"""(?:[ ]*+,[^,;:"\n]{1,100}+,)"""
# "has also", "repeatedly", "on Friday" between a speaker and the verb
_GAP: Final = r"(?:[ ]{1,8}+(?:\L<gap>|\p{Ll}{2,30}+(?<=ly)|on[ ]\p{Lu}\p{Ll}{1,20}))"
# one word of a noun phrase, or a whole mention
_WORD: Final = (
    rf"(?:{_MENTION}(?:'s?+|-\p{{L}}{{1,30}}+)?+"
    rf"|[\p{{L}}\p{{N}}](?:[\p{{L}}\p{{N}}'&-]|\.(?=[\p{{L}}\p{{N}}])){{0,40}}+"
    r"(?:\.(?=[ ]\p{Lu}))?+)"  # Mr. / U.S. before a capital
)
_DETERMINER: Final = (
    r"(?:the|a|an|one|another|some|several|two|three|its|their|his|her|our|this|that)"
)

# Every speech verb (never one inside a quotation: those words are masked).
VERB_PATTERN: Final = regex.compile(
    r"""
    (?<![\w-])
    (?:
        (?P<acc>according[ ]++to)     # according to X: the speaker comes after
      | (?:\L<verbs>)                 # said, told, tweeted... (the longest entry wins)
    )
    (?![\w-])
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
    verbs=list(_VERBS),
)

# The speaker just before a verb: searched in a window that ends where the verb starts.
SUBJECT_BEFORE_PATTERN: Final = regex.compile(
    rf"""
    (?P<subj>{_MENTION})                  # Mr Blinken / the American diplomat / he
    (?:{_APPOSITION}|,)?+                 # , the US secretary of state,
    (?:{_GAP}){{0,4}}+                    # has also / on Friday
    (?:[ ]++(?:was|were|is|are|has[ ]been|had[ ]been)
       [ ]++(?:quoted|cited)(?:[ ]++by[ ]++[^ ,"]++(?:[ ][^ ,"]++)?+)?+
       [ ]++as)?+                         # was quoted (by RIA) as [saying]
    [ ]*+$                                # up to the verb
    """,
    flags=regex.VERBOSE | regex.REVERSE,
    gap=list(_GAP_WORDS),
)

# A noun phrase the actor layer did not recognise, just before its verb: matched at a
# clause boundary, running up to the verb ("a U.S. official", "Dean Hirsch, 84,").
RAW_BEFORE_PATTERN: Final = regex.compile(
    rf"""
    [ ]{{0,8}}+
    (?P<np>(?:{_DETERMINER}[ ]{{1,8}}+)?+(?:{_WORD}[ ]{{1,8}}+){{0,6}}?{_WORD})
    {_APPOSITION}?+
    (?:{_GAP}){{0,4}}+
    [ ]{{0,8}}+$
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
    gap=list(_GAP_WORDS),
)
# The same, closed by a lone comma: "David Feder, later said" (tried after the above, so
# that "Jill Hammill, Mr. Coombs' mother, said" keeps the name, not the apposition).
RAW_COMMA_BEFORE_PATTERN: Final = regex.compile(
    rf"""
    [ ]{{0,8}}+
    (?P<np>(?:{_DETERMINER}[ ]{{1,8}}+)?+(?:{_WORD}[ ]{{1,8}}+){{0,6}}?{_WORD})
    ,(?:{_GAP}){{0,4}}+
    [ ]{{0,8}}+$
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
    gap=list(_GAP_WORDS),
)

# What the two raw patterns never match (their only punctuation is an apposition's
# commas and the closing comma); with the comma counts each pattern allows.
_NOT_IN_RAW: Final = ';:"\n'
_RAW_PATTERNS: Final = ((RAW_BEFORE_PATTERN, (0, 2)), (RAW_COMMA_BEFORE_PATTERN, (1,)))

# Where a noun phrase may start, inside a clause.
BOUNDARY_PATTERN: Final = regex.compile(
    r"""
    (?:[,;:(]["']?+|(?<![\w-])(?:with|and|but|as|while|whom|which|who|that)(?![\w-]))
    [ ]{1,8}+
    """,
    flags=regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)

# The speaker after an inverted verb or "according to": a mention or a short phrase.
SUBJECT_AFTER_PATTERN: Final = regex.compile(
    rf"""
    (?:{_GAP}){{0,2}}+[ ]{{1,8}}+
    (?:
        (?P<subj>{_MENTION})(?![^ ,.;:"'\n)])          # said John Kirby
      | (?P<np>(?:{_DETERMINER}[ ]{{1,8}}+)?+{_WORD}(?:[ ]{{1,8}}+{_WORD}){{0,7}}?)
        (?=[ ]{{0,8}}+(?:[,.;:"'\n)]|$|[ ](?:in|on|at|to|of|who|after|when|during)[ ]))
    )
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
    gap=list(_GAP_WORDS),
)

# "RIA quoted its source as saying": the source, right after "quoted".
INTERMEDIARY_PATTERN: Final = regex.compile(
    rf"""
    [ ]{{1,8}}+
    (?P<src>{_MENTION}|(?:{_DETERMINER}[ ]{{1,8}}+)?+{_WORD}(?:[ ]{{1,8}}+{_WORD}){{0,4}}?)
    [ ]{{1,8}}+as[ ]{{1,8}}+(?P<saying>saying|telling|writing|stating)(?![\w-])
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
)

# "..." - John Kirby, at the end of a paragraph (pull quotes, letters).
DASH_PATTERN: Final = regex.compile(
    rf"""
    [ ]*+[,.]?+[ ]*+-{{1,2}}+[ ]*+(?P<subj>{_MENTION})[ ]*+[.]?+[ ]*+$
    """,
    flags=regex.VERBOSE,
)

# A lead that only opens the sentence: nothing, punctuation, or "But".
OPENING_LEAD_PATTERN: Final = regex.compile(
    rf"""
    [^\w{_M}{_F}]*+                          # dashes, brackets, bullets (no mention)
    (?:(?<![\w-])\L<conj>(?![\w-])[ ,]*+)?+  # But / And
    $
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
    conj=list(_CONJUNCTIONS),
)

# A title or term marker right before the opening mark: "the so-called 'red lines'".
MARKER_PATTERN: Final = regex.compile(
    r"""
    (?<![\w-])(?P<marker>\L<markers>)(?![\w-])   # so-called / the film / called
    [ ]*+(?:(?:the|a|an)[ ]++)?+                 # called a "..."
    $
    """,
    flags=regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
    markers=list(_MARKERS),
)

_PRONOUN_BEFORE: Final = regex.compile(
    rf"(?<![\w-])(?P<pronoun>he|she|it|they)(?:{_GAP}){{0,4}}+[ ]*+$",
    flags=regex.IGNORECASE | regex.REVERSE,
    gap=list(_GAP_WORDS),
)
# words that cannot stand inside a subject noun phrase
_NOT_IN_NP: Final = _VERB_SET | frozenset(lexicon("quote_clause_words"))
_RELATIVE_BEFORE: Final = regex.compile(
    rf"(?<=[\p{{L}}{_F}{_M}]),?+[ ]++(?:who|which)(?:{_GAP}){{0,3}}+[ ]*+$",
    flags=regex.IGNORECASE | regex.REVERSE,
    gap=list(_GAP_WORDS),
)
_COORDINATED: Final = regex.compile(
    rf"(?<![\w-])(?:and|but|or|then)(?:{_GAP}){{0,3}}+[ ]*+$",
    flags=regex.IGNORECASE | regex.REVERSE,
    gap=list(_GAP_WORDS),
)
_COMMA_BEFORE: Final = regex.compile(
    rf"""(?:,["']?+|["'])(?:{_GAP}){{0,3}}+[ ]*+$""", flags=regex.REVERSE, gap=list(_GAP_WORDS)
)
# "..., says Lister." / "..., said Kirby, the spokesman": the speaker closes the sentence
TAIL_SUBJECT_PATTERN: Final = regex.compile(
    rf"""
    (?:{_GAP}){{0,2}}+[ ]{{1,8}}+
    (?:
        (?P<subj>{_MENTION})
      | (?P<np>(?:{_DETERMINER}[ ]{{1,8}}+)?+{_WORD}(?:[ ]{{1,8}}+{_WORD}){{0,6}}?)
    )
    (?=[ ]{{0,8}}+(?:,|[.!?]["')]{{0,3}}+[ ]{{0,8}}+$|$))
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
    gap=list(_GAP_WORDS),
)
# a trailing run of two or more capitalized words: a person's name after their title
# (read backwards: no possessive quantifiers, which would swallow the capital letter)
_NAME_RUN: Final = regex.compile(
    r"(?<![\w'-])\p{Lu}[\p{L}'-]{0,40}(?:[ ]\p{Lu}[\p{L}'.-]{0,40})+$", flags=regex.REVERSE
)
# a capitalized name opening a sentence, before a comma or a lowercase verb
_OPENING_NAME: Final = regex.compile(
    r"[ ]{0,8}+(?P<np>\p{Lu}[\p{L}'.-]{0,40}+(?:[ ]\p{Lu}[\p{L}'.-]{0,40}+){1,3}+)(?=,|[ ]\p{Ll})"
)
# capitalized words right before a surname ("Sergei " before "Ryabkov"), read backwards
_NAME_BEFORE: Final = regex.compile(r"(?:\p{Lu}[\p{Ll}'-]++[ ]){1,3}+$", flags=regex.REVERSE)
_TITLE_WORDS: Final = frozenset(
    w.lower()
    for w in (
        *lexicon("title_heads"),
        *lexicon("title_modifiers"),
        *(honorific for honorific, _ in _HONORIFIC_ROWS),
    )
)
_NAME_LOOKUPS: Final = 20  # occurrences of a surname examined for a fuller name
_NOUN_AFTER: Final = regex.compile(r"[ ]{1,8}+(\p{Ll}{3,40}+)(?![\w'-])")
_LABEL_MAX: Final = 3  # a quoted label before its noun is at most this many words
_COORDINATORS: Final = (" and ", " but ", " or ", " then ")
_NOT_SPEAKERS: Final = frozenset(("i", "we", "you", "who", "which", "that", "whom"))
_DETERMINERS: Final = frozenset(
    (
        *("the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these"),
        *("those", "one", "another", "some", "several", "two", "three", "many"),
    )
)
_FUNCTION_WORDS: Final = (
    _PREPOSITIONS | _NOT_IN_NP | _DETERMINERS | frozenset(("to", "as", "than", "said", "says"))
)
_LAST_WORD: Final = regex.compile(r"(\p{L}++)[ ]*+$", flags=regex.REVERSE)
# "with Boswell stating": the participle has its own subject
# (read backwards: bounded greedy repeats, no possessive ones, which would swallow the
# word's first letter)
_WITH_BEFORE: Final = regex.compile(
    rf"""
    (?<![\w-])with
    (?:[ ]{{1,8}}(?:{_MENTION}|[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}'.&-]{{0,40}})){{1,5}}
    [ ]{{0,8}}$
    """,
    flags=regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
_TOKEN: Final = regex.compile(r"[\p{L}\p{N}]++")
_QUOTED_OR_CITED: Final = regex.compile(r"(?<![\w-])(?:quoted|cited)(?![\w-])")
_NAME_TOKEN: Final = regex.compile(r"\p{Lu}[\p{L}'-]*+")
_HAS_LETTER: Final = regex.compile(r"[\p{L}\p{N}]")
# between a quotation and its attribution: punctuation, and a name before the speaker's
# own mention ("WFP" in `," WFP Country Director Zlatan Milisic said`)
_ATTACHED: Final = regex.compile(rf"[ ,;:\-]*+(?:{_MENTION}(?:'s?+)?+[ ]++)?+$")
_PRONOUNS: Final = {"he": "m", "she": "f", "it": "it", "they": "they"}
_DEFINITE: Final = ("the ", "this ", "that ")

_SHORT: Final = 4  # up to this many words, a quotation needs a speaker to count
_MARKED_MAX: Final = 8  # a marked title or term is at most this many words
_WINDOW: Final = 300  # how far back a speaker may stand from its verb
_HEADLINES: Final = 3  # paragraphs at the top that may be headlines
_HEADLINE_MAX: Final = 250  # a headline is shorter than this
_REACH: Final = 600  # how far back a rule reads within one sentence (run-on text stays linear)
_HISTORY: Final = 2  # paragraphs before the first quotation whose speakers are read
_RECENT: Final = 3  # paragraphs back that a pronoun may reach for its speaker
_OPENER_REACH: Final = 2  # sentences back that a sentence-opening party may stand
_SENTENCE_MIN: Final = 4  # words of a quotation that stands as a sentence after "X says"
_READING_VERBS: Final = frozenset(("reads", "read", "states", "stated"))
_TAIL_MAX: Final = 80  # "said in a statement on Friday," between a verb and its quotation
# every word count is compared with a threshold below this (_SHORT, _MARKED_MAX,
# _LABEL_MAX, _SENTENCE_MIN), so counting may stop there
_COUNTED: Final = max(_SHORT, _MARKED_MAX, _LABEL_MAX, _SENTENCE_MIN) + 1
# matches where a text has at least _COUNTED words (each a _TOKEN); anchored at the
# text's start, so that one attempt reads it once and a full scan stays linear
_COUNTED_WORDS: Final = regex.compile(
    rf"^[^\p{{L}}\p{{N}}]*+[\p{{L}}\p{{N}}]++"
    rf"(?:[^\p{{L}}\p{{N}}]++[\p{{L}}\p{{N}}]++){{{_COUNTED - 1}}}"
)


class _At(NamedTuple):
    """A light span for the extractor's own bookkeeping (`Span` validates, this does not)."""

    start: int
    end: int


class _Verb(NamedTuple):
    """A speech verb found in the text (`according` for "according to")."""

    start: int
    end: int
    word: str
    according: bool


class _Speech(NamedTuple):
    """A speech verb and its resolved subject."""

    cue: _At
    subject: _At | None
    actor: Actor | None
    start: int  # where the attribution phrase starts ("RIA" in "RIA quoted X as saying")
    inverted: bool
    intermediary: bool
    according: bool


class _Attribution(NamedTuple):
    """Who said a quotation, and the rule that found them."""

    actor: Actor | None
    cue: _At | None
    rule: str


@attrs.define(kw_only=True)
class _Found:
    """A quotation being read: its region, kind and attribution so far."""

    region: QuoteRegion
    sentence: int
    paragraph: int
    kind: QuoteKind
    words: int
    attribution: _Attribution | None = None
    keep: bool = True


class _Reader:
    """The masked text of one article, its speech verbs and their speakers."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.regions = tuple(q for q in ctx.doc.quotes if q.depth == 0)
        self.region_ends = [q.span.end for q in self.regions]
        self.region_starts = [q.span.start for q in self.regions]
        self.paragraph_starts = [p.start for p in self.doc.paragraphs]
        self.masked, self.mention_at = _mask(ctx, self.regions)
        self.made: dict[str, Actor] = {}  # speakers named by a bare noun phrase
        # (first person by surname, first actor by name) among ctx.actors, see _linked
        self.actor_index: tuple[dict[str, int], dict[str, int]] | None = None
        # (paragraph, actor) of every speaker resolved so far, in text order
        self.history: list[tuple[int, int, Actor]] = []  # (paragraph, offset, actor)
        self.speeches: list[_Speech] = []
        verbs = (v for scope in self._scopes() for v in _speech_verbs(self.masked, *scope))
        for verb in verbs:
            speech = self._speech(verb)
            self.speeches.append(speech)
            if speech.actor is not None:
                self.history.append((self._paragraph(verb.start), verb.start, speech.actor))
        self.speech_starts = [s.cue.start for s in self.speeches]

    # ------------------------------------------------------------------ positions

    def _scopes(self) -> list[tuple[int, int]]:
        """The stretches whose speech verbs matter.

        Each quotation's paragraph and the few paragraphs before it (speakers that
        pronouns and continuations go back to); overlapping stretches are merged.
        """
        paragraphs = self.doc.paragraphs
        out: list[tuple[int, int]] = []
        last_end = -1  # end of the last paragraph of the latest scope
        for region in self.regions:
            if region.span.end <= last_end:
                continue  # inside the latest scope's last paragraph: nothing changes
            first = max(self._paragraph(region.span.start) - _HISTORY, 0)
            last = min(self._paragraph(region.span.end - 1), len(paragraphs) - 1)
            last_end = paragraphs[last].end
            start, end = paragraphs[first].start, max(last_end, region.span.end)
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        return out

    def _paragraph(self, offset: int) -> int:
        index = self.doc.sentence_index(offset)
        return self.doc.sentences[index].paragraph if index >= 0 else 0

    def clause_start(self, offset: int) -> int:
        """Start of the clause around `offset`: its sentence, after a quotation or `;`."""
        index = self.doc.sentence_index(offset)
        start = self.doc.sentences[index].span.start if index >= 0 else 0
        i = bisect.bisect_right(self.region_ends, offset) - 1
        if i >= 0 and self.region_ends[i] > start:
            start = self.region_ends[i]
        start = max(start, offset - _REACH)  # a run-on "sentence" reads as its last stretch
        semi = self.masked.rfind(";", start, offset)
        return semi + 1 if semi >= 0 else start

    def speeches_in(self, start: int, end: int) -> list[_Speech]:
        lo = bisect.bisect_left(self.speech_starts, start)
        hi = bisect.bisect_left(self.speech_starts, end)
        return self.speeches[lo:hi]

    def _after_preposition(self, clause_start: int, start: int) -> bool:
        m = _search_back(_LAST_WORD, self.masked, max(clause_start, start - 30), start)
        if m is not None and m.group(1).lower() in _DETERMINERS:
            m = _search_back(_LAST_WORD, self.masked, max(clause_start, m.start() - 30), m.start())
        return m is not None and m.group(1).lower() in _PREPOSITIONS

    # ------------------------------------------------------------------ subjects

    def _speech(self, verb: _Verb) -> _Speech:
        start, end, word = verb.start, verb.end, verb.word
        clause = self.clause_start(start)
        cue = _At(start, end)
        according = verb.according
        lo = max(clause, start - _WINDOW)
        if word.endswith("ing") and not according:
            inter = self._intermediary_before(clause, start)
            if inter is not None:
                return self._make(_At(inter[0], end), inter[1], intermediary=True)
            if "with" not in self.masked[max(lo, start - 80) : start].lower() or not (
                _search_back(_WITH_BEFORE, self.masked, lo, start)
            ):
                return self._main_speech(cue, start)  # ", adding that ..."
        if (
            according
            or (
                word in _INVERSION_VERBS
                # no mention before the verb (the cheapest test first: "X said" is the rule)
                and self.masked.find(_M, clause, start) < 0
                and not _HAS_LETTER.search(self.masked, clause, start)
                # after a quotation or a comma, not at a sentence start ("Asked about it, ...")
                and _has_any(self.masked[max(clause - 2, 0) : start], "\"',")
            )
        ):
            subject = self._subject_after(end, self._sentence_end(start))
            return self._make(cue, subject, inverted=True, according=according)
        if word in _INTERMEDIARY_VERBS:
            m = INTERMEDIARY_PATTERN.match(self.masked, end)
            if m is not None:
                src = m.span("src")
                cue = _At(start, m.end("saying"))
                via = self._subject_before(clause, start)
                speech = self._make(cue, src, intermediary=True)
                return speech._replace(start=start if via is None else via[0])
        # cheap substring tests keep the backward patterns from running where they cannot match
        near = self.masked[max(lo, start - 60) : start].lower()
        if _has_any(near, _COORDINATORS) and _search_back(_COORDINATED, self.masked, lo, start):
            # "Graham leaned over and told": the subject of the same comma segment, else
            # of the speech verb before ("X acknowledged ..., but said")
            seg = max(self.masked.rfind(",", clause, start) + 1, clause)
            own = self._first_subject(seg, start)
            if own is not None:
                return self._make(cue, own)
            return self._main_speech(cue, start)
        m = _search_back(SUBJECT_BEFORE_PATTERN, self.masked, lo, start)
        if m is not None and not self._after_preposition(clause, m.start("subj")):
            return self._make(cue, m.span("subj"))
        if (
            word in _INVERSION_VERBS
            and _has_any(near, ",\"'")
            and _search_back(_COMMA_BEFORE, self.masked, lo, start)
        ):
            tail = self._tail_subject(end)  # "..., says Lister."
            if tail is not None:
                return self._make(cue, tail, inverted=True)
        return self._make(cue, self._subject_before(clause, start, mention_tried=True))

    def _subject_before(
        self, clause: int, verb_start: int, *, mention_tried: bool = False
    ) -> tuple[int, int] | None:
        lo = max(clause, verb_start - _WINDOW)
        m = (
            None
            if mention_tried
            else _search_back(SUBJECT_BEFORE_PATTERN, self.masked, lo, verb_start)
        )
        if m is not None and not self._after_preposition(clause, m.start("subj")):
            return m.span("subj")
        near = self.masked[max(lo, verb_start - 40) : verb_start].lower()
        m = (
            _search_back(_PRONOUN_BEFORE, self.masked, lo, verb_start)
            if _has_any(near, "hety")
            else None
        )
        if m is not None:
            return m.span("pronoun")
        m = _search_back(_RELATIVE_BEFORE, self.masked, lo, verb_start) if "wh" in near else None
        if m is not None:  # "Chen Shibiao, who said": the antecedent
            return self._subject_before(clause, m.start())
        # a phrase the actor layer missed: try each clause boundary, nearest first
        # Neither raw pattern takes ";", ":", '"' or a newline (bar one right before the
        # verb, where "$" may stop), so a start before the last of them cannot match, and
        # the boundaries are only looked for after it (a boundary that ends after it
        # starts at most one character before it).
        masked = self.masked
        stop = verb_start - 1 if masked[verb_start - 1 : verb_start] == "\n" else verb_start
        barrier = max(  # the characters of _NOT_IN_RAW, spelled out: no generator per call
            masked.rfind(";", lo, stop),
            masked.rfind(":", lo, stop),
            masked.rfind('"', lo, stop),
            masked.rfind("\n", lo, stop),
        )
        found = BOUNDARY_PATTERN.finditer(masked, max(lo, barrier - 1), verb_start)
        starts = [b for b in (*(m.end() for m in found), lo) if b > barrier]
        for pattern, commas in _RAW_PATTERNS:
            for b in starts:
                if masked.count(",", b, verb_start) not in commas:
                    continue  # an apposition has two commas, the comma pattern one
                m = pattern.match(masked, b, verb_start)
                if m is not None and _plausible_subject(m.group("np")):
                    return m.span("np")
        return None

    def _main_speech(self, cue: _At, start: int) -> _Speech:
        """A participle or coordinated verb takes the subject of its main clause."""
        index = self.doc.sentence_index(start)
        sentence = self.doc.sentences[index].span.start if index >= 0 else 0
        sentence = max(sentence, start - _REACH)
        for speech in reversed(self.speeches):
            if speech.cue.start < sentence:
                break
            if speech.actor is not None and not speech.according:
                return speech._replace(cue=cue)
        return self._make(cue, self._main_subject(sentence, start))

    def _first_subject(self, start: int, end: int) -> tuple[int, int] | None:
        """The first mention between `start` and `end` that is not after a preposition."""
        for mention in self.ctx.mentions.within(start, end):
            if mention.span.start in self.mention_at and not self._after_preposition(
                start, mention.span.start
            ):
                return (mention.span.start, mention.span.end)
        return None

    def _main_subject(self, sentence: int, verb_start: int) -> tuple[int, int] | None:
        """The first mention of the nearest comma segment that has one (`Putin hinted ...`)."""
        end = verb_start
        while end > sentence:
            comma = self.masked.rfind(",", sentence, end)
            seg = comma + 1 if comma >= 0 else sentence
            m = _OPENING_NAME.match(self.masked, seg, end)
            if m is not None and m.group("np").split(" ", 1)[0].lower() not in _DETERMINERS:
                return m.span("np")  # "Donald Trump is slamming ..., saying"
            for mention in self.ctx.mentions.within(seg, end):
                if mention.span.start in self.mention_at and not self._after_preposition(
                    seg, mention.span.start
                ):
                    return (mention.span.start, mention.span.end)
            end = comma if comma >= 0 else sentence
        m = _OPENING_NAME.match(self.masked, sentence, verb_start)
        return None if m is None else m.span("np")  # "Emma Tucker, the editor, ..."

    def _tail_subject(self, end: int) -> tuple[int, int] | None:
        m = TAIL_SUBJECT_PATTERN.match(self.masked, end, max(end, self._sentence_end(end)))
        if m is None:
            return None
        if m.start("subj") >= 0:
            return m.span("subj")
        return m.span("np") if _plausible_subject(m.group("np")) else None

    def _sentence_end(self, offset: int) -> int:
        index = self.doc.sentence_index(offset)
        return self.doc.sentences[index].span.end if index >= 0 else len(self.masked)

    def _subject_after(self, end: int, limit: int) -> tuple[int, int] | None:
        m = SUBJECT_AFTER_PATTERN.match(self.masked, end, max(end, limit))
        if m is None:
            return None
        return m.span("subj") if m.start("subj") >= 0 else m.span("np")

    def _intermediary_before(self, clause: int, start: int) -> tuple[int, tuple[int, int]] | None:
        """`quoted its source as` before "saying": the cue start and the source."""
        lo = max(clause, start - 100)
        window = self.masked[lo:start]
        if "quoted" not in window and "cited" not in window:
            return None  # the pattern's words are lower case and literal: it cannot match
        for m in _QUOTED_OR_CITED.finditer(window):
            inter = INTERMEDIARY_PATTERN.match(self.masked, lo + m.end())
            if inter is not None and inter.start("saying") == start:
                return lo + m.start(), inter.span("src")
        return None

    def _make(
        self,
        cue: _At,
        subject: tuple[int, int] | None,
        *,
        inverted: bool = False,
        intermediary: bool = False,
        according: bool = False,
    ) -> _Speech:
        span = None if subject is None else _At(subject[0], subject[1])
        actor = None if span is None else self._actor(span)
        return _Speech(
            cue=cue,
            subject=span,
            actor=actor,
            start=cue.start if span is None or inverted else span.start,
            inverted=inverted,
            intermediary=intermediary,
            according=according,
        )

    # ------------------------------------------------------------------ speakers

    def _actor(self, span: _At) -> Actor | None:
        """The actor a subject phrase names."""
        mention = self.mention_at.get(span.start)
        text = self.doc.text[span.start : span.end]
        word = text.lower()
        if mention is not None and mention.span.end >= span.end:
            actor = self.ctx.actor_of(mention)
            if mention.form == "pronoun" or word in _PRONOUNS:
                return self._pronoun(word, span.start, actor)
            if mention.form == "description":
                return self._described(word, span.start) or actor
            return actor
        if word in _PRONOUNS:
            return self._pronoun(word, span.start, None)
        # a phrase ending in a mention ("the State Department's Wallis" is not one)
        inner = self.ctx.mentions.within(span.start, span.end)
        if inner and inner[-1].span.end == span.end and span.start == inner[-1].span.start:
            return self.ctx.actor_of(inner[-1])
        return self._named(text, span)

    def _pronoun(self, word: str, offset: int, layer: Actor | None) -> Actor | None:
        """The speaker a pronoun subject continues.

        That is the latest speaker that fits, unless a fitting party opens a later
        sentence ("Erdogan used the meeting ... 'X,' he said").
        """
        want = _PRONOUNS.get(word)
        if want is None:
            return layer
        paragraph = self._paragraph(offset)
        speaker: Actor | None = None
        since = -1
        for para, at, actor in reversed(self.history):
            if paragraph - para > _RECENT:
                break
            if _fits(actor, want, self.doc.text):
                speaker, since = actor, at
                break
        opener = self._sentence_opener(want, offset, since)
        return opener or speaker or layer

    def _sentence_opener(self, want: str, offset: int, since: int) -> Actor | None:
        """The fitting party that opens the latest sentence after `since`, before `offset`."""
        first = max(self.doc.sentence_index(max(since, 0)) + (1 if since >= 0 else 0), 0)
        last = self.doc.sentence_index(offset)
        lowest = max(first, last - _OPENER_REACH)
        for index in range(last, lowest - 1, -1):
            sentence = self.doc.sentences[index].span
            end = min(sentence.end, offset)
            for mention in self.ctx.mentions.within(max(sentence.start, end - _REACH), end):
                if mention.span.start not in self.mention_at or mention.form == "pronoun":
                    continue
                if self._after_preposition(sentence.start, mention.span.start):
                    continue
                actor = self.ctx.actor_of(mention)
                if _fits(actor, want, self.doc.text):
                    return actor
                break
            else:
                # a name the actor layer missed: "Olaf Scholz arrived in Kyiv."
                m = _OPENING_NAME.match(self.masked, sentence.start, end)
                if m is not None and m.group("np").split(" ", 1)[0].lower() not in _DETERMINERS:
                    named = self._named(m.group("np"), _At(*m.span("np")))
                    if named is not None and _fits(named, want, self.doc.text):
                        return named
        return None

    def _linked(self, surname: str, name: str) -> Actor | None:
        """The first actor, the layer's then those made here, with this surname or name.

        The surname counts for a person only; the same test as a loop over every actor.
        """
        if self.actor_index is None:  # built on first use: most articles never need it
            self.actor_index = _actor_index(self.ctx.actors)
        surnames, names = self.actor_index
        first = min(
            surnames.get(surname, len(self.ctx.actors)), names.get(name, len(self.ctx.actors))
        )
        if first < len(self.ctx.actors):
            return self.ctx.actors[first]
        for actor in self.made.values():
            if actor.kind is ActorKind.PERSON and actor.name.split()[-1] == surname:
                return actor
            if actor.name == name:
                return actor
        return None

    def _fullest(self, surname: str) -> str:
        return _fullest_name(self.doc.text, self.doc.norm, surname)

    def _described(self, text: str, offset: int) -> Actor | None:
        """`the group`, `the spokesman`: the latest speaker whose name has that noun."""
        head = _head(text.lower())
        paragraph = self._paragraph(offset)
        for para, _, actor in reversed(self.history):
            if paragraph - para > _RECENT + 3:
                break
            name = f"{actor.name} {actor.title or ''}".lower()
            if head in _TOKEN.findall(name):
                return actor
        return None

    def _named(self, text: str, span: _At) -> Actor | None:
        """An actor for a phrase the actor layer missed, linked by surname if it can be."""
        text = text.strip(" ,")
        if "'s " in text:
            tail = text.rsplit("'s ", 1)[1]
            if _NAME_TOKEN.match(tail):
                text = tail
        lower = text.lower()
        if not _HAS_LETTER.search(text):
            return None
        if lower.startswith(_DEFINITE):
            found = self._described(_head(lower), span.start)
            if found is not None:
                return found
        tokens = text.split()
        title = None
        run = _search_back(_NAME_RUN, text, 0, len(text))
        before = text[: run.start()].split() if run is not None else []
        if (
            run is not None
            and before
            and before[-1].lower() not in _PREPOSITIONS
            and not lower.startswith(_DEFINITE)
        ):
            # "First-year accounting student Nguyen Thi Tu Trinh": a title, then a name
            title, text, tokens = text[: run.start()].strip(), run.group(), run.group().split()
        if all(_NAME_TOKEN.fullmatch(t) for t in tokens):
            linked = self._linked(tokens[-1], text)
            if linked is not None:
                return linked
            is_org = any(t.lower() in _ORG_HEADS for t in tokens) or len(tokens) > 4  # noqa: PLR2004
            kind = ActorKind.ORGANIZATION if is_org else ActorKind.PERSON
            if kind is ActorKind.PERSON and len(tokens) == 1:
                text = self._fullest(text)  # "Ryabkov" -> "Sergei Ryabkov"
                known = self.made.get(text.lower())
                if known is not None:
                    return known
        else:
            kind = ActorKind.SOURCE
        known = self.made.get(text.lower())
        if known is not None:
            return known
        mention = Span(start=span.start, end=span.end)
        actor = Actor(name=text, kind=kind, title=title, mentions=(mention,))
        self.made[text.lower()] = actor
        return actor


def _actor_index(actors: Iterable[Actor]) -> tuple[dict[str, int], dict[str, int]]:
    """The first person with each surname, and the first actor with each name."""
    surnames: dict[str, int] = {}
    names: dict[str, int] = {}
    for i, actor in enumerate(actors):
        if actor.kind is ActorKind.PERSON:
            surnames.setdefault(actor.name.split()[-1], i)
        names.setdefault(actor.name, i)
    return surnames, names


def _fullest_name(text: str, norm: str, surname: str) -> str:
    """The one "Firstname Surname" written in the text, else the surname alone.

    Two different first names (Bill and Hillary Clinton) leave the surname unresolved.
    """
    found: set[str] = set()
    i = norm.find(surname)
    for _ in range(_NAME_LOOKUPS):
        if i < 0:
            break
        after = i + len(surname)
        if after >= len(norm) or not _is_word_char(norm[after]):
            m = _search_back(_NAME_BEFORE, norm, max(0, i - 60), i)
            if m is not None:
                words = m.group().split()
                while words and words[0].lower().rstrip(".") in _TITLE_WORDS:
                    words = words[1:]
                if words:
                    found.add(" ".join((*words[-2:], text[i:after])))
        i = norm.find(surname, after)
    if len(found) == 1:
        return found.pop()
    return surname


def _head(phrase: str) -> str:
    """The head noun of a phrase: the word before its first preposition or clause word."""
    words = phrase.split()
    for i, word in enumerate(words[1:], 1):
        if word in _PREPOSITIONS or word in _NOT_SPEAKERS:
            return words[i - 1]
    return words[-1] if words else phrase


def _plausible_subject(np: str) -> bool:
    """Whether a bare phrase can be the subject of a speech verb (not "and", "quietly")."""
    tokens = _TOKEN.findall(np.replace(_F, "").replace(_M, "X"))
    if not tokens or any(t.lower() in _NOT_IN_NP for t in tokens):
        return False
    if tokens[-1].lower() in _NOT_SPEAKERS:
        return False  # "Last week I", "Woman Who"
    first = tokens[0]
    if first.lower() in _PREPOSITIONS or all(
        t.endswith("ly") or t.lower() in _GAP_SET for t in tokens
    ):
        return False  # "later", "quietly"
    return first[0].isupper() or first.lower() in _DETERMINERS or len(tokens) <= 2  # noqa: PLR2004


def _search_back(
    pattern: regex.Pattern[str], text: str, start: int, end: int
) -> regex.Match[str] | None:
    """``pattern.search(text, start, end)`` for a REVERSE pattern that ends in ``$``.

    Such a pattern can only match ending at `end`, or before a newline right there:
    it is tried at `end` alone (a reverse `match`) instead of at every position back to
    `start`, and searched as before only in the newline case.
    """
    m = pattern.match(text, start, end)
    if m is None and end > start and text[end - 1] == "\n":
        m = pattern.search(text, start, end)
    return m


def _has_any(text: str, needles: Iterable[str]) -> bool:
    for needle in needles:  # noqa: SIM110 - a plain loop: `any()` over a generator costs more
        if needle in text:
            return True
    return False


def _speech_verbs(masked: str, start: int, end: int) -> list[_Verb]:
    """Every speech verb of the masked text between `start` and `end`, in order.

    Scanning the text with `VERB_PATTERN` costs milliseconds (a named list of two
    hundred entries is tried at every position), so the words of the text are first
    intersected with the verbs' first words, and only where one of those stands are the
    verb forms compared, longest first, with `VERB_PATTERN`'s word boundaries.
    """
    low = masked[start:end].lower()
    if len(low) != end - start:  # lower() changed the length ("İ"): offsets would drift
        return [
            _Verb(m.start(), m.end(), m.group().lower(), m.start("acc") >= 0)
            for m in VERB_PATTERN.finditer(masked, start, end)
        ]
    found: dict[int, _Verb] = {}
    for first in _VERB_FINDER.present(low):
        i = low.find(first)
        while i >= 0:
            if i == 0 or not _is_word_char(low[i - 1]):
                for form in _VERB_FORMS[first]:
                    j = i + len(form)
                    if low.startswith(form, i) and (j >= len(low) or not _is_word_char(low[j])):
                        found[start + i] = _Verb(start + i, start + j, form, form == _ACCORDING)
                        break
            i = low.find(first, i + len(first))
    out: list[_Verb] = []
    for at in sorted(found):
        if not out or at >= out[-1].end:
            out.append(found[at])
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-_"


def _verb_forms() -> dict[str, tuple[str, ...]]:
    forms: dict[str, list[str]] = {}
    for verb in (*_VERBS, _ACCORDING):
        forms.setdefault(verb.split(" ", 1)[0], []).append(verb)
    return {first: tuple(sorted(v, key=len, reverse=True)) for first, v in forms.items()}


_VERB_FORMS: Final = _verb_forms()


def _fits(actor: Actor, want: str, text: str) -> bool:
    """Whether a pronoun (he, she, it, they) can stand for `actor`."""
    if want in ("m", "f"):
        if actor.kind is ActorKind.SOURCE:
            head = actor.name.rstrip(" .").rsplit(" ", 1)[-1].lower()
            if head not in _PERSON_SOURCES:
                return False
        elif actor.kind is not ActorKind.PERSON:
            return False
        for span in actor.mentions[:3]:
            first = text[span.start : span.end].split(" ", 1)[0].rstrip(".").lower()
            gender = _GENDER.get(first, "-")
            if gender not in ("-", want):
                return False
        return True
    plural = actor.name.rstrip(" .").endswith("s")
    if want == "it":
        if actor.kind is ActorKind.SOURCE:
            return not plural
        return actor.kind in (ActorKind.ORGANIZATION, ActorKind.COUNTRY)
    if actor.kind in (ActorKind.SOURCE, ActorKind.GROUP):
        return plural
    return actor.kind is not ActorKind.PERSON


def _mask(ctx: Context, regions: tuple[QuoteRegion, ...]) -> tuple[str, dict[int, Mention]]:
    """Same-length copy of `norm`: mentions as `@~~~`, quotation words hidden."""
    norm = ctx.doc.norm
    if _M in norm or _F in norm or _Q in norm:
        norm = norm.translate(_SCRUB)
    blocks: list[tuple[int, int, int, Mention | None]] = [
        (q.inner.start, 0, q.inner.end, None) for q in regions
    ]
    blocks.extend((m.span.start, 1, m.span.end, m) for m in ctx.mentions.items)
    blocks.sort(key=lambda b: (b[0], b[1], -b[2]))
    pieces: list[str] = []
    at: dict[int, Mention] = {}
    pos = 0
    for start, _, end, mention in blocks:
        if mention is None:
            begin = max(start, pos)
            if end <= begin:
                continue
            pieces.append(norm[pos:begin])
            pieces.append(_Q * (end - begin))
            pos = end
        else:
            if start < pos or end <= start:
                continue
            pieces.append(norm[pos:start])
            pieces.append(_M + _F * (end - start - 1))
            at[start] = mention
            pos = end
    pieces.append(norm[pos:])
    return "".join(pieces), at


def _word_count(text: str) -> int:
    """The number of words (`_TOKEN`s) of `text`, exact below `_COUNTED`, else `_COUNTED`.

    Word counts are only compared with thresholds below `_COUNTED`, so one match tells
    whether there are that many words, and only a shorter text is counted word by word.
    """
    if _COUNTED_WORDS.match(text) is not None:
        return _COUNTED
    return len(_TOKEN.findall(text))


def _tokens(text: str) -> str:
    return " ".join(t.lower() for t in _TOKEN.findall(text))


def _rule(speech: _Speech, default: str) -> str:
    if speech.intermediary:
        return "quote.intermediary"
    if speech.according:
        return "quote.according_to"
    return default


def _attribute(speech: _Speech, rule: str) -> _Attribution:
    return _Attribution(actor=speech.actor, cue=speech.cue, rule=_rule(speech, rule))


def _read(reader: _Reader, region: QuoteRegion, previous: _Found | None) -> _Found | None:
    """Kind, markers and attribution of one quotation, from its own sentence."""
    doc = reader.doc
    masked = reader.masked
    inner = doc.text[region.inner.start : region.inner.end]
    if not _HAS_LETTER.search(inner):
        return None
    s_index = doc.sentence_index(region.span.start)
    sentence = doc.sentences[s_index] if s_index >= 0 else None
    sent_start = sentence.span.start if sentence else region.span.start
    paragraph = sentence.paragraph if sentence else 0
    lead_start = sent_start
    split = False
    if previous is not None and previous.region.span.end > sent_start:
        lead_start = min(previous.region.span.end, region.span.start)
        split = True
    lead_start = max(lead_start, region.span.start - _REACH)
    sent_start = max(sent_start, region.span.start - _REACH)
    lead = masked[lead_start : region.span.start]
    stripped = lead.rstrip()
    lead_speeches = reader.speeches_in(lead_start, region.span.start)

    opening = bool(OPENING_LEAD_PATTERN.match(lead))
    if opening and split and _HAS_LETTER.search(lead) and previous is not None:
        kind = previous.kind  # `"bold" and "ambitious"`: as the quotation before
    elif (
        opening
        or stripped.endswith(":")
        or (stripped.endswith(",") and _attributing_comma(masked, lead_speeches, region.span.start))
    ):
        kind = QuoteKind.DIRECT
    elif _say_before(reader, lead_speeches, region):
        kind = QuoteKind.DIRECT  # `Netanyahu said "We must prepare ..."`
    else:
        kind = QuoteKind.PARTIAL
    words = _word_count(inner)
    after_end = _after_end(reader, region)
    if kind is QuoteKind.DIRECT and not opening and _embedded(reader, region, after_end):
        kind = QuoteKind.PARTIAL  # `it said, "the U.S. will ... summit" scheduled for June`
    found = _Found(
        region=region,
        sentence=s_index,
        paragraph=paragraph,
        kind=kind,
        words=words,
    )

    # a title or term after a marker: "the so-called 'red lines'", a group called "..."
    marker = _search_back(
        MARKER_PATTERN, masked, max(lead_start, region.span.start - 40), region.span.start
    )
    if marker is not None and found.words <= _MARKED_MAX:
        naming = [s for s in lead_speeches if s.cue.start == marker.start("marker")]
        if not naming or naming[0].actor is None or naming[0].inverted:
            found.keep = False
            return found
        found.attribution = _attribute(naming[0], "quote.partial")
        return found

    if kind is QuoteKind.PARTIAL and _label(reader, region, found.words):
        found.keep = False  # the U.S.-backed "contra" rebels
        return found

    if kind is QuoteKind.DIRECT and not opening:  # `lead` is unchanged since `opening`
        speech = next((s for s in reversed(lead_speeches) if s.actor is not None), None)
        if speech is not None:
            found.attribution = _attribute(
                speech, "quote.split" if split else "quote.speaker_before"
            )
        elif stripped.endswith(":"):
            found.attribution = _colon_subject(reader, lead_start, region.span.start)
    if found.attribution is None and kind is QuoteKind.DIRECT:
        found.attribution = _after_attribution(reader, region, after_end)
    if found.attribution is None and kind is QuoteKind.PARTIAL:
        speeches = reader.speeches_in(sent_start, region.span.start)
        speech = next((s for s in reversed(speeches) if s.actor is not None), None)
        if speech is None:
            after = reader.speeches_in(region.span.end, after_end)
            speech = next((s for s in after if s.actor is not None), None)
        if speech is not None:
            found.attribution = _attribute(speech, "quote.partial")
        elif lead_speeches or reader.speeches_in(region.span.end, after_end):
            cue = (lead_speeches or reader.speeches_in(region.span.end, after_end))[-1].cue
            found.attribution = _Attribution(actor=None, cue=cue, rule="quote.partial")
    return found


def _label(reader: _Reader, region: QuoteRegion, words: int) -> bool:
    """Whether a short quotation in Title Case names the noun after it (a label).

    `agreed by the "Group of Five" industrial nations` names a group; a lowercase
    modifier (`take "bold" steps`) may well be reported words, so it stays a quote.
    """
    if words > _LABEL_MAX or not region.closed:
        return False
    inner = reader.doc.norm[region.inner.start : region.inner.end].rstrip()
    if inner[-1:] in ".,;:!?":
        return False
    tokens = _TOKEN.findall(inner)
    if not all(t[0].isupper() or t[0].isdigit() or t in _FUNCTION_WORDS for t in tokens):
        return False
    m = _NOUN_AFTER.match(reader.masked, region.span.end)
    return m is not None and m.group(1).lower() not in _FUNCTION_WORDS


def _attributing_comma(masked: str, speeches: list[_Speech], end: int) -> bool:
    """Whether a lead ending in a comma is an attribution (`X said,`, `According to X,`).

    The verb may carry a phrase (`said in a statement,`) or a parenthesis (`said,
    referring to the arms deal,`).
    """
    if not speeches:
        return False
    tail = masked[speeches[-1].cue.end : end].rstrip()
    commas = tail.count(",")
    return (
        len(tail) <= _TAIL_MAX
        and (commas == 1 or (commas == 2 and tail.startswith(",")))  # noqa: PLR2004
        and '"' not in tail
        and _Q not in tail
    )


def _say_before(reader: _Reader, speeches: list[_Speech], region: QuoteRegion) -> bool:
    """A sentence quoted right after a verb of saying, with no comma (`X says "..."`)."""
    if not speeches or speeches[-1].actor is None:
        return False
    last = speeches[-1]
    word = reader.doc.norm[last.cue.start : last.cue.end].lower()
    if word not in _INVERSION_VERBS and word not in _READING_VERBS:
        return False
    if reader.masked[last.cue.end : region.span.start].strip():
        return False
    return _word_count(reader.doc.norm[region.inner.start : region.inner.end]) >= _SENTENCE_MIN


def _embedded(reader: _Reader, region: QuoteRegion, end: int) -> bool:
    """Whether the reporter's sentence runs on after the closing mark, with no attribution.

    `end` is `_after_end(reader, region)`.
    """
    rest = reader.masked[region.span.end : end]
    return bool(_HAS_LETTER.search(rest)) and not reader.speeches_in(region.span.end, end)


def _after_attribution(reader: _Reader, region: QuoteRegion, end: int) -> _Attribution | None:
    """The attribution right after a quotation (`"...," Mr Blinken said`)."""
    masked = reader.masked
    start = region.span.end
    stretch = reader.speeches_in(start, end)
    last_mark = reader.doc.norm[region.inner.end - 1 : region.inner.end]
    if not stretch and end == start and last_mark and last_mark in "?!":
        # `"Why was the money sitting in the bank?" Mr. Clyburn said.`: the sentence ended
        # at the mark; only an attribution right at the start of the next one counts
        index = reader.doc.sentence_index(start + 1)
        if index >= 0 and reader.doc.sentences[index].span.start >= start:
            limit = _after_end_of(reader, reader.doc.sentences[index].span.end, region)
            stretch = [
                s
                for s in reader.speeches_in(start, limit)[:1]
                if _ATTACHED.match(masked, start, s.cue.start if s.inverted else s.start)
            ]
    for speech in stretch:
        if speech.inverted:
            attached = bool(_ATTACHED.match(masked, start, speech.cue.start))
            rule = "quote.verb_speaker_after"
        else:
            attached = speech.subject is not None and bool(
                _ATTACHED.match(masked, start, speech.start)
            )
            rule = "quote.speaker_after"
        if attached or speech.actor is not None:
            return _attribute(speech, rule)  # `"...," after the talks, Wallis said`
        break
    m = DASH_PATTERN.match(masked, start, end)
    if m is not None:
        mention = reader.mention_at.get(m.start("subj"))
        if mention is not None:
            return _Attribution(
                actor=reader.ctx.actor_of(mention), cue=None, rule="quote.speaker_after"
            )
    return None


def _after_end_of(reader: _Reader, end: int, region: QuoteRegion) -> int:
    """`end`, cut at the next quotation and at the paragraph's end."""
    i = bisect.bisect_left(reader.region_starts, region.span.end)
    if i < len(reader.regions):
        end = min(end, reader.regions[i].span.start)
    p = bisect.bisect_right(reader.paragraph_starts, region.span.end) - 1
    if p >= 0 and region.span.end <= reader.doc.paragraphs[p].end:
        end = min(end, reader.doc.paragraphs[p].end)
    return max(end, region.span.end)


def _colon_subject(reader: _Reader, start: int, end: int) -> _Attribution | None:
    """`Blinken on Russia: "..."`: the first name of the colon lead's last comma segment."""
    start = max(start, reader.masked.rfind(",", start, end) + 1)
    for mention in reader.ctx.mentions.within(start, end):
        if mention.form in ("name", "source"):
            return _Attribution(
                actor=reader.ctx.actor_of(mention), cue=None, rule="quote.speaker_before"
            )
    return None


def _after_end(reader: _Reader, region: QuoteRegion) -> int:
    """Where the text that may attribute a quotation ends: its sentence or the next quote."""
    doc = reader.doc
    index = doc.sentence_index(max(region.span.start, region.span.end - 1))
    end = doc.sentences[index].span.end if index >= 0 else region.span.end
    end = max(end, region.span.end)
    p = bisect.bisect_right(reader.paragraph_starts, region.span.end) - 1
    if p >= 0 and region.span.end <= doc.paragraphs[p].end:
        end = min(end, doc.paragraphs[p].end)
    i = bisect.bisect_left(reader.region_starts, region.span.end)
    if i < len(reader.regions):
        end = min(end, reader.regions[i].span.start)
    return max(end, region.span.end)


def _continue(reader: _Reader, found: list[_Found]) -> None:
    """Speakers from the sentence, the previous quotation or the previous paragraph."""
    by_sentence: dict[int, list[_Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    # quotations of one sentence share a speaker: `called it "A" and "B"`
    for group in by_sentence.values():
        known = [f.attribution for f in group if f.attribution and f.attribution.actor]
        for f in group:
            if (f.attribution is None or f.attribution.actor is None) and known:
                f.attribution = known[0]._replace(rule="quote.same_sentence")

    last: _Found | None = None
    for f in found:
        if not f.keep:
            continue
        if f.attribution is None:
            f.attribution = _continuation(reader, f, last)
        if f.attribution is not None and f.attribution.actor is not None:
            last = f


def _continuation(reader: _Reader, f: _Found, last: _Found | None) -> _Attribution | None:
    """The speaker of an unattributed quotation sentence or paragraph, if the text gives one."""
    doc = reader.doc
    if f.paragraph >= len(doc.paragraphs):
        return None
    para = doc.paragraphs[f.paragraph]
    at_para_start = not doc.norm[para.start : f.region.span.start].strip()
    if at_para_start and f.paragraph > 0:
        prev = doc.paragraphs[f.paragraph - 1]
        if f.kind is QuoteKind.DIRECT and doc.norm[prev.start : prev.end].rstrip().endswith(":"):
            speech = _last_speech(reader, prev.start, prev.end)
            if speech is not None:
                return _attribute(speech, "quote.speaker_before")
            found = _colon_subject(reader, prev.start, prev.end)
            if found is not None:
                return found
        if last is not None and last.attribution is not None and last.paragraph >= f.paragraph - 1:
            return last.attribution._replace(cue=None, rule="quote.continuation")
        speech = _last_speech(reader, prev.start, prev.end)
        if speech is not None:
            return _Attribution(actor=speech.actor, cue=None, rule="quote.continuation")
        return None
    if last is not None and last.attribution is not None and last.paragraph == f.paragraph:
        return last.attribution._replace(cue=None, rule="quote.continuation")
    speech = _last_speech(reader, para.start, f.region.span.start)
    if speech is not None:
        return _Attribution(actor=speech.actor, cue=None, rule="quote.continuation")
    return None


def _last_speech(reader: _Reader, start: int, end: int) -> _Speech | None:
    speeches = reader.speeches_in(max(start, end - 3 * _REACH), end)
    return next((s for s in reversed(speeches) if s.actor is not None), None)


def _headline_paragraphs(reader: _Reader) -> int:
    """How many paragraphs at the top are headlines (no sentence punctuation at the end)."""
    doc = reader.doc
    count = 1 if doc.paragraphs else 0
    for para in doc.paragraphs[1:_HEADLINES]:
        stripped = doc.norm[max(para.start, para.end - _HEADLINE_MAX) : para.end].rstrip("\"') ]")
        if stripped[-1:] in ".!?:;" or para.end - para.start > _HEADLINE_MAX:
            break
        count += 1
    return count


def _headlines(reader: _Reader, found: list[_Found]) -> None:
    """Headline quotations take the speaker of the body quotation that repeats them."""
    heads = _headline_paragraphs(reader)
    if not any(
        f.paragraph < heads and (f.attribution is None or f.attribution.actor is None)
        for f in found
    ):
        return
    text = reader.doc.text
    body = [
        (f, f" {_tokens(text[f.region.inner.start : f.region.inner.end])} ")
        for f in found
        if f.paragraph >= heads and f.attribution and f.attribution.actor
    ]
    for f in found:
        if f.paragraph >= heads or (f.attribution is not None and f.attribution.actor):
            continue
        words = _tokens(text[f.region.inner.start : f.region.inner.end])
        match = next((b for b, toks in body if words and f" {words} " in toks), None)
        if match is not None and match.attribution is not None:
            f.attribution = match.attribution._replace(cue=None, rule="quote.headline")


def _whole_sentence(reader: _Reader, f: _Found) -> bool:
    """Whether the quotation is a sentence on its own (`"We are friends."`)."""
    if f.kind is not QuoteKind.DIRECT:
        return False
    end = _after_end(reader, f.region)
    rest = reader.masked[f.region.span.end : end]
    inner = reader.doc.norm[f.region.inner.start : f.region.inner.end].rstrip()
    return not _HAS_LETTER.search(rest) and inner[-1:] in ".!?"


def find_quotes(ctx: Context) -> list[Quote]:
    r"""Return the quotations of the article with their kind, cue and speaker, in text order.

    Args:
        ctx: the article's document, actors and mentions.

    Returns:
        One `Quote` per quotation; a quotation over several paragraphs is one quote, a
        sentence split by its attribution two.

    Examples:
        >>> from geonews import parse_article
        >>> text = ('Blinken in Geneva\n\n"We are ready," US secretary of state Antony '
        ...         'Blinken said on Friday, "but not at any price."')
        >>> for q in parse_article(text).quotes:
        ...     print(q.text, "|", q.kind.value, "|", q.speaker.name, "|", q.cue, "|", q.rule)
        We are ready, | direct | Antony Blinken | said | quote.speaker_after
        but not at any price. | direct | Antony Blinken | said | quote.split
    """
    if not any(q.depth == 0 for q in ctx.doc.quotes):
        # no quotation (nearly half of all news): the masked text and the speech verbs
        # serve only to read quotations, so none are built
        return []
    reader = _Reader(ctx)
    found: list[_Found] = []
    previous: _Found | None = None
    for region in reader.regions:
        f = _read(reader, region, previous)
        if f is None:
            continue
        found.append(f)
        previous = f
    _continue(reader, found)
    _headlines(reader, found)

    quotes = []
    text = ctx.doc.text
    for f in found:
        if not f.keep:
            continue
        attribution = f.attribution
        has_speaker = attribution is not None and (
            attribution.actor is not None or attribution.cue is not None
        )
        if f.words <= _SHORT and not has_speaker and not _whole_sentence(reader, f):
            continue  # a scare quote: a short phrase nobody is reported saying
        cue = attribution.cue if attribution else None
        quotes.append(
            Quote(
                text=text[f.region.inner.start : f.region.inner.end].strip(),
                kind=f.kind,
                speaker=attribution.actor if attribution else None,
                cue=None if cue is None else text[cue.start : cue.end],
                span=f.region.span,
                rule=attribution.rule if attribution else "quote.unattributed",
            )
        )
    return quotes
