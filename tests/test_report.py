"""The evaluation report: its headline figures equal the database's (computed here, independently), for a province, a
city and a county at the mid-term and final evaluation dates, in the .docx (read back with python-docx) and the PDF
(read back with poppler's pdftotext); the sample mark on every page when the data is sample and nowhere when it is
not; fonts embedded and every character drawable; Word's XML in the schema's order; the same figures as the pages.

The PDFs' pages are rendered to tests/artifacts/report/*.png (not committed) to be looked at.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from enforcement.content.indicators import shown
from enforcement.reports import charts, compose, figures, fonts, service
from enforcement.reports.model import Figure
from enforcement.storage import store
from enforcement.storage.runner import QueryRunner
from tests.conftest import PROJECT
from tests.page_runner import run_page
from tests.report_support import (
    ARTIFACTS,
    docx_parts,
    docx_table_rows,
    docx_text,
    flat,
    page_images,
    pdf_fonts,
    pdf_pages,
    schema_order_problems,
)
from tests.test_build_and_cli import run_cli
from tests.transfer_support import copy_database

MIDTERM, FINAL = dt.date(2024, 10, 31), dt.date(2025, 10, 31)
REGIONS = {"320000": "江苏省", "320100": "南京市", "320102": "玄武区"}
CASES = [(code, day) for code in REGIONS for day in (MIDTERM, FINAL)]


def write_files(runner: QueryRunner, region: str, as_of: dt.date, folder: Path, lang: str = "zh") -> dict[str, Path]:
    request = service.ReportRequest(region, as_of, lang=lang)
    paths = {}
    for file in service.write(runner.run, request):
        path = folder / file.name
        path.write_bytes(file.data)
        paths[file.name.rsplit(".", 1)[1]] = path
    return paths


@pytest.fixture(scope="module")
def reports(runner) -> dict[tuple[str, dt.date], dict[str, Path]]:
    """The .docx and .pdf of each (region, as-of date), written once; their pages rendered for looking at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written = {}
    for region, as_of in CASES:
        paths = write_files(runner, region, as_of, ARTIFACTS)
        page_images(paths["pdf"], f"{region}_{as_of.isoformat()}")
        written[(region, as_of)] = paths
    return written


def prefix(con, region: str) -> str:
    return con.execute("select code_prefix from regions where region_code = ?", [region]).fetchone()[0]


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


# ----------------------------------------------------------------------------------------------- headline figures


@pytest.mark.parametrize(("region", "as_of"), CASES)
def test_milestone_figures_equal_an_independent_count(reports, con, region, as_of):
    rows = con.execute(
        """
        select milestone_year,
            count(*) filter (where status <> 'not_applicable'),
            count(*) filter (where status in ('done_on_time', 'done_late')),
            count(*) filter (where status = 'done_on_time'),
            count(*) filter (where status = 'done_late'),
            count(*) filter (where status = 'overdue'),
            count(*) filter (where status = 'behind_schedule')
        from milestone_status_as_of(?::date)
        where region_code like ? || '%' and milestone_year is not null
        group by 1 order by 1
        """,
        [as_of, prefix(con, region)],
    ).fetchall()
    assert rows, "the sample data has milestone items here"
    paths = reports[(region, as_of)]
    word, pdf = flat(docx_text(paths["docx"])), flat("".join(pdf_pages(paths["pdf"])))
    for year, items, done, on_time, late, overdue, behind in rows:
        if not items:
            continue
        sentence = (
            f"期限在 {year} 年的 {items} 项中，已完成 {done} 项（完成率 {100.0 * done / items:.1f}%），其中按期完成 "
            f"{on_time} 项、逾期完成 {late} 项；逾期未完成 {overdue} 项，滞后序时进度 {behind} 项。"
        )
        assert flat(sentence) in word, sentence
        assert flat(sentence) in pdf, sentence


@pytest.mark.parametrize(("region", "as_of"), CASES)
def test_indicator_value_and_change_equal_independent_sums(reports, con, region, as_of):
    def rate(first: dt.date, last: dt.date) -> float:
        reviewed, major = con.execute(
            """
            select sum(major_decisions_reviewed), sum(major_decisions) from case_stats
            where region_code like ? || '%' and period_month between ? and ?
            """,
            [prefix(con, region), first, last],
        ).fetchone()
        return 100.0 * reviewed / major

    month = month_start(as_of)
    now = rate(month.replace(month=1), month)
    before = rate(month.replace(year=month.year - 1, month=1), month.replace(year=month.year - 1))
    # the change is between the two values as shown (rounded once each), so a reader can check it on the page
    value, change = f"{shown(now):.1f}%", f"{shown(now) - shown(before):+.1f} 个百分点"
    paths = reports[(region, as_of)]
    row = next(r for r in docx_table_rows(paths["docx"]) if r[0] == "重大执法决定法制审核执行率")
    assert (row[1], row[4]) == (value, change)
    pdf = flat("".join(pdf_pages(paths["pdf"])))
    assert flat(f"重大执法决定法制审核执行率{value}") in pdf


@pytest.mark.parametrize(("region", "as_of"), CASES)
def test_training_and_case_figures_equal_independent_sums(reports, con, region, as_of):
    month, code = month_start(as_of), prefix(con, region)
    officers = con.execute(
        "select sum(officers) from training_stats where region_code like ? || '%' and period_month = ?", [code, month]
    ).fetchone()[0]
    penalties = con.execute(
        "select sum(count_penalty) from case_stats where region_code like ? || '%' and period_month between ? and ?",
        [code, month.replace(month=1), month],  # the year to date, as every KPI
    ).fetchone()[0]
    paths = reports[(region, as_of)]
    rows = {r[0]: r[1] for r in docx_table_rows(paths["docx"]) if len(r) == 3}
    assert rows["执法人员"] == f"{officers:,.0f} 人"
    assert rows["行政处罚"] == f"{penalties:,.0f}"
    pdf = flat("".join(pdf_pages(paths["pdf"])))
    assert flat(f"执法人员{officers:,.0f} 人") in pdf and flat(f"行政处罚{penalties:,.0f}") in pdf


@pytest.mark.parametrize(("region", "as_of"), [("320000", FINAL), ("320100", MIDTERM)])
def test_the_child_furthest_behind_is_named_first(reports, con, region, as_of):
    shares = con.execute(
        """
        select r.lineage[len(p.lineage) + 1] as child,
            count(*) filter (where status in ('overdue', 'behind_schedule'))
                / count(*) filter (where status <> 'not_applicable') as share
        from milestone_status_as_of(?::date) as s
        join regions as r using (region_code)
        join regions as p on p.region_code = ?
        where s.region_code like p.code_prefix || '%' and len(r.lineage) > len(p.lineage)
        group by 1 having count(*) filter (where status <> 'not_applicable') > 0
        order by share desc
        """,
        [as_of, region],
    ).fetchall()
    assert len(shares) > 1 and shares[0][1] > shares[1][1], "a single child is furthest behind"
    name = con.execute("select region_name from regions where region_code = ?", [shares[0][0]]).fetchone()[0]
    text = flat(docx_text(reports[(region, as_of)]["docx"]))
    assert f"最落后的是{name}" in text


# ----------------------------------------------------------------------------------------------- the sample mark


@pytest.mark.parametrize(("region", "as_of"), CASES)
def test_sample_mark_on_the_cover_and_every_page(reports, region, as_of):
    paths = reports[(region, as_of)]
    pages = pdf_pages(paths["pdf"])
    assert len(pages) > 5
    for number, page in enumerate(pages, start=1):
        assert "示例数据" in page.splitlines()[0], f"page {number}: no mark in the header"
        assert "示例数据SAMPLEDATA" in flat(page), f"page {number}: no watermark"
    cover = flat(pages[0])
    assert "示例数据（sampledata）" in cover and REGIONS[region] in cover and as_of.isoformat() in cover
    parts = docx_parts(paths["docx"])
    header = "".join(text for name, text in parts.items() if name.startswith("word/header"))
    assert "示例数据（sample data）" in header and "PowerPlusWaterMarkObject" in header
    assert "示例数据（程序生成" in docx_text(paths["docx"])


@pytest.fixture(scope="module")
def reported_db(sample_db, tmp_path_factory) -> Path:
    """A copy of the sample database where every statistic is marked reported: as if real figures replaced them."""
    db = copy_database(sample_db, tmp_path_factory.mktemp("reported") / "enforcement.duckdb")
    con = duckdb.connect(str(store.current_file(db)))
    for table in ("case_stats", "training_stats", "task_progress", "capacity_stats", "satisfaction_surveys"):
        con.execute(f"update {table} set is_sample = false")
    con.execute(
        "update rollup_monthly set cases_sample = false, training_sample = false, capacity_sample = false, "
        "survey_sample = false"
    )
    con.execute("update meta set value = 'false' where key = 'is_sample'")
    con.close()
    return db


def test_no_sample_mark_when_every_figure_is_reported(reported_db, tmp_path):
    con = duckdb.connect(str(store.current_file(reported_db)), read_only=True)
    try:
        paths = write_files(QueryRunner(con), "320100", FINAL, tmp_path)
    finally:
        con.close()
    text = "".join(pdf_pages(paths["pdf"])) + docx_text(paths["docx"])
    text += "".join(docx_parts(paths["docx"]).values())
    for word in ("示例数据", "sample data", "SAMPLE DATA", "PowerPlusWaterMarkObject"):
        assert word not in text
    assert "上报数据" in text


def test_chart_images_carry_the_mark_only_when_sample(runner):
    gathered = figures.gather(runner.run, "320100", FINAL)
    document = compose.compose(gathered)
    images = [b for s in document.sections for b in s.blocks if isinstance(b, Figure)]
    assert len(images) == 7 and all(image.png.startswith(b"\x89PNG") for image in images)
    assert document.mark and "示例数据" in document.mark
    marked = charts.render(gathered.milestone_figure, mark=document.mark).png
    plain = charts.render(gathered.milestone_figure, mark=None).png
    assert marked != plain


# ----------------------------------------------------------------------------------------------- files


@pytest.mark.parametrize(("region", "as_of"), [("320000", FINAL), ("320102", MIDTERM)])
def test_pdf_embeds_the_report_font_and_word_xml_is_in_schema_order(reports, region, as_of):
    paths = reports[(region, as_of)]
    rows = pdf_fonts(paths["pdf"])
    assert rows and all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), rows  # embedded, subset, unicode
    assert {row[0].split("+")[1] for row in rows} == {"NotoSansCJKSC", "NotoSansCJKSCBold"}
    assert schema_order_problems(paths["docx"]) == []
    parts = docx_parts(paths["docx"])
    assert 'w:eastAsia="宋体"' in parts["word/styles.xml"] and 'w:w="11906"' in parts["word/document.xml"]  # A4


def test_rare_characters_and_a_region_without_plan_or_data(runner, tmp_path):
    # 亳州市: no plan governs it and the sample holds no figures for it; its name needs a GB 2312 level-2 glyph.
    paths = write_files(runner, "341600", FINAL, tmp_path)
    page_images(paths["pdf"], "341600_no_plan")
    text = flat("".join(pdf_pages(paths["pdf"])))
    assert "亳州市" in text and "无（不在任何实施方案范围内）" in text
    assert "亳州市" in docx_text(paths["docx"])
    for name in ("黟县", "歙县", "衢州", "儋州", "漯河", "濮阳"):
        assert fonts.missing_characters(name) == []


def test_a_character_the_font_lacks_stops_the_report_with_its_code_point():
    with pytest.raises(fonts.GlyphsMissing) as raised:
        fonts.check_text("南京\U0002b7f6县")
    assert "U+2B7F6" in raised.value.message("zh")


def test_english_report(runner, tmp_path):
    paths = write_files(runner, "320100", FINAL, tmp_path, lang="en")
    page_images(paths["pdf"], "320100_en")
    text = docx_text(paths["docx"])
    assert "1. Overview" in text and "Sample data (示例数据)" in text and "南京市" in text
    assert "Region:" in text and "Region：" not in text  # the cover's labels end in an English colon
    assert "EvaluationReport" in flat("".join(pdf_pages(paths["pdf"])))


def test_same_figures_as_the_overview_and_training_pages(sample_db, runner):
    gathered = figures.gather(runner.run, "320100", FINAL)
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=90)
    at.query_params["region"], at.query_params["as_of"] = "320100", FINAL.isoformat()
    at.run()
    assert not at.exception
    shown = {metric.label: metric.value for metric in at.metric}
    cards = {card.title: card.value_text for card in gathered.milestone_cards + gathered.indicator_cards}
    assert cards and cards == {label: shown[label] for label in cards}
    training = run_page("pages/3_training.py", region="320100", as_of=FINAL.isoformat())
    assert {m.label: m.value for m in training.metric} == {k.title: k.value_text for k in gathered.training_kpis}
    cases = run_page("pages/4_cases.py", region="320100", as_of=FINAL.isoformat())
    assert {m.label: m.value for m in cases.metric} == {k.title: k.value_text for k in gathered.cases_kpis}


# ----------------------------------------------------------------------------------------------- the app


def test_overview_button_and_report_page(sample_db):
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=90)
    at.query_params["region"] = "320100"
    at.run()
    assert not at.exception
    labels = [button.proto.label for button in at.get("download_button")]
    assert "下载 Word 报告" in labels and "下载 PDF 报告" in labels
    page = run_page("pages/9_report.py", region="320000", as_of=MIDTERM.isoformat())
    assert not page.exception
    assert any("全部 13 个下级地区" in option for option in page.radio[0].options)


@pytest.mark.parametrize(("region", "offered"), [("320102", True), ("320102002", False)])
def test_every_childs_report_is_offered_only_where_there_are_children(sample_db, con, region, offered):
    """The overview links to the page that writes every child's report, except at a region without children (a
    township), whose report page offers this region alone."""
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=90)
    at.query_params["region"] = region
    at.run()
    assert not at.exception
    has_children = con.execute("select count(*) > 0 from regions where parent_code = ?", [region]).fetchone()[0]
    assert has_children == offered
    labels = [link.proto.label for link in at.get("page_link")]
    assert ("批量生成下级地区的报告" in labels) == offered


def test_a_missing_font_is_a_message_not_a_traceback(sample_db, monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.FONT_DIR_ENV, str(tmp_path))
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=90).run()
    assert not at.exception
    assert any("fonts-noto-cjk" in error.value for error in at.error)
    result = run_cli("report", "--region", "320100", "--as-of", "2025-10-31", "--out", str(tmp_path / "r.pdf"),
                     env={fonts.FONT_DIR_ENV: str(tmp_path)})  # fmt: skip
    assert result.returncode == 2 and "fonts-noto-cjk" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# ----------------------------------------------------------------------------------------------- the command line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "999999", "--as-of", "2025-10-31"], "地区代码 999999 不存在"),
        (["--region", "320100", "--as-of", "2025-02-30"], "日期应写成 YYYY-MM-DD"),
        (["--region", "320100", "--as-of", "2022-12-31"], "超出数据范围"),
    ],
)
def test_cli_rejects_bad_input_with_one_line(sample_db, tmp_path, args, message):
    out = tmp_path / "r.pdf"
    result = run_cli("report", *args, "--out", str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and message in result.stderr
    assert not out.exists()


def test_cli_rejects_an_unwritable_out(sample_db, tmp_path):
    for out, message in ((tmp_path / "missing" / "r.pdf", "输出文件夹不存在"), (tmp_path, "是一个文件夹")):
        result = run_cli("report", "--region", "320100", "--as-of", "2025-10-31", "--format", "pdf", "--out", str(out))
        assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_writes_a_report_and_a_batch_with_a_progress_bar(sample_db, tmp_path):
    out = tmp_path / "nanjing.docx"
    result = run_cli("report", "--region", "320100", "--as-of", "2024-10-31", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "南京市" in docx_text(out)
    batch = tmp_path / "rizhao_kfq.zip"
    # 日照经济技术开发区: two townships, written by two worker processes
    result = run_cli(
        "report", "--region", "371171", "--as-of", "2025-10-31", "--children", "--format", "pdf", "--out", str(batch)
    )
    assert result.returncode == 0, result.stderr
    assert "[###############---------------] 1/2" in result.stderr and "] 2/2" in result.stderr
    with zipfile.ZipFile(batch) as archive:
        names = archive.namelist()
    children = (
        duckdb.connect(str(store.current_file(sample_db)), read_only=True)
        .execute("select region_code from regions where parent_code = '371171'")
        .fetchall()
    )
    assert len(names) == len(children) == 2 and all(name.endswith(".pdf") for name in names)


def test_report_page_writes_every_childs_report_in_one_zip(sample_db):
    page = run_page("pages/9_report.py", region="371171", as_of=FINAL.isoformat())
    page.radio(key="rp_scope").set_value("children").run()
    page.radio(key="rp_format").set_value("pdf").run()
    page.button(key="rp_generate").click().run(timeout=300)
    assert not page.exception
    assert any("已生成 2 份报告" in message.value for message in page.success)
    labels = [button.proto.label for button in page.get("download_button")]
    assert any(label.endswith("_下级地区.zip") for label in labels)


def test_the_pages_leave_the_report_writers_unloaded_until_a_report_is_written():
    """Every page's frame and the overview import the report's service (the overview offers the report); the
    writers' libraries (fpdf2, python-docx) load only when a report is written: fpdf2 alone took 0.3 s of a fresh
    server's first page."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import enforcement.ui.report, enforcement.ui.frame, enforcement.content.overview\n"
        "print(sorted(name for name in ('fpdf', 'docx') if name in sys.modules))\n"
        "from enforcement.reports import service\n"
        "service.render  # still there\n"
        "from enforcement.reports import pdf, word\n"
        "print(sorted(name for name in ('fpdf', 'docx') if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "['docx',", "'fpdf']"]
