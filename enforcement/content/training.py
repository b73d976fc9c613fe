"""培训 Training page content: KPIs, full-rotation coverage, hours and exam sampling by month or year, rankings.

Values come from the named queries indicators_ytd_by_month (the year so far, by month), indicators_by_child and
indicators_by_agency (over the period); targets and statuses come with them (schema.sql). Functions take a query
function (``ctx.query`` on the page, ``QueryRunner.run`` in tests) and a Scope, and return Kpi/Chart objects.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from enforcement.content import charts
from enforcement.content.trends import (
    NEUTRAL_COLOR,
    STREAMLIT_COLORS,
    TOTAL_COLOR,
    Chart,
    Kpi,
    QueryFn,
    Scope,
    add_deadlines,
    add_targets,
    child_label,
    empty_chart,
    fmt,
    indicator_params,
    indicator_table,
    is_missing,
    month_axis,
    monthly_table,
    ranked_bars,
    status_label,
    target_source_text,
    target_text,
    unit_label,
    whole_counts,
    worst_status,
)
from enforcement.rules import status

INDICATORS = (
    "full_rotation_rate",
    "training_hours_total",
    "training_hours_public_law",
    "training_hours_professional",
    "exam_sampling_rate",
    "certified_rate",
    "township_training_coverage",
)
# Indicators whose year-so-far values are drawn per child region (the rotation and exam charts); the others' totals.
BY_CHILD_MONTHLY = ("full_rotation_rate", "exam_sampling_rate")
# Indicators a user can rank child regions and agencies by (the ?ti= URL parameter); the first is the default.
RANKABLE = (
    "training_hours_total",
    "full_rotation_rate",
    "exam_sampling_rate",
    "certified_rate",
    "training_hours_public_law",
    "training_hours_professional",
    "township_training_coverage",
)


def chosen_indicator(value: str | None) -> str:
    """The ranking indicator from the URL, checked against the known list."""
    return value if value in RANKABLE else RANKABLE[0]


def by_month(query: QueryFn, scope: Scope) -> pd.DataFrame:
    """Every training indicator by month, the year so far: the subtree's total, and for the indicators drawn per
    child region (BY_CHILD_MONTHLY) the child regions too."""
    return query(
        "indicators_ytd_by_month",
        **scope.with_plan(),
        **indicator_params(query, INDICATORS),
        children_for=list(BY_CHILD_MONTHLY),
    )


def by_child(query: QueryFn, scope: Scope) -> pd.DataFrame:
    return query("indicators_by_child", **scope.with_plan(), **indicator_params(query, RANKABLE))


def by_agency(query: QueryFn, scope: Scope) -> pd.DataFrame:
    # All agencies, so that a chosen domain's agency is shown among the others (highlighted), not alone.
    params = {**scope.with_plan(), "domain_code": None}
    return query("indicators_by_agency", **params, **indicator_params(query, RANKABLE))


def _total_rows(monthly: pd.DataFrame, indicator: str) -> pd.DataFrame:
    return monthly[(monthly["indicator_key"] == indicator) & monthly["is_total"]].sort_values("period_month")


# ----------------------------------------------------------------------------------------------- KPIs


def kpis(query: QueryFn, scope: Scope) -> list[Kpi]:
    """The KPI row: officers, certified rate, full rotation, hours and exam sampling this year, township coverage."""
    monthly = by_month(query, scope)
    if monthly.empty:
        return []
    last_month = monthly["period_month"].max()
    month_text = pd.Timestamp(last_month).strftime("%Y-%m")
    at_end = monthly[monthly["is_total"] & (monthly["period_month"] == last_month)].set_index("indicator_key")

    def spark(indicator: str) -> list[float]:
        return [float(v) for v in _total_rows(monthly, indicator)["value"].dropna().tail(24)]

    def target_kpi(indicator: str, label: str, help_key: str) -> Kpi:
        row = at_end.loc[indicator]
        unit = row["unit"]
        if is_missing(row["comparator"]):
            delta, color = scope.t("trend_no_target"), "gray"
        else:
            delta = (
                f"{status_label(row['target_status'], scope.lang)} · {scope.t('target')} {target_text(row, scope.lang)}"
            )
            if not is_missing(row["deadline_date"]) and indicator == "full_rotation_rate":
                delta += " · " + scope.t("trend_deadline", day=pd.Timestamp(row["deadline_date"]).date().isoformat())
            color = STREAMLIT_COLORS.get(row["target_status"], "gray")
        return Kpi(
            label,
            fmt(row["value"], unit_label(unit, scope.lang)),
            delta,
            color,
            scope.t(help_key, month=month_text),
            spark(indicator),
        )

    officers = at_end.loc["certified_rate", "officers"]
    headcounts = _total_rows(monthly, "certified_rate").set_index("period_month")["officers"]
    year_before = pd.Timestamp(last_month) - pd.DateOffset(years=1)
    change = None
    if year_before in pd.to_datetime(headcounts.index):
        change = scope.t(
            "tr_kpi_officers_change",
            change=f"{officers - headcounts[pd.to_datetime(headcounts.index) == year_before].iloc[0]:+,.0f}",
        )
    result = [
        Kpi(
            scope.t("tr_kpi_officers"),
            fmt(officers, "人" if scope.lang == "zh" else ""),
            change,
            "gray",
            scope.t("tr_kpi_officers_help", month=month_text),
            [float(v) for v in headcounts.dropna().tail(24)],
        ),
        target_kpi("certified_rate", scope.t("tr_kpi_certified"), "tr_kpi_certified_help"),
        target_kpi("full_rotation_rate", scope.t("tr_kpi_rotation"), "tr_kpi_rotation_help"),
        _hours_kpi(at_end, scope, month_text, spark("training_hours_total")),
        target_kpi(
            "exam_sampling_rate", scope.t("tr_kpi_exam", year=pd.Timestamp(last_month).year), "tr_kpi_exam_help"
        ),
        target_kpi("township_training_coverage", scope.t("tr_kpi_township"), "tr_kpi_township_help"),
    ]
    return result


def _hours_kpi(at_end: pd.DataFrame, scope: Scope, month_text: str, sparkline: list[float]) -> Kpi:
    """Hours per officer so far this year, against 60 学时 or against the 30 + 30 of its two parts."""
    total = at_end.loc["training_hours_total"]
    parts = at_end.loc[["training_hours_public_law", "training_hours_professional"]]
    label = scope.t("tr_kpi_hours", year=month_text[:4])
    value = fmt(total["value"], unit_label("学时", scope.lang))
    help_text = scope.t("tr_kpi_hours_help", month=month_text)
    if not is_missing(total["comparator"]):
        delta = (
            f"{status_label(total['target_status'], scope.lang)} · {scope.t('target')} {target_text(total, scope.lang)}"
        )
        return Kpi(label, value, delta, STREAMLIT_COLORS.get(total["target_status"], "gray"), help_text, sparkline)
    with_target = parts[parts["comparator"].notna()]
    if with_target.empty:
        return Kpi(label, value, scope.t("trend_no_target"), "gray", help_text, sparkline)
    worst = worst_status(with_target["target_status"])
    floors = "+".join(fmt(v, "", digits=0) for v in with_target["target_value"])
    delta = f"{status_label(worst, scope.lang)} · {scope.t('tr_target_parts', floors=floors)}"
    return Kpi(label, value, delta, STREAMLIT_COLORS.get(worst, "gray"), help_text, sparkline)


# ----------------------------------------------------------------------------------------------- charts


def _without_lone_own_agencies(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows without the root's own agencies when there is no child region (a township): they equal the total."""
    if rows[~rows["is_total"]]["child_code"].isna().all():
        return rows[rows["is_total"]].copy()
    return rows.copy()


def rotation_chart(query: QueryFn, scope: Scope) -> Chart:
    """Full-rotation coverage by month for each child region and the subtree, with the 100 % target and deadline."""
    monthly = by_month(query, scope)
    rows = monthly[monthly["indicator_key"] == "full_rotation_rate"].copy()
    rows = rows[rows["value"].notna()]
    if rows.empty:
        return empty_chart(scope)
    rows = _without_lone_own_agencies(rows)
    rows["series"] = [child_label(row, scope) for row in rows.to_dict("records")]
    rows["period_month"] = pd.to_datetime(rows["period_month"])
    total_name = scope.t("trend_total", region=scope.region_name)
    children = rows[~rows["is_total"]]
    # One trace per child built directly: plotly express takes ~0.1 s to do the same for a province's 20 children.
    figure = go.Figure(
        [
            go.Scatter(
                x=group["period_month"], y=group["value"], name=name, mode="lines", line=dict(width=1.3), opacity=0.75
            )
            for name, group in children.groupby("series", sort=False)
        ]
    )
    total = rows[rows["is_total"]]
    figure.add_trace(
        go.Scatter(x=total["period_month"], y=total["value"], name=total_name, line=dict(color=TOTAL_COLOR, width=3.5))
    )
    figure.update_traces(hovertemplate="%{fullData.name}<br>%{x|%Y-%m}: %{y:.1f}%<extra></extra>")
    add_targets(figure, rows, scope)
    add_deadlines(figure, rows, scope)
    series_count = rows["series"].nunique()
    charts.style(figure, height=400 + 22 * ((series_count + 2) // 3))
    month_axis(figure)
    figure.update_yaxes(title_text="%", range=[0, 105])
    note = " ".join(filter(None, [scope.t("tr_rotation_note"), target_source_text(rows, scope)]))
    return Chart(figure, monthly_table(rows, scope, "series", "region_name"), note)


def hours_chart(query: QueryFn, scope: Scope) -> Chart:
    """Training hours per officer so far each year, by month: total and its two parts, with the yearly targets."""
    monthly = by_month(query, scope)
    keys = ("training_hours_total", "training_hours_public_law", "training_hours_professional")
    rows = monthly[monthly["is_total"] & monthly["indicator_key"].isin(keys) & monthly["value"].notna()].copy()
    if rows.empty:
        return empty_chart(scope)
    rows["period_month"] = pd.to_datetime(rows["period_month"])
    rows["series"] = [scope.t("tr_series_" + key) for key in rows["indicator_key"]]
    figure = go.Figure()
    styles = {
        keys[0]: dict(color=TOTAL_COLOR, width=3),
        keys[1]: dict(color="#1e88e5", width=2, dash="dot"),
        keys[2]: dict(color="#8e24aa", width=2, dash="dot"),
    }
    for key in keys:
        part = rows[rows["indicator_key"] == key]
        if part.empty:
            continue
        figure.add_trace(
            go.Scatter(
                x=part["period_month"],
                y=part["value"],
                name=part.iloc[0]["series"],
                line=styles[key],
                mode="lines+markers",
                marker=dict(size=4),
                hovertemplate="%{fullData.name}<br>%{x|%Y-%m}: %{y:.1f}<extra></extra>",
            )
        )
    shared = _same_target(rows, keys[1], keys[2])
    for key in keys:
        part = rows[rows["indicator_key"] == key]
        if part.empty or (key == keys[2] and shared):
            continue  # one line serves both parts when their targets agree
        prefix = "" if key == keys[0] else scope.t("tr_each_part" if shared else "tr_part_" + key)
        add_targets(figure, part, scope, label_prefix=prefix)
    charts.style(figure, height=420)
    month_axis(figure)
    figure.update_yaxes(
        title_text=unit_label("学时", scope.lang) + " / " + scope.t("tr_per_officer"), rangemode="tozero"
    )
    table = pd.concat(
        [
            monthly_table(rows[rows["indicator_key"] == key], scope, "series", "indicator_name").rename(
                columns={key: "value"}
            )
            for key in keys
            if (rows["indicator_key"] == key).any()
        ]
    )
    note = " ".join(filter(None, [scope.t("tr_hours_note"), target_source_text(rows, scope)]))
    return Chart(figure, table, note)


def _same_target(rows: pd.DataFrame, first: str, second: str) -> bool:
    a = rows[rows["indicator_key"] == first]["target_value"].dropna().unique()
    b = rows[rows["indicator_key"] == second]["target_value"].dropna().unique()
    return len(a) == 1 and len(b) == 1 and a[0] == b[0]


def exam_chart(query: QueryFn, scope: Scope) -> Chart:
    """Exam sampling ratio by year (the year so far for an unfinished one): the subtree's bar, each child as a dot,
    and the year's target as a marker."""
    monthly = by_month(query, scope)
    rows = monthly[(monthly["indicator_key"] == "exam_sampling_rate") & monthly["value"].notna()].copy()
    if rows.empty:
        return empty_chart(scope)
    rows["year"] = pd.to_datetime(rows["period_month"]).dt.year
    year_end = rows.groupby("year")["period_month"].transform("max")
    rows = _without_lone_own_agencies(rows[rows["period_month"] == year_end])
    rows["year_label"] = [
        scope.t("tr_year", year=year)
        if pd.Timestamp(month).month == 12
        else scope.t("tr_year_so_far", year=year, month=pd.Timestamp(month).month)
        for year, month in zip(rows["year"], rows["period_month"])
    ]
    rows["series"] = [child_label(row, scope) for row in rows.to_dict("records")]
    total = rows[rows["is_total"]].sort_values("year")
    figure = go.Figure(
        go.Bar(
            x=total["year_label"],
            y=total["value"],
            name=scope.t("trend_total", region=scope.region_name),
            marker_color=[
                status.TARGET_COLORS.get(s, NEUTRAL_COLOR) if not is_missing(c) else NEUTRAL_COLOR
                for s, c in zip(total["target_status"], total["comparator"])
            ],
            text=[fmt(v, "%") for v in total["value"]],
            textposition="inside",
            insidetextanchor="start",
            hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
        )
    )
    children = rows[~rows["is_total"]]
    if not children.empty:
        figure.add_trace(
            go.Scatter(
                x=children["year_label"],
                y=children["value"],
                mode="markers",
                name=scope.t("tr_children_dots"),
                marker=dict(color="rgba(38,50,56,0.55)", size=7, line=dict(color="white", width=0.5)),
                customdata=children["series"],
                hovertemplate="%{customdata}<br>%{x}: %{y:.1f}%<extra></extra>",
            )
        )
    targets = total[total["target_value"].notna()]
    if not targets.empty:
        figure.add_trace(
            go.Scatter(
                x=targets["year_label"],
                y=targets["target_value"],
                mode="markers+text",
                name=scope.t("target"),
                marker=dict(symbol="line-ew", size=46, line=dict(color=charts.TARGET_COLOR, width=3)),
                text=[_exam_target_text(row, scope) for row in targets.to_dict("records")],
                textposition="top center",
                textfont=dict(color=charts.TARGET_COLOR),
                hovertemplate="%{text}<extra></extra>",
            )
        )
    charts.style(figure, height=400)
    figure.update_layout(barmode="overlay")
    figure.update_yaxes(title_text="%", rangemode="tozero")
    figure.update_xaxes(title_text="", type="category")
    table = pd.DataFrame(
        {
            "year": rows["year_label"].to_numpy(),
            "region_name": rows["series"].to_numpy(),
            "exam_sampling_rate": rows["value"].round(2).to_numpy(),
            "target_text": [target_text(row, scope.lang) for row in rows.to_dict("records")],
            "target_status": [
                status_label(s, scope.lang) if not is_missing(c) else ""
                for s, c in zip(rows["target_status"], rows["comparator"])
            ],
            "exam_sampled": rows["exam_sampled"].to_numpy(),
            "exam_passed": rows["exam_passed"].to_numpy(),
            "officers": rows["officers"].to_numpy(),
        }
    )
    table = whole_counts(table, ("exam_sampled", "exam_passed", "officers")).sort_values(
        ["year", "region_name"], kind="stable"
    )
    note = " ".join(filter(None, [scope.t("tr_exam_note"), target_source_text(total, scope)]))
    return Chart(figure, table, note)


def _exam_target_text(row, scope: Scope) -> str:
    """'目标 ≥ 60%', and for a year not yet over the pro-rated share the bar is judged against."""
    text = scope.t("target") + " " + target_text(row, scope.lang)
    month = pd.Timestamp(row["period_month"]).month
    if month < 12:
        text += scope.t("tr_prorated", value=fmt(row["target_value"] * month / 12, "%", digits=0))
    return text


def children_chart(query: QueryFn, scope: Scope, indicator: str) -> Chart:
    """Child regions (and the root's own agencies) ranked on one indicator over the period."""
    rows = by_child(query, scope)
    rows = rows[(rows["indicator_key"] == indicator) & ~rows["is_total"]].copy()
    if rows["child_code"].isna().all():
        return empty_chart(scope, scope.t("trend_no_children"))
    if rows["value"].notna().sum() == 0:
        return empty_chart(scope)
    rows["label"] = [child_label(row, scope) for row in rows.to_dict("records")]
    figure = ranked_bars(rows, scope, "label", average_label=scope.t("trend_total", region=scope.region_name))
    note = " ".join(
        filter(None, [scope.t("tr_period_note", period=scope.period_text()), target_source_text(rows, scope)])
    )
    return Chart(figure, indicator_table(rows, scope, "label", "region_name"), note)


def agency_chart(query: QueryFn, scope: Scope, indicator: str) -> Chart:
    """Agencies ranked on one indicator over the period; with a domain filter its agency is highlighted."""
    rows = by_agency(query, scope)
    rows = rows[(rows["indicator_key"] == indicator) & ~rows["is_total"] & rows["value"].notna()].copy()
    if rows.empty:
        return empty_chart(scope)
    rows["label"] = rows["agency_name_en" if scope.lang == "en" else "agency_name_zh"]
    highlight = None
    if scope.domain:
        agencies = query("agency_list")
        codes = agencies[agencies["domain_code"] == scope.domain]["agency_code"].tolist()
        highlight = codes[0] if codes else None
    figure = ranked_bars(
        rows, scope, "label", highlight=highlight, key_column="agency_code", average_label=scope.t("tr_all_agencies")
    )
    notes = [scope.t("tr_period_note", period=scope.period_text()), target_source_text(rows, scope)]
    if highlight:
        notes.append(scope.t("tr_agency_highlight"))
    return Chart(figure, indicator_table(rows, scope, "label", "agency_name"), " ".join(filter(None, notes)))
