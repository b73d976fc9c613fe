"""An import that fails or is killed in the middle of loading leaves the database exactly as it was."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from enforcement.storage import store
from enforcement.transfer import importer
from tests.process_support import killed_at_exit, start_script, wait_for_marker
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot

MONTHS = [f"2025-{m:02d}" for m in range(1, 7)]


@pytest.fixture()
def db(sample_db, tmp_path) -> Path:
    return copy_database(sample_db, tmp_path / "enforcement.duckdb")


def six_rows() -> bytes:
    return csv_file([CASE_HEADER, *(case_row(month=m, count_penalty=900 + i) for i, m in enumerate(MONTHS))])


def test_failure_after_half_the_rows_changes_nothing(db, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_ROWS", 2)
    original = importer._insert_batch
    batches = []

    def fail_on_second_batch(cursor, spec, batch, import_id):
        batches.append(len(batch))
        if len(batches) == 2:
            raise OSError("injected: disk full in the middle of the load")
        original(cursor, spec, batch, import_id)

    monkeypatch.setattr(importer, "_insert_batch", fail_on_second_batch)
    before = snapshot(db)
    with pytest.raises(OSError, match="injected"):
        importer.import_file(db, six_rows(), "half.csv", imported_by="test")
    assert batches == [2, 2]
    assert snapshot(db) == before  # same published file and contents, no leftover version, no kept upload


def test_failure_after_loading_changes_nothing(db, monkeypatch):
    def broken_meta(cursor, import_id):
        raise RuntimeError("injected: failure after every row was inserted")

    monkeypatch.setattr(importer, "_update_meta", broken_meta)
    before = snapshot(db)
    with pytest.raises(RuntimeError, match="injected"):
        importer.import_file(db, six_rows(), "late.csv", imported_by="test")
    assert snapshot(db) == before


KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from enforcement import cli
    from enforcement.transfer import importer

    marker = Path(sys.argv[1])
    original = importer._insert_batch

    def load_then_hang(*args, **kwargs):
        original(*args, **kwargs)
        marker.write_text("first batch inserted")
        time.sleep(600)

    importer.BATCH_ROWS = 2
    importer._insert_batch = load_then_hang
    sys.exit(cli.main(["import", sys.argv[2], "--db", sys.argv[3]]))
    """
)


@pytest.mark.slow
def test_a_process_killed_mid_import_leaves_the_database_as_it_was(db, tmp_path):
    upload = tmp_path / "killed.csv"
    upload.write_bytes(six_rows())
    marker = tmp_path / "marker"
    before = snapshot(db)
    process = start_script(KILLED_IMPORT, tmp_path / "killed_import.py", marker, upload, db)
    with killed_at_exit(process):
        wait_for_marker(process, marker, 240, "the import never reached the load")
        assert snapshot(db).current == before.current  # mid-load: readers still get the old version
    after = snapshot(db)
    assert (after.current, after.counts, after.meta, after.uploads) == (
        before.current,
        before.counts,
        before.meta,
        before.uploads,
    )
    # The writer lock died with the process: the next import goes through and is published.
    _, result = importer.import_file(db, six_rows(), "again.csv", imported_by="test")
    assert result.import_id == 1 and store.current_file(db) == result.version_file
