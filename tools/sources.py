"""The five source documents as Simplified Chinese text (OpenCC), for quoting and checking quotes."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import opencc

SOURCES_DIR = Path(__file__).resolve().parent.parent / "data" / "reference" / "sources"

# Files 000/002/004 of the seeds carry web-conversion artefacts: a Traditional character
# followed by its pinyin in parentheses, e.g. 執(zhí). The pinyin is not part of the text.
_PINYIN_ARTEFACT = re.compile(r"\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")
_WHITESPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC, after dropping the pinyin artefacts."""
    return _converter().convert(_PINYIN_ARTEFACT.sub("", text))


def compact(text: str) -> str:
    """Text without any whitespace: how quotes are compared (the sources break lines mid-sentence)."""
    return _WHITESPACE.sub("", text)


@functools.lru_cache(maxsize=8)
def simplified_source(plan_id: str) -> str:
    """The plan's source document in Simplified Chinese, line breaks kept."""
    return to_simplified((SOURCES_DIR / f"{plan_id}.txt").read_text(encoding="utf-8"))


def quote_in_source(plan_id: str, quote: str) -> bool:
    """Whether the quote appears verbatim (ignoring whitespace) in the plan's converted source."""
    return compact(quote) in compact(simplified_source(plan_id))


if __name__ == "__main__":
    import sys

    sys.stdout.write(simplified_source(sys.argv[1]))
