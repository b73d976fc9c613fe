"""Helpers of the export and import tests: database copies, a reference-only database, snapshots, file makers."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from enforcement.storage import build, connect, store
from enforcement.transfer.validation import Problem

STAT_TABLES = ("case_stats", "training_stats", "task_progress", "capacity_stats", "satisfaction_surveys", "imports")


def copy_database(source: Path, target: Path) -> Path:
    """A separate copy of a database (its own link and versions folder), for tests that write."""
    with store.new_version(target, copy_current=False):
        pass
    shutil.copyfile(store.current_file(source), store.current_file(target))
    return target


def reference_only_database(target: Path) -> Path:
    """A fresh database from the same reference data (regions, plans, milestones, …) and no statistics at all."""
    with store.new_version(target, copy_current=False) as runner:
        runner.script(build.SCHEMA_FILE)
        build.load_reference(runner)
        facts = {
            "schema_version": build.SCHEMA_VERSION,
            "is_sample": "false",
            "scale": "reference",
            "data_as_of": "2025-12-31",
            "data_version": "reference-only",
        }
        for key, value in facts.items():
            runner.execute("insert_meta", key=key, value=value)
    return target


@dataclass(frozen=True)
class Snapshot:
    """What must not change when an import is rejected or dies: the published file, its contents, the folders."""

    current: Path
    counts: dict[str, int]
    meta: dict[str, str]
    versions: frozenset[str]
    uploads: frozenset[str]


def snapshot(db_path: Path) -> Snapshot:
    current = store.current_file(db_path)
    con = duckdb.connect(str(current), read_only=True)
    try:
        counts = {table: con.execute(f"select count(*) from {table}").fetchone()[0] for table in STAT_TABLES}
        meta = dict(con.execute("select key, value from meta").fetchall())
    finally:
        con.close()
    uploads = store.uploads_dir(db_path)
    return Snapshot(
        current=current,
        counts=counts,
        meta=meta,
        versions=frozenset(p.name for p in store.versions_dir(db_path).iterdir()),
        uploads=frozenset(p.name for p in uploads.iterdir()) if uploads.is_dir() else frozenset(),
    )


def read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    return connect.connect_readonly(store.current_file(db_path))


def csv_file(rows: list[list[object]], encoding: str = "utf-8-sig") -> bytes:
    """A CSV as Excel would save it (CRLF), from rows of cells (the first row is the header)."""
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_file(rows: list[list[object]], title: str = "数据") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def figures(defaults: dict[str, object], changes: dict[str, object]) -> list[object]:
    """The default figures with the changes made (a change names a figure that is there: a typo is no extra column)."""
    assert changes.keys() <= defaults.keys(), f"no such figure: {changes.keys() - defaults.keys()}"
    return list({**defaults, **changes}.values())


# A case row as a clerk of 玄武区 would report it (all relations hold); tests change one cell to break one rule.
CASE_HEADER = [
    "地区代码", "地区", "月份", "执法领域代码",
    "行政处罚(件)", "行政检查(次)", "行政许可(件)", "行政强制(件)",
    "重大执法决定(件)", "经法制审核(件)",
    "应公开决定(件)", "已公开决定(件)", "7个工作日内公开(件)",
    "行政复议(件)", "复议纠错(件)",
    "行政诉讼应诉(件)", "败诉(件)", "负责人出庭应诉(件)",
    "12345投诉(件)",
    "评查案卷(卷)", "评查合格(卷)",
]  # fmt: skip
# Its figures, line by line as the header's after the four key columns; a test names the one it changes.
CASE_FIGURES = dict(
    count_penalty=41, count_inspection=230, count_license=130, count_coercion=3,
    major_decisions=7, major_decisions_reviewed=7,
    decisions_to_publicize=41, decisions_publicized=40, decisions_publicized_7d=38,
    reconsiderations=2, reconsiderations_corrected=1,
    lawsuits=2, lawsuits_lost=0, head_appearances=2,
    complaints_12345=9,
    case_files_reviewed=14, case_files_passed=13,
)  # fmt: skip


def case_row(region="320102", name="玄武区", month="2025-11", domain="market", **changes) -> list[object]:
    return [region, name, month, domain, *figures(CASE_FIGURES, changes)]


TRAINING_HEADER = [
    "地区代码", "地区", "月份", "执法部门代码",
    "执法人员(人)", "持证人员(人)", "完成全员轮训(人)",
    "公共法律知识培训(学时)", "业务知识与技能培训(学时)",
    "闭卷考试抽考(人)", "考试合格(人)",
    "乡镇(街道)执法人员(人)", "乡镇(街道)已培训(人)",
]  # fmt: skip
TRAINING_FIGURES = dict(
    officers=130, certified_officers=128, full_rotation_trained=100,
    public_law_hours=310.5, professional_hours=290,
    exam_sampled=12, exam_passed=11,
    township_officers=0, township_officers_trained=0,
)  # fmt: skip


def training_row(region="320102", name="玄武区", month="2025-11", agency="market", **changes) -> list[object]:
    return [region, name, month, agency, *figures(TRAINING_FIGURES, changes)]


PROGRESS_HEADER = ["事项编号", "地区代码", "地区", "报告日期", "上报状态", "完成进度(%)", "完成日期", "佐证说明"]


def progress_row(
    milestone="JS-M004",
    region="320102",
    name="玄武区",
    report_date="2025-11-30",
    status="已完成",
    percent=100,
    completed_on="2025-11-15",
    note="全员轮训已完成",
) -> list[object]:
    return [milestone, region, name, report_date, status, percent, completed_on, note]


def find(problems: list[Problem], *, row: int | None, column: str, reason: str) -> Problem:
    """The problem at row and column whose reason contains reason (fails showing the whole report otherwise)."""
    for problem in problems:
        if problem.row == row and problem.column == column and reason in problem.reason:
            return problem
    raise AssertionError(f"no problem at row {row}, column {column!r} with {reason!r} in: {problems}")


def fingerprint(db_path: Path) -> dict[str, tuple[int, int]]:
    """Every table of the published database: its row count and a hash of all its rows (order-independent)."""
    con = duckdb.connect(str(store.current_file(db_path)), read_only=True)
    try:
        tables = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables where table_type = 'BASE TABLE' order by 1"
            ).fetchall()
        ]
        return {
            name: tuple(con.execute(f'select count(*), coalesce(sum(hash(t)), 0) from "{name}" as t').fetchone())
            for name in tables
        }
    finally:
        con.close()
