"""Exports are safe to open in Excel (no formula runs) and cheap at a million rows (DuckDB writes the file)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import psutil
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enforcement.storage.runner import QueryRunner
from enforcement.transfer import export
from enforcement.transfer.export import ExportRequest

FORMULAS = ['=HYPERLINK("http://x.example","点我")', "+1+2", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd"]
HARMLESS = ["已完成全员轮训", "a=b", "2024-06 完成", "'已加引号"]


@pytest.fixture()
def notes_db(schema_con):
    """The schema and reference data, with one progress report per note (JS-M004 in 玄武区, one date each)."""
    notes = FORMULAS + HARMLESS
    for day, note in enumerate(notes, start=1):
        schema_con.execute(
            """insert into task_progress values ('JS-M004', '320102', $day, 'in_progress', 50, null, $note, false, null)""",
            {"day": dt.date(2025, 1, day), "note": note},
        )
    return schema_con


def progress_request(**changes) -> ExportRequest:
    values = dict(
        dataset="progress",
        region_code="320102",
        month_from=dt.date(2025, 1, 1),
        month_to=dt.date(2025, 1, 1),
        as_of=dt.date(2025, 12, 31),
        columns=("milestone_id", "report_date", "evidence_note"),
    )
    return ExportRequest(**(values | changes))


def expected_cells() -> list[str]:
    return ["'" + note for note in FORMULAS] + HARMLESS


def test_formula_cells_are_neutralised_in_csv(notes_db, tmp_path):
    out = tmp_path / "notes.csv"
    export.write_csv(QueryRunner(notes_db), progress_request(), out)
    rows = list(csv.reader(io.StringIO(out.read_bytes()[3:].decode("utf-8"), newline="")))
    assert [row[2] for row in rows[1:]] == expected_cells()
    # The bare carriage return is inside a quoted cell, so Excel keeps it in its cell.
    assert b'"\'\rcmd"' in out.read_bytes()


def test_formula_cells_are_text_in_xlsx(notes_db, tmp_path):
    out = tmp_path / "notes.xlsx"
    export.write_xlsx(QueryRunner(notes_db), progress_request(), out)
    sheet = openpyxl.load_workbook(out)["里程碑进度"]
    cells = [sheet.cell(row=r, column=3) for r in range(2, sheet.max_row + 1)]
    # A stored carriage return comes back as a line feed through the standard library's XML parser, and as itself
    # through lxml (which openpyxl uses when installed: python-docx brings it); the apostrophe is what matters.
    assert [c.value.replace("\r", "\n") for c in cells] == [cell.replace("\r", "\n") for cell in expected_cells()]
    assert {c.data_type for c in cells} == {"s"}


def test_sql_and_python_neutralise_alike(notes_db):
    for value in FORMULAS + HARMLESS:
        by_sql = notes_db.execute("select " + export._NEUTRALISE_SQL.format(expr="$v"), {"v": value}).fetchone()[0]
        assert by_sql == export.neutralise(value)


CONTROL_TEXT = ["响\x01铃\x0b", "一行\r\n二行", "一行\r二行", "\x00\x08\x0c\x0e\x1f", "制表\t换行\n", "\r\n=1+1"]


def test_xlsx_text_cells_lose_what_xml_cannot_hold_and_keep_their_line_breaks(schema_con, tmp_path):
    for day, note in enumerate(CONTROL_TEXT, start=1):
        schema_con.execute(
            """insert into task_progress values ('JS-M004', '320102', $day, 'in_progress', 50, null, $note, false, null)""",
            {"day": dt.date(2025, 1, day), "note": note},
        )
    out = tmp_path / "notes.xlsx"
    export.write_xlsx(QueryRunner(schema_con), progress_request(), out)
    sheet = openpyxl.load_workbook(out)["里程碑进度"]
    cells = [sheet.cell(row=r, column=3).value for r in range(2, sheet.max_row + 1)]
    assert cells == ["响铃", "一行\n二行", "一行\n二行", None, "制表\t换行\n", "'\n=1+1"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x3000, exclude_categories=["Cs"]), max_size=12))
def test_sql_cleans_xlsx_text_as_python_does(text):
    import duckdb

    params = {"x_crlf": "\r\n", "x_cr": "\r", "x_lf": "\n", "x_xml_illegal": export._XML_ILLEGAL_PATTERN}
    by_sql = duckdb.execute("select " + export._XLSX_TEXT_SQL.format(expr="$v"), {"v": text, **params}).fetchone()[0]
    assert by_sql == export._xlsx_value(text)


def test_the_same_rules_apply_to_the_pages_csv_download():
    import pandas as pd

    text = export.csv_bytes(pd.DataFrame({"evidence_note": FORMULAS + HARMLESS})).decode("utf-8-sig")
    assert [row[0] for row in csv.reader(io.StringIO(text, newline=""))][1:] == expected_cells()


class RecordingConnection:
    """A connection whose cursors record every call with the statement it belongs to, to prove that the export
    never pulls the data rows into Python."""

    def __init__(self, con):
        self._con = con
        self.calls: list[tuple[str, str]] = []  # (method, the statement last executed on that cursor)

    def cursor(self):
        return RecordingCursor(self._con.cursor(), self.calls)


class RecordingCursor:
    def __init__(self, cursor, calls):
        self._cursor, self._calls, self._statement = cursor, calls, ""

    def __getattr__(self, name):
        attribute = getattr(self._cursor, name)
        if not callable(attribute):
            return attribute

        def record(*args, **kwargs):
            if name == "execute":
                self._statement = " ".join(str(args[0]).split())
            self._calls.append((name, self._statement))
            result = attribute(*args, **kwargs)
            return self if result is self._cursor else result  # execute() chains: keep recording

        return record


@pytest.mark.slow
def test_a_million_rows_go_through_copy_without_a_dataframe(schema_con, tmp_path):
    schema_con.execute(
        """
        insert into case_stats
        select r.region_code, (date '2023-01-01' + to_months(m.m))::date, d.domain_code,
               m.m, 2, 3, 4, 5, 5, 6, 6, 6, 1, 0, 1, 0, 1, 7, 8, 8, false, null
        from (select region_code from regions where region_code like '32%' order by region_code limit 1400) as r,
             range(36) as m(m), domains as d
        """
    )
    wanted = ExportRequest("cases", "320000", dt.date(2023, 1, 1), dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    recording = RecordingConnection(schema_con)
    assert export.row_count(QueryRunner(recording), wanted) == 1_008_000
    recording.calls.clear()
    process = psutil.Process()
    before = process.memory_info().rss
    out = tmp_path / "million.csv"
    written = export.write_csv(QueryRunner(recording), wanted, out)
    grown = process.memory_info().rss - before
    assert written == 1_008_000
    with open(out, "rb") as handle:
        assert handle.read(3) == b"\xef\xbb\xbf"
        assert sum(1 for _ in handle) == 1_008_001
    data_calls = [(name, sql) for name, sql in recording.calls if "case_stats" in sql]
    assert data_calls and all(sql.startswith("copy (") for _, sql in data_calls)
    assert {name for name, _ in data_calls} <= {"execute", "fetchone", "close"}  # COPY reports its row count
    assert not {name for name, _ in recording.calls} & {"df", "fetchdf", "fetch_df", "arrow", "pl"}
    # Loose: a DataFrame of these rows would take several hundred MB; DuckDB's own buffers stay well below.
    assert grown < 400 * 1024 * 1024, f"RSS grew by {grown / 1024 / 1024:.0f} MB"
