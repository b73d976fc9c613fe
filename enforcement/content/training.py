"""培训 Training page content: KPIs, full-rotation coverage, hours and exam sampling by month or year, rankings.

Indicator values come from indicators_ytd_by_month (the year so far, by month) and, at the indicators' period (the
year to date: indicators.indicator_period), indicators_by_child and indicators_by_agency; targets and judgements
come with them (schema.sql: judged_indicators). Functions take a query function (``ctx.query`` on the page,
``QueryRunner.run`` in tests) and a Scope, and return Card/Chart objects.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from enforcement.content import charts, indicators, scorecard, trends, uses
from enforcement.content.indicators import Card, QueryFn, format_count, indicator_params
from enforcement.content.trends import Chart, Scope

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
# The KPI row, after the officers' headcount.
KPI_INDICATORS = (
    "certified_rate",
    "full_rotation_rate",
    "training_hours_total",
    "exam_sampling_rate",
    "township_training_coverage",
)


def chosen_indicator(value: str | None) -> str:
    """The ranking indicator from the URL, checked against the known list."""
    return value if value in RANKABLE else RANKABLE[0]


def by_month(query: QueryFn, scope: Scope) -> pd.DataFrame:
    """Every training indicator by month, the year so far: the subtree's total, and for the indicators drawn per
    child region (BY_CHILD_MONTHLY) the child regions too."""
    return indicators.by_month(
        query,
        **scope.judged_by_month(),
        **indicator_params(query, INDICATORS),
        children_for=list(BY_CHILD_MONTHLY),
    )


def by_child(query: QueryFn, scope: Scope) -> pd.DataFrame:
    """Every indicator of the region's children: the overview's and the regions page's result, shared (the chart
    picks its indicator)."""
    return indicators.children_at(query, scope.region, scope.period, domain=scope.domain, plan=scope.plan)


def by_agency(query: QueryFn, scope: Scope) -> pd.DataFrame:
    # All agencies, so that a chosen domain's agency is shown among the others (highlighted), not alone.
    params = {**scope.at_period(), "domain_code": None}
    return indicators.split_at(query, "indicators_by_agency", **params, **indicator_params(query, RANKABLE))


def _total_rows(monthly: pd.DataFrame, indicator: str) -> pd.DataFrame:
    return monthly[(monthly["indicator_key"] == indicator) & monthly["is_total"]].sort_values("period_month")


# ----------------------------------------------------------------------------------------------- KPIs


@uses("indicator_catalog", *indicators.BY_MONTH_QUERIES, "region_lineage", *indicators.CHILDREN_AT_QUERIES)
def kpis(query: QueryFn, scope: Scope) -> list[Card]:
    """The KPI row at the indicators' period: officers, then the region's training indicators exactly as the
    overview's cards show them (indicators.region_indicators), each with its course over the months drawn."""
    region = indicators.region_indicators(
        query, scope.region, scope.period, domain=scope.domain, plan=scope.plan, keys=INDICATORS, lang=scope.lang
    )
    if region.rows.empty or region.rows["value"].isna().all():
        return []
    previous = indicators.region_indicators(
        query,
        scope.region,
        scope.period.previous,
        domain=scope.domain,
        plan=scope.plan,
        keys=INDICATORS,
        lang=scope.lang,
    )
    monthly = by_month(query, scope)

    def spark(indicator: str) -> list[float]:
        return [float(v) for v in _total_rows(monthly, indicator)["value"].dropna().tail(24)]

    officers = region.rows.loc["certified_rate", "officers"] if "certified_rate" in region.rows.index else None
    officers_before = (
        previous.rows.loc["certified_rate", "officers"] if "certified_rate" in previous.rows.index else None
    )
    change = None
    if not indicators.is_missing(officers) and not indicators.is_missing(officers_before):
        change = scope.t("tr_kpi_officers_change", change=f"{float(officers) - float(officers_before):+,.0f}")
    headcounts = _total_rows(monthly, "certified_rate")["officers"].dropna().tail(24)
    month_text = f"{scope.period.month:%Y-%m}"
    cards = [
        Card(
            key="officers",
            title=scope.t("tr_kpi_officers"),
            value=None if indicators.is_missing(officers) else float(officers),
            value_text=format_count(officers, "人" if scope.lang == "zh" else ""),
            judgement="no_target",
            status_text=change or "",
            help=scope.t("tr_kpi_officers_help", month=month_text),
            sparkline=tuple(float(v) for v in headcounts),
        )
    ]
    keys = list(KPI_INDICATORS)
    with_target = set(region.rows.index[region.rows["target_id"].notna()])
    if "training_hours_total" not in with_target and with_target.issuperset(scorecard.TRAINING_HOURS_PARTS):
        # the plan sets a floor for each part of the hours, not for their sum (as the overview shows them)
        at = keys.index("training_hours_total")
        keys[at : at + 1] = scorecard.TRAINING_HOURS_PARTS
    for key in keys:
        if key not in region.rows.index:
            continue
        row = region.rows.loc[key].to_dict() | {"indicator_key": key}
        old = previous.rows["value"].get(key) if key in previous.rows.index else None
        cards.append(
            indicators.indicator_card(
                row,
                old,
                scope.period,
                scope.lang,
                parent_name=region.parent_name,
                sparkline=spark(key),
            )
        )
    return cards


# ----------------------------------------------------------------------------------------------- charts


def _without_lone_own_agencies(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows without the root's own agencies when there is no child region (a township): they equal the total."""
    if rows.loc[~rows["is_total"], "child_code"].isna().all():
        return rows[rows["is_total"]].copy()
    return rows.copy()


@uses("indicator_catalog", *indicators.BY_MONTH_QUERIES)
def rotation_chart(query: QueryFn, scope: Scope) -> Chart:
    """Full-rotation coverage by month for each child region and the subtree, with the 100 % target and deadline."""
    monthly = by_month(query, scope)
    rows = monthly[monthly["indicator_key"] == "full_rotation_rate"].copy()
    rows = rows[rows["value"].notna()]
    if rows.empty:
        return trends.empty_chart(scope)
    rows = _without_lone_own_agencies(rows)
    rows["series"] = [trends.child_label(row, scope) for row in indicators.row_records(rows)]
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
        go.Scatter(
            x=total["period_month"], y=total["value"], name=total_name, line=dict(color=trends.TOTAL_COLOR, width=3.5)
        )
    )
    charts.update_traces(figure, hovertemplate="%{fullData.name}<br>%{x|%Y-%m}: %{y:.1f}%<extra></extra>")
    # the subtree's targets: a child's own plan may differ, and its line is not judged here
    trends.add_targets(figure, total, scope)
    trends.add_deadlines(figure, total, scope)
    series_count = rows["series"].nunique()
    charts.style(figure, height=400 + 22 * ((series_count + 2) // 3))
    trends.month_axis(figure)
    charts.update_axes(figure, "y", title_text="%", range=[0, 105])
    note = scope.sentences([scope.t("tr_rotation_note"), trends.target_source_text(total, scope)])
    return Chart(figure, trends.monthly_table(rows, scope, "series", "region_name"), note)


@uses("indicator_catalog", *indicators.BY_MONTH_QUERIES)
def hours_chart(query: QueryFn, scope: Scope) -> Chart:
    """Training hours per officer so far each year, by month: total and its two parts, with the yearly targets."""
    monthly = by_month(query, scope)
    keys = ("training_hours_total", "training_hours_public_law", "training_hours_professional")
    rows = monthly[monthly["is_total"] & monthly["indicator_key"].isin(keys) & monthly["value"].notna()].copy()
    if rows.empty:
        return trends.empty_chart(scope)
    rows["period_month"] = pd.to_datetime(rows["period_month"])
    rows["series"] = [scope.t("tr_series_" + key) for key in rows["indicator_key"]]
    figure = go.Figure()
    styles = {
        keys[0]: dict(color=trends.TOTAL_COLOR, width=3),
        keys[1]: dict(color="#1e88e5", width=2, dash="dot"),
        keys[2]: dict(color="#8e24aa", width=2, dash="dot"),
    }
    parts = {key: rows[rows["indicator_key"] == key] for key in keys}
    for key, part in parts.items():
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
    shared = _same_target(parts[keys[1]], parts[keys[2]])
    for key, part in parts.items():
        if part.empty or (key == keys[2] and shared):
            continue  # one line serves both parts when their targets agree
        prefix = "" if key == keys[0] else scope.t("tr_each_part" if shared else "tr_part_" + key)
        trends.add_targets(figure, part, scope, label_prefix=prefix)
    charts.style(figure, height=420)
    trends.month_axis(figure)
    charts.update_axes(
        figure,
        "y",
        title_text=indicators.unit_label("学时", scope.lang) + " / " + scope.t("tr_per_officer"),
        rangemode="tozero",
    )
    table = pd.concat(
        [
            trends.monthly_table(part, scope, "series", "indicator_name").rename(columns={key: "value"})
            for key, part in parts.items()
            if not part.empty
        ]
    )
    note = scope.sentences([scope.t("tr_hours_note"), trends.target_source_text(rows, scope)])
    return Chart(figure, table, note)


def _same_target(first: pd.DataFrame, second: pd.DataFrame) -> bool:
    """Whether two indicators' rows are held to one and the same target value throughout."""
    a = first["target_value"].dropna().unique()
    b = second["target_value"].dropna().unique()
    return len(a) == 1 and len(b) == 1 and a[0] == b[0]


@uses("indicator_catalog", *indicators.BY_MONTH_QUERIES)
def exam_chart(query: QueryFn, scope: Scope) -> Chart:
    """Exam sampling ratio by year (the year so far for an unfinished one): the subtree's bar, each child as a dot,
    and the year's target as a marker."""
    monthly = by_month(query, scope)
    rows = monthly[(monthly["indicator_key"] == "exam_sampling_rate") & monthly["value"].notna()].copy()
    if rows.empty:
        return trends.empty_chart(scope)
    rows["year"] = pd.to_datetime(rows["period_month"]).dt.year
    year_end = rows.groupby("year")["period_month"].transform("max")
    rows = _without_lone_own_agencies(rows[rows["period_month"] == year_end])
    rows["year_label"] = [
        scope.t("tr_year", year=year)
        if pd.Timestamp(month).month == 12
        else scope.t("tr_year_so_far", year=year, month=pd.Timestamp(month).month)
        for year, month in zip(rows["year"], rows["period_month"])
    ]
    rows["series"] = [trends.child_label(row, scope) for row in indicators.row_records(rows)]
    total = rows[rows["is_total"]].sort_values("year")
    figure = go.Figure(
        go.Bar(
            x=total["year_label"],
            y=total["value"],
            name=scope.t("trend_total", region=scope.region_name),
            marker_color=[
                indicators.rag_color(indicators.judge(row))
                if not indicators.is_missing(row["target_id"])
                else trends.NEUTRAL_COLOR
                for row in total.to_dict("records")
            ],
            text=[indicators.format_value(v, "%") for v in total["value"]],
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
    charts.update_layout(figure, barmode="overlay")
    charts.update_axes(figure, "y", title_text="%", rangemode="tozero")
    charts.update_axes(figure, "x", title_text="", type="category")
    table = pd.DataFrame(
        {
            "year": rows["year_label"].to_numpy(),
            "region_name": rows["series"].to_numpy(),
            "exam_sampling_rate": indicators.shown_column(rows["value"]).to_numpy(),
            **trends.judged_columns(rows, scope),
            "exam_sampled": rows["exam_sampled"].to_numpy(),
            "exam_passed": rows["exam_passed"].to_numpy(),
            "officers": rows["officers"].to_numpy(),
        }
    )
    table = trends.whole_counts(table, ("exam_sampled", "exam_passed", "officers")).sort_values(
        ["year", "region_name"], kind="stable"
    )
    note = scope.sentences([scope.t("tr_exam_note"), trends.target_source_text(total, scope)])
    return Chart(figure, table, note)


def _exam_target_text(row, scope: Scope) -> str:
    """'目标 ≥ 60%', and for a year not yet over the pro-rated share the bar is judged against."""
    text = scope.t("target") + " " + indicators.target_text(row, scope.lang)
    month = pd.Timestamp(row["period_month"]).month
    if month < 12:
        text += scope.t("tr_prorated", value=indicators.format_value(row["target_value"] * month / 12, "%", digits=0))
    return text


@uses("indicator_catalog", *indicators.CHILDREN_AT_QUERIES)
def children_chart(query: QueryFn, scope: Scope, indicator: str) -> Chart:
    """Child regions (and the root's own agencies) ranked on one indicator over the period."""
    period_note = scope.t("tr_period_note", period=scope.indicator_period_text())
    return trends.ranked_children(by_child(query, scope), scope, indicator, period_note)


AGENCIES = trends.Grouping("agency_name", "agency_code", all_label_key="tr_all_agencies")


@uses("agency_list", "indicator_catalog", *indicators.SPLIT_QUERIES["indicators_by_agency"])
def agency_chart(query: QueryFn, scope: Scope, indicator: str) -> Chart:
    """Agencies ranked on one indicator over the period; with a domain filter its agency is highlighted."""
    highlight = None
    if scope.domain:
        agencies = query("agency_list")
        codes = agencies[agencies["domain_code"] == scope.domain]["agency_code"].tolist()
        highlight = codes[0] if codes else None
    notes = [scope.t("tr_period_note", period=scope.indicator_period_text())]
    if highlight:
        notes.append(scope.t("tr_agency_highlight"))
    return trends.ranked_groups(by_agency(query, scope), scope, indicator, AGENCIES, highlight, notes)
