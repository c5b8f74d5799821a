"""geo: countries, capitals, demonyms, cities and venues, and the country each names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geonews._internal import geo


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("United States of America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Russian Federation", "Russia"),
        ("Russia", "Russia"),
        ("USSR", "Soviet Union"),
        ("Holland", "Netherlands"),
        ("DPRK", "North Korea"),
        ("Republic of Korea", "South Korea"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Côte d\u2019Ivoire", "Ivory Coast"),  # a curly apostrophe reads as a straight one
        ("Czechia", "Czech Republic"),
        ("Burma", "Myanmar"),
        ("Türkiye", "Turkey"),
        ("West Germany", "West Germany"),
        ("Palestinian Territories", "Palestine"),
    ],
)
def test_country_named_maps_every_spelling_to_the_canonical_name(form: str, country: str) -> None:
    assert geo.country_named(form) == country


@pytest.mark.parametrize("form", ["us", "russia", "Geneva", "Moscow", "Russian", "", "Atlantis"])
def test_country_named_rejects_what_is_no_country_name(form: str) -> None:
    assert geo.country_named(form) is None


def test_text_in_capitals_is_looked_up_without_case() -> None:
    # Reuters headlines are in capitals: "RUSSIA, UKRAINE TALKS IN GENEVA".
    assert geo.country_named("RUSSIA") == "Russia"
    assert geo.country_named("UNITED STATES") == "United States"
    assert geo.country_of_city("GENEVA") == "Switzerland"
    assert geo.country_of_capital("KIEV") == "Ukraine"
    assert geo.country_of_demonym("ESTONIAN") == "Estonia"
    assert geo.country_of_venue("WHITE HOUSE") == "United States"
    # Mixed and lower case are not folded: "Us" and "reading" are words.
    assert geo.country_named("Us") is None
    assert geo.country_of_city("geneva") is None


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("Moscow", "Russia"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("Washington", "United States"),
        ("Washington, D.C.", "United States"),
        ("London", "United Kingdom"),
        ("Beijing", "China"),
        ("Peking", "China"),
        ("Tehran", "Iran"),
        ("Jerusalem", "Israel"),
        ("The Hague", "Netherlands"),
        ("Nur-Sultan", "Kazakhstan"),
        ("Naypyidaw", "Myanmar"),
    ],
)
def test_country_of_capital(form: str, country: str) -> None:
    assert geo.country_of_capital(form) == country


@pytest.mark.parametrize("form", ["Brussels EU", "Tel Aviv", "Geneva", "New York", "Russia"])
def test_cities_that_are_no_seat_of_government_are_no_capital(form: str) -> None:
    assert geo.country_of_capital(form) is None


def test_capital_of_gives_the_capital_news_writes() -> None:
    assert geo.capital_of("Ukraine") == "Kyiv"
    assert geo.capital_of("United States") == "Washington"
    assert geo.capital_of("Soviet Union") is None
    assert geo.capital_of("Atlantis") is None


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("American", "United States"),
        ("Americans", "United States"),
        ("British", "United Kingdom"),
        ("Russian", "Russia"),
        ("Ukrainian", "Ukraine"),
        ("Estonian", "Estonia"),
        ("Chinese", "China"),
        ("Israeli", "Israel"),
        ("Palestinian", "Palestine"),
        ("Soviet", "Soviet Union"),
        ("Iranian", "Iran"),
        ("Swiss", "Switzerland"),
        ("Dutch", "Netherlands"),
        ("North Korean", "North Korea"),
        ("Filipino", "Philippines"),
    ],
)
def test_country_of_demonym(form: str, country: str) -> None:
    assert geo.country_of_demonym(form) == country


def test_ambiguous_or_linguistic_adjectives_are_no_demonym() -> None:
    assert geo.country_of_demonym("Korean") is None
    assert geo.country_of_demonym("English") is None
    assert geo.country_of_demonym("russian") is None


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("Geneva", "Switzerland"),
        ("Zürich", "Switzerland"),
        ("Zurich", "Switzerland"),  # accents dropped
        ("Moscow", "Russia"),  # not Moscow, Idaho
        ("Kiev", "Ukraine"),  # a capital spelling GeoNames lacks
        ("Odessa", "Ukraine"),  # English name beats Odessa, Texas
        ("Saint Petersburg", "Russia"),
        ("St Petersburg", "Russia"),
        ("St. Petersburg", "Russia"),
        ("Hong Kong", "China"),
        ("Greenland", "Denmark"),  # a dependent territory
        ("Gaza", "Palestine"),
        ("Santiago", "Chile"),  # a capital counts ten times its size
        ("Mumbai", "India"),
        ("Bombay", "India"),
        ("Venice", "Italy"),  # under the size limit, listed as notable
        ("Mar del Plata", "Argentina"),
        ("Ho Chi Minh City", "Vietnam"),
    ],
)
def test_country_of_city(form: str, country: str) -> None:
    assert geo.country_of_city(form) == country


@pytest.mark.parametrize("form", ["Reading", "Mobile", "Nice", "Split", "Bath", "Of", "Victoria"])
def test_city_names_that_are_common_words_are_left_out(form: str) -> None:
    assert geo.country_of_city(form) is None
    assert form not in geo.CITY_FORMS


def test_a_capital_named_like_a_common_word_is_still_a_capital() -> None:
    assert geo.country_of_capital("Victoria") == "Seychelles"


@pytest.mark.parametrize(
    ("form", "name", "country"),
    [
        ("White House", "White House", "United States"),
        ("Kremlin", "Kremlin", "Russia"),
        ("Downing Street", "Downing Street", "United Kingdom"),
        ("Elysee Palace", "Élysée Palace", "France"),
        ("Élysée", "Élysée Palace", "France"),
        ("Camp David", "Camp David", "United States"),
        ("Blue House", "Blue House", "South Korea"),
        ("Zhongnanhai", "Zhongnanhai", "China"),
    ],
)
def test_venues(form: str, name: str, country: str) -> None:
    assert geo.country_of_venue(form) == country
    assert geo.venue_named(form) == name


def test_the_pentagon_is_left_to_the_organizations() -> None:
    assert geo.country_of_venue("Pentagon") is None


def test_form_tuples_are_sorted_unique_and_capitalized() -> None:
    for forms in (
        geo.COUNTRY_FORMS,
        geo.CAPITAL_FORMS,
        geo.DEMONYM_FORMS,
        geo.CITY_FORMS,
        geo.VENUE_FORMS,
    ):
        assert list(forms) == sorted(set(forms))
        assert all(form[:1].isupper() for form in forms)


def test_every_form_maps_to_a_known_country() -> None:
    known = set(geo.COUNTRIES)
    for form in geo.COUNTRY_FORMS:
        assert geo.country_named(form) in known, form
    for form in geo.CAPITAL_FORMS:
        assert geo.country_of_capital(form) in known, form
    for form in geo.DEMONYM_FORMS:
        assert geo.country_of_demonym(form) in known, form
    for form in geo.CITY_FORMS:
        assert geo.country_of_city(form) in known, form
    for form in geo.VENUE_FORMS:
        assert geo.country_of_venue(form) in known, form


def test_capitals_are_cities() -> None:
    # Every capital spelling, stop words apart, is also a city of some country.
    missing = [f for f in geo.CAPITAL_FORMS if geo.country_of_city(f) is None]
    assert missing == ["Victoria"]


def test_the_canonical_names_include_former_states() -> None:
    for name in ("Soviet Union", "West Germany", "East Germany", "Yugoslavia", "Palestine"):
        assert name in geo.COUNTRIES
        assert geo.country_named(name) == name


def test_the_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        geo._COUNTRY_BY_FORM["Atlantis"] = "Atlantis"  # type: ignore[index]


@given(st.text(max_size=60))
def test_lookups_never_raise(form: str) -> None:
    for lookup in (
        geo.country_named,
        geo.country_of_capital,
        geo.country_of_demonym,
        geo.country_of_city,
        geo.country_of_venue,
        geo.venue_named,
        geo.capital_of,
    ):
        result = lookup(form)
        assert result is None or isinstance(result, str)


def test_forms_are_written_as_document_norm_writes_them() -> None:
    # Place names are matched on Document.norm, where curly quotes and dashes are ASCII.
    for forms in (geo.COUNTRY_FORMS, geo.CITY_FORMS, geo.VENUE_FORMS, geo.DEMONYM_FORMS):
        for form in forms:
            assert not set(form) & set("\u2018\u2019\u201c\u201d\u2013\u2014\u00a0"), form
