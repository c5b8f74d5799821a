"""The notebook display: escaped, well-formed, every fact kind shown."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib.resources import files

import geonews

HOSTILE = (
    "Leaders meet\n\n"
    '"<script>alert(1)</script> & friends," Mr Smith said. '
    "He added that R&D was \"a <b>bold</b> 'step'\".\n\n"
    "Russia wants Nato to promise that Ukraine will never join."
)


def _example() -> geonews.Article:
    data = json.loads(files("geonews").joinpath("_data", "example.json").read_text("utf-8"))
    return geonews.parse_article(data["text"], published=data["published"])


def test_article_html_escapes_every_piece_of_text_and_is_well_formed() -> None:
    article = geonews.parse_article(HOSTILE, published="2022-01-22")
    assert article.quotes, "the hostile text must still give a quote to display"
    out = article._repr_html_()
    root = ET.fromstring(out)  # noqa: S314 - our own output; raises if malformed
    assert root.tag == "div"
    assert "<script>" not in out
    assert "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "R&amp;D" in out
    # the visible text of the article pane is the article, character for character
    pane = next(e for e in root.iter("div") if e.get("class") == "gn-text")
    assert "".join(pane.itertext()) == HOSTILE


def test_every_fact_is_highlighted_with_its_rule_in_the_hover_title() -> None:
    article = _example()
    root = ET.fromstring(article._repr_html_())  # noqa: S314
    titles = " ".join(m.get("title") or "" for m in root.iter("mark"))
    rules = [f.rule for f in article.quotes] + [f.rule for f in article.meetings]
    rules += [f.rule for f in article.demands] + [f.rule for f in article.shipments]
    for rule in rules:
        assert rule in titles
    kinds = {m.get("class") for m in root.iter("mark")}
    assert {"gn-quote", "gn-actor"} <= kinds


def test_each_fact_has_a_readable_repr_and_small_html() -> None:
    article = _example()
    quote = next(q for q in article.quotes if q.speaker and q.speaker.name == "Kalle Laanet")
    text = repr(quote)
    assert text.startswith("Quote(text='Today, Ukraine is at the forefront")
    assert "speaker='Kalle Laanet'" in text
    assert "mentions" not in text  # actors are shown by name, not dumped
    ET.fromstring(quote._repr_html_())  # noqa: S314
    assert repr(article).startswith("Article(text='US and Russian diplomats")


def test_to_records_is_one_flat_row_per_fact_with_the_same_keys() -> None:
    article = _example()
    rows = article.to_records()
    facts = (*article.quotes, *article.meetings, *article.demands, *article.shipments)
    assert len(rows) == len(facts)
    keys = {tuple(row) for row in rows}
    assert len(keys) == 1
    for row in rows:
        assert all(not isinstance(v, dict | list | tuple) for v in row.values())
        assert row["evidence"] == article.text[row["start"] : row["end"]]
    quote_rows = [r for r in rows if r["kind"] == "quote"]
    assert any(r["actor"] == "Antony Blinken" for r in quote_rows)
