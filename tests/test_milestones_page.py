"""The 里程碑 page with AppTest: every level and plan, the filters, numbers checked against the database."""

from __future__ import annotations

import datetime as dt

import pytest

from enforcement.i18n import status_label
from enforcement.rules import status
from tests.page_runner import figures, metric, run_page

PAGE = "pages/1_milestones.py"

# Overdue (milestone, region) pairs in a subtree on a date, straight from the reports and the catalog: the latest
# report up to the date, a deadline before it, no completion by then, not marked not applicable.
INDEPENDENT_OVERDUE = """
with
latest as (
    select milestone_id, region_code,
        arg_max(status_reported, report_date) as reported, arg_max(completed_on, report_date) as completed_on
    from task_progress
    where report_date <= $as_of::date
    group by all
),
assigned as (
    select m.milestone_id, m.deadline_date, r.region_code
    from milestones as m
    join plans as p on p.plan_id = m.plan_id
    join regions as issuer on issuer.region_code = p.issuer_region_code
    join regions as r on starts_with(r.region_code, issuer.code_prefix) and list_contains(m.applies_to_levels, r.level)
    where m.plan_id = $plan_id
)
select count(*)
from assigned as a
left join latest as l using (milestone_id, region_code)
where starts_with(a.region_code, (select code_prefix from regions where region_code = $region_code))
    and a.deadline_date < $as_of::date
    and coalesce(l.reported, 'not_started') <> 'not_applicable'
    and l.completed_on is null
"""


def independent_overdue(con, region_code, as_of, plan_id) -> int:
    return con.execute(
        INDEPENDENT_OVERDUE, {"region_code": region_code, "as_of": as_of, "plan_id": plan_id}
    ).fetchone()[0]


@pytest.mark.parametrize(
    "region, plan",
    [
        ("320000", None),  # province, its own plan
        ("320100", None),  # city
        ("320102", None),  # county (district)
        ("320102001", None),  # township
        ("371100", "rizhao"),  # a city's own plan
        ("371102", None),
        ("371102001", None),
        ("440000", "guangdong"),
        ("130000", "hebei"),
        ("500237", "wushan"),
        ("000000", None),  # the nation: no plan governs it, the first concerned one is shown
    ],
)
def test_renders_for_every_level_and_plan(sample_db, region, plan):
    params = {"region": region} | ({"plan": plan} if plan else {})
    at = run_page(PAGE, **params)
    assert not at.exception
    assert at.title[0].value.startswith("里程碑")
    if plan:
        assert at.selectbox(key="p_plan").value == plan
    if region == "000000":  # no plan governs the nation: the first concerned is a province's, not a county's
        assert at.selectbox(key="p_plan").value in {"guangdong", "hebei", "jiangsu"}
    assert metric(at, "里程碑") > 0
    heatmap, timeline = figures(at)[:2]
    assert heatmap["data"][0]["type"] == "heatmap"
    assert timeline["layout"]["shapes"][0]["x0"] == at.date_input(key="f_as_of").value.isoformat()


def test_overdue_count_equals_an_independent_count(sample_db, con):
    at = run_page(PAGE, region="371100", plan="rizhao", as_of="2024-12-31")
    expected = independent_overdue(con, "371100", "2024-12-31", "rizhao")
    assert expected > 0
    assert metric(at, "逾期未完成") == expected


def assert_overdue_follows_region_and_as_of(con, page: str) -> None:
    """The page's overdue count differs for 江苏省, 南京市 and a later as-of date, each the database's own count."""
    shown = {
        (region, as_of): metric(run_page(page, region=region, as_of=as_of), "逾期未完成")
        for region, as_of in [("320000", "2024-12-31"), ("320100", "2024-12-31"), ("320000", "2025-06-30")]
    }
    assert len(set(shown.values())) == 3
    for (region, as_of), count in shown.items():
        assert count == independent_overdue(con, region, as_of, "jiangsu"), (region, as_of)


def test_changing_region_or_as_of_changes_the_numbers(sample_db, con):
    assert_overdue_follows_region_and_as_of(con, PAGE)


def _overdue_cell(con):
    """A (county, milestone) of the 日照 plan that is overdue somewhere in the county on 2024-12-31."""
    return con.execute(
        """
        select r.lineage[3] as county, s.milestone_id
        from milestone_status_as_of(date '2024-12-31') as s join regions as r using (region_code)
        where s.plan_id = 'rizhao' and s.status = 'overdue' and r.level in ('county', 'township')
        order by 1, 2 limit 1
        """
    ).fetchone()


def test_an_overdue_milestone_shows_in_the_overdue_colour(sample_db, con):
    county, milestone_id = _overdue_cell(con)
    at = run_page(PAGE, region="371100", plan="rizhao", as_of="2024-12-31")
    heatmap = figures(at)[0]
    trace = heatmap["data"][0]
    # milestones down the side (their short names on the axis), regions across
    row, column = trace["y"].index(milestone_id), trace["x"].index(county)
    z = trace["z"][row][column]
    assert status.MILESTONE_STATUSES[z] == "overdue"
    share = (z - trace["zmin"]) / (trace["zmax"] - trace["zmin"])
    colours = [colour for low, colour in trace["colorscale"] if low <= share][-1]
    assert colours == status.MILESTONE_COLORS["overdue"]
    assert status_label("overdue") in trace["hovertext"][row][column]
    legend = {t["name"]: t["marker"]["color"] for t in heatmap["data"][1:]}
    assert legend[status_label("overdue")] == status.MILESTONE_COLORS["overdue"]
    # the data table behind the chart says the same
    cells = at.dataframe[0].value
    shown = cells[(cells["地区代码"] == county) & (cells["事项编号"] == milestone_id)]
    assert list(shown["状态"]) == [status_label("overdue")]


def test_the_board_names_milestones_and_can_turn(sample_db):
    first = run_page(PAGE, region="371100", plan="rizhao")
    down = figures(first)[0]
    # the caption says what the chart draws: milestones down the side, regions across (it once said the reverse)
    assert any("里程碑在左侧逐行排列、地区在上方逐列排列" in c.value for c in first.caption)
    assert down["data"][0]["y"][0] == "RZ-M001" and "371102" in down["data"][0]["x"]
    assert down["layout"]["yaxis"]["ticktext"][0] == "执法质效显著提升"  # RZ-M001's short name, not its code
    # region names on one line, turned upright by Plotly where they do not fit (two-line names piled up on a phone)
    assert not [label for label in down["layout"]["xaxis"]["ticktext"] if "<br>" in label]
    assert "日照经济技术开发区" in down["layout"]["xaxis"]["ticktext"] and down["layout"]["xaxis"]["automargin"]
    at = run_page(PAGE, region="371100", plan="rizhao", tr="1")
    assert not at.exception
    across = figures(at)[0]["data"][0]
    assert across["x"][0] == "RZ-M001" and "371102" in across["y"]


def test_the_board_is_built_once_per_filters_and_drawn_again_from_what_was_kept(sample_db, monkeypatch):
    """The heatmap and the timeline are kept per filters (ctx.built): a page seen again, in any session, draws
    them without building them again (it cost the server a third of a second on every rerun)."""
    from enforcement.content import milestone_charts
    from enforcement.ui import frame

    frame._cached_build.cache_clear()
    built: list[str] = []
    heatmap = milestone_charts.status_heatmap
    monkeypatch.setattr(
        milestone_charts, "status_heatmap", lambda *args, **kw: built.append("heatmap") or heatmap(*args, **kw)
    )
    first = figures(run_page(PAGE, region="371100", plan="rizhao"))
    again = figures(run_page(PAGE, region="371100", plan="rizhao"))
    assert built == ["heatmap"] and first == again
    figures(run_page(PAGE, region="371100", plan="rizhao", as_of="2024-06-30"))  # other filters: built anew
    assert built == ["heatmap", "heatmap"]


def test_what_changed_matches_an_independent_computation(sample_db, con):
    expected = con.execute(
        """
        select count(*)
        from milestone_status_as_of(date '2024-12-31') as a
        join milestone_status_as_of(date '2024-09-30') as b using (milestone_id, region_code)
        where a.plan_id = 'rizhao' and starts_with(a.region_code, '3711') and a.status <> b.status
        """
    ).fetchone()[0]
    at = run_page(PAGE, region="371100", plan="rizhao", as_of="2024-12-31", since="2024-09-30")
    assert expected > 0
    assert metric(at, "状态变化") == expected
    changes = at.dataframe[-1].value
    assert len(changes) == expected
    assert changes["变化日期"].dropna().is_monotonic_decreasing
    # moving 'since' with its date input rewrites the link and the list
    at.date_input(key="p_since").set_value(dt.date(2024, 10, 31)).run()
    assert at.query_params["since"] in ("2024-10-31", ["2024-10-31"])
    assert metric(at, "状态变化") < expected
    # the default is one month before the as-of date, and is left out of the link
    at.date_input(key="p_since").set_value(dt.date(2024, 11, 30)).run()
    assert "since" not in at.query_params


def test_clause_card_quotes_the_document(sample_db, con):
    quote, number = con.execute(
        "select m.quote, p.document_number from milestones m join plans p using (plan_id) "
        "where milestone_id = 'RZ-M004'"
    ).fetchone()
    at = run_page(PAGE, region="371100", plan="rizhao", m="RZ-M004")
    text = "\n".join(block.value for block in at.markdown)
    assert at.selectbox(key="p_m").value == "RZ-M004"
    assert "原文引语" in text and quote[:6] in text.replace("\\", "")
    assert number in text.replace("\\", "")


def test_plan_choice_and_bad_plan(sample_db):
    at = run_page(PAGE, region="000000")
    assert any("请选择" in block.value for block in at.info)
    at.selectbox(key="p_plan").set_value("hebei").run()
    assert at.query_params["plan"] in ("hebei", ["hebei"])
    assert at.selectbox(key="p_plan").value == "hebei"
    wrong = run_page(PAGE, region="320000", plan="rizhao")
    assert not wrong.exception
    assert any("rizhao" in w.value for w in wrong.warning)
    assert wrong.selectbox(key="p_plan").value == "jiangsu"


def test_task_area_filter(sample_db):
    every = metric(run_page(PAGE, region="371100", plan="rizhao"), "里程碑")
    area = metric(run_page(PAGE, region="371100", plan="rizhao", area="组织实施"), "里程碑")
    assert 0 < area < every


def test_english(sample_db):
    at = run_page(PAGE, region="371100", lang="en")
    assert not at.exception
    assert at.title[0].value.startswith("Milestones")
    assert figures(at)[0]["layout"]["title"]["text"] == "Milestone status by region"


def test_a_plans_reported_figures_and_notes_are_shown(sample_db):
    """广东 reports figures already achieved (约4100家执法主体, 超106万宗案件): they are shown with the document's
    words; 日照's note that its ledger is cut off is shown on its plan."""
    guangdong = run_page(PAGE, region="440000", plan="guangdong")
    assert not guangdong.exception
    figures = next(frame.value for frame in guangdong.dataframe if "报告数值" in frame.value.columns)
    by_item = figures.set_index("事项")["报告数值"]
    assert by_item["上线省一体化行政执法平台的执法主体"] == "约4,100家"
    assert by_item["省一体化行政执法平台办理案件"] == "超1,060,000宗"
    assert len(figures) == 7
    rizhao = run_page(PAGE, region="371100", plan="rizhao")
    assert any("第36项" in caption.value for caption in rizhao.caption)
