"""Where the database lives, and how a new version of it replaces the old one atomically.

The database path the user names (``--db``, ``ENFORCEMENT_DB`` or ``data/enforcement.duckdb``) is a symbolic
link to a versioned file in a hidden folder beside it. Writers (build, import) never touch the file readers hold:
they write a new version, close it, and swing the link with one ``os.replace``. Readers keep their open version
until they next resolve the link. This is how an import works while the app holds the current file open
read-only (DuckDB's file lock would stop a second process from writing it), and why a writer that dies leaves
the database as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from enforcement.storage.runner import QueryRunner

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_DB = PROJECT_DIR / "data" / "enforcement.duckdb"
ENV_VAR = "ENFORCEMENT_DB"
# A Parquet dataset folder (see parquet.py) to serve instead of a database file; read-only.
PARQUET_ENV_VAR = "ENFORCEMENT_PARQUET"
KEEP_VERSIONS = 3


def database_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The database the user means: --db, else $ENFORCEMENT_PARQUET, else $ENFORCEMENT_DB, else data/enforcement.duckdb."""
    chosen = cli_value or os.environ.get(PARQUET_ENV_VAR) or os.environ.get(ENV_VAR) or DEFAULT_DB
    return Path(chosen).expanduser().absolute()


def uploads_dir(db_path: Path) -> Path:
    """Where uploads are kept: uploads/ beside the database (data/uploads/ for the default one)."""
    return Path(db_path).parent / "uploads"


def versions_dir(db_path: Path) -> Path:
    return db_path.parent / f".{db_path.name}.versions"


def current_file(db_path: Path) -> Path | None:
    """The file (or Parquet dataset folder) the path resolves to now, or None if there is no database yet."""
    resolved = Path(os.path.realpath(db_path))
    return resolved if resolved.is_file() or (resolved / "dataset.json").is_file() else None


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def writer_lock(db_path: Path) -> contextlib.AbstractContextManager[None]:
    """One writer at a time per database (two imports, or an import during a build)."""
    return _file_lock(db_path.parent / f".{db_path.name}.lock")


def first_build_lock(db_path: Path) -> contextlib.AbstractContextManager[None]:
    """Held while deciding whether the first run must build, so two sessions do not both build."""
    return _file_lock(db_path.parent / f".{db_path.name}.first-build.lock")


def _new_version_path(db_path: Path) -> Path:
    folder = versions_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    return folder / f"{stamp}-{time.monotonic_ns() % 10**9:09d}-{os.getpid()}.duckdb"


def _publish(db_path: Path, version: Path) -> None:
    """Point db_path at version in one atomic rename, then drop versions no reader should still need."""
    link_tmp = db_path.parent / f".{db_path.name}.link-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link_tmp.unlink()
    os.symlink(os.path.relpath(version, db_path.parent), link_tmp)
    os.replace(link_tmp, db_path)
    _prune(db_path, keep=version)


def _prune(db_path: Path, keep: Path) -> None:
    # Readers that still hold an older version keep reading it: on POSIX an unlinked open file lives on.
    older = sorted((p for p in versions_dir(db_path).glob("*.duckdb") if p != keep), key=lambda p: p.stat().st_mtime)
    for stale in older[: max(0, len(older) - (KEEP_VERSIONS - 1))]:
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
        with contextlib.suppress(FileNotFoundError):
            Path(str(stale) + ".wal").unlink()


@contextlib.contextmanager
def new_version(db_path: Path, copy_current: bool) -> Iterator[QueryRunner]:
    """A runner on a read-write connection to a new version; published when the block ends without error.

    copy_current=True starts from the current database (imports); False starts empty (builds).
    On any error the new file is deleted and the current database is untouched.
    """
    with writer_lock(db_path):
        version = _new_version_path(db_path)
        current = current_file(db_path)
        if copy_current:
            if current is None:
                raise FileNotFoundError(f"数据库不存在: {db_path}")
            shutil.copyfile(current, version)
        if db_path.exists() and not db_path.is_symlink():
            # A plain file given with --db: keep it as the first version so the link can replace it.
            os.replace(db_path, _new_version_path(db_path))
        try:
            con = duckdb.connect(str(version))
            try:
                runner = QueryRunner(con)
                yield runner
                runner.execute("checkpoint")
            finally:
                con.close()
        except BaseException:
            for leftover in (version, Path(str(version) + ".wal")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            raise
        _publish(db_path, version)
