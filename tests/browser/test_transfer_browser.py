"""The export and import pages in a real browser, against `streamlit run` on a copy of the sample database.

Covers what AppTest cannot: the real upload widget, the downloaded bytes, an import from the command line while the
app holds the database open, and the dashboards switching to the new version without a restart. Offline: any
request that leaves the machine fails the test.
"""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PROJECT
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT / "tests" / "artifacts"
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def app(sample_db, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    db = copy_database(sample_db, tmp_path_factory.mktemp("browser") / "enforcement.duckdb")
    port = _free_port()
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "wb")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        cwd=PROJECT,
        env={**os.environ, "ENFORCEMENT_DB": str(db)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "streamlit did not start"
            time.sleep(0.5)
        yield url, db
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture()
def page(app):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
        tab = context.new_page()
        outside: list[str] = []
        local = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")

        def guard(route):
            if route.request.url.startswith(local):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        tab.route("**/*", guard)
        yield tab
        browser.close()
        assert outside == [], f"requests left the machine: {outside}"


def settle(tab) -> None:
    tab.wait_for_selector(READY, timeout=120_000)
    time.sleep(1.0)
    tab.wait_for_selector(READY, timeout=120_000)


def shoot(tab, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_export_download_has_the_rows_the_page_counts(app, page):
    url, _ = app
    page.goto(f"{url}/export?region=371102&ds=cases&from=2025-01&to=2025-03")
    settle(page)
    shown = int(page.get_by_test_id("stMetricValue").first.inner_text().replace(",", ""))
    assert shown > 0
    with page.expect_download() as download:
        page.get_by_role("button", name="下载 CSV").click()
    data = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == "案件统计_东港区_2025-01至2025-03.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    assert rows[0][0] == "地区代码" and len(rows) - 1 == shown
    with page.expect_download() as download:
        page.get_by_role("button", name="下载 Excel (.xlsx)").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()), read_only=True)
    assert book.sheetnames == ["说明", "案件统计"]
    assert dict(book["说明"].iter_rows(values_only=True))["行数"] == f"{shown:,}"
    shoot(page, "export_1440")
    page.set_viewport_size({"width": 390, "height": 844})
    settle(page)
    assert page.get_by_test_id("stException").count() == 0
    shoot(page, "export_390")


def test_bad_upload_lists_problems_and_loads_nothing(app, page):
    url, db = app
    before = snapshot(db)
    page.goto(f"{url}/import")
    settle(page)
    bad = csv_file([CASE_HEADER, case_row(region="320199"), case_row(count_penalty=-2)], encoding="gb18030")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "玄武区.csv", "mimeType": "text/csv", "buffer": bad}]
    )
    settle(page)
    page.get_by_text("文件中有 2 个问题, 未导入任何数据").wait_for(timeout=60_000)
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_role("button", name="3. 确认导入").count() == 0
    shoot(page, "import_bad_1440")
    assert snapshot(db) == before


def test_imports_while_the_app_runs_show_on_the_dashboards_without_a_restart(app, page, tmp_path):
    url, db = app
    page.goto(f"{url}/?region=320102")
    settle(page)
    assert page.get_by_text("示例数据: 本库的统计数字").count() == 1

    # From the command line, while the app holds the current version open read-only.
    upload = tmp_path / "玄武区.csv"
    upload.write_bytes(csv_file([CASE_HEADER, case_row(count_penalty=66)]))
    result = subprocess.run(
        [sys.executable, "-m", "enforcement", "import", str(upload), "--db", str(db)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page.reload()
    settle(page)
    assert page.get_by_text("示例数据与上报数据混合").count() == 1

    # Through the page, in the app's own process.
    page.goto(f"{url}/import")
    settle(page)
    good = csv_file([CASE_HEADER, case_row(month="2025-10", count_penalty=67)])
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "玄武区10月.csv", "mimeType": "text/csv", "buffer": good}]
    )
    settle(page)
    page.get_by_role("button", name="3. 确认导入").click()
    settle(page)
    page.get_by_text("导入完成 (批次 2)").wait_for(timeout=60_000)
    shoot(page, "import_done_1440")
    assert snapshot(db).counts["imports"] == 2
    page.set_viewport_size({"width": 390, "height": 844})
    settle(page)
    assert page.get_by_test_id("stException").count() == 0
    shoot(page, "import_390")
