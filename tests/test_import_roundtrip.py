"""Round trip: export a subtree, import it into a fresh database from the same reference data, export again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from enforcement.storage.meta import data_kind
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import datasets, export, importer
from enforcement.transfer.export import ExportRequest
from tests.transfer_support import read_only, reference_only_database

D = dt.date
# 东港区 (日照) and the townships under it: every level below a county, with its milestones assigned.
REQUESTS = {
    "cases": ExportRequest("cases", "371102", D(2025, 1, 1), D(2025, 6, 1), D(2025, 12, 31)),
    "training": ExportRequest("training", "371102", D(2024, 7, 1), D(2024, 12, 1), D(2025, 12, 31)),
    "progress": ExportRequest("progress", "371102", D(2023, 1, 1), D(2025, 12, 1), D(2025, 12, 31)),
}


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory) -> Path:
    return reference_only_database(tmp_path_factory.mktemp("fresh") / "enforcement.duckdb")


@pytest.mark.parametrize("dataset", list(REQUESTS))
def test_csv_round_trip_gives_identical_bytes(con, fresh_db, tmp_path, dataset):
    wanted = REQUESTS[dataset]
    first = tmp_path / "first.csv"
    rows = export.write_csv(QueryRunner(con), wanted, first)
    assert rows > 0
    _, result = importer.import_file(fresh_db, first.read_bytes(), first.name, imported_by="test")
    assert result.changes == importer.Changes(inserted=rows, replaced=0, unchanged=0)
    again = tmp_path / "again.csv"
    fresh = read_only(fresh_db)
    try:
        assert export.write_csv(QueryRunner(fresh), wanted, again) == rows
    finally:
        fresh.close()
    assert again.read_bytes() == first.read_bytes()


def test_xlsx_round_trip_matches_the_csv(con, tmp_path, tmp_path_factory):
    db = reference_only_database(tmp_path_factory.mktemp("fresh_xlsx") / "enforcement.duckdb")
    wanted = REQUESTS["training"]
    workbook = tmp_path / "t.xlsx"
    export.write_xlsx(QueryRunner(con), wanted, workbook, [("数据集", "培训统计")])
    checked, result = importer.import_file(db, workbook.read_bytes(), workbook.name, imported_by="test")
    assert checked.sheet == "培训统计" and result.import_id == 1
    original, again = tmp_path / "original.csv", tmp_path / "again.csv"
    export.write_csv(QueryRunner(con), wanted, original)
    fresh = read_only(db)
    try:
        export.write_csv(QueryRunner(fresh), wanted, again)
        meta = dict(fresh.execute("select key, value from meta").fetchall())
    finally:
        fresh.close()
    assert again.read_bytes() == original.read_bytes()
    # Only imported figures and no sample rows: the database now says it holds reported data.
    assert data_kind(meta) == "reported"


def test_exports_with_every_column_import_too(con, tmp_path, tmp_path_factory):
    """Columns offered for reading only (sample flag, import batch, plan, requirement) are skipped on import."""
    db = reference_only_database(tmp_path_factory.mktemp("fresh_all") / "enforcement.duckdb")
    wanted = REQUESTS["progress"].with_changes(columns=datasets.PROGRESS.columns, month_from=D(2025, 12, 1))
    path = tmp_path / "all.csv"
    rows = export.write_csv(QueryRunner(con), wanted, path)
    checked, result = importer.import_file(db, path.read_bytes(), path.name, imported_by="test")
    assert {"示例数据", "导入批次", "方案", "任务要求", "完成时限"} <= set(checked.result.ignored_columns)
    assert result.changes.inserted == rows > 0


def test_an_export_with_its_context_line_imports_as_it_is(con, tmp_path_factory):
    """The CSV the export page hands out starts with a line saying what it holds: a clerk who edits it and sends it
    back must not have to delete that line."""
    wanted = REQUESTS["cases"]
    path = tmp_path_factory.mktemp("context") / "案件统计.csv"
    facts = export.facts(wanted, "东港区", {"is_sample": "true", "data_version": "v"}, 0)
    rows = export.write_csv(QueryRunner(con), wanted, path, facts)
    db = reference_only_database(tmp_path_factory.mktemp("fresh_context") / "enforcement.duckdb")
    _, result = importer.import_file(db, path.read_bytes(), path.name, imported_by="test")
    assert result.changes == importer.Changes(inserted=rows, replaced=0, unchanged=0)
