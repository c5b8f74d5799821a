"""find_shipments: who sends what to whom, how much, delivered, sent or pledged."""

from __future__ import annotations

import importlib.resources
import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import geonews
from geonews import Shipment
from geonews._internal.extractors import shipments as s
from tests.strategies import filler_sentence, news_article, shift_spans, shipment_sentence

PUBLISHED = "2022-01-22"  # a Saturday


def shipments(text: str, published: str | None = PUBLISHED) -> tuple[Shipment, ...]:
    return geonews.parse_article(text, published=published).shipments


def summary(shipment: Shipment) -> tuple[object, ...]:
    """Supplier, recipient, items, amount, status and rule of a shipment."""
    q = shipment.quantity
    return (
        None if shipment.supplier is None else shipment.supplier.name,
        None if shipment.recipient is None else shipment.recipient.name,
        list(shipment.items),
        None if q is None else (q.value, q.unit, q.approximate),
        shipment.status.value,
        shipment.rule,
    )


# --------------------------------------------------------------------------- the example


def test_the_example_article_gives_its_three_shipments() -> None:
    resource = importlib.resources.files("geonews").joinpath("_data", "example.json")
    example_article = json.loads(resource.read_text(encoding="utf-8"))
    text = example_article["text"]
    found = [
        x
        for x in shipments(text, example_article["published"])
        if x.rule != "shipment.generic_supply"
    ]
    assert [summary(x)[:5] for x in found] == [
        (
            "United States",
            "Ukraine",
            ["lethal aid", "ammunition"],
            (200000.0, "lb", True),
            "delivered",
        ),
        ("United Kingdom", "Ukraine", ["anti-tank missiles"], None, "sent"),
        (
            "Baltic states",
            "Ukraine",
            ["Stinger air defence missiles", "Javelin anti-tank missiles"],
            None,
            "pledged",
        ),
    ]
    us, uk, baltic = found
    # the headline and the body name one consignment; the body's sentence is the evidence
    assert "had just arrived from the America" in us.span.slice(text)
    assert us.quantity is not None
    assert us.quantity.text == "close to 200,000 pounds"
    assert us.time is not None
    assert us.time.start is not None
    assert us.time.start.isoformat() == "2022-01-21"  # "Late on Friday"
    assert uk.time is not None
    assert uk.time.text == "earlier this week"
    assert baltic.time is None  # "earlier this week" is in the UK's clause, before "while"


def test_the_example_article_reports_the_wests_supplies_as_generic() -> None:
    resource = importlib.resources.files("geonews").joinpath("_data", "example.json")
    example_article = json.loads(resource.read_text(encoding="utf-8"))
    generic = [
        x
        for x in shipments(example_article["text"], example_article["published"])
        if x.rule == "shipment.generic_supply"
    ]
    assert len(generic) == 1  # "the west has ramped up supplies" and "Western allies": one
    assert generic[0].recipient is not None
    assert generic[0].recipient.name == "Ukraine"


# --------------------------------------------------------------------------- one per rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Germany sent 30 anti-aircraft guns to Ukraine last week.",
            (
                "Germany",
                "Ukraine",
                ["anti-aircraft guns"],
                (30.0, "units", False),
                "sent",
                "shipment.send_to",
            ),
            id="send_to",
        ),
        pytest.param(
            "Russia will supply India with 2 million tonnes of wheat.",
            ("Russia", "India", ["wheat"], (2e6, "t", False), "pledged", "shipment.supply_with"),
            id="supply_with",
        ),
        pytest.param(
            "Two tonnes of medicine were delivered to Gaza by the World Health Organization.",
            (
                "World Health Organization",
                "Gaza",
                ["medicine"],
                (2.0, "t", False),
                "delivered",
                "shipment.passive",
            ),
            id="passive",
        ),
        pytest.param(
            "Japan bought 50,000 tonnes of wheat from Australia.",
            (
                "Australia",
                "Japan",
                ["wheat"],
                (50000.0, "t", False),
                "sent",
                "shipment.receive_from",
            ),
            id="receive_from",
        ),
        pytest.param(
            "A shipment of 20 tonnes of rice from China arrived in Myanmar on Monday.",
            ("China", "Myanmar", ["rice"], (20.0, "t", False), "delivered", "shipment.arrival"),
            id="arrival",
        ),
        pytest.param(
            "Washington approved the sale of 40 F-16 fighter jets to Turkey.",
            (
                "United States",
                "Turkey",
                ["F-16 fighter jets"],
                (40.0, "units", False),
                "pledged",
                "shipment.noun_phrase",
            ),
            id="noun_phrase",
        ),
        pytest.param(
            "Western allies are supplying weapons to Ukraine.",
            ("Western allies", "Ukraine", ["weapons"], None, "sent", "shipment.generic_supply"),
            id="generic_supply",
        ),
    ],
)
def test_each_rule(text: str, expected: tuple[object, ...]) -> None:
    found = shipments(text)
    assert [summary(x) for x in found] == [expected]
    assert found[0].span.slice(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Canada sold 200,000 tonnes of wheat to the Soviet Union, trade sources said.",
            ("Canada", "Soviet Union", ["wheat"], (200000.0, "t", False), "sent"),
            id="a trade flow",
        ),
        pytest.param(
            "The UK has supplied Ukraine with 2,000 anti-tank missiles.",
            ("United Kingdom", "Ukraine", ["anti-tank missiles"], (2000.0, "units", False), "sent"),
            id="a count of goods in units",
        ),
        pytest.param(
            "The European Union gave Jordan 50 million euros of humanitarian aid.",
            ("European Union", "Jordan", ["humanitarian aid"], (5e7, "EUR", False), "sent"),
            id="two objects",
        ),
        pytest.param(
            "Poland handed over 200 tanks to Ukraine on Friday.",
            ("Poland", "Ukraine", ["tanks"], (200.0, "units", False), "delivered"),
            id="handed over",
        ),
        pytest.param(
            "Syria has received the first batch of Russian S-300 missiles.",
            ("Russia", "Syria", ["Russian S-300 missiles"], None, "delivered"),
            id="a supplier from the item's nationality",
        ),
        pytest.param(
            "Russia said it would send warplanes to Syria.",
            ("Russia", "Syria", ["warplanes"], None, "pledged"),
            id="it stands for the party before",
        ),
        pytest.param(
            "The US embassy in Kyiv said a consignment of 300 tonnes of ammunition had arrived "
            "from America on Friday.",
            ("United States", None, ["ammunition"], (300.0, "t", False), "delivered"),
            id="an embassy reports its country's delivery",
        ),
        pytest.param(
            "Arnor will contribute a million rupees to Gondor, a senior official said.",
            ("Arnor", "Gondor", [], (1e6, "INR", False), "pledged"),
            id="money given",
        ),
        pytest.param(
            "Swiss doctors handed over 700 kg of medicine to the Red Crescent in Bam.",
            ("Swiss doctors", "Red Crescent", ["medicine"], (700.0, "kg", False), "delivered"),
            id="a verb particle is no approximation",
        ),
    ],
)
def test_parties_amounts_and_status(text: str, expected: tuple[object, ...]) -> None:
    assert [summary(x)[:5] for x in shipments(text)] == [expected]


def test_one_shipment_per_amount_of_goods() -> None:
    found = shipments(
        "Argentina agreed to ship 2 mln tonnes of maize and 300,000 tonnes of sorghum to Spain."
    )
    assert [summary(x)[:5] for x in found] == [
        ("Argentina", "Spain", ["maize"], (2e6, "t", False), "pledged"),
        ("Argentina", "Spain", ["sorghum"], (300000.0, "t", False), "pledged"),
    ]


def test_sales_to_several_countries_are_one_shipment_each() -> None:
    found = shipments(
        "Washington approved arms sales to Saudi Arabia, the United Arab Emirates and Jordan."
    )
    assert [x.recipient.name if x.recipient else None for x in found] == [
        "Saudi Arabia",
        "United Arab Emirates",
        "Jordan",
    ]
    assert {x.status.value for x in found} == {"pledged"}


def test_a_headline_and_its_body_are_one_consignment() -> None:
    text = (
        "Japan sends 5,000 tonnes of rice to Haiti\n\n"
        "Japan has sent 5,000 tonnes of rice to Haiti, the foreign ministry said on Friday."
    )
    found = shipments(text)
    assert len(found) == 1
    assert summary(found[0])[:5] == ("Japan", "Haiti", ["rice"], (5000.0, "t", False), "sent")


def test_a_supplier_added_to_a_list_keeps_the_recipient() -> None:
    text = "Western allies are supplying weapons to Ukraine. The UK sent anti-tank missiles."
    found = [x for x in shipments(text) if x.rule != "shipment.generic_supply"]
    assert [summary(x)[:2] for x in found] == [("United Kingdom", "Ukraine")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia has not sent weapons to Syria.",
        "China denied selling arms to Iran.",
        "Will France send tanks to Ukraine?",
        "Russia could send more weapons to Syria.",
        "It is unclear if Moscow has already provided Damascus with missiles.",
        "Israel has struck shipments of Iranian weapons to Hezbollah.",
        "Russia sent 100,000 troops to the border.",
        "Japan's car exports to Europe rose 38 pct in January.",
        "The Soviet Union exported 500 mln dlrs worth of goods to the United States in 1986.",
        "The government sent a clear signal to Moscow.",
        "Mr Blinken told Mr Lavrov the US would give Russia written responses next week.",
        "Each weapons sale to Hanoi will be evaluated on a case-by-case basis.",
        "The Afghan team's supplies were delayed.",
    ],
)
def test_not_shipments(text: str) -> None:
    assert shipments(text) == ()


def test_the_time_is_the_nearest_in_the_sentence() -> None:
    (found,) = shipments("On Monday, Poland handed over 200 tanks to Ukraine.")
    assert found.time is not None
    assert found.time.start is not None
    assert found.time.start.isoformat() == "2022-01-17"


# --------------------------------------------------------------------------- the helpers


def test_trigger_hits_match_the_documented_pattern() -> None:
    text = "Supplies sent; take delivery of aid. Re-supply, handed over, pre-sent, SENT."
    expected = [(m.start(), m.end()) for m in s.TRIGGER_PATTERN.finditer(text)]
    assert [(h.start, h.end) for h in s._trigger_hits(text)] == expected
    assert [h.phrase for h in s._trigger_hits(text)] == [
        "supplies",
        "sent",
        "take delivery",
        "handed over",
        "sent",
    ]


# --------------------------------------------------------------------------- properties

shipment_article = st.one_of(
    news_article(),
    st.lists(shipment_sentence(), min_size=1, max_size=4).map(" ".join),
)


@given(shipment_article)
@example("")
@example("sent " * 2000)
@example("\u201c" * 10_000)
@example("supplies of " * 3000)
@example("The UK sent missiles to " + "Ukraine, " * 3000)
def test_any_text_gives_shipments_whose_spans_point_into_it(text: str) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    for shipment in article.shipments:
        assert 0 <= shipment.span.start <= shipment.span.end <= len(text)
        assert shipment.rule.startswith("shipment.")
        assert shipment.supplier is not None
        for part in (shipment.time, shipment.quantity):
            if part is not None:
                assert 0 <= part.span.start <= part.span.end <= len(text)
        if shipment.quantity is not None:
            q = shipment.quantity
            assert text[q.span.start : q.span.end] == q.text


@given(st.text())
def test_any_string_parses(text: str) -> None:
    geonews.parse_article(text, published=PUBLISHED)


@given(shipment_article)
def test_the_same_text_gives_the_same_shipments(text: str) -> None:
    first = shipments(text)
    assert first == shipments(text)
    dumped = json.loads(json.dumps([x.to_dict() for x in first]))
    assert tuple(Shipment.from_dict(x) for x in dumped) == first


@given(st.lists(shipment_sentence(), min_size=1, max_size=4).map(" ".join), filler_sentence())
def test_an_unrelated_paragraph_before_or_after_removes_no_shipment(text: str, filler: str) -> None:
    base = [json.loads(json.dumps(x.to_dict())) for x in shipments(text)]
    after = [json.loads(json.dumps(x.to_dict())) for x in shipments(f"{text}\n\n{filler}")]
    assert base == after
    prefix = f"{filler}\n\n"
    before = [json.loads(json.dumps(x.to_dict())) for x in shipments(prefix + text)]
    assert [shift_spans(x, len(prefix)) for x in base] == before


# --------------------------------------------------------------------------- tripwires
# (every module pattern meets runs of these trigger words in tests/test_hostile.py)


def test_a_long_trigger_dense_article_parses() -> None:
    text = "Russia sent weapons, ammunition and fuel to Syria and " * 2000 + "."
    found = shipments(text)
    assert len(found) == 1  # one supplier, one recipient, one consignment
