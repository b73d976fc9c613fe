"""`python -m enforcement users …` and `audit …`: accounts and the audit trail from the server's command line.

The command line acts as the operating-system user running it (os:<user> in the trail) and is not limited to a
region: whoever can run it on the server can read the database files anyway. Bad input raises CommandError (a
ValueError: the CLI prints it and exits with status 2); a broken audit chain exits with status 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from enforcement.access import roles, trail
from enforcement.access.accounts import AccountError, Actor, check_region
from enforcement.access.store import AccessStore, StoreError
from enforcement.i18n import SaidError, column_label, t
from enforcement.storage import connect, store
from enforcement.storage.runner import QueryRunner

CsvBytes = Callable[[pd.DataFrame, str], bytes]


class CommandError(SaidError, ValueError):
    """Input the command cannot act on, printed in the language of --lang (exit status 2)."""


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "zh"


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="信息的语言 (默认 zh)")


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help=f"数据库文件 (默认: ${store.ENV_VAR}, 否则 data/enforcement.duckdb)")


def _access(args: argparse.Namespace) -> AccessStore:
    return AccessStore.for_database(args.db)


def _region_name(args: argparse.Namespace, code: str) -> str:
    """The region's name from the current database; CommandError if it has no such region."""
    code = check_region(code)
    db_path = store.database_path(args.db)
    current = store.current_file(db_path)
    if current is None:
        raise CommandError("cmd_no_database", path=db_path)
    con = connect.connect_readonly(current)
    try:
        lineage = QueryRunner(con).run("region_lineage", region_code=code)
    finally:
        con.close()
    if lineage.empty or lineage.iloc[-1]["region_code"] != code:
        raise CommandError("cmd_no_region", code=code)
    return str(lineage.iloc[-1]["full_name"])


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except AccountError as error:
            raise CommandError(error.key, **error.values) from None
        except StoreError as error:
            raise CommandError("cmd_store_failed", error=str(error)) from None

    return run


# ----------------------------------------------------------------------------------------------- users


def _users_add(args: argparse.Namespace) -> int:
    region_name = _region_name(args, args.region)
    account = _access(args).add_account(
        args.identity, args.role, args.region, Actor.command_line(), args.name or "", region_name
    )
    lang = _lang(args)
    role = t(f"role_{account.role}", lang)
    print(t("cmd_added", lang, identity=account.identity, role=role, region=region_name, code=account.region_code))
    return 0


def _users_list(args: argparse.Namespace) -> int:
    lang = _lang(args)
    accounts = _access(args).accounts()
    if not accounts:
        print(t("cmd_no_accounts", lang))
        return 0
    for a in accounts:
        state = t("cmd_enabled" if a.is_enabled else "cmd_disabled", lang)
        role = t(f"role_{a.role}", lang)
        changed = t("cmd_changed_on", lang, when=a.updated_at)
        print(f"{a.identity}\t{a.display_name or '-'}\t{role}\t{a.region_code}\t{state}\t{changed}")
    return 0


def _users_enable(enabled: bool) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        before, after = _access(args).change_account(args.identity, Actor.command_line(), enabled=enabled)
        lang = _lang(args)
        state = t("cmd_enabled" if enabled else "cmd_disabled", lang)
        print(
            t("cmd_now", lang, identity=after.identity, state=state)
            + ("" if before != after else t("cmd_was_already", lang))
        )
        return 0

    return run


def _users_set_scope(args: argparse.Namespace) -> int:
    if args.role is None and args.region is None and args.name is None:
        raise CommandError("cmd_give_a_change")
    region_name = _region_name(args, args.region) if args.region is not None else ""
    before, after = _access(args).change_account(
        args.identity,
        Actor.command_line(),
        role=args.role,
        region_code=args.region,
        display_name=args.name,
        region_name=region_name,
    )
    lang = _lang(args)
    if before == after:
        print(t("cmd_unchanged", lang, identity=after.identity))
    else:
        print(
            t(
                "cmd_scope_set",
                lang,
                identity=after.identity,
                role=t(f"role_{after.role}", lang),
                code=after.region_code,
            )
        )
    return 0


# ----------------------------------------------------------------------------------------------- audit


def verdict_text(verdict, lang: str = "zh") -> str:
    """A broken chain in words (the CLI's and the admin page's)."""
    if verdict.ok:
        return t("ad_verify_ok", lang, n=verdict.entries, head=verdict.head_hash)
    key = f"audit_broken_{verdict.problem}"
    return t(key, lang, id=verdict.broken_at, found=verdict.found, previous=verdict.broken_at - 1)


def _audit_verify(args: argparse.Namespace) -> int:
    path = _access(args).path
    if not path.exists():
        raise CommandError("cmd_no_trail", path=path)
    lang = _lang(args)
    verdict = _access(args).verify()
    if verdict.ok:
        print(verdict_text(verdict, lang))
        return 0
    print(t("cli_error", lang, message=f"{verdict_text(verdict, lang)} ({path})"), file=sys.stderr)
    return 1


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        # argparse says this before --lang is read: both languages
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD (a date as YYYY-MM-DD): {text}") from None


def _period(text: str) -> trail.Period:
    try:
        return trail.Period.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _label(lang: str) -> Callable[[str, str], str]:
    return lambda kind, code: t(f"{kind}_{code}", lang)


def _audit_list(csv_bytes: CsvBytes) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        if args.region is not None:
            check_region(args.region)
        access = _access(args)
        if not access.path.exists():
            raise CommandError("cmd_no_trail", path=access.path)
        since = dt.datetime.combine(args.since, dt.time()).astimezone() if args.since else None
        until = dt.datetime.combine(args.until + dt.timedelta(days=1), dt.time()).astimezone() if args.until else None
        entries = access.entries(since=since, until=until, actor=args.actor, action=args.action)
        chosen = trail.select(entries, region_code=args.region, period=args.period)
        table = trail.trail_frame(chosen, _label(args.lang))
        if args.out:
            out = Path(args.out)
            if not out.parent.is_dir():
                raise CommandError("cli_out_folder_missing", path=out.parent)
            out.write_bytes(csv_bytes(table, args.lang))
            print(t("cmd_trail_exported", args.lang, n=len(table), path=out))
            return 0
        if table.empty:
            print(t("cmd_no_entries", args.lang))
            return 0
        shown = table.drop(columns=["entry_hash"]).rename(columns=lambda c: column_label(c, args.lang))
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
            print(shown.to_string(index=False, max_colwidth=80))
        print(t("cmd_entry_count", args.lang, n=len(table)))
        return 0

    return run


# ----------------------------------------------------------------------------------------------- wiring


def add_commands(commands: argparse._SubParsersAction, csv_bytes: CsvBytes) -> None:
    """The users and audit commands; csv_bytes writes the trail as every export is written (transfer.export)."""
    users = commands.add_parser("users", help="账号: 开通、列出、停用、修改角色与地区").add_subparsers(
        dest="users_command", required=True
    )
    add = users.add_parser("add", help="开通账号 (一个身份一个角色、一个地区)")
    add.add_argument("identity", help="统一身份认证的 sub, 或电子邮箱")
    add.add_argument(
        "--role", required=True, choices=roles.ROLES, help="viewer 领导, analyst 分析员, clerk 填报员, admin 管理员"
    )
    add.add_argument("--region", required=True, help="地区代码: 账号可查看 (及按角色导出、导入) 该地区及其下辖地区")
    add.add_argument("--name", help="姓名 (显示用)")
    _db_option(add)
    _lang_option(add)
    add.set_defaults(handler=_guarded(_users_add))

    listing = users.add_parser("list", help="列出全部账号")
    _db_option(listing)
    _lang_option(listing)
    listing.set_defaults(handler=_guarded(_users_list))

    for name, enabled, text in (("disable", False, "停用账号 (保留记录)"), ("enable", True, "重新启用账号")):
        command = users.add_parser(name, help=text)
        command.add_argument("identity")
        _db_option(command)
        _lang_option(command)
        command.set_defaults(handler=_guarded(_users_enable(enabled)))

    scope = users.add_parser("set-scope", help="修改账号的角色、地区或姓名")
    scope.add_argument("identity")
    scope.add_argument("--role", choices=roles.ROLES)
    scope.add_argument("--region", help="新的地区代码")
    scope.add_argument("--name", help="新的姓名")
    _db_option(scope)
    _lang_option(scope)
    scope.set_defaults(handler=_guarded(_users_set_scope))

    audit = commands.add_parser("audit", help="留痕: 校验哈希链、查询、导出").add_subparsers(
        dest="audit_command", required=True
    )
    verify = audit.add_parser("verify", help="校验留痕的哈希链; 断开时报告第一处并以状态 1 退出")
    _db_option(verify)
    _lang_option(verify)
    verify.set_defaults(handler=_guarded(_audit_verify))

    listing = audit.add_parser(
        "list", help="查询留痕, 如: 谁改动、谁下载了南京市 2024 年的数据: --region 320100 --period 2024"
    )
    listing.add_argument("--since", type=_day, help="记录时间不早于该日 (YYYY-MM-DD)")
    listing.add_argument("--until", type=_day, help="记录时间不晚于该日 (YYYY-MM-DD)")
    listing.add_argument("--actor", help="人员的身份标识 (sub、电子邮箱或 os:用户名)")
    listing.add_argument("--action", choices=trail.ACTIONS, help="操作")
    listing.add_argument("--region", help="涉及的地区代码 (导入: 数据行在其下辖范围内; 导出等: 范围包含它或在它之内)")
    listing.add_argument("--period", type=_period, help="数据期间: 2024、2024-03 或 2024-01:2024-06")
    listing.add_argument("--out", help="另存为 CSV (UTF-8 带 BOM)")
    listing.add_argument("--lang", choices=["zh", "en"], default="zh", help="表头与操作名称的语言")
    _db_option(listing)
    listing.set_defaults(handler=_guarded(_audit_list(csv_bytes)))
