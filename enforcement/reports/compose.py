"""The report's words: the document model (model.py) written out from the figures (figures.py).

Every number comes from the figures as the content layer formatted it for the pages (card values, changes, the
charts' tables); this module only chooses the order, fills the templated sentences
(enforcement/i18n/catalog/report.toml) and lays out tables. The sentences are deterministic: the same figures give the same report.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

from enforcement.content import indicators, scorecard
from enforcement.content.indicators import Card
from enforcement.content.trends import Chart
from enforcement.i18n import column_label, status_label, t
from enforcement.reports import charts, fonts
from enforcement.reports.figures import ChartFigure, Figures, LaggingItem
from enforcement.reports.model import (
    AMBER,
    GREEN,
    GREY,
    RED,
    Figure,
    Heading,
    Paragraph,
    Report,
    Section,
    Table,
    draw_figures,
)
from enforcement.rules import status

# Names listed in a sentence before '… and n more'.
MAX_NAMES = 8
JUDGEMENT_COLORS = {"met": GREEN, "near": AMBER, "not_met": RED}
TARGET_STATUS_COLORS = {"met": GREEN, "not_met": RED, "behind_schedule": AMBER}
MILESTONE_TEXT_COLORS = {"overdue": RED, "behind_schedule": AMBER, "done_on_time": GREEN}


def compose(figures: Figures) -> Report:
    """The report of these figures, its text checked against the font and its charts drawn."""
    report = _Writer(figures).report()
    fonts.check_text(report.all_text())
    draw_figures(report)
    return report


# ----------------------------------------------------------------------------------------------- helpers


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _cell(value: object) -> str:
    """A table cell: integers with thousands separators, decimals as the page's table gives them, blanks empty."""
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (hasattr(value, "is_integer") and isinstance(value, float) and value.is_integer()):
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (pd.Timestamp, dt.date)):
        return pd.Timestamp(value).date().isoformat()
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    if not isinstance(value, str) and not _missing(number):
        return _cell(float(number))
    return str(value)


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _widths(columns: list[str], rows: list[list[str]], cap: int = 30) -> list[float]:
    """Relative column widths from the longest cell; a header may wrap onto two lines, but not inside a Latin word."""
    widths = []
    for index, column in enumerate(columns):
        longest = max([_display_width(row[index]) for row in rows] + [1])
        header = (_display_width(column) + 1) // 2
        # a bold header's Latin letter is wider than a body digit: 1.4 units, so that no word breaks in two
        word = 1.4 * max((len(w) for w in re.findall(r"[A-Za-z]+", column)), default=0)
        widths.append(2.0 + max(word, min(cap, max(4, longest, header))))  # 2: the cell's padding
    return widths


def _numeric(rows: list[list[str]], index: int) -> bool:
    cells = [row[index] for row in rows if row[index]]
    return bool(cells) and all(
        cell.replace(",", "").replace(".", "").replace("-", "").replace("+", "").replace("%", "").isdigit()
        for cell in cells
    )


def _table(columns: list[str], rows: list[list[str]], caption: str = "", **kwargs) -> Table:
    align = kwargs.pop("align", None) or ["r" if _numeric(rows, i) else "l" for i in range(len(columns))]
    widths = kwargs.pop("widths", None) or _widths(columns, rows)
    return Table(columns, rows, widths, align, caption, **kwargs)


def _names(names: list[str], lang: str) -> str:
    shown = names[:MAX_NAMES]
    text = t("rp_list_sep", lang).join(shown)
    return text + (t("rp_more", lang, n=len(names) - len(shown), total=len(names)) if len(names) > len(shown) else "")


# ----------------------------------------------------------------------------------------------- the writer


class _Writer:
    def __init__(self, figures: Figures):
        self.f = figures
        self.lang = figures.lang
        self.figure_no = 0
        self.table_no = 0
        self.chart_texts: list[str] = []

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    # --- shared pieces

    @property
    def mark(self) -> str | None:
        if not self.f.is_sample:
            return None
        return self.t("rp_mark_mixed" if self.f.data_kind == "mixed" else "rp_mark_sample")

    @property
    def as_of(self) -> str:
        return self.f.filters.as_of.isoformat()

    @property
    def charts_period(self) -> str:
        return self.f.scope.period_text()

    def caption_table(self, title: str) -> str:
        self.table_no += 1
        return self.t("rp_table", n=self.table_no, title=title)

    def figure(self, figure, title: str) -> Figure:
        """A chart of the page as an image block (drawn after the font check), numbered."""
        self.figure_no += 1
        self.chart_texts.extend(charts.figure_texts(figure))
        mark = self.mark
        return Figure(
            caption=self.t("rp_figure", n=self.figure_no, title=title),
            aspect=charts.aspect_of(figure),
            draw=lambda: charts.render(figure, mark=mark).png,
        )

    def document(self, number: object, issuer: object, title: object) -> str:
        """A document by its number (the cover names the plans in full), or by issuer and title when it has none."""
        return str(number) if not _missing(number) else f"{issuer}《{title}》"

    def plan_line(self, plan) -> str:
        number = "" if _missing(plan.document_number) else str(plan.document_number)
        return self.t("rp_plan_line", issuer=plan.issuer, title=plan.title, number=number).strip()

    # --- the document

    def report(self) -> Report:
        f = self.f
        region = f.region_name
        sections = [
            self.overview(),
            self.milestones(),
            self.indicators(),
            self.children(),
            self.trend_section("rp_sec_training", "nav_training", f.training_kpis, f.training_charts),
            self.trend_section("rp_sec_cases", "nav_cases", f.cases_kpis, f.cases_charts),
            self.appendix(),
        ]
        mark = self.mark
        return Report(
            lang=self.lang,
            title=self.t("rp_title"),
            subtitle=self.t("rp_subtitle"),
            cover=self.cover(),
            header=self.t("rp_header", region=region, as_of=self.as_of),
            footer=self.t("rp_footer", page="{page}", pages="{pages}"),
            mark=mark,
            watermark=self.t("rp_watermark") if mark else None,
            sections=sections,
            keywords=" ".join(filter(None, [region, self.as_of, mark])),
            chart_texts=self.chart_texts,
        )

    def cover(self) -> list[tuple[str, str]]:
        f = self.f
        full_name = str(f.lineage.iloc[-1]["full_name"]).replace(" / ", " ")
        governing = [self.plan_line(p) for p in f.plans.itertuples() if p.governs]
        inside = [self.plan_line(p) for p in f.plans.itertuples() if not p.governs]
        lines = [(self.t("rp_cover_region"), f"{full_name} ({f.region_code})")]
        lines.append((self.t("rp_cover_plans"), "\n".join(governing) or self.t("rp_cover_no_plan")))
        if inside:
            lines.append((self.t("rp_cover_inside"), "\n".join(inside)))
        period = self.t(
            "rp_cover_period_value",
            indicators=f.period.label(self.lang),
            previous=f.period.previous.label(self.lang),
            charts=self.charts_period,
        )
        built = f.meta.get("built_at", "").replace("T", " ")
        lines += [
            (self.t("rp_cover_as_of"), self.as_of + self.evaluation()),
            (self.t("rp_cover_period"), period),
            (
                self.t("rp_cover_version"),
                self.t("rp_cover_version_value", version=f.meta.get("data_version", ""), built=built),
            ),
            (self.t("rp_cover_made"), f.made_on.isoformat()),
            (self.t("rp_cover_kind"), self.t(f"rp_kind_{f.data_kind}")),
        ]
        return lines

    def evaluation(self) -> str:
        """' (中期评估: 江苏省实施方案规定的完成日期)' when the as-of date is a governing plan's evaluation date."""
        for plan in self.f.plans.itertuples():
            if not plan.governs:
                continue
            for kind, day in (("midterm", plan.midterm_evaluation_date), ("final", plan.final_evaluation_date)):
                if not _missing(day) and pd.Timestamp(day).date() == self.f.filters.as_of:
                    return self.t(f"rp_cover_{kind}", plan=plan.issuer_region_name)
        return ""

    # --- 一、总体情况

    def overview(self) -> Section:
        f = self.f
        section = Section(self.t("rp_sec_overview"))
        totals = {year: scorecard.status_totals(f.milestone_counts, year) for year in scorecard.MILESTONE_YEARS}
        years = [year for year, counts in totals.items() if scorecard.milestone_summary(counts)["items"] > 0]
        if years:
            sentences = [self.t("rp_ov_milestones_lead", as_of=self.as_of, region=f.region_name)]
            for card, year in zip(f.milestone_cards, scorecard.MILESTONE_YEARS, strict=True):
                if year not in years:
                    continue
                counts = totals[year]
                summary = scorecard.milestone_summary(counts)
                sentences.append(
                    self.t(
                        "rp_ov_milestones_year",
                        year=year,
                        items=summary["items"],
                        done=summary["done"],
                        share=card.value_text,
                        on_time=counts["done_on_time"],
                        late=counts["done_late"],
                        overdue=counts["overdue"],
                        behind=counts["behind_schedule"],
                    )
                )
            section.add(Paragraph("".join(sentences) if self.lang == "zh" else " ".join(sentences)))
        else:
            section.add(Paragraph(self.t("rp_ov_milestones_none", as_of=self.as_of, region=f.region_name)))

        period = f.period.label(self.lang)
        judged = [card for card in f.indicator_cards if card.judgement in JUDGEMENT_COLORS]
        if judged:
            parts = []
            for judgement in ("met", "near", "not_met"):
                names = [card.title for card in judged if card.judgement == judgement]
                if names:
                    parts.append(
                        self.t(
                            "rp_ov_targets_part",
                            judgement=indicators.judgement_label(judgement, self.lang),
                            n=len(names),
                            names=t("rp_list_sep", self.lang).join(names),
                        )
                    )
            text = self.t("rp_ov_targets", period=period, judged=len(judged), parts="; ".join(parts))
            others = len(f.indicator_cards) - len(judged)
            if others:
                text += self.t("rp_ov_targets_other", not_judged=others)
            section.add(Paragraph(text))
        else:
            section.add(Paragraph(self.t("rp_ov_targets_none", period=period, region=f.region_name)))

        if f.children.empty:
            section.add(Paragraph(self.t("rp_ov_no_children", region=f.region_name)))
        elif f.ranked.empty:
            section.add(Paragraph(self.t("ov_behind_none")))
        else:
            behind = f.ranked[f.ranked["is_behind"]]
            if behind.empty:
                section.add(Paragraph(self.t("rp_ov_children_none_behind", n=len(f.children))))
            else:
                names = t("rp_list_sep", self.lang).join(f.behind["region_name"].astype(str))
                section.add(Paragraph(self.t("rp_ov_children", n=len(f.children), behind=len(behind), names=names)))

        if f.data_kind == "reported":
            section.add(Paragraph(self.t("rp_ov_data_reported", version=f.meta.get("data_version", ""))))
        else:
            section.add(Paragraph(self.t(f"rp_ov_data_{f.data_kind}"), color=RED))
        return section

    # --- 二、里程碑

    def milestones(self) -> Section:
        f = self.f
        section = Section(self.t("rp_sec_milestones"))
        table = f.milestone_year_table
        if table.empty:
            section.add(Paragraph(self.t("rp_ms_lagging_none", as_of=self.as_of, region=f.region_name)))
            return section
        years = [int(year) for year in table["milestone_year"]]
        by_year = table.set_index("milestone_year")
        columns = [self.t("rp_ms_status")] + [self.t("rp_ms_year", year=year) for year in years]
        totals = {year: scorecard.status_totals(f.milestone_counts, year) for year in years}
        rows, colors = [], {}
        for code in status.MILESTONE_STATUSES[:-1]:  # not applicable after the total, which leaves it out
            values = [int(by_year.loc[year, f"items_{code}"]) for year in years]
            if code in MILESTONE_TEXT_COLORS:
                colors[(len(rows), 0)] = MILESTONE_TEXT_COLORS[code]
            rows.append([status_label(code, self.lang)] + [f"{v:,}" for v in values])
        rows.append(
            [self.t("rp_ms_total")] + [f"{scorecard.milestone_summary(totals[year])['items']:,}" for year in years]
        )
        rows.append(
            [status_label("not_applicable", self.lang)]
            + [f"{int(by_year.loc[year, 'items_not_applicable']):,}" for year in years]
        )
        cards = {int(card.key.rsplit("_", 1)[1]): card for card in f.milestone_cards}
        rows.append([self.t("rp_ms_done_share")] + [cards[year].value_text if year in cards else "" for year in years])
        judgement_row = [self.t("rp_ms_judgement")]
        for column, year in enumerate(years, start=1):
            card = cards.get(year)
            judgement_row.append(card.status_text.partition(" · ")[0] if card else "")
            if card:
                colors[(len(rows), column)] = JUDGEMENT_COLORS.get(card.judgement, GREY)
        rows.append(judgement_row)
        section.add(
            _table(
                columns,
                rows,
                self.caption_table(self.t("rp_ms_table_title")),
                colors=colors,
                align=["l"] + ["r"] * len(years),
                widths=[12] + [8] * len(years),
            ),
            Paragraph(self.t("rp_ms_note", amber=f"{scorecard.LAGGING_AMBER_PCT:g}"), style="note"),
        )
        if f.milestone_figure is not None:
            section.add(self.figure(f.milestone_figure, self.t("rp_ms_chart")))

        section.add(Heading(self.t("rp_ms_lagging_title")))
        if not f.lagging:
            section.add(Paragraph(self.t("rp_ms_lagging_none", as_of=self.as_of, region=f.region_name)))
            return section
        section.add(Paragraph(self.t("rp_ms_lagging_help", region=f.region_name), style="note"))
        for n, item in enumerate(f.lagging, start=1):
            section.add(*self.lagging_item(n, item))
        return section

    def lagging_item(self, n: int, item: LaggingItem) -> list[Paragraph]:
        none = self.t("rp_none")
        deadline = item.deadline_text or ""
        if item.deadline_date is not None:
            deadline = f"{deadline} ({item.deadline_date.isoformat()})" if deadline else item.deadline_date.isoformat()
        percent = "" if item.percent_complete is None else f"{item.percent_complete:.1f}%"
        document = " ".join(filter(None, [item.issuer, item.document_number, f"《{item.plan_title}》"]))
        lines = [
            Paragraph(
                self.t(
                    "rp_ms_item",
                    n=n,
                    milestone_id=item.milestone_id,
                    clause=item.clause_path,
                    requirement=item.requirement,
                ),
                style="item",
            ),
            Paragraph(self.t("rp_ms_deadline", deadline=deadline or none), style="plain"),
            Paragraph(
                self.t(
                    "rp_ms_state",
                    status=status_label(item.status, self.lang),
                    counts=item.status_counts,
                    percent=percent or none,
                ),
                style="plain",
                color=MILESTONE_TEXT_COLORS.get(item.status),
            ),
        ]
        if item.lead_units or item.responsible_units:
            units = self.t("rp_ms_units", lead=item.lead_units or none, units=item.responsible_units or none)
            lines.insert(2, Paragraph(units, style="plain"))
        if item.lagging_rows:
            lines.append(Paragraph(self.t("rp_ms_rows", rows=_names(item.lagging_rows, self.lang)), style="plain"))
        lines.append(Paragraph(self.t("rp_ms_document", document=document, clause=item.clause_path), style="plain"))
        lines.append(Paragraph(self.t("rp_ms_quote", quote=item.quote), style="quote"))
        return lines

    # --- 三、量化指标

    def indicators(self) -> Section:
        f = self.f
        section = Section(self.t("rp_sec_indicators"))
        section.add(
            Paragraph(
                self.t("rp_ind_help", period=f.period.label(self.lang), previous=f.period.previous.label(self.lang)),
                style="note",
            )
        )
        columns = [
            self.t("rp_ind_indicator"),
            self.t("rp_ind_value"),
            self.t("rp_ind_target"),
            self.t("rp_ind_judgement"),
            self.t("rp_ind_change"),
            self.t("rp_ind_source"),
        ]
        rows, colors = [], {}
        for card in f.indicator_cards:
            row = f.indicator_rows.loc[card.key] if card.key in f.indicator_rows.index else {}
            has_target = not _missing(row.get("target_id")) if len(row) else False
            target = indicators.target_text(row, self.lang, f.parent_name) if has_target else self.t("rp_none")
            source = self.t("rp_none")
            if has_target:
                number = row.get("document_number")
                where = str(number) if not _missing(number) else str(row.get("issuer"))
                source = f"{where} {row.get('clause_path')} ({row.get('target_id')})"
            if card.judgement in JUDGEMENT_COLORS:
                colors[(len(rows), 3)] = JUDGEMENT_COLORS[card.judgement]
            rows.append(
                [
                    card.title,
                    card.value_text,
                    target,
                    indicators.judgement_label(card.judgement, self.lang),
                    card.delta_text or self.t("rp_none"),
                    source,
                ]
            )
        section.add(
            _table(
                columns,
                rows,
                self.caption_table(self.t("rp_ind_table")),
                colors=colors,
                align=["l", "r", "l", "l", "r", "l"],
            )
        )
        return section

    # --- 四、下级地区

    def children(self) -> Section:
        f = self.f
        section = Section(self.t("rp_sec_children", region=f.region_name))
        if f.children.empty:
            section.add(Paragraph(self.t("rp_ov_no_children", region=f.region_name)))
            return section
        if f.ranked.empty:
            section.add(Paragraph(self.t("ov_behind_none")))
            return section
        section.add(Paragraph(self.t("rp_ch_help"), style="note"))
        section.add(Heading(self.t("rp_ch_behind_title")))
        if f.behind.empty:
            section.add(Paragraph(self.t("rp_ch_none_behind")))
        for row in f.behind.itertuples():
            missed = f.missed_by_child.get(row.region_code, [])
            missed_text = (
                self.t("rp_ch_missed", names=_names(missed, self.lang)) if missed else self.t("rp_ch_missed_none")
            )
            section.add(
                Paragraph(
                    self.t(
                        "rp_ch_behind_line",
                        rank=row.rank,
                        name=row.region_name,
                        lagging=row.lagging_items,
                        items=row.items,
                        share=indicators.format_value(row.lagging_share, "%", self.lang),
                        overdue=row.overdue_items,
                        behind=row.behind_items,
                        missed=missed_text,
                    ),
                    style="plain",
                )
            )
        shown = [
            "rank",
            "region_name",
            "items",
            "lagging_items",
            "overdue_items",
            "behind_items",
            "lagging_share",
            "targets_missed",
            "worst_indicator",
        ]
        columns = [column_label(c, self.lang) for c in shown]
        rows = []
        for record in f.ranked.to_dict("records"):
            cells = []
            for c in shown:
                value = record.get(c)
                if c == "lagging_share":
                    cells.append(indicators.format_value(value, "%", self.lang))
                else:
                    cells.append(_cell(value))
            rows.append(cells)
        section.add(_table(columns, rows, self.caption_table(self.t("rp_ch_table_title")), font_size=8.5))
        return section

    # --- 五、培训 and 六、案件

    def trend_section(self, title_key: str, page_key: str, kpis: list[Card], chart_list: list[ChartFigure]) -> Section:
        section = Section(self.t(title_key))
        if self.f.scope.is_empty:
            section.add(Paragraph(self.t("rp_period_empty")))
            return section
        section.add(
            Paragraph(self.t("rp_chart_period", period=self.charts_period, page=self.t(page_key)), style="note")
        )
        if kpis:
            rows = [[card.title, card.value_text, card.status_text or card.delta_text or ""] for card in kpis]
            colors = {
                (i, 2): {"red": RED, "amber": AMBER, "green": GREEN}[card.rag]
                for i, card in enumerate(kpis)
                if card.rag in ("red", "amber", "green")
            }
            section.add(
                _table(
                    [self.t("rp_kpi_label"), self.t("rp_kpi_value"), self.t("rp_kpi_note")],
                    rows,
                    self.caption_table(self.t("rp_kpi_title", page=self.t(page_key))),
                    colors=colors,
                    align=["l", "r", "l"],
                    widths=[12, 8, 20],
                )
            )
        for item in chart_list:
            section.add(Heading(item.title))
            if item.chart.empty:
                section.add(
                    Paragraph(
                        self.t("rp_chart_empty", title=item.title) + (" " + item.chart.note if item.chart.note else ""),
                        style="note",
                    )
                )
                continue
            if item.chart.note:
                section.add(Paragraph(item.chart.note, style="note"))
            section.add(self.figure(item.chart.figure, item.title))
            section.add(*self.chart_table(item.title, item.chart))
        return section

    def chart_table(self, title: str, chart: Chart) -> list:
        """The numbers of a chart as the page's table gives them; monthly tables at year ends and the last month."""
        data = chart.data.reset_index(drop=True)  # tables concatenated per series repeat their index
        blocks = []
        if "period_month" in data.columns:
            months = data["period_month"].astype(str)
            last = months.max()
            data = data[months.str.endswith("-12") | (months == last)]
            blocks.append(Paragraph(self.t("rp_table_condensed", month=last), style="note"))
        data = data.loc[:, [c for c in data.columns if data[c].map(lambda v: not _missing(v) and v != "").any()]]
        columns = [column_label(c, self.lang) for c in data.columns]
        rows = [[_cell(v) for v in record] for record in data.itertuples(index=False)]
        colors = {}
        if "target_status" in data.columns:
            at = list(data.columns).index("target_status")
            labels = {status_label_of(code, self.lang): color for code, color in TARGET_STATUS_COLORS.items()}
            for i, row in enumerate(rows):
                if row[at] in labels:
                    colors[(i, at)] = labels[row[at]]
        font = 8.5 if len(columns) <= 6 else 7.5
        blocks.insert(
            0,
            _table(
                columns,
                rows,
                self.caption_table(self.t("rp_table_numbers", title=title)),
                colors=colors,
                font_size=font,
            ),
        )
        return blocks

    # --- 附录

    def appendix(self) -> Section:
        f = self.f
        section = Section(self.t("rp_sec_appendix"), new_page=True)
        section.add(Heading(self.t("rp_app_sources")), Paragraph(self.t("rp_app_sources_help"), style="note"))
        rows, seen = [], set()
        for card in f.indicator_cards:
            if card.key not in f.indicator_rows.index:
                continue
            row = f.indicator_rows.loc[card.key]
            if _missing(row.get("target_id")) or row["target_id"] in seen:
                continue
            seen.add(row["target_id"])
            document = self.document(row.get("document_number"), row["issuer"], row["plan_title"])
            rows.append([str(row["target_id"]), document, str(row["clause_path"]), str(row["target_quote"])])
        for item in f.lagging:
            if item.milestone_id in seen:
                continue
            seen.add(item.milestone_id)
            document = self.document(item.document_number, item.issuer, item.plan_title)
            rows.append([item.milestone_id, document, item.clause_path, item.quote])
        if rows:
            columns = [self.t("rp_app_id"), self.t("rp_app_document"), self.t("rp_app_clause"), self.t("rp_app_quote")]
            section.add(
                _table(
                    columns,
                    rows,
                    self.caption_table(self.t("rp_app_sources_table")),
                    align=["l"] * 4,
                    widths=[6, 10, 6, 32],
                    font_size=8,
                )
            )
        else:
            section.add(Paragraph(self.t("rp_app_none")))

        section.add(Heading(self.t("rp_app_data")))
        section.add(
            Paragraph(
                self.t(
                    "rp_app_data_what",
                    region=f.region_name,
                    as_of=self.as_of,
                    indicators=f.period.label(self.lang),
                    charts=self.charts_period,
                )
            )
        )
        kind = f.data_kind
        values = {"seed": f.meta.get("seed", ""), "last_import": f.meta.get("last_import_id", "")}
        section.add(Paragraph(self.t(f"rp_app_data_{kind}", **values), color=RED if kind != "reported" else None))
        section.add(
            Paragraph(
                self.t(
                    "rp_app_data_version",
                    version=f.meta.get("data_version", ""),
                    built=f.meta.get("built_at", "").replace("T", " "),
                    made=f.made_on.isoformat(),
                )
            )
        )
        section.add(Paragraph(self.t("rp_app_status_rules")))
        return section


def status_label_of(code: str, lang: str) -> str:
    """The page's label of a target status (the charts' tables show labels, not codes)."""
    return t(f"target_{code}", lang)
