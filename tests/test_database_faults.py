"""A database file that is damaged, gone or from an older version: a page that says what to do, never a traceback,
and never a silent replacement of a file the app cannot read. Only a path with nothing behind it is built (first run).
"""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from enforcement.i18n import t
from enforcement.storage import build, health, store
from enforcement.transfer import importer
from tests.conftest import PROJECT
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot


def run_page(db: Path, monkeypatch, page: str = "app.py", timeout: int = 120) -> AppTest:
    monkeypatch.setenv(store.ENV_VAR, str(db))
    at = AppTest.from_file(str(PROJECT / page), default_timeout=timeout)
    return at.run()


def texts(at: AppTest, kind: str) -> list[str]:
    return [element.value for element in getattr(at, kind)]


def folder_listing(folder: Path) -> dict[str, int]:
    """Every file under folder (links as links) with its size: what must not change when the app refuses a file."""
    out = {}
    for path in sorted(folder.rglob("*")):
        out[str(path.relative_to(folder))] = -1 if path.is_symlink() else path.stat().st_size
    return out


def set_schema_version(db: Path, version: str) -> None:
    con = duckdb.connect(str(store.current_file(db)))
    try:
        con.execute("update meta set value = ? where key = 'schema_version'", [version])
    finally:
        con.close()


# ----------------------------------------------------------------------------------------------- unreadable files


@pytest.mark.parametrize("page", ["app.py", "pages/4_cases.py", "pages/7_import.py"])
def test_random_bytes_give_a_rebuild_page_and_the_file_is_kept(tmp_path, monkeypatch, page):
    db = tmp_path / "enforcement.duckdb"
    junk = random.Random(6).randbytes(300_000)
    db.write_bytes(junk)
    before = folder_listing(tmp_path)
    at = run_page(db, monkeypatch, page)
    assert not at.exception
    [message] = texts(at, "error")
    assert "数据库文件无法读取" in message and str(db) in message
    assert f"python -m enforcement build --db {db}" in message
    assert db.read_bytes() == junk and folder_listing(tmp_path) == before


def test_a_link_to_a_deleted_version_is_not_rebuilt_behind_the_users_back(sample_db, tmp_path, monkeypatch):
    db = copy_database(sample_db, tmp_path / "enforcement.duckdb")
    store.current_file(db).unlink()
    before = folder_listing(tmp_path)
    at = run_page(db, monkeypatch)
    assert not at.exception
    [message] = texts(at, "error")
    assert "指向的文件已不存在" in message and "python -m enforcement build --db" in message
    assert db.is_symlink() and store.current_file(db) is None
    assert folder_listing(tmp_path) == before  # no new version was built


def test_a_duckdb_file_of_another_application(tmp_path, monkeypatch):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create table notes (body varchar)")
    con.close()
    at = run_page(db, monkeypatch, "pages/5_regions.py")
    assert not at.exception
    assert any("数据库文件无法读取" in message for message in texts(at, "error"))


def test_a_file_damaged_in_the_middle_says_so_where_a_query_fails(sample_db, tmp_path, monkeypatch):
    """The first pages (meta) read fine, the statistics blocks fail their checksums: still a page, not a traceback."""
    db = tmp_path / "damaged.duckdb"
    shutil.copyfile(store.current_file(sample_db), db)
    size = db.stat().st_size
    noise = random.Random(7)
    with open(db, "r+b") as handle:
        for tenth in range(1, 10):
            handle.seek(size * tenth // 10)
            handle.write(noise.randbytes(262_144))
    at = run_page(db, monkeypatch, "pages/4_cases.py")
    assert not at.exception
    assert any("数据库文件无法读取" in message for message in texts(at, "error"))


def test_nothing_at_the_path_is_the_first_run_and_builds(tmp_path, monkeypatch):
    """The first run builds the database, its progress bar told every stage of the real build in order (each
    stage's text drawn by the page as it begins), and the bar is gone once the page is drawn."""
    told = []
    real_build = build.build

    def watched(path, on_stage=None, **options):
        def relay(stage: str) -> None:
            told.append(stage)
            on_stage(stage)  # the page's bar: a stage without its text would raise here

        return real_build(path, on_stage=relay, **options)

    monkeypatch.setattr(build, "build", watched)
    db = tmp_path / "new" / "enforcement.duckdb"
    at = run_page(db, monkeypatch, "pages/2_ledger.py", timeout=300)
    assert not at.exception and not texts(at, "error")
    assert build.schema_version_of(store.current_file(db)) == build.SCHEMA_VERSION
    assert at.title[0].value.startswith("任务台账")
    assert told == list(build.BUILD_STAGES)
    assert not at.get("progress")


def test_build_stages_rise_and_are_named_in_both_languages():
    shares = list(build.BUILD_STAGES.values())
    assert shares[0] == 0 and shares[-1] < 1 and all(a < b for a, b in zip(shares, shares[1:], strict=False))
    for stage in build.BUILD_STAGES:
        zh, en = t(f"db_stage_{stage}", "zh"), t(f"db_stage_{stage}", "en")
        assert re.search(r"[\u4e00-\u9fff]", zh) and not re.search(r"[\u4e00-\u9fff]", en), stage
        shown = t("db_building_stage", "en", step=1, steps=len(shares), stage=en)
        assert shown.endswith(f"step 1 of {len(shares)}: {en}…")


def test_file_states():
    assert health.file_state(Path("/nonexistent/enforcement.duckdb")).kind == "absent"
    assert health.file_state(Path("/")).kind == "not_a_file"
    assert health.is_damage(duckdb.IOException("IO Error: not a valid DuckDB database file"))
    assert health.is_damage(duckdb.Error("Corrupt database file: computed checksum 1 does not match"))
    assert not health.is_damage(duckdb.BinderException("Referenced column x not found"))


# ----------------------------------------------------------------------------------------------- older schema


def test_rebuild_is_safe_only_for_pure_sample_data():
    assert health.rebuild_is_safe({"is_sample": "true"})
    assert health.rebuild_is_safe({"is_sample": "true", "has_imports": "false"})
    assert not health.rebuild_is_safe({"is_sample": "true", "has_imports": "true"})
    assert not health.rebuild_is_safe({"is_sample": "true", "last_import_id": "3"})
    assert not health.rebuild_is_safe({"is_sample": "false"})
    assert not health.rebuild_is_safe({})


@pytest.mark.slow
def test_an_older_sample_database_is_rebuilt_with_one_click(sample_db, tmp_path, monkeypatch):
    db = copy_database(sample_db, tmp_path / "enforcement.duckdb")
    set_schema_version(db, "2")
    old = store.current_file(db)
    at = run_page(db, monkeypatch, "pages/1_milestones.py", timeout=300)
    assert not at.exception
    [message] = texts(at, "error")
    assert "由旧版本程序构建 (结构版本 2, 本程序需要 " + build.SCHEMA_VERSION in message
    assert any("不会丢失任何数据" in info for info in texts(at, "info"))
    at.button(key="db_rebuild").click().run()
    assert not at.exception and not texts(at, "error")
    assert store.current_file(db) != old
    assert build.schema_version_of(store.current_file(db)) == build.SCHEMA_VERSION
    assert at.title[0].value.startswith("里程碑")


@pytest.mark.slow
def test_an_older_database_with_imports_is_explained_and_left_alone(sample_db, tmp_path, monkeypatch):
    db = copy_database(sample_db, tmp_path / "enforcement.duckdb")
    importer.import_file(db, csv_file([CASE_HEADER, case_row(count_penalty=71)]), "玄武区.csv", imported_by="test")
    set_schema_version(db, "2")
    before = snapshot(db)
    at = run_page(db, monkeypatch)
    assert not at.exception
    assert any("由旧版本程序构建" in message for message in texts(at, "error"))
    [advice] = texts(at, "warning")
    assert "重新构建会丢失这些数据" in advice and str(store.uploads_dir(db)) in advice
    assert "python -m enforcement import FILE --db" in advice
    assert [b for b in at.button if b.key == "db_rebuild"] == []
    assert snapshot(db) == before
    # A stale button (another tab opened before the import) cannot drop the imports either.
    with pytest.raises(ValueError, match="imported data"):
        health.rebuild_sample(db, store.current_file(db))
    assert snapshot(db) == before


def test_the_command_names_the_database_unless_it_is_the_default(tmp_path):
    assert health.build_command(store.DEFAULT_DB) == "python -m enforcement build"
    assert health.build_command(tmp_path / "x.duckdb") == f"python -m enforcement build --db {tmp_path / 'x.duckdb'}"
    assert (
        health.build_command(Path("/srv/my data/x.duckdb"))
        == "python -m enforcement build --db '/srv/my data/x.duckdb'"
    )
    assert os.fspath(store.DEFAULT_DB).endswith("data/enforcement.duckdb")
