"""The report as an editable Word file (.docx, Office Open XML) with python-docx.

A4, 宋体 body and 黑体 headings (the fonts Word and WPS on Chinese Windows have; the file names them, it cannot embed
a 20 MB CJK font), East Asian language zh-CN, the sample mark in every page's header plus the text watermark Word
itself writes, page numbers as fields. Raw XML is only ever inserted in the schema's child order: Word refuses a file
whose w:pPr or w:rPr children are out of order, where LibreOffice and python-docx do not mind (tests check it).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

from enforcement.reports.model import MARK_RED, Figure, Heading, Paragraph, Report, Section, Table

BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Arial"
TEXT_WIDTH_CM = 16.6  # A4 with 2.2 cm margins
HEADER_FILL = "D9E2F3"
ALIGN = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT}
# Children of w:rPr after w:lang, and of w:pPr after w:pBdr, in the schema's order (ECMA-376 CT_RPr, CT_PPrBase).
AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
AFTER_SHD = (
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
    "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip
VML = (
    nsdecls("w") + ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
    ' xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
# The markup Word writes for a text watermark (设计 › 水印), so Word and WPS show and edit it as one.
WATERMARK = """<w:r {ns}><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">
<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>
<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
<v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/>
<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" type="#_x0000_t136"
 style="position:absolute;margin-left:0;margin-top:0;width:460pt;height:92pt;rotation:315;z-index:-251657216;
 mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;
 mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#c00000" stroked="f">
<v:fill opacity=".2"/><v:textpath style="font-family:&quot;{font}&quot;;font-size:1pt" string="{text}"/>
<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>"""


def _fonts(owner, east_asia: str = BODY_FONT) -> None:
    """Name the font of every script on a run or style; theme font attributes would override the names."""
    rpr = owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr, name in (
        ("w:ascii", LATIN_FONT),
        ("w:hAnsi", LATIN_FONT),
        ("w:eastAsia", east_asia),
        ("w:cs", LATIN_FONT),
    ):
        fonts.set(qn(attr), name)


def _run(paragraph, text: str, size: float | None = None, bold: bool = False, color: str | None = None,
         east_asia: str = BODY_FONT):  # fmt: skip
    run = paragraph.add_run(text)
    if size:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    if east_asia != BODY_FONT:  # body text takes its fonts from the Normal style
        _fonts(run._r, east_asia)
    return run


def _lines(paragraph, text: str, **style) -> None:
    """Text with line breaks kept as breaks inside one paragraph."""
    for n, line in enumerate(text.split("\n")):
        if n:
            paragraph.add_run().add_break()
        _run(paragraph, line, **style)


def _field(paragraph, instruction: str) -> None:
    """A field (PAGE, NUMPAGES) that Word and WPS fill in when they lay the pages out."""
    paragraph._p.append(
        parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )


def _styles(document, report: Report) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)  # 五号
    _fonts(normal.element)
    lang = "zh-CN" if report.lang == "zh" else "en-US"
    normal.element.get_or_add_rPr().insert_element_before(
        parse_xml(f'<w:lang {nsdecls("w")} w:val="{lang}" w:eastAsia="zh-CN"/>'), *AFTER_LANG
    )
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.25
    for name, size in (("Heading 1", 15), ("Heading 2", 12)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        _fonts(style.element, HEADING_FONT)
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 10)
        style.paragraph_format.space_after = Pt(6)
    properties = document.core_properties
    properties.title = report.title.replace("\n", "")
    properties.subject = report.header
    properties.keywords = report.keywords
    properties.language = lang
    properties.author = properties.last_modified_by = "行政执法质量三年行动进度看板"
    properties.comments = report.mark or ""


def _page_setup(document, report: Report) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.0)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.mark:
        _run(header, report.mark + "　·　", size=9, bold=True, color=MARK_RED)
    _run(header, report.header, size=9, color=MARK_RED if report.mark else "595959")
    if report.watermark:
        header._p.append(parse_xml(WATERMARK.format(ns=VML, font=HEADING_FONT, text=report.watermark)))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = report.footer.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    _run(footer, before, size=9)
    _field(footer, "PAGE")
    _run(footer, middle, size=9)
    _field(footer, "NUMPAGES")
    if after:
        _run(footer, after, size=9)


def _cover(document, report: Report) -> None:
    for _ in range(4):
        document.add_paragraph()
    title = document.add_paragraph()  # not the template's Title style: it draws a blue rule under the title
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _lines(title, report.title, size=24 if report.lang == "zh" else 20, bold=True, east_asia=HEADING_FONT)
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(subtitle, report.subtitle, size=10.5, color="595959")
    document.add_paragraph()
    table = document.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(3.6), Cm(11.4))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for label, value in report.cover:
        cells = table.add_row().cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        colon = "：" if report.lang == "zh" else ":"  # as the PDF's cover: a full-width colon only in Chinese
        _run(cells[0].paragraphs[0], label + colon, size=11, bold=True, east_asia=HEADING_FONT)
        _lines(cells[1].paragraphs[0], value, size=11)
    if report.mark:
        document.add_paragraph()
        box = document.add_paragraph()
        # The border first, then python-docx's setters (they insert w:jc after it, in the schema's order).
        box._p.get_or_add_pPr().insert_element_before(
            parse_xml(
                f"<w:pBdr {nsdecls('w')}>"
                + "".join(
                    f'<w:{side} w:val="single" w:sz="18" w:space="4" w:color="{MARK_RED}"/>'
                    for side in ("top", "left", "bottom", "right")
                )
                + "</w:pBdr>"
            ),
            *AFTER_PBDR,
        )
        box.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(box, report.mark, size=20, bold=True, color=MARK_RED, east_asia=HEADING_FONT)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _paragraph(document, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    form = paragraph.paragraph_format
    size, color = None, block.color
    if block.style == "body":
        form.first_line_indent = Pt(21)  # two characters of 五号
    elif block.style == "note":
        size, color = 9, color or "595959"
    elif block.style == "quote":
        size, color = 9.5, color or "404040"
        form.left_indent = Cm(0.74)
    elif block.style == "plain":
        form.left_indent = Cm(0.74)
        form.space_after = Pt(1)
    if block.style == "item":
        form.space_before = Pt(6)
        form.keep_with_next = True
        _run(paragraph, block.text, bold=True, color=color, east_asia=HEADING_FONT)
    else:
        _lines(paragraph, block.text, size=size, color=color)


def _shade(cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().insert_element_before(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'), *AFTER_SHD
    )


def _table(document, block: Table) -> None:
    if block.caption:
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.keep_with_next = True
        _run(caption, block.caption, size=9.5, bold=True, east_asia=HEADING_FONT)
    total = sum(block.widths)
    widths = [Cm(TEXT_WIDTH_CM * w / total) for w in block.widths]
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # w:gridCol, which LibreOffice and WPS lay out from (Word reads each cell's w:tcW)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))  # repeated on every page
    for cell, text, width in zip(header.cells, block.columns, widths, strict=True):
        cell.width = width
        _shade(cell, HEADER_FILL)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, text, size=block.font_size, bold=True, east_asia=HEADING_FONT)
    for r, values in enumerate(block.rows):
        row = table.add_row()
        row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        for c, (cell, text, width) in enumerate(zip(row.cells, values, widths, strict=True)):
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.alignment = ALIGN[block.align[c]]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            _lines(paragraph, text, size=block.font_size, color=block.colors.get((r, c)))
    document.add_paragraph().paragraph_format.space_after = Pt(2)


def _figure(document, block: Figure) -> None:
    document.add_picture(io.BytesIO(block.png), width=Cm(TEXT_WIDTH_CM * 0.96))
    picture = document.paragraphs[-1]
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    caption = document.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(caption, block.caption, size=9.5, bold=True, east_asia=HEADING_FONT)


def _section(document, section: Section) -> None:
    if section.new_page:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(section.title, level=1)
    for block in section.blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=2)
        elif isinstance(block, Paragraph):
            _paragraph(document, block)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Figure):
            _figure(document, block)


def render(report: Report) -> bytes:
    """The .docx file of the report."""
    document = Document()
    _styles(document, report)
    _page_setup(document, report)
    _cover(document, report)
    for section in report.sections:
        _section(document, section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
