"""The shared filters in a real browser: set from the sidebar, the numbers follow the database; the address, copied
into a new browser session, opens the same view."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import duckdb
from playwright.sync_api import expect

from enforcement.storage import store
from tests.browser.conftest import (
    choose,
    errors_shown,
    metric_value,
    nav_link,
    settle,
    sidebar_values,
    title,
    wait_for_title,
)

KPI = "重大执法决定法制审核执行率"


def review_rate(db, prefix: str) -> str:
    """The legal-review rate of 2025 (the default period's year) over the subtree, from the raw case rows."""
    con = duckdb.connect(str(store.current_file(db)), read_only=True)
    try:
        reviewed, major = con.execute(
            """
            select sum(major_decisions_reviewed), sum(major_decisions) from case_stats
            where starts_with(region_code, $prefix)
              and period_month between date '2025-01-01' and date '2025-12-01'
            """,
            {"prefix": prefix},
        ).fetchone()
    finally:
        con.close()
    return f"{100.0 * reviewed / major:.1f}%"


def test_choosing_a_city_in_the_sidebar_moves_a_kpi_to_the_databases_value(page, app_url, reader_db):
    page.goto(app_url)
    settle(page)
    assert metric_value(page, KPI) == review_rate(reader_db, "")
    sidebar = page.get_by_test_id("stSidebar")
    choose(page, "省", "山东省", within=sidebar)
    wait_for_title(page, "总览 · 山东省")
    choose(page, "市", "日照市", within=sidebar)
    wait_for_title(page, "总览 · 日照市")
    assert parse_qs(urlsplit(page.url).query) == {"region": ["371100"]}
    assert sidebar_values(page)[:3] == ["山东省", "日照市", "(全部)"]
    expected = review_rate(reader_db, "3711")
    assert expected != review_rate(reader_db, "")
    assert metric_value(page, KPI) == expected
    assert errors_shown(page) == []


def view(tab) -> dict[str, object]:
    """Everything that makes up the view: title, sidebar choices, the page's own choice, and the address."""
    return {
        "title": title(tab),
        "sidebar": sidebar_values(tab),
        "as_of": "".join(tab.get_by_test_id("stSidebar").get_by_test_id("stDateInput").inner_text().split()[1:]),
        "indicator": tab.get_by_test_id("stMain").get_by_role("combobox", name="排名指标").input_value(),
        "path": urlsplit(tab.url).path,
        "query": parse_qs(urlsplit(tab.url).query),
    }


def test_a_copied_address_opens_the_same_view_for_a_colleague(new_page, app_url):
    mine, _ = new_page()
    mine.goto(app_url)
    settle(mine)
    nav_link(mine, "地区对比").click()
    wait_for_title(mine, "地区对比")
    sidebar = mine.get_by_test_id("stSidebar")
    choose(mine, "省", "山东省", within=sidebar)
    choose(mine, "市", "日照市", within=sidebar)
    choose(mine, "快捷日期", "2024年底", within=sidebar)
    choose(mine, "执法领域 (案件所属行业)", "市场监管", within=sidebar)
    choose(mine, "排名指标", "重大执法决定法制审核执行率", within=mine.get_by_test_id("stMain"))
    wait_for_title(mine, "地区对比 · 日照市")
    shown = view(mine)
    assert shown["query"] == {
        "region": ["371100"],
        "as_of": ["2024-12-31"],
        "domain": ["market"],
        "ind": ["legal_review_rate"],
    }
    assert shown["sidebar"][:2] == ["山东省", "日照市"] and "2024/12/31" in shown["as_of"]

    colleague, _ = new_page()  # a new browser context: no cookies, no session state, only the address
    colleague.goto(mine.url)
    wait_for_title(colleague, "地区对比 · 日照市")
    assert view(colleague) == shown
    assert errors_shown(colleague) == []


def test_a_typed_as_of_date_applies_once_the_field_is_left(page, app_url):
    """Streamlit's date field takes a typed date when focus leaves it; the field's help says so, and the view and
    the address follow the typed day (year, month and day are separate segments, typed as digits)."""
    page.goto(f"{app_url}/?region=320000")
    wait_for_title(page, "总览 · 江苏省")
    date_field = page.get_by_test_id("stSidebar").get_by_test_id("stDateInput")
    # The sidebar may still be drawing when the title has arrived: wait for the help icon rather than count at once.
    expect(date_field.get_by_test_id("stTooltipIcon")).to_have_count(1, timeout=30_000)
    year = date_field.locator("[data-type=year]")
    year.scroll_into_view_if_needed()
    year.click()
    page.keyboard.type("20240630", delay=50)
    page.get_by_test_id("stMain").locator("h1").first.click()  # leave the field, as a user clicking elsewhere
    page.wait_for_function("() => location.search.includes('as_of=2024-06-30')", timeout=60_000)
    settle(page)
    assert parse_qs(urlsplit(page.url).query) == {"region": ["320000"], "as_of": ["2024-06-30"]}
    assert "截至 2024-06-30" in page.get_by_test_id("stMain").inner_text()
    assert "自定义" in sidebar_values(page)
    assert errors_shown(page) == []
