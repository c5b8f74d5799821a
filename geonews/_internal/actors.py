"""Actors: mentions of people, organizations, countries and sources, linked by coreference.

One pass of one pattern over the normalized text finds the candidate mentions (the
alternatives are tried in priority order at each position, so "US secretary of state
Antony Blinken" is one person mention, not a country followed by a name). A second pass
finds bare surnames of the people found ("Blinken"). Then mentions are linked:

- people by surname ("Mr Blinken", "Blinken", "Antony Blinken"); the actor's name is
  the fullest form found;
- countries by canonical name ("US", "America", "Washington" as a subject);
- organizations by their name without "the";
- "he"/"she" to the salient person before it: the first person named in the current
  sentence before the pronoun, else in the nearest earlier sentence that names one,
  skipping people of the other gender;
- "the minister", "the American diplomat" to the latest person whose title fits the
  role noun (and whose country fits the demonym, if one is given);
- "the source" to the latest unnamed source with the same head noun.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Final

import attrs
import regex

from geonews._internal import geo
from geonews._internal.context import Mention
from geonews._internal.document import Document
from geonews._internal.lexicons import compile_pattern, lexicon, table
from geonews._internal.model import Actor, ActorKind, Span


def _cased(words: Iterable[str]) -> tuple[str, ...]:
    """Each word as listed, Capitalized and Title Cased (for case-sensitive patterns)."""
    out: set[str] = set()
    for w in words:
        out.update((w, w[:1].upper() + w[1:], w.title()))
    return tuple(sorted(out))


_HONORIFICS: Final[dict[str, str]] = {row[0]: row[1] for row in table("honorifics", 2)}
_ORG_ROWS: Final = table("organizations", 4)
_ORG_BY_FORM: Final = {
    form: (name, kind, None if country == "-" else country)
    for name, kind, country, aliases in _ORG_ROWS
    for form in (name, *([] if aliases == "-" else aliases.split("|")))
}
_ROLE_TITLES: Final = {noun: tuple(titles.split("|")) for noun, titles in table("role_nouns", 2)}
_SPEECH: Final = lexicon("speech_verbs")
_LOCATIVES: Final = frozenset(lexicon("locative_prepositions"))
_GOVERNMENT_HEADS: Final = frozenset(lexicon("government_heads"))
_NOT_NAMES: Final = (
    *lexicon("sentence_starters"),
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Tomorrow",
)  # fmt: skip

# A capitalized word of a name: Blinken, O'Brien, McDonald, al-Assad, Jean-Yves.
# An apostrophe stays inside a name (O'Brien) but a possessive 's does not (Biden's).
_TOK: Final = (
    r"(?:(?:al|el|Al|El|bin|ibn)-)?\p{Lu}(?:'\p{Lu})?\p{Ll}(?:[\p{L}\-]|'(?!s(?!\p{L}))(?=\p{L}))*+"
)
# a title's head is not a word of a name: "House Speaker Nancy Pelosi" is Nancy Pelosi
_NAME_TOK: Final = rf"(?!\L<not_names>(?!\w))(?!\L<capheads>(?!\w)){_TOK}"
_PARTICLE_WORDS: Final = (
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "bint", "ibn", "abu",
    "al", "el", "la", "le", "du", "dos", "das", "ter", "arap",
)  # fmt: skip
_PARTICLE: Final = rf"(?:{'|'.join(_PARTICLE_WORDS)}|\p{{Lu}}\.?)"
_NAME: Final = rf"{_NAME_TOK}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}+{_NAME_TOK}){{0,3}}+"
_NAME2: Final = rf"{_NAME_TOK}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}+{_NAME_TOK}){{1,3}}+"
_OF_PHRASE: Final = r"(?:[ ][Oo]f[ ](?:[Ss]tate|[Dd]efen[cs]e|[Ss]taff|the[ ]\p{Lu}\p{L}++))?+"
# not possessive: "chief" is a modifier in "chief negotiator" and the head in "UN chief"
_TITLE: Final = rf"(?:\L<tmods>[ ]){{0,3}}\L<theads>{_OF_PHRASE}"
_PREFIX: Final = r"(?P<pre>(?=\p{Lu})\L<prefixes>(?:'s)?[ ])?"

# The alternatives, in priority order: at one position the first that matches wins.
_ALTERNATIVES: Final = {
    # "US secretary of state Antony Blinken", "Prime Minister Boris Johnson"
    # (a comma between title and name only when one closes the name too: "the deputy
    # minister, Sergei Ryabkov, said", not "a meeting with Vietnam's president, Obama signed")
    "titled": rf"(?P<titled>{_PREFIX}(?P<title>{_TITLE})(?:,[ ](?={_NAME},)|[ ])"
    rf"(?:(?P<thon>\L<hons>)\.?[ ])?"
    rf"(?P<tname>{_NAME}))",
    # "US embassy in Kyiv", "Russia's foreign ministry", "the Russian government"
    "natorg": r"""(?P<natorg>(?=\p{Lu})(?P<ocountry>\L<nations>)(?:'s)?[ ]
        (?:\L<omods>[ ]){0,2}+(?P<ohead>\L<oheads>|\L<gheads>)
        (?:[ ](?:in|to)[ ](?=\p{Lu})\L<capitals>)?)""",
    # "Foreign Ministry", "Ministry of Defence", "National Security Council"
    "caporg": rf"""(?P<caporg>(?=\p{{Lu}})
        (?:(?!\L<capoheads>(?!\w)){_NAME_TOK}[ ]){{0,4}}+\L<capoheads>
        (?:[ ]of[ ](?:the[ ])?{_NAME_TOK}(?:[ ]{_NAME_TOK}){{0,3}}+)?)""",
    # "Mr Blinken", "Gen. Mark Milley"
    # ("Lord Mayor" is a title, not a name)
    "hon": rf"(?P<hon>\L<hons>)\.?[ ](?!\L<theads>(?!\w))(?P<hname>{_NAME})",
    # "the American diplomat", "the minister", "The US secretary of state"
    "desc": rf"""(?P<desc>[Tt]he[ ](?:(?=\p{{Lu}})(?P<dcountry>\L<nations>)[ ])?
        (?:\L<tmods>[ ]){{0,3}}+(?P<dhead>\L<roles>){_OF_PHRASE})""",
    # "a diplomatic source", "senior US officials"
    "source": r"""(?P<source>(?:(?P<sdet>[Aa]n?|[Aa]nother|[Tt]he|[Ii]ts|[Tt]heir|[Oo]ne
                           |[Tt]wo|[Tt]hree
                           |[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther)[ ])?
        (?:(?:(?=\p{Lu})(?P<snation>\L<nations>)|(?=\p{Ll})\L<smods>)[ ]){0,3}+
        (?=\p{Ll})(?P<shead>\L<sheads>))""",
    "org": r"(?P<org>\L<orgs>)",
    "country": r"(?P<country>\L<countries>)",
    "capital": r"(?P<capital>\L<capitals>)",
    # "the Russians", "the British"
    "people": r"""(?P<people>(?:[Tt]he[ ])?(?=\p{Lu})\L<demonym_plurals>
        |[Tt]he[ ](?=\p{Lu})\L<demonyms>(?![ ]\p{L}))""",
    # "John Kirby said", "John Kirby, the ...", "Nunzio Galantino, secretary general of"
    "plain": rf"""(?P<plain>{_NAME2})
        (?=,?[ ](?:\L<speech>)(?!\w)|,[ ](?:the|a|an|who|\L<tmods>|\L<theads>)[ ])""",
    # "said John Kirby"
    "plain2": rf"(?<=(?:\L<speech>)[ ])(?P<plain2>{_NAME2})",
    "pronoun": r"(?P<pronoun>[Hh]e|[Ss]he)",
}
_LISTS: Final = {
    "not_names": _NOT_NAMES,
    "hons": tuple(_HONORIFICS),
    "tmods": _cased(lexicon("title_modifiers")),
    "theads": _cased(lexicon("title_heads")),
    "capheads": tuple(w[:1].upper() + w[1:] for w in lexicon("title_heads")),
    "countries": geo.COUNTRY_FORMS,
    "demonyms": geo.DEMONYM_FORMS,
    "nations": tuple(sorted({*geo.COUNTRY_FORMS, *geo.DEMONYM_FORMS})),
    "prefixes": tuple(sorted({*geo.COUNTRY_FORMS, *geo.DEMONYM_FORMS, *_ORG_BY_FORM})),
    "demonym_plurals": tuple(d + "s" for d in geo.DEMONYM_FORMS if d[-1:] in ("n", "i")),
    "orgs": tuple(_ORG_BY_FORM),
    "capitals": geo.CAPITAL_FORMS,
    "omods": _cased(lexicon("title_modifiers")),
    "oheads": _cased(lexicon("org_heads")),
    "capoheads": tuple(w.title() for w in lexicon("org_heads")),
    "gheads": lexicon("government_heads"),
    "smods": lexicon("source_modifiers"),
    "sheads": lexicon("source_heads"),
    "roles": _cased(_ROLE_TITLES),
    "speech": _SPEECH,
}


def _actor_pattern(name: str) -> regex.Pattern[str]:
    """The alternative `name` as a pattern of its own, a whole mention at a position."""
    pattern = rf"(?<![\w.])(?:{_ALTERNATIVES[name]})(?![\w])"
    return compile_pattern(
        pattern, regex.VERBOSE, **{k: v for k, v in _LISTS.items() if f"\\L<{k}>" in pattern}
    )


# Each alternative is compiled once; trying them one after another at a position is what
# one pattern joining them with "|" would do, and compiling the gazetteer tries once
# instead of into every combination keeps the import fast.
_PATTERNS: Final = {name: _actor_pattern(name) for name in _ALTERNATIVES}


def _alternatives(*names: str) -> tuple[str, ...]:
    """The named alternatives in priority order."""
    return tuple(sorted(names, key=list(_ALTERNATIVES).index))


# The first word of a mention decides which alternatives can match there: a position
# tries only those (the patterns share one grammar; they differ only in what they try).
_TITLE_WORDS: Final = frozenset(w.lower() for w in (*_LISTS["tmods"], *_LISTS["theads"]))
_SOURCE_WORDS: Final = frozenset(
    (*lexicon("source_modifiers"), *lexicon("source_heads"),
     "a", "an", "another", "its", "their", "one", "two", "three", "several", "some", "many",
     "other")
)  # fmt: skip
_GAZETTEER_WORDS: Final = frozenset(
    regex.match(r"[\p{L}\-]*", form).group()  # type: ignore[union-attr]
    for key in ("countries", "demonyms", "demonym_plurals", "orgs", "capitals")
    for form in _LISTS[key]
)
_BY_CLASS: Final = {
    "hon": _alternatives("hon", "plain", "plain2"),
    "pronoun": _alternatives("pronoun"),
    "the": _alternatives("desc", "people", "source"),
    "gazetteer": _alternatives(
        "titled",
        "natorg",
        "source",
        "org",
        "country",
        "capital",
        "people",
        "caporg",
        "plain",
        "plain2",
        "hon",
    ),
    "title": _alternatives("titled", "caporg", "source", "plain", "plain2"),
    "source": _alternatives("source"),
    "name": _alternatives("caporg", "plain", "plain2"),
    # a one-word country, capital or organization with no title or head after it
    "gazetteer alone": _alternatives("org", "country", "capital", "people"),
}


def _exact_classes() -> dict[str, str]:
    """The start words whose class their exact form decides, first class first."""
    classes: dict[str, str] = {}
    for cls, words in (
        ("hon", _HONORIFICS),
        ("pronoun", ("he", "He", "she", "She")),
        ("the", ("the", "The")),
        ("gazetteer", _GAZETTEER_WORDS),
    ):
        for word in words:
            classes.setdefault(word, cls)
    return classes


_EXACT_CLASSES: Final = _exact_classes()


def _class_of(word: str) -> str | None:
    """Which pattern to try where a mention would start with `word`."""
    cls = _EXACT_CLASSES.get(word)
    if cls is not None:
        return cls  # an honorific, a pronoun, "the", a gazetteer word
    lower = word.lower()
    if lower in _TITLE_WORDS:
        return "title"
    if lower in _SOURCE_WORDS:
        return "source"
    if word[:1].isupper() or word[:3] in ("al-", "el-"):
        return "name"
    return None


_PRONOUN_REACH: Final = 3  # sentences back that a pronoun may reach
_DESCRIPTION_REACH: Final = 20  # people back that "the minister" may reach
_FIND_SURNAMES: Final = 20  # more surnames than this: one scan of capitalized words

# Where a mention can start: a capitalized word, or a lowercase word that can open one
# ("the minister", "a diplomatic source", "foreign minister Sergey Lavrov", "he").
# `\b(?<!\.)` is `(?<![\w.])` for a start that is a letter, and the `regex` module scans
# for it about twice as fast.
_STARTS: Final = compile_pattern(
    r"\b(?<!\.)(?:\p{Lu}[\p{L}\-]*+|\L<first>(?!\w)|(?:al|el)-)",
    first=sorted({"the", "he", "she", *_TITLE_WORDS, *_SOURCE_WORDS}),
)


_NEXT_WORD: Final = regex.compile(r"\p{L}*+")  # letters only: "Saudi-led" -> "Saudi"


def _first_words(forms: Iterable[str]) -> frozenset[str]:
    """The first word of each form, as `_NEXT_WORD` reads it ("U.S." -> "U")."""
    return frozenset(_NEXT_WORD.match(f).group() for f in forms)  # type: ignore[union-attr]


# What may follow a start word, for the exact pre-checks in `_pattern_for`: most start
# words (a "The", an "a", a sentence-initial "But") open no mention, and a set lookup of
# the next word rules them out before the large patterns run. Each set is a superset of
# what the alternatives accept there, so the pre-checks never lose a match.
_NATION_FIRST: Final = _first_words(_LISTS["nations"])
# "the" + desc ([nation] [tmods] role), people (demonym[s]) or source ([nation|smod] head)
_AFTER_THE: Final = (
    _NATION_FIRST
    | _first_words((*_LISTS["tmods"], *_LISTS["roles"], *_LISTS["demonym_plurals"]))
    | _first_words((*_LISTS["demonyms"], *_LISTS["smods"], *_LISTS["sheads"]))
)
# a determiner or source modifier is followed by a nation, a modifier or the head
_AFTER_SOURCE: Final = _NATION_FIRST | _first_words((*_LISTS["smods"], *_LISTS["sheads"]))
_SOURCE_HEADS: Final = frozenset(_LISTS["sheads"])
# a title word is followed by another title word, "of" (state), or the name
_AFTER_TITLE: Final = _first_words(
    w for form in (*_LISTS["tmods"], *_LISTS["theads"]) for w in form.split(" ")
) | {"of", "Of"}
_CAPOHEAD_FIRST: Final = _first_words(_LISTS["capoheads"])
# a country, nation or organization is followed by a title ("Russian foreign minister
# Sergey Lavrov"), an organization head ("Russia's foreign ministry") or a source noun
_AFTER_GAZETTEER: Final = (
    _first_words((*_LISTS["tmods"], *_LISTS["theads"], *_LISTS["oheads"], *_LISTS["gheads"]))
    | _AFTER_SOURCE
)
_GAZETTEER_FORMS: Final = tuple(
    f for key in ("prefixes", "nations", "orgs", "countries", "capitals", "demonym_plurals")
    for f in _LISTS[key]
)  # fmt: skip
_GAZETTEER_SET: Final = frozenset(_GAZETTEER_FORMS)
_LONGEST_FORM: Final = max(map(len, _GAZETTEER_FORMS))
_NOT_NAME_WORDS: Final = frozenset(_NOT_NAMES)
_PARTICLES: Final = frozenset(_PARTICLE_WORDS)
# a character that goes on with the word before it: \w, an apostrophe or a hyphen
_GOES_ON: Final = regex.compile(r"[\w'\-]")
# up to ten words of letters, apostrophes, hyphens and dots: the words a name can span
_NAME_RUN: Final = regex.compile(r"[\p{L}'\-.]{1,40}+(?:[ ][\p{L}'\-.]{1,40}+){0,9}+")
_LOWER_WORD: Final = regex.compile(r"[ ]\p{Ll}")
# "said John Kirby": the look-behind of plain2 alone
_SAID_BEFORE: Final = compile_pattern(r"(?<=\L<speech>[ ])", speech=_SPEECH)
_GOES_ON_ASCII: Final = frozenset(c for c in map(chr, range(128)) if _GOES_ON.match(c))


def _opens_name(word: str) -> bool:
    """Whether `word` can be a name's next word: capitalized or a particle ("al-Assad")."""
    return word[:1].isupper() or word in _PARTICLES


def _pattern_for(cls: str, start: regex.Match[str], norm: str) -> tuple[str, ...]:
    """The alternatives to try at a `start` word of class `cls`, in priority order.

    Only those that can match, by cheap necessary conditions read from the start word
    and the words around it: a name needs a second name word ("John Kirby") or an
    organization head ("Foreign Ministry"); "the" and "a" need a role, nation, modifier
    or source head next; a one-word country with none of these after it can only be a
    country, capital, organization or people ("gazetteer alone").
    """
    word = start.group()
    after = start.end()
    sep = norm[after : after + 1]
    if sep in _GOES_ON_ASCII or (sep > "\x7f" and _GOES_ON.match(sep)):
        return _BY_CLASS[cls]  # O'Brien, secretary-general, Russia's: the word goes on
    nxt = _NEXT_WORD.match(norm, after + 1).group() if sep == " " else ""  # type: ignore[union-attr]
    if cls == "the":
        return _BY_CLASS[cls] if nxt in _AFTER_THE else ()
    if cls in ("hon", "pronoun"):
        return _BY_CLASS[cls]
    source = word in _SOURCE_HEADS or nxt in _AFTER_SOURCE
    # caporg, plain and plain2 open with a capitalized name word or an organization head
    # (or one whose first part is the head: "Senate-passed" holds "Senate")
    head = word.split("-", 1)[0] in _CAPOHEAD_FIRST
    name = head or (word[:1].isupper() and word not in _NOT_NAME_WORDS and _opens_name(nxt))
    if cls == "source":
        possible = source
    elif cls == "name":
        if head:
            return _BY_CLASS[cls]
        return _name_alternatives(norm, start.start()) if name else ()
    elif cls == "title":  # also titled: "foreign minister Sergey Lavrov", "minister, Sergei"
        possible = source or name or sep == "," or nxt in _AFTER_TITLE or _opens_name(nxt)
    else:  # gazetteer: "Russia", "U.S.", "the United Nations"
        lower = word.lower()
        if (
            name
            or lower in _TITLE_WORDS
            or lower in _SOURCE_WORDS
            or _followed(norm, start.start())
        ):
            return _BY_CLASS[cls]
        return _BY_CLASS["gazetteer alone"]
    return _BY_CLASS[cls] if possible else ()


def _name_alternatives(norm: str, pos: int) -> tuple[str, ...]:
    """Which of caporg, plain and plain2 can match a name starting at `pos`.

    Read from the run of up to ten name-like words there ("Sergey Lavrov said") and the
    word before: an organization needs its head ("Ministry") among the first five
    words; "John Kirby said" needs a comma or a lowercase word (the speech verb, "the")
    after a word of the run; "said John Kirby" a speech verb just before.
    """
    run = _NAME_RUN.match(norm, pos)
    end = pos if run is None else run.end()
    after = norm[end : end + 1]
    if run is None or after.isalpha() or after in ("'", "-", "."):
        return _BY_CLASS["name"]  # a word longer than the run allows: try them all
    words = run.group().split(" ", 5)[:5]
    organization = not _CAPOHEAD_FIRST.isdisjoint(
        w if w.isalpha() else _NEXT_WORD.match(w).group()  # type: ignore[union-attr]
        for w in words
    )
    speech = (
        after == ","
        or (after == " " and norm[end + 1 : end + 2].islower())
        or _LOWER_WORD.search(run.group()) is not None
    )
    said = _SAID_BEFORE.match(norm, pos) is not None
    possible = {"caporg": organization, "plain": speech, "plain2": said}
    return tuple(g for g in _BY_CLASS["name"] if possible[g])


def _followed(norm: str, pos: int) -> bool:
    """Whether a gazetteer form at `pos` is followed by 's or a title, head or source word.

    Only then can a title ("US secretary of state"), an organization ("Russia's foreign
    ministry") or a source ("US officials") start with it.
    """
    window = norm[pos : pos + _LONGEST_FORM + 1]
    for sep in (" ", "'"):
        k = window.find(sep)
        while k > 0:
            if window[:k] in _GAZETTEER_SET and (
                sep == "'" or _NEXT_WORD.match(norm, pos + k + 1).group() in _AFTER_GAZETTEER  # type: ignore[union-attr]
            ):
                return True
            k = window.find(sep, k + 1)
    return False


# After a person's name: ", the Pentagon press secretary," gives the title.
_APPOSITIVE: Final = compile_pattern(
    rf",[ ](?:(?:the|a|an)[ ])?(?P<title>{_PREFIX}{_TITLE}(?:[ ]\L<theads>)?)"
    r"(?=[,.;]|[ ](?:of|for)[ ])",
    regex.VERBOSE,
    tmods=_LISTS["tmods"],
    theads=_LISTS["theads"],
    prefixes=_LISTS["prefixes"],
)
_CAPITALIZED: Final = regex.compile(
    r"(?<![\w.'-])\p{Lu}(?:[\p{L}\-]|'(?!s(?!\p{L}))(?=\p{L}))*+(?![\w-])"
)
_PREPOSITIONS: Final = frozenset(lexicon("object_prepositions"))
# a country name that is part of a region's name: Latin America, Central America
_REGION_BEFORE: Final = compile_pattern(r"(?<!\w)\L<regions>[ ]$", regions=lexicon("region_words"))
_WORD_BEFORE: Final = regex.compile(r"(\p{L}++)[ ]++$")
_FEMALE_TITLE: Final = regex.compile(r"(?i)woman|queen|princess|chairwoman|congresswoman")


@attrs.frozen(kw_only=True)
class _Cand:
    """A mention before linking."""

    span: Span
    head: Span
    kind: ActorKind
    form: str
    key: str  # what links mentions of one actor
    name: str
    title: str | None = None
    country: str | None = None
    gender: str = "-"


def _country_of(word: str | None) -> str | None:
    if not word:
        return None
    word = word.removesuffix("'s")
    return geo.country_named(word) or geo.country_of_demonym(word) or _org_country(word)


def _org_country(word: str) -> str | None:
    org = _ORG_BY_FORM.get(word)
    return None if org is None else org[2]


def _person(m: regex.Match[str], name_group: str, title: str | None, hon: str | None) -> _Cand:
    name = m.group(name_group)
    gender = _HONORIFICS.get(hon or "", "-")
    if title and _FEMALE_TITLE.search(title):
        gender = "f"
    return _Cand(
        span=Span(start=m.start(), end=m.end()),
        head=Span(start=m.start(name_group), end=m.end(name_group)),
        kind=ActorKind.PERSON,
        form="name",
        key="p:" + name.rsplit(" ", 1)[-1],
        name=name,
        title=title,
        country=_country_of(title.split(" ", 1)[0]) if title else None,
        gender=gender,
    )


def _candidate(doc: Document, m: regex.Match[str], group: str) -> _Cand | None:
    span = Span(start=m.start(), end=m.end())
    text = m.group()
    if group == "titled":
        title = (m.group("pre") or "") + m.group("title")
        return _person(m, "tname", title, m.group("thon"))
    if group == "hon":
        return _person(m, "hname", _appositive(doc, m.end()), m.group("hon"))
    if group in ("plain", "plain2"):
        return _person(m, group, _appositive(doc, m.end()), None)
    if group == "natorg":
        country = _country_of(m.group("ocountry"))
        if m.group("ohead") in _GOVERNMENT_HEADS and country:
            return _Cand(span=span, head=span, kind=ActorKind.COUNTRY, form="government",
                         key="c:" + country, name=country, country=country)  # fmt: skip
        return _org(span, text, country)
    if group == "caporg":
        return _org(span, text, None)
    if group == "org":
        name, kind, country = _ORG_BY_FORM[text]
        return _Cand(span=span, head=span, kind=ActorKind(kind), form="name",
                     key="o:" + name.lower(), name=name, country=country)  # fmt: skip
    if group == "country":
        if _REGION_BEFORE.search(doc.norm, max(0, span.start - 20), span.start):
            return None  # "Latin America", "South Korea's" is matched whole before this
        country = geo.country_named(text) or text
        return _Cand(span=span, head=span, kind=ActorKind.COUNTRY, form="name",
                     key="c:" + country, name=country, country=country)  # fmt: skip
    if group == "capital":
        before = _WORD_BEFORE.search(doc.norm, max(0, span.start - 30), span.start)
        if before is not None and before.group(1).lower() in _LOCATIVES:
            return None  # "in Moscow": a place, not the government
        country = geo.country_of_capital(text)
        if country is None:
            return None
        return _Cand(span=span, head=span, kind=ActorKind.COUNTRY, form="capital",
                     key="c:" + country, name=country, country=country)  # fmt: skip
    if group == "people":
        word = text.removeprefix("the ").removeprefix("The ")
        country = geo.country_of_demonym(word) or geo.country_of_demonym(word[:-1])
        if country is None:
            return None
        return _Cand(span=span, head=span, kind=ActorKind.COUNTRY, form="demonym",
                     key="c:" + country, name=country, country=country)  # fmt: skip
    if group == "source":
        head = m.group("shead")
        country = _country_of(m.group("snation"))
        return _Cand(span=span, head=Span(start=m.start("shead"), end=m.end("shead")),
                     kind=ActorKind.SOURCE, form="source", key=f"s:{head}:{span.start}",
                     name=text, country=country)  # fmt: skip
    if group == "desc":
        return _Cand(span=span, head=Span(start=m.start("dhead"), end=m.end("dhead")),
                     kind=ActorKind.PERSON, form="description", key="?",
                     name=m.group("dhead").lower(),
                     country=_country_of(m.group("dcountry")))  # fmt: skip
    if group == "pronoun":
        return _Cand(span=span, head=span, kind=ActorKind.PERSON, form="pronoun", key="?",
                     name=text.lower(), gender="m" if text.lower() == "he" else "f")  # fmt: skip
    return None


def _appositive(doc: Document, end: int) -> str | None:
    """The title in ", the Pentagon press secretary," right after a name, or None."""
    m = _APPOSITIVE.match(doc.norm, end)
    return None if m is None else doc.text[m.start("title") : m.end("title")]


def _org(span: Span, text: str, country: str | None) -> _Cand:
    name = text
    for article in ("the ", "The "):
        name = name.removeprefix(article)
    return _Cand(span=span, head=span, kind=ActorKind.ORGANIZATION, form="name",
                 key="o:" + name.lower(), name=name, country=country)  # fmt: skip


def _surname_pass(doc: Document, cands: list[_Cand]) -> list[_Cand]:
    """Bare surnames ("Blinken") of the people already found, where nothing else stands."""
    surnames = {c.key[2:] for c in cands if c.kind is ActorKind.PERSON and c.key.startswith("p:")}
    if not surnames:
        return []
    # Each surname is looked for with str.find and kept where the capitalized-word pattern
    # matches it whole there; these words cannot overlap, so this finds what a scan of
    # every capitalized word would, at a fraction of the cost. With many surnames, one
    # scan costs less than a pass over the text per surname (quadratic on a long text
    # that names thousands of people).
    norm = doc.norm
    found: list[tuple[int, str]] = []
    if len(surnames) > _FIND_SURNAMES:
        words = ((m.start(), m.group()) for m in _CAPITALIZED.finditer(norm))
        found.extend(word for word in words if word[1] in surnames)
    else:
        for surname in surnames:
            at = norm.find(surname)
            while at >= 0:
                m = _CAPITALIZED.match(norm, at)
                if m is not None and m.end() - at == len(surname):
                    found.append((at, surname))
                at = norm.find(surname, at + 1)
    taken = sorted((c.span.start, c.span.end) for c in cands)
    out = []
    i = 0
    for start, name in sorted(found):
        end = start + len(name)
        while i < len(taken) and taken[i][1] <= start:
            i += 1
        if i < len(taken) and taken[i][0] < end:
            continue
        span = Span(start=start, end=end)
        out.append(_Cand(span=span, head=span, kind=ActorKind.PERSON, form="name",
                         key="p:" + name, name=name))  # fmt: skip
    return out


class _Linker:
    """Resolves pronouns, descriptions and definite sources while walking the mentions."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        # the resolved people of each sentence, in text order; and every person key in
        # the order of its latest mention, the latest last (descriptions look through
        # keys, not mentions)
        self.people: dict[int, list[_Cand]] = {}
        self.recent: dict[str, None] = {}
        # per (sentence, gender): no person before this index of the sentence can be a
        # pronoun's antecedent any more (a key's gender, once known, never changes)
        self.ruled_out: dict[tuple[int, str], int] = {}
        self.titles: dict[str, str] = {}  # person key -> title
        self.countries: dict[str, str | None] = {}
        self.genders: dict[str, str] = {}
        self.sources: dict[str, str] = {}  # head noun -> key of the latest source

    def add(self, cand: _Cand) -> _Cand | None:
        """Return the candidate with its key resolved, or None when it cannot be."""
        sentence = self.doc.sentence_index(cand.span.start)
        if cand.form in ("pronoun", "description"):
            if cand.form == "pronoun":
                key = self._salient(sentence, cand.gender)
            else:
                key = self._described(cand)
            if key is None:
                return None
            resolved = attrs.evolve(cand, key=key)
            # "He met Trump. He also visited Kyiv": the subject pronoun is the salient one
            self._remember(sentence, resolved)
            return resolved
        if cand.kind is ActorKind.SOURCE:
            head = self.doc.norm[cand.head.start : cand.head.end]
            word = cand.name.split(" ", 1)[0].lower()
            if word in ("the", "its", "their") and head in self.sources:
                return attrs.evolve(cand, key=self.sources[head])
            self.sources[head] = cand.key
            return cand
        if cand.kind is ActorKind.PERSON:
            if cand.title:
                self.titles[cand.key] = cand.title
            if cand.country:
                self.countries[cand.key] = cand.country
            if cand.gender != "-":
                self.genders.setdefault(cand.key, cand.gender)
            self._remember(sentence, cand)
        return cand

    def _remember(self, sentence: int, person: _Cand) -> None:
        self.people.setdefault(sentence, []).append(person)
        self.recent.pop(person.key, None)
        self.recent[person.key] = None

    def _salient(self, sentence: int, gender: str) -> str | None:
        """The antecedent of a pronoun of `gender`, or None.

        It is the first person of that gender (or of unknown gender), not the object of
        a preposition, in the latest sentence within reach that has one.

        Each sentence remembers how many of its people are ruled out for a gender: a
        person who does not fit now never will (genders are only ever learned), so a long
        sentence full of pronouns is read once, not once per pronoun.
        """
        for sent in range(sentence, sentence - _PRONOUN_REACH - 1, -1):
            people = self.people.get(sent)
            if not people:
                continue
            i = self.ruled_out.get((sent, gender), 0)
            while i < len(people) and (
                self.genders.get(people[i].key, gender) != gender
                or self._governed(people[i])  # "In a letter to Trump, she demanded"
            ):
                i += 1
            self.ruled_out[sent, gender] = i
            if i < len(people):
                return people[i].key
        return None

    def _governed(self, cand: _Cand) -> bool:
        """Whether a preposition governs the mention: an object, rarely the antecedent."""
        before = _WORD_BEFORE.search(self.doc.norm, max(0, cand.span.start - 30), cand.span.start)
        return before is not None and before.group(1).lower() in _PREPOSITIONS

    def _described(self, cand: _Cand) -> str | None:
        fits = _ROLE_TITLES.get(cand.name, (cand.name,))
        # the latest person whose title fits: titles and countries are the key's, so
        # each key is looked at once, the latest mentioned first
        for key in itertools.islice(reversed(self.recent), _DESCRIPTION_REACH):
            title = (self.titles.get(key) or "").lower()
            if not title or not any(f in title for f in fits):
                continue
            if cand.country and self.countries.get(key) not in (None, cand.country):
                continue
            return key
        return None


def find_actors(doc: Document) -> tuple[tuple[Actor, ...], list[Mention]]:
    """Return the article's actors (in order of first mention) and every mention of them.

    Examples:
        >>> doc = Document("US secretary of state Antony Blinken met Russia's foreign "
        ...                "minister. Mr Blinken said he was ready.")
        >>> actors, mentions = find_actors(doc)
        >>> [(a.name, a.kind.value) for a in actors]
        [('Antony Blinken', 'person'), ('Russia', 'country')]
        >>> [doc.text[m.span.start : m.span.end] for m in mentions]
        ['US secretary of state Antony Blinken', 'Russia', 'Mr Blinken', 'he']
    """
    cands: list[_Cand] = []
    norm = doc.norm
    end = 0
    for start in _STARTS.finditer(norm):
        pos = start.start()
        if pos < end:
            continue
        cls = _class_of(start.group())
        for group in () if cls is None else _pattern_for(cls, start, norm):
            m = _PATTERNS[group].match(norm, pos)
            if m is not None:
                break
        else:
            continue
        end = m.end()
        cand = _candidate(doc, m, group)
        if cand is not None:
            cands.append(cand)
            if cand.kind is ActorKind.PERSON and cand.form == "name" and cand.title:
                # the words of an appositive title are the person's, not new mentions
                appositive = _APPOSITIVE.match(norm, end)
                end = end if appositive is None else appositive.end()
    cands.extend(_surname_pass(doc, cands))
    cands.sort(key=lambda c: c.span.start)

    linker = _Linker(doc)
    resolved = [r for c in cands if (r := linker.add(c)) is not None]

    # one actor per key, named by its fullest name form, in order of first mention
    order: dict[str, int] = {}
    groups: list[list[_Cand]] = []
    for cand in resolved:
        if cand.key not in order:
            order[cand.key] = len(groups)
            groups.append([])
        groups[order[cand.key]].append(cand)
    actors = tuple(_actor(group) for group in groups)
    mentions = [
        Mention(span=c.span, actor=order[c.key], form=c.form, head=c.head) for c in resolved
    ]
    return actors, mentions


def _actor(group: list[_Cand]) -> Actor:
    named = [c for c in group if c.form not in ("pronoun", "description")] or group
    best = max(named, key=lambda c: (len(c.name.split()), len(c.name), -c.span.start))
    title = next((c.title for c in group if c.title), None)
    country = next((c.country for c in group if c.country), None)
    return Actor(
        name=best.name,
        kind=best.kind,
        title=title,
        country=country,
        mentions=[c.span for c in group],
    )
