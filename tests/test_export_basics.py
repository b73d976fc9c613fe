"""CSV for Excel: BOM, Chinese headers, codes as text, formulas neutralised."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from enforcement.transfer.export import csv_bytes, neutralise


def test_csv_has_bom_chinese_headers_and_keeps_leading_zeros():
    data = csv_bytes(pd.DataFrame({"region_code": ["011000", "320000"], "officers": [12, 30]}))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.split("\r\n")[0] == "地区代码,执法人员(人)"
    back = pd.read_csv(io.StringIO(text), dtype=str)
    assert back["地区代码"].tolist() == ["011000", "320000"]
    assert not text.startswith("sep=")


def test_english_headers():
    assert csv_bytes(pd.DataFrame({"officers": [1]}), "en").decode("utf-8-sig").startswith("Officers")


@pytest.mark.parametrize("cell", ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell
    text = csv_bytes(pd.DataFrame({"evidence_note": [cell]})).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert back.iloc[0, 0] == "'" + cell


def test_ordinary_text_and_numbers_are_untouched():
    assert neutralise("已完成") == "已完成"
    assert neutralise(-5) == -5


def test_a_tables_csv_can_say_what_it_holds_on_its_first_line():
    data = csv_bytes(pd.DataFrame({"officers": [1]}), "zh", [("地区", "南京市 (320100)"), ("数据性质", "示例数据")])
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "地区: 南京市 (320100) | 数据性质: 示例数据" and lines[1] == "" and lines[2] == "执法人员(人)"
