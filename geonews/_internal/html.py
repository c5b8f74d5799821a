"""HTML for notebooks: the article with its facts highlighted, and a table per kind.

Every piece of article text goes through `html.escape`, so an article that contains
``<script>`` shows it as text. The markup is well-formed XML (every element closed,
attributes quoted), so it also parses as XHTML.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from geonews._internal.model import Granularity

if TYPE_CHECKING:
    from geonews._internal.model import Article, Span, TimeRef

# kind -> (label, background colour); earlier kinds win where spans overlap
KINDS: Final = (
    ("quote", "Quote", "#fde68a"),
    ("demand", "Demand", "#fca5a5"),
    ("shipment", "Shipment", "#93c5fd"),
    ("meeting", "Meeting", "#86efac"),
    ("actor", "Actor", "#e5e7eb"),
)
_COLOUR: Final = {kind: colour for kind, _, colour in KINDS}
_RANK: Final = {kind: i for i, (kind, _, _) in enumerate(KINDS)}

_STYLE: Final = (
    ".geonews{font-family:system-ui,sans-serif;font-size:14px;line-height:1.5}"
    ".geonews .gn-text{white-space:pre-wrap;border:1px solid #ddd;padding:8px;"
    "max-height:32em;overflow:auto}"
    ".geonews mark{padding:0 1px;border-radius:2px}"
    ".geonews .gn-legend span{margin-right:10px;padding:0 4px;border-radius:2px}"
    ".geonews table{border-collapse:collapse;margin:6px 0 12px 0}"
    ".geonews th,.geonews td{border:1px solid #ddd;padding:2px 6px;text-align:left;"
    "vertical-align:top}"
)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _highlighted(text: str, marks: Sequence[tuple[Span, str, str]]) -> str:
    """The text with every segment coloured by the highest-ranked kind covering it."""
    cuts = {0, len(text)}
    for span, _, _ in marks:
        cuts.update((span.start, span.end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[tuple[Span, str, str]]] = {}
    for mark in marks:
        starts.setdefault(mark[0].start, []).append(mark)
    active: list[tuple[Span, str, str]] = []
    out = []
    for left, right in itertools.pairwise(bounds):
        active = [m for m in active if m[0].end > left] + starts.get(left, [])
        piece = _e(text[left:right])
        covering = [m for m in active if m[0].end >= right]
        if not covering:
            out.append(piece)
            continue
        kind = min((m[1] for m in covering), key=_RANK.__getitem__)
        title = "; ".join(sorted({f"{m[1]}: {m[2]}" for m in covering}))
        out.append(
            f'<mark class="gn-{kind}" style="background:{_COLOUR[kind]}" '
            f'title="{_e(title)}">{piece}</mark>'
        )
    return "".join(out)


def _table(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    if not body:
        return ""
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    return f"<h4>{_e(title)}</h4><table><tr>{head}</tr>{body}</table>"


def _when(time: TimeRef | None) -> str:
    """A resolved time as briefly as its precision allows: 2022-01-21, 2022-02, a range."""
    if time is None or time.start is None:
        return "" if time is None else time.text
    if time.granularity is Granularity.DAY or time.start == time.end:
        return time.start.isoformat()
    if time.granularity is Granularity.MONTH:
        return time.start.isoformat()[:7]
    if time.granularity is Granularity.YEAR:
        return str(time.start.year)
    end = "" if time.end is None else time.end.isoformat()
    return f"{time.start.isoformat()}..{end}"


def _names(actors: Iterable[object]) -> str:
    return ", ".join(getattr(a, "name", "") for a in actors)


def article_html(article: Article) -> str:
    """Render `article` as an HTML fragment for a notebook.

    Examples:
        >>> from geonews import parse_article
        >>> out = article_html(parse_article('<b>"Hi," Mr Smith said.</b>'))
        >>> "&lt;b&gt;" in out and "<b>" not in out
        True
    """
    marks: list[tuple[Span, str, str]] = []
    for actor in article.actors:
        marks.extend(
            (span, "actor", f"{actor.name} ({actor.kind.value})") for span in actor.mentions
        )
    marks.extend((q.span, "quote", q.rule) for q in article.quotes)
    marks.extend((m.span, "meeting", m.rule) for m in article.meetings)
    marks.extend((d.span, "demand", d.rule) for d in article.demands)
    marks.extend((s.span, "shipment", s.rule) for s in article.shipments)
    legend = "".join(
        f'<span style="background:{colour}">{label}</span>' for _, label, colour in KINDS
    )
    tables = [
        _table(
            "Quotes",
            ("speaker", "kind", "text", "rule"),
            (
                (q.speaker.name if q.speaker else "", q.kind.value, q.text, q.rule)
                for q in article.quotes
            ),
        ),
        _table(
            "Meetings",
            ("participants", "place", "date", "status", "channel", "rule"),
            (
                (
                    _names(m.participants),
                    m.place.name if m.place else "",
                    _when(m.time),
                    m.status.value,
                    m.channel.value,
                    m.rule,
                )
                for m in article.meetings
            ),
        ),
        _table(
            "Demands",
            ("demander", "addressee", "content", "rule"),
            (
                (d.demander.name, d.addressee.name if d.addressee else "", d.content, d.rule)
                for d in article.demands
            ),
        ),
        _table(
            "Shipments",
            ("supplier", "recipient", "items", "quantity", "status", "rule"),
            (
                (
                    s.supplier.name if s.supplier else "",
                    s.recipient.name if s.recipient else "",
                    "; ".join(s.items),
                    s.quantity.text if s.quantity else "",
                    s.status.value,
                    s.rule,
                )
                for s in article.shipments
            ),
        ),
    ]
    counts = (
        f"{len(article.quotes)} quotes, {len(article.meetings)} meetings, "
        f"{len(article.demands)} demands, {len(article.shipments)} shipments, "
        f"{len(article.actors)} actors"
    )
    return (
        f'<div class="geonews"><style>{_STYLE}</style>'
        f'<div class="gn-legend">{legend} <small>{_e(counts)}; hover a highlight for its rule'
        f"</small></div>"
        f'<div class="gn-text">{_highlighted(article.text, marks)}</div>'
        f"{''.join(tables)}</div>"
    )


def fact_html(kind: str, rows: Sequence[tuple[str, object]]) -> str:
    """A small two-column table for one fact (used by each record's ``_repr_html_``).

    Examples:
        >>> out = fact_html("quote", [("text", "<hi>")])
        >>> out.startswith('<table class="geonews-fact">'), "<td>&lt;hi&gt;</td>" in out
        (True, True)
    """
    body = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in rows)
    return f'<table class="geonews-fact"><tr><th colspan="2">{_e(kind)}</th></tr>{body}</table>'
