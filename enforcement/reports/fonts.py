"""The report's font: Noto Sans CJK SC (SIL OFL 1.1), Regular and Bold, from Debian's fonts-noto-cjk package.

The same files draw the chart images (matplotlib) and are subset and embedded in the PDF (fpdf2). The Simplified
Chinese face is found by its family name: face 0 of Debian's .ttc collection is the Japanese one, whose glyphs differ
for many characters (直 骨 角 门 …). Every character of a report is checked against the font before anything is drawn:
matplotlib draws a box for a missing glyph and fpdf2 silently drops the character (南京𫟶县 would print as 南京县).
"""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from enforcement.i18n import t

FONT_DIR_ENV = "REPORT_FONT_DIR"
DEFAULT_FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FAMILY = "Noto Sans CJK SC"
APT_PACKAGE = "fonts-noto-cjk"
# File names per weight, in the order they are tried: Debian's collections, then Adobe/Google's single-face files.
CANDIDATES = {
    "regular": ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf"),
    "bold": ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf", "NotoSansSC-Bold.otf"),
}
_lock = threading.Lock()


class FontMissing(Exception):
    """The report font is not installed: message(lang) names the package to install."""

    def __init__(self, folder: Path, detail: str = ""):
        self.folder, self.detail = folder, detail
        super().__init__(self.message("zh"))

    def message(self, lang: str = "zh") -> str:
        return t("rp_font_missing", lang, family=FAMILY, folder=self.folder, package=APT_PACKAGE, env=FONT_DIR_ENV) + (
            f" ({self.detail})" if self.detail else ""
        )


class GlyphsMissing(Exception):
    """Text of the report has characters the font cannot draw: message(lang) lists them."""

    def __init__(self, characters: list[str]):
        self.characters = characters
        super().__init__(self.message("zh"))

    @property
    def points(self) -> str:
        """'U+2B7F6 𫟶, …': each missing character with its code point."""
        return ", ".join(f"U+{ord(ch):04X} {ch}" for ch in self.characters)

    def message(self, lang: str = "zh") -> str:
        return t("rp_glyphs_missing", lang, family=FAMILY, characters=self.points)


@dataclass(frozen=True)
class FontFace:
    """One face of a font file (index = the face's number inside a .ttc collection, 0 for a single font)."""

    path: Path
    index: int


def font_dir() -> Path:
    """Where the font files are: $REPORT_FONT_DIR, else Debian's folder."""
    return Path(os.environ.get(FONT_DIR_ENV) or DEFAULT_FONT_DIR)


def report_fonts() -> dict[str, FontFace]:
    """The Regular and Bold faces of Noto Sans CJK SC; FontMissing (with the install command) when absent."""
    return _faces(font_dir())


@functools.cache
def _faces(folder: Path) -> dict[str, FontFace]:
    faces = {}
    for weight, names in CANDIDATES.items():
        found = [folder / name for name in names if (folder / name).is_file()]
        if not found:
            raise FontMissing(folder, names[0])
        faces[weight] = _find_face(found[0])
    return faces


def _find_face(path: Path) -> FontFace:
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        for index, font in enumerate(TTCollection(str(path), lazy=True).fonts):
            if font["name"].getDebugName(1) == FAMILY:
                return FontFace(path, index)
        raise FontMissing(path.parent, f"{path.name}: no {FAMILY} face")
    family = TTFont(str(path), lazy=True)["name"].getDebugName(1)
    if family not in (FAMILY, "Noto Sans SC"):
        raise FontMissing(path.parent, f"{path.name}: {family}")
    return FontFace(path, 0)


@functools.cache
def _cmap(face: FontFace) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(str(face.path), fontNumber=face.index, lazy=True).getBestCmap())


def missing_characters(text: str) -> list[str]:
    """The characters of text that some face of the report font lacks (whitespace and controls aside), sorted."""
    wanted = {ch for ch in text if not ch.isspace() and ch.isprintable()}
    with _lock:
        faces = report_fonts().values()
        covered = [_cmap(face) for face in faces]
    return sorted(ch for ch in wanted if any(ord(ch) not in cmap for cmap in covered))


def check_text(text: str) -> None:
    """GlyphsMissing naming every character of text the font cannot draw (before any drawing starts)."""
    missing = missing_characters(text)
    if missing:
        raise GlyphsMissing(missing)
