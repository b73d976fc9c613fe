"""A shared link opened on a freshly started server: the very first request is a deep link to a page with filters.

This is the pages/ router trap (DESIGN.md): until some session runs st.navigation, Streamlit's legacy router serves
/milestones without app.py, so a frame built only in app.py would be missing. The app never calls st.navigation
and every page builds the frame itself; this test proves the link works from a cold start.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import errors_shown, running_server, settle, sidebar_values, title, wait_for_title

NAV = ["总览", "里程碑", "任务台账", "培训", "案件", "地区对比", "数据导出", "数据导入", "评估报告", "管理"]


def test_the_first_request_to_a_fresh_server_is_a_deep_link(reader_db, tmp_path, new_page):
    with running_server(reader_db, tmp_path) as server:
        assert "Uncaught" not in server.log_text()
        tab, requests = new_page(origin=server.url)
        tab.goto(f"{server.url}/milestones?region=371100&plan=rizhao&as_of=2024-10-31")
        wait_for_title(tab, "里程碑 · 日照市")
        settle(tab)
        # The page with its filters ...
        assert title(tab) == "里程碑 · 日照市"
        plan = tab.get_by_test_id("stMain").get_by_role("combobox", name="实施方案").input_value()
        assert plan.startswith("日照市") and "日照市提升行政执法质量实施方案" in plan
        assert parse_qs(urlsplit(tab.url).query) == {
            "region": ["371100"],
            "plan": ["rizhao"],
            "as_of": ["2024-10-31"],
        }
        # ... inside the shared frame: translated navigation carrying the filters, region and date pickers, banner.
        sidebar = tab.get_by_test_id("stSidebar")
        links = sidebar.get_by_test_id("stPageLink")
        assert [links.nth(i).inner_text().strip() for i in range(links.count())] == NAV
        assert "region=371100" in (links.nth(0).locator("a").get_attribute("href") or "")
        assert sidebar.get_by_test_id("stSidebarNav").count() == 0  # not the legacy router's file-name list
        assert sidebar_values(tab)[:2] == ["山东省", "日照市"]
        assert "2024/10/31" in "".join(sidebar.get_by_test_id("stDateInput").inner_text().split())
        assert tab.get_by_text("示例数据: 本库的统计数字").count() == 1
        tab.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(timeout=120_000)
        assert errors_shown(tab) == []
        assert requests.outside == []
