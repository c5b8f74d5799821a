"""Quotes: kinds, cues, speakers and the rules that find them, plus their properties."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import geonews
from geonews import Article, Quote, QuoteKind
from geonews._internal.document import Document
from geonews._internal.extractors import quotes as quotes_module
from tests.strategies import article_text, filler_sentence, news_sentence, quote_sentence

PUBLISHED = "2022-01-22"


def _quotes(text: str) -> tuple[Quote, ...]:
    return geonews.parse_article(text, published=PUBLISHED).quotes


def _only(text: str) -> Quote:
    found = _quotes(text)
    assert len(found) == 1, found
    return found[0]


def _speaker(quote: Quote) -> str | None:
    return None if quote.speaker is None else quote.speaker.name


# --------------------------------------------------------------------------- the example


def test_example_article_gives_exactly_its_quotes_with_their_speakers() -> None:
    data = json.loads(files("geonews").joinpath("_data", "example.json").read_text("utf-8"))
    article = geonews.parse_article(data["text"], published=data["published"])
    got = [(q.text[:30], q.kind.value, _speaker(q)) for q in article.quotes]
    assert got == [
        ("close to 200,000 pounds of let", "partial", "US embassy in Kyiv"),
        ("critical moment", "partial", "Antony Blinken"),
        ("We didn\u2019t expect any major bre", "direct", "Antony Blinken"),
        ("close to 200,000 pounds of let", "partial", "US embassy in Kyiv"),
        ("Today, Ukraine is at the foref", "direct", "Kalle Laanet"),
        ("not designed against any of th", "partial", "John Kirby"),
        ("The British foreign minister h", "direct", "a diplomatic source"),
        ("face down global aggressors", "partial", "Liz Truss"),
    ]
    laanet = article.quotes[4]
    assert "\n\n\u201cLet\u2019s face it" in laanet.text  # one quote over two paragraphs
    assert laanet.rule == "quote.speaker_before"
    source = article.quotes[6]
    assert source.rule == "quote.intermediary"
    assert source.cue == "quoted its source as saying"
    assert source.speaker is not None
    assert source.speaker.kind is geonews.ActorKind.SOURCE


# --------------------------------------------------------------------------- one rule each


def test_speaker_before_with_colon_and_statement() -> None:
    q = _only('Russia\'s foreign ministry said in a statement: "The talks were useful."')
    assert (q.text, q.kind, q.cue, q.rule) == (
        "The talks were useful.",
        QuoteKind.DIRECT,
        "said",
        "quote.speaker_before",
    )
    assert q.speaker is not None
    assert "foreign ministry" in q.speaker.name.lower()


def test_speaker_before_with_comma() -> None:
    q = _only('Jens Stoltenberg told reporters in Brussels, "We will not be divided."')
    assert (_speaker(q), q.kind, q.cue, q.rule) == (
        "Jens Stoltenberg",
        QuoteKind.DIRECT,
        "told",
        "quote.speaker_before",
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # no space between the verb's comma and the quotation mark
        ('Russian Foreign Minister Sergei Lavrov said,"We will not be divided."', "said"),
        # an em dash glued to the verb
        (
            "Russian Foreign Minister Sergei Lavrov said\u2014\u201cWe will not be divided.\u201d",
            "said",
        ),
    ],
)
def test_speech_verb_glued_to_punctuation_is_found(text: str, cue: str) -> None:
    q = _only(text)
    assert (_speaker(q), q.cue) == ("Sergei Lavrov", cue)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            '"The door to diplomacy remains open," Mr Blinken said on Friday.',
            "Blinken",
            "said",
        ),
        (
            (
                "US secretary of state Antony Blinken met Sergey Lavrov in Geneva.\n\n"
                '"We are on a clearer path," Blinken, the US secretary of state, told reporters.'
            ),
            "Antony Blinken",
            "told",
        ),
        (
            'Olaf Scholz arrived in Kyiv on Monday. "We stand with Ukraine," he added.',
            "Olaf Scholz",
            "added",
        ),
        (
            "\u201cSanctions will follow,\u201d Jens Stoltenberg tweeted.",
            "Jens Stoltenberg",
            "tweeted",
        ),
    ],
)
def test_speaker_after(text: str, speaker: str, cue: str) -> None:
    q = _quotes(text)[-1]
    assert (_speaker(q), q.kind, q.cue, q.rule) == (
        speaker,
        QuoteKind.DIRECT,
        cue,
        "quote.speaker_after",
    )


def test_verb_before_speaker_after_the_quote() -> None:
    q = _only('"The exercise was planned long ago," said Pentagon press secretary John Kirby.')
    assert (_speaker(q), q.cue, q.rule) == ("John Kirby", "said", "quote.verb_speaker_after")


def test_according_to_after_and_before() -> None:
    after = _only('"The talks will resume in March," according to a diplomatic source.')
    assert (_speaker(after), after.cue, after.rule) == (
        "a diplomatic source",
        "according to",
        "quote.according_to",
    )
    before = _only('According to Nato, "the build-up has not stopped."')
    assert (_speaker(before), before.kind, before.rule) == (
        "Nato",
        QuoteKind.DIRECT,
        "quote.according_to",
    )


def test_intermediary_gives_the_source_not_the_agency() -> None:
    text = (
        "The visit was confirmed by a diplomatic source, the TASS news agency said.\n\n"
        '"The minister will arrive on Monday," TASS quoted the source as saying.'
    )
    q = _quotes(text)[-1]
    assert q.rule == "quote.intermediary"
    assert q.speaker is not None
    assert q.speaker.kind is geonews.ActorKind.SOURCE
    assert "source" in q.speaker.name


def test_split_quote_is_two_quotes_with_the_same_speaker_and_kind() -> None:
    first, second = _quotes('"We are ready," Mr Lavrov said, "but not at any price."')
    assert (first.text, second.text) == ("We are ready,", "but not at any price.")
    assert _speaker(first) == _speaker(second) == "Lavrov"
    assert first.kind is second.kind is QuoteKind.DIRECT
    assert (first.rule, second.rule) == ("quote.speaker_after", "quote.split")


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            (
                "Speaking in Australia, Ms Truss said allies must "
                '"face down global aggressors" together.'
            ),
            "face down global aggressors",
            "Truss",
        ),
        (
            (
                "US secretary of state Antony Blinken spoke to allies in Brussels at what the "
                "American diplomat said was a \u201cdecisive week\u201d for Europe."
            ),
            "decisive week",
            "Antony Blinken",
        ),
        (
            (
                "Mr Kirby said the exercise was not planned with Ukraine in mind and is "
                '"not designed against any of the scenarios" discussed in Geneva.'
            ),
            "not designed against any of the scenarios",
            "Kirby",
        ),
    ],
)
def test_partial_quote_takes_the_subject_of_its_clause(
    text: str, quoted: str, speaker: str
) -> None:
    q = _only(text)
    assert (q.text, q.kind, _speaker(q), q.rule) == (
        quoted,
        QuoteKind.PARTIAL,
        speaker,
        "quote.partial",
    )


def test_quotes_of_one_sentence_share_the_speaker() -> None:
    first, second = _quotes('The plan is "unworkable" and "dangerous," Mr Lavrov said.')
    assert _speaker(first) == _speaker(second) == "Lavrov"
    assert first.rule == "quote.same_sentence"
    assert first.kind is second.kind is QuoteKind.PARTIAL


def test_quote_paragraph_continues_the_previous_speaker() -> None:
    text = (
        'Wang Yi said China would not take sides. "We call for calm," he said.\n\n'
        '"Dialogue is the only way forward."'
    )
    last = _quotes(text)[-1]
    assert (last.text, _speaker(last), last.rule, last.cue) == (
        "Dialogue is the only way forward.",
        "Wang Yi",
        "quote.continuation",
        None,
    )


def test_colon_at_the_end_of_a_paragraph_attributes_the_next_one() -> None:
    text = 'Estonian defence minister Kalle Laanet said:\n\n"Ukraine is at the forefront."'
    q = _only(text)
    assert (_speaker(q), q.kind, q.rule) == (
        "Kalle Laanet",
        QuoteKind.DIRECT,
        "quote.speaker_before",
    )


def test_headline_quote_takes_the_speaker_of_the_body() -> None:
    text = (
        "\u2018Critical moment\u2019 for Geneva talks\n\n"
        "US secretary of state Antony Blinken said it was a \u201ccritical moment\u201d for "
        "Europe."
    )
    head, body = _quotes(text)
    assert (head.text, _speaker(head), head.rule) == (
        "Critical moment",
        "Antony Blinken",
        "quote.headline",
    )
    assert _speaker(body) == "Antony Blinken"


def test_a_quote_nobody_is_said_to_have_said_has_no_speaker() -> None:
    text = (
        "Crowds gathered in the square on Sunday evening.\n\n"
        '"Freedom is not given, it is won, and we will win it again."'
    )
    q = _only(text)
    assert (q.speaker, q.cue, q.rule, q.kind) == (
        None,
        None,
        "quote.unattributed",
        QuoteKind.DIRECT,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Russia warned Nato not to cross the so-called \u2018red lines\u2019 in the Black Sea.",
        'The documentary "Winter on Fire" was shown at the festival.',
        'Police raided the offices of a rights group called "Memorial" on Tuesday.',
        'The "special operation" entered its third week.',
        'The ministry said the U.S.-backed "Group of Five" nations met in Paris.',
        "Ukraine's allies' support for Kyiv in the '90s differed from Russia's.",
    ],
)
def test_titles_names_terms_and_apostrophes_are_not_quotes(text: str) -> None:
    assert _quotes(text) == ()


def test_a_naming_verb_with_a_speaker_reports_words() -> None:
    q = _only('Mr Lavrov called the sanctions "economic war" on Friday.')
    assert (_speaker(q), q.cue, q.kind) == ("Lavrov", "called", QuoteKind.PARTIAL)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("``", "''")],
)
def test_every_mark_style(opening: str, closing: str) -> None:
    q = _only(f"{opening}We will not give up,{closing} Ms Truss said.")
    assert (q.text, _speaker(q)) == ("We will not give up,", "Truss")


def test_quoted_sentence_right_after_a_verb_of_saying_is_direct() -> None:
    q = _only('Netanyahu said "We must prepare for every scenario in the north."')
    assert q.kind is QuoteKind.DIRECT


def test_quote_the_sentence_runs_on_from_is_partial() -> None:
    q = _only('As a result, Moscow said, "the summit will have to wait" until June.')
    assert q.kind is QuoteKind.PARTIAL


def test_question_quote_with_its_speaker_in_the_next_sentence() -> None:
    q = _only('"Why was the aid never sent?" Mr Stoltenberg asked the ministers.')
    assert (_speaker(q), q.cue, q.rule) == ("Stoltenberg", "asked", "quote.speaker_after")
    alone = _only('"Where is the aid?" The question hung over the summit in Vilnius.')
    assert alone.speaker is None


def test_cue_offsets_survive_text_whose_lowercase_is_longer() -> None:
    # "İ".lower() is two characters: the verb scan must not drift
    text = 'İstanbul talks: "We are ready to meet again," Mr Lavrov said.'
    q = _only(text)
    assert (_speaker(q), q.cue) == ("Lavrov", "said")


def test_it_and_they_continue_the_latest_fitting_speaker() -> None:
    text = (
        "The International Crisis Group said on Wednesday the talks had stalled.\n\n"
        '"Brussels must act before the spring," it said.'
    )
    assert _speaker(_only(text)) == "International Crisis Group"


def test_a_surname_the_actor_layer_missed_gets_its_first_name() -> None:
    text = (
        "Russia's deputy foreign minister, Sergei Ryabkov, would not say whether the "
        'missiles had been shipped.\n\n"We have no reason to revise our stance," Ryabkov said.'
    )
    q = _only(text)
    assert (_speaker(q), q.rule) == ("Sergei Ryabkov", "quote.speaker_after")


# --------------------------------------------------------------------------- properties


@st.composite
def quote_article(draw: st.DrawFn) -> str:
    """Paragraphs rich in quotations, with other news sentences between them."""
    paragraphs = draw(
        st.lists(
            st.lists(st.one_of(quote_sentence(), news_sentence()), min_size=1, max_size=3),
            min_size=1,
            max_size=5,
        )
    )
    return "\n\n".join(" ".join(p) for p in paragraphs)


any_article = st.one_of(article_text, quote_article())

_OPENERS = {"double": "\u201c\u201e", "guillemet": "\u00ab", "single": "\u2018"}


@given(any_article)
@example('"' * 10_000)
@example("\u201c" * 5000 + "said" + "\u201d" * 5000)
@example('"a," said "b," said ' * 500)
@example("said " * 5000)
def test_quotes_never_raise_and_their_text_lies_inside_their_span(text: str) -> None:
    article = geonews.parse_article(text, published=PUBLISHED)
    for q in article.quotes:
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert q.text
        assert q.text in text[q.span.start : q.span.end]
        assert q.rule.startswith("quote.")


@given(any_article)
def test_a_quote_holds_no_opening_mark_of_its_style_but_nested_or_reopening(text: str) -> None:
    doc = Document(text)
    regions = {(r.span.start, r.span.end): r for r in doc.quotes if r.depth == 0}
    nested = {r.span.start for r in doc.quotes if r.depth > 0}
    paragraph_starts = {p.start for p in doc.paragraphs}
    for q in geonews.parse_article(text, published=PUBLISHED).quotes:
        region = regions[(q.span.start, q.span.end)]
        for i in range(region.inner.start, region.inner.end):
            if text[i] in _OPENERS.get(region.style, ""):
                assert i in nested or i in paragraph_starts, (q, i)


@given(any_article, filler_sentence())
def test_an_unrelated_paragraph_removes_no_quote(text: str, filler: str) -> None:
    def keys(article: Article, shift: int = 0) -> set[tuple[int, int, str]]:
        return {(q.span.start + shift, q.span.end + shift, q.text) for q in article.quotes}

    base = geonews.parse_article(text, published=PUBLISHED)
    after = geonews.parse_article(f"{text}\n\n{filler}", published=PUBLISHED)
    assert keys(base) <= keys(after)
    assert set(base.quotes) <= set(after.quotes)
    # a prefix paragraph takes the headline's place: quotes after the first paragraph stay
    prefix = f"{filler}\n\n"
    before = keys(geonews.parse_article(prefix + text, published=PUBLISHED))
    paragraphs = Document(text).paragraphs
    first_end = paragraphs[0].end if paragraphs else 0
    assert {k for k in keys(base, len(prefix)) if k[0] >= len(prefix) + first_end} <= before


@given(any_article)
def test_quotes_are_deterministic_and_round_trip(text: str) -> None:
    first = geonews.parse_article(text, published=PUBLISHED)
    second = geonews.parse_article(text, published=PUBLISHED)
    assert first.quotes == second.quotes
    assert Article.from_dict(json.loads(json.dumps(first.to_dict()))).quotes == first.quotes


_ADVERSARIAL = (
    '"' * 5_000,
    "\u201c" * 5_000,
    "said " * 1_000,
    "a" * 5_000,
    " " * 5_000,
    ", " * 2_500,
    "\ue000\ue001" * 2_500,
    "Mr Blinken, " * 400,
    "the " * 1_200 + "said",
    "according to " * 400,
    "1" * 5_000,
)


@pytest.mark.parametrize("name", [n for n in dir(quotes_module) if n.endswith("_PATTERN")])
def test_patterns_stay_linear_on_hostile_input(name: str) -> None:
    """A backtracking blow-up trips the timeout: searched whole, and matched at each offset."""
    pattern: regex.Pattern[str] = getattr(quotes_module, name)
    for text in _ADVERSARIAL:
        pattern.search(text, timeout=2.0)
        for _ in pattern.finditer(text, timeout=2.0):
            pass
        for start in range(0, len(text), 7):
            pattern.match(text, start, min(len(text), start + 400), timeout=0.5)
