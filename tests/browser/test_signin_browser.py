"""Sign-in through a real OpenID Connect provider (oidc-provider-mock), in headless Chromium against `streamlit run`
with [auth] in a temporary secrets file and a temporary access store: a viewer of a city, an analyst of a province
and a clerk of a county each land on their own region, crafted links outside it fall back with a notice, the viewer
has no export or import, the clerk's file with one row outside the county is refused naming it and changes nothing,
and the audit trail holds all of it; `audit verify` passes, then fails once an entry is edited behind the app's back.

Nothing leaves the machine: the browser may reach the app and the provider, both on 127.0.0.1, and nothing else.
"""

from __future__ import annotations

import csv
import io
import os
import secrets
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from enforcement.access.accounts import Actor
from enforcement.access.store import AccessStore
from enforcement.access.trail import details_of
from tests.browser.conftest import (
    NOT_NETWORK,
    PHONE,
    READY,
    WIDE,
    Provider,
    Server,
    errors_shown,
    free_port,
    nav_link,
    running_provider,
    running_server,
    settle,
    shoot,
    shoot_both_sizes,
    wait_for_title,
)
from tests.conftest import PROJECT
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot

PEOPLE = [
    {"sub": "u-leader", "email": "leader@example.cn", "name": "南京 领导"},
    {"sub": "u-analyst", "email": "analyst@example.cn", "name": "江苏 分析员"},
    {"sub": "u-clerk", "email": "clerk@example.cn", "name": "玄武 填报员"},
    {"sub": "u-stranger", "email": "stranger@example.cn", "name": "没有账号的人"},
]
ACCOUNTS = {"u-leader": ("viewer", "320100"), "u-analyst": ("analyst", "320000"), "u-clerk": ("clerk", "320102")}
SIGN_IN = "统一身份认证登录"


@dataclass
class Site:
    server: Server
    provider: Provider
    access: AccessStore
    db: Path


def secrets_file(folder: Path, app_port: int, provider: Provider) -> Path:
    path = folder / "secrets.toml"
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        'client_id = "dashboard"\n'
        'client_secret = "dashboard-secret"\n'
        f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    with running_provider(PEOPLE, tmp_path_factory.mktemp("oidc")) as running:
        yield running


@pytest.fixture(scope="module")
def site(sample_db, provider, tmp_path_factory):
    """The app with sign-in on, its own database copy and access store (one account per role, none for u-stranger)."""
    folder = tmp_path_factory.mktemp("signin")
    db = copy_database(sample_db, folder / "db" / "enforcement.duckdb")
    access = AccessStore(folder / "access.sqlite")
    names = {person["sub"]: person["name"] for person in PEOPLE}
    for sub, (role, region) in ACCOUNTS.items():
        access.add_account(sub, role, region, Actor("os:tester", "tester", "cli"), names[sub])
    port = free_port()
    options = (f"--secrets.files={secrets_file(folder, port, provider)}",)
    with running_server(db, folder, args=options, env={"ENFORCEMENT_ACCESS_DB": str(access.path)}, port=port) as server:
        yield Site(server, provider, access, db)


@pytest.fixture()
def open_tab(browser):
    """A new browser profile (its own cookies) that may reach the app and the provider and nothing else."""
    opened = []

    def new_tab(site: Site, viewport: dict | None = None):
        context = browser.new_context(viewport=viewport or WIDE, accept_downloads=True, locale="zh-CN")
        allowed = (site.server.url, site.provider.url)
        outside: list[str] = []

        def route(request_route) -> None:
            request = request_route.request
            url = request.url
            if url.startswith(NOT_NETWORK) or any(url == o or url.startswith(o + "/") for o in allowed):
                request_route.continue_()
                return
            request_route.abort()
            # The test provider's own sign-in form asks a CDN for its stylesheet (and works without it); only the
            # app itself must never reach outside.
            if not request.frame.url.startswith(site.provider.url):
                outside.append(url)

        context.route("**/*", route)
        opened.append((context, outside))
        return context.new_page()

    yield new_tab
    left = [url for _, outside in opened for url in outside]
    for context, _ in opened:
        context.close()
    assert left == [], f"requests left the machine: {left}"


def sign_in(tab, site: Site, sub: str) -> None:
    """Click the gate's button, pick the person on the provider's own form, come back signed in."""
    tab.get_by_role("button", name=SIGN_IN).click()
    tab.wait_for_url(f"{site.provider.url}/oauth2/authorize*", timeout=60_000)
    tab.click(f"button[name='sub'][value='{sub}']")
    tab.wait_for_url(lambda url: url.startswith(site.server.url), timeout=60_000)
    tab.wait_for_selector(READY, timeout=120_000)


def open_page(tab, site: Site, path: str, title_start: str) -> None:
    tab.goto(f"{site.server.url}{path}")
    wait_for_title(tab, title_start)


def sidebar_links(tab) -> list[str]:
    links = tab.get_by_test_id("stSidebar").get_by_test_id("stPageLink")
    return [links.nth(i).inner_text().strip() for i in range(links.count())]


def notices(tab) -> str:
    return " ".join(tab.get_by_test_id("stAlert").all_inner_texts())


def run_cli(site: Site, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "enforcement", *args, "--db", str(site.db)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "ENFORCEMENT_ACCESS_DB": str(site.access.path)},
        timeout=120,
    )


# ----------------------------------------------------------------------------------------------- anonymous


def test_an_anonymous_request_gets_the_sign_in_page_only(site, open_tab):
    tab = open_tab(site)
    tab.goto(f"{site.server.url}/cases?region=320100&lang=en")
    wait_for_title(tab, "Administrative Enforcement Quality")
    assert tab.get_by_role("button", name="Sign in").count() == 1
    assert tab.get_by_test_id("stSidebar").count() == 0
    assert tab.get_by_test_id("stMetric").count() == 0 and tab.get_by_test_id("stPlotlyChart").count() == 0
    shoot_both_sizes(tab, "signin_anonymous_en")
    tab.goto(f"{site.server.url}/")
    wait_for_title(tab, "行政执法质量三年行动")
    shoot_both_sizes(tab, "signin_anonymous_zh")
    assert errors_shown(tab) == []


def test_an_anonymous_request_to_a_fresh_server_reads_and_builds_nothing(provider, open_tab, tmp_path):
    absent = tmp_path / "none" / "enforcement.duckdb"
    port = free_port()
    options = (f"--secrets.files={secrets_file(tmp_path, port, provider)}",)
    access = tmp_path / "access.sqlite"
    with running_server(absent, tmp_path, args=options, env={"ENFORCEMENT_ACCESS_DB": str(access)}, port=port) as fresh:
        tab = open_tab(Site(fresh, provider, AccessStore(access), absent))
        tab.goto(f"{fresh.url}/milestones?region=320100")
        wait_for_title(tab, "行政执法质量三年行动")
        assert tab.get_by_role("button", name=SIGN_IN).count() == 1
    # No database was built or opened, and nobody was recorded (there was nobody to record).
    assert not absent.parent.exists() and not access.exists()


def test_an_identity_without_an_account_sees_whom_to_ask(site, open_tab):
    tab = open_tab(site)
    tab.goto(f"{site.server.url}/")
    settle(tab)
    sign_in(tab, site, "u-stranger")
    tab.get_by_text("还没有为您开通账号").wait_for(timeout=60_000)
    assert tab.get_by_test_id("stSidebar").count() == 0 and tab.get_by_test_id("stMetric").count() == 0
    shoot_both_sizes(tab, "signin_no_account")
    refused = [e for e in site.access.entries(action="signin") if e["actor"] == "u-stranger"]
    assert [e["outcome"] for e in refused] == ["refused"]


# ----------------------------------------------------------------------------------------------- three people


def _viewer_of_a_city(site: Site, tab) -> None:
    # A shared link into the city: sign-in lands on the home page, the gate takes the person back to the link.
    tab.goto(f"{site.server.url}/milestones?region=320102")
    settle(tab)
    assert tab.get_by_role("button", name=SIGN_IN).count() == 1
    sign_in(tab, site, "u-leader")
    wait_for_title(tab, "里程碑 · 玄武区")
    assert "/milestones" in tab.url and "region=320102" in tab.url
    links = sidebar_links(tab)
    assert links == ["总览", "里程碑", "任务台账", "培训", "案件", "地区对比"]  # no export, import or admin
    open_page(tab, site, "/", "总览 · 南京市")  # the home page is the own region
    shoot_both_sizes(tab, "signin_viewer_overview")
    assert tab.get_by_role("button", name="下载CSV (Excel可直接打开)").count() == 0  # a viewer only looks
    open_page(tab, site, "/milestones?region=320500", "里程碑 · 南京市")  # 苏州市: a crafted link
    assert "链接中的地区 苏州市 (320500) 不在您的权限范围内" in notices(tab)
    open_page(tab, site, "/export?region=320100", "数据导出")
    assert "没有“导出”权限" in notices(tab)
    assert tab.get_by_role("button", name="下载 CSV").count() == 0
    open_page(tab, site, "/import", "数据导入")
    assert "没有“导入”权限" in notices(tab) and tab.get_by_test_id("stFileUploader").count() == 0
    shoot(tab, "signin_viewer_import_refused")
    # Sign out: Streamlit clears the identity cookie and sends the browser to the provider's end-session page.
    open_page(tab, site, "/", "总览 · 南京市")
    tab.get_by_test_id("stSidebar").get_by_role("button", name="退出登录").click()
    tab.wait_for_url(f"{site.provider.url}/**", timeout=60_000)
    tab.get_by_role("button", name="End session").click()
    tab.wait_for_url(lambda url: url.startswith(site.server.url), timeout=60_000)
    tab.goto(f"{site.server.url}/cases?region=320100")
    wait_for_title(tab, "行政执法质量三年行动")
    assert tab.get_by_role("button", name=SIGN_IN).count() == 1


def _analyst_of_a_province(site: Site, tab) -> dict:
    tab.goto(f"{site.server.url}/")
    settle(tab)
    sign_in(tab, site, "u-analyst")
    wait_for_title(tab, "总览 · 江苏省")
    assert sidebar_links(tab)[-2:] == ["数据导出", "评估报告"]  # exports and the report, no import
    open_page(tab, site, "/regions?region=440100", "地区对比 · 江苏省")  # 广州市
    assert "链接中的地区 广州市 (440100) 不在您的权限范围内" in notices(tab)
    nav_link(tab, "数据导出").click()
    wait_for_title(tab, "数据导出")
    open_page(tab, site, "/export?region=320100&ds=cases&from=2024-01&to=2024-12&lvl=county", "数据导出")
    with tab.expect_download() as download:
        tab.get_by_role("button", name="下载 CSV").click()
    data = Path(download.value.path()).read_bytes()
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    # The first line says what the file holds, an empty line, then the header and the rows.
    assert lines[0][0].startswith("数据集: 案件统计") and lines[1] == [] and lines[2][0] == "地区代码"
    rows = lines[3:]
    assert data.startswith(b"\xef\xbb\xbf") and rows and all(row[0].startswith("3201") for row in rows)
    shoot_both_sizes(tab, "signin_analyst_export")
    return {"rows": len(rows), "file_name": download.value.suggested_filename}


def _clerk_of_a_county(site: Site, tab) -> None:
    tab.goto(f"{site.server.url}/")
    settle(tab)
    sign_in(tab, site, "u-clerk")
    wait_for_title(tab, "总览 · 玄武区")
    open_page(tab, site, "/cases?region=320104", "案件 · 玄武区")  # 秦淮区, the neighbour
    assert "链接中的地区 秦淮区 (320104) 不在您的权限范围内" in notices(tab)
    before = snapshot(site.db)
    open_page(tab, site, "/import", "数据导入")
    data = csv_file([CASE_HEADER, case_row(count_penalty=61), case_row(region="320104", name="秦淮区")])
    tab.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "玄武区_2025-11.csv", "mimeType": "text/csv", "buffer": data}]
    )
    settle(tab)
    tab.get_by_text("文件中有 1 个问题, 未导入任何数据").wait_for(timeout=120_000)
    grid = tab.locator("[data-testid='stDataFrame']:visible table[role='grid']").last.evaluate(
        "t => Array.from(t.querySelectorAll('tbody tr')).map(r => Array.from(r.querySelectorAll('td')).map(c => c.textContent))"
    )
    # on a phone the grid draws the columns on screen: the row and, second, the reason (it was off-screen)
    assert len(grid) == 1 and grid[0][0] == "3" and "320104" in grid[0][1] and "不在您的管辖范围内" in grid[0][1]
    assert tab.get_by_role("button", name="3. 确认导入").count() == 0
    shoot_both_sizes(tab, "signin_clerk_out_of_scope_row")
    assert snapshot(site.db) == before


def test_a_viewer_an_analyst_and_a_clerk_each_see_their_part_and_it_is_all_on_record(site, open_tab):
    _viewer_of_a_city(site, open_tab(site))
    exported = _analyst_of_a_province(site, open_tab(site))
    _clerk_of_a_county(site, open_tab(site, PHONE))

    trail = list(reversed(site.access.entries()))
    by = {(e["actor"], e["action"], e["outcome"]) for e in trail}
    for expected in [
        ("u-leader", "signin", "ok"),
        ("u-leader", "link_out_of_scope", "refused"),
        ("u-leader", "page_forbidden", "refused"),
        ("u-leader", "signout", "ok"),
        ("u-analyst", "signin", "ok"),
        ("u-analyst", "link_out_of_scope", "refused"),
        ("u-analyst", "export", "ok"),
        ("u-clerk", "signin", "ok"),
        ("u-clerk", "link_out_of_scope", "refused"),
        ("u-clerk", "import", "refused"),
    ]:
        assert expected in by, expected
    forbidden = [details_of(e)["page"] for e in trail if e["action"] == "page_forbidden"]
    assert forbidden == ["nav_export", "nav_import"]
    export = next(e for e in trail if e["action"] == "export")
    details = details_of(export)
    assert (export["region_code"], export["period_from"], export["period_to"]) == ("320100", "2024-01", "2024-12")
    assert details["dataset"] == "cases" and details["level"] == "county" and details["rows"] == exported["rows"]
    assert details["file_name"] == exported["file_name"] and details["as_of"] == "2025-12-31"
    refused = next(e for e in trail if e["action"] == "import")
    assert details_of(refused)["rows_outside_scope"] == [3]
    assert details_of(refused)["file_name"] == "玄武区_2025-11.csv" and refused["actor_role"] == "clerk"
    requested = sorted(details_of(e)["requested"] for e in trail if e["action"] == "link_out_of_scope")
    assert requested == ["320104", "320500", "440100"]

    # The auditor's question, from the command line: who downloaded 南京市's 2024 figures.
    listed = run_cli(site, "audit", "list", "--region", "320100", "--period", "2024", "--action", "export")
    assert listed.returncode == 0 and "u-analyst" in listed.stdout and "共 1 条" in listed.stdout

    verified = run_cli(site, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    assert f"{len(trail)} 条记录" in verified.stdout

    # An edit behind the app's back (dropping the trigger that refuses it) breaks the chain at that entry.
    with sqlite3.connect(site.access.path) as raw:
        raw.execute("drop trigger audit_log_no_update")
        raw.execute("update audit_log set actor = 'u-someone-else' where entry_id = ?", (export["entry_id"],))
    broken = run_cli(site, "audit", "verify")
    assert broken.returncode == 1
    assert f"哈希链在第 {export['entry_id']} 条断开" in broken.stderr
