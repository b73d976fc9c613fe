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
import errno
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


def database_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The database the user means: --db, else $ENFORCEMENT_PARQUET, else $ENFORCEMENT_DB, else data/enforcement.duckdb."""
    chosen = cli_value or os.environ.get(PARQUET_ENV_VAR) or os.environ.get(ENV_VAR) or DEFAULT_DB
    return Path(chosen).expanduser().absolute()


def uploads_dir(db_path: Path) -> Path:
    """Where uploads are kept: uploads/ beside the database (data/uploads/ for the default one)."""
    return Path(db_path).parent / "uploads"


def pending_uploads_dir(db_path: Path) -> Path:
    """Where an import keeps its upload until the import is published (an unpublished one is removed later)."""
    return uploads_dir(db_path) / ".pending"


def versions_dir(db_path: Path) -> Path:
    return db_path.parent / f".{db_path.name}.versions"


def previous_link(db_path: Path) -> Path:
    """A link to the version published before the current one (kept by retention, for readers and for going back)."""
    return db_path.parent / f".{db_path.name}.previous"


def current_file(db_path: Path) -> Path | None:
    """The file (or Parquet dataset folder) the path resolves to now, or None if there is no database yet."""
    resolved = Path(os.path.realpath(db_path))
    return resolved if resolved.is_file() or (resolved / "dataset.json").is_file() else None


@contextlib.contextmanager
def _file_lock(path: Path, wait: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on path (True), or with wait=False yield False at once if someone else holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def writer_lock(db_path: Path, wait: bool = True) -> contextlib.AbstractContextManager[bool]:
    """One writer at a time per database (two imports, or an import during a build); wait=False: try only."""
    return _file_lock(lock_path(db_path), wait)


def lock_path(db_path: Path) -> Path:
    return db_path.parent / f".{db_path.name}.lock"


def first_build_lock(db_path: Path) -> contextlib.AbstractContextManager[None]:
    """Held while deciding whether the first run must build, so two sessions do not both build."""
    return _file_lock(db_path.parent / f".{db_path.name}.first-build.lock")


def _new_version_path(db_path: Path) -> Path:
    folder = versions_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    return folder / f"{stamp}-{time.monotonic_ns() % 10**9:09d}-{os.getpid()}.duckdb"


def _publish(db_path: Path, version: Path, previous: Path | None) -> None:
    """Point db_path at version in one atomic rename, remember the version before it, drop every other version."""
    link_tmp = db_path.parent / f".{db_path.name}.link-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link_tmp.unlink()
    os.symlink(os.path.relpath(version, db_path.parent), link_tmp)
    os.replace(link_tmp, db_path)
    if previous is not None and previous != version and previous.is_file():
        previous_tmp = db_path.parent / f".{db_path.name}.previous-{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            previous_tmp.unlink()
        os.symlink(os.path.relpath(previous, db_path.parent), previous_tmp)
        os.replace(previous_tmp, previous_link(db_path))
    _prune(db_path)


def _kept_versions(db_path: Path) -> set[Path]:
    """The versions retention keeps: the current one and the one published before it."""
    kept = set()
    for link in (db_path, previous_link(db_path)):
        if link.is_symlink() and Path(os.path.realpath(link)).is_file():
            kept.add(Path(os.path.realpath(link)))
    return kept


def _prune(db_path: Path) -> list[Path]:
    """Remove every file of the versions folder but the kept versions: older versions, and what a writer that was
    killed left (an unpublished version, its WAL). Called only while holding the writer lock, so no writer is
    between creating and publishing a version. Readers that still hold a removed version keep reading it: on POSIX
    an unlinked open file lives on. Returns what was removed."""
    folder = versions_dir(db_path)
    if not folder.is_dir():
        return []
    kept = _kept_versions(db_path)
    kept |= {Path(f"{version}.wal") for version in kept}
    removed = []
    for path in folder.iterdir():
        if path.is_file() and Path(os.path.realpath(path)) not in kept:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    for leftover in db_path.parent.glob(f".{db_path.name}.link-*"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    return removed


def tidy(db_path: Path) -> list[Path] | None:
    """Remove what killed writers left beside the database (unpublished versions), if no writer is at work now.

    Returns what was removed, or None if a writer holds the lock (it tidies itself when it starts)."""
    if not versions_dir(db_path).is_dir():
        return []
    with writer_lock(db_path, wait=False) as locked:
        return _prune(db_path) if locked else None


@contextlib.contextmanager
def new_version(db_path: Path, copy_current: bool, memory_limit: str | None = None) -> Iterator[QueryRunner]:
    """A runner on a read-write connection to a new version; published when the block ends without error.

    copy_current=True starts from the current database (imports); False starts empty (builds).
    memory_limit: DuckDB's (e.g. "512MB"; it spills to disk beyond it), or its default (80 % of the machine's).
    On any error the new file is deleted and the current database is untouched; a first build that fails leaves
    no versions folder and no lock file behind.
    """
    if db_path.is_dir():  # a Parquet dataset folder (read-only) or any folder: never moved aside as a "version"
        raise IsADirectoryError(errno.EISDIR, "not a database file", str(db_path))
    first = not os.path.lexists(db_path) and not versions_dir(db_path).exists()
    try:
        with writer_lock(db_path):
            _prune(db_path)
            current = current_file(db_path)
            if copy_current:
                if current is None:
                    raise FileNotFoundError(f"数据库不存在: {db_path}")
                if not current.is_file():
                    raise IsADirectoryError(f"{db_path} is a Parquet dataset folder, not a database file")
            version = _new_version_path(db_path)
            moved = None
            try:
                if copy_current:
                    shutil.copyfile(current, version)
                if db_path.exists() and not db_path.is_symlink():
                    # A plain file given with --db: kept as the previous version so the link can replace it.
                    moved = _new_version_path(db_path)
                    os.replace(db_path, moved)
                    current = moved
                con = duckdb.connect(str(version), config={"memory_limit": memory_limit} if memory_limit else {})
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
                if moved is not None and not os.path.lexists(db_path):
                    os.replace(moved, db_path)
                raise
            _publish(db_path, version, current)
    except BaseException:
        if first:
            with contextlib.suppress(OSError):
                versions_dir(db_path).rmdir()
            with contextlib.suppress(OSError):
                lock_path(db_path).unlink()
        raise
