"""Parsing on a Dask cluster: `parse_bag` and `parse_dataframe` (the ``geonews[dask]`` extra).

Both only describe the work: each partition is parsed by `parse_article` in whichever
worker holds it, when the result is computed. Every article gives one result,
``{"id": ..., **Article.to_dict()}``, in input order, equal to what a single process
gives. Dask is imported when one of the functions is called, never by ``import
geonews``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import numbers
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

from geonews._internal.errors import SchemaError
from geonews._internal.pipeline import parse_article

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

#: Columns of `parse_dataframe`'s result: the id, then `Article.to_dict()`'s keys.
COLUMNS: Final = (
    "id",
    *parse_article("").to_dict(),
)


def _require(module: str, function: str) -> ModuleType:
    """Import `module`, or say which extra brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"geonews.{function} needs Dask ({module} could not be imported: {error}); "
            "install the extra with: pip install 'geonews[dask]'"
        ) from error


def _published(value: object) -> str | dt.date | None:
    """A missing value (None, NaN, NaT) as None; dates and strings as they are."""
    if value is None:
        return None
    if isinstance(value, str | dt.date):  # datetime and pandas.Timestamp are dates too
        if value != value:  # noqa: PLR0124 - pandas.NaT is a datetime unequal to itself
            return None
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    raise SchemaError(
        f'"published" must be an ISO date string, a date or missing, '
        f"got {type(value).__name__} {value!r:.40}"
    )


def _plain_id(value: object) -> object:
    """NumPy integers as Python ints, so that results serialise to JSON."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    return value


def parse_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """Parse one article record into ``{"id": ..., **Article.to_dict()}``.

    The function that `parse_bag` maps over a bag; use it with any other executor too.

    Args:
        record: a mapping with ``"text"`` (a str), and optionally ``"published"`` (an
            ISO date string, a date or None) and ``"id"`` (returned as given; None
            when absent).

    Returns:
        The article as JSON-ready data, ``"id"`` first.

    Raises:
        SchemaError: `record` is not a mapping with a str ``"text"``, or its
            ``"published"`` is neither a date, an ISO date string nor missing.
        ValueError: ``"published"`` is a string that is not a date.

    Examples:
        >>> result = parse_record({"id": "a1", "text": "Russia and Ukraine.",
        ...                        "published": "2022-01-22"})
        >>> result["id"], result["published"], [a["name"] for a in result["actors"]]
        ('a1', '2022-01-22', ['Russia', 'Ukraine'])
    """
    if not isinstance(record, Mapping):
        raise SchemaError(
            f'an article must be a dict with a "text" key, got {type(record).__name__}'
        )
    text = record.get("text")
    if not isinstance(text, str):
        got = "no text" if text is None else type(text).__name__
        raise SchemaError(f'article {record.get("id")!r}: "text" must be a str, got {got}')
    article = parse_article(text, published=_published(record.get("published")))
    return {"id": _plain_id(record.get("id")), **article.to_dict()}


def parse_bag(articles: dask.bag.Bag) -> dask.bag.Bag:
    """Parse a Dask bag of article records in parallel, on whatever cluster runs it.

    Args:
        articles: a bag of dicts with ``"text"``, and optionally ``"published"`` and
            ``"id"`` (see `parse_record`).

    Returns:
        A bag, in the same order and partitions, of ``{"id": ..., **Article.to_dict()}``
        dicts; ``Article.from_dict`` turns one back into an `Article`.

    Raises:
        ImportError: Dask is not installed (``pip install 'geonews[dask]'``).

    Examples:
        >>> import dask.bag as db
        >>> articles = db.from_sequence(
        ...     [{"id": 1, "text": "Russia and Ukraine.", "published": "2022-01-22"},
        ...      {"id": 2, "text": "Talks in Geneva."}],
        ...     npartitions=2,
        ... )
        >>> [(r["id"], len(r["actors"])) for r in parse_bag(articles).compute()]
        [(1, 2), (2, 0)]
    """
    _require("dask.bag", "parse_bag")
    bag: Any = articles  # Dask's methods are untyped
    parsed: dask.bag.Bag = bag.map(parse_record)
    return parsed


def _parse_partition(part: pd.DataFrame) -> pd.DataFrame:
    """Parse every row of one partition; the index is kept, every column is `object`."""
    import pandas as pd

    n = len(part)
    ids = part["id"] if "id" in part.columns else part.index
    published = part["published"] if "published" in part.columns else [None] * n
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for article_id, text, day in zip(ids, part["text"], published, strict=True):
        missing = day is None or day is pd.NA or day is pd.NaT or day != day  # noqa: PLR0124
        record = {"id": article_id, "text": text, "published": None if missing else day}
        result = parse_record(record)
        for name in COLUMNS:
            columns[name].append(result[name])
    return pd.DataFrame(
        {
            name: pd.Series(values, index=part.index, dtype=object)
            for name, values in columns.items()
        },
        index=part.index,
    )


def parse_dataframe(articles: dask.dataframe.DataFrame) -> dask.dataframe.DataFrame:
    """Parse a Dask dataframe of articles in parallel, one partition per task.

    Args:
        articles: a dataframe with a ``text`` column and optionally ``published`` (ISO
            date strings, dates, timestamps; missing values mean unknown) and ``id``
            (the index is used when there is no ``id`` column).

    Returns:
        A dataframe with the same index and partitions and one `object` column per
        key of ``{"id": ..., **Article.to_dict()}``: ``id``, ``text``, ``published``
        (an ISO string or None), then lists of dicts for ``quotes``, ``meetings``,
        ``demands``, ``shipments``, ``actors``, ``places``, ``times``, ``quantities``.

    Raises:
        ImportError: Dask or pandas is not installed (``pip install 'geonews[dask]'``).
        SchemaError: there is no ``text`` column.

    Examples:
        >>> import dask.dataframe as dd
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"text": ["Russia and Ukraine.", "Talks in Geneva."],
        ...                       "published": ["2022-01-22", None]})
        >>> parsed = parse_dataframe(dd.from_pandas(frame, npartitions=2)).compute()
        >>> list(parsed["id"]), [len(actors) for actors in parsed["actors"]]
        ([0, 1], [2, 0])
    """
    _require("dask.dataframe", "parse_dataframe")
    pd = _require("pandas", "parse_dataframe")
    if "text" not in articles.columns:
        raise SchemaError(f"the dataframe needs a 'text' column; it has {list(articles.columns)}")
    meta = pd.DataFrame({name: pd.Series(dtype=object) for name in COLUMNS})
    frame: Any = articles  # Dask's methods are untyped
    parsed: dask.dataframe.DataFrame = frame.map_partitions(_parse_partition, meta=meta)
    return parsed
