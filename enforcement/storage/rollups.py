"""Rollups: derived tables the dashboard reads instead of recomputing them on every query.

- rollup_monthly: the subtree totals of every province, city and county by month and domain, and the own rows of the
  nation, provinces and cities. ``subtree_monthly`` reads it alone for roots whose children are counties or above
  (nation, province, city): thousands of rows from one table, not millions from four.
- milestone_assignments_stored and progress_spans: the milestone assignments and the progress history with each
  report's replacement date, read by ``progress_as_of`` and ``milestone_status_as_of``.
- child_rows_stored and indicators_by_child_stored: indicators_by_child (all domains, the governing plans) of the
  nation, the provinces and the cities at every month, judged from rollup_monthly; what pages open on is then a read
  (``indicators.children_at``). Likewise indicators_by_agency_stored and indicators_by_domain_stored: the training
  page's ranking of agencies and the cases page's of domains (``indicators.split_at``). An import into a province
  rejudges the nation, that province and its cities, and rolls up again only the fact table it loaded.

One source of truth, the fact and reference tables: the build and every import call ``refresh``, which rebuilds
them with the named queries ``rollup_*.sql`` and ``stored_*.sql``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from enforcement.storage.runner import QueryRunner

# One run of rollup_source per fact table; each writes its own rows (rollup rows never mix two tables' measures).
SOURCES = ("cases", "training", "capacity", "surveys")
# The small derived tables, rebuilt whole: (delete, insert).
WHOLE_QUERIES = (
    ("rollup_assignments_delete", "rollup_assignments"),
    ("rollup_progress_delete", "rollup_progress"),
)
# The stored judgement, judged from rollup_monthly by code prefix: removed, then written again (the child rows before
# their judgement, which reads them).
JUDGEMENT_DELETES = (
    "stored_indicators_delete",
    "stored_child_rows_delete",
    "stored_by_agency_delete",
    "stored_by_domain_delete",
)
JUDGEMENT_INSERTS = (
    "stored_child_rows_insert",
    "stored_indicators_insert",
    "stored_by_agency_insert",
    "stored_by_domain_insert",
)
# Every table refresh writes.
DERIVED_TABLES = (
    "rollup_monthly",
    "milestone_assignments_stored",
    "progress_spans",
    "child_rows_stored",
    "indicators_by_child_stored",
    "indicators_by_agency_stored",
    "indicators_by_domain_stored",
)


def scopes(runner: QueryRunner, region_codes: Iterable[str] | None) -> list[str]:
    """Code prefixes to rebuild: '' (everything) when region_codes is None, else the provinces holding them (and
    '000000', the nation's own rows, when the nation is one of them)."""
    if region_codes is None:
        return [""]
    codes = sorted(set(region_codes))
    if not codes:
        return []
    return runner.run("rollup_scopes", region_codes=codes)["code_prefix"].tolist()


def refresh(
    runner: QueryRunner,
    region_codes: Iterable[str] | None = None,
    sources: Iterable[str] = SOURCES,
    on_stage: Callable[[str], None] | None = None,
) -> list[str]:
    """Rebuild the rollups from the fact tables: all of them, or only the provinces holding region_codes
    (the milestone tables, which are small, always whole); sources: only the rollup rows of these fact tables (an
    import of one dataset changed one table; none: only the stored judgement, e.g. after new targets).

    Call it on the writable connection of a new database version (build, import); returns the prefixes rebuilt.
    on_stage: told "rollups", then "judgement", as each part begins (a build's progress).
    """
    announce = on_stage or (lambda _stage: None)
    chosen = [source for source in SOURCES if source in set(sources)]
    rebuilt = scopes(runner, region_codes)
    announce("rollups")
    for prefix in rebuilt if chosen else []:
        runner.execute("rollup_delete", prefix=prefix, sources=chosen)
        for source in chosen:
            runner.execute("rollup_source", source=source, prefix=prefix)
        # the rows reported at the nation, provinces and cities themselves
        runner.execute("rollup_own", prefix=prefix, sources=chosen)
    # judged from rollup_monthly: after every prefix's rollups (the nation's rows change with any province's)
    announce("judgement")
    for prefix in rebuilt:
        for delete in JUDGEMENT_DELETES:
            runner.execute(delete, prefix=prefix)
        for insert in JUDGEMENT_INSERTS:
            runner.execute(insert, prefix=prefix)
    # Small (tens of thousands of rows): always rebuilt whole.
    for delete, insert in WHOLE_QUERIES:
        runner.execute(delete)
        runner.execute(insert)
    return rebuilt
