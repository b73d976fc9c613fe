"""The report as a PDF for circulation, with fpdf2: the report font subset and embedded, so it looks the same on
every machine, with or without Chinese fonts.

Chinese wraps at any character (fpdf2's default wraps only at spaces). The sample mark is in every page's header and
drawn as a translucent diagonal watermark over the page, charts included. fpdf2 keeps the drawing state (colours,
line width) from one page to the next, so every block sets what it changes back.
"""

from __future__ import annotations

import io

from fpdf import FPDF, FontFace, XPos, YPos
from fpdf.enums import TableCellFillMode, WrapMode

from enforcement.reports import fonts
from enforcement.reports.model import MARK_RED, Figure, Heading, Paragraph, Report, Section, Table

FAMILY = "report"
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 22.0, 22.0, 18.0
HEADER_FILL = (217, 226, 243)
ALIGN = {"l": "LEFT", "c": "CENTER", "r": "RIGHT"}
PT = 0.3528  # mm per point


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


class _Document(FPDF):
    def __init__(self, report: Report, faces: dict[str, fonts.FontFace]):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report = report
        self.add_font(FAMILY, "", str(faces["regular"].path), collection_font_number=faces["regular"].index)
        self.add_font(FAMILY, "B", str(faces["bold"].path), collection_font_number=faces["bold"].index)
        for font in self.fonts.values():
            # fpdf2 subsets the font at output and saves it whole before compiling the CFF table it embeds; with
            # bounding boxes recomputed that costs ~0.5 s of CPU per report for glyph bounds nobody reads (the
            # subset keeps the full font's FontBBox, which is valid for every glyph in it).
            font.ttfont.recalcBBoxes = False
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM)
        self.wrap = WrapMode.CHAR if report.lang == "zh" else WrapMode.WORD
        self.set_title(report.title.replace("\n", ""))
        self.set_subject(report.header)
        self.set_keywords(report.keywords)
        self.set_creator("行政执法质量三年行动进度看板 (fpdf2)")
        self.set_lang("zh-CN" if report.lang == "zh" else "en")
        self.alias_nb_pages("{pages}")

    # --- every page

    def header(self) -> None:
        report = self.report
        self.set_xy(self.l_margin, 9)
        color = _rgb(MARK_RED) if report.mark else (89, 89, 89)
        if report.mark:
            self.set_font(FAMILY, "B", 8.5)
            self.set_text_color(*color)
            self.cell(0, 5, report.mark, align="L")
            self.set_xy(self.l_margin, 9)
        self.set_font(FAMILY, "", 8.5)
        self.set_text_color(*color)
        self.cell(0, 5, report.header, align="R")
        self.set_draw_color(*color)
        self.set_line_width(0.2)
        self.line(self.l_margin, 15, self.w - self.r_margin, 15)
        self.set_text_color(0)
        self.set_draw_color(0)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(89)
        self.cell(0, 5, self.report.footer.format(page=self.page_no(), pages="{pages}"), align="C")
        self.set_text_color(0)
        if self.report.watermark:
            # Drawn last on the page, so it also lies over the chart images (translucent).
            with self.local_context(fill_opacity=0.10, text_color=_rgb(MARK_RED)):
                self.set_font(FAMILY, "B", 46)
                text = self.report.watermark
                x, y = self.w / 2, self.h / 2
                with self.rotation(35, x, y):
                    self.text(x - self.get_string_width(text) / 2, y + 6, text)

    # --- helpers

    def room(self) -> float:
        return self.h - self.b_margin - self.get_y()

    def need(self, height: float) -> None:
        """A new page unless height mm still fit on this one (keeps a heading with what follows)."""
        if self.room() < height:
            self.add_page()

    def text_block(self, text: str, size: float, *, bold: bool = False, color=None, indent: float = 0.0,
                   align: str = "J", line: float = 1.45, after: float = 1.5) -> None:  # fmt: skip
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*(color or (0, 0, 0)))
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.epw - indent, size * PT * line, text, align=align, wrapmode=self.wrap,
            new_x=XPos.LMARGIN, new_y=YPos.NEXT,
        )  # fmt: skip
        self.set_text_color(0)
        self.ln(after)


def _cover(pdf: _Document, report: Report) -> None:
    pdf.add_page()
    pdf.set_y(62)
    size = 24 if report.lang == "zh" else 19
    pdf.set_font(FAMILY, "B", size)
    pdf.multi_cell(0, size * 0.5, report.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.text_block(report.subtitle, 10, color=(89, 89, 89), align="C")
    pdf.ln(14)
    label_width, value_width = 38.0, pdf.epw - 38.0 - 6
    for label, value in report.cover:
        y = pdf.get_y()
        pdf.set_font(FAMILY, "B", 11)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_width, 7, label + ("：" if report.lang == "zh" else ":"), align="R")
        pdf.set_font(FAMILY, "", 11)
        pdf.set_xy(pdf.l_margin + label_width + 4, y)
        pdf.multi_cell(value_width, 6.5, value, align="L", wrapmode=pdf.wrap, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
    if report.mark:
        pdf.ln(12)
        pdf.set_font(FAMILY, "B", 20)
        pdf.set_text_color(*_rgb(MARK_RED))
        pdf.set_draw_color(*_rgb(MARK_RED))
        pdf.set_line_width(0.8)
        width = pdf.get_string_width(report.mark) + 14
        pdf.set_x((pdf.w - width) / 2)
        pdf.cell(width, 15, report.mark, border=1, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_line_width(0.2)
        pdf.set_text_color(0)
        pdf.set_draw_color(0)


def _paragraph(pdf: _Document, block: Paragraph) -> None:
    color = _rgb(block.color) if block.color else None
    if block.style == "body":
        text = ("　　" + block.text) if pdf.report.lang == "zh" else block.text
        pdf.text_block(text, 10.5, color=color, after=2)
    elif block.style == "note":
        pdf.text_block(block.text, 8.5, color=color or (89, 89, 89), align="L", after=2)
    elif block.style == "item":
        pdf.need(30)
        pdf.ln(1.5)
        pdf.text_block(block.text, 10, bold=True, color=color, align="L", after=0.8)
    elif block.style == "quote":
        pdf.text_block(block.text, 9, color=color or (64, 64, 64), indent=7, align="L", after=2)
    else:
        pdf.text_block(block.text, 9.5, color=color, indent=7, align="L", after=0.6)


def _table(pdf: _Document, block: Table) -> None:
    pdf.need(28)
    if block.caption:
        pdf.text_block(block.caption, 9.5, bold=True, align="C", after=1)
    pdf.set_font(FAMILY, "", block.font_size)
    with pdf.table(
        col_widths=block.widths,
        text_align=tuple(ALIGN[a] for a in block.align),
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL, size_pt=block.font_size),
        line_height=block.font_size * PT * 1.3,
        wrapmode=pdf.wrap,
        padding=(1.2, 1.2),
        repeat_headings=1,
        cell_fill_mode=TableCellFillMode.NONE,
        v_align="MIDDLE",
    ) as table:
        header = table.row()
        for text in block.columns:
            header.cell(text, align="CENTER")
        for r, values in enumerate(block.rows):
            row = table.row()
            for c, text in enumerate(values):
                color = block.colors.get((r, c))
                row.cell(text, style=FontFace(color=_rgb(color)) if color else None)
    pdf.set_text_color(0)
    pdf.ln(3)


def _figure(pdf: _Document, block: Figure) -> None:
    width = pdf.epw * 0.96
    height = width * block.aspect
    pdf.need(height + 9)
    pdf.image(io.BytesIO(block.png), x=(pdf.w - width) / 2, w=width, h=height)
    pdf.ln(1)
    pdf.text_block(block.caption, 9.5, bold=True, align="C", after=3)


def _keep_with(pdf: _Document, following: list) -> float:
    """Room a heading needs on its page: a chart that follows it (after its note) comes along, else some lines."""
    for block in following:
        if isinstance(block, Figure):
            return pdf.epw * 0.96 * block.aspect + 30
        if not isinstance(block, Paragraph):
            break
    return 32.0


def _section(pdf: _Document, section: Section) -> None:
    if section.new_page:
        pdf.add_page()
    else:
        pdf.need(40)
        pdf.ln(3)
    pdf.text_block(section.title, 15, bold=True, align="L", after=2.5)
    for n, block in enumerate(section.blocks):
        if isinstance(block, Heading):
            pdf.need(_keep_with(pdf, section.blocks[n + 1 : n + 3]))
            pdf.ln(1.5)
            pdf.text_block(block.text, 12, bold=True, align="L", after=1.5)
        elif isinstance(block, Paragraph):
            _paragraph(pdf, block)
        elif isinstance(block, Table):
            _table(pdf, block)
        elif isinstance(block, Figure):
            _figure(pdf, block)


def render(report: Report) -> bytes:
    """The PDF file of the report (the font checked against its text first: fpdf2 would drop missing glyphs)."""
    fonts.check_text(report.all_text())
    pdf = _Document(report, fonts.report_fonts())
    _cover(pdf, report)
    pdf.add_page()
    for section in report.sections:
        _section(pdf, section)
    return bytes(pdf.output())
