"""The stored judgement (child_rows_stored, indicators_by_child_stored) says what the live indicators_by_child says,
for every region it holds, month and as-of date, and stays so after an import; the pages read it where it exists
and judge live everywhere else."""

from __future__ import annotations

import calendar
import datetime as dt

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enforcement.content import cases, indicators, training
from enforcement.storage import rollups
from enforcement.storage.runner import QueryRunner
from tests.query_spy import QuerySpy

EVERY_INDICATOR = {"domain_code": None, "plan_id": None, "indicator_keys": None, "sources": None}
# Issue dates of the plans in the sample (plans.csv): as-of dates around them turn their targets due.
AROUND_ISSUES = [dt.date(2023, 11, 17), dt.date(2023, 11, 18), dt.date(2023, 11, 27), dt.date(2024, 4, 18)]


def live(runner: QueryRunner, region_code: str, month: dt.date, as_of: dt.date) -> pd.DataFrame:
    return runner.run("indicators_by_child", region_code=region_code, month=month, as_of=as_of, **EVERY_INDICATOR)


def stored(runner: QueryRunner, region_code: str, month: dt.date, as_of: dt.date) -> pd.DataFrame:
    return runner.run("indicators_by_child_stored", region_code=region_code, month=month, as_of=as_of)


def stored_regions(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [code for (code,) in con.execute("select distinct judge_group from child_rows_stored order by 1").fetchall()]


@pytest.fixture(scope="module")
def regions_stored(con) -> list[str]:
    return stored_regions(con)


def test_the_stored_regions_are_the_nation_and_every_region_above_the_counties_with_figures(con, regions_stored):
    # independently: a region at most two levels below the nation (its lineage) with a case row anywhere below it
    expected = {"000000"} | {
        code
        for (code,) in con.execute(
            """
            select distinct a.region_code
            from case_stats as f
            join regions as x on x.region_code = f.region_code
            join regions as a on list_contains(x.lineage, a.region_code)
            where len(a.lineage) <= 2
            """
        ).fetchall()
    }
    assert set(regions_stored) == expected
    assert {"000000", "440000", "130000", "320000", "371100", "500237"} <= expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pick=st.integers(0, 10_000),
    month=st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 1)).map(lambda d: d.replace(day=1)),
    day=st.integers(1, 31),
)
def test_the_stored_judgement_equals_the_live_query(runner, regions_stored, pick, month, day):
    region = regions_stored[pick % len(regions_stored)]
    as_of = month.replace(day=min(day, calendar.monthrange(month.year, month.month)[1]))
    expected = live(runner, region, month, as_of)
    assert not expected.empty
    pd.testing.assert_frame_equal(stored(runner, region, month, as_of), expected, check_dtype=False)


@pytest.mark.parametrize("as_of", AROUND_ISSUES)
@pytest.mark.parametrize("region", ["000000", "130000", "320000", "371100"])
def test_a_target_of_a_plan_issued_after_the_as_of_date_is_not_due(runner, region, as_of):
    month = as_of.replace(day=1)
    expected = live(runner, region, month, as_of)
    read = stored(runner, region, month, as_of)
    pd.testing.assert_frame_equal(read, expected, check_dtype=False)
    # the as-of date matters here: a day after the month's end judges at least as many targets due
    later = stored(runner, region, month, dt.date(2026, 1, 1))
    assert read["is_target_due"].sum() <= later["is_target_due"].sum()


def test_nothing_is_stored_below_the_cities_or_outside_the_data(runner):
    assert stored(runner, "440106", dt.date(2024, 6, 1), dt.date(2024, 6, 30)).empty  # a county
    assert stored(runner, "440106001", dt.date(2024, 6, 1), dt.date(2024, 6, 30)).empty  # a township
    assert stored(runner, "440000", dt.date(2026, 6, 1), dt.date(2026, 6, 30)).empty  # after the data


def test_pages_read_the_stored_judgement_and_judge_live_where_it_is_not_stored(con, runner):
    period = indicators.Period(dt.date(2024, 9, 1), dt.date(2024, 9, 30))
    query = QuerySpy(runner)
    asked = query.asked

    assert indicators.stored_regions(runner.run) == set(stored_regions(con))
    at_province = indicators.children_at(query, "440000", period)
    assert asked == [("indicators_by_child_stored", "440000")]
    pd.testing.assert_frame_equal(at_province, live(runner, "440000", period.month, period.as_of), check_dtype=False)

    asked.clear()
    indicators.children_at(query, "440106", period)  # a county: not stored, not asked
    assert asked == [("indicators_by_child", "440106")]

    asked.clear()
    after_the_data = indicators.Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    indicators.children_at(query, "440000", after_the_data)  # stored, but not that month
    assert asked == [("indicators_by_child_stored", "440000"), ("indicators_by_child", "440000")]

    asked.clear()
    indicators.children_at(query, "440000", period, domain="public_security")
    indicators.children_at(query, "440000", period, plan="guangdong")
    assert asked == [("indicators_by_child", "440000"), ("indicators_by_child", "440000")]


def test_an_import_into_one_province_restores_the_stored_judgement_of_the_nation_and_that_province(writable_copy):
    runner = QueryRunner(writable_copy)
    month, as_of = dt.date(2024, 3, 1), dt.date(2024, 3, 31)
    untouched = stored(runner, "130000", month, as_of)
    province_before = stored(runner, "320000", month, as_of)
    rows_before = writable_copy.execute("select count(*) from indicators_by_child_stored").fetchone()[0]
    # lost lawsuits at 江苏's townships: the province's, its city's and the nation's figures change
    writable_copy.execute(
        "update case_stats set lawsuits_lost = lawsuits, count_penalty = count_penalty + 50 "
        "where region_code like '320102%' and period_month between date '2024-01-01' and date '2024-03-01'"
    )
    assert rollups.refresh(runner, ["320102002"]) == ["32"]
    changed = stored(runner, "320000", month, as_of)
    total = changed["scope"] == "total"
    assert (changed.loc[total, "count_penalty"] > province_before.loc[total, "count_penalty"]).all()
    for region in ("000000", "320000", "320100", "130000"):
        pd.testing.assert_frame_equal(
            stored(runner, region, month, as_of), live(runner, region, month, as_of), check_dtype=False
        )
    pd.testing.assert_frame_equal(stored(runner, "130000", month, as_of), untouched)
    assert writable_copy.execute("select count(*) from indicators_by_child_stored").fetchone()[0] == rows_before


# ----------------------------------------------------------------------------------------------- by month


def by_month_live(runner: QueryRunner, region: str, span: dict, keys: list[str], children_for: list[str]):
    return runner.run(
        "indicators_ytd_by_month",
        region_code=region,
        **span,
        domain_code=None,
        plan_id=None,
        indicator_keys=keys,
        sources=None,
        children_for=children_for,
    )


def by_month_stored(runner: QueryRunner, region: str, span: dict, keys: list[str], children_for: list[str]):
    return runner.run(
        "indicators_ytd_by_month_stored", region_code=region, **span, indicator_keys=keys, children_for=children_for
    )


MONTHLY_KEYS = sorted(set(training.INDICATORS) | set(cases.RATES))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pick=st.integers(0, 10_000),
    first=st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 1)).map(lambda d: d.replace(day=1)),
    months=st.integers(0, 14),
    day=st.integers(1, 31),
    keys=st.lists(st.sampled_from(MONTHLY_KEYS), min_size=1, max_size=4, unique=True),
    drawn_per_child=st.integers(0, 4),
)
def test_the_monthly_read_of_the_stored_judgement_equals_the_live_query(
    runner, regions_stored, pick, first, months, day, keys, drawn_per_child
):
    region = regions_stored[pick % len(regions_stored)]
    last = min(dt.date(2025, 12, 1), (pd.Timestamp(first) + pd.DateOffset(months=months)).date())
    as_of = last.replace(day=min(day, calendar.monthrange(last.year, last.month)[1]))
    span = {"month_from": first, "month_to": last, "as_of": as_of}
    children_for = keys[:drawn_per_child]
    expected = by_month_live(runner, region, span, keys, children_for)
    assert not expected.empty
    read = by_month_stored(runner, region, span, keys, children_for)
    pd.testing.assert_frame_equal(read, expected, check_dtype=False)


@pytest.mark.parametrize("as_of", AROUND_ISSUES)
def test_the_monthly_read_turns_a_target_of_a_plan_not_yet_issued_to_not_due(runner, as_of):
    span = {"month_from": dt.date(2023, 6, 1), "month_to": as_of.replace(day=1), "as_of": as_of}
    keys = list(training.INDICATORS)
    for region in ("000000", "130000", "371100"):
        pd.testing.assert_frame_equal(
            by_month_stored(runner, region, span, keys, keys[:2]),
            by_month_live(runner, region, span, keys, keys[:2]),
            check_dtype=False,
        )


def test_the_pages_monthly_figures_are_read_stored_where_they_are_and_judged_live_elsewhere(runner):
    query = QuerySpy(runner)
    asked = query.asked

    keys = list(cases.RATES)
    span = {"month_from": "2024-01-01", "month_to": "2024-09-01", "as_of": dt.date(2024, 9, 30)}
    choice = {"domain_code": None, "plan_id": None, "children_for": []}

    def monthly(region: str, **changed):
        params = {**span, **choice, **indicators.indicator_params(query, keys), **changed}
        return indicators.by_month(query, region_code=region, **params)

    at_city = monthly("320100")
    assert asked == [("indicators_ytd_by_month_stored", "320100")]
    narrow = by_month_live(runner, "320100", span, keys, [])
    pd.testing.assert_frame_equal(at_city[narrow.columns[:3]], narrow[narrow.columns[:3]])
    assert at_city["value"].tolist() == pytest.approx(narrow["value"].tolist(), nan_ok=True)
    asked.clear()
    monthly("320102")  # a county
    monthly("320100", domain_code="public_security")
    monthly("320100", plan_id="jiangsu")
    assert asked == [("indicators_ytd_by_month", code) for code in ("320102", "320100", "320100")]
    asked.clear()
    monthly("320100", month_from="2026-01-01", month_to="2026-03-01")  # stored, but not those months
    assert asked == [("indicators_ytd_by_month_stored", "320100"), ("indicators_ytd_by_month", "320100")]
