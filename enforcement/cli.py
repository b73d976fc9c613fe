"""Command-line interface: build, import, export, bench. Errors go to stderr with a non-zero exit status."""

from __future__ import annotations

import argparse
import sys

from enforcement import bench, build, parquet, sample, store


class CliError(Exception):
    """A problem with the user's input: printed as a message, not a traceback."""


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        help=f"数据库文件 (默认: ${store.ENV_VAR}, 否则 {store.DEFAULT_DB.relative_to(store.PROJECT_DIR)})",
    )


def _cmd_build(args: argparse.Namespace) -> int:
    db_path = store.database_path(args.db)
    print(f"构建数据库 {db_path} (规模: {args.scale}, 种子: {args.seed}) …", file=sys.stderr)
    report = build.build(db_path, scale=args.scale, seed=args.seed)
    print(f"完成, 用时 {report.seconds:.1f} 秒: {report.version_file}")
    for table, rows in sorted(report.row_counts.items()):
        print(f"  {table:24s} {rows:>12,d}")
    return 0


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
    _add_db_option(build_cmd)
    build_cmd.set_defaults(handler=_cmd_build)

    bench_cmd = commands.add_parser(
        "bench", help="全国规模性能基准: 查询、pandas 对照、导出、页面; 写 bench/results.md"
    )
    bench.add_arguments(bench_cmd)
    bench_cmd.set_defaults(handler=bench.run)

    parquet_cmd = commands.add_parser("parquet", help="Parquet 数据集 (按省、年分区): 导出")
    parquet.add_arguments(parquet_cmd)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (CliError, FileNotFoundError, ValueError) as error:
        print(f"错误: {error}", file=sys.stderr)
        return 2
