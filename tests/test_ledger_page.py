"""The 任务台账 page with AppTest: every level and plan, URL filters, the overdue list against the database."""

from __future__ import annotations

import json

import pytest

from enforcement.content.indicators import format_value
from enforcement.i18n import column_label, status_label
from enforcement.rules import status
from tests.page_runner import cell_css, metric, run_page
from tests.test_milestones_page import assert_overdue_follows_region_and_as_of, independent_overdue

PAGE = "pages/2_ledger.py"
OVERDUE = status_label("overdue")


@pytest.mark.parametrize(
    "region, plan",
    [
        ("320000", None),
        ("320100", None),
        ("320102", None),
        ("320102001", None),
        ("371100", "rizhao"),
        ("371102", None),
        ("371102001", None),
        ("440000", "guangdong"),
        ("130000", "hebei"),
        ("500237", "wushan"),
        ("000000", None),
    ],
)
def test_renders_for_every_level_and_plan(sample_db, region, plan):
    params = {"region": region} | ({"plan": plan} if plan else {})
    at = run_page(PAGE, **params)
    assert not at.exception
    assert at.title[0].value.startswith("任务台账")
    ledger = at.dataframe[0].value
    assert len(ledger) == metric(at, "台账任务") > 0
    assert {"事项编号", "条款", "任务要求", "责任单位", "牵头单位", "完成时限", "完成日期"} <= set(ledger.columns)


def test_overdue_list_equals_an_independent_count(sample_db, con):
    at = run_page(PAGE, region="371100", plan="rizhao", as_of="2024-12-31")
    expected = independent_overdue(con, "371100", "2024-12-31", "rizhao")
    assert expected > 0
    assert metric(at, "逾期未完成") == expected
    overdue = at.dataframe[-1].value
    assert len(overdue) == expected
    assert overdue["逾期天数"].is_monotonic_decreasing
    assert (overdue["逾期天数"] > 0).all()


def test_changing_region_or_as_of_changes_the_numbers(sample_db, con):
    assert_overdue_follows_region_and_as_of(con, PAGE)


def test_a_column_per_child_shows_the_overdue_colour(sample_db, con):
    county, milestone_id = con.execute(
        """
        select r.lineage[3], s.milestone_id
        from milestone_status_as_of(date '2024-12-31') as s join regions as r using (region_code)
        where s.plan_id = 'rizhao' and s.status = 'overdue' and r.level in ('county', 'township')
        order by 1, 2 limit 1
        """
    ).fetchone()
    name = con.execute("select region_name from regions where region_code = ?", [county]).fetchone()[0]
    at = run_page(PAGE, region="371100", plan="rizhao", as_of="2024-12-31")
    ledger = at.dataframe[0].value
    children = con.execute("select region_name from regions where parent_code = '371100'").fetchall()
    assert {"本级", *(child for (child,) in children)} <= set(ledger.columns)
    row = ledger.index[ledger["事项编号"] == milestone_id][0]
    column = list(ledger.columns).index(name)
    assert ledger.iloc[row, column] == OVERDUE
    assert f"background-color: {status.MILESTONE_COLORS['overdue']}" in cell_css(at, 0, row, column)
    # the region's own status (worst of its subtree) is overdue too, in the same colour
    status_column = list(ledger.columns).index("状态")
    assert ledger.iloc[row, status_column] == OVERDUE
    assert status.MILESTONE_COLORS["overdue"] in cell_css(at, 0, row, status_column)


def test_status_filter_from_the_link(sample_db, con):
    at = run_page(PAGE, region="371100", plan="rizhao", as_of="2024-12-31", st=["overdue"])
    assert at.multiselect(key="p_st").value == ["overdue"]
    ledger = at.dataframe[0].value
    assert set(ledger["状态"]) == {OVERDUE}
    expected = con.execute(
        """
        select count(distinct milestone_id) from milestone_status_as_of(date '2024-12-31')
        where plan_id = 'rizhao' and starts_with(region_code, '3711') and status = 'overdue'
        """
    ).fetchone()[0]
    assert len(ledger) == expected
    # choosing in the widget writes the link
    at.multiselect(key="p_st").set_value(["overdue", "done_late"]).run()
    assert sorted(at.query_params["st"]) == ["done_late", "overdue"]
    assert len(at.dataframe[0].value) > expected


def test_unit_filter_and_bad_values(sample_db):
    at = run_page(PAGE, region="371100", plan="rizhao", unit=["市司法局"], st=["nonsense"])
    assert not at.exception
    assert at.multiselect(key="p_st").value == []
    assert at.multiselect(key="p_unit").value == ["市司法局"]
    ledger = at.dataframe[0].value
    assert 0 < len(ledger) < 44
    named = ledger["牵头单位"] + ";" + ledger["责任单位"]
    assert all("市司法局" in units.split(";") for units in named)


def test_many_children_give_counts_and_a_long_table(sample_db, con):
    children = con.execute(
        "select count(distinct r.lineage[4]) from milestone_assignments a join regions r using (region_code) "
        "where starts_with(a.region_code, '130828') and a.plan_id = 'hebei'"
    ).fetchone()[0]
    assert children > 20
    at = run_page(PAGE, region="130828")
    assert not at.exception
    counts, long, overdue = (frame.value for frame in at.dataframe)
    assert "逾期未完成" in counts.columns and "本级" not in counts.columns
    assert (counts["地区×事项数"] == counts[[status_label(s) for s in status.MILESTONE_STATUSES]].sum(axis=1)).all()
    assert set(long["事项编号"]) == set(counts["事项编号"])
    assert len(overdue) == metric(at, "逾期未完成")


def test_english(sample_db):
    at = run_page(PAGE, region="371100", lang="en")
    assert not at.exception
    assert at.title[0].value.startswith("Task ledger")
    assert "Responsible units" in at.dataframe[0].value.columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_progress_reads_as_every_percentage_the_app_writes(sample_db, lang):
    """The ledger's progress bars print their value as format_value does everywhere else (the report, the cards):
    an average short of 100 % never reads 100 %."""
    at = run_page(PAGE, region="440106", lang=lang)
    assert not at.exception
    table = at.dataframe[0]
    header = column_label("percent_complete", lang)
    printf = json.loads(table.proto.columns)[header]["type_config"]["format"]
    values = table.value[header].dropna()
    assert len(values) > 0
    assert [printf % v for v in values] == [format_value(v, "%", lang) for v in values]
