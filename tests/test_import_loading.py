"""Loading: upsert on the natural key, the import log, kept uploads, sample flags, and what readers see."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from enforcement.storage import rollups, store
from enforcement.storage.meta import data_kind
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import importer
from tests.transfer_support import (
    CASE_HEADER,
    PROGRESS_HEADER,
    TRAINING_HEADER,
    case_row,
    copy_database,
    csv_file,
    progress_row,
    read_only,
    snapshot,
    training_row,
    xlsx_file,
)


@pytest.fixture()
def db(sample_db, tmp_path) -> Path:
    return copy_database(sample_db, tmp_path / "enforcement.duckdb")


def stored_case(db_path: Path, region="320102", month="2025-11-01", domain="market") -> dict:
    con = read_only(db_path)
    try:
        frame = con.execute(
            "select * from case_stats where region_code = $r and period_month = $m and domain_code = $d",
            {"r": region, "m": dt.date.fromisoformat(month), "d": domain},
        ).df()
    finally:
        con.close()
    assert len(frame) == 1
    return frame.iloc[0].to_dict()


def test_upsert_replaces_then_changes_nothing_then_corrects(db):
    sample_before = stored_case(db)
    assert sample_before["is_sample"]
    first = csv_file([CASE_HEADER, case_row(), case_row(domain="environment")])
    checked, result = importer.import_file(db, first, "玄武区11月.csv", imported_by="test")
    assert result.changes == importer.Changes(inserted=0, replaced=2, unchanged=0)
    row = stored_case(db)
    assert (row["count_penalty"], row["is_sample"], row["import_id"]) == (41, False, 1)

    # The same file again: nothing to do, no new version, no log entry.
    before = snapshot(db)
    _, again = importer.import_file(db, first, "玄武区11月.csv", imported_by="test")
    assert again.import_id is None and again.changes == importer.Changes(0, 0, 2)
    assert snapshot(db) == before

    # A corrected figure replaces the old one; the log keeps the checksum and the replaced row.
    corrected = csv_file([CASE_HEADER, case_row(count_penalty=44), case_row(domain="environment")])
    _, fixed = importer.import_file(db, corrected, "玄武区11月_更正.csv", imported_by="test")
    assert fixed.import_id == 2 and fixed.changes == importer.Changes(0, 1, 1)
    assert stored_case(db)["count_penalty"] == 44
    con = read_only(db)
    try:
        log = con.execute("select * from imports order by import_id").df()
        meta = dict(con.execute("select key, value from meta").fetchall())
    finally:
        con.close()
    assert log["checksum_sha256"].tolist() == [importer.checksum_of(first), importer.checksum_of(corrected)]
    assert log["rows_replaced"].tolist() == [2, 1]
    # The replaced rows are rows of their own table, read a page at a time.
    con = read_only(db)
    try:
        stored = con.execute("select * from import_replaced_rows order by import_id, replaced_no").df()
        runner = QueryRunner(con)
        page = importer.replaced_rows_page(runner, 2, page=0)
        first_page = importer.replaced_rows_page(runner, 1, page=0, page_size=1)
        second_page = importer.replaced_rows_page(runner, 1, page=1, page_size=1)
    finally:
        con.close()
    assert stored["import_id"].tolist() == [1, 1, 2]
    replaced = [json.loads(text) for text in stored[stored["import_id"] == 2]["row_json"]]
    assert len(replaced) == 1 and replaced[0]["count_penalty"] == 41 and replaced[0]["import_id"] == 1
    assert stored[stored["import_id"] == 2]["replaced_by_row"].tolist() == [2]  # the corrected file's row 2
    assert stored[stored["import_id"] == 2]["row_key"].tolist() == ["320102 / 2025-11-01 / market"]
    assert page["count_penalty"].tolist() == [41] and page["replaced_by_row"].tolist() == [2]
    original = [json.loads(text) for text in stored[stored["import_id"] == 1]["row_json"]]
    assert {r["count_penalty"] for r in original if r["domain_code"] == "market"} == {sample_before["count_penalty"]}
    assert len(first_page) == 1 and len(second_page) == 1
    assert {first_page["domain_code"][0], second_page["domain_code"][0]} == {"market", "environment"}
    # Sample rows remain beside the imported ones: the database must not claim to hold real data.
    assert meta["is_sample"] == "true" and data_kind(meta) == "mixed"
    assert meta["last_import_id"] == "2" and meta["data_version"].endswith("-i2")


def _stored_row(db_path: Path, table: str, where: str, values: dict) -> dict:
    con = read_only(db_path)
    try:
        frame = con.execute(f"select * from {table} where {where} limit 1", values).df()
    finally:
        con.close()
    assert len(frame) == 1
    return frame.iloc[0].to_dict()


def _as_json_value(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value).date().isoformat()
    return value.item() if hasattr(value, "item") else value


@pytest.mark.parametrize("dataset", ["cases", "training", "progress"])
def test_every_dataset_keeps_each_replaced_row_whole_with_its_key(db, dataset):
    """What an import replaces is kept as it was stored, for each of the three datasets (their keys differ), and
    read back a page at a time in the file's row order."""
    if dataset == "cases":
        before = _stored_row(db, "case_stats", "region_code = '320102' and period_month = '2025-11-01'", {})
        rows = [CASE_HEADER, case_row(domain=before["domain_code"])]
        key = f"320102 / 2025-11-01 / {before['domain_code']}"
    elif dataset == "training":
        before = _stored_row(db, "training_stats", "region_code = '320102' and period_month = '2025-11-01'", {})
        rows = [TRAINING_HEADER, training_row(agency=before["agency_code"])]
        key = f"320102 / 2025-11-01 / {before['agency_code']}"
    else:
        before = _stored_row(db, "task_progress", "region_code = '320102' and report_date < '2025-06-01'", {})
        day = before["report_date"].date().isoformat()
        rows = [
            PROGRESS_HEADER,
            progress_row(milestone=before["milestone_id"], report_date=day, completed_on=day, note="更正后的说明"),
        ]
        key = f"{before['milestone_id']} / 320102 / {day}"
    _, result = importer.import_file(db, csv_file(rows), f"{dataset}.csv", imported_by="t")
    assert result.changes.replaced == 1
    con = read_only(db)
    try:
        page = QueryRunner(con).run("import_replaced_rows", import_id=result.import_id, page_size=10, page_offset=0)
        beyond = QueryRunner(con).run("import_replaced_rows", import_id=result.import_id, page_size=10, page_offset=1)
    finally:
        con.close()
    assert page["row_key"].tolist() == [key] and page["replaced_by_row"].tolist() == [2] and beyond.empty
    kept = json.loads(page["row_json"][0])
    assert kept == {column: _as_json_value(value) for column, value in before.items()}


def test_the_upload_is_kept_with_import_id_and_checksum(db):
    data = csv_file([CASE_HEADER, case_row(count_penalty=50)])
    _, result = importer.import_file(db, data, "../../etc/玄武 区.csv", imported_by="test")
    stored = result.stored_path
    assert stored.parent == db.parent / "uploads"
    assert stored.name == f"00001_{importer.checksum_of(data)}_玄武_区.csv"
    assert stored.read_bytes() == data
    con = read_only(db)
    try:
        assert con.execute("select stored_path from imports").fetchone()[0] == f"uploads/{stored.name}"
    finally:
        con.close()


def test_new_keys_are_inserted(db):
    # 全国 (000000) own agencies have no sample figures: every row is new.
    rows = [CASE_HEADER, *(case_row(region="0", name="全国", month=f"2025-{m:02d}") for m in (1, 2, 3))]
    _, result = importer.import_file(db, csv_file(rows), "nation.csv", imported_by="test")
    assert result.changes == importer.Changes(inserted=3, replaced=0, unchanged=0)
    assert stored_case(db, region="000000", month="2025-02-01")["count_penalty"] == 41


def test_readers_keep_their_version_and_the_next_reader_sees_the_import(db):
    reader = read_only(db)
    query = "select count_penalty from case_stats where region_code = '320102' and period_month = '2025-11-01' and domain_code = 'market'"
    old = reader.execute(query).fetchone()[0]
    importer.import_file(db, csv_file([CASE_HEADER, case_row(count_penalty=old + 7)]), "x.csv", imported_by="test")
    assert reader.execute(query).fetchone()[0] == old
    fresh = read_only(db)
    assert fresh.execute(query).fetchone()[0] == old + 7
    reader.close()
    fresh.close()


def test_gb18030_file_with_chinese_headers_and_names_imports(db):
    header = [h.replace("(", "（").replace(")", "）") for h in CASE_HEADER]  # full-width brackets, as typed
    header[3] = "执法领域"  # names instead of codes in the code column
    rows = [
        header,
        case_row(region="320102", name="玄武区", month="2025年10月", domain="市场监管"),
        case_row(region="320102", name="南京市玄武区", month="2025/9", domain="生态环境"),
        case_row(region="320106", name="鼓楼", month="2025-08", domain="城市管理"),
    ]
    data = csv_file(rows, encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    checked, result = importer.import_file(db, data, "玄武区.csv", imported_by="test")
    assert checked.encoding == "GB18030/GBK"
    assert result.changes.inserted + result.changes.replaced == 3
    assert stored_case(db, month="2025-10-01")["import_id"] == result.import_id
    assert stored_case(db, region="320106", month="2025-08-01", domain="urban")["count_penalty"] == 41


def test_english_headers_utf16_and_xlsx_numbers_and_dates(db):
    english = ["Region code", "Month", "Agency code", "Officers", "Certified officers", "Full rotation done"]
    english += ["Public-law hours", "Professional hours", "Exam sampled", "Exam passed"]
    english += ["Township officers", "Township officers trained"]
    row = training_row()
    del row[1]  # no region name column
    con = read_only(db)
    try:
        checked = importer.check_file(csv_file([english, row], encoding="utf-8"), "en.csv", QueryRunner(con))
        assert checked.ok and checked.dataset.key == "training", checked.problems
        tab = "\r\n".join("\t".join(str(c) for c in r) for r in (TRAINING_HEADER, training_row())) + "\r\n"
        checked = importer.check_file(tab.encode("utf-16"), "unicode.txt", QueryRunner(con))
        assert checked.ok and checked.encoding == "UTF-16", checked.problems
        # Excel numbers and dates: 320102.0 as a float, the month as a date cell.
        workbook = xlsx_file([TRAINING_HEADER, training_row(region=320102.0, month=dt.datetime(2025, 11, 1))])
        checked = importer.check_file(workbook, "t.xlsx", QueryRunner(con))
        assert checked.ok, checked.problems
        frame = checked.result.rows
        assert frame["region_code"].tolist() == ["320102"] and frame["period_month"].tolist() == [dt.date(2025, 11, 1)]
    finally:
        con.close()


def test_rollups_are_refreshed_inside_the_new_version(db, monkeypatch):
    calls = []
    monkeypatch.setattr(
        rollups, "refresh", lambda runner, codes=None, sources=rollups.SOURCES: calls.append(runner.run("meta_facts"))
    )
    _, result = importer.import_file(db, csv_file([CASE_HEADER, case_row(count_penalty=3)]), "r.csv", imported_by="t")
    assert len(calls) == 1
    facts = dict(zip(calls[0]["key"], calls[0]["value"]))
    assert facts["last_import_id"] == str(result.import_id)  # it saw the loaded version, before publication
    assert store.current_file(db) == result.version_file


@pytest.mark.parametrize(
    ("dataset", "rows", "rolled_up"),
    [
        ("cases", [CASE_HEADER, case_row(count_penalty=4321)], ["cases"]),
        ("training", [TRAINING_HEADER, training_row(public_law_hours=4321.5)], ["training"]),
        ("progress", [PROGRESS_HEADER, progress_row()], []),
    ],
)
def test_an_import_rolls_up_again_the_fact_table_it_loaded_and_no_other(db, monkeypatch, dataset, rows, rolled_up):
    """The dataset's fact table, and only it, is rolled up again; its imported figure is in the rollup after."""
    asked = []
    real_refresh = rollups.refresh

    def spy(runner, region_codes=None, sources=rollups.SOURCES):
        asked.append(list(sources))
        return real_refresh(runner, region_codes, sources)

    monkeypatch.setattr(rollups, "refresh", spy)
    importer.import_file(db, csv_file(rows), f"{dataset}.csv", imported_by="t")
    assert asked == [rolled_up]
    if not rolled_up:
        return
    measure = {"cases": "count_penalty", "training": "public_law_hours"}[dataset]
    con = read_only(db)
    try:
        # the county's own row in its city's rollup (parent 320100): the imported figure itself
        (value,) = con.execute(
            f"select sum({measure}) from rollup_monthly where parent_code = '320100' and region_code = '320102' "
            "and period_month = date '2025-11-01' and coalesce(agency_code, domain_code) = 'market' "
            f"and {'cases' if dataset == 'cases' else 'training'}_sample is not null",
        ).fetchone()
    finally:
        con.close()
    assert value >= 4321


def test_an_import_rebuilds_the_rollups_of_the_provinces_it_touched_and_they_equal_a_full_rebuild(db, monkeypatch):
    rebuilt = []
    real_refresh = rollups.refresh

    def spy(runner, region_codes=None, sources=rollups.SOURCES):
        assert list(sources) == ["cases"]  # an import of cases rolls up case_stats alone
        rebuilt.append(real_refresh(runner, region_codes, sources))
        return rebuilt[-1]

    monkeypatch.setattr(rollups, "refresh", spy)
    rows = [CASE_HEADER, case_row(count_penalty=777), case_row(region="370102", name="历下区", count_penalty=555)]
    importer.import_file(db, csv_file(rows), "two_provinces.csv", imported_by="test")
    assert rebuilt == [["32", "37"]]  # Jiangsu and Shandong, not the whole country
    full = copy_database(db, db.parent / "full" / "enforcement.duckdb")
    with store.new_version(full, copy_current=True) as writer:
        real_refresh(writer)
    con = duckdb.connect()
    try:
        con.execute("attach $path as imported (read_only)", {"path": str(store.current_file(db))})
        con.execute("attach $path as rebuilt (read_only)", {"path": str(store.current_file(full))})
        # Hours are sums of doubles, whose last bits depend on the order DuckDB adds them in.
        rows_of = (
            "select * replace (round(public_law_hours, 6) as public_law_hours, "
            "round(professional_hours, 6) as professional_hours) from {}.rollup_monthly"
        )
        differ = con.execute(
            f"select count(*) from (({rows_of.format('imported')} except all {rows_of.format('rebuilt')}) "
            f"union all ({rows_of.format('rebuilt')} except all {rows_of.format('imported')}))"
        ).fetchone()[0]
        after_import = con.execute(
            "select * from imported.rollup_monthly where region_code = '320102' and period_month = '2025-11-01'"
        ).df()
    finally:
        con.close()
    assert differ == 0
    # the county's subtree total holds the imported 777 (its own row) besides its townships' figures
    market = after_import[after_import["domain_code"] == "market"]["count_penalty"].dropna()
    assert len(market) == 1 and market.iloc[0] >= 777
