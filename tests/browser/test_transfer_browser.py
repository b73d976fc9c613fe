"""The export and import pages in a real browser, against `streamlit run` on its own copy of the sample database.

Covers what AppTest cannot: the real upload widget, the downloaded bytes, an import from the command line while the
app holds the database open, and the dashboards switching to the new version without a restart. Offline: any
request that leaves the machine fails the test (see conftest).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest

from enforcement.storage import store
from tests.browser.conftest import (
    CJK,
    choose,
    errors_shown,
    metric_value,
    running_server,
    settle,
    shoot,
    shoot_both_sizes,
    wait_for_title,
)
from tests.conftest import PROJECT
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot


@pytest.fixture(scope="module")
def writer(sample_db, tmp_path_factory):
    """A server of its own: these tests import, so they must not change the database other tests read."""
    db = copy_database(sample_db, tmp_path_factory.mktemp("writer") / "enforcement.duckdb")
    with running_server(db, tmp_path_factory.mktemp("writer_log")) as server:
        yield server


@pytest.fixture()
def tab(new_page, writer):
    opened, _ = new_page(origin=writer.url)
    return opened


def read_only(db: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(store.current_file(db)), read_only=True)


def upload(tab, name: str, data: bytes) -> None:
    tab.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )
    settle(tab)


def test_export_download_has_the_rows_the_page_counts(tab, writer):
    tab.goto(f"{writer.url}/export?region=371102&ds=cases&from=2025-01&to=2025-03")
    wait_for_title(tab, "数据导出")
    choose(tab, "层级", "乡镇(街道)", within=tab.get_by_test_id("stMain"))
    assert "lvl=township" in tab.url
    shown = int(metric_value(tab, "将导出的行数").replace(",", ""))
    con = read_only(writer.db)
    try:
        codes = {
            code
            for (code,) in con.execute(
                "select region_code from case_stats where region_code like '371102___' "
                "and period_month between date '2025-01-01' and date '2025-03-01'"
            ).fetchall()
        }
        expected_rows = con.execute(
            "select count(*) from case_stats where region_code like '371102___' "
            "and period_month between date '2025-01-01' and date '2025-03-01'"
        ).fetchone()[0]
    finally:
        con.close()
    assert shown == expected_rows > 0

    with tab.expect_download() as download:
        tab.get_by_role("button", name="下载 CSV").click()
    data = Path(download.value.path()).read_bytes()
    assert (
        download.value.suggested_filename == "案件统计_东港区_乡镇(街道)_2025-01至2025-03_截至2025-12-31_示例数据.csv"
    )
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    lines = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    context, blank, header, body = lines[0], lines[1], lines[2], lines[3:]
    assert "示例数据" in context[0] and "东港区" in context[0] and blank == []
    assert header[0] == "地区代码"
    assert all(CJK.search(cell) for cell in header), header  # every header in Chinese
    assert len(body) == shown
    # Region codes come out exactly as stored: nine-digit township codes as written, never 3.71102E+08 or 371102001.0.
    written = {row[0] for row in body}
    assert written == codes and all(len(code) == 9 and code.isdigit() for code in written)

    with tab.expect_download() as download:
        tab.get_by_role("button", name="下载 Excel (.xlsx)").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()), read_only=True)
    assert book.sheetnames == ["说明", "案件统计"]
    assert dict(book["说明"].iter_rows(values_only=True))["行数"] == f"{shown:,}"
    sheet = book["案件统计"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2, max_col=1)]
    assert {cell.value for cell in cells} == codes and all(cell.data_type == "s" for cell in cells)  # text cells
    shoot_both_sizes(tab, "export_township_download")
    assert errors_shown(tab) == []


def test_a_bad_upload_names_row_and_column_and_loads_nothing(tab, writer):
    before = snapshot(writer.db)
    tab.goto(f"{writer.url}/import")
    wait_for_title(tab, "数据导入")
    bad = csv_file([CASE_HEADER, case_row(region="320199"), case_row(count_penalty=-2)], encoding="gb18030")
    upload(tab, "玄武区.csv", bad)
    tab.get_by_text("文件中有 2 个问题, 未导入任何数据").wait_for(timeout=120_000)
    assert tab.get_by_role("button", name="3. 确认导入").count() == 0
    # The report as the clerk gets it (the table's own download): row as in Excel, the column as in their file.
    with tab.expect_download() as download:
        tab.get_by_test_id("stMain").get_by_role("button", name="下载CSV (Excel可直接打开)").last.click()
    context, blank, table = Path(download.value.path()).read_bytes().decode("utf-8-sig").split("\r\n", 2)
    assert "示例数据" in context and blank == ""  # what the file holds, above the table, as every export says
    report = list(csv.DictReader(io.StringIO(table)))
    assert [(r["行"], r["列"]) for r in report] == [("2", "地区代码"), ("3", "行政处罚(件)")]
    assert report[0]["值"] == "320199" and report[1]["值"] == "'-2"  # '-2: defused for Excel like every export
    # And the table on the page says the same (the grid is a canvas; its cells are also a table for screen readers).
    shown = tab.locator("[data-testid='stDataFrame']:visible table[role='grid']").last.evaluate(
        "t => Array.from(t.querySelectorAll('tbody tr')).map(r => Array.from(r.querySelectorAll('td')).map(c => c.textContent))"
    )
    assert [[row[0], *row[2:4]] for row in shown] == [["2", "地区代码", "320199"], ["3", "行政处罚(件)", "-2"]]
    assert "320199 不存在" in shown[0][1] and "负数" in shown[1][1]
    assert errors_shown(tab) == []
    shoot(tab, "import_bad_1440")
    assert snapshot(writer.db) == before


def cases_penalties(tab, url: str) -> str:
    tab.goto(url)
    wait_for_title(tab, "案件 · 玄武区")
    return metric_value(tab, "行政处罚")


def expected_penalties(db: Path) -> str:
    con = read_only(db)
    try:
        (total,) = con.execute(
            # the cases page's penalties are the year to date at the period's end (January to October 2025)
            "select sum(count_penalty) from case_stats where region_code like '320102%' "
            "and period_month between date '2025-01-01' and date '2025-10-01' and domain_code = 'market'"
        ).fetchone()
    finally:
        con.close()
    return f"{total:,}"


def test_a_good_upload_shows_its_figure_on_the_dashboard(tab, writer):
    dashboard = f"{writer.url}/cases?region=320102&from=2025-10&to=2025-10&domain=market"
    before = cases_penalties(tab, dashboard)
    assert before == expected_penalties(writer.db)

    tab.goto(f"{writer.url}/import")
    wait_for_title(tab, "数据导入")
    upload(tab, "玄武区10月.csv", csv_file([CASE_HEADER, case_row(month="2025-10", count_penalty=4067)]))
    tab.get_by_role("button", name="3. 确认导入").click()
    settle(tab)
    tab.get_by_text("导入完成 (批次").wait_for(timeout=120_000)
    shoot(tab, "import_done_1440")

    after = cases_penalties(tab, dashboard)
    assert after == expected_penalties(writer.db) != before
    assert tab.get_by_text("示例数据与上报数据混合").count() == 1
    assert errors_shown(tab) == []


def test_a_command_line_import_while_the_app_runs_shows_without_a_restart(tab, writer, tmp_path):
    tab.goto(f"{writer.url}/?region=320102")
    wait_for_title(tab, "总览 · 玄武区")
    imports_before = snapshot(writer.db).counts["imports"]
    upload_file = tmp_path / "玄武区.csv"
    upload_file.write_bytes(csv_file([CASE_HEADER, case_row(month="2025-09", count_penalty=66)]))
    result = subprocess.run(
        [sys.executable, "-m", "enforcement", "import", str(upload_file), "--db", str(writer.db)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert snapshot(writer.db).counts["imports"] == imports_before + 1
    tab.reload()
    wait_for_title(tab, "总览 · 玄武区")
    assert tab.get_by_text("示例数据与上报数据混合").count() == 1
    assert errors_shown(tab) == []
