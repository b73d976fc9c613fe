"""Import templates for clerks: CSV (UTF-8 with BOM) and .xlsx, Chinese headers, one example row, notes on each column.

The workbook has a sheet 数据 (headers and the example row; code, month and date columns formatted as text so Excel
keeps 2025-06 and 000000 as typed), a sheet 填写说明 explaining every column, and the code list the clerk needs
(agencies, domains or milestone ids). The importer rejects the example row if it is left in.
"""

from __future__ import annotations

import io

import pandas as pd

from enforcement.i18n import COLUMNS, level_label, t
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import export
from enforcement.transfer.datasets import Dataset

DATA_SHEET = "数据"
NOTES_SHEET = "填写说明"
_TEXT_KINDS = ("code", "month", "date", "text", "status")


def template_fields(spec: Dataset) -> list:
    """The columns a template has: what an import stores, and the names it checks; not the export-only ones."""
    return [f for f in spec.fields if f.role in ("key", "value", "check")]


def example_frame(spec: Dataset) -> pd.DataFrame:
    """The template's header and example row (Chinese headers)."""
    fields = template_fields(spec)
    return pd.DataFrame([[f.example for f in fields]], columns=[COLUMNS[f.name][0] for f in fields])


def notes_frame(spec: Dataset, lang: str = "zh") -> pd.DataFrame:
    """What each column means: header, English header, required or not, explanation, example."""
    rows = [
        (
            COLUMNS[f.name][0],
            COLUMNS[f.name][1],
            t("yes", lang) if f.required else t("no", lang),
            f.note(lang),
            f.example,
        )
        for f in template_fields(spec)
    ]
    columns = ["column", "english_header", "required", "meaning", "example"]
    frame = pd.DataFrame(rows, columns=columns)
    frame.columns = [COLUMNS[c][1] if lang == "en" else COLUMNS[c][0] for c in columns]
    return frame


def file_name(spec: Dataset, fmt: str) -> str:
    return f"{t(spec.label_key)}_导入模板.{fmt}"


def csv_template(spec: Dataset) -> bytes:
    """The CSV template: BOM, Chinese headers, the example row."""
    return example_frame(spec).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _code_list(spec: Dataset, runner: QueryRunner) -> tuple[str, pd.DataFrame] | None:
    if spec.key == "progress":
        rows = runner.run("template_milestones")
        rows["deadline_date"] = rows["deadline_date"].dt.strftime("%Y-%m-%d").fillna("长期坚持")
        rows["applies_to_levels"] = ["、".join(level_label(v) for v in levels) for levels in rows["applies_to_levels"]]
        rows.columns = ["事项编号", "方案制定单位", "条款", "任务要求", "完成时限", "适用层级"]
        return "事项编号表", rows
    kind = {"training": "agency", "cases": "domain"}.get(spec.key)
    if kind is None:
        return None
    codes = runner.run("import_reference_codes")
    codes = codes[codes["kind"] == kind][["code", "name_zh", "name_en"]]
    label = "执法部门" if kind == "agency" else "执法领域"
    codes.columns = [f"{label}代码", f"{label}名称", "英文名称"]
    return "代码表", codes


def xlsx_template(spec: Dataset, runner: QueryRunner) -> bytes:
    """The Excel template: 数据 (headers, example row), 填写说明 (each column), and the code list."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET
    fields = template_fields(spec)
    bold = Font(bold=True)
    for index, f in enumerate(fields, start=1):
        letter = get_column_letter(index)
        label = COLUMNS[f.name][0]
        sheet.column_dimensions[letter].width = max(10, 2 * len(label) + 2)
        if f.kind in _TEXT_KINDS:
            sheet.column_dimensions[letter].number_format = "@"
        header = sheet.cell(row=1, column=index, value=label)
        header.font = bold
        example = f.example
        cell = sheet.cell(row=2, column=index)
        if f.kind in ("count", "percent") and example:
            cell.value = int(example)
        elif f.kind == "hours" and example:
            cell.value = float(example)
        else:
            cell.value = export.neutralise(example)
            cell.number_format = "@"
    sheet.freeze_panes = "A2"

    notes = workbook.create_sheet(NOTES_SHEET)
    frame = notes_frame(spec)
    notes.append(list(frame.columns))
    for cell in notes[1]:
        cell.font = bold
    for row in frame.itertuples(index=False):
        notes.append(list(row))
    for letter, width in zip("ABCDE", (24, 26, 10, 90, 18)):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")
    notes.append([])
    notes.append(["注意", "", "", "第2行是示例, 导入前请删除或改为本单位的真实数字; 示例行原样保留会被拒绝。"])
    notes.append(
        [
            "",
            "",
            "",
            "每行一个地区、一个月份、一个部门/领域 (进度: 一个事项、一个地区、一个报告日期); 同一组合只能有一行。",
        ]
    )
    notes.append(["", "", "", "再次导入同一组合的数字, 会替换库中的旧数字, 旧数字保存在导入记录中。"])

    code_list = _code_list(spec, runner)
    if code_list is not None:
        title, codes = code_list
        sheet = workbook.create_sheet(title)
        sheet.append(list(codes.columns))
        for cell in sheet[1]:
            cell.font = bold
        for row in codes.itertuples(index=False):
            sheet.append([None if pd.isna(v) else v for v in row])
        for index in range(1, len(codes.columns) + 1):
            sheet.column_dimensions[get_column_letter(index)].width = (
                60 if codes.columns[index - 1] == "任务要求" else 18
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
