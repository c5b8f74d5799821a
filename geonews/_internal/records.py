"""Flat records of an article's facts, one dict per fact, for data frames and CSV.

Every record has the same keys, so ``pandas.DataFrame(article.to_records())`` gives
one tidy table without geonews depending on pandas:

==================  ==========================================================
key                 value
==================  ==========================================================
kind                quote, meeting, demand or shipment
rule                the rule id
start, end          the span of the evidence in the article text
evidence            the text of that span
actor               the main actor: speaker, first participant, demander, supplier
counterpart         the other side: other participants ("; "), addressee, recipient
text                the quote's words, the demand's content, the items ("; ")
status              meeting or shipment status, quote kind
channel             meeting channel
place, country      meeting place and its country
date_start/end      the resolved time (ISO dates)
quantity            value of the shipment quantity or meeting duration
unit                its unit
approximate         whether it is approximate
==================  ==========================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geonews._internal.model import (
        Actor,
        Article,
        Demand,
        Meeting,
        Place,
        Quantity,
        Quote,
        Shipment,
        Span,
        TimeRef,
    )

KEYS = (
    "kind", "rule", "start", "end", "evidence", "actor", "counterpart", "text", "status",
    "channel", "place", "country", "date_start", "date_end", "quantity", "unit", "approximate",
)  # fmt: skip


def _name(actor: Actor | None) -> str | None:
    return None if actor is None else actor.name


def _record(
    article: Article,
    kind: str,
    rule: str,
    span: Span,
    **fields: Any,  # noqa: ANN401
) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(KEYS)
    out.update(kind=kind, rule=rule, start=span.start, end=span.end)
    out["evidence"] = article.text[span.start : span.end]
    out.update(fields)
    return out


def _where_when(place: Place | None, time: TimeRef | None) -> dict[str, Any]:
    return {
        "place": None if place is None else place.name,
        "country": None if place is None else place.country,
        "date_start": None if time is None or time.start is None else time.start.isoformat(),
        "date_end": None if time is None or time.end is None else time.end.isoformat(),
    }


def _amount(quantity: Quantity | None) -> dict[str, Any]:
    if quantity is None:
        return {}
    return {
        "quantity": quantity.value,
        "unit": quantity.unit,
        "approximate": quantity.approximate,
    }


def _quote(article: Article, q: Quote) -> dict[str, Any]:
    return _record(
        article, "quote", q.rule, q.span,
        actor=_name(q.speaker), text=q.text, status=q.kind.value,
    )  # fmt: skip


def _meeting(article: Article, m: Meeting) -> dict[str, Any]:
    names = [p.name for p in m.participants]
    return _record(
        article, "meeting", m.rule, m.span,
        actor=names[0], counterpart="; ".join(names[1:]), status=m.status.value,
        channel=m.channel.value, **_where_when(m.place, m.time), **_amount(m.duration),
    )  # fmt: skip


def _demand(article: Article, d: Demand) -> dict[str, Any]:
    return _record(
        article, "demand", d.rule, d.span,
        actor=d.demander.name, counterpart=_name(d.addressee), text=d.content,
    )  # fmt: skip


def _shipment(article: Article, s: Shipment) -> dict[str, Any]:
    return _record(
        article, "shipment", s.rule, s.span,
        actor=_name(s.supplier), counterpart=_name(s.recipient), text="; ".join(s.items),
        status=s.status.value, **_where_when(None, s.time), **_amount(s.quantity),
    )  # fmt: skip


def article_records(article: Article) -> list[dict[str, Any]]:
    """One flat dict per fact of `article`, facts of each kind in text order.

    Examples:
        >>> from geonews import parse_article
        >>> records = article_records(parse_article('"We are ready," Mr Smith said.'))
        >>> records[0]["kind"], records[0]["actor"], records[0]["text"]
        ('quote', 'Smith', 'We are ready,')
    """
    return [
        *(_quote(article, q) for q in article.quotes),
        *(_meeting(article, m) for m in article.meetings),
        *(_demand(article, d) for d in article.demands),
        *(_shipment(article, s) for s in article.shipments),
    ]
