"""python -m enforcement export / import: files written, clear messages, exit codes, never a traceback."""

from __future__ import annotations

import openpyxl
import pytest

from tests.test_build_and_cli import run_cli
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot


def test_export_csv_and_xlsx(sample_db, con, tmp_path):
    out = tmp_path / "cases.csv"
    result = run_cli("export", "cases", "--region", "371102", "--from", "2025-01", "--to", "2025-03", "--out", str(out))
    assert result.returncode == 0, result.stderr
    expected = con.execute(
        "select count(*) from case_stats where region_code like '371102%' and period_month between '2025-01-01' and '2025-03-01'"
    ).fetchone()[0]
    assert f"已导出 {expected:,} 行" in result.stdout and "数据版本" in result.stdout and "示例数据" in result.stdout
    lines = out.read_bytes().decode("utf-8-sig").split("\r\n")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads UTF-8
    assert "示例数据" in lines[0] and "数据版本" in lines[0]  # what the file holds, above the table
    assert lines[2].startswith("地区代码,")
    workbook = tmp_path / "t.xlsx"
    result = run_cli(
        "export", "training", "--region", "500237", "--level", "township", "--lang", "en", "--out", str(workbook)
    )
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(workbook, read_only=True)
    assert book.sheetnames == ["About", "Training statistics"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cases", "--region", "999999"], "地区代码 999999 不存在"),
        (["cases", "--from", "2024/01"], "月份应写成 YYYY-MM"),
        (["cases", "--columns", "region_code,secret"], "没有这些列: secret"),
        (["everything"], "invalid choice"),
    ],
)
def test_export_rejects_bad_input_with_a_message(tmp_path, args, message):
    result = run_cli("export", *args, "--out", str(tmp_path / "x.csv"))
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_import_reports_every_problem_and_loads_a_good_file(sample_db, tmp_path):
    db = copy_database(sample_db, tmp_path / "db" / "enforcement.duckdb")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_file([CASE_HEADER, case_row(region="320199"), case_row(month="2022-01", count_license=-1)]))
    before = snapshot(db)
    report = tmp_path / "report.csv"
    result = run_cli("import", str(bad), "--db", str(db), "--report", str(report))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "3 个问题, 未导入任何数据" in result.stderr
    assert "第 2 行 列「地区代码」 值「320199」: 地区代码 320199 不存在" in result.stderr
    assert "第 3 行 列「行政许可(件)」 值「-1」: 不能为负数" in result.stderr
    assert report.read_bytes().decode("utf-8-sig").splitlines()[0] == "行,问题,列,值"
    assert snapshot(db) == before

    good = tmp_path / "good.csv"
    good.write_bytes(csv_file([CASE_HEADER, case_row(count_penalty=77)]))
    dry = run_cli("import", str(good), "--db", str(db), "--dry-run")
    assert dry.returncode == 0 and "替换 1 行" in dry.stdout and snapshot(db) == before
    loaded = run_cli("import", str(good), "--db", str(db))
    assert loaded.returncode == 0, loaded.stderr
    assert "批次 1" in loaded.stdout and snapshot(db).current != before.current
    again = run_cli("import", str(good), "--db", str(db))
    assert again.returncode == 0 and "未作任何改动" in again.stdout


def test_import_of_a_missing_file(tmp_path):
    result = run_cli("import", str(tmp_path / "nope.csv"))
    assert result.returncode == 2 and "文件不存在" in result.stderr and "Traceback" not in result.stderr
