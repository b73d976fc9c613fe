"""Make static/NotoSansSC-subset.woff2: Noto Sans CJK SC (SIL OFL 1.1) cut to the characters this app shows.

The app serves it itself (server.enableStaticServing) so Chinese renders the same on every client, with no
web font fetched from outside; characters outside the subset fall back to the client's own fonts.
Needs Debian's fonts-noto-cjk and `pip install fonttools brotli`; run after the reference data changes:

    python tools/make_font_subset.py
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

PROJECT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc")
SC_INDEX = 2  # Noto Sans CJK SC within the collection


def gb2312_characters() -> set[str]:
    """GB 2312 symbols and its level-1 hanzi (the 3,755 most common characters)."""
    chars = set()
    for row in [*range(0xA1, 0xAA), *range(0xB0, 0xD8)]:
        for cell in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes([row, cell]).decode("gb2312"))
    return chars


def project_characters() -> set[str]:
    """Every character of the reference data and the UI strings."""
    chars = set()
    for path in [*(PROJECT / "data" / "reference").glob("*.csv"), PROJECT / "enforcement" / "i18n.py"]:
        chars |= set(path.read_text(encoding="utf-8"))
    return chars


def main() -> int:
    text = "".join(sorted(gb2312_characters() | project_characters() | {chr(c) for c in range(0x20, 0x7F)}))
    # One weight: browsers synthesise bold, and a second file would double the download.
    for weight in ("Regular",):
        font = TTCollection(str(SOURCE).format(weight=weight)).fonts[SC_INDEX]
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = PROJECT / "static" / f"NotoSansSC-{weight}-subset.woff2"
        font.flavor = "woff2"
        font.save(out)
        print(f"{out.relative_to(PROJECT)}: {len(text)} characters, {out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
