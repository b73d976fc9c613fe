"""The evaluation report in a real browser: one click on the overview downloads the report (written on the click,
on the server, with nothing fetched from outside), in both languages; screenshots at both sizes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from docx import Document

from tests.browser.conftest import errors_shown, settle, shoot_both_sizes, wait_for_title


def test_one_click_on_the_overview_downloads_the_report(page, app_url):
    page.goto(f"{app_url}/?region=320100&as_of=2025-10-31")
    wait_for_title(page, "总览")
    settle(page)
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name="下载 PDF 报告").click()
    assert download.value.suggested_filename == "南京市_320100_评估报告_2025-10-31.pdf"
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-raw", "-l", "2", "-", "-"], input=data, capture_output=True, check=True)
    assert "南京市" in text.stdout.decode() and "示例数据" in text.stdout.decode()
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name="下载 Word 报告").click()
    assert download.value.suggested_filename.endswith(".docx")
    assert "总体情况" in "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    shoot_both_sizes(page, "report_overview_button")
    assert errors_shown(page) == []


def test_report_page_in_english(page, app_url):
    page.goto(f"{app_url}/report?region=320000&as_of=2024-10-31&lang=en")
    wait_for_title(page, "Evaluation report")
    settle(page)
    assert page.get_by_text("Every region under it (13 regions, one .zip)").count() == 1
    assert page.get_by_role("button", name="Download Word report").count() == 1
    shoot_both_sizes(page, "report_page_en")
    assert errors_shown(page) == []
