"""What only a browser shows: a click on a bar drills down, the breadcrumb leads back, the address bar follows."""

from __future__ import annotations

from tests.browser.conftest import errors_shown, settle, title, wait_for_title_end


def test_click_a_bar_then_come_back_up(page, app_url):
    page.goto(f"{app_url}/regions?region=371100&ind=legal_review_rate&as_of=2024-10-31")
    wait_for_title_end(page, "日照市")
    bars = page.locator("[data-testid='stPlotlyChart']").first.locator("g.trace.bars path")
    bars.first.wait_for(timeout=120_000)
    bars.first.click(force=True)
    page.wait_for_function("() => !document.querySelector('h1').innerText.trim().endsWith('日照市')", timeout=120_000)
    settle(page)
    drilled = title(page).split("·")[-1].strip()
    assert drilled in {"东港区", "岚山区", "五莲县", "莒县", "日照经济技术开发区"}
    assert "region=3711" in page.url and "ind=legal_review_rate" in page.url
    # One level down: the breadcrumb now ends 全国 › 山东省 › 日照市 › <county>.
    crumbs = page.get_by_test_id("stMain").get_by_test_id("stPageLink")
    assert [crumbs.nth(i).inner_text().strip() for i in range(3)] == ["全国", "山东省", "日照市"]

    page.get_by_test_id("stMain").get_by_test_id("stPageLink").get_by_text("日照市", exact=True).click()
    wait_for_title_end(page, "日照市")
    here = page.url
    assert "region=371100" in here and "as_of=2024-10-31" in here and "ind=legal_review_rate" in here
    assert errors_shown(page) == []
