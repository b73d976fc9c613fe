"""Several plans in one query say what one query per plan says: their issuers' indicators, each judged against its
own plan alone (judged_indicators' yardsticks, indicators_by_child_per_plan), and their milestone items by year and
status (plan_status_counts). The overview of a region no plan governs, the nation, shows each plan issued inside it."""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enforcement.content import indicators

PLANS = ["guangdong", "hebei", "jiangsu", "rizhao", "wushan"]


def comparable(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows sorted by indicator with their columns in name order, every missing value as None (the two paths may
    type an all-null column differently)."""
    rows = rows.sort_index()[sorted(rows.columns)]
    return rows.astype(object).where(rows.notna(), None)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    month=st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 1)).map(lambda d: d.replace(day=1)),
    day=st.integers(1, 31),
    chosen=st.lists(st.sampled_from(PLANS), min_size=1, max_size=len(PLANS), unique=True),
)
def test_plans_judged_together_equal_each_plan_judged_alone(con, runner, month, day, chosen):
    # judged on a day of the month, or on its last day
    as_of = month.replace(day=min(day, calendar.monthrange(month.year, month.month)[1]))
    period = indicators.Period(month, as_of)
    issuers = dict(con.execute("select plan_id, issuer_region_code from plans").fetchall())
    together = indicators.issuers_against_their_plans(runner.run, [(p, issuers[p]) for p in chosen], period)
    assert sorted(together) == sorted(chosen)
    for plan_id in chosen:
        alone = indicators.region_indicators(runner.run, issuers[plan_id], period, plan=plan_id).rows
        assert len(alone) == 18 and set(together[plan_id]["region_code"]) == {issuers[plan_id]}
        pd.testing.assert_frame_equal(comparable(together[plan_id]), comparable(alone), check_dtype=False)


def test_the_plans_under_one_parent_are_judged_in_one_query(con, runner):
    period = indicators.Period(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    issuers = con.execute("select plan_id, issuer_region_code from plans where plan_id in ?", [PLANS]).fetchall()
    asked = []

    def query(name, **params):
        asked.append((name, params.get("region_code")))
        return runner.run(name, **params)

    judged = indicators.issuers_against_their_plans(query, issuers, period)
    parents = {
        con.execute("select parent_code from regions where region_code = ?", [issuer]).fetchone()[0]
        for _, issuer in issuers
    }
    indicator_queries = [asked_of for asked_of in asked if asked_of[0].startswith("indicators_")]
    # each issuer's own plan is the only one governing it: its stored row on the parent is that plan's judgement
    assert sorted(indicator_queries) == sorted(("indicators_by_child_stored", parent) for parent in parents)
    assert len(parents) < len(issuers)  # the provinces' plans share the nation
    # the plans' own targets are there and judged: every target a row carries is one of its yardstick's
    rows = pd.concat(judged.values())
    plan_of_target = dict(con.execute("select target_id, plan_id from targets").fetchall())
    targeted = rows[rows["target_id"].notna()]
    assert {"met", "not_met", "behind_schedule"} & set(targeted["target_status"])
    for plan_id, frame in judged.items():
        assert {plan_of_target[t] for t in frame["target_id"].dropna()} <= {plan_id}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    as_of=st.dates(dt.date(2022, 12, 1), dt.date(2026, 3, 31)),
    chosen=st.lists(st.sampled_from(PLANS), min_size=1, max_size=len(PLANS), unique=True),
)
def test_milestone_items_of_several_plans_equal_each_plans_own_count(con, runner, as_of, chosen):
    issuers = dict(con.execute("select plan_id, issuer_region_code from plans").fetchall())
    together = runner.run("plan_status_counts", as_of=as_of, plan_ids=chosen)
    assert set(together["plan_id"]) <= set(chosen)
    for plan_id in chosen:
        alone = runner.run(
            "milestone_status_counts", region_code=issuers[plan_id], as_of=as_of, plan_id=plan_id, task_area=None
        )
        mine = together[together["plan_id"] == plan_id].drop(columns="plan_id").reset_index(drop=True)
        assert mine.to_dict("records") == alone.to_dict("records")


def test_milestone_items_of_a_plan_are_its_assignments_in_its_issuers_subtree(con, runner):
    # independent of the status rules: every item counted once, whatever its status
    for plan_id, expected in con.execute(
        """
        select s.plan_id, count(*)
        from milestone_status_as_of(date '2025-06-30') as s
        join plans as p on p.plan_id = s.plan_id
        join regions as r on r.region_code = s.region_code
        where r.lineage[1:len((select lineage from regions where region_code = p.issuer_region_code))]
            = (select lineage from regions where region_code = p.issuer_region_code)
        group by s.plan_id
        """
    ).fetchall():
        counted = runner.run("plan_status_counts", as_of=dt.date(2025, 6, 30), plan_ids=[plan_id])
        assert int(counted["item_count"].sum()) == expected > 0, plan_id


@pytest.mark.parametrize(("plan_id", "issuer"), [("hebei", "130000"), ("rizhao", "371100")])
def test_an_issuer_whose_stored_row_carries_another_plans_target_is_judged_live(runner, plan_id, issuer):
    # as if a second plan governed the issuer and set an indicator its own plan does not: the stored row then is not
    # this plan's judgement alone, and the per-plan query must run
    period = indicators.Period(dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    asked = []

    def query(name, **params):
        asked.append(name)
        rows = runner.run(name, **params)
        if name == "indicators_by_child_stored":
            targeted = rows.index[(rows["region_code"] == issuer) & rows["plan_id"].notna()]
            assert len(targeted) > 0
            rows.loc[targeted[:1], "plan_id"] = "another_plan"
        return rows

    judged = indicators.issuers_against_their_plans(query, [(plan_id, issuer)], period)
    assert asked.count("indicators_by_child_per_plan") == 1
    alone = indicators.region_indicators(runner.run, issuer, period, plan=plan_id).rows
    pd.testing.assert_frame_equal(comparable(judged[plan_id]), comparable(alone), check_dtype=False)
    assert set(judged[plan_id]["plan_id"].dropna()) == {plan_id}


@pytest.mark.parametrize("region", ["000000", "320000", "371102", "371102001", "500237"])
def test_each_plan_concerning_a_region_carries_its_first_and_last_evaluation(con, runner, region):
    plans = runner.run("plans_for_region", region_code=region)
    assert not plans.empty
    evaluations = con.execute("select plan_id, deadline_date from milestones where kind = 'evaluation'").df()
    expected = evaluations.groupby("plan_id")["deadline_date"].agg(["min", "max"])
    for plan in plans.itertuples():
        if plan.plan_id in expected.index:
            first, last = expected.loc[plan.plan_id]
            assert (plan.midterm_evaluation_date, plan.final_evaluation_date) == (first, last), plan.plan_id
        else:  # a plan without an evaluation milestone has neither date
            assert pd.isna(plan.midterm_evaluation_date) and pd.isna(plan.final_evaluation_date), plan.plan_id
