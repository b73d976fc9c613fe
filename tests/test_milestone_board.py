"""The milestone board's rules and shapes: worst status of a group, rows by child, what changed, ledger tables."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from enforcement.content import milestone_charts, milestones
from enforcement.i18n import status_label
from enforcement.rules import status

ORDER = list(status.MILESTONE_STATUSES)


def worst(rules, statuses):
    return rules.execute("select worst_milestone_status(?::varchar[])", [statuses]).fetchone()[0]


# ----------------------------------------------------------------------------------------------- worst status


def test_sql_order_is_the_palette_order(rules):
    assert rules.execute("select milestone_status_order()").fetchone()[0] == ORDER


@pytest.mark.parametrize("more, less", list(itertools.combinations(ORDER, 2)))
def test_worst_of_two_is_the_more_urgent(rules, more, less):
    assert worst(rules, [less, more]) == more
    assert worst(rules, [more, less, less]) == more


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ([], None),
        (["done_on_time"], "done_on_time"),
        (["done_on_time", "done_late", "not_applicable"], "done_late"),
        (["not_applicable", "not_started"], "not_started"),
        (["in_progress", "due_soon", "done_on_time"], "due_soon"),
        (["behind_schedule", "overdue", "due_soon"], "overdue"),
        ([None, "in_progress"], "in_progress"),
    ],
)
def test_worst_status_edges(rules, statuses, expected):
    assert worst(rules, statuses) == expected


def test_units_of_a_milestone(rules):
    units = rules.execute("select milestone_units('市司法局', '各区县政府;;各功能区管委')").fetchone()[0]
    assert units == ["市司法局", "各区县政府", "各功能区管委"]
    assert rules.execute("select milestone_units(null, null)").fetchone()[0] == []


# ----------------------------------------------------------------------------------------------- the board on data


# The 日照 plan's milestones over 日照市's subtree at the end of 2024.
RIZHAO_END_2024 = dict(region_code="371100", as_of="2024-12-31", plan_id="rizhao", task_area=None)


def code_prefix(con, region: str) -> str:
    """What every code in the region's subtree starts with (from the reference data, not the queries under test)."""
    return con.execute("select code_prefix from regions where region_code = ?", [region]).fetchone()[0]


def _pairs(con, region: str, as_of: str, plan_id: str) -> pd.DataFrame:
    return con.execute(
        "select milestone_id, region_code, status from milestone_status_as_of(?::date) "
        "where plan_id = ? and starts_with(region_code, ?)",
        [as_of, plan_id, code_prefix(con, region)],
    ).df()


@pytest.mark.parametrize(
    "region, plan_id, as_of",
    [("371100", "rizhao", "2024-12-31"), ("320000", "jiangsu", "2024-10-31"), ("130000", "hebei", "2025-12-31")],
)
def test_board_cells_are_the_worst_of_each_childs_subtree(con, runner, region, plan_id, as_of):
    board = runner.run("milestone_board", region_code=region, as_of=as_of, plan_id=plan_id, task_area=None)
    pairs = _pairs(con, region, as_of, plan_id)
    child_length = {"371100": 6, "320000": 4, "130000": 4}[region]
    # independent of the query: the child is the code cut to the next level, the root's own pairs stay themselves
    pairs["row_code"] = [
        code if code == region else (code[:child_length] + "00" if child_length == 4 else code[:child_length])
        for code in pairs["region_code"]
    ]
    pairs["rank"] = pairs["status"].map(ORDER.index)
    expected = pairs.groupby(["milestone_id", "row_code"]).agg(rank=("rank", "min"), n=("status", "size"))
    expected["status"] = [ORDER[rank] for rank in expected["rank"]]
    got = board.set_index(["milestone_id", "row_code"]).sort_index()
    expected = expected.sort_index()
    assert list(got.index) == list(expected.index)
    assert list(got["status"]) == list(expected["status"])
    assert list(got["count_items"]) == list(expected["n"])
    counts = got[list(milestones.COUNT_COLUMNS)]
    assert (counts.sum(axis=1) == got["count_items"]).all()
    assert ((counts > 0).sum(axis=1) > 1).any()  # some cells do aggregate different statuses
    assert got.loc[got["is_own"]].index.get_level_values("row_code").unique().tolist() in ([], [region])


def test_summary_is_the_worst_over_the_whole_subtree(con, runner):
    summary = runner.run("milestone_summary", **RIZHAO_END_2024, statuses=None, units=None).set_index("milestone_id")
    pairs = _pairs(con, "371100", "2024-12-31", "rizhao")
    pairs["rank"] = pairs["status"].map(ORDER.index)
    expected = pairs.groupby("milestone_id")["rank"].min().map(lambda rank: ORDER[rank])
    assert summary["status"].sort_index().to_dict() == expected.sort_index().to_dict()


def test_summary_filters_by_status_and_unit(runner):
    every = runner.run("milestone_summary", **RIZHAO_END_2024, statuses=None, units=None)
    overdue = runner.run("milestone_summary", **RIZHAO_END_2024, statuses=["overdue"], units=None)
    assert 0 < len(overdue) < len(every)
    assert set(overdue["status"]) == {"overdue"}
    assert set(overdue["milestone_id"]) == set(every.loc[every["count_overdue"] > 0, "milestone_id"])
    by_unit = runner.run("milestone_summary", **RIZHAO_END_2024, statuses=None, units=["市司法局"])
    assert 0 < len(by_unit) < len(every)
    named = by_unit["lead_units"].fillna("") + ";" + by_unit["responsible_units"].fillna("")
    assert all("市司法局" in units.split(";") for units in named)


# ----------------------------------------------------------------------------------------------- what changed


@pytest.mark.parametrize(
    "region, plan_id, since, as_of",
    [
        ("320000", "jiangsu", "2024-06-30", "2024-12-31"),
        ("371100", "rizhao", "2024-11-30", "2024-12-31"),
        ("371102", "rizhao", "2025-03-31", "2025-12-31"),
    ],
)
def test_status_changes_match_an_independent_computation(con, runner, region, plan_id, since, as_of):
    changes = runner.run(
        "milestone_status_changes", region_code=region, since=since, as_of=as_of, plan_id=plan_id, task_area=None
    )
    prefix = code_prefix(con, region)
    expected = con.execute(
        """
        select a.milestone_id, a.region_code, b.status as old_status, a.status as new_status
        from milestone_status_as_of(?::date) as a
        join milestone_status_as_of(?::date) as b using (milestone_id, region_code)
        where a.plan_id = ? and starts_with(a.region_code, ?) and a.status is distinct from b.status
        """,
        [as_of, since, plan_id, prefix],
    ).fetchall()
    assert len(expected) > 0
    got = list(changes[["milestone_id", "region_code", "old_status", "new_status"]].itertuples(index=False, name=None))
    assert sorted(got) == sorted(expected)
    dated = changes["changed_on"].dropna()
    assert dated.is_monotonic_decreasing
    undated = changes["changed_on"].isna()
    assert not (undated.cummax() & ~undated).any()  # undated changes (schedule moved) come last
    by_report = changes[changes["change_cause"] == "report"]
    assert (by_report["changed_on"] > pd.Timestamp(since)).all()
    assert (by_report["changed_on"] <= pd.Timestamp(as_of)).all()


def test_changes_table_labels_the_statuses():
    changes = pd.DataFrame(
        {
            "changed_on": [pd.Timestamp("2024-10-01")],
            "change_cause": ["deadline"],
            "milestone_id": ["RZ-M004"],
            "clause_path": ["二(二)5"],
            "short_name_zh": ["专项监督"],
            "short_name_en": ["Special oversight"],
            "requirement": ["开展专项监督"],
            "region_code": ["371102"],
            "region_path": ["东港区"],
            "old_status": ["due_soon"],
            "new_status": ["overdue"],
            "old_percent_complete": [80],
            "percent_complete": [80],
            "evidence_note": ["x"],
        }
    )
    table = milestones.changes_table(changes, "zh")
    assert table.loc[0, "new_status"] == status_label("overdue")
    assert table.loc[0, "old_status"] == status_label("due_soon")
    assert table.loc[0, "change_cause"] == "期限到达"
    assert table.loc[0, "short_name"] == "专项监督"  # the item by its name, not only its code


# ----------------------------------------------------------------------------------------------- plan and rows


def _plans(*rows):
    return pd.DataFrame(rows, columns=["plan_id", "governs"])


def test_choose_plan():
    plans = _plans(("rizhao", True), ("jiangsu", False))
    assert milestones.choose_plan(plans, None) == milestones.PlanChoice("rizhao", True)
    assert milestones.choose_plan(plans, "jiangsu") == milestones.PlanChoice("jiangsu", False)
    assert milestones.choose_plan(plans, "hebei") == milestones.PlanChoice("rizhao", True, "hebei")
    assert milestones.choose_plan(_plans(), "hebei") == milestones.PlanChoice(None, False, "hebei")


def _board(*rows):
    frame = pd.DataFrame(rows, columns=["milestone_id", "row_code", "row_name", "is_own", "row_order", "status"])
    for column in milestones.COUNT_COLUMNS:
        frame[column] = 0
    for i, code in enumerate(frame["status"]):
        frame.loc[i, f"count_{code}"] = 1
    frame["count_items"] = 1
    frame["percent_complete"] = 50.0
    frame["completed_on"] = pd.NaT
    return frame


BOARD = _board(
    ("M1", "371100", "日照市", True, 1, "in_progress"),
    ("M1", "371102", "东港区", False, 2, "overdue"),
    ("M2", "371102", "东港区", False, 2, "done_on_time"),
    ("M1", "371103", "东港区", False, 3, "done_late"),
)


def test_row_labels():
    assert milestones.row_labels(BOARD, "city", "zh") == {
        "371100": "本级",
        "371102": "东港区 (371102)",
        "371103": "东港区 (371103)",
    }
    township = _board(("M1", "371102001", "日照街道", True, 1, "in_progress"))
    assert milestones.row_labels(township, "township", "zh") == {"371102001": "日照街道"}
    assert milestones.row_labels(township, "township", "en") == {"371102001": "日照街道"}


def test_count_summary():
    row = pd.Series({"count_overdue": 2, "count_done_on_time": 10, "count_in_progress": 0})
    assert milestones.count_summary(row, "zh") == "逾期未完成 2 · 按期完成 10"


SUMMARY = pd.DataFrame(
    {
        "milestone_id": ["M1", "M2"],
        "clause_path": ["一", "二"],
        "short_name_zh": ["专项监督", "平台建设"],
        "short_name_en": ["Special oversight", "Platform"],
        "requirement": ["甲", "乙"],
        "responsible_units": ["各级行政执法机关", None],
        "lead_units": [None, "市司法局"],
        "deadline_text": ["2024年底前", None],
        "deadline_date": [pd.Timestamp("2024-12-31"), pd.NaT],
        "is_ongoing": [False, True],
        "status": ["overdue", "done_on_time"],
        "percent_complete": [60.0, 100.0],
        "completed_on": [pd.NaT, pd.Timestamp("2024-05-01")],
        "count_items": [3, 1],
        **{column: [0, 0] for column in milestones.COUNT_COLUMNS},
    }
)


def test_ledger_wide_has_a_status_column_per_row():
    labels = {"371100": "本级", "371102": "东港区", "371103": "岚山区"}
    table = milestones.ledger_wide(SUMMARY, BOARD, labels, "zh")
    assert list(table["milestone_id"]) == ["M1", "M2"]
    assert list(table["status"]) == [status_label("overdue"), status_label("done_on_time")]
    assert list(table["东港区"]) == [status_label("overdue"), status_label("done_on_time")]
    assert list(table["本级"]) == [status_label("in_progress"), ""]
    assert list(table["岚山区"]) == [status_label("done_late"), ""]
    assert list(table["lead_units"]) == ["", "市司法局"]
    assert table["completed_on"].iloc[1] == pd.Timestamp("2024-05-01")


def test_ledger_counts_and_long_form():
    counts = milestones.ledger_counts(SUMMARY, "zh")
    assert {"count_overdue", "count_items"} <= set(counts.columns)
    labels = {"371100": "本级", "371102": "东港区", "371103": "岚山区"}
    long = milestones.ledger_long(SUMMARY, BOARD, labels, "zh")
    assert len(long) == len(BOARD)
    assert set(long["region"]) == set(labels.values())


def test_wide_up_to_twenty_rows():
    assert milestones.is_wide({str(i): str(i) for i in range(milestones.WIDE_LEDGER_MAX_ROWS)})
    assert not milestones.is_wide({str(i): str(i) for i in range(milestones.WIDE_LEDGER_MAX_ROWS + 1)})


def test_status_cells_take_the_palette_colours():
    css = milestones.status_cell_css("zh")
    for code, color in status.MILESTONE_COLORS.items():
        assert f"background-color: {color}" in css[status_label(code, "zh")]
    styled = milestones.status_styler("zh")(pd.DataFrame({"a": [status_label("overdue"), "x"]}))
    html = styled.to_html()
    assert status.MILESTONE_COLORS["overdue"] in html


def test_clause_card_keeps_the_documents_words():
    card = milestones.clause_card(
        pd.Series(
            {
                "document_number": "日政办字〔2024〕15号",
                "clause_path": "二(二)5",
                "quote": "9月底前开展专项监督。",
                "deadline_text": "9月底前",
                "deadline_date": pd.Timestamp("2024-09-30"),
                "is_ongoing": False,
                "lead_units": None,
                "responsible_units": "各级行政执法机关",
            }
        )
    )
    assert card["quote"] == "9月底前开展专项监督。"
    assert card["deadline_date"] == "2024-09-30"
    assert card["is_ongoing"] is False
    assert list(card)[:4] == ["document_number", "plan_title", "clause_path", "quote"]


# ----------------------------------------------------------------------------------------------- figures


def _colour_of_z(figure, z: float) -> str:
    """The colour a discrete heatmap colorscale gives value z."""
    heatmap = figure.data[0]
    share = (z - heatmap.zmin) / (heatmap.zmax - heatmap.zmin)
    bands = heatmap.colorscale
    return next(color for (low, color), (high, _) in itertools.pairwise(bands) if low <= share <= high)


def test_heatmap_cells_and_legend_use_the_status_colours():
    columns = SUMMARY[["milestone_id", "clause_path", "short_name_zh", "short_name_en"]]
    labels = {"371100": "本级", "371102": "东港区", "371103": "岚山区"}
    info = SUMMARY.assign(quote="q", document_number=None, plan_title=None)
    cells = milestones.board_cells(BOARD, info, labels, "zh")
    for across in (True, False):
        figure = milestone_charts.status_heatmap(cells, columns, labels, "zh", milestones_across=across)
        z = figure.data[0].z
        cell = z[1][0] if across else z[0][1]  # 东港区 x M1
        assert _colour_of_z(figure, cell) == status.MILESTONE_COLORS["overdue"]
        empty = z[2][1] if across else z[1][2]  # 岚山区 x M2: not carried
        assert empty is None
        legend = {trace.name: trace.marker.color for trace in figure.data[1:]}
        assert legend[status_label("overdue")] == status.MILESTONE_COLORS["overdue"]
        assert status_label("not_started") not in legend  # only statuses on the board


def test_timeline_colours_points_and_draws_the_as_of_line():
    points = milestones.timeline_points(SUMMARY, "zh")
    assert list(points["milestone_id"]) == ["M1"]  # M2 has no dated deadline
    figure = milestone_charts.status_timeline(points, "2025-01-15", "zh")
    (trace,) = figure.data
    assert trace.name == status_label("overdue")
    assert trace.marker.color == status.MILESTONE_COLORS["overdue"]
    (line,) = figure.layout.shapes
    assert line.x0 == line.x1 == "2025-01-15"


def test_heatmap_hover_and_labels():
    columns = SUMMARY[["milestone_id", "clause_path", "short_name_zh", "short_name_en"]]
    labels = {"371100": "Own agencies", "371102": "日照经济技术开发区"}
    board = BOARD[BOARD["row_code"].isin(labels)].copy()
    board.loc[board["milestone_id"] == "M1", "count_items"] = 3
    cells = milestones.board_cells(board, SUMMARY, labels, "zh")
    across = milestone_charts.status_heatmap(cells, columns, labels, "zh", milestones_across=True)
    assert list(across.layout.yaxis.ticktext) == list(labels.values())  # row labels whole
    assert list(across.layout.xaxis.ticktext) == ["专项监督", "平台建设"]  # milestones by their short names
    hover = across.data[0].hovertext[1][0]  # 日照经济技术开发区 x M1
    assert "责任单位: 各级行政执法机关" in hover and "平均进度 50%" in hover
    assert "专项监督" in hover and "M1" in hover  # the name, the id and the clause
    assert "牵头单位" not in hover  # M1 names no lead unit
    down = milestone_charts.status_heatmap(cells, columns, labels, "en")
    assert list(down.layout.yaxis.ticktext) == ["Special oversight", "Platform"]  # milestones down the side
    assert list(down.layout.xaxis.ticktext) == ["Own agencies", "日照经济技术开发区"]  # one line: Plotly turns them
