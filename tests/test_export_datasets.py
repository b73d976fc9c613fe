"""Dataset exports: the rows the filters select, CSV for Excel (BOM, headers, codes as text), .xlsx with its 说明 sheet."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from enforcement.storage.runner import QueryRunner
from enforcement.transfer import datasets, export
from enforcement.transfer.export import ExportError, ExportRequest

D = dt.date


def request(dataset="cases", region="371102", start=None, end=None, **changes) -> ExportRequest:
    start, end = start or D(2024, 1, 1), end or D(2024, 6, 1)
    return ExportRequest(dataset, region, start, end, as_of=D(2025, 12, 31), **changes)


def read_csv(path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


# Independent counts, written here from the tables (not through the export queries).
INDEPENDENT = {
    "cases": """select count(*) from case_stats as c join regions as r using (region_code)
                where c.region_code like $prefix || '%' and c.period_month between $start and $end
                and ($level::varchar is null or r.level = $level)""",
    "training": """select count(*) from training_stats as t join regions as r using (region_code)
                   where t.region_code like $prefix || '%' and t.period_month between $start and $end
                   and ($level::varchar is null or r.level = $level)""",
    "progress": """select count(*) from task_progress as p join regions as r using (region_code)
                   where p.region_code like $prefix || '%' and p.report_date >= $start
                   and p.report_date < $end + interval 1 month
                   and ($level::varchar is null or r.level = $level)""",
}


@pytest.mark.parametrize(
    ("dataset", "region", "prefix", "level"),
    [
        ("cases", "371102", "371102", None),
        ("cases", "320000", "32", "city"),
        ("training", "371100", "3711", None),
        ("training", "500237", "500237", "township"),
        ("progress", "371100", "3711", "county"),
        ("progress", "440300", "4403", None),
    ],
)
def test_row_count_equals_rows_written_and_an_independent_count(con, tmp_path, dataset, region, prefix, level):
    wanted = request(dataset, region, level=level)
    expected = con.execute(
        INDEPENDENT[dataset], {"prefix": prefix, "start": wanted.month_from, "end": wanted.month_to, "level": level}
    ).fetchone()[0]
    assert expected > 0
    assert export.row_count(QueryRunner(con), wanted) == expected
    out = tmp_path / "x.csv"
    assert export.write_csv(QueryRunner(con), wanted, out) == expected
    assert len(read_csv(out)) == expected + 1


# Every level's regions of two provinces' subtrees and the nation; every domain and none; periods that the as-of date
# cuts or not. Drawn, not listed: the fast count must agree with the export for any scope a user can choose.
_COUNTED = [spec.key for spec in datasets.DATASETS.values() if spec.count_query is not None]


@pytest.fixture(scope="module")
def export_scopes(con) -> tuple[list[str], list[str]]:
    """The regions (the nation, Jiangsu's and Rizhao's subtrees) and the domains the drawn exports choose from."""
    regions = con.execute(
        "select region_code from regions where region_code = '000000' or region_code like '32%' "
        "or region_code like '3711%' order by region_code"
    ).fetchall()
    domains = con.execute("select domain_code from domains order by 1").fetchall()
    return [code for (code,) in regions], [code for (code,) in domains]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_fast_count_equals_the_rows_the_export_gives(con, export_scopes, data):
    regions, domains = export_scopes
    dataset = data.draw(st.sampled_from(_COUNTED))
    region = data.draw(st.sampled_from(regions))
    domain = data.draw(st.one_of(st.none(), st.sampled_from(domains)))
    first = data.draw(st.integers(0, 35))
    last = data.draw(st.integers(first, 35))
    as_of = data.draw(st.sampled_from([D(2025, 12, 31), D(2024, 6, 15), D(2023, 1, 31)]))
    wanted = ExportRequest(dataset, region, _month(first), _month(last), as_of=as_of, domain=domain)
    runner = QueryRunner(con)
    through_the_export = runner.value(
        export.export_statement(runner, wanted).around("select count(*) from (\n{query}\n) as q")
    )
    assert export.row_count(runner, wanted) == through_the_export
    event(f"{dataset}, {'some' if through_the_export else 'no'} rows")


def _month(index: int) -> dt.date:
    return D(2023 + index // 12, index % 12 + 1, 1)


def test_csv_layout_headers_codes_and_values(con, tmp_path):
    out = tmp_path / "cases.csv"
    export.write_csv(QueryRunner(con), request(), out)
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == len(read_csv(out)) and b"sep=" not in raw[:10]
    rows = read_csv(out)
    # the domain by its name (its code is a column one can choose; the import takes either)
    assert rows[0][:4] == ["地区代码", "地区", "月份", "执法领域"]
    first = dict(zip(rows[0], rows[1]))
    assert first["地区代码"] == "371102" and first["地区"] == "东港区" and first["月份"] == "2024-01"
    stored = con.execute(
        """select count_penalty, major_decisions_reviewed from case_stats join domains using (domain_code)
           where region_code = '371102' and period_month = date '2024-01-01' and name_zh = $domain""",
        {"domain": first["执法领域"]},
    ).fetchone()
    assert (int(first["行政处罚(件)"]), int(first["经法制审核(件)"])) == stored
    english = tmp_path / "en.csv"
    export.write_csv(
        QueryRunner(con), request(lang="en", columns=("region_code", "domain_name", "count_penalty")), english
    )
    assert read_csv(english)[0] == ["Region code", "Domain", "Penalties"]
    assert read_csv(english)[1][1] == "Market regulation"


def test_national_root_code_keeps_its_zeros(con, tmp_path):
    out = tmp_path / "targets.csv"
    export.write_csv(QueryRunner(con), request("targets", "000000", D(2023, 1, 1), D(2025, 12, 1)), out)
    rows = read_csv(out)
    assert len(rows) == 1 + con.execute("select count(*) from targets").fetchone()[0]
    assert "适用层级" in rows[0]
    levels = rows[1][rows[0].index("适用层级")]
    assert levels and all(part in ("省", "市", "县", "乡镇(街道)") for part in levels.split("、"))


def test_preview_is_the_head_of_the_file(con, tmp_path):
    wanted = request("progress", "371100", D(2025, 1, 1), D(2025, 12, 1))
    out = tmp_path / "p.csv"
    export.write_csv(QueryRunner(con), wanted, out)
    rows = read_csv(out)
    head = export.preview(QueryRunner(con), wanted, limit=20)
    assert list(head.columns) == rows[0]
    as_text = head.fillna("").astype(str).values.tolist()
    assert as_text == rows[1:21]
    assert set(head["上报状态"]) <= {"未启动", "推进中", "已完成", "不适用"}


def test_statistics_stop_at_the_as_of_month(con):
    full = export.row_count(QueryRunner(con), request("cases", "371102", D(2024, 1, 1), D(2024, 12, 1)))
    cut = export.row_count(
        QueryRunner(con), request("cases", "371102", D(2024, 1, 1), D(2024, 12, 1)).with_changes(as_of=D(2024, 6, 15))
    )
    assert 0 < cut == full // 2


def test_xlsx_has_a_notes_sheet_then_the_same_rows(con, tmp_path):
    wanted = request("training", "371102")
    rows = export.row_count(QueryRunner(con), wanted)
    meta = dict(con.execute("select key, value from meta").fetchall())
    facts = export.facts(wanted, "东港区", meta, rows)
    out = tmp_path / "t.xlsx"
    assert export.write_xlsx(QueryRunner(con), wanted, out, facts) == rows
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["说明", "培训统计"]
    notes = dict(book["说明"].iter_rows(values_only=True))
    assert notes["数据版本"] == meta["data_version"]
    assert notes["数据性质"].startswith("示例数据")
    assert notes["行数"] == f"{rows:,}"
    assert notes["截至日期"] == "2025-12-31" and "2024-01至2024-06" in notes["期间"]
    assert "东港区 (371102)" in notes["地区"]
    data = list(book["培训统计"].iter_rows(values_only=True))
    assert len(data) == rows + 1
    assert data[1][0] == "371102" and isinstance(data[1][0], str)
    csv_out = tmp_path / "t.csv"
    export.write_csv(QueryRunner(con), wanted, csv_out)
    assert [[_cell(v) for v in row] for row in data] == [[_cell(v) for v in row] for row in read_csv(csv_out)]


def test_xlsx_with_no_rows_still_has_its_header_frozen_below_the_notes(con, tmp_path):
    # A period before any data: the reader still sees which columns the export has.
    wanted = request("cases", "371102", D(2019, 1, 1), D(2019, 3, 1))
    assert export.row_count(QueryRunner(con), wanted) == 0
    out = tmp_path / "empty.xlsx"
    assert export.write_xlsx(QueryRunner(con), wanted, out, [("数据集", "案件统计")]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["说明", "案件统计"]
    sheet = book["案件统计"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [export.headers(wanted)]
    assert sheet.freeze_panes == "A2" and book["说明"].freeze_panes is None


def test_xlsx_header_is_frozen_and_every_code_column_is_text(con, tmp_path):
    wanted = request("cases", "371102", level="township")
    out = tmp_path / "c.xlsx"
    rows = export.write_xlsx(QueryRunner(con), wanted, out)
    expected = con.execute(
        "select count(*) from case_stats join regions using (region_code) "
        "where region_code like '371102%' and level = 'township' "
        "and period_month between date '2024-01-01' and date '2024-06-01'"
    ).fetchone()[0]
    assert rows == expected > 0
    sheet = openpyxl.load_workbook(out)["案件统计"]
    assert sheet.freeze_panes == "A2"
    codes = [cell for (cell,) in sheet.iter_rows(min_row=2, max_col=1)]
    assert len(codes) == rows and all(c.data_type == "s" and len(c.value) == 9 for c in codes)


def _cell(value: object) -> object:
    """A cell as compared across formats: numbers as numbers (the workbook stores 88.0 as 88), text as text."""
    if value is None or value == "":
        return ""
    try:
        return float(value)
    except ValueError:
        return str(value)


def test_xlsx_refuses_more_rows_than_a_sheet_holds(con, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "XLSX_MAX_ROWS", 100)
    out = tmp_path / "big.xlsx"
    with pytest.raises(ExportError, match="超过 Excel 每个工作表"):
        export.write_xlsx(QueryRunner(con), request(), out)
    assert not out.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"columns": ("region_code", 'officers" from regions; --')},
        {"columns": ()},
        {"columns": ("region_code", "region_code")},
        {"level": "galaxy"},
        {"lang": "fr"},
        {"month_from": D(2024, 6, 15)},
    ],
)
def test_unknown_choices_never_reach_sql(con, bad):
    with pytest.raises(ExportError):
        export.row_count(QueryRunner(con), request().with_changes(**bad))


def test_unknown_dataset(con):
    with pytest.raises(ValueError, match="未知的数据集"):
        export.row_count(QueryRunner(con), request("everything"))


def test_file_name_says_dataset_region_level_and_period():
    name = export.file_name(request("cases", "320000", level="county"), "江苏省", "xlsx")
    assert name == "案件统计_江苏省_县_2024-01至2024-06_截至2025-12-31.xlsx"
    english = export.file_name(request(lang="en", domain="market"), "东港区", "csv", "Market regulation", "sample")
    assert english == "Case_statistics_东港区_Market_regulation_2024-01_to_2024-06_as-of-2025-12-31_sample-data.csv"


def test_the_shared_domain_filter_narrows_the_export_and_is_said_in_the_file(con, tmp_path):
    market = request(domain="market")
    expected = con.execute(
        "select count(*) from case_stats where region_code like '371102%' and domain_code = 'market' "
        "and period_month between date '2024-01-01' and date '2024-06-01'"
    ).fetchone()[0]
    assert export.row_count(QueryRunner(con), market) == expected > 0
    training = request("training", domain="market")
    agencies = con.execute(
        "select count(*) from training_stats join agencies using (agency_code) where region_code like '371102%' "
        "and agencies.domain_code = 'market' and period_month between date '2024-01-01' and date '2024-06-01'"
    ).fetchone()[0]
    assert export.row_count(QueryRunner(con), training) == agencies > 0
    out = tmp_path / "market.csv"
    facts = export.facts(
        market, "东港区", {"is_sample": "true", "data_version": "v1"}, expected, domain_name="市场监管"
    )
    export.write_csv(QueryRunner(con), market, out, facts)
    lines = read_csv(out)
    # the file's first line says what it holds, as the .xlsx 说明 sheet does; the header follows an empty line
    assert lines[0][0].startswith("数据集: 案件统计") and "执法领域: 市场监管" in lines[0][0]
    assert "数据版本: v1" in lines[0][0] and "示例数据" in lines[0][0] and "截至日期: 2025-12-31" in lines[0][0]
    assert lines[1] == [] and lines[2][0] == "地区代码" and len(lines) == 3 + expected
    assert {row[3] for row in lines[3:]} == {"市场监管"}


def test_export_errors_speak_the_requests_language(con):
    english = request().with_changes(lang="en", columns=("region_code", "no_such_column"))
    with pytest.raises(export.ExportError, match="has no such columns: no_such_column"):
        english.checked()
    with pytest.raises(export.ExportError, match="没有这些列"):
        english.with_changes(lang="zh").checked()
    with pytest.raises(export.ExportError, match="There is no region with code 999999"):
        export.row_count(QueryRunner(con), request().with_changes(lang="en", region_code="999999"))
