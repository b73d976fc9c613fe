"""What only a browser shows: a click on a bar drills down, the breadcrumb leads back, the address bar follows."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"


@pytest.fixture(scope="module")
def server(sample_db):
    if not os.path.exists(CHROMIUM):
        pytest.skip("needs Debian's chromium")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--server.fileWatcherType=none",
            "--browser.gatherUsageStats=false",
        ],
        cwd=PROJECT,
        env={**os.environ, "ENFORCEMENT_DB": str(sample_db)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(f"{base}/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    yield base
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture()
def page(server):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1440, "height": 900})
        outside = []
        tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
        yield tab
        browser.close()
        assert outside == []


def settle(tab, title_end):
    tab.wait_for_function(
        "end => document.querySelector('h1') && document.querySelector('h1').innerText.endsWith(end)",
        arg=title_end,
        timeout=60000,
    )
    tab.wait_for_selector(READY, timeout=60000)


def address(tab):
    return tab.evaluate("() => window.location.href")


def test_click_a_bar_then_come_back_up(server, page):
    # The very first request to a freshly started server is a deep link to the regions page.
    page.goto(f"{server}/regions?region=371100&ind=legal_review_rate&as_of=2024-10-31")
    settle(page, "日照市")
    bars = page.locator("[data-testid='stPlotlyChart']").first.locator("g.trace.bars path")
    bars.first.wait_for(timeout=60000)
    bars.first.click(force=True)
    page.wait_for_function("() => !document.querySelector('h1').innerText.endsWith('日照市')", timeout=60000)
    page.wait_for_selector(READY, timeout=60000)
    drilled = page.locator("h1").first.inner_text().split("·")[-1].strip()
    assert drilled in {"东港区", "岚山区", "五莲县", "莒县", "日照经济技术开发区"}
    assert "region=3711" in address(page) and "ind=legal_review_rate" in address(page)

    page.locator("[data-testid='stMain'] [data-testid='stPageLink'] a", has_text="日照市").click()
    settle(page, "日照市")
    here = address(page)
    assert "region=371100" in here and "as_of=2024-10-31" in here and "ind=legal_review_rate" in here
