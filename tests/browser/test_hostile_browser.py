"""Hostile links and uploads in a real browser: markdown in a link parameter never becomes a link or an image the
browser fetches (every request is recorded; one to the hostile address fails the test), and a hostile workbook or
file name gets a message on the page, with no server path and nothing loaded."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import quote

import pytest

from tests.browser.conftest import ARTIFACTS, PHONE, WIDE, errors_shown, running_server, settle, wait_for_title
from tests.test_hostile_markdown import HOST, PAYLOADS
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot, xlsx_file

# The AppTest tests' hostile texts, one kind a link parameter (they try every kind on every parameter).
KIND_OF = {"region": "image", "plan": "link", "domain": "html", "ds": "reference", "ind": "angle", "as_of": "autolink"}
PAYLOAD = {parameter: PAYLOADS[kind] for parameter, kind in KIND_OF.items()}
PAGES = ("", "milestones", "regions", "export", "import")


@pytest.fixture(scope="module")
def writer(sample_db, tmp_path_factory):
    db = copy_database(sample_db, tmp_path_factory.mktemp("hostile") / "enforcement.duckdb")
    with running_server(db, tmp_path_factory.mktemp("hostile_log")) as server:
        yield server


def shoot(tab, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("wide", WIDE), ("phone", PHONE)):
        tab.set_viewport_size(size)
        tab.wait_for_timeout(300)
        tab.screenshot(path=str(ARTIFACTS / f"{name}_{label}.png"))
    tab.set_viewport_size(WIDE)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_markdown_in_a_link_is_shown_as_text_and_nothing_is_fetched(new_page, writer, path, lang):
    tab, requests = new_page(origin=writer.url)
    query = "&".join(f"{key}={quote(value)}" for key, value in PAYLOAD.items())
    tab.goto(f"{writer.url}/{path}?{query}&lang={lang}")
    settle(tab)
    tab.wait_for_timeout(1500)  # time for an image the page might have made to be requested
    assert not [url for url in requests.seen if HOST in url], requests.seen
    assert tab.locator(f"img[src*='{HOST}'], a[href*='{HOST}']").count() == 0
    shown = tab.get_by_test_id("stAlert").all_inner_texts()
    assert any(PAYLOAD["region"] in text for text in shown), shown  # the value itself, as text
    assert errors_shown(tab) == []
    if path in ("", "import"):
        shoot(tab, f"hostile_link_{path or 'overview'}_{lang}")


def upload(tab, name: str, data: bytes) -> None:
    tab.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}]
    )
    settle(tab)


def _bomb() -> bytes:
    good = xlsx_file([CASE_HEADER, case_row()])
    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"<sheetData>", b"<sheetData>" + b" " * (100 * 1024 * 1024))
            target.writestr(item.filename, body)
    return buffer.getvalue()


def test_a_bomb_and_a_long_hostile_file_name_get_messages_and_load_nothing(new_page, writer):
    tab, requests = new_page(origin=writer.url)
    before = snapshot(writer.db)
    tab.goto(f"{writer.url}/import")
    wait_for_title(tab, "数据导入")
    upload(tab, "炸弹.xlsx", _bomb())
    refusal = tab.get_by_test_id("stAlert").get_by_text("疑似“压缩炸弹”")
    refusal.wait_for(timeout=120_000)
    refusal.scroll_into_view_if_needed()
    shoot(tab, "hostile_upload_bomb")
    name = (
        "![x](http://127.0.0.1:9999/n.png)" + "江苏省南京市玄武区司法局关于行政执法案件统计数据的报送表格" * 3 + ".csv"
    )
    upload(tab, name, csv_file([CASE_HEADER, case_row(count_penalty="1,5")]))
    tab.get_by_test_id("stAlert").get_by_text("文件中有 1 个问题").wait_for(timeout=120_000)
    tab.get_by_text("千位分隔符").first.wait_for(state="attached", timeout=60_000)  # in the report's grid
    assert snapshot(writer.db) == before
    body = tab.get_by_test_id("stMain").inner_text()
    assert str(writer.db.parent) not in body and "/tmp/" not in body
    assert not [url for url in requests.seen if HOST in url]
    assert errors_shown(tab) == []
