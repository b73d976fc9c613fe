"""The regions page's logic: which region a click means, the breadcrumb, the ranking order and its colours."""

from __future__ import annotations

import pandas as pd
import pytest

from enforcement.content import charts, drilldown, indicators
from enforcement.rules import status

# The indicator queries' one period: the year to date at a month.
TILES_2025 = {"month": "2025-12-01", "domain_code": None}
# Every indicator, no domain or plan chosen.
EVERY_INDICATOR = {"domain_code": None, "plan_id": None, "indicator_keys": None, "sources": None}
AT_2025 = {**EVERY_INDICATOR, "month": "2025-12-01", "as_of": "2025-12-31"}


def visible_bars(figure):
    """The ranking's bars of values (not the row-wide click targets, named '', nor the grey no-data marks)."""
    return [
        trace
        for trace in figure.data
        if trace.type == "bar" and trace.name and trace.marker.color != drilldown.NO_DATA_COLOR
    ]


CHILDREN = ["371102", "371103", "371121"]


def point(custom, **extra):
    return {"curve_number": 0, "point_index": 0, "customdata": custom, **extra}


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ({"selection": {"points": [point(["371103", 5.0, 6.0, "≥ 60"])]}}, "371103"),
        ({"selection": {"points": [point("371121")]}}, "371121"),  # customdata as a bare value
        ({"points": [point(["371102"])]}, "371102"),  # the selection itself rather than the event
        ({"selection": {"points": [{"x": 3}, point(["371102"])]}}, "371102"),  # first point with a code
        ({"selection": {"points": [point(["371100"])]}}, None),  # the current region: a stale click from above
        ({"selection": {"points": [point(["320100"])]}}, None),  # not a child at all
        ({"selection": {"points": []}}, None),
        ({"selection": {"points": [point([])]}}, None),
        ({"selection": {"points": ["junk"]}}, None),
        ({"selection": {}}, None),
        (None, None),
        ("371102", None),
    ],
)
def test_drill_target_maps_a_selection_to_a_child(selection, expected):
    assert drilldown.drill_target(selection, CHILDREN) == expected


def test_breadcrumb_runs_from_the_nation_to_the_region(runner):
    lineage = runner.run("region_lineage", region_code="371102001")
    assert drilldown.breadcrumb(lineage) == [
        ("000000", "全国"),
        ("370000", "山东省"),
        ("371100", "日照市"),
        ("371102", "东港区"),
        ("371102001", "日照街道"),
    ]
    assert drilldown.breadcrumb(runner.run("region_lineage", region_code="000000"), "en") == [("000000", "China")]


def test_indicator_in_the_url_is_checked_against_the_known_list(runner):
    options = drilldown.indicator_options(runner.run("indicator_catalog"))
    assert options[0] == drilldown.MILESTONE_INDICATOR
    assert "legal_review_rate" in options and "other" not in options
    assert drilldown.parse_indicator("legal_review_rate", options) == "legal_review_rate"
    assert drilldown.parse_indicator(["satisfaction_rate"], options) == "satisfaction_rate"
    for bad in ("1; drop table regions", "", None, [], "other"):
        assert drilldown.parse_indicator(bad, options) == drilldown.DEFAULT_INDICATOR


def test_ranking_runs_worst_to_best_with_no_data_last(runner):
    values = runner.run("indicators_by_child", region_code="500237", **AT_2025)
    rows, parent = drilldown.ranking("litigation_loss_rate", values, None, higher_is_better=False)
    known = rows["value"].dropna().tolist()
    assert known == sorted(known, reverse=True)  # a loss rate: highest (worst) first
    assert rows["value"].isna().tolist() == sorted(rows["value"].isna().tolist())  # no data at the end
    assert parent["region_code"] == "500237"
    met = rows[rows["judgement"] == "met"]
    assert (met["value"] < parent["value"]).all()

    ascending, _ = drilldown.ranking("legal_review_rate", values, None, higher_is_better=True)
    shown = ascending["value"].dropna().tolist()
    assert shown == sorted(shown)


def test_milestone_ranking_counts_lagging_items(con, runner):
    counts = runner.run(
        "subtree_milestone_counts", region_code="371100", as_of="2025-12-31", plan_id=None, task_area=None
    )
    rows, parent = drilldown.ranking(drilldown.MILESTONE_INDICATOR, None, counts)
    lagging, items = con.execute(
        """
        select count(*) filter (where status in ('overdue', 'behind_schedule')),
            count(*) filter (where status <> 'not_applicable')
        from milestone_status_as_of(date '2025-12-31') where region_code like '371102%'
        """
    ).fetchone()
    dong = rows.set_index("region_code").loc["371102"]
    assert (dong["numerator"], dong["denominator"]) == (lagging, items)
    assert dong["value"] == pytest.approx(100.0 * lagging / items)
    assert parent["denominator"] >= rows["denominator"].sum()


def test_bars_are_coloured_by_the_palette_and_carry_the_region_code(runner):
    catalog = runner.run("indicator_catalog")
    values = runner.run(
        "indicators_by_child", region_code="371100", month="2024-10-01", as_of="2024-10-31", **EVERY_INDICATOR
    )
    info = drilldown.indicator("training_hours_total", catalog)
    rows, parent = drilldown.ranking("training_hours_total", values, None, higher_is_better=True)
    figure = drilldown.ranking_figure(rows, parent, info)
    bars = visible_bars(figure)
    for bar in bars:
        judgement = rows.loc[rows["region_code"] == bar.customdata[0][0], "judgement"].iloc[0]
        assert bar.marker.color == indicators.rag_color(judgement)
    codes = {row[0] for bar in bars for row in bar.customdata}
    assert codes == set(rows.loc[rows["value"].notna(), "region_code"])
    texts = [note.text for note in figure.layout.annotations]
    assert any("60.0" in text for text in texts)  # 日照's target line
    assert any("日照市平均" in text for text in texts)  # the parent's average line
    # the target and average lines run below the bars, so the value labels they cross stay readable
    lines = [shape for shape in figure.layout.shapes if shape.type == "line"]
    assert len(lines) == 2 and {shape.layer for shape in lines} == {"below"}


def test_milestone_bars_use_the_overdue_red():
    counts = pd.DataFrame(
        [(0, "p", "上级", None, "overdue", 9), (1, "a", "甲", "p", "overdue", 9)],
        columns=["depth", "region_code", "region_name", "parent_code", "status", "item_count"],
    )
    rows, parent = drilldown.ranking(drilldown.MILESTONE_INDICATOR, None, counts)
    info = drilldown.Indicator(drilldown.MILESTONE_INDICATOR, "x", "%", False, "")
    bar = visible_bars(drilldown.ranking_figure(rows, parent, info))[0]
    assert bar.marker.color == status.RAG_COLORS["red"] == status.MILESTONE_COLORS["overdue"]


def test_a_bar_of_zero_shows_its_status_in_its_number():
    rows = pd.DataFrame(
        {
            "region_code": ["a", "b", "c"],
            "region_name": ["甲", "乙", "丙"],
            "value": [0.0, 40.0, 100.0],
            "numerator": [0, 2, 5],
            "denominator": [4, 5, 5],
            "target_text": ["≥ 100.0%"] * 3,
            "judgement": ["not_met", "not_met", "met"],
            "judgement_label": ["未达标", "未达标", "达标"],
        }
    )
    figure = drilldown.ranking_figure(rows, None, drilldown.Indicator("x", "x", "%", True, ""))
    colours = {
        name: colour for bar in visible_bars(figure) for name, colour in zip(bar.y, bar.textfont.color, strict=True)
    }
    assert colours["甲"] == status.RAG_COLORS["red"]  # no width to show it: the number is red
    assert colours["乙"] == colours["丙"] == charts.TEXT_COLOR  # the bar itself shows its colour


def test_every_child_can_be_clicked_whatever_its_value():
    """A 0 % bar has no width and a child without figures no bar: a row-wide target under each carries its code."""
    rows = pd.DataFrame(
        {
            "region_code": ["a", "b", "c"],
            "region_name": ["甲", "乙", "丙"],
            "value": [0.0, 50.0, None],
            "numerator": [0, 1, None],
            "denominator": [3, 2, None],
            "target_text": ["", "", ""],
            "judgement": ["no_target", "no_target", "no_data"],
            "judgement_label": ["无目标", "无目标", "无数据"],
        }
    )
    info = drilldown.Indicator("x", "x", "%", True, "")
    figure = drilldown.ranking_figure(rows, None, info)
    targets = [trace for trace in figure.data if trace.type == "bar" and trace.name == ""]
    assert len(targets) == 1 and figure.data[0] is targets[0]  # drawn first, under the visible bars
    target = targets[0]
    assert [row[0] for row in target.customdata] == ["a", "b", "c"]
    assert list(target.y) == ["甲", "乙", "丙"]
    assert all(x == figure.layout.xaxis.range[1] for x in target.x)  # across the whole row
    selection = {"selection": {"points": [{"customdata": list(target.customdata[0])}]}}
    assert drilldown.drill_target(selection, ["a", "b", "c"]) == "a"
    assert "丙" in figure.layout.yaxis.categoryarray  # the child without figures keeps its row


def test_common_target_or_one_per_plan():
    same = pd.DataFrame(
        {"target_id": ["a", "b"], "is_target_due": [True, True], "comparator": [">=", ">="], "target_value": [60, 60]}
    )
    assert drilldown.common_target(same) == (">=", 60.0)
    differ = same.assign(target_value=[60, 30])
    assert drilldown.common_target(differ) is None
    parent = same.assign(comparator="below_parent_avg", target_value=None)
    assert drilldown.common_target(parent) is None and drilldown.parent_is_target(parent)


def test_treemap_tiles_match_the_ranking_and_leave_out_empty_children(runner):
    tiles = runner.run(
        "subtree_indicator_tiles",
        region_code="000000",
        indicator_key="legal_review_rate",
        sources=["cases"],
        **TILES_2025,
    )
    values = runner.run("indicators_by_child", region_code="000000", **AT_2025)
    ranked, parent = drilldown.ranking("legal_review_rate", values, None)
    by_code = tiles.set_index("region_code")["value"]
    for row in ranked.dropna(subset=["value"]).itertuples():
        assert by_code[row.region_code] == pytest.approx(row.value)
    assert by_code["000000"] == pytest.approx(parent["value"])
    shown = drilldown.shown_tiles(tiles)
    assert "110000" not in shown  # 北京 has no sample figures
    assert {"000000", "320000", "320100"} <= shown
    # a label too small to read (a phone's narrow tiles) is hidden, not shrunk: the hover still names the tile
    info = drilldown.Indicator("legal_review_rate", "审核率", "percent", higher_is_better=True, definition="")
    figure = drilldown.treemap_figure(drilldown.tiles(tiles, None, info.key, "zh"), info)
    assert figure.layout.uniformtext.mode == "hide" and figure.layout.uniformtext.minsize >= 9
    assert "%{label}" in figure.data[0].hovertemplate


def test_catalog_sources_are_the_tables_holding_each_formulas_measures(runner, con):
    catalog = runner.run("indicator_catalog").set_index("indicator_key")
    # independently: each measure's table from information_schema, each formula's measures from the indicators table
    expected = con.execute(
        """
        with formulas as (
            select indicator_key, unnest(list_append(numerator_measures, denominator_measure)) as measure
            from indicators where computed_from = 'statistics'
        )
        select f.indicator_key, list(distinct c.table_name order by c.table_name)
        from formulas as f
        join information_schema.columns as c on c.column_name = f.measure
        where c.table_name in ('case_stats', 'training_stats', 'capacity_stats', 'satisfaction_surveys')
        group by all
        """
    ).fetchall()
    names = {
        "case_stats": "cases",
        "training_stats": "training",
        "capacity_stats": "capacity",
        "satisfaction_surveys": "surveys",
    }
    assert len(expected) == (catalog["computed_from"] == "statistics").sum() > 10
    for key, tables in expected:
        assert sorted(catalog.loc[key, "sources"]) == sorted(names[t] for t in tables), key
    assert list(catalog.loc["legal_review_rate", "sources"]) == ["cases"]  # the table the benchmark's treemap reads
    assert all(len(s) == 0 for s in catalog.loc[catalog["computed_from"] != "statistics", "sources"])


@pytest.mark.parametrize("root", ["000000", "320000", "320102"])
@pytest.mark.parametrize(
    "key", ["legal_review_rate", "training_hours_total", "legal_reviewer_ratio", "satisfaction_rate"]
)
def test_tiles_read_only_their_sources_and_give_the_same_values(runner, root, key):
    sources = list(drilldown.indicator(key, runner.run("indicator_catalog")).sources)
    everything = ["cases", "training", "capacity", "surveys"]
    narrow = runner.run("subtree_indicator_tiles", region_code=root, indicator_key=key, sources=sources, **TILES_2025)
    wide = runner.run("subtree_indicator_tiles", region_code=root, indicator_key=key, sources=everything, **TILES_2025)
    pd.testing.assert_frame_equal(narrow, wide)
    assert narrow["value"].notna().sum() > 0
    # with other tables only, the indicator has no numbers at all
    others = [s for s in everything if s not in sources]
    empty = runner.run("subtree_indicator_tiles", region_code=root, indicator_key=key, sources=others, **TILES_2025)
    assert empty["value"].isna().all() and len(empty) == len(wide)


@pytest.mark.parametrize("with_data", [0, 1, 5, 31])
def test_every_listed_region_gets_a_readable_row_however_many_have_no_data(with_data):
    # At 全国 most provinces have no plan: their rows must be as tall as the others, or names are skipped.
    names = [f"地区{i}" for i in range(31)]
    rows = pd.DataFrame(
        {
            "region_code": [f"{i:02d}0000" for i in range(31)],
            "region_name": names,
            "value": [float(i + 1) if i < with_data else None for i in range(31)],
            "numerator": [1] * 31,
            "denominator": [2] * 31,
            "target_text": [""] * 31,
            "judgement": ["no_target" if i < with_data else "no_data" for i in range(31)],
            "judgement_label": ["无目标" if i < with_data else "无数据" for i in range(31)],
        }
    )
    figure = drilldown.ranking_figure(rows, None, drilldown.Indicator("x", "x", "%", True, ""))
    layout = figure.layout
    plot_height = layout.height - layout.margin.t - layout.margin.b
    assert list(layout.yaxis.categoryarray) == names
    assert plot_height / len(names) >= 20


def _rgb(color: str) -> tuple[int, ...]:
    if color.startswith("#"):
        return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(round(float(part)) for part in color[color.index("(") + 1 : -1].split(","))


@pytest.mark.parametrize("higher_is_better", [True, False])
def test_tiles_run_from_red_for_the_worst_to_green_for_the_best_and_grey_without_data(higher_is_better):
    values = pd.Series([10.0, None, 55.0, 100.0, 32.5])
    colours = drilldown.tile_colors(values, higher_is_better)
    best, worst = (3, 0) if higher_is_better else (0, 3)
    assert _rgb(colours[best]) == _rgb(status.RAG_COLORS["green"])
    assert _rgb(colours[worst]) == _rgb(status.RAG_COLORS["red"])
    assert colours[1] == drilldown.NO_DATA_COLOR
    # the middle of the range is the scale's middle, amber; every tile with data gets its own place on the scale
    assert _rgb(drilldown.tile_colors(pd.Series([0.0, 50.0, 100.0]), True)[1]) == _rgb(status.RAG_COLORS["amber"])
    assert len({colours[i] for i in (0, 2, 3, 4)}) == 4
    assert drilldown.tile_colors(pd.Series([None, None]), True) == [drilldown.NO_DATA_COLOR] * 2
