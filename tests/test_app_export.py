"""The 数据导出 page with AppTest: renders at every level, counts what the file will hold, refuses what is too big."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from enforcement.transfer import export
from tests import page_runner


def run_page(**params) -> AppTest:
    return page_runner.run_page("pages/6_export.py", **params)


def shown_count(at: AppTest) -> int:
    return int(at.metric[0].value.replace(",", ""))


@pytest.mark.parametrize("region", ["320000", "371100", "371102", "371102001"])
def test_renders_at_every_level(sample_db, region):
    at = run_page(region=region, ds="training")
    assert not at.exception
    assert shown_count(at) > 0
    assert [b.label for b in at.get("download_button")][:2] == ["下载 CSV", "下载 Excel (.xlsx)"]


def test_count_equals_an_independent_count(sample_db, con):
    at = run_page(region="371102", ds="cases", lvl="township", **{"from": "2024-03", "to": "2024-08"})
    expected = con.execute(
        """select count(*) from case_stats as c join regions as r using (region_code)
           where c.region_code like '371102%' and r.level = 'township'
           and c.period_month between date '2024-03-01' and date '2024-08-01'"""
    ).fetchone()[0]
    assert expected > 0 and shown_count(at) == expected
    preview = at.dataframe[-1].value
    assert len(preview) == 50 and set(preview["地区代码"].str.len()) == {9}


def test_changing_region_level_or_as_of_changes_the_count(sample_db):
    base = shown_count(run_page(region="371100", ds="progress"))
    assert shown_count(run_page(region="320100", ds="progress")) != base
    assert shown_count(run_page(region="371100", ds="progress", lvl="county")) != base
    assert shown_count(run_page(region="371100", ds="progress", as_of="2024-10-31")) < base


def test_choosing_columns_changes_the_file(sample_db):
    at = run_page(region="371102", ds="targets")
    at.multiselect(key="x_columns_targets").set_value(["target_id", "indicator_name"]).run()
    assert not at.exception
    assert list(at.dataframe[-1].value.columns) == ["指标编号", "指标"]


def test_too_many_rows_for_a_browser_download_or_a_sheet(sample_db):
    at = run_page(ds="cases")  # every case row of the sample: millions
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "python -m enforcement" not in warnings  # a browser user is never sent to a command line
    assert "超过 Excel 每个工作表" in warnings  # the format's own limit: one sheet holds 1,048,576 rows
    # every size downloads as CSV: compressed above a million rows
    assert [b.label for b in at.get("download_button")] == ["下载 CSV"]
    assert any(".zip" in c.value for c in at.caption)


def test_english_and_unknown_page_parameters(sample_db):
    at = run_page(lang="en", region="500237", ds="'; drop table cases; --", lvl="moon")
    assert not at.exception
    assert at.title[0].value == "Export"
    assert at.selectbox(key="x_dataset").value == "cases" and at.selectbox(key="x_level").value == ""
    assert [b.label for b in at.get("download_button")][:2] == ["Download CSV", "Download Excel (.xlsx)"]


def wait_captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption if "秒生成" in c.value]


def test_a_download_that_takes_a_while_says_how_long_before_the_click(sample_db):
    everything = run_page(ds="cases")  # millions of rows: a zipped CSV only
    rows = shown_count(everything)
    waits = wait_captions(everything)
    assert len(waits) == 1 and waits[0].startswith("下载 CSV") and f"{rows:,} 行" in waits[0]
    seconds = int(waits[0].split("约 ")[1].split(" 秒")[0])
    assert seconds >= 3  # and more rows never promise less time:
    assert export.expected_wait_seconds(rows * 2, "csv.zip") >= seconds

    small = run_page(region="371102", ds="training")
    assert 0 < shown_count(small) < 20_000 and wait_captions(small) == []


def test_an_excel_download_of_a_large_view_gives_its_wait_too(sample_db):
    at = run_page(region="440100", ds="cases")
    rows = shown_count(at)
    assert export.XLSX_MAX_ROWS >= rows >= 3 * export.BUILD_ROWS_PER_SECOND["xlsx"]
    labels = [wait.split(":")[0] for wait in wait_captions(at)]
    assert "下载 Excel (.xlsx)" in labels
    assert all(f"{rows:,} 行" in wait for wait in wait_captions(at))
