"""The command line under careless use and a hostile environment, and what killed imports leave behind.

Every failure is one line on stderr, never a traceback, with the exit status that says whose problem it is:
1 the file has problems, 2 bad usage, 3 the environment (database missing, damaged, read-only, a full disk, an
--out that is a folder or a device). A failed command leaves no lock, version folder or partial file behind.
Orphans of killed imports (unpublished versions, uploads without an import record) are removed at the next start or
import, and retention keeps the current and the previous published versions whatever else is in the folder.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest

from enforcement import cli
from enforcement.storage import sample, store
from enforcement.transfer import importer
from tests.process_support import killed_at_exit, start_script, wait_for_marker
from tests.test_build_and_cli import run_cli
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, fingerprint, snapshot


@pytest.fixture()
def db(sample_db, tmp_path) -> Path:
    return copy_database(sample_db, tmp_path / "db" / "enforcement.duckdb")


def one_line(result: subprocess.CompletedProcess, status: int, text: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == status, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert text in result.stderr, result.stderr
    if status != cli.EXIT_REJECTED:
        assert len(lines) == 1 or status == cli.EXIT_USAGE and lines[-1].startswith("python -m"), lines


def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.csv"
    path.write_bytes(csv_file([CASE_HEADER, case_row(count_penalty=55)]))
    return path


# ----------------------------------------------------------------------------------------------- exit statuses


def test_usage_errors_are_status_2(db, tmp_path):
    one_line(run_cli("import", str(tmp_path / "missing.csv"), "--db", str(db)), 2, "文件不存在")
    one_line(run_cli("import", "/dev/zero", "--db", str(db)), 2, "不是普通文件")
    one_line(run_cli("import", str(tmp_path), "--db", str(db)), 2, "不是普通文件")
    one_line(
        run_cli("export", "cases", "--region", "999999", "--out", str(tmp_path / "x.csv"), "--db", str(db)),
        2,
        "地区代码 999999 不存在",
    )
    one_line(
        run_cli("export", "cases", "--out", str(tmp_path / "no" / "x.csv"), "--db", str(db)), 2, "输出文件夹不存在"
    )
    assert run_cli("export", "cases", "--from", "2025-13", "--out", "x.csv").returncode == 2
    assert run_cli("import").returncode == 2


def test_a_file_with_problems_is_status_1(db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_file([CASE_HEADER, case_row(count_penalty="1,5")]))
    one_line(run_cli("import", str(bad), "--db", str(db)), 1, "千位分隔符")
    english = run_cli("import", str(bad), "--db", str(db), "--lang", "en")
    assert english.returncode == 1 and "Problems in bad.csv: 1; nothing was imported" in english.stderr


@pytest.mark.parametrize("content", [b"", b"\x00garbage" * 700, b"SQLite format 3\x00" + b"\x01" * 4000])
def test_a_damaged_or_empty_database_is_status_3(tmp_path, content):
    bad_db = tmp_path / "bad.duckdb"
    bad_db.write_bytes(content)
    for args in (("import", str(good_file(tmp_path))), ("export", "cases", "--out", str(tmp_path / "o.csv"))):
        one_line(run_cli(*args, "--db", str(bad_db)), 3, "数据库文件无法读取")
    assert bad_db.read_bytes() == content  # never overwritten or "repaired"
    assert not (tmp_path / "o.csv").exists()


def test_a_missing_database_and_a_folder_are_status_3(tmp_path):
    one_line(run_cli("import", str(good_file(tmp_path)), "--db", str(tmp_path / "none.duckdb")), 3, "数据库不存在")
    folder = tmp_path / "parquet"
    folder.mkdir()
    (folder / "dataset.json").write_text("{}")
    one_line(run_cli("import", str(good_file(tmp_path)), "--db", str(folder)), 3, "Parquet")
    one_line(run_cli("build", "--db", str(folder)), 3, "Parquet")
    assert sorted(p.name for p in folder.iterdir()) == ["dataset.json"]  # the dataset was not moved aside
    assert not list(tmp_path.glob(".parquet.*"))


def test_an_out_that_is_a_folder_or_a_device_is_refused_and_left_as_it_is(db, tmp_path):
    one_line(run_cli("export", "cases", "--out", str(tmp_path), "--db", str(db)), 3, "不是普通文件")
    one_line(run_cli("export", "cases", "--out", "/dev/full", "--db", str(db)), 3, "不是普通文件")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # still the device, not a regular file
    one_line(run_cli("export", "cases", "--out", "/dev/null", "--format", "xlsx", "--db", str(db)), 3, "不是普通文件")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    report = run_cli("import", str(good_file(tmp_path)), "--report", "/dev/full", "--db", str(db))
    one_line(report, 3, "不是普通文件")


def _main(capsys, *args) -> tuple[int, str]:
    status = cli.main(list(args))
    return status, capsys.readouterr().err


def test_a_full_disk_is_status_3_and_leaves_nothing(db, tmp_path, monkeypatch, capsys):
    before, prints = snapshot(db), fingerprint(db)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(store.versions_dir(db) / "x.duckdb"))

    monkeypatch.setattr(shutil, "copyfile", full)
    status, err = _main(capsys, "import", str(good_file(tmp_path)), "--db", str(db))
    assert status == 3 and "磁盘已满" in err and len(err.strip().splitlines()) == 1
    assert snapshot(db) == before and fingerprint(db) == prints


def test_a_read_only_folder_is_status_3(db, tmp_path, monkeypatch, capsys):
    # Root ignores permission bits, so the refusal the kernel gives a clerk's account is injected where it happens.
    def read_only(path, wait=True):
        raise PermissionError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(store, "_file_lock", read_only)
    status, err = _main(capsys, "import", str(good_file(tmp_path)), "--db", str(db))
    assert status == 3 and "无法写入" in err and "Read-only file system" in err
    status, err = _main(capsys, "build", "--db", str(tmp_path / "new" / "x.duckdb"))
    assert status == 3 and "无法写入" in err


def test_a_failed_first_build_leaves_no_lock_and_no_versions_folder(tmp_path, monkeypatch, capsys):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sample, "generate_statistics", full)
    target = tmp_path / "fresh" / "x.duckdb"
    status, err = _main(capsys, "build", "--db", str(target))
    assert status == 3 and "磁盘已满" in err
    assert not list(target.parent.iterdir())


def test_an_internal_error_is_one_line_with_status_4(db, tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(importer, "check_file", broken)
    status, err = _main(capsys, "import", str(good_file(tmp_path)), "--db", str(db), "--dry-run")
    assert status == 4 and "内部错误" in err and len(err.strip().splitlines()) == 1


# ----------------------------------------------------------------------------------------------- orphans, retention


def _versions(db: Path) -> set[str]:
    return {p.name for p in store.versions_dir(db).iterdir()}


def test_retention_keeps_the_current_and_the_previous_version_not_the_newest_orphans(db, tmp_path):
    _, first = importer.import_file(db, csv_file([CASE_HEADER, case_row(count_penalty=1)]), "1.csv", imported_by="t")
    # What killed imports leave: newer version files (and a WAL) that were never published.
    for i in range(3):
        orphan = store.versions_dir(db) / f"29991231T000000-00000000{i}-999{i}.duckdb"
        orphan.write_bytes(b"half a database")
        Path(f"{orphan}.wal").write_bytes(b"wal")
    _, second = importer.import_file(db, csv_file([CASE_HEADER, case_row(count_penalty=2)]), "2.csv", imported_by="t")
    assert _versions(db) == {first.version_file.name, second.version_file.name}
    assert Path(os.path.realpath(store.previous_link(db))) == first.version_file
    _, third = importer.import_file(db, csv_file([CASE_HEADER, case_row(count_penalty=3)]), "3.csv", imported_by="t")
    assert _versions(db) == {second.version_file.name, third.version_file.name}


def test_tidy_removes_unrecorded_uploads_and_settles_recorded_ones(db, tmp_path):
    data = csv_file([CASE_HEADER, case_row(count_penalty=9)])
    _, result = importer.import_file(db, data, "上报.csv", imported_by="t")
    # As if the process died after publishing and before moving the upload into place:
    pending = store.pending_uploads_dir(db)
    pending.mkdir()
    os.replace(result.stored_path, pending / result.stored_path.name)
    # and as if another import died before publishing (its upload and its version never recorded):
    stray = pending / importer.kept_name(2, "f" * 64, "没导入的.csv")
    stray.write_bytes(b"x" * 1000)
    (pending / ".00002_x.csv.partial").write_bytes(b"half")
    orphan = store.versions_dir(db) / "29991231T000000-000000001-9999.duckdb"
    orphan.write_bytes(b"half a database")
    report = importer.tidy(db)
    assert report["settled"] == [result.stored_path.name]
    assert sorted(report["uploads"]) == sorted([stray.name, ".00002_x.csv.partial"])
    assert report["versions"] == [orphan.name]
    assert result.stored_path.read_bytes() == data and not pending.exists()
    assert sorted(p.name for p in store.uploads_dir(db).iterdir()) == [result.stored_path.name]


KILLED_AFTER_UPLOAD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from enforcement import cli
    from enforcement.transfer import importer

    marker = Path(sys.argv[1])

    def hang(*args, **kwargs):
        marker.write_text("every row inserted, the upload written")
        time.sleep(600)

    importer._update_meta = hang
    sys.exit(cli.main(["import", sys.argv[2], "--db", sys.argv[3]]))
    """
)


@pytest.mark.slow
def test_after_a_kill_the_next_import_removes_the_orphans_and_keeps_the_previous_version(db, tmp_path):
    _, first = importer.import_file(db, csv_file([CASE_HEADER, case_row(count_penalty=1)]), "1.csv", imported_by="t")
    upload = tmp_path / "killed.csv"
    upload.write_bytes(csv_file([CASE_HEADER, case_row(count_penalty=7)]))
    marker = tmp_path / "marker"
    before = snapshot(db)
    process = start_script(KILLED_AFTER_UPLOAD, tmp_path / "killed.py", marker, upload, db)
    with killed_at_exit(process):
        wait_for_marker(process, marker, 240, "the import never wrote its upload")
    left = snapshot(db)
    assert left.current == before.current and left.uploads - {".pending"} == before.uploads  # only .pending new
    assert len(left.versions) > len(before.versions) and any(store.pending_uploads_dir(db).iterdir())
    _, second = importer.import_file(db, csv_file([CASE_HEADER, case_row(count_penalty=2)]), "2.csv", imported_by="t")
    assert _versions(db) == {first.version_file.name, second.version_file.name}
    assert not store.pending_uploads_dir(db).exists()
    assert sorted(p.name for p in store.uploads_dir(db).iterdir()) == sorted(
        [first.stored_path.name, second.stored_path.name]
    )
