"""Command-line interface: build, import, export, bench.

Every failure is one line on stderr (Chinese by default, English with --lang en) and an exit status that says whose
problem it is: 1 the file has problems (nothing was imported), 2 bad usage (arguments), 3 the environment (the
database missing, damaged or read-only, a full disk, an --out that is a folder or a device), 4 an internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import getpass
import logging
import os
import stat
import sys
from pathlib import Path

import duckdb

from enforcement.access import commands as access_commands
from enforcement.access.accounts import Actor
from enforcement.access.store import AccessStore, StoreError
from enforcement.access.trail import Event
from enforcement.i18n import t
from enforcement.storage import build, connect, parquet, sample, store
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import audited, datasets, export, importer
from enforcement.transfer.validation import CheckResult, Problem, problems_frame

EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_INTERNAL = 4
log = logging.getLogger(__name__)


class CliError(Exception):
    """A failure to print as one line (an i18n key and values, or a text) with its exit status."""

    status = EXIT_USAGE

    def __init__(self, key_or_text: str, **values: object):
        super().__init__(key_or_text)
        self.key, self.values = key_or_text, values

    def message(self, lang: str) -> str:
        from enforcement.i18n import STRINGS

        return t(self.key, lang, **self.values) if self.key in STRINGS else self.key


class UsageError(CliError):
    status = EXIT_USAGE


class EnvironmentProblem(CliError):
    status = EXIT_ENVIRONMENT


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "zh"


def _database_file(db_path: Path, writing: bool) -> Path:
    """The current version file behind db_path, or EnvironmentProblem (missing, a Parquet folder when writing)."""
    current = store.current_file(db_path)
    if current is None:
        if db_path.is_dir():
            raise EnvironmentProblem("cli_damaged_database", path=db_path)
        raise EnvironmentProblem("cli_no_database", path=db_path)
    if writing and current.is_dir():
        raise EnvironmentProblem("cli_parquet_read_only", path=db_path)
    return current


def _regular_input(path: Path) -> None:
    """An input file must be a regular file (not a folder, a device such as /dev/zero, or a pipe)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UsageError("cli_file_missing", path=path) from None
    except PermissionError as error:
        raise EnvironmentProblem("cli_unreadable", path=path, reason=error.strerror) from None
    if not stat.S_ISREG(mode):
        raise UsageError("cli_file_not_regular", path=path)


def _writable_output(out: Path) -> None:
    """An output path must be new or a regular file: a folder, a device (/dev/full) or a pipe is never replaced."""
    if os.path.lexists(out):
        try:
            mode = out.stat().st_mode
        except OSError:
            mode = 0
        if not stat.S_ISREG(mode):
            raise EnvironmentProblem("cli_out_not_file", path=out)
    if not out.parent.is_dir():
        raise UsageError("cli_out_folder_missing", path=out.parent)


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        help=f"数据库文件 (默认: ${store.ENV_VAR}, 否则 {store.DEFAULT_DB.relative_to(store.PROJECT_DIR)})",
    )


def _record(db_path: Path, event: Event) -> None:
    """Write to the audit trail beside the database, as the operating-system user running the command."""
    try:
        AccessStore.for_database(db_path).record(event)
    except StoreError as error:
        raise CliError("cli_trail_not_written", error=error) from None


def _cmd_build(args: argparse.Namespace) -> int:
    db_path = store.database_path(args.db)
    if db_path.is_dir():
        raise EnvironmentProblem(
            "cli_parquet_read_only" if (db_path / "dataset.json").is_file() else "cli_out_not_file", path=db_path
        )
    lang = _lang(args)
    print(t("cli_building", lang, path=db_path, scale=args.scale, seed=args.seed), file=sys.stderr)
    report = build.build(db_path, scale=args.scale, seed=args.seed)
    details = {
        "database": str(db_path),
        "scale": args.scale,
        "seed": args.seed,
        "version_file": str(report.version_file),
    }
    _record(db_path, Event("build", Actor.command_line(), details=details))
    print(t("cli_built", lang, seconds=report.seconds, path=report.version_file))
    for table, rows in sorted(report.row_counts.items()):
        print(f"  {table:24s} {rows:>12,d}")
    return 0


def _month(text: str) -> dt.date:
    try:
        day = dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        # argparse says this before --lang is read: both languages
        raise argparse.ArgumentTypeError(f"月份应写成 YYYY-MM, 如 2024-06 (a month as YYYY-MM): {text}") from None
    return day


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应写成 YYYY-MM-DD, 如 2024-10-31 (a date as YYYY-MM-DD): {text}"
        ) from None


def _open_current(db_path: Path):
    return connect.connect_readonly(_database_file(db_path, writing=False))


def _cmd_export(args: argparse.Namespace) -> int:
    db_path = store.database_path(args.db)
    out = Path(args.out)
    fmt = args.format or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    _writable_output(out)
    con = _open_current(db_path)
    try:
        runner = QueryRunner(con)
        meta = dict(runner.run("meta_facts").itertuples(index=False, name=None))
        lineage = runner.run("region_lineage", region_code=args.region)
        if lineage.empty:
            raise UsageError("cli_region_unknown", code=args.region)
        data_as_of = dt.date.fromisoformat(meta["data_as_of"])
        request = export.ExportRequest(
            dataset=args.dataset,
            region_code=args.region,
            month_from=args.month_from or datasets.FIRST_MONTH,
            month_to=args.month_to or data_as_of.replace(day=1),
            as_of=args.as_of or data_as_of,
            level=args.level,
            columns=tuple(c.strip() for c in args.columns.split(",")) if args.columns else None,
            lang=args.lang,
            domain=args.domain,
        ).checked()
        region_name = str(lineage.iloc[-1]["region_name"])
        domain_name = None
        if request.domain is not None:
            domains = runner.run("domain_list")
            names = dict(zip(domains["domain_code"], domains["name_en" if request.lang == "en" else "name_zh"]))
            if request.domain not in names:
                raise export.ExportError(
                    t("export_unknown_domain", request.lang, domain=request.domain, options=", ".join(names))
                )
            domain_name = names[request.domain]
        rows = export.row_count(runner, request)
        facts = export.facts(request, region_name, meta, rows, domain_name=domain_name)
        if fmt == "xlsx":
            written = export.write_xlsx(runner, request, out, facts)
        else:
            written = export.write_csv(runner, request, out, facts)
    except export.ExportError as error:
        raise UsageError(str(error)) from None
    finally:
        con.close()
    event = audited.export_event(
        Actor.command_line(), request, region_name=region_name, fmt=fmt, rows=written, file_name=str(out), via="cli"
    )
    _record(db_path, event)
    print(t("cli_exported", _lang(args), rows=written, path=out))
    for label, value in facts:
        print(f"  {label}: {value}")
    return 0


def _print_problems(checked: importer.CheckedFile, lang: str) -> None:
    print(
        t("cli_error", lang, message=t("cli_problems", lang, file=checked.file_name, n=len(checked.problems))),
        file=sys.stderr,
    )
    for problem in checked.problems:
        where = t("cli_row", lang, row=problem.row) if problem.row else t("cli_whole_file", lang)
        column = t("cli_column", lang, column=problem.column) if problem.column else ""
        value = t("cli_value", lang, value=problem.value) if problem.value else ""
        line = t("cli_problem_line", lang, where=where, column=column, value=value, reason=problem.reason)
        print(f"  {line}", file=sys.stderr)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as error:
        raise EnvironmentProblem("cli_unreadable", path=path, reason=error.strerror) from None


def _cmd_import(args: argparse.Namespace) -> int:
    lang = _lang(args)
    db_path = store.database_path(args.db)
    path = Path(args.file)
    _regular_input(path)
    if args.report:
        _writable_output(Path(args.report))
    _database_file(db_path, writing=not args.dry_run)
    size = path.stat().st_size
    if size > importer.MAX_BYTES:
        # A file over the limit is a file with a problem (status 1), said before it is read into memory.
        limit = importer.MAX_BYTES // 1024 // 1024
        reason = t("tab_too_large", lang, size=f"{size / 1024 / 1024:.1f}", limit=limit)
        checked = importer.CheckedFile(
            file_name=importer.display_name(path.name),
            checksum="",
            size=size,
            result=CheckResult(None, [Problem(None, "", "", reason)]),
        )
        result = None
    elif args.dry_run:
        data = _read(path)
        con = _open_current(db_path)
        try:
            checked = importer.check_file(data, path.name, QueryRunner(con), lang)
        finally:
            con.close()
        result = None
    else:
        data = _read(path)
        try:
            checked, result = importer.import_file(
                db_path, data, path.name, imported_by=f"{t('import_by_cli', lang)} ({getpass.getuser()})", lang=lang
            )
        except importer.ImportRejected as rejected:
            checked, result = rejected.checked, None
        _record(db_path, audited.import_event(Actor.command_line(), checked, result, via="cli"))
    if args.report:
        Path(args.report).write_bytes(export.csv_bytes(problems_frame(checked.problems)))
    if not checked.ok:
        _print_problems(checked, lang)
        return EXIT_REJECTED
    changes = checked.changes if result is None else result.changes
    label = t(datasets.dataset(checked.dataset.key).label_key, lang)
    for note in checked.notes:
        print(t("cli_read_as", lang, how=note))
    summary = t(
        "cli_summary",
        lang,
        inserted=f"{changes.inserted:,}",
        replaced=f"{changes.replaced:,}",
        unchanged=f"{changes.unchanged:,}",
    )
    rows = f"{checked.result.rows_in_file:,}"
    if result is None:
        print(t("cli_dry_run_ok", lang, dataset=label, rows=rows, summary=summary))
    elif result.import_id is None:
        print(t("cli_nothing_changed", lang, file=checked.file_name, rows=f"{result.rows_in_file:,}"))
    else:
        print(t("cli_imported", lang, file=checked.file_name, dataset=label, id=result.import_id, summary=summary))
        print(t("cli_kept_as", lang, path=result.stored_path))
        print(t("cli_version", lang, path=result.version_file))
    return 0


def _writable(out: Path) -> None:
    """CliError unless out can be written: an existing folder that we may write to, and not itself a folder."""
    folder = out.parent
    if out.is_dir():
        raise CliError("cli_out_is_folder", path=out)
    if not folder.is_dir():
        raise CliError("cli_out_folder_missing", path=folder)
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise CliError("cli_cannot_write", path=out)


def _progress_bar(done: int, total: int, name: str) -> None:
    """A progress bar on stderr (one line per report when stderr is not a terminal)."""
    width = 30
    filled = width * done // total
    line = f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} {name}"
    if sys.stderr.isatty():
        print("\r" + line.ljust(70), end="\n" if done == total else "", file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr, flush=True)


def _cmd_report(args: argparse.Namespace) -> int:
    # Imported here: the report's libraries (fpdf2, python-docx, matplotlib) would slow every other command's start.
    from enforcement.reports import service as reports

    try:
        as_of = dt.date.fromisoformat(args.as_of)
    except ValueError:
        raise CliError("cli_bad_as_of", text=args.as_of) from None
    out = Path(args.out)
    suffix = out.suffix.lower().lstrip(".")
    if args.children:
        if suffix != "zip":
            raise CliError("cli_children_zip", path=out)
        formats = ("docx", "pdf") if args.format in (None, "both") else (args.format,)
    else:
        chosen = args.format or (suffix if suffix in ("docx", "pdf") else None)
        if chosen not in ("docx", "pdf"):
            raise CliError("cli_one_format", path=out)
        formats = (chosen,)
    _writable(out)
    db_path = store.database_path(args.db)
    con = _open_current(db_path)
    try:
        request = reports.ReportRequest(
            region=args.region,
            as_of=as_of,
            lang=args.lang,
            formats=formats,
            children=args.children,
            requested_by=f"命令行 ({getpass.getuser()})",
        )
        files = reports.write(
            QueryRunner(con).run,
            request,
            progress=_progress_bar if args.children else None,
            database=store.current_file(db_path),
            workers=min(2, os.cpu_count() or 1),
        )
    except reports.ReportError as error:
        raise CliError(error.message(args.lang)) from None
    finally:
        con.close()
    try:
        out.write_bytes(files[0].data)
    except OSError as error:
        raise CliError("cli_cannot_write_reason", path=out, reason=error.strerror) from None
    print(t("cli_report_written", args.lang, path=out, kb=len(files[0].data) / 1024))
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    # The benchmark is tooling beside the package (bench/), imported only when asked for.
    from bench import national

    return national.main(args.bench_args)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m enforcement", description="行政执法质量三年行动 进度看板: 数据工具")
    commands = top.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser("build", help="从参考数据和示例数据生成器构建数据库")
    build_cmd.add_argument(
        "--scale",
        choices=["sample", "national"],
        default="sample",
        help="sample: 五个方案所辖地区 (默认); national: 全国 (基准测试用)",
    )
    build_cmd.add_argument("--seed", type=int, default=sample.DEFAULT_SEED, help="示例数据的随机种子")
    build_cmd.add_argument("--lang", choices=["zh", "en"], default="zh", help="信息的语言 (默认 zh)")
    _add_db_option(build_cmd)
    build_cmd.set_defaults(handler=_cmd_build)

    bench_cmd = commands.add_parser(
        "bench", help="全国规模性能基准: 查询、pandas 对照、导出、页面; 写 bench/results.md"
    )
    bench_cmd.add_argument("bench_args", nargs=argparse.REMAINDER, help="python -m bench.national --help")
    bench_cmd.set_defaults(handler=_cmd_bench)

    parquet_cmd = commands.add_parser("parquet", help="Parquet 数据集 (按省、年分区): 导出")
    parquet.add_arguments(parquet_cmd)
    export_cmd = commands.add_parser(
        "export", help="导出数据集为 CSV (UTF-8 带 BOM, Excel 可直接打开) 或 Excel (.xlsx)"
    )
    export_cmd.add_argument("dataset", choices=list(datasets.DATASETS), help="数据集")
    export_cmd.add_argument("--region", default="000000", help="地区代码: 导出该地区及其下辖地区 (默认 000000 全国)")
    export_cmd.add_argument("--level", choices=list(datasets.LEVELS), help="只导出该层级的地区 (默认全部层级)")
    export_cmd.add_argument("--from", dest="month_from", type=_month, help="起始月份 YYYY-MM (默认 2023-01)")
    export_cmd.add_argument("--to", dest="month_to", type=_month, help="截止月份 YYYY-MM (默认数据最后一个月)")
    export_cmd.add_argument("--as-of", dest="as_of", type=_date, help="截至日期 YYYY-MM-DD (默认数据截至日期)")
    export_cmd.add_argument("--columns", help="要导出的列 (英文列名, 逗号分隔; 默认常用列)")
    export_cmd.add_argument("--format", choices=["csv", "xlsx"], help="文件格式 (默认按 --out 的扩展名, 否则 csv)")
    export_cmd.add_argument("--lang", choices=["zh", "en"], default="zh", help="表头语言 (默认 zh)")
    export_cmd.add_argument("--domain", help="执法领域代码 (如 market): 案件统计只含该领域, 培训统计只含该领域的部门")
    export_cmd.add_argument("--out", required=True, help="输出文件")
    _add_db_option(export_cmd)
    export_cmd.set_defaults(handler=_cmd_export)

    import_cmd = commands.add_parser(
        "import", help="导入培训统计、案件统计或里程碑进度 (CSV: UTF-8/GBK; 或 .xlsx); 有任何问题则不导入"
    )
    import_cmd.add_argument("file", help="要导入的文件")
    import_cmd.add_argument("--dry-run", action="store_true", help="只检查, 不写入")
    import_cmd.add_argument("--report", help="把问题清单另存为 CSV 文件")
    import_cmd.add_argument("--lang", choices=["zh", "en"], default="zh", help="信息的语言 (默认 zh)")
    _add_db_option(import_cmd)
    import_cmd.set_defaults(handler=_cmd_import)
    access_commands.add_commands(commands, export.csv_bytes)

    report_cmd = commands.add_parser(
        "report",
        help="评估报告: 一个地区在截至日期的报告 (Word 或 PDF); --children 为每个下级地区各写一份, 打包为 .zip",
    )
    report_cmd.add_argument("--region", required=True, help="地区代码, 如 320100 (南京市)")
    report_cmd.add_argument("--as-of", dest="as_of", required=True, help="截至日期 YYYY-MM-DD, 如 2025-10-31")
    report_cmd.add_argument(
        "--format", choices=["docx", "pdf", "both"], help="docx 或 pdf (默认按 --out 的扩展名); --children 时默认 both"
    )
    report_cmd.add_argument("--lang", choices=["zh", "en"], default="zh", help="报告语言 (默认 zh)")
    report_cmd.add_argument("--children", action="store_true", help="为每个下级地区各写一份报告, 打包为一个 .zip")
    report_cmd.add_argument("--out", required=True, help="输出文件 (.docx、.pdf; --children 时为 .zip)")
    _add_db_option(report_cmd)
    report_cmd.set_defaults(handler=_cmd_report)
    return top


def _environment_line(error: OSError, args: argparse.Namespace) -> CliError:
    path = error.filename or getattr(args, "out", None) or store.database_path(getattr(args, "db", None))
    if error.errno == errno.ENOSPC:
        return EnvironmentProblem("cli_disk_full", path=path)
    if isinstance(error, IsADirectoryError):
        return EnvironmentProblem("cli_out_not_file", path=path)
    return EnvironmentProblem("cli_not_writable", path=path, reason=error.strerror or type(error).__name__)


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure ends as one line on stderr and its exit status (see the module docstring)."""
    top = parser()
    # The benchmark's options are its own (bench/national.py): argparse's REMAINDER refuses a first one that starts
    # with "-" (`bench --build`), so options it does not know pass through to it and are an error for any other command.
    args, passed_on = top.parse_known_args(argv)  # bad usage: argparse prints the usage line and exits with 2
    if passed_on and args.command != "bench":
        top.error(f"unrecognized arguments: {' '.join(passed_on)}")
    if args.command == "bench":
        args.bench_args = [*passed_on, *args.bench_args]
    lang = _lang(args)
    try:
        return args.handler(args)
    except CliError as error:
        failure = error
    except duckdb.Error as error:
        log.debug("database error", exc_info=True)
        failure = EnvironmentProblem("cli_damaged_database", path=store.database_path(getattr(args, "db", None)))
        failure.detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    except OSError as error:
        failure = _environment_line(error, args)
    except access_commands.CommandError as error:
        failure = UsageError(error.key, **error.values)
    except ValueError as error:  # a value the command cannot use (e.g. an export request it refuses)
        failure = UsageError(str(error).splitlines()[0] if str(error) else type(error).__name__)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one line, not a traceback (set ENFORCEMENT_DEBUG=1 for the traceback)
        if os.environ.get("ENFORCEMENT_DEBUG"):
            raise
        failure = CliError("cli_internal", error=f"{type(error).__name__}: {str(error)[:200]}")
        failure.status = EXIT_INTERNAL
    print(t("cli_error", lang, message=failure.message(lang)), file=sys.stderr)
    return failure.status
