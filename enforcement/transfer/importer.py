"""Bring a clerk's file in: check every row, then load it all or nothing, while the app keeps serving.

``check_file`` reads and validates an upload against the current database and says what loading it would change.
``import_file`` does the same and, if the file is clean and changes something, loads it into a *new version* of the
database (store.new_version): a copy of the current file, written in one transaction and published by one atomic
link swap only when everything succeeded. So a file with any problem changes nothing, a process killed in the
middle leaves the old version in place, and readers (the app holds the current version open read-only) never see
half an import; the app resolves the link on every run and shows the new figures right after.

Loading is an upsert on the natural key: rows identical to stored reported rows are left alone (re-importing a file
changes nothing), other rows with a stored key replace the stored row (kept as JSON in the import log beside the
file's checksum), new keys are inserted. Imported rows are reported figures (is_sample false) carrying the import id.
The original upload is kept under uploads/ beside the database (data/uploads/ for the default database).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from enforcement.access.scope import Scope
from enforcement.storage import connect, rollups, store
from enforcement.storage.meta import META_HAS_IMPORTS, META_LAST_IMPORT
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import tabular, validation
from enforcement.transfer.datasets import Dataset
from enforcement.transfer.validation import CheckResult, Problem

MAX_BYTES = tabular.MAX_BYTES
BATCH_ROWS = 50_000  # rows per insert statement (all in one transaction)


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


def check_file(data: bytes, file_name: str, runner: QueryRunner, scope: Scope | None = None) -> CheckedFile:
    """Read and check an upload against the database behind runner (read-only is enough). Never raises for bad input.

    scope: the importing account's region; rows outside its subtree are problems (the file then changes nothing).
    """
    checked = CheckedFile(file_name=file_name, checksum=checksum_of(data), size=len(data), result=CheckResult(None, []))
    try:
        table = tabular.read_table(data, file_name, validation.is_header)
    except tabular.TableError as error:
        checked.result = CheckResult(None, [Problem(None, "", "", str(error))])
        return checked
    checked.encoding, checked.sheet, checked.notes = table.encoding, table.sheet, table.notes
    checked.result = validation.check(table, runner, scope)
    if checked.ok:
        existing = _existing(runner, checked.dataset, checked.result.rows)
        new_rows, replaced, unchanged = _classify(checked.dataset, checked.result.rows, existing)
        checked.changes = Changes(inserted=len(new_rows) - len(replaced), replaced=len(replaced), unchanged=unchanged)
    return checked


# ----------------------------------------------------------------------------------------------- comparing


def _plain(value: object) -> object:
    """A stored value in a JSON-friendly form (dates as date, numpy scalars as Python numbers, missing as None)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


def _comparable(spec: Dataset, frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The columns in one form for both sides: dates as dates, numbers as floats rounded, text as text or None."""
    out = pd.DataFrame(index=frame.index)
    for name in columns:
        kind = spec.field(name).kind
        column = frame[name]
        if kind in ("month", "date"):
            out[name] = pd.to_datetime(column).dt.strftime("%Y-%m-%d")
        elif kind in ("count", "percent", "hours"):
            out[name] = pd.to_numeric(column).astype("float64").round(6)
        else:
            out[name] = column.astype(object).where(column.notna(), None)
    return out


def _existing(runner: QueryRunner, spec: Dataset, rows: pd.DataFrame) -> pd.DataFrame:
    keys = rows[list(spec.key_columns)]
    return runner.run(spec.import_queries.existing, frames={"incoming_keys": keys})


def _classify(spec: Dataset, incoming: pd.DataFrame, existing: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(rows to insert, stored rows they replace, count of rows identical to stored reported rows).

    A stored sample row is replaced even if its figures are the same: the upload makes them reported figures.
    """
    keys = list(spec.key_columns)
    values = [c for c in spec.value_columns if c not in keys]
    ours = _comparable(spec, incoming, keys + values)
    theirs = _comparable(spec, existing, keys + values).assign(
        _stored=True, _sample=existing["is_sample"].astype(bool), _position=range(len(existing))
    )
    # One stored row per key (the table has no unique index; duplicates would misalign the comparison).
    unique = theirs.drop_duplicates(subset=keys)
    merged = ours.reset_index(drop=True).merge(unique, on=keys, how="left", suffixes=("", "_stored"))
    found = merged["_stored"].eq(True).to_numpy()
    same = found & ~merged["_sample"].fillna(True).astype(bool).to_numpy()
    for name in values:
        mine, stored = merged[name], merged[f"{name}_stored"]
        same &= ((mine == stored) | (mine.isna() & stored.isna())).fillna(False).to_numpy(dtype=bool)
    replaced_keys = merged.loc[found & ~same, keys]
    replaced_positions = theirs.merge(replaced_keys, on=keys)["_position"].tolist()
    return incoming.iloc[~same], existing.iloc[sorted(replaced_positions)], int(same.sum())


def _replaced_json(replaced: pd.DataFrame) -> str | None:
    if replaced.empty:
        return None
    records = [{column: _json_value(value) for column, value in row.items()} for row in replaced.to_dict("records")]
    return json.dumps(records, ensure_ascii=False)


def _json_value(value: object) -> object:
    plain = _plain(value)
    return plain.isoformat() if isinstance(plain, dt.date) else plain


# ----------------------------------------------------------------------------------------------- loading


def _insert_batch(runner: QueryRunner, spec: Dataset, batch: pd.DataFrame, import_id: int) -> None:
    runner.execute(spec.import_queries.insert, frames={"new_rows": batch}, import_id=import_id)


def _safe_stem(file_name: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", Path(file_name).stem, flags=re.UNICODE).strip("._")
    return stem[:60] or "upload"


def _keep_upload(db_path: Path, import_id: int, checksum: str, file_name: str, data: bytes) -> Path:
    folder = store.uploads_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = Path(file_name).suffix.lower()
    suffix = suffix if suffix in (".csv", ".xlsx", ".txt", ".tsv") else ".bin"
    path = folder / f"{import_id:05d}_{checksum}_{_safe_stem(file_name)}{suffix}"
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
    return path


class _NothingToChange(Exception):
    """Raised inside the new version to drop it: every row is already stored as it is."""


def _load(db_path: Path, checked: CheckedFile, data: bytes, imported_by: str) -> ImportResult:
    spec, rows = checked.dataset, checked.result.rows
    stored_path: Path | None = None
    outcome: dict[str, object] = {}
    try:
        with store.new_version(db_path, copy_current=True) as writer:
            with writer.transaction() as tx:
                import_id = int(tx.scalar("next_import_id"))
                existing = _existing(tx, spec, rows)
                new_rows, replaced, unchanged = _classify(spec, rows, existing)
                changes = Changes(len(new_rows) - len(replaced), len(replaced), unchanged)
                if not changes.any:
                    raise _NothingToChange
                if not replaced.empty:
                    tx.execute(spec.import_queries.delete, frames={"replaced_keys": replaced[list(spec.key_columns)]})
                for start in range(0, len(new_rows), BATCH_ROWS):
                    _insert_batch(tx, spec, new_rows.iloc[start : start + BATCH_ROWS], import_id)
                stored_path = _keep_upload(db_path, import_id, checked.checksum, checked.file_name, data)
                tx.execute(
                    "insert_import_log",
                    import_id=import_id,
                    imported_at=dt.datetime.now().replace(microsecond=0),
                    dataset=spec.key,
                    file_name=checked.file_name,
                    stored_path=str(stored_path.relative_to(Path(db_path).parent)),
                    checksum_sha256=checked.checksum,
                    rows_in_file=checked.result.rows_in_file,
                    rows_inserted=changes.inserted,
                    rows_replaced=changes.replaced,
                    rows_unchanged=changes.unchanged,
                    replaced_rows_json=_replaced_json(replaced),
                    imported_by=imported_by,
                )
                _update_meta(tx, import_id)
            rollups.refresh(writer)
            outcome.update(import_id=import_id, changes=changes)
    except _NothingToChange:
        return ImportResult(
            spec.key, checked.file_name, checked.checksum, checked.result.rows_in_file, Changes(0, 0, len(rows))
        )
    except BaseException:
        if stored_path is not None:
            stored_path.unlink(missing_ok=True)
        raise
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
        checked = check_file(data, file_name, runner, scope)
    finally:
        if own:
            runner.connection.close()
    if not checked.ok:
        raise ImportRejected(checked)
    if not checked.changes.any:
        unchanged = ImportResult(
            checked.dataset.key, file_name, checked.checksum, checked.result.rows_in_file, checked.changes
        )
        return checked, unchanged
    return checked, _load(db_path, checked, data, imported_by)


def replaced_rows_frame(replaced_rows_json: str | None) -> pd.DataFrame:
    """The rows an import replaced, from the JSON its log entry keeps."""
    if not replaced_rows_json:
        return pd.DataFrame()
    return pd.DataFrame(json.loads(replaced_rows_json))
