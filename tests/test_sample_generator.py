"""The sample generator: seeded and deterministic, realistic spread, and always labelled sample."""

from __future__ import annotations

from enforcement.storage import build, sample
from enforcement.storage.runner import QueryRunner
from tests.conftest import schema_only

# A subtree's statistics depend only on the seed and its regions, not on which other subtrees a build covers: one
# city generated alone is enough to hold the generator to its seed, in seconds rather than two full builds.
SLICE = "3711"  # 日照市
SLICE_FIGURES = """
    select
        (select count(*) from case_stats where region_code like $prefix || '%'),
        (select sum(hash(c)::hugeint) from case_stats as c where region_code like $prefix || '%'),
        (select count(*) from training_stats where region_code like $prefix || '%'),
        (select sum(hash(t)::hugeint) from training_stats as t where region_code like $prefix || '%'),
        (select count(*) from task_progress),
        (select sum(percent_complete) from task_progress)
"""


def generated_alone(seed: int) -> tuple:
    """The slice's figures when the generator fills an empty database with that one city, seeded with seed."""
    connection = schema_only()
    try:
        runner = QueryRunner(connection)
        build.load_reference(runner)
        sample.generate_statistics(runner, sample.Scale("sample", (SLICE,)), seed)
        return connection.execute(SLICE_FIGURES, {"prefix": SLICE}).fetchone()
    finally:
        connection.close()


def test_same_seed_same_data_other_seed_other_data(con):
    seed = int(con.execute("select value from meta where key = 'seed'").fetchone()[0])
    alone = generated_alone(seed)
    assert alone[0] > 0 and alone[2] > 0
    assert generated_alone(seed) == alone
    # the same rows, value for value, as the sample build has for that city
    assert con.execute(SLICE_FIGURES, {"prefix": SLICE}).fetchone()[:4] == alone[:4]
    other = generated_alone(7)
    assert other[1] != alone[1] and other[3] != alone[3] and other[5] != alone[5]


def test_everything_generated_is_marked_sample(con):
    assert con.execute("select value from meta where key = 'is_sample'").fetchone() == ("true",)
    for table in ("case_stats", "training_stats", "capacity_stats", "satisfaction_surveys", "task_progress"):
        assert con.execute(f"select bool_and(is_sample), count(*) > 0 from {table}").fetchone() == (True, True)


def test_generated_figures_name_only_reference_codes(con):
    # The exports' fast counts (queries/export_count_*.sql) rely on it; the importer refuses other codes.
    for table, column, reference in (
        ("case_stats", "region_code", "regions"),
        ("case_stats", "domain_code", "domains"),
        ("training_stats", "region_code", "regions"),
        ("training_stats", "agency_code", "agencies"),
    ):
        strays = con.execute(
            f"select count(*) from {table} where {column} not in (select {column} from {reference})"
        ).fetchone()[0]
        assert strays == 0, (table, column)


def test_figures_at_every_level_including_own_agencies(con):
    levels = dict(
        con.execute(
            "select r.level, count(distinct c.region_code) from case_stats as c join regions as r using (region_code) group by 1"
        ).fetchall()
    )
    assert levels.keys() == {"province", "city", "county", "township"}
    assert con.execute("select count(*) from case_stats where region_code = '320000'").fetchone()[0] > 0


def test_spread_some_early_some_late_some_overdue(con):
    statuses = dict(
        con.execute("select status, count(*) from milestone_status_as_of(date '2025-12-31') group by 1").fetchall()
    )
    for wanted in ("done_on_time", "done_late", "overdue"):
        assert statuses.get(wanted, 0) > 50, wanted
    early = con.execute(
        """
        select count(*) from task_progress as p join milestones as m using (milestone_id)
        where p.completed_on < m.deadline_date - interval 30 day
        """
    ).fetchone()[0]
    assert early > 50


def test_some_regions_miss_a_target_and_some_meet_it(con):
    """Legal reviewers against the 5 % target, by county of 江苏 at the end of 2025."""
    ratios = con.execute(
        """
        select child_code, 100.0 * legal_reviewers / officers as ratio
        from subtree_period('320100', date '2025-12-01', date '2025-12-01', null) where child_code is not null
        """
    ).df()["ratio"]
    assert (ratios < 5).any() and (ratios >= 5).any()


def test_monthly_range_and_plan_scope(con):
    first, last = con.execute("select min(period_month), max(period_month) from case_stats").fetchone()
    assert (first.isoformat(), last.isoformat()) == ("2023-01-01", "2025-12-01")
    provinces = {row[0] for row in con.execute("select distinct left(region_code, 2) from case_stats").fetchall()}
    assert provinces == {"32", "44", "13", "37", "50"}
