"""Rollups are derived data: they must equal the fact tables, and subtree_monthly must not care whether it used them.

Expected values are computed independently: subtree membership from the regions' lineage lists (not from code
ranges or the rollup's anchors), and per-child sums straight from the fact tables.
"""

from __future__ import annotations

import duckdb
import pytest

from bench.national import scan_profile
from enforcement.storage import rollups
from enforcement.storage.runner import QueryRunner, load

MONTHS = ("2024-01-01", "2025-06-01")
# (table, measure, flag): one measure of each fact table, and every case measure below
MEASURES = (
    ("case_stats", "count_penalty"),
    ("case_stats", "major_decisions_reviewed"),
    ("case_stats", "decisions_publicized_7d"),
    ("case_stats", "case_files_passed"),
    ("training_stats", "officers"),
    ("training_stats", "exam_passed"),
    ("capacity_stats", "legal_reviewers"),
    ("capacity_stats", "enterprise_inspections_random"),
    ("satisfaction_surveys", "satisfied"),
)
# Roots at every level, including a city whose children are townships (东莞) and a county of another plan (巫山).
ROOTS = ("000000", "320000", "320100", "441900", "320102", "500237", "320102002", "441900003")


def _independent_subtree_sums(con, table: str, measure: str) -> str:
    """SQL: per (rolled-up region, month), the measure summed over the region's subtree, via lineage lists."""
    return f"""
        with pairs as (
            select unnest(x.lineage) as anchor_code, f.period_month, f.{measure} as measure
            from {table} as f
            join regions as x on x.region_code = f.region_code
        )
        select a.region_code, p.period_month, sum(p.measure) as expected
        from pairs as p
        join regions as a on a.region_code = p.anchor_code
        where len(a.lineage) between 1 and 3
        group by a.region_code, p.period_month
    """


@pytest.mark.parametrize(("table", "measure"), MEASURES)
def test_rollup_equals_the_facts_for_every_region_and_month(con, table, measure):
    mismatches = con.execute(
        f"""
        with
        expected as ({_independent_subtree_sums(con, table, measure)}),
        rolled as (
            select region_code, period_month, sum({measure}) as rolled
            from rollup_monthly
            where parent_code <> region_code  -- subtree totals, not own rows
            group by region_code, period_month
            having count({measure}) > 0
        )
        select count(*), count(e.region_code), count(r.region_code)
        from expected as e
        full join rolled as r using (region_code, period_month)
        where e.expected is distinct from r.rolled
        """
    ).fetchone()
    assert mismatches == (0, 0, 0)
    assert con.execute(f"select count({measure}) from rollup_monthly").fetchone()[0] > 0


@pytest.mark.parametrize(("table", "measure"), MEASURES)
def test_own_rows_are_the_facts_reported_at_the_nation_provinces_and_cities(con, table, measure):
    # parent_code = region_code: what was reported at the region itself, for every region at most two levels deep
    expected = con.execute(
        f"""
        select f.region_code, f.period_month, sum(f.{measure})
        from {table} as f join regions as x on x.region_code = f.region_code
        where len(x.lineage) <= 2
        group by all order by all
        """
    ).fetchall()
    own = con.execute(
        f"""
        select region_code, period_month, sum({measure})
        from rollup_monthly where parent_code = region_code
        group by all having count({measure}) > 0 order by all
        """
    ).fetchall()
    assert own == expected
    depths = con.execute(
        "select distinct len(x.lineage) from rollup_monthly as u join regions as x using (region_code) "
        "where u.parent_code = u.region_code"
    ).fetchall()
    assert set(depths) <= {(0,), (1,), (2,)}


def test_rollup_keeps_the_domain_of_cases_and_training(con):
    rows = con.execute(
        """
        with expected as (
            select x.lineage[1] as region_code, c.domain_code, sum(c.count_penalty) as expected
            from case_stats as c join regions as x on x.region_code = c.region_code
            where x.lineage[1] = '440000'
            group by all
        )
        select e.domain_code, e.expected, sum(r.count_penalty)
        from expected as e
        join rollup_monthly as r on r.region_code = e.region_code and r.domain_code = e.domain_code
        where r.parent_code <> r.region_code
        group by all
        """
    ).fetchall()
    assert len(rows) == 20
    assert all(expected == rolled for _, expected, rolled in rows)
    justice = con.execute(
        "select sum(officers) from rollup_monthly "
        "where region_code = '440000' and parent_code <> region_code and domain_code is null"
    ).fetchone()[0]
    direct = con.execute(
        """
        select sum(t.officers) from training_stats as t join agencies as a using (agency_code)
        where t.region_code like '44%' and a.domain_code is null
        """
    ).fetchone()[0]
    assert justice == direct > 0


def _base_only_subtree_monthly(root: str, domain: str | None) -> str:
    """subtree_monthly's answer computed without rollups: the fact tables, grouped by the child of the root."""
    domain_sql = "null" if domain is None else f"'{domain}'"
    return f"""
        with
        root as (select region_code, len(lineage) as depth from regions where region_code = '{root}'),
        facts as (
            select x.lineage, f.*
            from monthly_facts as f
            join regions as x on x.region_code = f.region_code, root
            where (root.depth = 0 or x.lineage[root.depth] = root.region_code)
                and f.period_month between date '{MONTHS[0]}' and date '{MONTHS[1]}'
                and ({domain_sql} is null or f.domain_code = {domain_sql}
                     or (f.domain_code is null and (f.capacity_sample is not null or f.survey_sample is not null)))
        )
        select coalesce(lineage[root.depth + 1], root.region_code) as region_code, period_month,
            {{measures}}
        from facts, root
        group by all
    """


@pytest.mark.parametrize("domain", [None, "urban"])
@pytest.mark.parametrize("root", ROOTS)
def test_subtree_monthly_is_the_same_with_and_without_rollups(con, root, domain):
    columns = [
        row[0] for row in con.execute("describe select * from subtree_monthly('000000', null, null, null)").fetchall()
    ]
    measures = [
        c
        for c in columns
        if c
        not in (
            "region_code",
            "period_month",
            "domain_code",
            "agency_code",
            "child_code",
            "grandchild_code",
            "is_sample",
        )
    ]

    def aggregate(column: str) -> str:
        if column.endswith("_sample"):
            return f"bool_or({column}) as {column}"
        if column.endswith("_hours"):
            return f"round(sum({column}), 4) as {column}"
        return f"sum({column}) as {column}"

    expected_sql = _base_only_subtree_monthly(root, domain).replace(
        "{measures}", ", ".join(aggregate(c) for c in measures)
    )
    actual_sql = (
        "select region_code, period_month, "
        + ", ".join(f"round({c}, 4) as {c}" if c.endswith("_hours") else c for c in measures)
        + " from subtree_monthly(?, ?::date, ?::date, ?)"
    )
    params = [root, *MONTHS, domain]
    only_expected = con.execute(f"select count(*) from (({expected_sql}) except all ({actual_sql}))", params).fetchone()
    only_actual = con.execute(f"select count(*) from (({actual_sql}) except all ({expected_sql}))", params).fetchone()
    total = con.execute(f"select count(*) from ({actual_sql})", params).fetchone()[0]
    assert total > 0
    assert only_expected == only_actual == (0,)
    child_codes = con.execute(
        "select count(*) filter (where child_code is null and region_code = ?), "
        "count(*) filter (where child_code is not null and child_code <> region_code) "
        "from subtree_monthly(?, ?::date, ?::date, ?)",
        [root, *params],
    ).fetchone()
    assert child_codes[1] == 0


def _independent_period_sums(root: str, split: str) -> str:
    """Case and training sums of root's subtree over MONTHS, grouped by `split` (columns of the facts and of x, the
    region's row), from the fact tables and the regions' lineage lists only."""
    return f"""
        with root as (select region_code, len(lineage) as depth from regions where region_code = '{root}')
        select {split} as split, sum(f.count_penalty) as count_penalty, sum(f.lawsuits_lost) as lawsuits_lost,
            sum(f.exam_passed) as exam_passed
        from monthly_facts as f
        join regions as x on x.region_code = f.region_code, root
        where (root.depth = 0 or x.lineage[root.depth] = root.region_code)
            and f.period_month between date '{MONTHS[0]}' and date '{MONTHS[1]}'
        group by all
    """


@pytest.mark.parametrize("root", ROOTS)
def test_two_level_split_is_the_same_with_and_without_rollups(con, root):
    # Every (child, grandchild) pair's flows, the child's own agencies under a null grandchild.
    expected = con.execute(
        _independent_period_sums(root, "[x.lineage[root.depth + 1], x.lineage[root.depth + 2]]")
    ).fetchall()
    actual = con.execute(
        "select [child_code, grandchild_code], count_penalty, lawsuits_lost, exam_passed "
        "from subtree_period(?, ?::date, ?::date, null, by_grandchild := true)",
        [root, *MONTHS],
    ).fetchall()
    assert sorted(actual, key=repr) == sorted(expected, key=repr)
    assert actual


@pytest.mark.parametrize("root", ("000000", "440000", "320102"))
def test_split_by_domain_is_the_same_with_and_without_rollups(con, root):
    expected = con.execute(_independent_period_sums(root, "f.domain_code") + " having split is not null").fetchall()
    actual = con.execute(
        "select domain_code, count_penalty, lawsuits_lost, exam_passed "
        "from subtree_period_by_domain(?, ?::date, ?::date)",
        [root, *MONTHS],
    ).fetchall()
    assert sorted(actual) == sorted(expected)
    assert len(actual) > 5


@pytest.mark.parametrize("root", ("000000", "440000", "320102"))
def test_split_by_agency_is_the_same_with_and_without_rollups(con, root):
    expected = con.execute(_independent_period_sums(root, "f.agency_code") + " having split is not null").fetchall()
    actual = con.execute(
        "select agency_code, null, null, exam_passed from subtree_period_by_agency(?, ?::date, ?::date, null)",
        [root, *MONTHS],
    ).fetchall()
    assert sorted(actual) == sorted((split, None, None, exam) for split, _, _, exam in expected)
    assert len(actual) > 5


def test_roots_above_county_read_the_rollup_and_small_roots_the_facts(con):
    sql, _ = load("indicator_values")
    params = {"month_from": "2024-01-01", "month_to": "2024-12-01", "domain_code": None}

    def scanned(region_code: str) -> dict[str, dict]:
        return {s["table"]: s for s in scan_profile(con, sql, {"region_code": region_code, **params})}

    # Above the counties everything comes from the rollup (the children's totals and the root's own rows): no fact
    # table is in the plan at all.
    for root in ("000000", "440000", "440100"):
        tables = scanned(root)
        assert not set(tables) & {"case_stats", "training_stats", "capacity_stats", "satisfaction_surveys"}, root
        # one or two row groups per source's segment of the rollup (five: four tables and the own rows), at most
        assert 0 < tables["rollup_monthly"]["row_groups_scanned"] <= 10 < tables["rollup_monthly"]["row_groups_total"]
    county = scanned("320102")
    # A county's subtree is a code range: the zone maps skip all but one or two row groups of case_stats.
    assert 0 < county["case_stats"]["row_groups_scanned"] <= 2 < county["case_stats"]["row_groups_total"]
    assert county["case_stats"]["rows_scanned"] < 3 * 122_880


def _rollup_mismatches(
    connection: duckdb.DuckDBPyConnection, table: str = "case_stats", measure: str = "count_penalty"
) -> int:
    return connection.execute(
        f"""
        with
        expected as ({_independent_subtree_sums(connection, table, measure)}),
        rolled as (
            select region_code, period_month, sum({measure}) as rolled
            from rollup_monthly where parent_code <> region_code group by all having count({measure}) > 0
        )
        select count(*) from expected as e full join rolled as r using (region_code, period_month)
        where e.expected is distinct from r.rolled
        """
    ).fetchone()[0]


def _same_sum(connection: duckdb.DuckDBPyConnection, through_macros: str, direct: str) -> bool:
    """Both one-value queries give the same non-null number."""
    total, expected = (connection.execute(sql).fetchone()[0] for sql in (through_macros, direct))
    return total is not None and total == expected


def test_refresh_of_the_provinces_an_import_touched(writable_copy):
    runner = QueryRunner(writable_copy)
    before = writable_copy.execute("select count(*) from rollup_monthly").fetchone()[0]
    writable_copy.execute(
        "update case_stats set count_penalty = count_penalty + 7 "
        "where region_code in ('320102002', '371102001') and period_month = date '2024-03-01'"
    )
    assert _rollup_mismatches(writable_copy) > 0
    assert rollups.refresh(runner, ["320102002", "371102001"]) == ["32", "37"]
    assert _rollup_mismatches(writable_copy) == 0
    assert writable_copy.execute("select count(*) from rollup_monthly").fetchone()[0] == before
    assert _same_sum(
        writable_copy,
        "select sum(count_penalty) from subtree_monthly('320000', date '2024-03-01', date '2024-03-01', null)",
        "select sum(count_penalty) from case_stats where region_code like '32%' and period_month = date '2024-03-01'",
    )


def test_a_refresh_of_one_fact_table_rebuilds_that_tables_rows_alone(writable_copy):
    runner = QueryRunner(writable_copy)
    totals = "select count(*), sum(count_penalty), sum(officers), sum(legal_reviewers) from rollup_monthly"
    before = writable_copy.execute(totals).fetchone()
    writable_copy.execute(
        "update case_stats set count_penalty = count_penalty + 7 "
        "where region_code = '320102002' and period_month = date '2024-03-01'"
    )
    writable_copy.execute(
        "update training_stats set officers = officers + 5 "
        "where region_code like '3201%' and period_month = date '2024-03-01'"
    )
    assert _rollup_mismatches(writable_copy) > 0
    assert _rollup_mismatches(writable_copy, "training_stats", "officers") > 0
    # new targets change no figure: the judgement alone is rebuilt, the rollup stays as it is
    assert rollups.refresh(runner, ["320102002"], sources=[]) == ["32"]
    assert writable_copy.execute(totals).fetchone() == before
    # an import of cases: the cases rows are rebuilt, the training rows are left as they were
    assert rollups.refresh(runner, ["320102002"], sources=["cases"]) == ["32"]
    assert _rollup_mismatches(writable_copy) == 0
    assert _rollup_mismatches(writable_copy, "training_stats", "officers") > 0
    rollups.refresh(runner, ["320102002"], sources=["training"])
    assert _rollup_mismatches(writable_copy, "training_stats", "officers") == 0
    assert _rollup_mismatches(writable_copy) == 0
    after = writable_copy.execute(totals).fetchone()
    # the same rows, no row twice (count), the capacity rows untouched
    assert (after[0], after[3]) == (before[0], before[3]) and after[1:3] != before[1:3]


def test_full_refresh_is_idempotent(writable_copy):
    runner = QueryRunner(writable_copy)
    before = writable_copy.execute("select count(*), sum(count_penalty), sum(officers) from rollup_monthly").fetchone()
    assert rollups.refresh(runner) == [""]
    assert (
        writable_copy.execute("select count(*), sum(count_penalty), sum(officers) from rollup_monthly").fetchone()
        == before
    )
    assert rollups.refresh(runner, []) == []


def test_figures_reported_at_the_nation_refresh_only_the_nations_own_rows(writable_copy):
    runner = QueryRunner(writable_copy)
    before = writable_copy.execute("select count(*) from rollup_monthly").fetchone()[0]
    writable_copy.execute(
        "insert into capacity_stats values ('000000', date '2024-03-01', 40, 0, 0, 9, 2, 3, false, null)"
    )
    assert rollups.refresh(runner, ["000000"]) == ["000000"]
    assert writable_copy.execute("select count(*) from rollup_monthly").fetchone()[0] == before + 1
    # the nation's own row (child_code null) next to the provinces' totals
    own = writable_copy.execute(
        "select legal_reviewers, enterprise_inspections from subtree_monthly("
        "'000000', date '2024-03-01', date '2024-03-01', null) where child_code is null"
    ).fetchall()
    assert own == [(40, 9)]
    assert _same_sum(
        writable_copy,
        "select sum(enterprise_inspections) from subtree_period('000000', date '2024-03-01', date '2024-03-01', null)",
        "select sum(enterprise_inspections) from capacity_stats where period_month = date '2024-03-01'",
    )


@pytest.mark.parametrize("as_of", ["2023-06-30", "2024-10-31", "2024-12-31", "2025-01-01", "2025-12-31"])
def test_progress_as_of_is_the_latest_report_up_to_the_date(con, as_of):
    independent = f"""
        select milestone_id, region_code, max(report_date) as report_date,
            arg_max(status_reported, report_date), arg_max(percent_complete, report_date),
            arg_max(completed_on, report_date), arg_max(evidence_note, report_date)
        from task_progress where report_date <= date '{as_of}'
        group by all
    """
    macro = f"select * from progress_as_of(date '{as_of}')"
    assert con.execute(f"select count(*) from (({independent}) except all ({macro}))").fetchone()[0] == 0
    assert con.execute(f"select count(*) from (({macro}) except all ({independent}))").fetchone()[0] == 0
    assert con.execute(f"select count(*) from ({macro})").fetchone()[0] > 0


def test_stored_assignments_equal_the_view(con):
    view, stored = "select * from milestone_assignments", "select * from milestone_assignments_stored"
    assert con.execute(f"select count(*) from (({view}) except all ({stored}))").fetchone()[0] == 0
    assert con.execute(f"select count(*) from (({stored}) except all ({view}))").fetchone()[0] == 0
    assert con.execute(f"select count(*) from ({stored})").fetchone()[0] > 10_000


def test_code_depth_never_claims_less_than_the_real_depth(con):
    # subtree_monthly reads the rollups when the code's pattern says the root is shallow enough: a pattern that
    # claimed a region shallower than it is would read rollups that do not exist for it.
    counts = con.execute(
        "select count(*), count(*) filter (where code_depth(region_code) < len(lineage)), "
        "count(*) filter (where code_depth(region_code) = len(lineage)) from regions"
    ).fetchone()
    assert counts[0] > 40_000 and counts[1] == 0
    assert counts[2] > 0.99 * counts[0]  # and it is exact for nearly all, so the rollups are used where they exist
