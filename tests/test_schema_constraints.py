"""The database refuses figures that cannot be: negative counts, more reviewed than decided, and so on."""

from __future__ import annotations

import duckdb
import pytest

CASE_COLUMNS = (
    "region_code, period_month, domain_code, count_penalty, count_inspection, count_license, count_coercion, "
    "major_decisions, major_decisions_reviewed, decisions_to_publicize, decisions_publicized, decisions_publicized_7d, "
    "reconsiderations, reconsiderations_corrected, lawsuits, lawsuits_lost, head_appearances, complaints_12345, "
    "case_files_reviewed, case_files_passed, is_sample"
)
GOOD_CASE = dict(
    region_code="371102",
    period_month="2024-05-01",
    domain_code="market",
    count_penalty=10,
    count_inspection=50,
    count_license=40,
    count_coercion=1,
    major_decisions=4,
    major_decisions_reviewed=4,
    decisions_to_publicize=50,
    decisions_publicized=49,
    decisions_publicized_7d=45,
    reconsiderations=2,
    reconsiderations_corrected=1,
    lawsuits=2,
    lawsuits_lost=1,
    head_appearances=2,
    complaints_12345=3,
    case_files_reviewed=5,
    case_files_passed=4,
    is_sample=False,
)


def insert_case(con, **changes):
    row = {**GOOD_CASE, **changes}
    con.execute(f"insert into case_stats ({CASE_COLUMNS}) values ({', '.join('?' * len(row))})", list(row.values()))


def test_a_good_case_row_is_accepted(schema_con):
    insert_case(schema_con)
    assert schema_con.execute("select count(*) from case_stats").fetchone() == (1,)


@pytest.mark.parametrize(
    "changes",
    [
        {"count_penalty": -1},
        {"major_decisions_reviewed": 5},  # more reviewed than major decisions
        {"decisions_publicized": 51},
        {"decisions_publicized_7d": 50},  # more within 7 days than publicized
        {"lawsuits_lost": 3},
        {"head_appearances": 3},
        {"reconsiderations_corrected": 3},
        {"case_files_passed": 6},
        {"period_month": "2024-05-02"},  # not a month
    ],
)
def test_impossible_case_rows_are_refused(schema_con, changes):
    with pytest.raises(duckdb.ConstraintException):
        insert_case(schema_con, **changes)


def test_training_trained_cannot_exceed_officers(schema_con):
    with pytest.raises(duckdb.ConstraintException):
        schema_con.execute(
            "insert into training_stats values ('371102', '2024-05-01', 'market', 10, 10, 11, 1, 1, 0, 0, 0, 0, false, null)"
        )
    with pytest.raises(duckdb.ConstraintException):
        schema_con.execute(  # passed > sampled
            "insert into training_stats values ('371102', '2024-05-01', 'market', 10, 10, 5, 1, 1, 2, 3, 0, 0, false, null)"
        )


def test_progress_completed_needs_date_and_full_percent(schema_con):
    with pytest.raises(duckdb.ConstraintException):
        schema_con.execute(
            "insert into task_progress values ('RZ-M002', '371102', '2024-05-31', 'completed', 100, null, 'x', false, null)"
        )
    with pytest.raises(duckdb.ConstraintException):
        schema_con.execute(
            "insert into task_progress values ('RZ-M002', '371102', '2024-05-31', 'in_progress', 101, null, 'x', false, null)"
        )
    with pytest.raises(duckdb.ConstraintException):  # completed after the report date
        schema_con.execute(
            "insert into task_progress values ('RZ-M002', '371102', '2024-05-31', 'completed', 100, '2024-06-01', 'x', false, null)"
        )


def test_progress_refers_to_a_known_milestone(schema_con):
    with pytest.raises(duckdb.ConstraintException):
        schema_con.execute(
            "insert into task_progress values ('XX-M999', '371102', '2024-05-31', 'in_progress', 10, null, 'x', false, null)"
        )


def test_sample_data_keeps_its_natural_keys_unique(con):
    """case_stats and training_stats carry no index (national scale); their keys are unique by construction."""
    assert con.execute(
        "select count(*) from (select 1 from case_stats group by region_code, period_month, domain_code having count(*) > 1)"
    ).fetchone() == (0,)
    assert con.execute(
        "select count(*) from (select 1 from training_stats group by region_code, period_month, agency_code having count(*) > 1)"
    ).fetchone() == (0,)


def test_statistics_only_for_known_regions(con):
    for table in ("case_stats", "training_stats", "capacity_stats", "satisfaction_surveys", "task_progress"):
        unknown = con.execute(
            f"select count(*) from {table} as t left join regions as r using (region_code) where r.region_code is null"
        ).fetchone()
        assert unknown == (0,), table
