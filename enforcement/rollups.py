"""Rollups: the subtree totals of every province, city and county by month and domain (table rollup_monthly).

They are derived data with one source of truth, the fact tables: the build and every import call ``refresh``,
which rebuilds them with the named queries ``rollup_*.sql``. ``subtree_monthly`` reads them for roots whose
children are counties or above (nation, province, city), so those views read thousands of rows, not millions.
"""

from __future__ import annotations

from collections.abc import Iterable

from enforcement.queries import QueryRunner

# One statement per fact table; each writes its own rows (rollup rows never mix two tables' measures).
SOURCES = ("cases", "training", "capacity", "surveys")


def scopes(runner: QueryRunner, region_codes: Iterable[str] | None) -> list[str]:
    """Code prefixes to rebuild: '' (everything) when region_codes is None, else the provinces holding them."""
    if region_codes is None:
        return [""]
    codes = sorted(set(region_codes))
    if not codes:
        return []
    return runner.run("rollup_scopes", region_codes=codes)["code_prefix"].tolist()


def refresh(runner: QueryRunner, region_codes: Iterable[str] | None = None) -> list[str]:
    """Rebuild the rollups from the fact tables: all of them, or only the provinces holding region_codes.

    Call it on the writable connection of a new database version (build, import); returns the prefixes rebuilt.
    """
    rebuilt = scopes(runner, region_codes)
    for prefix in rebuilt:
        runner.execute("rollup_delete", prefix=prefix)
        for source in SOURCES:
            runner.execute(f"rollup_{source}", prefix=prefix)
    return rebuilt
