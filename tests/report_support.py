"""Helpers of the report tests: the text of a .docx and of a PDF, the schema-order check of Word's XML, page images."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from docx import Document
from lxml import etree

from tests.conftest import PROJECT

ARTIFACTS = PROJECT / "tests" / "artifacts" / "report"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Child order of w:rPr, w:pPr and w:tcPr in the schema (ECMA-376 Part 1: CT_RPr, CT_PPrBase, CT_TcPr). Word calls a
# file with children out of this order unreadable; LibreOffice and python-docx do not mind, so it is checked here.
ORDER = {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
    "headers cellIns cellDel cellMerge tcPrChange",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden "
    "ins del trPrChange",
}


def flat(text: str) -> str:
    """Text without any whitespace (PDF and Word break lines in different places)."""
    return "".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, in the order it was drawn (pdftotext -raw: a wrapped table cell stays together)."""
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(path)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    return [
        subprocess.run(
            ["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def pdf_fonts(path: Path) -> list[list[str]]:
    """pdffonts' rows: name, type…, encoding, emb, sub, uni, object, generation."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    return [line.split() for line in lines[2:]]


def docx_text(path: Path) -> str:
    """Every paragraph, table cell and header line of a .docx, one per line (python-docx reopens the file)."""
    document = Document(path)
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def docx_table_rows(path: Path) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in Document(path).tables for row in table.rows]


def docx_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist() if name.endswith(".xml")
        }


def schema_order_problems(path: Path) -> list[str]:
    problems = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(archive.read(name))
            for tag, order in ORDER.items():
                known = order.split()
                for element in root.iter(W + tag):
                    children = [etree.QName(c).localname for c in element if etree.QName(c).namespace == W[1:-1]]
                    positions = [known.index(c) if c in known else -1 for c in children]
                    if -1 in positions or positions != sorted(positions):
                        problems.append(f"{name}: w:{tag} children out of order: {children}")
    return problems


def page_images(pdf: Path, stem: str, dpi: int = 70) -> list[Path]:
    """The PDF's pages as PNG files in tests/artifacts/report/ (not committed), to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{stem}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(ARTIFACTS / stem)], check=True)
    return sorted(ARTIFACTS.glob(f"{stem}-*.png"))
