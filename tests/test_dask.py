"""`parse_bag` and `parse_dataframe` on a local multi-process Dask cluster."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import geonews
from geonews import Article, SchemaError, parse_article
from geonews._internal.distributed import COLUMNS, parse_record

dask = pytest.importorskip("dask", reason="the geonews[dask] extra is not installed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("dask.distributed")

_EXAMPLE = json.loads(
    importlib.resources.files("geonews").joinpath("_data", "example.json").read_text("utf-8")
)
TEXTS = (
    _EXAMPLE["text"],
    (
        "Chinese Foreign Minister Wang Yi met his Indian counterpart in Beijing on Tuesday.\n\n"
        '"We have agreed to keep talking," Mr Wang told reporters after the meeting.'
    ),
    (
        "Ukraine called on Germany to send more air defence systems before the winter.\n\n"
        "Berlin said it would ship 2,000 tonnes of ammunition to Kyiv next month."
    ),
    "The European Union demanded that Iran release the detained journalists at once.",
    "",
    "“ ‘ \"\" '' no words here ’ ”",
)
DATES: tuple[str | None, ...] = ("2022-01-22", "2023-05-09", "2022-10-03", None, None, "2024-02-29")


def _records() -> list[dict[str, Any]]:
    return [
        {"id": f"a{i}", "text": text, "published": day}
        for i, (text, day) in enumerate(zip(TEXTS, DATES, strict=True))
    ]


def _compute(collection: Any) -> Any:
    """``collection.compute()`` on the default scheduler (Dask's methods are untyped)."""
    return collection.compute()


def _serial() -> list[dict[str, Any]]:
    return [
        {"id": r["id"], **parse_article(r["text"], published=r["published"]).to_dict()}
        for r in _records()
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_the_serial_results_are_not_trivial() -> None:
    example = _serial()[0]
    assert example["quotes"]
    assert example["meetings"]
    assert example["shipments"]


def test_parse_bag_on_a_cluster_equals_serial(client: Any) -> None:
    bag = db.from_sequence(_records(), npartitions=3)
    assert parse_bag_on(client, bag) == _serial()


def parse_bag_on(client: Any, bag: Any) -> list[dict[str, Any]]:
    future = client.compute(geonews.parse_bag(bag))
    results: list[dict[str, Any]] = future.result()
    return results


def test_parse_bag_results_rebuild_the_articles(client: Any) -> None:
    bag = db.from_sequence(_records(), npartitions=2)
    for result, record in zip(parse_bag_on(client, bag), _records(), strict=True):
        data = dict(result)
        data.pop("id")
        expected = parse_article(record["text"], published=record["published"])
        assert Article.from_dict(data) == expected


def test_parse_dataframe_on_a_cluster_equals_serial(client: Any) -> None:
    frame = pd.DataFrame(_records()).set_index("id", drop=False)
    parsed = geonews.parse_dataframe(dd.from_pandas(frame, npartitions=2))
    result = client.compute(parsed).result()
    assert tuple(result.columns) == COLUMNS
    assert list(result.index) == [r["id"] for r in _records()]
    rows = [dict(zip(result.columns, values, strict=True)) for values in result.itertuples(False)]
    assert rows == _serial()


def test_parse_dataframe_uses_the_index_without_an_id_column() -> None:
    frame = pd.DataFrame({"text": ["Russia and Ukraine.", "Talks in Geneva."]}, index=[7, 9])
    result = _compute(geonews.parse_dataframe(dd.from_pandas(frame, npartitions=1)))
    assert list(result["id"]) == [7, 9]
    assert list(result["published"]) == [None, None]


def test_parse_dataframe_reads_timestamps_and_missing_dates() -> None:
    frame = pd.DataFrame(
        {
            "text": ["Russia and Ukraine will meet on Friday."] * 3,
            "published": pd.to_datetime(["2022-01-22", None, "2022-02-01"]),
        }
    )
    result = _compute(geonews.parse_dataframe(dd.from_pandas(frame, npartitions=2)))
    assert list(result["published"]) == ["2022-01-22", None, "2022-02-01"]


def test_parse_dataframe_needs_a_text_column() -> None:
    frame = dd.from_pandas(pd.DataFrame({"body": ["Hi."]}), npartitions=1)
    with pytest.raises(SchemaError, match="'text' column"):
        geonews.parse_dataframe(frame)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (["Hi."], "must be a dict"),
        ({"id": 3}, '"text" must be a str, got no text'),
        ({"text": b"Hi."}, '"text" must be a str, got bytes'),
        ({"text": "Hi.", "published": 20220122}, '"published" must be'),
    ],
)
def test_bad_records_raise_schema_errors(record: Any, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        parse_record(record)


def test_records_take_dates_and_missing_ids() -> None:
    result = parse_record({"text": "Talks.", "published": dt.date(2022, 1, 22)})
    assert result["id"] is None
    assert result["published"] == "2022-01-22"
    assert parse_record({"text": "Talks.", "published": float("nan")})["published"] is None


def test_a_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # makes `import dask.bag` fail
    with pytest.raises(ImportError, match=r"pip install 'geonews\[dask\]'"):
        geonews.parse_bag(object())  # type: ignore[arg-type]
