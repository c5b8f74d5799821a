"""Actors: mentions of people, organizations and countries, linked by coreference."""

from __future__ import annotations

from geonews._internal.context import Mention
from geonews._internal.document import Document
from geonews._internal.model import Actor


def find_actors(doc: Document) -> tuple[tuple[Actor, ...], list[Mention]]:
    """Return the article's actors (in order of first mention) and every mention of them.

    Examples:
        >>> find_actors(Document(""))
        ((), [])
    """
    del doc
    return (), []
