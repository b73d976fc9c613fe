"""Faults seen from a real browser: readers keep being served while a large import runs from the command line; an
unreadable or vanished database gives a page that says what to do, and the file is left as it was."""

from __future__ import annotations

import os
import random
import textwrap
from pathlib import Path

import duckdb
import pytest

from enforcement.storage import store
from tests.browser.conftest import errors_shown, metric_value, running_server, settle, shoot, wait_for_title
from tests.process_support import killed_at_exit, start_script, wait_for_marker
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file

# The CLI import, paused after its first batch of rows until the test says go: the test can then be sure readers
# are served while the import is half-way through writing the new version (no timing assumptions).
PAUSED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from enforcement import cli
    from enforcement.transfer import importer

    loading, go = Path(sys.argv[1]), Path(sys.argv[2])
    original = importer._insert_batch

    def insert_then_wait(*args, **kwargs):
        original(*args, **kwargs)
        if not loading.exists():
            loading.write_text("first batch inserted")
            deadline = time.monotonic() + 600
            while not go.exists() and time.monotonic() < deadline:
                time.sleep(0.1)

    importer.BATCH_ROWS = 10_000
    importer._insert_batch = insert_then_wait
    sys.exit(cli.main(["import", sys.argv[3], "--db", sys.argv[4]]))
    """
)
CASES = ("/cases?region=320000&from=2025-01&to=2025-01&domain=agriculture", "案件 · 江苏省")
READER_PAGES = [
    ("/?region=320000", "总览 · 江苏省"),
    ("/regions?region=320000", "地区对比 · 江苏省"),
    ("/training?region=320000", "培训 · 江苏省"),
    CASES,
]


def large_case_file(db: Path) -> bytes:
    """Every Jiangsu township x 12 months x 3 domains (about 53,000 rows, 4.7 MB), all valid."""
    con = duckdb.connect(str(store.current_file(db)), read_only=True)
    try:
        towns = con.execute(
            "select region_code, region_name from regions where region_code like '32%' and level = 'township'"
        ).fetchall()
        domains = ("agriculture", "civil_affairs", "commerce")
    finally:
        con.close()
    rows = [
        case_row(region=code, name=name, month=f"2025-{month:02d}", domain=domain, count_penalty=500 + month)
        for code, name in towns
        for month in range(1, 13)
        for domain in domains
    ]
    assert len(rows) > 40_000
    return csv_file([CASE_HEADER, *rows])


def penalties(db: Path) -> str:
    con = duckdb.connect(str(store.current_file(db)), read_only=True)
    try:
        (total,) = con.execute(
            "select sum(count_penalty) from case_stats where region_code like '32%' "
            "and period_month = date '2025-01-01' and domain_code = 'agriculture'"
        ).fetchone()
    finally:
        con.close()
    return f"{total:,}"


def read_a_page(tab, url: str, heading: str) -> None:
    tab.goto(url)
    wait_for_title(tab, heading)
    tab.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(timeout=120_000)
    assert errors_shown(tab) == [], url


@pytest.mark.slow
def test_readers_are_served_while_a_large_import_runs(sample_db, tmp_path, new_page):
    db = copy_database(sample_db, tmp_path / "enforcement.duckdb")
    upload = tmp_path / "江苏乡镇案件.csv"
    upload.write_bytes(large_case_file(db))
    before = penalties(db)
    loading, go = tmp_path / "loading", tmp_path / "go"
    with running_server(db, tmp_path) as server:
        tab, _ = new_page(origin=server.url)
        read_a_page(tab, server.url + CASES[0], CASES[1])
        assert metric_value(tab, "行政处罚") == before

        importing = start_script(PAUSED_IMPORT, tmp_path / "paused_import.py", loading, go, upload, db)
        with killed_at_exit(importing):
            wait_for_marker(importing, loading, 300, "the import never reached the load")
            # Half-way through the import: every page still reads the published version.
            for path, heading in READER_PAGES:
                read_a_page(tab, server.url + path, heading)
            assert metric_value(tab, "行政处罚") == before
            assert tab.get_by_text("示例数据: 本库的统计数字").count() == 1
            go.write_text("go")
            reads_while_finishing = 0
            while importing.poll() is None:
                path, heading = READER_PAGES[reads_while_finishing % len(READER_PAGES)]
                read_a_page(tab, server.url + path, heading)
                reads_while_finishing += 1
            out, err = importing.communicate(timeout=300)
        assert importing.returncode == 0, err.decode()
        assert "53,532" in out.decode() or "53532" in out.decode().replace(",", "")

        # The next run of a page shows the new figures; no restart.
        read_a_page(tab, server.url + CASES[0], CASES[1])
        assert metric_value(tab, "行政处罚") == penalties(db) != before
        assert tab.get_by_text("示例数据与上报数据混合").count() == 1
        assert "Traceback" not in server.log_text()


def test_an_unreadable_or_vanished_database_gives_a_page_that_says_what_to_do(sample_db, tmp_path, new_page):
    db = tmp_path / "enforcement.duckdb"
    junk = random.Random(6).randbytes(500_000)
    db.write_bytes(junk)
    with running_server(db, tmp_path) as server:
        tab, _ = new_page(origin=server.url)
        for path in ("/", "/milestones?region=371100", "/import"):
            tab.goto(server.url + path)
            settle(tab)
            alert = tab.get_by_test_id("stAlertContentError")
            alert.first.wait_for(timeout=120_000)
            text = alert.first.inner_text()
            assert "数据库文件无法读取" in text and f"python -m enforcement build --db {db}" in text
            assert tab.get_by_test_id("stException").count() == 0
            assert errors_shown(tab) == []
        shoot(tab, "fault_unreadable_database_1440")
        assert db.read_bytes() == junk
        assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".duckdb" or p.name.startswith(".")) == [
            "enforcement.duckdb"
        ]

        # The same path becomes a link to a version that was deleted: said so, and nothing is rebuilt.
        linked = copy_database(sample_db, tmp_path / "linked.duckdb")
        version = store.current_file(linked)
        db.unlink()
        os.symlink(version, db)
        version.unlink()
        tab.goto(server.url + "/cases")
        settle(tab)
        alert = tab.get_by_test_id("stAlertContentError")
        alert.first.wait_for(timeout=120_000)
        assert "指向的文件已不存在" in alert.first.inner_text()
        assert tab.get_by_test_id("stException").count() == 0
        shoot(tab, "fault_dangling_link_1440")
        assert db.is_symlink() and not os.path.exists(db)
        assert not (tmp_path / ".enforcement.duckdb.versions").exists()  # nothing was built behind the user's back
