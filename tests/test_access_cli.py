"""`python -m enforcement users …` and `audit …`, and the operating-system user on record for build, import, export."""

from __future__ import annotations

import csv
import getpass
import io
import re
import sqlite3

import pytest

from enforcement.access.store import AccessStore
from tests.test_build_and_cli import run_cli
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot

OS_USER = f"os:{getpass.getuser()}"


@pytest.fixture()
def db(sample_db, tmp_path):
    """A copy of the sample database; its access store is beside it (tmp/db/enforcement.access.sqlite)."""
    return copy_database(sample_db, tmp_path / "db" / "enforcement.duckdb")


def cli(db, *args):
    return run_cli(*args, "--db", str(db), env={"ENFORCEMENT_ACCESS_DB": ""})


def test_accounts_from_the_command_line(db):
    added = cli(db, "users", "add", "u-nanjing", "--role", "viewer", "--region", "320100", "--name", "南京 领导")
    assert added.returncode == 0, added.stderr
    assert "已开通账号 u-nanjing: 领导 · 江苏省 / 南京市 (320100)" in added.stdout
    assert (db.parent / "enforcement.access.sqlite").is_file()

    changed = cli(db, "users", "set-scope", "u-nanjing", "--role", "analyst", "--region", "320102")
    assert changed.returncode == 0 and "分析员 · 地区 320102" in changed.stdout
    assert cli(db, "users", "disable", "u-nanjing").returncode == 0
    listed = cli(db, "users", "list")
    assert listed.returncode == 0
    assert listed.stdout.split("\t")[:5] == ["u-nanjing", "南京 领导", "分析员", "320102", "停用"]

    access = AccessStore(db.parent / "enforcement.access.sqlite")
    assert [(e["action"], e["actor"]) for e in reversed(access.entries())] == [
        ("account_add", OS_USER),
        ("account_change", OS_USER),
        ("account_change", OS_USER),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("users", "add", "u-x", "--role", "viewer", "--region", "329999"), "地区代码 329999 不存在"),
        (("users", "add", "u-x", "--role", "viewer", "--region", "32x"), "地区代码应为 6 位或 9 位数字"),
        (("users", "add", "u-x", "--role", "boss", "--region", "320100"), "invalid choice: 'boss'"),
        (("users", "add", "a b", "--role", "viewer", "--region", "320100"), "身份标识无效"),
        (("users", "set-scope", "u-nobody", "--role", "viewer"), "没有这个账号: u-nobody"),
        (("users", "set-scope", "u-nobody"), "请至少给出 --role、--region 或 --name 之一"),
        (("users", "disable", "u-nobody"), "没有这个账号"),
        (("audit", "list", "--period", "2024-13"), "数据期间应写成"),
        (("audit", "list", "--region", "abc"), "地区代码应为 6 位或 9 位数字"),
        (("audit", "verify"), "还没有留痕库"),
    ],
)
def test_bad_input_gets_a_message_and_a_non_zero_status(db, args, message):
    result = cli(db, *args)
    assert result.returncode == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_duplicate_account_is_refused(db):
    assert cli(db, "users", "add", "u-1", "--role", "viewer", "--region", "320100").returncode == 0
    again = cli(db, "users", "add", "u-1", "--role", "admin", "--region", "000000")
    assert again.returncode == 2 and "账号已存在" in again.stderr


def test_import_and_export_are_on_record_and_an_auditor_finds_them(db, tmp_path):
    """Who changed 南京市's 2025 figures, and who downloaded them: the command line answers with the OS user."""
    good = tmp_path / "玄武区.csv"
    good.write_bytes(csv_file([CASE_HEADER, case_row(count_penalty=77)]))
    assert cli(db, "import", str(good)).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_file([CASE_HEADER, case_row(region="320199")]))
    assert cli(db, "import", str(bad)).returncode == 1
    out = tmp_path / "export.csv"
    exported = cli(
        db, "export", "cases", "--region", "320000", "--from", "2025-10", "--to", "2025-11", "--out", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    elsewhere = cli(db, "export", "cases", "--region", "440100", "--from", "2025-11", "--out", str(out))
    assert elsewhere.returncode == 0

    listed = cli(db, "audit", "list", "--region", "320100", "--period", "2025", "--out", str(tmp_path / "trail.csv"))
    assert listed.returncode == 0, listed.stderr
    raw = (tmp_path / "trail.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["操作"], r["结果"], r["身份标识"], r["地区代码"], r["数据期间"]) for r in rows] == [
        ("导出", "成功", OS_USER, "320000", "2025-10—2025-11"),
        ("导入", "成功", OS_USER, "320102", "2025-11"),
    ]
    assert '"file_name":"玄武区.csv"' in rows[1]["详情"] and '"rows_inserted":0' in rows[1]["详情"]
    assert '"rows_replaced":1' in rows[1]["详情"] and '"via":"cli"' in rows[1]["详情"]
    # The refused file and the other province's export are on record too, not about 南京.
    everything = AccessStore(db.parent / "enforcement.access.sqlite").entries()
    assert [(e["action"], e["outcome"]) for e in reversed(everything)] == [
        ("import", "ok"),
        ("import", "refused"),
        ("export", "ok"),
        ("export", "ok"),
    ]
    assert cli(db, "audit", "verify").returncode == 0


def test_verify_fails_after_an_entry_is_edited_behind_the_apps_back(db):
    for n in range(3):
        assert cli(db, "users", "add", f"u-{n}", "--role", "viewer", "--region", "320100").returncode == 0
    verified = cli(db, "audit", "verify")
    assert verified.returncode == 0 and "3 条记录" in verified.stdout
    with sqlite3.connect(db.parent / "enforcement.access.sqlite") as raw:
        raw.execute("drop trigger audit_log_no_update")
        raw.execute("update audit_log set actor = 'os:someone-else' where entry_id = 2")
    broken = cli(db, "audit", "verify")
    assert broken.returncode == 1
    assert "哈希链在第 2 条断开" in broken.stderr and "内容与其哈希不符" in broken.stderr


def test_a_build_is_on_record(tmp_path):
    target = tmp_path / "built" / "enforcement.duckdb"
    assert run_cli("build", "--db", str(target), env={"ENFORCEMENT_ACCESS_DB": ""}).returncode == 0
    entries = AccessStore(target.parent / "enforcement.access.sqlite").entries()
    assert [(e["action"], e["actor"], e["actor_kind"]) for e in entries] == [("build", OS_USER, "cli")]
    assert snapshot(target).counts["case_stats"] > 0


def test_accounts_from_the_command_line_in_english(db):
    added = cli(db, "users", "add", "u-en", "--role", "clerk", "--region", "320102", "--lang", "en")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Account u-en opened: clerk · ") and "(320102)" in added.stdout
    disabled = cli(db, "users", "disable", "u-en", "--lang", "en")
    assert disabled.stdout.strip() == "Account u-en is disabled"
    again = cli(db, "users", "disable", "u-en", "--lang", "en")
    assert again.stdout.strip() == "Account u-en is disabled (it already was; nothing changed)"
    listed = cli(db, "users", "list", "--lang", "en").stdout.split("\t")
    assert listed[2:5] == ["clerk", "320102", "disabled"] and listed[5].startswith("changed ")
    assert cli(db, "audit", "verify", "--lang", "en").stdout.startswith("The chain is intact: 2 entries")
    assert cli(db, "audit", "list", "--lang", "en").stdout.strip().endswith("2 entries")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("users", "add", "u-x", "--role", "viewer", "--region", "329999"), "Region code 329999 does not exist"),
        (("users", "add", "u-x", "--role", "viewer", "--region", "32x"), "a region code has 6 or 9 digits: '32x'"),
        (("users", "add", "a b", "--role", "viewer", "--region", "320100"), "invalid identity (no spaces"),
        (("users", "set-scope", "u-nobody", "--role", "viewer"), "no such account: u-nobody"),
        (("users", "set-scope", "u-nobody"), "Give at least one of --role, --region or --name"),
        (("audit", "verify"), "There is no audit trail yet: "),
    ],
)
def test_bad_input_gets_its_message_in_english_when_asked(db, args, message):
    result = cli(db, *args, "--lang", "en")
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert not re.search(r"[\u4e00-\u9fff]", result.stderr), result.stderr
