"""The 数据导入 page with AppTest: templates offered, a bad upload shows its report, a good one loads and shows."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from enforcement.storage import store
from tests import page_runner
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot


def run_page(**params) -> AppTest:
    return page_runner.run_page("pages/7_import.py", **params)


def table_with(at: AppTest, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.fixture()
def page_db(sample_db, tmp_path, monkeypatch):
    """The page works on its own copy of the database (it writes)."""
    db = copy_database(sample_db, tmp_path / "enforcement.duckdb")
    monkeypatch.setenv(store.ENV_VAR, str(db))
    return db


def test_templates_are_offered_in_both_formats(sample_db):
    at = run_page()
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    for name in ("里程碑进度", "培训统计", "案件统计"):
        assert f"{name} 模板 (CSV)" in labels and f"{name} 模板 (Excel, 含填写说明)" in labels
    notes = [e.label for e in at.expander]
    assert "案件统计: 各列说明" in notes
    assert at.dataframe[2].value.iloc[0]["列"] == "地区代码"


def test_a_bad_upload_shows_every_problem_and_changes_nothing(page_db):
    before = snapshot(page_db)
    at = run_page()
    data = csv_file([CASE_HEADER, case_row(region="320199"), case_row(month="2022-12", count_penalty=-1)])
    at.file_uploader(key="x_upload_0").set_value(("玄武区.csv", data, "text/csv")).run()
    assert not at.exception
    assert any("文件中有 3 个问题, 未导入任何数据" in e.value for e in at.error)
    report = table_with(at, "问题")
    assert list(report.columns) == ["行", "问题", "列", "值"]  # the reason on screen on a phone too
    assert report[["行", "列"]].values.tolist() == [[2, "地区代码"], [3, "月份"], [3, "行政处罚(件)"]]
    assert "下载CSV (Excel可直接打开)" in [b.label for b in at.get("download_button")]
    assert len(at.button) == 0 or "确认导入" not in " ".join(b.label for b in at.button)
    assert snapshot(page_db) == before


def test_a_good_upload_loads_and_the_page_shows_it(page_db):
    before = snapshot(page_db)
    at = run_page()
    data = csv_file([CASE_HEADER, case_row(count_penalty=61), case_row(region="0", name="全国")])
    at.file_uploader(key="x_upload_0").set_value(("玄武区.csv", data, "text/csv")).run()
    assert not at.exception
    assert any("新增 1 行, 替换 1 行" in i.value for i in at.info)
    at.button(key="x_import_go").click().run()
    assert not at.exception
    assert any("导入完成 (批次 1)" in s.value for s in at.success)
    assert any(w.value.startswith("示例数据与上报数据混合") for w in at.warning)  # the banner follows the import
    history = table_with(at, "文件名")
    assert history.iloc[0]["文件名"] == "玄武区.csv" and history.iloc[0]["导入方式"] == "网页上传"
    after = snapshot(page_db)
    assert after.current != before.current and after.counts["imports"] == 1


def test_replaced_rows_are_read_a_page_at_a_time_and_only_when_asked(page_db, monkeypatch):
    from enforcement.transfer import importer
    from enforcement.ui import transfer

    rows = [CASE_HEADER, *(case_row(month=f"2025-{m:02d}", count_penalty=100 + m) for m in range(1, 13))]
    importer.import_file(page_db, csv_file(rows), "全年.csv", imported_by="test")
    reads = []
    original = importer.replaced_rows_page
    monkeypatch.setattr(importer, "replaced_rows_page", lambda *a, **k: reads.append(a[1:]) or original(*a, **k))
    monkeypatch.setattr(transfer, "REPLACED_PAGE_ROWS", 5)
    at = run_page()
    assert not at.exception and reads == []  # the history alone reads no replaced row
    at.toggle(key="x_replaced_show").set_value(True).run()
    shown = table_with(at, "替换它的文件行")
    assert reads == [(1, 0, 5)] and len(shown) == 5
    assert shown["替换它的文件行"].tolist() == [2, 3, 4, 5, 6]  # the file's rows for 2025-01 … 2025-05
    at.number_input(key="x_replaced_page").set_value(3).run()
    last = table_with(at, "替换它的文件行")
    assert reads[-1] == (1, 2, 5) and last["替换它的文件行"].tolist() == [12, 13]


def test_how_each_import_was_made_is_said_in_the_readers_language(page_db):
    from enforcement.i18n import column_label, t
    from enforcement.transfer import importer

    web = f"{t('import_by_web', 'zh')} (张三, zs@example.cn)"  # what the Chinese page writes in the log
    cli = f"{t('import_by_cli', 'en')} (root)"  # what `import --lang en` writes
    importer.import_file(page_db, csv_file([CASE_HEADER, case_row(count_penalty=5)]), "a.csv", imported_by=web)
    importer.import_file(page_db, csv_file([CASE_HEADER, case_row(count_penalty=6)]), "b.csv", imported_by=cli)
    shown = {}
    for lang in ("en", "zh"):
        at = run_page(lang=lang)
        assert not at.exception
        label = column_label("imported_by", lang)
        shown[lang] = sorted(table_with(at, label)[label])
    assert shown["en"] == ["command line (root)", "web upload (张三, zs@example.cn)"]
    assert shown["zh"] == ["命令行 (root)", "网页上传 (张三, zs@example.cn)"]
