"""Every content function a page builds with runs only the named queries it declares (@uses): the benchmark times
exactly those, so a function that ran an undeclared query would go unmeasured."""

from __future__ import annotations

import datetime as dt

import pytest

from enforcement.content import cases, drilldown, milestones, overview, training, trends
from enforcement.content.trends import Scope
from enforcement.rules.filters import Filters
from enforcement.storage import runner as queries


def filters(region: str, as_of: dt.date = dt.date(2025, 6, 30), **changes) -> Filters:
    return Filters(
        region=region,
        as_of=as_of,
        since=as_of - dt.timedelta(days=90),
        period_from=dt.date(2024, 1, 1),
        period_to=dt.date(2025, 12, 1),
        **changes,
    )


REGIONS = ("000000", "320000", "371102", "500237001")


def recorded_run(function, args, runner) -> list[str]:
    """The names of the queries function(query, *args) runs."""
    ran: list[str] = []

    def recording(name, **params):
        ran.append(name)
        return runner.run(name, **params)

    function(recording, *args)
    return ran


def builders(view: Filters):
    scope = Scope.of(view, "x")
    yield overview.overview, (view,)
    yield drilldown.regions_view, (view, "legal_review_rate")
    yield drilldown.regions_view, (view, drilldown.MILESTONE_INDICATOR)
    yield trends.target_source, (scope,)
    for module in (training, cases):
        for function in (module.kpis,):
            yield function, (scope,)
    for function in (training.rotation_chart, training.hours_chart, training.exam_chart):
        yield function, (scope,)
    yield training.children_chart, (scope, "exam_sampling_rate")
    yield training.agency_chart, (scope, "full_rotation_rate")
    for function in (cases.counts_chart, cases.duties_chart, cases.complaints_chart, cases.case_files_chart):
        yield function, (scope,)
    yield cases.children_chart, (scope, "litigation_loss_rate")
    yield cases.domain_chart, (scope, "legal_review_rate")


@pytest.mark.parametrize("region", REGIONS)
def test_content_functions_run_only_the_queries_they_declare(runner, region):
    known = set(queries.available())
    for function, args in builders(filters(region, domain="market" if region == "320000" else None)):
        ran = recorded_run(function, args, runner)
        declared = function.queries
        assert declared <= known, function.__qualname__
        assert set(ran) <= declared, f"{function.__module__}.{function.__qualname__} ran {set(ran) - declared}"


@pytest.mark.parametrize("region", ["320000", "371100"])
def test_plan_pages_run_only_the_queries_they_declare(runner, region):
    view = filters(region)
    plan = runner.run("plans_for_region", region_code=region).iloc[0]["plan_id"]
    for function, args in (
        (milestones.plan_view, (view, plan)),
        (milestones.status_changes, (view, plan)),
        (milestones.overdue, (view, plan)),
    ):
        ran = recorded_run(function, args, runner)
        assert ran and set(ran) <= function.queries
