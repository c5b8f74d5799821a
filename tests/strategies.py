"""Hypothesis strategies for article-like text.

Pure `st.text()` rarely fires a rule, so `article_text` mixes it with news-like
sentences built from names, titles, countries, speech verbs, meeting, demand and
shipment phrasings, quotation marks of every style and apostrophes. `filler_sentence`
gives sentences that name no party and quote nobody: adding one must not change what
geonews finds elsewhere.
"""

from __future__ import annotations

from hypothesis import strategies as st

PEOPLE = (
    "Antony Blinken",
    "Sergey Lavrov",
    "Kalle Laanet",
    "Liz Truss",
    "John Kirby",
    "Jens Stoltenberg",
    "Olaf Scholz",
    "Wang Yi",
    "Ursula von der Leyen",
    "George W. Bush",
)
TITLES = (
    "US secretary of state",
    "Russian foreign minister",
    "Estonian defence minister",
    "Pentagon press secretary",
    "British foreign minister",
    "Nato secretary general",
    "German chancellor",
    "President",
    "Mr",
    "Ms",
    "Dr",
    "Gen.",
)
PARTIES = (
    "Russia",
    "Ukraine",
    "the United States",
    "the US",
    "Britain",
    "the UK",
    "Nato",
    "the EU",
    "the UN",
    "China",
    "France",
    "Moscow",
    "Washington",
    "Kyiv",
    "the Kremlin",
    "the Pentagon",
    "Russia's foreign ministry",
)
PLACES = ("Geneva", "Brussels", "Kyiv", "Moscow", "Beijing", "Vienna", "Minsk", "Warsaw")
TIMES = (
    "on Friday",
    "next week",
    "earlier this week",
    "last month",
    "in February",
    "on January 21",
    "until February 4th",
    "on 21 Jan 2022",
    "in 2021",
    "",
)
QUANTITIES = (
    "close to 200,000 pounds of",
    "about 500 tons of",
    "$1.2bn worth of",
    "1.5 million tonnes of",
    "100,000",
    "tens of thousands of",
    "nearly 1,000",
    "some",
    "",
)
ITEMS = (
    "lethal aid",
    "anti-tank missiles",
    "ammunition",
    "wheat",
    "Stinger air defence missiles",
    "fuel",
    "humanitarian aid",
)
SPEECH = ("said", "told reporters", "added", "warned", "insisted", "said on Friday")
MEET = ("met", "will meet", "held talks with", "spoke by phone with", "is expected to visit")
DEMAND = ("demanded that", "called on", "urged", "wants", "insisted that")
SEND = ("sent", "will send", "delivered", "pledged", "has supplied", "agreed to send")
QUOTE_MARKS = (
    ('"', '"'),
    ("\u201c", "\u201d"),  # “ ”
    ("\u2018", "\u2019"),  # ‘ ’
    ("'", "'"),
    ("\u00ab", "\u00bb"),  # « »
    ("``", "''"),  # AP style
    ("\u201e", "\u201c"),  # „ “
)
APOSTROPHE_WORDS = (
    "Ukraine's",
    "don't",
    "'90s",
    "Ukraine\u2019s",
    "allies\u2019",
    "it's",
    "Russia\u2019s",
    "o'clock",
)
CLAUSES = (
    "We are ready to talk",
    "This is a critical moment",
    "Ukraine will never be added as a member",
    "we didn't expect any major breakthroughs",
    "the '90s are over",
    "Let's face it - the war is ongoing",
    "it withdraw its troops from the border",
    "allies' support matters",
)
FILLERS = (
    "Rain fell across the region overnight.",
    "Traffic was light on the ring road.",
    "The museum reopened after repairs.",
    "Shares rose slightly in early trading.",
    "The river level stayed below the flood mark.",
    "Tickets for the concert sold out within an hour.",
    "Farmers began the spring harvest.",
)
FILLER_SUBJECTS = ("The weather", "Local traffic", "The harbour", "A bakery", "The library")
FILLER_PREDICATES = (
    "stayed calm",
    "was busy in the morning",
    "closed early",
    "drew a small crowd",
    "changed little",
)


@st.composite
def person(draw: st.DrawFn) -> str:
    """A person, with or without a title."""
    name = draw(st.sampled_from(PEOPLE))
    title = draw(st.sampled_from((*TITLES, "", "")))
    if title in {"Mr", "Ms", "Dr", "Gen."}:
        return f"{title} {name.split()[-1]}"
    return f"{title} {name}".strip()


def party() -> st.SearchStrategy[str]:
    """A person or a country, organization or capital."""
    return st.one_of(person(), st.sampled_from(PARTIES))


@st.composite
def quotation(draw: st.DrawFn) -> str:
    """Words between quotation marks of some style."""
    opening, closing = draw(st.sampled_from(QUOTE_MARKS))
    words = draw(st.sampled_from(CLAUSES))
    end = draw(st.sampled_from((".", ",", "", "!", "?")))
    return f"{opening}{words}{end}{closing}"


@st.composite
def quote_sentence(draw: st.DrawFn) -> str:
    """A quotation with its speaker before or after it."""
    speaker, verb, quote = draw(party()), draw(st.sampled_from(SPEECH)), draw(quotation())
    if draw(st.booleans()):
        return f"{quote} {speaker} {verb}."
    return f"{speaker} {verb}: {quote}"


@st.composite
def meeting_sentence(draw: st.DrawFn) -> str:
    """Two parties meeting, with a place and a time."""
    a, b = draw(party()), draw(party())
    verb, place = draw(st.sampled_from(MEET)), draw(st.sampled_from(PLACES))
    when = draw(st.sampled_from(TIMES))
    return " ".join(f"{a} {verb} {b} in {place} {when}".split()) + "."


@st.composite
def demand_sentence(draw: st.DrawFn) -> str:
    """One party demanding something of another."""
    a, b = draw(party()), draw(party())
    verb, clause = draw(st.sampled_from(DEMAND)), draw(st.sampled_from(CLAUSES))
    if verb in {"called on", "urged"}:
        return f"{a} {verb} {b} to stop the exercise."
    return f"{a} {verb} {b} {clause[0].lower()}{clause[1:]}."


@st.composite
def shipment_sentence(draw: st.DrawFn) -> str:
    """One party sending something to another."""
    a, b = draw(party()), draw(party())
    verb, amount = draw(st.sampled_from(SEND)), draw(st.sampled_from(QUANTITIES))
    items, when = draw(st.sampled_from(ITEMS)), draw(st.sampled_from(TIMES))
    return " ".join(f"{a} {verb} {amount} {items} to {b} {when}".split()) + "."


@st.composite
def apostrophe_sentence(draw: st.DrawFn) -> str:
    """A sentence with apostrophes that must not open quotations."""
    words = draw(st.lists(st.sampled_from(APOSTROPHE_WORDS), min_size=1, max_size=3))
    return f"{draw(party())} said {' and '.join(words)} mattered."


@st.composite
def filler_sentence(draw: st.DrawFn) -> str:
    """A sentence that names no party, quotes nobody and refers to nothing before it."""
    if draw(st.booleans()):
        return draw(st.sampled_from(FILLERS))
    subject = draw(st.sampled_from(FILLER_SUBJECTS))
    return f"{subject} {draw(st.sampled_from(FILLER_PREDICATES))}."


def news_sentence() -> st.SearchStrategy[str]:
    """A sentence of one of the news-like shapes above."""
    return st.one_of(
        quote_sentence(),
        meeting_sentence(),
        demand_sentence(),
        shipment_sentence(),
        apostrophe_sentence(),
        filler_sentence(),
    )


@st.composite
def news_article(draw: st.DrawFn) -> str:
    """A headline and paragraphs of news-like sentences, now and then with noise."""
    paragraphs = draw(
        st.lists(
            st.lists(st.one_of(news_sentence(), st.text(max_size=30)), min_size=1, max_size=4),
            min_size=1,
            max_size=5,
        )
    )
    headline = draw(st.one_of(st.just(""), st.sampled_from(FILLERS).map(lambda s: s[:-1])))
    separator = draw(st.sampled_from(("\n\n", "\r\n\r\n", "\n")))
    body = separator.join(" ".join(p) for p in paragraphs)
    return f"{headline}{separator}{body}" if headline else body


article_text = st.one_of(st.text(), news_article())
"""Any text: arbitrary strings or news-like articles built from the pieces above."""


def shift_spans(value: object, by: int) -> object:
    """A serialized value (``to_dict()`` output) with every span and mention moved `by`."""
    if isinstance(value, list):
        return [shift_spans(item, by) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, object] = {}
    for key, item in value.items():
        if key == "span":
            out[key] = {"start": item["start"] + by, "end": item["end"] + by}
        elif key == "mentions":
            out[key] = [{"start": m["start"] + by, "end": m["end"] + by} for m in item]
        else:
            out[key] = shift_spans(item, by)
    return out
