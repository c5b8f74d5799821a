"""Quantities: amounts, units, counts, money, approximators and what is not a quantity."""

from __future__ import annotations

import math

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from geonews._internal.document import Document
from geonews._internal.mentions.quantities import (
    QUANTITY_PATTERN,
    WORDS_PATTERN,
    find_quantities,
    parse_quantity,
)

SEED = (
    "US embassy in Kyiv posts photos of shipment of \u2018close to 200,000 pounds of lethal "
    "aid\u2019\n\n"
    "There are fears that Russia will invade Ukraine after Moscow massed tens of thousands "
    "of troops at the border, while the west has ramped up supplies of weapons to Kyiv.\n\n"
    "US secretary of state Antony Blinken and Russian foreign minister Sergey Lavrov met for "
    "about 90 minutes in Geneva at what the American diplomat said was a \u201ccritical "
    "moment\u201d.\n\n"
    "An estimated 100,000 Russian troops have been sent to areas near Ukraine, and more are "
    "moving into the area for training exercises with neighbouring Belarus."
)


def found(text: str) -> list[tuple[float | None, str, bool, str]]:
    return [(q.value, q.unit, q.approximate, q.text) for q in find_quantities(Document(text))]


def one(text: str) -> tuple[float | None, str, bool, str]:
    result = found(text)
    assert len(result) == 1, result
    return result[0]


def test_seed_article() -> None:
    assert found(SEED) == [
        (200000.0, "lb", True, "close to 200,000 pounds"),
        (None, "troops", True, "tens of thousands of troops"),
        (90.0, "min", True, "about 90 minutes"),
        (100000.0, "troops", True, "An estimated 100,000 Russian troops"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # durations
        ("Blinken and Lavrov met for about 90 minutes.", (90.0, "min", True, "about 90 minutes")),
        ("The call lasted two hours.", (2.0, "h", False, "two hours")),
        ("He spent three days in Kyiv.", (3.0, "day", False, "three days")),
        ("It was a 90-minute meeting.", (90.0, "min", False, "90-minute")),
        ("She began a two-day visit.", (2.0, "day", False, "two-day")),
        # money
        ("Washington pledged $1.2bn in aid.", (1.2e9, "USD", False, "$1.2bn")),
        ("Washington pledged $1.2 billion in aid.", (1.2e9, "USD", False, "$1.2 billion")),
        ("The loan is worth 1.2 billion dollars.", (1.2e9, "USD", False, "1.2 billion dollars")),
        ("Net profit was 1.2 billion dlrs.", (1.2e9, "USD", False, "1.2 billion dlrs")),
        ("The company lost 150 mln dlrs last year.", (1.5e8, "USD", False, "150 mln dlrs")),
        ("The fund raised US$5m from donors.", (5e6, "USD", False, "US$5m")),
        ("Brussels offered \u20ac500m to Kyiv.", (5e8, "EUR", False, "\u20ac500m")),
        ("Brussels offered 500 million euros.", (5e8, "EUR", False, "500 million euros")),
        ("London sent \u00a33m for shelters.", (3e6, "GBP", False, "\u00a33m")),
        (
            "Tokyo set aside 10 billion yen for reconstruction.",
            (1e10, "JPY", False, "10 billion yen"),
        ),
        (
            "Moscow spent 40 billion roubles on the bridge.",
            (4e10, "RUB", False, "40 billion roubles"),
        ),
        ("Beijing lent 3 billion yuan to the port.", (3e9, "CNY", False, "3 billion yuan")),
        ("The grant came to 20 mln ECUs.", (2e7, "XEU", False, "20 mln ECUs")),
        ("Each share pays 50 cents.", (0.5, "USD", False, "50 cents")),
        ("The aid comes to CHF 10 million.", (1e7, "CHF", False, "CHF 10 million")),
        ("Sales reached 3.5 mln Canadian dlrs.", (3.5e6, "CAD", False, "3.5 mln Canadian dlrs")),
        ("Credits came to 4 billion marks.", (4e9, "DEM", False, "4 billion marks")),
        ("Aid rose to dollars 3bn this year.", (3e9, "USD", False, "dollars 3bn")),
        # mass and volume
        ("The EU exported 1.5 million tonnes.", (1.5e6, "t", False, "1.5 million tonnes")),
        ("It bought 500,000 tonnes of wheat.", (5e5, "t", False, "500,000 tonnes")),
        ("The ship carried some 500 tons of maize.", (500.0, "t", True, "some 500 tons")),
        ("Exports fell to 1.5 mln tonnes.", (1.5e6, "t", False, "1.5 mln tonnes")),
        ("Spain may import two mln tonnes of maize.", (2e6, "t", False, "two mln tonnes")),
        ("Police seized 100 kg of cocaine.", (100.0, "kg", False, "100 kg")),
        ("Police seized 12kg of heroin.", (12.0, "kg", False, "12kg")),
        ("Each parcel holds 5 kilograms of rice.", (5.0, "kg", False, "5 kilograms")),
        (
            "Output rose to 300,000 barrels per day.",
            (3e5, "bbl/d", False, "300,000 barrels per day"),
        ),
        ("The tanker holds 300 barrels of crude.", (300.0, "bbl", False, "300 barrels")),
        ("Farmers sold 20,000 bushels.", (2e4, "bu", False, "20,000 bushels")),
        ("Each family got 50 litres of water.", (50.0, "l", False, "50 litres")),
        ("The convoy travelled 60km north.", (60.0, "km", False, "60km")),
        # counts
        ("Moscow has 100,000 troops there.", (1e5, "troops", False, "100,000 troops")),
        ("Nearly 1,000 died in the fighting.", (1000.0, "", True, "Nearly 1,000")),
        ("Ukraine received five tanks.", (5.0, "tanks", False, "five tanks")),
        ("A dozen were wounded.", (12.0, "", False, "A dozen")),
        ("They bought a dozen drones.", (12.0, "drones", False, "a dozen drones")),
        ("Twenty-five soldiers died.", (25.0, "soldiers", False, "Twenty-five soldiers")),
        ("The attack killed 12 people.", (12.0, "people", False, "12 people")),
        (
            "Moscow sent 20,000 Kalashnikov assault rifles.",
            (2e4, "rifles", False, "20,000 Kalashnikov assault rifles"),
        ),
        (
            "The airline ordered 100 Boeing 737 aircraft.",
            (100.0, "aircraft", False, "100 Boeing 737 aircraft"),
        ),
        ("Nato flew 8 U.S. fighter jets in.", (8.0, "jets", False, "8 U.S. fighter jets")),
        (
            "Two hundred and fifty civilians fled.",
            (250.0, "civilians", False, "Two hundred and fifty civilians"),
        ),
        (
            "Several hundred protesters gathered.",
            (None, "protesters", True, "Several hundred protesters"),
        ),
        (
            "Banks lost hundreds of millions of dollars.",
            (None, "USD", True, "hundreds of millions of dollars"),
        ),
        ("Thousands of people fled the city.", (None, "people", True, "Thousands of people")),
        # approximators
        (
            "More than 1,000 people were evacuated.",
            (1000.0, "people", True, "More than 1,000 people"),
        ),
        ("Over 500 troops crossed.", (500.0, "troops", True, "Over 500 troops")),
        ("Kyiv wants up to 20 tanks.", (20.0, "tanks", True, "up to 20 tanks")),
        ("At least 10 ships were hit.", (10.0, "ships", True, "At least 10 ships")),
        ("As many as 40 jets took part.", (40.0, "jets", True, "As many as 40 jets")),
        ("It has 100,000-plus soldiers.", (1e5, "soldiers", True, "100,000-plus soldiers")),
        (
            "Fewer than 300 civilians remain.",
            (300.0, "civilians", True, "Fewer than 300 civilians"),
        ),
        ("Inflation is just under 5%.", (5.0, "%", True, "just under 5%")),
        ("The talks took 90 minutes or so.", (90.0, "min", True, "90 minutes or so")),
        ("Roughly 2 million people fled.", (2e6, "people", True, "Roughly 2 million people")),
        # percentages
        ("Prices rose 7.5 per cent in May.", (7.5, "%", False, "7.5 per cent")),
        ("Output fell 3 pct in March.", (3.0, "%", False, "3 pct")),
        (
            "The budget is 36 billion European currency units.",
            (3.6e10, "XEU", False, "36 billion European currency units"),
        ),
    ],
)
def test_quantity(text: str, expected: tuple[float | None, str, bool, str]) -> None:
    assert one(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # weight: goods follow, or no money context
        ("The plane carried 200,000 pounds of wheat.", "lb"),
        ("They sold 5 million pounds of beef.", "lb"),
        ("The jet dropped a 500-pound bomb.", "lb"),
        ("The crate weighed 80 pounds.", "lb"),
        # money: sign, sterling, money words before or after, multipliers
        ("Britain paid 30,000 pounds sterling.", "GBP"),
        ("The loan came to 5 mln stg.", "GBP"),
        ("The house is worth 500,000 pounds.", "GBP"),
        ("The repairs cost 500 pounds.", "GBP"),
        ("It signed a 2 million pound deal.", "GBP"),
        ("London announced 50 million pounds in aid.", "GBP"),
        ("He earns 30,000 pounds a year.", "GBP"),
        ("The club spent millions of pounds.", "GBP"),
        ("Ukraine will get 5 million pounds.", "GBP"),
        ("The fine was 2,000 pounds ($2,500).", "GBP"),
        ("Kyiv received a \u00a35m grant.", "GBP"),
    ],
)
def test_pounds(text: str, unit: str) -> None:
    assert found(text)[0][1] == unit


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022.",
        "Prices have risen since 1987.",
        "They met on January 21 in Geneva.",
        "They met on 21 Jan in Geneva.",
        "The summit ends on Jan. 21.",
        "The vote is at 3 pm on Friday.",
        "The vote is at 3pm on Friday.",
        "Talks resumed at 10:30 in Vienna.",
        "Troops crossed at 0800 GMT.",
        "It was the 21st round of talks.",
        "Call 555-1234 for tickets.",
        "Call +44 20 7946 0000 for tickets.",
        "Nato invoked Article 5 of its treaty.",
        "The F-16 jets arrived.",
        "The G20 summit opened.",
        "The score was 3-1 after the break.",
        "One of them was injured.",
        "He met the two of them.",
        "The 1990s were calm.",
        "The 2022-23 budget was passed.",
        "Prices fell in 1986/87.",
        "Mr Blinken said he was ready.",
        "Oil earns more than one-third of its exports.",
        "The city imports about three-quarters of its food.",
        "The office still ran Windows 3.1 on old machines.",
    ],
)
def test_not_a_quantity(text: str) -> None:
    assert found(text) == []


def test_year_with_a_measure_unit_is_a_quantity() -> None:
    assert one("The ship took 2000 tonnes of grain.")[:2] == (2000.0, "t")
    assert found("In 2000 prices fell.") == []


def test_sixty_second_is_an_ordinal() -> None:
    assert found("It was the sixty-second tranche.") == []
    assert one("It showed a 30-second video.")[:2] == (30.0, "s")


def test_stops_number_words_at_a_new_number() -> None:
    # "five and six": five is not continued by six; six tanks is read on its own
    assert found("It sent five and six tanks.") == [(6.0, "tanks", False, "six tanks")]


def test_spans_and_order_on_an_article() -> None:
    quantities = find_quantities(Document(SEED))
    ends = [q.span.end for q in quantities]
    starts = [q.span.start for q in quantities]
    assert starts == sorted(starts)
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))
    for q in quantities:
        assert SEED[q.span.start : q.span.end] == q.text


def test_spans_index_the_original_text() -> None:
    text = "Aid\u00a0worth \u201cnearly\u00a0$2\u00a0billion\u201d arrived."
    (q,) = find_quantities(Document(text))
    assert q.value == 2e9
    assert q.unit == "USD"
    assert q.approximate
    assert text[q.span.start : q.span.end] == q.text == "nearly\u00a0$2\u00a0billion"


def test_parse_quantity() -> None:
    q = parse_quantity("close to 200,000 pounds of lethal aid")
    assert q is not None
    assert (q.value, q.unit, q.approximate, q.text) == (
        200000.0,
        "lb",
        True,
        "close to 200,000 pounds",
    )
    assert (q.span.start, q.span.end) == (0, 23)
    money = parse_quantity("$1.2bn in aid")
    assert money is not None
    assert (money.value, money.unit) == (1.2e9, "USD")
    assert parse_quantity("in 2022") is None
    assert parse_quantity("the 200 tanks") is None  # the quantity does not start the text
    assert parse_quantity("") is None


@pytest.mark.parametrize(
    "text",
    [
        "1," * 500_000,
        "9" * 1_000_000,
        "999999999999999999999999 billion dollars",
        "\ud800 5 tonnes \udfff",
        "one " * 10_000,
        "tens of " * 10_000,
        "$" * 100_000 + "5",
        "\u201c" * 100_000,
        "5 " * 100_000,
        "-plus " * 50_000,
        "a " * 100_000 + "dozen",
    ],
    ids=lambda t: repr(t[:12]),
)
def test_hostile_input(text: str) -> None:
    for q in find_quantities(Document(text)):
        assert text[q.span.start : q.span.end] == q.text
        assert q.value is None or math.isfinite(q.value)


def test_huge_values_stay_finite() -> None:
    for q in find_quantities(Document("It cost 999,999,999,999,999 trillion dollars.")):
        assert q.value is not None
        assert math.isfinite(q.value)


@pytest.mark.parametrize("pattern", [QUANTITY_PATTERN, WORDS_PATTERN])
@pytest.mark.parametrize(
    "text",
    ["1" * 100_000, "1," * 50_000, "one " * 25_000, "tens of " * 20_000, " " * 100_000],
    ids=["digits", "commas", "words", "vague", "spaces"],
)
def test_patterns_do_not_backtrack(pattern: regex.Pattern[str], text: str) -> None:
    for pos in range(0, len(text), max(1, len(text) // 50)):
        pattern.match(text, pos, timeout=1.0)


@given(st.text())
@example("")
@example("close to 200,000 pounds")
@example("\ud83d 1,000 troops")
@example("They killed thousands of")
@example("ſix tanks and 5 thouſand")
def test_any_text(text: str) -> None:
    quantities = find_quantities(Document(text))
    last_end = 0
    for q in quantities:
        assert 0 <= q.span.start <= q.span.end <= len(text)
        assert text[q.span.start : q.span.end] == q.text
        assert q.value is None or math.isfinite(q.value)
        assert q.span.start >= last_end
        last_end = q.span.end


NEWS_WORDS = st.sampled_from(
    [
        "about",
        "close to",
        "nearly",
        "some",
        "more than",
        "up to",
        "an estimated",
        "tens of",
        "thousands of",
        "a dozen",
        "five",
        "twenty-five",
        "two hundred and",
        "$",
        "\u00a3",
        "US$",
        "1,000",
        "200,000",
        "1.5",
        "2022",
        "21",
        "90",
        "million",
        "mln",
        "bn",
        "m",
        "pounds",
        "tonnes",
        "dlrs",
        "troops",
        "Russian",
        "minutes",
        "-minute",
        "of",
        "in",
        "aid",
        "worth",
        "January",
        "pm",
        "-plus",
        "or so",
        "%",
        " ",
        ",",
        ".",
        "\n",
    ]
)


@given(st.lists(NEWS_WORDS, max_size=30).map(" ".join))
def test_news_like_text(text: str) -> None:
    for q in find_quantities(Document(text)):
        assert text[q.span.start : q.span.end] == q.text
        assert q.value is None or math.isfinite(q.value)
        assert q.text.strip() == q.text
