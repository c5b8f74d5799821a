"""Document: paragraphs, sentences and quotation regions, with offsets into the original."""

from __future__ import annotations

import attrs
import pytest

from geonews._internal.document import Document, _span
from geonews._internal.model import Span


def sentences(text: str) -> list[str]:
    doc = Document(text)
    return [s.span.slice(text) for s in doc.sentences]


def quotes(text: str) -> list[tuple[str, str, int, bool]]:
    """(inner words, style, depth, closed) of every quotation region, in order."""
    doc = Document(text)
    return [(q.inner.slice(text), q.style, q.depth, q.closed) for q in doc.quotes]


# --------------------------------------------------------------------------- paragraphs


def test_paragraphs_are_split_on_line_breaks_and_blank_lines_are_dropped() -> None:
    text = "Talks collapse\n\n\nRussia blames Nato.  \n  Ukraine waits.\n"
    doc = Document(text)
    assert [p.slice(text) for p in doc.paragraphs] == [
        "Talks collapse",
        "Russia blames Nato.",
        "Ukraine waits.",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2]


def test_empty_and_blank_text_have_no_paragraphs() -> None:
    for text in ("", "   ", "\n\n \r\n"):
        doc = Document(text)
        assert doc.paragraphs == ()
        assert doc.sentences == ()
        assert doc.quotes == ()


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr Blinken met Ms Truss. Dr Kirby left.",
            ["Mr Blinken met Ms Truss.", "Dr Kirby left."],
        ),
        (
            "Gen. Milley spoke to reporters. The meeting ended.",
            ["Gen. Milley spoke to reporters.", "The meeting ended."],
        ),
        (
            "The U.S. and the U.N. agreed on a plan. Russia did not.",
            ["The U.S. and the U.N. agreed on a plan.", "Russia did not."],
        ),
        (
            "The exercise runs until Feb. 4 in the Mediterranean. It was planned.",
            ["The exercise runs until Feb. 4 in the Mediterranean.", "It was planned."],
        ),
        (
            "Protesters gathered on St. James Street. Police watched.",
            ["Protesters gathered on St. James Street.", "Police watched."],
        ),
        (
            "No. 10 said the prime minister would call. He did.",
            ["No. 10 said the prime minister would call.", "He did."],
        ),
        (
            "The economy grew 1.5 per cent last year. Prices rose by 2.3 per cent.",
            ["The economy grew 1.5 per cent last year.", "Prices rose by 2.3 per cent."],
        ),
        (
            "George W. Bush met Tony Blair at Camp David. They talked for hours.",
            ["George W. Bush met Tony Blair at Camp David.", "They talked for hours."],
        ),
        (
            "Officials in the U.S. The report said so.",
            ["Officials in the U.S.", "The report said so."],
        ),
    ],
)
def test_abbreviations_decimals_and_initials_do_not_end_sentences(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


def test_a_quotation_with_sentence_ends_inside_stays_in_one_sentence() -> None:
    text = (
        "Mr Blinken said: \u201cWe are ready. We will talk again.\u201d "
        "The talks ended after about 90 minutes."
    )
    assert sentences(text) == [
        "Mr Blinken said: \u201cWe are ready. We will talk again.\u201d",
        "The talks ended after about 90 minutes.",
    ]


def test_a_question_in_quotes_followed_by_the_attribution_is_one_sentence() -> None:
    assert sentences('"Why now?" the minister asked. "Because," she said.') == [
        '"Why now?" the minister asked.',
        '"Because," she said.',
    ]


def test_a_sentence_ends_after_a_closing_quote() -> None:
    assert sentences('He said "yes." She said "no."') == ['He said "yes."', 'She said "no."']


def test_headlines_without_final_punctuation_are_sentences_of_their_own() -> None:
    text = (
        "US and Russian diplomats to keep talking about Ukraine border stand-off\n\n"
        "Supplying weaponry\n\n"
        "Western allies are also supplying weaponry. The UK sent missiles."
    )
    assert sentences(text) == [
        "US and Russian diplomats to keep talking about Ukraine border stand-off",
        "Supplying weaponry",
        "Western allies are also supplying weaponry.",
        "The UK sent missiles.",
    ]


def test_sentence_index_finds_the_sentence_of_an_offset() -> None:
    text = "Talks ended. Both sides left."
    doc = Document(text)
    assert doc.sentence_index(0) == 0
    assert doc.sentence_index(text.index("Both")) == 1
    assert doc.sentence_index(len(text) - 1) == 1


# --------------------------------------------------------------------------- quotation styles


@pytest.mark.parametrize(
    ("text", "inner", "style"),
    [
        ('He said: "We are ready."', "We are ready.", "double"),
        ("He said: 'We are ready.'", "We are ready.", "single"),
        ("He said: \u201cWe are ready.\u201d", "We are ready.", "double"),
        ("He said: \u2018We are ready.\u2019", "We are ready.", "single"),
        ("Il a dit : \u00abNous sommes pr\u00eats\u00bb.", "Nous sommes pr\u00eats", "guillemet"),
        ("``We are ready,'' he said.", "We are ready,", "ap"),
        ("\u201eWir sind bereit\u201c, sagte er.", "Wir sind bereit", "double"),
    ],
)
def test_every_quotation_style_gives_one_closed_region(text: str, inner: str, style: str) -> None:
    assert quotes(text) == [(inner, style, 0, True)]
    region = Document(text).quotes[0]
    assert region.span.start < region.inner.start
    assert region.inner.end < region.span.end


def test_a_partial_quotation_inside_a_sentence() -> None:
    text = (
        "Ms Truss said allies must \u201cface down global aggressors\u201d who were "
        "using economic dependence."
    )
    assert quotes(text) == [("face down global aggressors", "double", 0, True)]
    assert len(sentences(text)) == 1


def test_a_quotation_running_over_paragraphs_is_one_region() -> None:
    text = (
        "Estonian defence minister Kalle Laanet said: \u201cToday, Ukraine is at the "
        "forefront.\n\n"
        "\u201cLet\u2019s face it \u2014 the war in Ukraine is ongoing.\u201d\n\n"
        "The Pentagon said nothing."
    )
    doc = Document(text)
    assert len(doc.quotes) == 1
    region = doc.quotes[0]
    assert region.closed
    assert region.inner.slice(text).startswith("Today, Ukraine")
    assert region.inner.slice(text).endswith("is ongoing.")
    assert "\n\n\u201cLet\u2019s" in region.inner.slice(text)
    assert doc.quote_at(text.index("ongoing")) == region
    assert doc.quote_at(text.index("Pentagon")) is None


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = "He said: \u201cWe will fight.\n\nThe minister left."
    assert quotes(text) == [("We will fight.", "double", 0, False)]


def test_a_nested_quotation_left_open_ends_with_its_paragraph_inside_a_continued_one() -> None:
    text = "He said: \u201cOne.\n\n\u201cTwo \u2018inner\n\n\u201cThree.\u201d"
    found = quotes(text)
    assert found[0][1:] == ("double", 0, True)
    assert found[0][0].endswith("Three.")
    assert found[1] == ("inner", "single", 1, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201cHe told me \u2018never\u2019 twice,\u201d she said.",
            [
                ("He told me \u2018never\u2019 twice,", "double", 0, True),
                ("never", "single", 1, True),
            ],
        ),
        (
            "\"He called it 'a disaster', then left,\" the aide said.",
            [
                ("He called it 'a disaster', then left,", "double", 0, True),
                ("a disaster", "single", 1, True),
            ],
        ),
    ],
)
def test_nested_quotations(text: str, expected: list[tuple[str, str, int, bool]]) -> None:
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Residents in Ukraine's second biggest city Kharkiv hoped for the best.",
        "We don't expect any breakthrough, officials said.",
        "Tensions were last this high in the '90s, analysts said.",
        "It is in Ukraine\u2019s interest, and in the allies\u2019 interest too.",
        "The allies' plans were not clear.",
        "Rock 'n' roll was banned in the \u201890s.",
    ],
)
def test_apostrophes_never_open_quotations(text: str) -> None:
    assert Document(text).quotes == ()


def test_apostrophes_inside_a_quotation_do_not_close_it() -> None:
    text = "\u201cWe didn\u2019t expect any major breakthroughs,\u201d Mr Blinken said."
    assert quotes(text) == [("We didn\u2019t expect any major breakthroughs,", "double", 0, True)]
    text = "She said: 'I don't know what Ukraine's allies want.' Then she left."
    assert quotes(text) == [("I don't know what Ukraine's allies want.", "single", 0, True)]


def test_a_possessive_before_a_single_quotation_leaves_it_intact() -> None:
    text = "He said the allies' aim was 'peace'."
    assert quotes(text) == [("peace", "single", 0, True)]


def test_deep_runs_of_opening_marks_are_capped() -> None:
    doc = Document("\u201c" * 10_000)
    assert 1 <= len(doc.quotes) <= 4
    assert all(not q.closed for q in doc.quotes)


# --------------------------------------------------------------------------- offsets


def test_offsets_index_the_original_text_with_crlf_and_nbsp() -> None:
    text = (
        "Talks\r\n\r\nMr\u00a0Blinken said:\u00a0\u201cWe are ready.\u201d\r\nHe left.\u2003Really."
    )
    doc = Document(text)
    assert len(doc.norm) == len(text)
    assert [p.slice(text) for p in doc.paragraphs] == [
        "Talks",
        "Mr\u00a0Blinken said:\u00a0\u201cWe are ready.\u201d",
        "He left.\u2003Really.",
    ]
    assert sentences(text) == [
        "Talks",
        "Mr\u00a0Blinken said:\u00a0\u201cWe are ready.\u201d",
        "He left.",
        "Really.",
    ]
    assert quotes(text) == [("We are ready.", "double", 0, True)]


def test_norm_maps_curly_marks_and_dashes_one_to_one() -> None:
    text = "\u201cLet\u2019s face it \u2015 it\u2019s 2020\u20132021\u201d \u00abok\u00bb"
    doc = Document(text)
    # an en dash joins like a hyphen; an em dash (or a horizontal bar) stays a dash, so
    # that "Biden\u2014the" is never read as one hyphenated word
    assert doc.norm == '"Let\'s face it \u2014 it\'s 2020-2021" "ok"'
    assert doc.text is text


def test_two_apostrophes_may_open_a_quotation_as_well_as_close_it() -> None:
    doc = Document("''We are ready,'' he said. Music of the ''90s.")
    assert [doc.text[q.inner.start : q.inner.end] for q in doc.quotes] == ["We are ready,"]


def test_a_closing_mark_after_a_stray_space_still_closes() -> None:
    doc = Document('They called it "positive and constructive, " a demand. Then "yes" he said.')
    assert [(q.closed, doc.text[q.inner.start : q.inner.end]) for q in doc.quotes] == [
        (True, "positive and constructive, "),
        (True, "yes"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the stack fills up, the fifth opener is ignored, then closers act again
        (
            "\u2018\u2018\u2018\u2018\u2018a\u2019 b\u2019",
            [
                ("\u2018\u2018\u2018\u2018a\u2019 b\u2019", "single", 0, False),
                ("\u2018\u2018\u2018a\u2019 b\u2019", "single", 1, False),
                ("\u2018\u2018a\u2019 b", "single", 2, True),
                ("\u2018a", "single", 3, True),
            ],
        ),
        # a full stack ends with its paragraph; the next paragraph opens afresh
        (
            "\u201c\u201c\u201c\u201c\u201cx\u201d\n\n\u2018y\u2019",
            [
                ("\u201c\u201c\u201c\u201cx\u201d", "double", 0, False),
                ("\u201c\u201c\u201cx\u201d", "double", 1, False),
                ("\u201c\u201cx\u201d", "double", 2, False),
                ("\u201cx", "double", 3, True),
                ("y", "single", 0, True),
            ],
        ),
        # with the stack full of „, “ still closes
        (
            "\u201e\u201e\u201e\u201ewir\u201c sind\u201c",
            [
                ("\u201e\u201e\u201ewir\u201c sind\u201c", "double", 0, False),
                ("\u201e\u201ewir\u201c sind\u201c", "double", 1, False),
                ("\u201ewir\u201c sind", "double", 2, True),
                ("wir", "double", 3, True),
            ],
        ),
        # a lone backtick is no mark; `` is
        (
            "``a`` b `c ``d''",
            [
                ("a`` b `c ``d''", "ap", 0, False),
                (" b `c ``d''", "ap", 1, False),
                ("d", "ap", 2, True),
            ],
        ),
        # closing marks with nothing open are passed over
        ("\u201d\u00bb\u2019 'Hi' she said", [("Hi", "single", 0, True)]),
        ("'''a'' b'", []),
    ],
)
def test_runs_of_marks(text: str, expected: list[tuple[str, str, int, bool]]) -> None:
    assert quotes(text) == expected


def test_spans_built_without_validators_equal_checked_ones() -> None:
    # Document builds its spans without attrs' validators (see `_span`); this breaks if
    # Span gains a field or a post-init step that the shortcut would skip.
    assert [field.name for field in attrs.fields(Span)] == ["start", "end"]
    assert not hasattr(Span, "__attrs_post_init__")
    fast, checked = _span(3, 7), Span(start=3, end=7)
    assert fast == checked
    assert hash(fast) == hash(checked)
    assert repr(fast) == repr(checked)


@pytest.mark.parametrize(
    "text",
    [
        "He said 'cause we want peace. Then 'We are ready,' she said.",
        "'Cause we want peace. Then 'We are ready,' she said.",
        "'Til the end. Then 'We are ready,' she said.",
    ],
)
def test_an_elided_word_is_no_quotation(text: str) -> None:
    doc = Document(text)
    assert [q.span.slice(text) for q in doc.quotes] == ["'We are ready,'"]
