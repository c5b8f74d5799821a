"""Places: every city, capital, country and venue named in an article.

Every name of ``geo`` (countries, cities with capitals, venues) is matched as written,
capitalized, on `Document.norm`, and the longest name wins ("Mexico City" over
"Mexico", "New Delhi" over "Delhi"). With some 7,500 names, a `regex` named list costs
15-20 ms per article and a trie alternation over a second to compile; so one pattern
finds the leading letters of each capitalized word ("U" of "U.S.", "Geneva"), and a
dict from those letters to the names that begin with them, longest first, does the
rest with `str.startswith`. News text has some 40 capitalized words per 2 KB.

A name that looks like part of a longer name is skipped:

- a city or venue followed by a capitalized word ("Washington Post", "Paris Club",
  "Moscow Mayor"), unless that word is a weekday or a month ("in Geneva Friday");
- any place right after a capitalized word ("George Washington", "New Jersey", "Mr
  Jordan", "Air China"), unless that word is a common sentence opener or function word
  ("In", "The", "From": Title Case headlines keep their places), a weekday or month,
  the first word of the sentence ("Senior US officials", "Visiting Moscow"; but not
  "New", "San", "Mr"...), or, before a city, a compass word ("Central London");
- any place after a capitalized word and "of" ("Bank of America", "Gulf of Mexico",
  "University of London"), unless a sentence opens with a quantifier or a plural
  before "of" ("Most of Japan", "Residents of Kharkiv");
- names listed in ``place_stopwords.txt`` hide the shorter names inside them ("Latin
  America").

A dateline in capitals opening a paragraph ("GENEVA, Jan 21 (Reuters) -", "MAR DEL
PLATA, Argentina, Nov. 5 (Xinhua) --") is read too, under the gazetteer's spelling;
other text in capitals is not (acronyms and shouted headlines are no names as written).

"the Ukrainian capital" gives that country's capital; "the Swiss city" (town, port,
resort) the latest city of that country named before it, and nothing when there is none.
Neither gives anything when a name follows ("the Tanzanian capital of Dar es Salaam",
"the Nigerian capital, Abuja"): that name is the place.
"""

from __future__ import annotations

from typing import Final

import regex

from geonews._internal import geo
from geonews._internal.document import Document
from geonews._internal.lexicons import lexicon
from geonews._internal.model import Place, Span

_COUNTRY: Final = "country"
_CITY: Final = "city"
_VENUE: Final = "venue"
_BLOCKED: Final = "blocked"


def _place_table() -> dict[str, tuple[str | None, str | None, str]]:
    """Map each name to (canonical name or None for "as written", country, kind).

    Names of ``place_stopwords.txt`` are kept as blockers: matched, so that no shorter
    name inside them is, and dropped ("Latin America" hides "America").
    """
    out: dict[str, tuple[str | None, str | None, str]] = {}
    for form in geo.CITY_FORMS:
        out[form] = (None, geo.country_of_city(form), _CITY)
    for form in geo.COUNTRY_FORMS:
        country = geo.country_named(form)
        out[form] = (country, country, _COUNTRY)
    for form in geo.VENUE_FORMS:
        out[form] = (geo.venue_named(form), geo.country_of_venue(form), _VENUE)
    for form in lexicon("place_stopwords"):
        out[form] = (None, None, _BLOCKED)
    return out


_PLACES: Final = _place_table()

# The leading letters of a capitalized word: "Geneva", "U" of "U.S.", "N" of "N'Djamena".
# The capital comes before the lookbehind (which looks at the character before it):
# `regex` then tries the lookbehind at capitals only, not at every position.
PLACE_LEAD_PATTERN: Final = regex.compile(r"\p{Lu}(?<!\w.)[\p{L}\p{M}]*+")
_LEADS_OF_LINES: Final = regex.compile(r"(?m)^\p{Lu}[\p{L}\p{M}]*+")


def _by_lead() -> dict[str, dict[str, tuple[str, ...]]]:
    """Group the names by their leading letters, then by the two characters after them.

    Longest name first: {"New": {" Y": ("New York City", "New York"), ...}}; a name
    no longer than its lead is under "" and one character longer under that character.

    A name can only stand where the text goes on with those characters, so `_name_at`
    tries one group of names instead of every name with the same leading letters ("New"
    leads some fifty of them).
    """
    forms = sorted(_PLACES, key=len, reverse=True)  # ties keep the (fixed) table order
    leads = _LEADS_OF_LINES.findall("\n".join(forms))
    if len(leads) != len(forms):  # pragma: no cover - geo checks that names are capitalized
        raise ValueError("a place name does not start with a capital letter")
    groups: dict[str, dict[str, list[str]]] = {}
    for lead, form in zip(leads, forms, strict=True):
        groups.setdefault(lead, {}).setdefault(form[len(lead) : len(lead) + 2], []).append(form)
    return {
        lead: {after: tuple(group) for after, group in by_after.items()}
        for lead, by_after in groups.items()
    }


_PLACES_BY_LEAD: Final = _by_lead()
# Names in capitals, for datelines: "MAR DEL PLATA" -> "Mar del Plata".
_UPPER_FORMS: Final = {
    form.upper(): form for form, (_, _, kind) in reversed(_PLACES.items()) if kind != _BLOCKED
}
DATELINE_PATTERN: Final = regex.compile(
    r"""
    (?<![\p{Lu}.'-])                  # at the start of a word: linear when searched
    (?P<name>\p{Lu}[\p{Lu}.'-]*+(?:[ ]\p{Lu}[\p{Lu}.'-]*+){0,3}+)  # up to four words
    (?=,[ ]|[ ]++[(\-\u2014])          # then a comma, "(Reuters)" or a dash
    """,
    flags=regex.VERBOSE | regex.VERSION1,
)
_WORD_CHAR: Final = regex.compile(r"\w")
_THE: Final = frozenset(("the ", "The "))
# A name right after "the Nigerian capital": ", Abuja", " Abuja", " of Abuja".
_APPOSITION: Final = regex.compile(r"(?:,?[ ]|[ ]of[ ])\p{Lu}")

# Tried where a capitalized word follows "the ".
DESCRIBED_PATTERN: Final = regex.compile(
    r"""
    (?<!\w)[Tt]he[ ]
    (?P<demonym>\p{Lu}[\p{L}-]*+(?:[ ]\p{Lu}[\p{L}-]*+)?)   # "Swiss", "North Korean"
    [ ]++
    (?P<noun>capital|city|town|port|resort)(?!\w)
    """,
    flags=regex.VERBOSE | regex.VERSION1,
)

_DAY_OR_MONTH: Final = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
)
_NEXT_CAPITALIZED: Final = regex.compile(
    rf"""
    [ ]                              # a space, then
    (?!(?:{_DAY_OR_MONTH})(?!\w))    # not a weekday or month
    \p{{Lu}}                         # but a capitalized word
    """,
    flags=regex.VERBOSE | regex.VERSION1,
)
_WORD_BEFORE: Final = regex.compile(
    r"""
    (?<![\w.'-])                     # a whole word
    (?P<word>\p{Lu}[\p{L}'.-]*+)     # capitalized
    [ ](?:of[ ])?\Z                  # right before the place, or before "of" and the place
    """,
    flags=regex.VERBOSE | regex.VERSION1,
)
# Capitalized words that may stand right before a place without making it part of a
# longer name.
_FREE_BEFORE: Final = regex.compile(
    rf"""
    (?:{_DAY_OR_MONTH}
      | About|Across|Against|Along|Amid|Around|Before|Behind|Between|Beyond|Both|Either
      | Even|From|Including|Inside|Into|Like|Near|Neither|Nor|Not|Now|Of|Only|Or|Outside
      | Over|Since|So|Than|Then|Through|Throughout|Toward|Towards|Unlike|Until|Via|With
      | Within|Without                 # prepositions and conjunctions (and Title Case)
      | \L<starters>                   # common sentence openers ("In", "The", "After")
    )\Z
    """,
    flags=regex.VERBOSE | regex.VERSION1,
    starters=[w for w in lexicon("sentence_starters") if w not in {"Mr", "Mrs", "Ms"}],
)
# Before a city only: "Central London", "East Jerusalem" (but "South America").
_COMPASS: Final = regex.compile(
    r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Greater|Downtown)\Z"
)
# Words that open longer names even at the start of a sentence.
_NAME_PREFIX: Final = regex.compile(
    r"(?:New|San|Santa|Saint|St\.?|Port|Fort|Mount|Lake|Cape|Mr|Mrs|Ms|Dr)\Z"
)
_QUANTIFIER: Final = regex.compile(
    r"(?:All|Any|Each|Few|Half|Many|Most|Much|None|Part|Rest|Several|Two|Three|Four|Five)\Z"
)
_SENTENCE_OPENING: Final = regex.compile(r"""(?:\A|[.!?:;\n])[ "'(\[]*+\Z""")


def _inside_longer_name(norm: str, start: int, end: int, kind: str) -> bool:
    """Whether the name at ``[start, end)`` looks like part of a longer capitalized name."""
    if (
        kind != _COUNTRY
        and norm[end + 1 : end + 2].isupper()
        and _NEXT_CAPITALIZED.match(norm, end)
    ):
        return True  # "Washington Post", "Moscow Mayor"
    if norm[start - 1 : start] != " " or norm[start - 2 : start - 1] in " \n":
        return False  # no word right before
    before = _WORD_BEFORE.search(norm, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group("word")
    if _FREE_BEFORE.match(word):
        return False
    if kind != _COUNTRY and before.end("word") + 1 == start and _COMPASS.match(word):
        return False
    opening = _SENTENCE_OPENING.search(norm, max(0, before.start() - 10), before.start())
    if opening is None:
        return True  # "George Washington", "Bank of America"
    if before.end("word") + 1 == start:
        # The sentence opens with the word: "Senior US officials", "Visiting Moscow, she
        # said", but "New Jersey", "Mr Jordan".
        return _NAME_PREFIX.match(word) is not None
    # "X of" opening the sentence: "Most of Japan", "Residents of Kharkiv", not "Bank of
    # America said".
    return not (word.endswith("s") or _QUANTIFIER.match(word))


def find_places(doc: Document) -> list[Place]:
    """Return every named place in `doc`, in text order.

    A city or capital keeps its name as written ("Kiev", "Zurich"; a dateline in
    capitals, the gazetteer's spelling); a country or venue takes its canonical name
    ("U.S." -> "United States", "Elysee Palace" -> "Élysée Palace"). `country` is the
    canonical country of the place.

    Args:
        doc: the article.

    Returns:
        The places, sorted by span.

    Examples:
        >>> text = "Blinken and Lavrov met for about 90 minutes in Geneva."
        >>> [(p.name, p.country) for p in find_places(Document(text))]
        [('Geneva', 'Switzerland')]
        >>> doc = Document("The Washington Post said Kiev and the U.S. agreed.")
        >>> [(p.name, p.country) for p in find_places(doc)]
        [('Kiev', 'Ukraine'), ('United States', 'United States')]
        >>> [p.name for p in find_places(Document("GENEVA (Reuters) - Talks ended."))]
        ['Geneva']
    """
    norm = doc.norm
    datelines = _datelines(doc)
    places: list[Place] = []
    latest_city: dict[str, Place] = {}
    reached = 0  # end of the last name taken: names do not overlap
    for lead in PLACE_LEAD_PATTERN.finditer(norm):
        start = lead.start()
        if start < reached:
            continue
        if start in datelines:  # "GENEVA, Jan 21 (Reuters) -": the gazetteer's spelling
            reached, form = datelines[start]
            written = form
        elif norm[start - 4 : start] in _THE and (
            described := DESCRIBED_PATTERN.match(norm, start - 4)
        ):
            reached = described.end()
            if not _APPOSITION.match(norm, reached):  # else the name follows
                place = _described(described, latest_city, Span(start=start - 4, end=reached))
                if place is not None:
                    places.append(place)
            continue
        else:
            text = lead.group()
            candidates = _PLACES_BY_LEAD.get(text)
            matched = None if candidates is None else _name_at(norm, start, text, candidates)
            if matched is None:
                continue
            form = matched
            reached = start + len(form)
            if _PLACES[form][2] == _BLOCKED or _inside_longer_name(
                norm, start, reached, _PLACES[form][2]
            ):
                continue
            written = doc.text[start:reached]
        canonical, country, kind = _PLACES[form]
        span = Span(start=start, end=reached)
        place = Place(name=canonical or written, country=country, span=span)
        places.append(place)
        if kind == _CITY and country is not None:
            latest_city[country] = place
    return places


def _name_at(
    norm: str, start: int, lead: str, candidates: dict[str, tuple[str, ...]]
) -> str | None:
    """The longest name that stands at `start`, if any.

    `candidates` are the names led by `lead` (the letters at `start`), grouped by the
    two characters after the lead. A name that stands here is in the group of the two
    characters that follow the lead in the text, or, one character longer than the
    lead, in the group of the next character, or is the lead itself: longer groups
    first, so the longest name still wins.
    """
    end = start + len(lead)
    two = norm[end : end + 2]
    for after in (two, two[:1], ""):  # near the end of the text, a group may come twice
        for form in candidates.get(after, ()):
            if norm.startswith(form, start) and not _WORD_CHAR.match(norm, start + len(form)):
                return form
    return None


def _datelines(doc: Document) -> dict[int, tuple[int, str]]:
    """Places in capitals that open a paragraph: {start: (end, the name as filed)}."""
    found: dict[int, tuple[int, str]] = {}
    norm = doc.norm
    for paragraph in doc.paragraphs:
        if not norm[paragraph.start : paragraph.start + 2].isupper():
            continue  # cheap test first: the paragraph opens with two capitals
        m = DATELINE_PATTERN.match(norm, paragraph.start, paragraph.end)
        if m is not None:
            form = _UPPER_FORMS.get(m.group("name"))
            if form is not None:
                found[m.start()] = (m.end("name"), form)
    return found


def _described(m: regex.Match[str], latest_city: dict[str, Place], span: Span) -> Place | None:
    """The place that "the Swiss city" or "the Ukrainian capital" stands for, if known."""
    country = geo.country_of_demonym(m.group("demonym"))
    if country is None:
        return None
    if m.group("noun") == "capital":
        capital = geo.capital_of(country)
        return None if capital is None else Place(name=capital, country=country, span=span)
    city = latest_city.get(country)
    return None if city is None else Place(name=city.name, country=country, span=span)
