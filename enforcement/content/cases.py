"""案件 Cases page content: KPIs, case counts by type, the year-so-far rates against their targets, rankings of
child regions and enforcement domains, 12345 complaints and case-file review.

Counts come from case_counts_by_month over the months drawn; indicator values from indicators_ytd_by_month (the year
so far, by month) and, at the indicators' period (the year to date: indicators.indicator_period), indicators_by_child
and indicators_by_domain, with their targets and judgements (schema.sql: judged_indicators). Functions take a query
function (``ctx.query`` on the page, ``QueryRunner.run`` in tests) and a Scope, and return Card/Chart objects.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from enforcement.content import charts, indicators, trends, uses
from enforcement.content.indicators import Card, QueryFn, format_count, indicator_params, name_of
from enforcement.content.trends import Chart, Scope

COUNT_COLUMNS = ("count_penalty", "count_inspection", "count_license", "count_coercion")
COUNT_COLORS = {
    "count_penalty": "#c62828",
    "count_inspection": "#1565c0",
    "count_license": "#2e7d32",
    "count_coercion": "#ef6c00",
}
# The three 100 % duties drawn by month, and the other rates of the page.
DUTY_RATES = ("legal_review_rate", "publicity_within_7d_rate", "head_appearance_rate")
RATES = (*DUTY_RATES, "litigation_loss_rate", "case_file_pass_rate", "reconsideration_correction_rate")
# Indicators a user can rank child regions and domains by (the ?ci= URL parameter); the first is the default.
RANKABLE = (
    "litigation_loss_rate",
    "legal_review_rate",
    "publicity_within_7d_rate",
    "head_appearance_rate",
    "case_file_pass_rate",
    "reconsideration_correction_rate",
)
DUTY_STYLES = {
    "legal_review_rate": dict(color="#1565c0", width=2.5),
    "publicity_within_7d_rate": dict(color="#2e7d32", width=2.5),
    "head_appearance_rate": dict(color="#6a1b9a", width=2.5),
}


def chosen_indicator(value: str | None) -> str:
    """The ranking indicator from the URL, checked against the known list."""
    return value if value in RANKABLE else RANKABLE[0]


def counts_by_month(query: QueryFn, scope: Scope) -> pd.DataFrame:
    return query("case_counts_by_month", **scope.with_domain())


def rates_by_month(query: QueryFn, scope: Scope) -> pd.DataFrame:
    """The rates of the subtree by month, the year so far (the total only: that is what the page draws)."""
    return indicators.by_month(query, **scope.judged_by_month(), **indicator_params(query, RATES), children_for=[])


def by_child(query: QueryFn, scope: Scope) -> pd.DataFrame:
    """Every indicator of the region's children: the overview's and the regions page's result, shared (the chart
    picks its indicator)."""
    return indicators.children_at(query, scope.region, scope.period, domain=scope.domain, plan=scope.plan)


def by_domain(query: QueryFn, scope: Scope) -> pd.DataFrame:
    return indicators.split_at(
        query, "indicators_by_domain", **scope.at_period(domain=False), **indicator_params(query, RANKABLE)
    )


# ----------------------------------------------------------------------------------------------- KPIs


KPI_INDICATORS = (
    "legal_review_rate",
    "publicity_within_7d_rate",
    "head_appearance_rate",
    "litigation_loss_rate",
    "case_file_pass_rate",
)


@uses("indicator_catalog", *indicators.BY_MONTH_QUERIES, "region_lineage", *indicators.CHILDREN_AT_QUERIES)
def kpis(query: QueryFn, scope: Scope) -> list[Card]:
    """The KPI row at the indicators' period: penalties so far this year, then the region's rates exactly as the
    overview's cards show them (indicators.region_indicators), each with its course by month."""
    region = indicators.region_indicators(
        query, scope.region, scope.period, domain=scope.domain, plan=scope.plan, keys=RATES, lang=scope.lang
    )
    if region.rows.empty:
        return []
    previous = indicators.region_indicators(
        query, scope.region, scope.period.previous, domain=scope.domain, plan=scope.plan, keys=RATES, lang=scope.lang
    )
    rates = rates_by_month(query, scope)
    help_period = scope.t("ca_kpi_period_help", period=scope.indicator_period_text())
    totals = region.rows.iloc[0]
    cards = [
        Card(
            key="penalties",
            title=scope.t("ca_kpi_penalties"),
            value=float(totals["count_penalty"]) if pd.notna(totals["count_penalty"]) else None,
            value_text=format_count(totals["count_penalty"]),
            judgement="no_target",
            status_text=scope.t("ca_kpi_penalties_delta", inspections=format_count(totals["count_inspection"])),
            help=help_period,
        )
    ]
    for key in KPI_INDICATORS:
        if key not in region.rows.index:
            continue
        row = region.rows.loc[key].to_dict() | {"indicator_key": key}
        trend = rates[rates["indicator_key"] == key].sort_values("period_month")["value"].dropna().tail(24)
        old = previous.rows["value"].get(key) if key in previous.rows.index else None
        cards.append(
            indicators.indicator_card(
                row, old, scope.period, scope.lang, parent_name=region.parent_name, sparkline=trend
            )
        )
    return cards


# ----------------------------------------------------------------------------------------------- charts


@uses("case_counts_by_month")
def counts_chart(query: QueryFn, scope: Scope) -> Chart:
    """Case counts by month, one small panel per type (their sizes differ a hundredfold)."""
    counts = counts_by_month(query, scope)
    if counts.empty:
        return trends.empty_chart(scope)
    months = pd.to_datetime(counts["period_month"])
    names = [scope.t(f"ca_type_{column}") for column in COUNT_COLUMNS]
    figure = make_subplots(
        rows=2, cols=2, subplot_titles=names, shared_xaxes=True, vertical_spacing=0.14, horizontal_spacing=0.08
    )
    for index, (column, name) in enumerate(zip(COUNT_COLUMNS, names, strict=True)):
        figure.add_trace(
            go.Scatter(
                x=months,
                y=counts[column],
                name=name,
                mode="lines",
                fill="tozeroy",
                line=dict(color=COUNT_COLORS[column], width=2),
                showlegend=False,
                hovertemplate=name + "<br>%{x|%Y-%m}: %{y:,.0f}<extra></extra>",
            ),
            row=index // 2 + 1,
            col=index % 2 + 1,
        )
    charts.style(figure, height=440)
    charts.update_axes(figure, "x", tickformat="%Y-%m", dtick="M12")
    charts.update_axes(figure, "y", rangemode="tozero", tickformat=",")
    charts.update_annotations(figure, font_size=13)
    table = counts.assign(period_month=months.dt.strftime("%Y-%m"))[["period_month", *COUNT_COLUMNS]]
    return Chart(figure, trends.whole_counts(table, COUNT_COLUMNS), scope.t("ca_counts_note"))


@uses("indicator_catalog", *indicators.BY_MONTH_QUERIES)
def duties_chart(query: QueryFn, scope: Scope) -> Chart:
    """Legal review, publicity within 7 working days and agency-head appearance by month (the year so far),
    against their 100 % targets."""
    rows = rates_by_month(query, scope)
    rows = rows[rows["indicator_key"].isin(DUTY_RATES)].copy()
    if rows["value"].notna().sum() == 0:
        return trends.empty_chart(scope)
    rows["period_month"] = pd.to_datetime(rows["period_month"])
    rows["series"] = [name_of(row, scope.lang) for row in indicators.row_records(rows)]
    figure = go.Figure()
    parts = {key: rows[rows["indicator_key"] == key] for key in DUTY_RATES}
    for key, part in parts.items():
        figure.add_trace(
            go.Scatter(
                x=part["period_month"],
                y=part["value"],
                name=part.iloc[0]["series"],
                mode="lines+markers",
                line=DUTY_STYLES[key],
                marker=dict(size=4),
                hovertemplate="%{fullData.name}<br>%{x|%Y-%m}: %{y:.2f}%<extra></extra>",
            )
        )
    trends.add_targets(figure, rows.drop_duplicates(["period_month", "target_value"]), scope)
    trends.add_deadlines(figure, rows, scope)
    charts.style(figure, height=440)
    trends.month_axis(figure)
    low = rows["value"].min()
    charts.update_axes(figure, "y", title_text="%", range=[max(0, (low if pd.notna(low) else 0) - 5), 101.5])
    table = pd.concat(
        [
            trends.monthly_table(part, scope, "series", "indicator_name").rename(columns={key: "value"})
            for key, part in parts.items()
        ]
    )
    targeted = set(rows.loc[rows["target_value"].notna(), "indicator_key"])
    with_target = [
        name_of(r, scope.lang)
        for r in rows.drop_duplicates("indicator_key").to_dict("records")
        if r["indicator_key"] in targeted
    ]
    notes = [scope.t("ca_duties_note")]
    if with_target:
        notes.append(scope.t("ca_targets_for", names="、".join(with_target)))
    notes.append(trends.target_source_text(rows, scope))
    return Chart(figure, table, scope.sentences(notes))


@uses("indicator_catalog", *indicators.CHILDREN_AT_QUERIES)
def children_chart(query: QueryFn, scope: Scope, indicator: str) -> Chart:
    """Child regions (and the root's own agencies) ranked on one rate over the period, against the target and the
    region's own value (the parent average of its children)."""
    period_note = scope.t("ca_period_note", period=scope.indicator_period_text())
    return trends.ranked_children(by_child(query, scope), scope, indicator, period_note)


DOMAINS = trends.Grouping("domain_name", "domain_code", all_label_key="ca_all_domains")


@uses("indicator_catalog", *indicators.SPLIT_QUERIES["indicators_by_domain"])
def domain_chart(query: QueryFn, scope: Scope, indicator: str) -> Chart:
    """Enforcement domains ranked on one rate over the period; a chosen domain is highlighted among the others."""
    notes = [scope.t("ca_period_note", period=scope.indicator_period_text())]
    if scope.domain:
        notes.append(scope.t("ca_domain_highlight"))
    return trends.ranked_groups(by_domain(query, scope), scope, indicator, DOMAINS, scope.domain, notes)


@uses("case_counts_by_month")
def complaints_chart(query: QueryFn, scope: Scope) -> Chart:
    """12345 complaints about enforcement by month."""
    counts = counts_by_month(query, scope)
    if counts.empty:
        return trends.empty_chart(scope)
    months = pd.to_datetime(counts["period_month"])
    figure = go.Figure(
        go.Bar(
            x=months,
            y=counts["complaints_12345"],
            marker_color="#78909c",
            hovertemplate="%{x|%Y-%m}: %{y:,.0f}<extra></extra>",
            name=scope.t("ca_complaints"),
        )
    )
    charts.style(figure, height=340)
    trends.month_axis(figure)
    charts.update_axes(figure, "y", title_text=scope.t("ca_unit_cases"), tickformat=",")
    table = trends.whole_counts(
        counts.assign(period_month=months.dt.strftime("%Y-%m"))[["period_month", "complaints_12345"]],
        ("complaints_12345",),
    )
    return Chart(figure, table, scope.t("ca_complaints_note"))


@uses("indicator_catalog", *indicators.BY_MONTH_QUERIES)
def case_files_chart(query: QueryFn, scope: Scope) -> Chart:
    """Case-file review pass rate by month, the year so far (reviews usually happen at quarter ends)."""
    rows = rates_by_month(query, scope)
    rows = rows[(rows["indicator_key"] == "case_file_pass_rate") & rows["value"].notna()].copy()
    if rows.empty:
        return trends.empty_chart(scope)
    rows["period_month"] = pd.to_datetime(rows["period_month"])
    rows["series"] = scope.t("trend_total", region=scope.region_name)
    figure = go.Figure(
        go.Scatter(
            x=rows["period_month"],
            y=rows["value"],
            mode="lines+markers",
            line=dict(color=trends.TOTAL_COLOR, width=2.5),
            name=name_of(rows.iloc[0], scope.lang),
            hovertemplate="%{x|%Y-%m}: %{y:.1f}%<extra></extra>",
        )
    )
    trends.add_targets(figure, rows, scope)
    charts.style(figure, height=340)
    trends.month_axis(figure)
    low = rows["value"].min()
    charts.update_axes(figure, "y", title_text="%", range=[max(0, low - 5), 101])
    notes = [scope.t("ca_case_files_note"), trends.target_source_text(rows, scope)]
    if rows["target_value"].isna().all():
        notes.append(scope.t("ca_no_case_file_target"))
    return Chart(figure, trends.monthly_table(rows, scope, "series", "region_name"), scope.sentences(notes))
