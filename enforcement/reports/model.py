"""The report as a neutral document: a cover, then sections of headings, paragraphs, tables and figures.

compose.py builds it from the figures; word.py and pdf.py render it. Neither renderer decides what a report says,
and nothing here knows about Word or PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

# Colours the renderers may give a table cell or a run of text (hex RGB, no '#').
RED = "C62828"
AMBER = "B26A00"
GREEN = "2E7D32"
GREY = "616161"
MARK_RED = "C00000"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph. style: body (indented prose), plain, note (small, grey), item (a bold lead line), quote."""

    text: str
    style: str = "body"
    color: str | None = None


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (level 2)."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table: header row, body rows of text, relative column widths and alignment ('l', 'c', 'r').

    colors: (row, column) -> text colour of a body cell (status words in red, amber or green).
    """

    columns: list[str]
    rows: list[list[str]]
    widths: list[float]
    align: list[str]
    caption: str = ""
    colors: dict[tuple[int, int], str] = field(default_factory=dict)
    font_size: float = 9.0

    def __post_init__(self) -> None:
        if not (len(self.columns) == len(self.widths) == len(self.align)):
            raise ValueError("columns, widths and align must have one entry per column")
        if any(len(row) != len(self.columns) for row in self.rows):
            raise ValueError("every row must have one cell per column")


@dataclass
class Figure:
    """A chart image (PNG) with its caption; aspect = height / width of the image.

    Built with draw (which returns the PNG) and drawn only after the whole report's text has passed the font check.
    """

    caption: str
    aspect: float
    draw: Callable[[], bytes] | None = field(default=None, repr=False, compare=False)
    png: bytes = field(default=b"", repr=False)


Block = Paragraph | Heading | Table | Figure


@dataclass
class Section:
    """A numbered part of the report (level-1 heading); new_page starts it on a new page."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    new_page: bool = False

    def add(self, *blocks: Block) -> Section:
        self.blocks.extend(blocks)
        return self


@dataclass
class Report:
    """Everything a renderer needs. mark is the sample notice printed on the cover and every page, or None."""

    lang: str
    title: str
    subtitle: str
    cover: list[tuple[str, str]]
    header: str
    footer: str  # with {page} and {pages} placeholders
    mark: str | None
    watermark: str | None
    sections: list[Section]
    keywords: str = ""
    chart_texts: list[str] = field(default_factory=list)  # the words drawn inside the chart images

    def texts(self) -> Iterator[str]:
        """Every string a renderer will draw (for the font check before rendering)."""
        yield from (self.title, self.subtitle, self.header, self.footer, self.keywords)
        yield from (text for pair in self.cover for text in pair)
        yield from (text for text in (self.mark, self.watermark) if text)
        yield from self.chart_texts
        for section in self.sections:
            yield section.title
            for block in section.blocks:
                if isinstance(block, (Paragraph, Heading)):
                    yield block.text
                elif isinstance(block, Table):
                    yield block.caption
                    yield from block.columns
                    yield from (cell for row in block.rows for cell in row)
                elif isinstance(block, Figure):
                    yield block.caption

    def all_text(self) -> str:
        return "\n".join(self.texts())


def draw_figures(report: Report) -> None:
    """Draw every figure of the report that is not drawn yet."""
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Figure) and not block.png and block.draw is not None:
                block.png = block.draw()
