"""The overview page with AppTest: every level renders, the filters move the numbers, the figures are the database's."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from enforcement.i18n import status_label
from enforcement.rules import status
from tests.conftest import PROJECT


def run_app(sample_db, **params):
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def links(at) -> list[tuple[str, dict[str, list[str]]]]:
    return [(link.proto.label, parse_qs(link.proto.query_string)) for link in at.get("page_link")]


@pytest.mark.parametrize("region", ["000000", "320000", "371100", "371102", "371102001"])
def test_renders_at_every_level(sample_db, region):
    at = run_app(sample_db, region=region)
    assert not at.exception
    assert any("示例数据" in w.value for w in at.warning)
    shown = metrics(at)
    assert {"2023年里程碑完成率", "2024年里程碑完成率", "2025年里程碑完成率"} <= shown.keys()
    assert {"全员轮训完成率", "闭卷考试抽考比例", "行政诉讼败诉率", "群众满意度"} <= shown.keys()


def test_kpis_equal_independent_sums(sample_db, con):
    at = run_app(sample_db, region="371100", as_of="2025-12-31")
    reviewed, major = con.execute(
        """
        select sum(major_decisions_reviewed), sum(major_decisions) from case_stats
        where region_code like '3711%' and period_month between date '2025-01-01' and date '2025-12-01'
        """
    ).fetchone()
    hours, officers = con.execute(
        """
        select
            (select sum(public_law_hours + professional_hours) from training_stats
             where region_code like '3711%' and year(period_month) = 2025),
            (select sum(officers) from training_stats where region_code like '3711%' and period_month = '2025-12-01')
        """
    ).fetchone()
    shown = metrics(at)
    assert shown["重大执法决定法制审核执行率"] == f"{100.0 * reviewed / major:.1f}%"
    assert shown["年人均培训学时"] == f"{hours / officers:.1f} 学时"


def test_milestone_card_equals_an_independent_count(sample_db, con):
    at = run_app(sample_db, region="320000", as_of="2024-12-31")
    done, items = con.execute(
        """
        select count(*) filter (where status in ('done_on_time', 'done_late')),
            count(*) filter (where status <> 'not_applicable')
        from milestone_status_as_of(date '2024-12-31')
        where region_code like '32%' and milestone_year = 2024
        """
    ).fetchone()
    assert items > 0
    assert metrics(at)["2024年里程碑完成率"] == f"{100.0 * done / items:.1f}%"


def test_changing_region_or_date_changes_the_numbers(sample_db):
    base = metrics(run_app(sample_db, region="320000", as_of="2024-12-31"))
    other_region = metrics(run_app(sample_db, region="130000", as_of="2024-12-31"))
    other_date = metrics(run_app(sample_db, region="320000", as_of="2025-12-31"))
    assert other_region["2024年里程碑完成率"] != base["2024年里程碑完成率"]
    assert other_region["执法决定7个工作日内公开率"] != base["执法决定7个工作日内公开率"]
    assert other_date["2025年里程碑完成率"] != base["2025年里程碑完成率"]


def test_targets_come_from_the_governing_plan(sample_db):
    hebei = run_app(sample_db, region="130000", as_of="2024-12-31")
    cards = {metric.label: metric for metric in hebei.metric}
    exam = cards["闭卷考试抽考比例"]
    assert "HB-T05" in exam.proto.help and "2024年不少于60%" in exam.proto.help
    # 河北 sets public-law and professional hours, not a total: the card shows the two parts.
    assert "年人均公共法律知识培训学时" in cards and "年人均培训学时" not in cards
    nation = run_app(sample_db, region="000000")
    notes = [c.value for c in nation.caption]
    assert sum("无目标" in note for note in notes) >= 8  # no plan governs the nation: values without targets


def test_litigation_is_judged_against_the_parent(sample_db):
    at = run_app(sample_db, region="500237001", as_of="2025-12-31")
    card = next(m for m in at.metric if m.label == "行政诉讼败诉率")
    assert "巫山县" in card.proto.help and "WS-T04" in card.proto.help


def test_most_behind_children_link_to_their_own_view(sample_db, con):
    at = run_app(sample_db, region="130000", as_of="2024-10-31")
    worst = con.execute(
        """
        select r.lineage[2] as child,
            count(*) filter (where status in ('overdue', 'behind_schedule'))
            / count(*) filter (where status <> 'not_applicable') as share
        from milestone_status_as_of(date '2024-10-31') as s join regions as r using (region_code)
        where s.region_code like '13%' and r.level_no >= 2
        group by 1 order by share desc, child limit 1
        """
    ).fetchone()[0]
    behind = [(label, query) for label, query in links(at) if label.startswith(("1. ", "2. ", "3. "))]
    assert len(behind) == 3
    label, query = behind[0]
    assert query["region"] == [worst]
    assert query["as_of"] == ["2024-10-31"]  # the other filters come along


def test_milestone_chart_uses_the_status_palette(sample_db):
    at = run_app(sample_db, region="371100", as_of="2024-12-31")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    colours = {trace["name"]: trace["marker"]["color"] for trace in spec["data"]}
    assert colours[status_label("overdue")] == status.MILESTONE_COLORS["overdue"]
    assert colours[status_label("done_on_time")] == status.MILESTONE_COLORS["done_on_time"]


def test_bad_link_falls_back_with_a_notice(sample_db):
    at = run_app(sample_db, region="'; drop table regions; --", as_of="2024-02-30")
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert any("region" in n for n in notices) and any("as_of" in n for n in notices)


def test_english_switch(sample_db):
    at = run_app(sample_db, lang="en", region="500237")
    assert not at.exception
    assert at.title[0].value.startswith("Overview")
    assert any("Sample data" in w.value for w in at.warning)
    assert "2024 milestones done" in metrics(at)


def test_the_caption_names_the_plans_that_judge_the_figures(sample_db):
    captions = lambda at: " ".join(c.value for c in at.caption)  # noqa: E731
    nation = run_app(sample_db)
    assert "不在任何实施方案的范围内" in captions(nation)
    yardstick = run_app(sample_db, plan="hebei")
    assert "作参照判定" in captions(yardstick) and "河北省提升行政执法质量三年行动方案" in captions(yardstick)
    governed = run_app(sample_db, region="130000")
    assert "适用的实施方案" in captions(governed) and "河北省人民政府办公厅" in captions(governed)


def test_where_no_plan_governs_the_first_screen_compares_the_plans_regions(sample_db, con):
    """At 全国 no plan governs: the overview opens on the five plans' regions, each a link to its own overview, with
    its milestones done per year as computed here from the statuses."""
    at = run_app(sample_db, as_of="2025-12-31")
    assert not at.exception
    assert at.subheader[0].value == "各实施方案的地区进展"
    links = {link.proto.label.strip("*"): parse_qs(link.proto.query_string) for link in at.get("page_link")}
    for region_code, name in [
        ("320000", "江苏省"),
        ("440000", "广东省"),
        ("130000", "河北省"),
        ("371100", "日照市"),
        ("500237", "巫山县"),
    ]:
        assert links[name]["region"] == [region_code]
    done, items = con.execute(
        """
        select count(*) filter (where status in ('done_on_time', 'done_late')), count(*) filter (where status <> 'not_applicable')
        from milestone_status_as_of(date '2025-12-31') as s join milestones as m using (milestone_id)
        where s.plan_id = 'jiangsu' and m.milestone_year = 2024 and starts_with(s.region_code, '32')
        """
    ).fetchone()
    lines = [m.value for m in at.markdown if "2024年事项完成" in m.value]
    assert any(f"2024年事项完成 {100.0 * done / items:.1f}%" in line for line in lines)
    # where a plan governs, the region's own cards come first
    assert run_app(sample_db, region="320000").subheader[0].value != "各实施方案的地区进展"


@pytest.mark.parametrize(
    ("region", "lang", "labels"),
    [
        ("320102002", "zh", ["省", "市", "县", "乡镇(街道)"]),
        # a municipality's districts and counties hang from it: its second picker lists counties
        ("500237001", "zh", ["省", "县", "乡镇(街道)"]),
        ("500237001", "en", ["Province", "County", "Township"]),
        # 湖北 administers 仙桃, 潜江, 天门 and 神农架 directly, beside its cities
        ("420000", "zh", ["省", "市 / 县"]),
    ],
)
def test_region_pickers_are_named_by_the_level_of_what_they_list(sample_db, con, region, lang, labels):
    at = run_app(sample_db, region=region, lang=lang)
    assert not at.exception
    assert [box.label for box in at.sidebar.selectbox][: len(labels)] == labels
    levels = {
        code: sorted(
            row[0] for row in con.execute("select distinct level from regions where parent_code = ?", [code]).fetchall()
        )
        for code in ("500000", "420000")
    }
    assert levels == {"500000": ["county"], "420000": ["city", "county"]}


def test_children_none_of_which_is_behind_are_said_to_be_so(sample_db):
    """Where the children have items or figures and none is behind, the page says so, not that they have none."""
    at = run_app(sample_db, region="320583")  # 昆山市: its towns carry their milestone items, none overdue or behind
    assert not at.exception
    ranked = next(d.value for d in at.dataframe if "逾期或滞后(项)" in d.value.columns)
    assert len(ranked) > 0 and ranked["逾期或滞后(项)"].eq(0).all() and ranked["未达标指标(项)"].eq(0).all()
    assert f"{len(ranked)} 个下级地区都没有逾期、滞后的里程碑事项或未达标的指标。" in [s.value for s in at.success]
    assert not any("没有里程碑事项或统计数据" in i.value for i in at.info)
