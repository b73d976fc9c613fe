"""One number for one question: an indicator of a region at an as-of date reads the same, to the digit shown, on the
overview's card, in its parent's ranking on the regions page, on the training or cases page's KPI, in the chart
tables under them, and as computed from the export's rows — for several indicators, regions and dates.

Each page is drawn with AppTest, as a browser would ask for it; the expected digit is computed here from the raw
fact tables, independently of the queries."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from enforcement.content import indicators, scorecard, training
from enforcement.content.trends import Scope
from enforcement.rules.filters import Filters
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import export
from tests.conftest import PROJECT
from tests.page_runner import run_page

# (indicator, its name, region, its parent, as-of date, page with its KPI, the SQL ratio over the year to date)
CASES = [
    (
        "legal_review_rate",
        "重大执法决定法制审核执行率",
        "320100",
        "320000",
        "2024-10-31",
        "pages/4_cases.py",
        "100.0 * sum(major_decisions_reviewed) / sum(major_decisions)",
    ),
    (
        "publicity_within_7d_rate",
        "执法决定7个工作日内公开率",
        "371102",
        "371100",
        "2025-06-30",
        "pages/4_cases.py",
        "100.0 * sum(decisions_publicized_7d) / sum(decisions_to_publicize)",
    ),
    (
        "head_appearance_rate",
        "行政机关负责人出庭应诉率",
        "440100",
        "440000",
        "2025-12-31",
        "pages/4_cases.py",
        "100.0 * sum(head_appearances) / sum(lawsuits)",
    ),
]


def run(script: str, **params) -> AppTest:
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    if script != "app.py":
        at.switch_page(script)
    at = at.run()
    assert not at.exception
    return at


def expected(con, formula: str, region: str, as_of: str) -> float:
    """The ratio over the region's subtree (codes beginning like a city's 4 digits or a county's 6), January to the
    as-of month, as shown."""
    prefix = region[:4] if region.endswith("00") else region
    day = dt.date.fromisoformat(as_of)
    value = con.execute(
        f"select {formula} from case_stats where region_code like ? and period_month between ? and ?",
        [prefix + "%", dt.date(day.year, 1, 1), day.replace(day=1)],
    ).fetchone()[0]
    return indicators.shown(value)


@pytest.mark.parametrize(("key", "name", "region", "parent", "as_of", "page", "formula"), CASES)
def test_an_indicator_reads_the_same_everywhere(sample_db, con, key, name, region, parent, as_of, page, formula):
    want = expected(con, formula, region, as_of)
    text = indicators.format_value(want, "%")

    overview = {metric.label: metric.value for metric in run("app.py", region=region, as_of=as_of).metric}
    assert overview[name] == text

    kpis = {metric.label: metric.value for metric in run(page, region=region, as_of=as_of).metric}
    assert kpis[name] == text

    regions = run("pages/5_regions.py", region=parent, ind=key, as_of=as_of)
    assert regions.dataframe[0].value.set_index("地区代码").loc[region, "数值"] == want

    # the export's monthly rows of the year to date give the same ratio
    day = dt.date.fromisoformat(as_of)
    request = export.ExportRequest(
        dataset="cases",
        region_code=region,
        month_from=dt.date(day.year, 1, 1),
        month_to=day.replace(day=1),
        as_of=day,
        level=None,
        columns=None,
        lang="en",
    )
    rows = QueryRunner(con).frame(
        export.export_statement(QueryRunner(con), request.with_changes(columns=export_columns(key)))
    )
    numerator, denominator = (rows[column].astype(float).sum() for column in export_columns(key)[1:])
    assert indicators.shown(100.0 * numerator / denominator) == want


def export_columns(key: str) -> tuple[str, ...]:
    measures = {
        "legal_review_rate": ("major_decisions_reviewed", "major_decisions"),
        "publicity_within_7d_rate": ("decisions_publicized_7d", "decisions_to_publicize"),
        "head_appearance_rate": ("head_appearances", "lawsuits"),
    }[key]
    return ("region_code", *measures)


def test_training_kpi_ranking_and_chart_table_agree(sample_db, con, runner):
    """The exam sampling ratio of 日照's 东港区 in October 2024: the KPI, the parent's ranking table and the
    training page's chart table under the ranking read the same digit."""
    region, parent, as_of = "371102", "371100", "2024-10-31"
    sampled, officers = con.execute(
        """
        select
            (select sum(exam_sampled) from training_stats
             where region_code like '371102%' and period_month between date '2024-01-01' and date '2024-10-01'),
            (select sum(officers) from training_stats where region_code like '371102%' and period_month = '2024-10-01')
        """
    ).fetchone()
    want = indicators.shown(100.0 * sampled / officers)
    kpis = {metric.label: metric.value for metric in run("pages/3_training.py", region=region, as_of=as_of).metric}
    assert kpis["闭卷考试抽考比例"] == indicators.format_value(want, "%")
    overview = {metric.label: metric.value for metric in run("app.py", region=region, as_of=as_of).metric}
    assert overview["闭卷考试抽考比例"] == indicators.format_value(want, "%")
    day = dt.date.fromisoformat(as_of)
    view = Filters(parent, day, day, dt.date(2023, 1, 1), dt.date(2024, 10, 1))
    table = training.children_chart(runner.run, Scope.of(view, "日照市"), "exam_sampling_rate").data
    assert table.set_index("region_name").loc["东港区", "exam_sampling_rate"] == want


@pytest.mark.parametrize(
    ("region", "plan", "as_of"),
    [("440000", "guangdong", "2025-12-31"), ("320100", "jiangsu", "2024-10-31"), ("500237", "wushan", "2025-06-30")],
)
def test_the_milestone_items_of_a_region_are_one_number_on_the_overview_and_the_milestones_page(
    sample_db, runner, region, plan, as_of
):
    """The milestones page's 地区×事项 counted the pairs marked not applicable, the Overview's year cards do not:
    广东 read 5703 on one page and 5627 on the other. Both now count the items that apply."""
    at = run_page("pages/1_milestones.py", region=region, plan=plan, as_of=as_of)
    shown = int(next(m.value for m in at.metric if m.label == "地区×事项").replace(",", ""))
    counts = runner.run(
        "milestone_status_counts", region_code=region, as_of=dt.date.fromisoformat(as_of), plan_id=plan, task_area=None
    )
    year_cards = [
        scorecard.milestone_summary(scorecard.status_totals(counts, year))["items"]
        for year in scorecard.MILESTONE_YEARS
    ]
    assert shown == sum(year_cards) > 0
    # and the overview's table under its milestone chart counts the same items per year
    table = scorecard.milestone_year_table(counts).set_index("milestone_year")
    for year, items in zip(scorecard.MILESTONE_YEARS, year_cards, strict=True):
        assert (int(table.loc[year, "items_total"]) if year in table.index else 0) == items
    not_applicable = int(counts.loc[counts["status"] == "not_applicable", "item_count"].sum())
    assert f"{not_applicable} 个" in next(m.help for m in at.metric if m.label == "地区×事项")
