"""The same named queries over the hive-partitioned Parquet dataset give the same answers as the database file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from enforcement.storage import parquet, rollups, store
from enforcement.storage.runner import QueryRunner
from tests.conftest import PROJECT

YEAR = {"month_from": dt.date(2024, 1, 1), "month_to": dt.date(2024, 12, 1), "domain_code": None}
CASES = [
    ("indicator_values", {"region_code": "000000", **YEAR}),
    ("indicator_values", {"region_code": "320000", **YEAR}),
    ("indicator_values", {"region_code": "371102", **YEAR, "domain_code": "urban"}),
    ("bench_children_period", {"region_code": "441900", **YEAR}),
    ("bench_child_monthly", {"region_code": "320100", **YEAR}),
    (
        "milestone_status_counts",
        {"region_code": "371100", "as_of": dt.date(2024, 12, 31), "plan_id": None, "task_area": None},
    ),
    ("plans_for_region", {"region_code": "371102001"}),
    ("region_children", {"parent_code": "320000"}),
    ("meta_facts", {}),
]


@pytest.fixture(scope="module")
def dataset(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet") / "dataset"
    parquet.export_dataset(store.current_file(sample_db), out)
    return out


@pytest.fixture(scope="module")
def dataset_runner(dataset: Path) -> QueryRunner:
    return QueryRunner(parquet.open_dataset(dataset))


def test_dataset_is_partitioned_by_province_and_year(dataset: Path, con):
    described = json.loads((dataset / parquet.MARKER).read_text(encoding="utf-8"))
    assert described["partitioned_by"] == ["province", "year"]
    assert described["tables"]["case_stats"] == con.execute("select count(*) from case_stats").fetchone()[0]
    provinces = sorted(p.name for p in (dataset / "case_stats").iterdir())
    assert provinces == ["province=13", "province=32", "province=37", "province=44", "province=50"]
    assert sorted(p.name for p in (dataset / "case_stats" / "province=44").iterdir()) == [
        "year=2023",
        "year=2024",
        "year=2025",
    ]


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_named_query_gives_the_same_answer_on_parquet(runner, dataset_runner, name, params):
    expected = runner.run(name, **params)
    actual = dataset_runner.run(name, **params)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(actual, expected, check_dtype=False, rtol=1e-9)


def test_dataset_without_rollups_derives_them(dataset: Path, tmp_path: Path, runner):
    base_only = tmp_path / "base_only"
    base_only.mkdir()
    derived = {"rollup_monthly", "milestone_assignments_stored.parquet", "progress_spans.parquet"}
    for item in dataset.iterdir():
        if item.name not in derived:
            (base_only / item.name).symlink_to(item)
    described = json.loads((dataset / parquet.MARKER).read_text(encoding="utf-8"))
    for table in rollups.DERIVED_TABLES:
        del described["tables"][table]
    (base_only / parquet.MARKER).unlink()
    (base_only / parquet.MARKER).write_text(json.dumps(described), encoding="utf-8")
    rebuilt = QueryRunner(parquet.open_dataset(base_only))
    for name, params in CASES[:1] + CASES[5:6]:
        pd.testing.assert_frame_equal(rebuilt.run(name, **params), runner.run(name, **params), check_dtype=False)


def _overview_metrics() -> list[tuple[str, str]]:
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    at.query_params["region"] = "371100"
    at.run()
    assert not at.exception
    return [(m.label, m.value) for m in at.metric]


def test_the_app_serves_a_dataset_named_by_the_environment(dataset: Path, monkeypatch, sample_db):
    on_the_file = _overview_metrics()
    monkeypatch.setenv(store.PARQUET_ENV_VAR, str(dataset))
    assert store.current_file(store.database_path()) == dataset.resolve()
    on_the_dataset = _overview_metrics()
    assert len(on_the_dataset) >= 6
    assert on_the_dataset == on_the_file
