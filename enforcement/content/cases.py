"""案件 Cases page content: KPIs, case counts by type, the year-so-far rates against their targets, rankings of
child regions and enforcement domains, 12345 complaints and case-file review.

Values come from the named queries case_counts_by_month, indicators_ytd_by_month, indicators_by_child and
indicators_by_domain; targets and statuses come with them (schema.sql). Functions take a query function
(``ctx.query`` on the page, ``QueryRunner.run`` in tests) and a Scope, and return Kpi/Chart objects.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from enforcement.content import charts
from enforcement.content.trends import (
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
    indicator_name,
    indicator_params,
    indicator_table,
    is_missing,
    month_axis,
    monthly_table,
    ranked_bars,
    status_label,
    target_source_text,
    target_text,
    whole_counts,
)

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
    return query("indicators_ytd_by_month", **scope.with_plan(), **indicator_params(query, RATES), children_for=[])


def by_child(query: QueryFn, scope: Scope) -> pd.DataFrame:
    return query("indicators_by_child", **scope.with_plan(), **indicator_params(query, RANKABLE))


def by_domain(query: QueryFn, scope: Scope) -> pd.DataFrame:
    return query("indicators_by_domain", **scope.with_plan(domain=False), **indicator_params(query, RANKABLE))


# ----------------------------------------------------------------------------------------------- KPIs


def kpis(query: QueryFn, scope: Scope) -> list[Kpi]:
    """The KPI row over the period: penalties, the three duties, litigation losses, case-file review."""
    rows = by_child(query, scope)
    total = rows[rows["is_total"]].set_index("indicator_key")
    if total.empty:
        return []
    counts = counts_by_month(query, scope)
    rates = rates_by_month(query, scope)
    help_period = scope.t("ca_kpi_period_help", period=scope.period_text())
    result = [
        Kpi(
            scope.t("ca_kpi_penalties"),
            fmt(total.iloc[0]["count_penalty"]),
            scope.t("ca_kpi_penalties_delta", inspections=fmt(total.iloc[0]["count_inspection"])),
            "gray",
            help_period,
            [float(v) for v in counts["count_penalty"].tail(24)],
        )
    ]
    for indicator in (
        "legal_review_rate",
        "publicity_within_7d_rate",
        "head_appearance_rate",
        "litigation_loss_rate",
        "case_file_pass_rate",
    ):
        row = total.loc[indicator]
        if is_missing(row["comparator"]):
            delta, color = scope.t("trend_no_target"), "gray"
        elif row["comparator"] == "below_parent_avg":
            delta, color = scope.t("ca_kpi_below_parent"), "gray"
        else:
            delta = (
                f"{status_label(row['target_status'], scope.lang)} · {scope.t('target')} {target_text(row, scope.lang)}"
            )
            color = STREAMLIT_COLORS.get(row["target_status"], "gray")
        trend = rates[rates["indicator_key"] == indicator].sort_values("period_month")["value"].dropna().tail(24)
        result.append(
            Kpi(
                indicator_name(row, scope.lang),
                fmt(row["value"], "%"),
                delta,
                color,
                help_period + scope.t("ca_kpi_sparkline_help"),
                [float(v) for v in trend],
            )
        )
    return result


# ----------------------------------------------------------------------------------------------- charts


def counts_chart(query: QueryFn, scope: Scope) -> Chart:
    """Case counts by month, one small panel per type (their sizes differ a hundredfold)."""
    counts = counts_by_month(query, scope)
    if counts.empty:
        return empty_chart(scope)
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
    figure.update_xaxes(tickformat="%Y-%m", dtick="M12")
    figure.update_yaxes(rangemode="tozero", tickformat=",")
    figure.update_annotations(font_size=13)
    table = counts.assign(period_month=months.dt.strftime("%Y-%m"))[["period_month", *COUNT_COLUMNS]]
    return Chart(figure, whole_counts(table, COUNT_COLUMNS), scope.t("ca_counts_note"))


def duties_chart(query: QueryFn, scope: Scope) -> Chart:
    """Legal review, publicity within 7 working days and agency-head appearance by month (the year so far),
    against their 100 % targets."""
    rows = rates_by_month(query, scope)
    rows = rows[rows["indicator_key"].isin(DUTY_RATES)].copy()
    if rows["value"].notna().sum() == 0:
        return empty_chart(scope)
    rows["period_month"] = pd.to_datetime(rows["period_month"])
    rows["series"] = [indicator_name(row, scope.lang) for row in rows.to_dict("records")]
    figure = go.Figure()
    for key in DUTY_RATES:
        part = rows[rows["indicator_key"] == key]
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
    add_targets(figure, rows.drop_duplicates(["period_month", "target_value"]), scope)
    add_deadlines(figure, rows, scope)
    charts.style(figure, height=440)
    month_axis(figure)
    low = rows["value"].min()
    figure.update_yaxes(title_text="%", range=[max(0, (low if pd.notna(low) else 0) - 5), 101.5])
    table = pd.concat(
        [
            monthly_table(rows[rows["indicator_key"] == key], scope, "series", "indicator_name").rename(
                columns={key: "value"}
            )
            for key in DUTY_RATES
        ]
    )
    with_target = [
        indicator_name(r, scope.lang)
        for r in rows.drop_duplicates("indicator_key").to_dict("records")
        if rows[(rows["indicator_key"] == r["indicator_key"]) & rows["target_value"].notna()].shape[0]
    ]
    notes = [scope.t("ca_duties_note")]
    if with_target:
        notes.append(scope.t("ca_targets_for", names="、".join(with_target)))
    notes.append(target_source_text(rows, scope))
    return Chart(figure, table, " ".join(filter(None, notes)))


def children_chart(query: QueryFn, scope: Scope, indicator: str) -> Chart:
    """Child regions (and the root's own agencies) ranked on one rate over the period, against the target and the
    region's own value (the parent average of its children)."""
    rows = by_child(query, scope)
    rows = rows[(rows["indicator_key"] == indicator) & ~rows["is_total"]].copy()
    if rows["child_code"].isna().all():
        return empty_chart(scope, scope.t("trend_no_children"))
    if rows["value"].notna().sum() == 0:
        return empty_chart(scope)
    rows["label"] = [child_label(row, scope) for row in rows.to_dict("records")]
    figure = ranked_bars(rows, scope, "label", average_label=scope.t("trend_total", region=scope.region_name))
    notes = [scope.t("ca_period_note", period=scope.period_text())]
    if (rows["comparator"] == "below_parent_avg").any():
        notes.append(scope.t("ca_below_parent_note", region=scope.region_name))
    notes.append(target_source_text(rows, scope))
    return Chart(figure, indicator_table(rows, scope, "label", "region_name"), " ".join(filter(None, notes)))


def domain_chart(query: QueryFn, scope: Scope, indicator: str) -> Chart:
    """Enforcement domains ranked on one rate over the period; a chosen domain is highlighted among the others."""
    rows = by_domain(query, scope)
    rows = rows[(rows["indicator_key"] == indicator) & ~rows["is_total"] & rows["value"].notna()].copy()
    if rows.empty:
        return empty_chart(scope)
    rows["label"] = rows["domain_name_en" if scope.lang == "en" else "domain_name_zh"]
    figure = ranked_bars(
        rows, scope, "label", highlight=scope.domain, key_column="domain_code", average_label=scope.t("ca_all_domains")
    )
    notes = [scope.t("ca_period_note", period=scope.period_text())]
    if scope.domain:
        notes.append(scope.t("ca_domain_highlight"))
    notes.append(target_source_text(rows, scope))
    table = indicator_table(rows, scope, "label", "domain_name")
    table.insert(0, "domain_code", rows["domain_code"].to_numpy())
    return Chart(figure, table, " ".join(filter(None, notes)))


def complaints_chart(query: QueryFn, scope: Scope) -> Chart:
    """12345 complaints about enforcement by month."""
    counts = counts_by_month(query, scope)
    if counts.empty:
        return empty_chart(scope)
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
    month_axis(figure)
    figure.update_yaxes(title_text=scope.t("ca_unit_cases"), tickformat=",")
    table = whole_counts(
        counts.assign(period_month=months.dt.strftime("%Y-%m"))[["period_month", "complaints_12345"]],
        ("complaints_12345",),
    )
    return Chart(figure, table, scope.t("ca_complaints_note"))


def case_files_chart(query: QueryFn, scope: Scope) -> Chart:
    """Case-file review pass rate by month, the year so far (reviews usually happen at quarter ends)."""
    rows = rates_by_month(query, scope)
    rows = rows[(rows["indicator_key"] == "case_file_pass_rate") & rows["value"].notna()].copy()
    if rows.empty:
        return empty_chart(scope)
    rows["period_month"] = pd.to_datetime(rows["period_month"])
    rows["series"] = scope.t("trend_total", region=scope.region_name)
    figure = go.Figure(
        go.Scatter(
            x=rows["period_month"],
            y=rows["value"],
            mode="lines+markers",
            line=dict(color=TOTAL_COLOR, width=2.5),
            name=indicator_name(rows.iloc[0], scope.lang),
            hovertemplate="%{x|%Y-%m}: %{y:.1f}%<extra></extra>",
        )
    )
    add_targets(figure, rows, scope)
    charts.style(figure, height=340)
    month_axis(figure)
    low = rows["value"].min()
    figure.update_yaxes(title_text="%", range=[max(0, low - 5), 101])
    notes = [scope.t("ca_case_files_note"), target_source_text(rows, scope)]
    if rows["target_value"].isna().all():
        notes.append(scope.t("ca_no_case_file_target"))
    return Chart(figure, monthly_table(rows, scope, "series", "region_name"), " ".join(filter(None, notes)))
