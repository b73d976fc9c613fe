"""What the 培训 Training and 案件 Cases pages show, built from named queries: KPIs, figures and the tables behind them.

Every number comes from a named query (indicator formulas, targets and statuses are SQL: schema.sql); this module
picks rows, labels them and draws. No Streamlit here: the pages pass ``ctx.query`` in, tests a QueryRunner's ``run``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from enforcement.content import charts, indicators, uses
from enforcement.content.indicators import (
    Period,
    QueryFn,
    format_value,
    indicator_period,
    is_missing,
    judge,
    judgement_label,
    shown_column,
    target_text,
    unit_label,
)
from enforcement.i18n import t
from enforcement.rules.filters import Filters

# The measures behind each indicator, shown next to its value in the tables (numerator first).
INDICATOR_MEASURES: dict[str, tuple[str, ...]] = {
    "certified_rate": ("certified_officers", "officers"),
    "full_rotation_rate": ("full_rotation_trained", "officers"),
    "training_hours_total": ("public_law_hours", "professional_hours", "officers"),
    "training_hours_public_law": ("public_law_hours", "officers"),
    "training_hours_professional": ("professional_hours", "officers"),
    "exam_sampling_rate": ("exam_sampled", "exam_passed", "officers"),
    "township_training_coverage": ("township_officers_trained", "township_officers"),
    "legal_review_rate": ("major_decisions_reviewed", "major_decisions"),
    "publicity_within_7d_rate": ("decisions_publicized_7d", "decisions_to_publicize"),
    "head_appearance_rate": ("head_appearances", "lawsuits"),
    "litigation_loss_rate": ("lawsuits_lost", "lawsuits"),
    "case_file_pass_rate": ("case_files_passed", "case_files_reviewed"),
    "reconsideration_correction_rate": ("reconsiderations_corrected", "reconsiderations"),
}
# Indicators where a lower value is better (sorted the other way; the worst is still on top).
LOWER_IS_BETTER = frozenset({"litigation_loss_rate", "reconsideration_correction_rate"})
NEUTRAL_COLOR = "#5c7cfa"
TOTAL_COLOR = "#263238"


# ----------------------------------------------------------------------------------------------- scope


@dataclass(frozen=True)
class Scope:
    """The part of the shared filters these pages use: subtree, the months the trends span, the indicators' year to
    date (indicators.indicator_period), domain, plan, language."""

    region: str
    region_name: str
    month_from: dt.date
    month_to: dt.date  # last month that counts: the period's end, never after the as-of month
    period: Period
    domain: str | None = None
    plan: str | None = None
    lang: str = "zh"

    @classmethod
    def of(cls, filters: Filters, region_name: str) -> Scope:
        return cls(
            region=filters.region,
            region_name=region_name,
            month_from=filters.period_from,
            month_to=filters.effective_to,
            period=indicator_period(filters),
            domain=filters.domain,
            plan=filters.plan,
            lang=filters.lang,
        )

    @property
    def is_empty(self) -> bool:
        """True when no month counts (the as-of date lies before the period)."""
        return self.month_from > self.month_to

    def months(self) -> dict[str, object]:
        """The trend span of the subtree (monthly series)."""
        return {
            "region_code": self.region,
            "month_from": self.month_from.isoformat(),
            "month_to": self.month_to.isoformat(),
        }

    def with_domain(self) -> dict[str, object]:
        return {**self.months(), "domain_code": self.domain}

    def judged_by_month(self) -> dict[str, object]:
        """Parameters of indicators_ytd_by_month: the trend span, judged on the as-of date."""
        return {**self.with_domain(), "plan_id": self.plan, "as_of": self.period.as_of}

    def at_period(self, domain: bool = True) -> dict[str, object]:
        """Parameters of the indicator queries at the period's month (indicators_by_child, _by_domain, _by_agency)."""
        params = {"region_code": self.region, **self.period.params(), "plan_id": self.plan}
        return {**params, "domain_code": self.domain} if domain else params

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def sentences(self, parts: Iterable[str | None]) -> str:
        """Notes as one text: Chinese sentences end in 。 and follow each other without a space; English ones take one."""
        return ("" if self.lang == "zh" else " ").join(part for part in parts if part)

    def period_text(self) -> str:
        """The trend span, e.g. 2023-01 – 2025-12."""
        return f"{self.month_from:%Y-%m} – {self.month_to:%Y-%m}"

    def indicator_period_text(self) -> str:
        """The indicators' year to date, e.g. 2025-01 至 2025-12."""
        return self.period.label(self.lang)


@dataclass
class Chart:
    """A figure, the numbers drawn in it (one row per mark) and a line saying what it counts."""

    figure: go.Figure
    data: pd.DataFrame
    note: str = ""
    empty: bool = False


# ----------------------------------------------------------------------------------------------- text


def child_label(row, scope: Scope) -> str:
    """Name of a child region; the root's own agencies are '本级', the whole subtree '<region> 合计'."""
    if bool(row["is_total"]):
        return scope.t("trend_total", region=scope.region_name)
    if is_missing(row["child_code"]):
        return scope.t("own_agencies")
    return str(row["child_name"])


def target_source_text(rows: pd.DataFrame, scope: Scope) -> str:
    """'目标来自 日照市 方案' for the plans whose targets the rows carry; '' when none."""
    drawn = rows["target_value"].notna() | rows["target_status"].isin(("met", "not_met", "behind_schedule"))
    issuers = sorted({str(name) for name in rows.loc[drawn, "issuer_region_name"].dropna()})
    return scope.t("trend_target_source", plans="、".join(issuers)) if issuers else ""


# ----------------------------------------------------------------------------------------------- drawing


def month_axis(figure: go.Figure) -> None:
    # Plotly picks the tick spacing from the width (a phone gets fewer ticks than a laptop).
    charts.update_axes(figure, "x", tickformat="%Y-%m", title_text="")


def add_targets(figure: go.Figure, rows: pd.DataFrame, scope: Scope, label_prefix: str = "") -> None:
    """Target lines for monthly rows: one line per distinct target; a segment when it holds for part of the time."""
    with_target = rows[rows["target_value"].notna()]
    if with_target.empty:
        return
    first, last = rows["period_month"].min(), rows["period_month"].max()
    for value, group in with_target.groupby("target_value"):
        label = " ".join(filter(None, [label_prefix, scope.t("target"), target_text(group.iloc[0], scope.lang)]))
        start, end = group["period_month"].min(), group["period_month"].max()
        if start == first and end == last:
            charts.add_target_line(figure, float(value), label)
        else:
            x1 = (pd.Timestamp(end) + pd.offsets.MonthEnd(0)).normalize()
            figure.add_shape(
                type="line",
                x0=start,
                x1=x1,
                y0=value,
                y1=value,
                line=dict(color=charts.TARGET_COLOR, dash="dash", width=2),
            )
            figure.add_annotation(
                x=start,
                y=value,
                text=label,
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
                font=dict(color=charts.TARGET_COLOR),
            )


def add_deadlines(figure: go.Figure, rows: pd.DataFrame, scope: Scope) -> None:
    """A date line at each target deadline inside the months shown; year ends are left out (a yearly target's
    deadline is the end of its year, which the time axis already shows)."""
    first, last = rows["period_month"].min(), rows["period_month"].max()
    for deadline in sorted(rows["deadline_date"].dropna().unique()):
        day = pd.Timestamp(deadline)
        if (day.month, day.day) != (12, 31) and first <= day <= last + pd.offsets.MonthEnd(0):
            charts.add_date_line(figure, day.date().isoformat(), scope.t("trend_deadline", day=day.date().isoformat()))


def _legend_line(figure: go.Figure, name: str, color: str, dash: str) -> None:
    """A legend entry for a reference line (the line itself is a shape, which has no legend entry)."""
    figure.add_trace(
        go.Scatter(x=[None], y=[None], mode="lines", name=name, line=dict(color=color, dash=dash, width=2))
    )


# A ranking's y labels: one longer than this (an English agency's name) is set on two lines, so that on a phone's width
# the names leave the bars room; each bar then gets the taller row.
WRAP_LABEL_AT = 18
ROW_PX, WRAPPED_ROW_PX = 26, 34
# The ranking's margins above and below the plot area and the gap from the plot area to the legend's top (the x
# axis's numbers and its title sit in that gap).
TOP_PX, BOTTOM_PX, LEGEND_GAP_PX = 40, 80, 52


def ranked_bars(
    rows: pd.DataFrame,
    scope: Scope,
    label_column: str,
    *,
    highlight: str | None = None,
    key_column: str | None = None,
    average_label: str | None = None,
) -> go.Figure:
    """Horizontal bars of one indicator, the worst on top, coloured by status, with target and average lines.

    The reference lines are explained in the legend rather than labelled on the plot, where they would sit on the
    bars' numbers.
    """
    indicator = rows.iloc[0]["indicator_key"]
    unit = rows.iloc[0]["unit"]
    lower_better = indicator in LOWER_IS_BETTER
    ordered = rows.sort_values("value", ascending=not lower_better, na_position="last")
    judgements = [judge(row) for row in indicators.row_records(ordered)]
    has_target = any(j != "no_target" for j in judgements)
    colors = [indicators.rag_color(j) for j in judgements] if has_target else [NEUTRAL_COLOR] * len(ordered)
    opacity = [1.0] * len(ordered)
    if highlight is not None and key_column is not None:
        opacity = [1.0 if key == highlight else 0.3 for key in ordered[key_column]]
    ordered = ordered.assign(
        **{label_column: [charts.two_lines(str(label), WRAP_LABEL_AT) for label in ordered[label_column]]}
    )
    figure = go.Figure(
        go.Bar(
            x=ordered["value"],
            y=ordered[label_column],
            orientation="h",
            marker=dict(color=colors, opacity=opacity),
            text=[format_value(v, unit, scope.lang) for v in ordered["value"]],
            # a bar of 0 has no width to hold its number: written beside it, so that it is not read as missing
            textposition=["outside" if v == 0 else "auto" for v in ordered["value"]],
            insidetextanchor="end",
            insidetextfont=dict(color="white"),
            outsidetextfont=dict(color=colors),
            cliponaxis=False,
            customdata=[judgement_label(j, scope.lang) if has_target else "" for j in judgements],
            hovertemplate="%{y}: %{text}<br>%{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    missing = ordered[ordered["value"].isna()]
    if not missing.empty:
        # A region without figures keeps its row and says so, rather than an empty row read as zero.
        figure.add_trace(
            go.Scatter(
                x=[0] * len(missing),
                y=missing[label_column],
                mode="text",
                text=[scope.t("judgement_no_data")] * len(missing),
                textposition="middle right",
                textfont=dict(color=charts.MUTED_COLOR),
                hoverinfo="skip",
                showlegend=False,
                cliponaxis=False,
            )
        )
    if has_target:
        present = set(judgements)
        for judgement in indicators.JUDGEMENTS:
            if judgement in present:
                figure.add_trace(
                    go.Bar(
                        x=[None],
                        y=[None],
                        orientation="h",
                        name=judgement_label(judgement, scope.lang),
                        marker_color=indicators.rag_color(judgement),
                    )
                )
    line = dict(dash="dash", width=2)
    target_rows = ordered[ordered["target_value"].notna()]
    if not target_rows.empty:
        # below the bars: the value labels beside each bar stay readable where the line crosses them
        charts.line_across(
            figure,
            float(target_rows.iloc[0]["target_value"]),
            dict(color=charts.TARGET_COLOR, **line),
            horizontal=False,
        )
        _legend_line(
            figure,
            scope.t("target") + " " + target_text(target_rows.iloc[0], scope.lang),
            charts.TARGET_COLOR,
            "dash",
        )
    parent = ordered["parent_value"].dropna()
    if not parent.empty and average_label:
        charts.line_across(
            figure, float(parent.iloc[0]), dict(color=charts.AVERAGE_COLOR, dash="dot", width=2), horizontal=False
        )
        _legend_line(
            figure, f"{average_label} {format_value(parent.iloc[0], unit, scope.lang)}", charts.AVERAGE_COLOR, "dot"
        )
    row_px = WRAPPED_ROW_PX if ordered[label_column].str.contains("<br>", regex=False).any() else ROW_PX
    plot_px = 70 + row_px * len(ordered)
    charts.style(figure, height=TOP_PX + plot_px + BOTTOM_PX)
    # The legend's place is a share of the plot area's height: the same gap in pixels below one bar or thirty.
    charts.update_layout(
        figure,
        legend=dict(y=-LEGEND_GAP_PX / plot_px, yanchor="top"),
        bargap=0.25,
        margin=dict(t=TOP_PX, b=BOTTOM_PX),
    )
    charts.update_axes(figure, "y", autorange="reversed", title_text="", automargin=True)
    reach = max(
        [float(v) for v in ordered["value"].dropna()]
        + [float(v) for v in ordered["target_value"].dropna()]
        + [float(v) for v in parent]
        + [1.0]
    )
    charts.update_axes(figure, "x", title_text=unit_label(unit, scope.lang), range=[0, reach * 1.22], fixedrange=True)
    return figure


def ranked_children(rows: pd.DataFrame, scope: Scope, indicator: str, period_note: str) -> Chart:
    """Child regions (and the root's own agencies) ranked on one indicator over the period, against its target and
    the region's own value; ``rows`` are indicators_by_child's."""
    rows = rows[(rows["indicator_key"] == indicator) & ~rows["is_total"]].copy()
    if rows["child_code"].isna().all():
        return empty_chart(scope, scope.t("trend_no_children"))
    if rows["value"].notna().sum() == 0:
        return empty_chart(scope)
    rows["label"] = [child_label(row, scope) for row in indicators.row_records(rows)]
    figure = ranked_bars(rows, scope, "label", average_label=scope.t("trend_total", region=scope.region_name))
    notes = [period_note]
    if (rows["comparator"] == "below_parent_avg").any():
        notes.append(scope.t("trend_below_parent_note", region=scope.region_name))
    notes.append(target_source_text(rows, scope))
    return Chart(figure, indicator_table(rows, scope, "label", "region_name"), scope.sentences(notes))


@dataclass(frozen=True)
class Grouping:
    """A dimension other than region that a page ranks by: its name columns (``<name_column>_zh``/``_en``), its code
    column, and the string key of the bar for all of them together."""

    name_column: str
    key_column: str
    all_label_key: str


def ranked_groups(
    rows: pd.DataFrame, scope: Scope, indicator: str, grouping: Grouping, highlight: str | None, notes: Iterable[str]
) -> Chart:
    """Agencies or enforcement domains ranked on one indicator over the period (indicators_by_agency's or
    indicators_by_domain's rows), the chosen one highlighted among the others; the table keeps each one's code."""
    rows = rows[(rows["indicator_key"] == indicator) & ~rows["is_total"] & rows["value"].notna()].copy()
    if rows.empty:
        return empty_chart(scope)
    # "Below the parent average" compares a region with the region above it; a domain or an agency has no parent
    # average, so it is shown unjudged rather than as "no data".
    rows.loc[rows["comparator"] == "below_parent_avg", "target_id"] = None
    name, key = grouping.name_column, grouping.key_column
    rows["label"] = rows[f"{name}_en" if scope.lang == "en" else f"{name}_zh"]
    average_label = scope.t(grouping.all_label_key)
    figure = ranked_bars(rows, scope, "label", highlight=highlight, key_column=key, average_label=average_label)
    table = indicator_table(rows, scope, "label", name)
    table.insert(0, key, rows[key].to_numpy())
    return Chart(figure, table, scope.sentences([*notes, target_source_text(rows, scope)]))


def empty_chart(scope: Scope, note: str = "") -> Chart:
    figure = go.Figure()
    figure.add_annotation(text=scope.t("no_data"), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    charts.update_axes(figure, "x", visible=False)
    charts.update_axes(figure, "y", visible=False)
    charts.style(figure, height=200)
    return Chart(figure, pd.DataFrame(), note, empty=True)


# ----------------------------------------------------------------------------------------------- tables


def whole_counts(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Whole-number measures as integers (sums come back from DuckDB as floats)."""
    out = frame.copy()
    for column in columns:
        if column in out.columns and column not in ("public_law_hours", "professional_hours"):
            out[column] = out[column].round().astype("Int64")
        elif column in out.columns:
            out[column] = out[column].round(1)
    return out


def judged_columns(rows: pd.DataFrame, scope: Scope) -> dict[str, object]:
    """The target and its judgement of each row, as the chart and the cards word them."""
    records = indicators.row_records(rows)
    return {
        "target_text": [
            target_text(row, scope.lang) if not is_missing(row.get("target_id")) else "" for row in records
        ],
        "status_label": [
            judgement_label(judge(row), scope.lang) if not is_missing(row.get("target_id")) else "" for row in records
        ],
    }


def indicator_table(rows: pd.DataFrame, scope: Scope, label_column: str, label_name: str) -> pd.DataFrame:
    """The numbers behind a ranking: who, value (as shown), target, judgement, the parent's value and the measures."""
    indicator = rows.iloc[0]["indicator_key"]
    measures = list(INDICATOR_MEASURES.get(indicator, ()))
    table = pd.DataFrame(
        {
            label_name: rows[label_column].to_numpy(),
            indicator: shown_column(rows["value"]).to_numpy(),
            "parent_value": shown_column(rows["parent_value"]).to_numpy(),
            **judged_columns(rows, scope),
        }
    )
    for column in measures:
        table[column] = rows[column].to_numpy()
    return whole_counts(table, measures)


def monthly_table(rows: pd.DataFrame, scope: Scope, series_column: str, series_name: str) -> pd.DataFrame:
    """The numbers behind a monthly chart: month, series, value (as shown), target, judgement and the measures."""
    indicator = rows.iloc[0]["indicator_key"]
    measures = list(INDICATOR_MEASURES.get(indicator, ()))
    table = pd.DataFrame(
        {
            "period_month": pd.to_datetime(rows["period_month"]).dt.strftime("%Y-%m").to_numpy(),
            series_name: rows[series_column].to_numpy(),
            indicator: shown_column(rows["value"]).to_numpy(),
            **judged_columns(rows, scope),
        }
    )
    for column in measures:
        table[column] = rows[column].to_numpy()
    return whole_counts(table, measures)


# ----------------------------------------------------------------------------------------------- plans


@dataclass
class TargetSource:
    """Where the page's targets come from: a chosen plan, the plans governing the region, or none."""

    note: str
    governed: bool
    plan_choices: dict[str, str]  # plan_id -> label, for choosing a yardstick when no plan governs the region


@uses("plans_for_region", "region_targets")
def target_source(query: QueryFn, scope: Scope) -> TargetSource:
    """Which plan's targets the charts draw, said in one line, and the plans one could choose as a yardstick."""
    plans = query("plans_for_region", region_code=scope.region)
    choices = {row.plan_id: f"{row.issuer_region_name} · {row.title}" for row in plans.itertuples()}
    governing = plans[plans["governs"]]
    if scope.plan:
        chosen = plans[plans["plan_id"] == scope.plan]
        name = chosen.iloc[0]["issuer_region_name"] if not chosen.empty else scope.plan
        return TargetSource(scope.t("trend_targets_chosen", plan=name), not governing.empty, choices)
    if governing.empty:
        return TargetSource(scope.t("trend_targets_none", region=scope.region_name), False, choices)
    names = "、".join(governing["issuer_region_name"])
    if query("region_targets", region_code=scope.region, plan_id=None).empty:
        return TargetSource(scope.t("trend_targets_none_at_level", plans=names), True, choices)
    return TargetSource(scope.t("trend_targets_governing", plans=names), True, choices)
