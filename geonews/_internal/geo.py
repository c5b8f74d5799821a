"""Countries, capitals, demonyms, cities and venues, and the country each one names.

Five tables in ``geonews/_data`` are read once, at import, into immutable mappings:

- ``countries.tsv``: the canonical short name of each country as analysts write it
  ("United States", "Russia", "South Korea"; former states such as "Soviet Union"
  too), with its other names ("U.S.", "America", "Russian Federation", "USSR").
- ``capitals.tsv``: capitals and seats of government ("Moscow", "Kyiv", "Kiev", "The
  Hague", "Jerusalem").
- ``demonyms.tsv``: national adjectives and nouns ("Estonian", "Americans", "Swiss").
- ``cities.tsv``: cities of GeoNames (built by ``scripts/build_places.py``), each name
  given to its most populous bearer, plus dependent territories ("Greenland").
- ``venues.tsv``: other named places ("White House", "Kremlin", "Camp David").

Every lookup tries the form exactly as written, then, for text in capitals only
(Reuters headlines), case-insensitively: ``country_named("RUSSIA") == "Russia"``,
but ``country_named("russia") is None``. A curly apostrophe reads as a straight one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import regex

from geonews._internal.errors import LexiconError
from geonews._internal.lexicons import lexicon, table

_NOT_CAPITALIZED: Final = regex.compile(r"(?m)^(?!\p{Lu})")


def _names(field: str) -> tuple[str, ...]:
    """Split a ``|``-separated field; ``-`` is the empty list."""
    return () if field == "-" else tuple(field.split("|"))


def _mapping(pairs: Iterable[tuple[str, str]], what: str) -> Mapping[str, str]:
    """Map each form to its value; a form given two different values is a data error."""
    items = list(pairs)
    out = dict(items)
    if len(out) < len(items):  # a repeated form: the same value twice is harmless
        for form, value in items:
            if out[form] != value:
                raise LexiconError(f"{what}: {form!r} is both {out[form]!r} and {value!r}")
    if _NOT_CAPITALIZED.search("\n".join(out)):
        raise LexiconError(f"{what}: a name does not start with a capital letter")
    return MappingProxyType(out)


def _upper(mapping: Mapping[str, str]) -> Mapping[str, str]:
    """The same mapping keyed by upper-case forms; on a clash the first form in order wins."""
    return MappingProxyType(
        {form.upper(): value for form, value in reversed(list(mapping.items()))}
    )


def _check_countries(mapping: Mapping[str, str], what: str, countries: frozenset[str]) -> None:
    for form, country in mapping.items():
        if country not in countries:
            raise LexiconError(f"{what}: {form!r} names unknown country {country!r}")


_COUNTRY_ROWS: Final = table("countries", 3)
_CAPITAL_ROWS: Final = table("capitals", 3)
_VENUE_ROWS: Final = table("venues", 3)

COUNTRIES: Final[tuple[str, ...]] = tuple(row[0] for row in _COUNTRY_ROWS)
"""The canonical name of every country, current and former, in alphabetical order."""
_KNOWN: Final = frozenset(COUNTRIES)

_COUNTRY_BY_FORM: Final = _mapping(
    ((form, name) for name, _, aliases in _COUNTRY_ROWS for form in (name, *_names(aliases))),
    "countries.tsv",
)
_CAPITAL_BY_FORM: Final = _mapping(
    (
        (form, country)
        for country, capital, others in _CAPITAL_ROWS
        for form in (capital, *_names(others))
    ),
    "capitals.tsv",
)
_CAPITAL_OF: Final = _mapping(
    ((country, capital) for country, capital, _ in _CAPITAL_ROWS), "capitals.tsv"
)
_DEMONYM_BY_FORM: Final = _mapping(
    ((demonym, country) for demonym, country in table("demonyms", 2)), "demonyms.tsv"
)
# Names too ambiguous to read as a city ("Victoria"): not in cities.tsv, and a capital
# of that name is only a capital.
_STOPWORDS: Final = frozenset(lexicon("place_stopwords"))
_CITY_BY_FORM: Final = MappingProxyType(
    {
        **{form: country for form, country in _CAPITAL_BY_FORM.items() if form not in _STOPWORDS},
        **_mapping(((name, country) for name, country, _ in table("cities", 3)), "cities.tsv"),
    }
)
_VENUE_COUNTRY: Final = _mapping(
    ((form, country) for form, _, country in _VENUE_ROWS), "venues.tsv"
)
_VENUE_NAME: Final = _mapping(((form, name) for form, name, _ in _VENUE_ROWS), "venues.tsv")

_check_countries(_CAPITAL_BY_FORM, "capitals.tsv", _KNOWN)
_check_countries(_DEMONYM_BY_FORM, "demonyms.tsv", _KNOWN)
_check_countries(_CITY_BY_FORM, "cities.tsv", _KNOWN)
_check_countries(_VENUE_COUNTRY, "venues.tsv", _KNOWN)

_COUNTRY_BY_UPPER: Final = _upper(_COUNTRY_BY_FORM)
_CAPITAL_BY_UPPER: Final = _upper(_CAPITAL_BY_FORM)
_DEMONYM_BY_UPPER: Final = _upper(_DEMONYM_BY_FORM)
_CITY_BY_UPPER: Final = _upper(_CITY_BY_FORM)
_VENUE_COUNTRY_BY_UPPER: Final = _upper(_VENUE_COUNTRY)
_VENUE_NAME_BY_UPPER: Final = _upper(_VENUE_NAME)

COUNTRY_FORMS: Final[tuple[str, ...]] = tuple(sorted(_COUNTRY_BY_FORM))
"""Every name of every country as written: "US", "U.S.", "United States", "Britain"..."""
CAPITAL_FORMS: Final[tuple[str, ...]] = tuple(sorted(_CAPITAL_BY_FORM))
"""Every name of a capital or seat of government: "Moscow", "Kyiv", "Kiev", "The Hague"..."""
DEMONYM_FORMS: Final[tuple[str, ...]] = tuple(sorted(_DEMONYM_BY_FORM))
"""Every demonym: "American", "Americans", "British", "Swiss", "North Korean"..."""
CITY_FORMS: Final[tuple[str, ...]] = tuple(sorted(_CITY_BY_FORM))
"""Every city name, capitals included: "Geneva", "Zurich", "Zürich", "Kiev"..."""
VENUE_FORMS: Final[tuple[str, ...]] = tuple(sorted(_VENUE_COUNTRY))
"""Every venue name as written: "White House", "Kremlin", "Elysee Palace"..."""


def _look(exact: Mapping[str, str], upper: Mapping[str, str], form: str) -> str | None:
    """Look `form` up as written, then, if it is in capitals only, in `upper`."""
    form = form.replace("\u2019", "'")
    found = exact.get(form)
    if found is None and form.isupper():
        found = upper.get(form)
    return found


def country_named(form: str) -> str | None:
    """Return the canonical name of the country that `form` names, or None.

    Args:
        form: a country name as written ("U.S.", "Britain", "Russian Federation").

    Returns:
        The canonical name from ``countries.tsv``, or None for anything else.

    Examples:
        >>> country_named("U.S.")
        'United States'
        >>> country_named("Russian Federation")
        'Russia'
        >>> country_named("UKRAINE")
        'Ukraine'
        >>> country_named("Atlantis") is None
        True
    """
    return _look(_COUNTRY_BY_FORM, _COUNTRY_BY_UPPER, form)


def country_of_capital(form: str) -> str | None:
    """Return the country whose capital or seat of government `form` names, or None.

    Args:
        form: a capital as written ("Moscow", "Kiev", "Washington, D.C.").

    Returns:
        The canonical country name, or None when `form` is no capital.

    Examples:
        >>> country_of_capital("Moscow")
        'Russia'
        >>> country_of_capital("Kiev")
        'Ukraine'
        >>> country_of_capital("Geneva") is None
        True
    """
    return _look(_CAPITAL_BY_FORM, _CAPITAL_BY_UPPER, form)


def capital_of(country: str) -> str | None:
    """Return the capital of a country given by its canonical name, or None.

    Args:
        country: a canonical name from ``countries.tsv`` ("Ukraine").

    Returns:
        The capital as English news writes it ("Kyiv"); None for a former state or
        an unknown name.

    Examples:
        >>> capital_of("Ukraine")
        'Kyiv'
        >>> capital_of("Soviet Union") is None
        True
    """
    return _CAPITAL_OF.get(country)


def country_of_demonym(form: str) -> str | None:
    """Return the country that a demonym or national adjective refers to, or None.

    Args:
        form: a demonym as written ("Estonian", "Americans", "Swiss").

    Returns:
        The canonical country name, or None.

    Examples:
        >>> country_of_demonym("Estonian")
        'Estonia'
        >>> country_of_demonym("American")
        'United States'
        >>> country_of_demonym("Martian") is None
        True
    """
    return _look(_DEMONYM_BY_FORM, _DEMONYM_BY_UPPER, form)


def country_of_city(form: str) -> str | None:
    """Return the country of the city (or capital, or dependent territory) `form` names.

    A name borne by several cities is read as the most populous one, a country's own
    capital counting ten times its size ("Santiago" is in Chile).

    Args:
        form: a city name as written ("Geneva", "Zurich", "Kiev").

    Returns:
        The canonical country name, or None.

    Examples:
        >>> country_of_city("Geneva")
        'Switzerland'
        >>> country_of_city("Kiev")
        'Ukraine'
        >>> country_of_city("Hong Kong")
        'China'
        >>> country_of_city("Reading") is None
        True
    """
    return _look(_CITY_BY_FORM, _CITY_BY_UPPER, form)


def country_of_venue(form: str) -> str | None:
    """Return the country of a named venue ("White House", "Kremlin"), or None.

    Args:
        form: a venue as written.

    Returns:
        The canonical country name, or None.

    Examples:
        >>> country_of_venue("White House")
        'United States'
        >>> country_of_venue("Elysee Palace")
        'France'
    """
    return _look(_VENUE_COUNTRY, _VENUE_COUNTRY_BY_UPPER, form)


def venue_named(form: str) -> str | None:
    """Return the canonical name of the venue `form` names, or None.

    Args:
        form: a venue as written ("Elysee Palace", "Nato headquarters").

    Returns:
        The name under which ``venues.tsv`` files it ("Élysée Palace").

    Examples:
        >>> venue_named("Elysee Palace")
        'Élysée Palace'
        >>> venue_named("Geneva") is None
        True
    """
    return _look(_VENUE_NAME, _VENUE_NAME_BY_UPPER, form)
