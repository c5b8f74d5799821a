"""find_places: cities, capitals, countries and venues named in an article."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from geonews._internal import geo
from geonews._internal.document import Document
from geonews._internal.mentions.places import (
    DATELINE_PATTERN,
    DESCRIBED_PATTERN,
    PLACE_LEAD_PATTERN,
    find_places,
)
from geonews._internal.model import Place

# From the seed article of the gold set (The Guardian, 22 January 2022).
SEED = (
    "US and Russian diplomats to keep talking about Ukraine border stand-off\n\n"
    "US embassy in Kyiv posts photos of shipment of \u2018close to 200,000 pounds of lethal "
    "aid\u2019\n\n"
    "Senior US and Russian diplomats have agreed to keep talking amid the stand-off over "
    "Ukraine after a summit held in Switzerland on Friday produced no movement on the crisis.\n\n"
    "US secretary of state Antony Blinken and Russian foreign minister Sergey Lavrov met for "
    "about 90 minutes in Geneva at what the American diplomat said was a \u201ccritical "
    "moment\u201d.\n\n"
    "Mr Blinken told Mr Lavrov the US would give Russia written responses to Moscow\u2019s "
    "proposals next week."
)


def places(text: str) -> list[tuple[str, str | None, str]]:
    """(name, country, the text the span covers) for each place found in `text`."""
    return [(p.name, p.country, p.span.slice(text)) for p in find_places(Document(text))]


def test_the_seed_article() -> None:
    assert places(SEED) == [
        ("United States", "United States", "US"),
        ("Ukraine", "Ukraine", "Ukraine"),
        ("United States", "United States", "US"),
        ("Kyiv", "Ukraine", "Kyiv"),
        ("United States", "United States", "US"),
        ("Ukraine", "Ukraine", "Ukraine"),
        ("Switzerland", "Switzerland", "Switzerland"),
        ("United States", "United States", "US"),
        ("Geneva", "Switzerland", "Geneva"),
        ("United States", "United States", "US"),
        ("Russia", "Russia", "Russia"),
        ("Moscow", "Russia", "Moscow"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The two ministers met for about 90 minutes in Geneva on Friday.",
            [("Geneva", "Switzerland", "Geneva")],
        ),
        (
            "Liz Truss will visit Moscow next month for talks with Sergey Lavrov.",
            [("Moscow", "Russia", "Moscow")],
        ),
        (
            "Officials in Kiev said the convoy had crossed from Poland.",
            [("Kiev", "Ukraine", "Kiev"), ("Poland", "Poland", "Poland")],
        ),
        (
            "The talks moved to Zurich, then to Zürich's old town.",
            [("Zurich", "Switzerland", "Zurich"), ("Zürich", "Switzerland", "Zürich")],
        ),
        (
            "Negotiators arrived in Mexico City and New Delhi.",
            [("Mexico City", "Mexico", "Mexico City"), ("New Delhi", "India", "New Delhi")],
        ),
        (
            "He flew from Washington, D.C. to the U.K. on Sunday.",
            [
                ("Washington, D.C.", "United States", "Washington, D.C."),
                ("United Kingdom", "United Kingdom", "U.K."),
            ],
        ),
        (
            "The summit at Camp David followed a dinner at the Elysee Palace.",
            [
                ("Camp David", "United States", "Camp David"),
                ("Élysée Palace", "France", "Elysee Palace"),
            ],
        ),
        (
            "The Kremlin said the White House had not replied.",
            [("Kremlin", "Russia", "Kremlin"), ("White House", "United States", "White House")],
        ),
        (
            "Kim Jong Un arrived in Hanoi, Vietnam, by train.",
            [("Hanoi", "Vietnam", "Hanoi"), ("Vietnam", "Vietnam", "Vietnam")],
        ),
        (
            "Protesters gathered in Hong Kong and Macau.",
            [("Hong Kong", "China", "Hong Kong"), ("Macau", "China", "Macau")],
        ),
    ],
)
def test_places_named_in_news_sentences(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Washington Post reported the talks had stalled.",
        "The New York Times and the Moscow Times ran the story.",
        "Creditors of the Paris Club met the finance minister.",
        "A statue of George Washington stands outside.",
        "New Jersey sued the federal government.",
        "Mr Jordan declined to comment.",
        "Lenders such as Bank of America cut their forecasts.",
        "Growth slowed across Latin America and South America.",
        "Oil output in the Gulf of Mexico fell.",
        "The storm hit New South Wales.",
        "Officials said Reading and Mobile were quiet.",
    ],
)
def test_names_inside_longer_names_are_no_place(text: str) -> None:
    assert places(text) == []


def test_a_weekday_after_a_city_does_not_make_a_longer_name() -> None:
    assert places("The sides met in Geneva Friday.") == [("Geneva", "Switzerland", "Geneva")]


def test_sentence_openers_and_compass_words_keep_the_place() -> None:
    assert places("Visiting Moscow, Ms Truss warned of costs.") == [("Moscow", "Russia", "Moscow")]
    assert places("Residents of Kharkiv fled west.") == [("Kharkiv", "Ukraine", "Kharkiv")]
    assert places("Crowds marched through Central London.") == [
        ("London", "United Kingdom", "London")
    ]
    assert places("Blinken Meets Lavrov In Geneva") == [("Geneva", "Switzerland", "Geneva")]


def test_countries_followed_by_a_capitalized_word_are_kept() -> None:
    assert places("US President Joe Biden spoke to Ukraine President Volodymyr Zelensky.") == [
        ("United States", "United States", "US"),
        ("Ukraine", "Ukraine", "Ukraine"),
    ]


def test_the_swiss_city_is_the_latest_swiss_city() -> None:
    text = "The envoys met in Geneva. Police sealed off the Swiss city for the day."
    assert places(text) == [
        ("Geneva", "Switzerland", "Geneva"),
        ("Geneva", "Switzerland", "the Swiss city"),
    ]


def test_a_city_description_with_no_city_before_gives_nothing() -> None:
    assert places("Police sealed off the Swiss city for the day.") == []


def test_the_ukrainian_capital_is_kyiv() -> None:
    text = "Missiles struck the Ukrainian capital overnight."
    assert places(text) == [("Kyiv", "Ukraine", "the Ukrainian capital")]


def test_a_capital_description_followed_by_its_name_leaves_it_to_the_name() -> None:
    text = "Blasts hit the Tanzanian capital of Dar es Salaam and the Nigerian capital, Abuja."
    assert places(text) == [
        ("Dar es Salaam", "Tanzania", "Dar es Salaam"),
        ("Abuja", "Nigeria", "Abuja"),
    ]


def test_spans_index_the_original_text() -> None:
    text = (
        "\u201cWe met in Kyiv,\u201d she said of the U.S.\u2019s\u00a0envoy"
        " in Moscow\u2019s centre."
    )
    found = find_places(Document(text))
    assert [p.span.slice(text) for p in found] == ["Kyiv", "U.S.", "Moscow"]
    assert found[0] == Place(name="Kyiv", country="Ukraine", span=found[0].span)


def test_datelines_in_capitals_are_read() -> None:
    text = (
        "By a staff writer\n\nMAR DEL PLATA, Argentina, Nov. 5 -- Leaders met.\n\n"
        "WASHINGTON (AP) - No."
    )
    assert places(text) == [
        ("Mar del Plata", "Argentina", "MAR DEL PLATA"),
        ("Argentina", "Argentina", "Argentina"),
        ("Washington", "United States", "WASHINGTON"),
    ]


def test_text_in_capitals_is_not_read_as_places() -> None:
    # All-caps headlines hold acronyms and shouting, not names as written.
    assert places("TALKS IN GENEVA") == []


def test_place_names_are_matched_whole() -> None:
    assert places("Parisian cafes and Romeo") == []
    assert places("Georgians voted; Russians") == []


def test_every_country_name_is_found_in_a_sentence() -> None:
    for form in geo.COUNTRY_FORMS:
        text = f"Officials from {form} arrived."
        found = places(text)
        assert found == [(geo.country_named(form), geo.country_named(form), form)], form


@pytest.mark.parametrize(
    "text",
    [
        "\u201c" * 100_000,
        "'" * 100_000,
        "A" * 100_000,
        "New " * 50_000,
        "U.S." * 50_000,
        "the Swiss " * 50_000,
        "San Santa St. " * 30_000,
        "NEW YORK " * 50_000,
        "A B C D E F " * 50_000,
        "x" * 100_000,
    ],
)
def test_hostile_input_is_linear(text: str) -> None:
    for pattern in (PLACE_LEAD_PATTERN, DESCRIBED_PATTERN, DATELINE_PATTERN):
        for _ in pattern.finditer(text, timeout=5):
            pass
    find_places(Document(text))


@given(
    st.lists(
        st.one_of(
            st.text(max_size=20),
            st.sampled_from(["Geneva", "U.S.", "the Swiss city", "New", "Washington Post"]),
            st.sampled_from([" ", ", ", ". ", "\n\n", "of "]),
        ),
        max_size=20,
    ).map("".join)
)
@example("")
@example("the ")
@example("The Swiss capital")
def test_any_text_gives_places_inside_it(text: str) -> None:
    for place in find_places(Document(text)):
        assert 0 <= place.span.start < place.span.end <= len(text)
        assert place.name
        assert place.country is None or place.country in geo.COUNTRIES
