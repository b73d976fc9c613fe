"""A new user in a real browser: every page opened from the sidebar navigation renders its chart, shows no error,
asks nothing of the internet, reads well on a laptop and a phone; English is one click away."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.conftest import (
    CJK,
    errors_shown,
    metric_value,
    nav_link,
    settle,
    shoot_both_sizes,
    title,
    wait_for_title,
)

# (navigation label, address path, what the page's title starts with, what its main content is)
PAGES = [
    ("总览", "/", "总览 · 全国", "chart"),
    ("里程碑", "/milestones", "里程碑 · 全国", "chart"),
    ("任务台账", "/ledger", "任务台账 · 全国", "table"),
    ("培训", "/training", "培训 · 全国", "chart"),
    ("案件", "/cases", "案件 · 全国", "chart"),
    ("地区对比", "/regions", "地区对比 · 全国", "chart"),
    ("数据导出", "/export", "数据导出", "export"),
    ("数据导入", "/import", "数据导入", "import"),
    ("评估报告", "/report", "评估报告 · 全国", "report"),
    ("管理", "/admin", "管理", "admin"),
]
ENGLISH_NAV = [
    "Overview", "Milestones", "Task ledger", "Training", "Cases", "Regions", "Export", "Import", "Evaluation report",
    "Admin",
]  # fmt: skip
CHINESE_NAV = [label for label, *_ in PAGES]


def chart_text(tab) -> str:
    """The text drawn inside the page's first Plotly chart (titles, axes, legend), once it has rendered."""
    svg = tab.locator("[data-testid='stPlotlyChart'] .js-plotly-plot .main-svg").first
    svg.wait_for(timeout=120_000)
    tab.wait_for_function(
        "() => { const p = document.querySelector(\"[data-testid='stPlotlyChart'] .js-plotly-plot\");"
        " return p && p.querySelectorAll('.main-svg text').length > 3; }",
        timeout=120_000,
    )
    return tab.locator("[data-testid='stPlotlyChart'] .js-plotly-plot").first.evaluate(
        "plot => Array.from(plot.querySelectorAll('.main-svg text')).map(t => t.textContent).join(' ')"
    )


def assert_main_content(tab, kind: str) -> None:
    if kind == "chart":
        text = chart_text(tab)
        assert CJK.search(text), f"chart labels are not Chinese: {text[:300]}"
    elif kind == "table":
        tab.locator("[data-testid='stDataFrame']:visible").first.wait_for(timeout=120_000)
        assert tab.get_by_test_id("stMetricValue").count() >= 2
    elif kind == "export":
        assert tab.get_by_test_id("stMetricValue").first.inner_text().replace(",", "").isdigit()
        tab.locator("[data-testid='stDataFrame']:visible").first.wait_for(timeout=120_000)
    elif kind == "admin":
        tab.get_by_role("button", name="校验哈希链").wait_for(timeout=120_000)
        assert tab.get_by_role("button", name="开通").count() == 1
    elif kind == "report":
        tab.get_by_role("button", name="下载 PDF 报告").wait_for(timeout=120_000)
    else:
        tab.get_by_test_id("stFileUploaderDropzone").wait_for(timeout=120_000)
        assert tab.get_by_role("button", name="案件统计 模板 (CSV)").count() == 1


def test_every_page_from_the_navigation(new_page, app_url):
    tab, requests = new_page()
    tab.goto(app_url)
    settle(tab)
    for label, path, heading, kind in PAGES:
        requests.seen.clear()
        nav_link(tab, label).click()
        wait_for_title(tab, heading)
        assert urlsplit(tab.url).path.rstrip("/") == path.rstrip("/")
        assert title(tab).startswith(heading)
        assert errors_shown(tab) == [], label
        assert_main_content(tab, kind)
        assert tab.get_by_text("示例数据: 本库的统计数字").count() == 1  # the sample banner on every page
        assert requests.outside == [], f"{label}: {requests.outside}"
        assert all(url.startswith((app_url, "data:", "blob:", "about:")) for url in requests.seen)
        shoot_both_sizes(tab, f"page_{path.strip('/') or 'overview'}")
        assert errors_shown(tab) == [], label


def test_english_is_one_click_away(page, app_url):
    page.goto(f"{app_url}/cases?region=320000")
    # The page's own title first: on a busy machine the script may not have drawn anything yet when it is idle.
    wait_for_title(page, "案件")
    for label in CHINESE_NAV:
        expect(nav_link(page, label)).to_have_count(1, timeout=30_000)
    page.get_by_test_id("stSidebar").get_by_role("radio", name="English").click()
    wait_for_title(page, "Cases")
    links = page.get_by_test_id("stSidebar").get_by_test_id("stPageLink")
    assert [links.nth(i).inner_text().strip() for i in range(links.count())] == ENGLISH_NAV
    assert "lang=en" in page.url and "region=320000" in page.url
    # The language and the region travel with the navigation.
    nav_link(page, "Milestones").click()
    wait_for_title(page, "Milestones")
    assert title(page) == "Milestones · 江苏省"
    assert "lang=en" in page.url and "region=320000" in page.url
    assert errors_shown(page) == []
    shoot_both_sizes(page, "milestones_english")


def test_a_charts_numbers_download_as_the_rows_it_states(page, app_url):
    # The CSV under a chart is written when the button is clicked (not on every run): it must still hold the rows
    # the expander counts, and its penalties of the as-of year must add up to the page's own penalties KPI (the year
    # to date, from a different query).
    page.goto(f"{app_url}/cases")
    wait_for_title(page, "案件 · 全国")
    expander = page.get_by_test_id("stExpander").first
    stated = int(re.search(r"(\d+) 行", expander.locator("summary").inner_text()).group(1))
    expander.locator("summary").click()
    settle(page)  # the button of the last run: a rerun replaces the id its click asks the server for
    with page.expect_download() as download:
        expander.get_by_role("button", name="下载CSV (Excel可直接打开)").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    context, blank, table = data.decode("utf-8-sig").split("\r\n", 2)
    # what the file holds, on its first line: the region, the as-of date, that the figures are sample
    assert "全国" in context and "示例数据" in context and blank == ""
    rows = list(csv.DictReader(io.StringIO(table, newline="")))
    assert len(rows) == stated > 0
    penalties = next(header for header in rows[0] if header.startswith("行政处罚"))
    year = max(row[next(iter(rows[0]))][:4] for row in rows)  # the first column is the month
    this_year = sum(int(row[penalties]) for row in rows if row[next(iter(rows[0]))].startswith(year))
    assert this_year == int(metric_value(page, "行政处罚").replace(",", ""))
    assert errors_shown(page) == []
