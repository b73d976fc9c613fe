"""Bring a clerk's file in: check every row, then load it all or nothing, while the app keeps serving.

``check_file`` reads and validates an upload against the current database and says what loading it would change.
``import_file`` does the same and, if the file is clean and changes something, loads it into a *new version* of the
database (store.new_version): a copy of the current file, written in one transaction and published by one atomic
link swap only when everything succeeded. So a file with any problem changes nothing, a process killed in the
middle leaves the old version in place, and readers (the app holds the current version open read-only) never see
half an import; the app resolves the link on every run and shows the new figures right after.

Loading is an upsert on the natural key: rows identical to stored reported rows are left alone (re-importing a file
changes nothing), other rows with a stored key replace the stored row (each kept typed in its dataset's replaced_* table, beside
the log entry with the file's checksum), new keys are inserted. Imported rows are reported figures (is_sample false)
carrying the import id. The original upload is kept under uploads/ beside the database (data/uploads/ for the
default database): written to uploads/.pending/ during the import and moved into uploads/ once the import is
published, so every file in uploads/ belongs to an import that happened; what a killed import left in .pending/
is removed (or, if its import was published after all, moved into place) by tidy() at the next start or import.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from enforcement.access.scope import Scope
from enforcement.i18n import t
from enforcement.storage import connect, rollups, store
from enforcement.storage.meta import META_HAS_IMPORTS, META_LAST_IMPORT
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import tabular, validation
from enforcement.transfer.datasets import Dataset
from enforcement.transfer.validation import CheckResult, Problem

MAX_BYTES = tabular.MAX_BYTES
BATCH_ROWS = 50_000  # rows per insert statement (all in one transaction)
# DuckDB's memory while loading (it spills beyond it): an import runs inside the app's process, beside every session.
LOAD_MEMORY_LIMIT = "512MB"
MAX_NAME_BYTES = 255  # a file name on Linux file systems, in bytes (UTF-8)
_STEM_BYTES = 120  # the original name's share of a kept upload's name (the rest: batch, checksum, suffix)


@dataclass(frozen=True)
class Changes:
    """What loading a file would do: rows new to the database, replacing stored rows, identical to stored rows."""

    inserted: int
    replaced: int
    unchanged: int

    @property
    def any(self) -> bool:
        return self.inserted + self.replaced > 0


@dataclass
class CheckedFile:
    """An upload after reading and checking: its problems, or its rows and what loading them would change."""

    file_name: str
    checksum: str
    size: int
    result: CheckResult
    encoding: str | None = None
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)
    changes: Changes | None = None

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems

    @property
    def dataset(self) -> Dataset | None:
        return self.result.dataset

    def without_rows(self) -> CheckedFile:
        """The outcome without the checked rows (none kept, columns kept): what a page shows and caches. A full sheet
        is a million rows, and importing checks the file again anyway."""
        if self.result.rows is None:
            return self
        return dataclasses.replace(self, result=dataclasses.replace(self.result, rows=self.result.rows.iloc[:0]))


@dataclass(frozen=True)
class ImportResult:
    dataset: str
    file_name: str
    checksum: str
    rows_in_file: int
    changes: Changes
    import_id: int | None = None  # None: nothing changed, so nothing was written or logged
    version_file: Path | None = None
    stored_path: Path | None = None


class ImportRejected(ValueError):
    """The file has problems; nothing was loaded. .checked holds the report."""

    def __init__(self, checked: CheckedFile):
        super().__init__(f"{checked.file_name}: {len(checked.problems)} 个问题, 未导入任何数据")
        self.checked = checked


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ----------------------------------------------------------------------------------------------- checking


def display_name(file_name: str) -> str:
    """The upload's name as kept in the log and shown: no folders, no control characters, at most 255 bytes."""
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip() or "upload"
    return _cut_bytes(name, MAX_NAME_BYTES)


def _cut_bytes(text: str, limit: int) -> str:
    """text cut to at most limit bytes of UTF-8, never in the middle of a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def check_file(
    data: bytes, file_name: str, runner: QueryRunner, lang: str = "zh", scope: Scope | None = None
) -> CheckedFile:
    """Read and check an upload against the database behind runner (read-only is enough). Never raises for bad input.

    lang: the language of the problems that reading the file raises (a file over a limit, an encoding, a sheet).
    scope: the importing account's region; rows outside its subtree are problems (the file then changes nothing).
    """
    file_name = display_name(file_name)
    checked = CheckedFile(file_name=file_name, checksum=checksum_of(data), size=len(data), result=CheckResult(None, []))
    try:
        table = tabular.read_table(data, file_name, validation.is_data_header)
    except tabular.TableError as error:
        problem = Problem(None, "", "", error.message(lang), shown=error.message(lang, markdown=True))
        checked.result = CheckResult(None, [problem])
        return checked
    checked.encoding, checked.sheet, checked.notes = table.encoding, table.sheet, table.notes
    if table.sheet is not None:
        checked.notes = [t("tab_sheet_read", lang, sheet=table.sheet), *table.notes]
    checked.result = validation.check(table, runner, scope, lang)
    del table  # the file's cells, no longer needed once checked (a full sheet: about 100 MB)
    if checked.ok:
        checked.changes = _changes(
            *_compare(runner, checked.dataset, _for_database(checked.dataset, checked.result.rows))
        )
    return checked


# ----------------------------------------------------------------------------------------------- comparing


def _for_database(spec: Dataset, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with their dates as datetime64, which DuckDB scans as a column (dates as Python objects it would
    read one by one)."""
    dates = {
        name: pd.to_datetime(rows[name])
        for name in rows.columns
        if name != "row_no" and spec.field(name).kind in ("month", "date")
    }
    return rows.assign(**dates)


def _compare(runner: QueryRunner, spec: Dataset, rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per uploaded row, in the file's order: (a row with its key is stored, that row is reported and equal)."""
    flags = runner.run(spec.import_queries.compare, frames={"incoming": rows})
    return flags["found"].to_numpy(dtype=bool), flags["same"].to_numpy(dtype=bool)


def _changes(found: np.ndarray, same: np.ndarray) -> Changes:
    return Changes(inserted=int((~found).sum()), replaced=int((found & ~same).sum()), unchanged=int(same.sum()))


# ----------------------------------------------------------------------------------------------- loading


def _insert_batch(runner: QueryRunner, spec: Dataset, batch: pd.DataFrame, import_id: int) -> None:
    runner.execute(spec.import_queries.insert, frames={"new_rows": batch}, import_id=import_id)


def _safe_stem(file_name: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", Path(file_name).stem, flags=re.UNICODE).strip("._")
    return _cut_bytes(stem, _STEM_BYTES).strip("._") or "upload"


def kept_name(import_id: int, checksum: str, file_name: str) -> str:
    """The name an upload is kept under: batch, checksum, the original name cut to fit 255 bytes, a known suffix."""
    suffix = Path(file_name).suffix.lower()
    suffix = suffix if suffix in (".csv", ".xlsx", ".txt", ".tsv") else ".bin"
    return f"{import_id:05d}_{checksum}_{_safe_stem(file_name)}{suffix}"


def _keep_upload(db_path: Path, import_id: int, checksum: str, file_name: str, data: bytes) -> Path:
    """Write the upload to uploads/.pending/ (moved into uploads/ by _settle_upload once the import is published)."""
    folder = store.pending_uploads_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / kept_name(import_id, checksum, file_name)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
    except FileNotFoundError:  # another import's clean-up removed the empty folder just now
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
    os.replace(partial, path)
    return path


def _settle_upload(db_path: Path, pending: Path) -> Path:
    final = store.uploads_dir(db_path) / pending.name
    os.replace(pending, final)
    with contextlib.suppress(OSError):  # left only while another import is at work
        pending.parent.rmdir()
    return final


def _drop_pending(pending: Path) -> None:
    pending.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        pending.parent.rmdir()


def tidy(db_path: Path, runner: QueryRunner | None = None) -> dict[str, list[str]]:
    """What killed imports left, recognised and removed: unpublished database versions, and uploads in .pending/
    whose import the current database does not record (an upload whose import it records is moved into place).

    Safe at any time: done only if no writer holds the lock. runner: on the current version (opened if None).
    Returns the names removed and settled.
    """
    db_path = Path(db_path)
    report: dict[str, list[str]] = {"versions": [], "uploads": [], "settled": []}
    current = store.current_file(db_path)
    if current is None or not current.is_file():
        return report
    with store.writer_lock(db_path, wait=False) as locked:
        if not locked:
            return report
        report["versions"] = [p.name for p in store._prune(db_path)]
        pending = store.pending_uploads_dir(db_path)
        if not pending.is_dir():
            return report
        if runner is not None:
            log = runner.run("import_history")
        else:
            con = connect.connect_readonly(current)
            try:
                log = QueryRunner(con).run("import_history")
            finally:
                con.close()
        recorded = {kept_name(int(r.import_id), r.checksum_sha256, r.file_name) for r in log.itertuples(index=False)}
        for path in pending.iterdir():
            if path.name in recorded:
                _settle_upload(db_path, path)
                report["settled"].append(path.name)
            elif path.is_file():
                path.unlink()
                report["uploads"].append(path.name)
        with contextlib.suppress(OSError):
            pending.rmdir()
    return report


class _NothingToChange(Exception):
    """Raised inside the new version to drop it: every row is already stored as it is."""


def _load(db_path: Path, checked: CheckedFile, data: bytes, imported_by: str) -> ImportResult:
    spec, rows = checked.dataset, _for_database(checked.dataset, checked.result.rows)
    stored_path: Path | None = None
    outcome: dict[str, object] = {}
    try:
        with store.new_version(db_path, copy_current=True, memory_limit=LOAD_MEMORY_LIMIT) as writer:
            with writer.transaction() as tx:
                import_id = int(tx.scalar("next_import_id"))
                found, same = _compare(tx, spec, rows)
                changes = _changes(found, same)
                if not changes.any:
                    raise _NothingToChange
                kept = store.uploads_dir(db_path) / kept_name(import_id, checked.checksum, checked.file_name)
                # The log first: the replaced rows kept below refer to it. The upload is written last, after the rows.
                tx.execute(
                    "insert_import_log",
                    import_id=import_id,
                    imported_at=dt.datetime.now().replace(microsecond=0),
                    dataset=spec.key,
                    file_name=checked.file_name,
                    stored_path=str(kept.relative_to(Path(db_path).parent)),
                    checksum_sha256=checked.checksum,
                    rows_in_file=checked.result.rows_in_file,
                    rows_inserted=changes.inserted,
                    rows_replaced=changes.replaced,
                    rows_unchanged=changes.unchanged,
                    imported_by=imported_by,
                )
                changed = rows if not same.any() else rows[~same]
                queries = spec.import_queries
                if changes.replaced:
                    # The stored rows go to the dataset's replaced_* table before they are deleted.
                    tx.execute(queries.archive, frames={"changed_rows": changed}, import_id=import_id)
                    tx.execute(queries.delete, frames={"changed_rows": changed})
                for start in range(0, len(changed), BATCH_ROWS):
                    _insert_batch(tx, spec, changed.iloc[start : start + BATCH_ROWS], import_id)
                stored_path = _keep_upload(db_path, import_id, checked.checksum, checked.file_name, data)
                _update_meta(tx, import_id)
            # Only the provinces whose figures changed (a full rebuild at national scale takes ~20 s); progress
            # reports feed no monthly rollup, and the milestone tables are rebuilt whole either way.
            touched = [] if spec.key == "progress" else changed["region_code"].unique().tolist()
            # only the fact table this dataset loads (cases, training) is rolled up again; targets and milestones
            # change the judgement alone
            rollups.refresh(writer, touched, sources=[spec.rollup_source] if spec.rollup_source else [])
            outcome.update(import_id=import_id, changes=changes)
    except _NothingToChange:
        return ImportResult(
            spec.key, checked.file_name, checked.checksum, checked.result.rows_in_file, Changes(0, 0, len(rows))
        )
    except BaseException:
        if stored_path is not None:
            _drop_pending(stored_path)
        raise
    stored_path = _settle_upload(db_path, stored_path)
    return ImportResult(
        dataset=spec.key,
        file_name=checked.file_name,
        checksum=checked.checksum,
        rows_in_file=checked.result.rows_in_file,
        changes=outcome["changes"],
        import_id=outcome["import_id"],
        version_file=store.current_file(db_path),
        stored_path=stored_path,
    )


def _update_meta(runner: QueryRunner, import_id: int) -> None:
    remain = bool(runner.scalar("sample_rows_remain"))
    facts = {
        # Sample stays true while any generated row remains: the banner must not claim the data is real.
        "is_sample": "true" if remain else "false",
        META_HAS_IMPORTS: "true",
        META_LAST_IMPORT: str(import_id),
        "data_version": f"{dt.datetime.now():%Y%m%d%H%M%S}-i{import_id}",
    }
    for key, value in facts.items():
        runner.execute("insert_meta", key=key, value=value)


def import_file(
    db_path: Path,
    data: bytes,
    file_name: str,
    imported_by: str,
    runner: QueryRunner | None = None,
    lang: str = "zh",
    scope: Scope | None = None,
) -> tuple[CheckedFile, ImportResult]:
    """Check an upload and, if it has no problems, load it (all or nothing) into a new version of the database.

    runner: on a read-only connection to the current version, for the check (the app passes its own); opened if None.
    scope: the importing account's region (see check_file); None for the command line.
    Raises ImportRejected (with the report) if the file has any problem; nothing is written then.
    """
    db_path = Path(db_path)
    current = store.current_file(db_path)
    if current is None:
        raise FileNotFoundError(f"数据库不存在: {db_path}")
    own = runner is None
    runner = QueryRunner(connect.connect_readonly(current)) if own else runner
    try:
        checked = check_file(data, file_name, runner, lang, scope)
    finally:
        if own:
            runner.connection.close()
    if not checked.ok:
        raise ImportRejected(checked)
    if not checked.changes.any:
        unchanged = ImportResult(
            checked.dataset.key, checked.file_name, checked.checksum, checked.result.rows_in_file, checked.changes
        )
        return checked, unchanged
    tidy(db_path)
    return checked, _load(db_path, checked, data, imported_by)


def replaced_rows_page(runner: QueryRunner, import_id: int, page: int, page_size: int = 100) -> pd.DataFrame:
    """One page (from 0) of the rows an import replaced: the file row that replaced each, its key, its columns."""
    stored = runner.run("import_replaced_rows", import_id=import_id, page_size=page_size, page_offset=page * page_size)
    if stored.empty:
        return pd.DataFrame()
    values = pd.read_json(io.StringIO("\n".join(stored["row_json"])), lines=True, dtype=False)
    return pd.concat([stored[["replaced_by_row", "row_key"]].reset_index(drop=True), values], axis=1)
