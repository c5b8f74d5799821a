"""geonews: quotes, meetings, demands and shipments from English news, by rules.

Examples:
    >>> from geonews import parse_article
    >>> article = parse_article("Russia and Ukraine.", published="2022-01-22")
    >>> sorted(a.name for a in article.actors)
    ['Russia', 'Ukraine']
"""

from geonews._internal.distributed import parse_bag, parse_dataframe
from geonews._internal.errors import GeonewsError, LexiconError, SchemaError
from geonews._internal.evaluate import Evaluation, evaluate
from geonews._internal.model import (
    Actor,
    ActorKind,
    Article,
    Channel,
    Demand,
    Granularity,
    Meeting,
    MeetingStatus,
    Place,
    Quantity,
    Quote,
    QuoteKind,
    Shipment,
    ShipmentStatus,
    Span,
    TimeRef,
)
from geonews._internal.pipeline import parse_article

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Channel",
    "Demand",
    "Evaluation",
    "GeonewsError",
    "Granularity",
    "LexiconError",
    "Meeting",
    "MeetingStatus",
    "Place",
    "Quantity",
    "Quote",
    "QuoteKind",
    "SchemaError",
    "Shipment",
    "ShipmentStatus",
    "Span",
    "TimeRef",
    "evaluate",
    "parse_article",
    "parse_bag",
    "parse_dataframe",
]
