"""The gate on every page, with AppTest and `at.user` (the identity st.user reports once the provider has signed a
person in; the provider itself is exercised in tests/browser/test_signin_browser.py): anonymous requests, identities
without an account, roles, region scope, imports limited to the subtree, the admin page, and sign-in off."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit import config
from streamlit.testing.v1 import AppTest

from enforcement.access.accounts import Actor
from enforcement.access.store import AccessStore
from enforcement.storage import store
from enforcement.storage.runner import QueryRunner
from enforcement.ui import frame, gate
from tests.conftest import PROJECT
from tests.transfer_support import CASE_HEADER, case_row, copy_database, csv_file, snapshot

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "dashboard",
    "client_secret": "dashboard-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
CLI = Actor("os:tester", "tester", "cli")
PEOPLE = {
    # sub: (role, region, name)
    "u-leader": ("viewer", "320100", "南京 领导"),
    "u-analyst": ("analyst", "320000", "江苏 分析员"),
    "u-clerk": ("clerk", "320102", "玄武 填报员"),
    "u-admin": ("admin", "320000", "江苏 管理员"),
    "u-gone": ("analyst", "320100", "已停用"),
}


@pytest.fixture()
def access(sample_db, tmp_path, monkeypatch) -> AccessStore:
    """An access store of its own with one account per role; the app finds it through ENFORCEMENT_ACCESS_DB."""
    path = tmp_path / "access.sqlite"
    monkeypatch.setenv("ENFORCEMENT_ACCESS_DB", str(path))
    accounts = AccessStore(path)
    for sub, (role, region, name) in PEOPLE.items():
        accounts.add_account(sub, role, region, CLI, name)
    accounts.change_account("u-gone", CLI, enabled=False)
    return accounts


def user(sub: str, **claims) -> dict:
    return {"is_logged_in": True, "sub": sub, "email": f"{sub}@example.cn", "name": sub, "iat": time.time(), **claims}


def run(who: dict, page: str = "app.py", **params) -> AppTest:
    """A page as the person who sees it after signing in through the provider (sign-in on: [auth] in the secrets)."""
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    at.secrets["auth"] = AUTH
    at.user = who
    for key, value in params.items():
        at.query_params[key] = value
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def texts(at: AppTest) -> str:
    """Everything a person reads on the page: text elements, tables and charts."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "info", "error", "success"):
        parts += [str(element.value) for element in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [d.value.to_string() for d in at.dataframe]
    parts += [element.proto.spec for element in at.get("plotly_chart")]
    parts += [" ".join(map(str, box.options)) for box in at.selectbox]
    return "\n".join(parts)


def nav(at: AppTest) -> list[str]:
    return [link.label for link in at.sidebar.get("page_link")]


def entries(access: AccessStore, action: str | None = None) -> list[dict]:
    return [e for e in reversed(access.entries()) if action is None or e["action"] == action]


@pytest.fixture()
def runner_calls(monkeypatch) -> list[str]:
    """The names of the statements the runner executes (nothing cached hides a query: the caches are cleared)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    frame._choices.cache_clear()
    frame._cached_query.cache_clear()
    frame._cached_build.cache_clear()
    calls: list[str] = []
    real = QueryRunner._running

    def counting(self, statement, frames=None):
        calls.append(statement.name)
        return real(self, statement, frames)

    monkeypatch.setattr(QueryRunner, "_running", counting)
    return calls


# ----------------------------------------------------------------------------------------------- who gets in


@pytest.mark.parametrize("page", [script for script, _ in frame.PAGES])
def test_an_anonymous_request_sees_only_the_sign_in_page_and_runs_no_query(access, runner_calls, page):
    at = run({"is_logged_in": False}, page, region="320100")
    assert not at.exception
    assert [t.value for t in at.title] == ["行政执法质量三年行动 进度看板"]
    assert [b.label for b in at.button] == ["统一身份认证登录"]
    assert len(at.sidebar) == 0 and not at.dataframe and not at.metric and not at.get("plotly_chart")
    assert runner_calls == []
    assert entries(access, "signin") == []


def test_an_anonymous_request_does_not_even_build_a_missing_database(access, tmp_path, monkeypatch):
    absent = tmp_path / "nothing" / "enforcement.duckdb"
    monkeypatch.setenv(store.ENV_VAR, str(absent))
    at = run({"is_logged_in": False}, "pages/4_cases.py")
    assert not at.exception and not absent.parent.exists()


def test_an_identity_without_an_account_is_told_whom_to_ask_and_sees_nothing(access, runner_calls):
    at = run(user("u-stranger"))
    assert not at.exception
    shown = texts(at)
    assert "还没有为您开通账号" in shown and "u\\-stranger" in shown  # the provider's name, shown as plain text
    assert "江苏 管理员 (320000)" in shown  # whom to ask
    assert runner_calls == [] and len(at.sidebar) == 0
    refused = entries(access, "signin")
    assert [(e["outcome"], e["actor"]) for e in refused] == [("refused", "u-stranger")]
    assert '"reason":"no_account"' in refused[0]["details"]


def test_a_disabled_account_sees_nothing(access, runner_calls):
    at = run(user("u-gone"))
    assert "已被停用" in texts(at) and runner_calls == []
    assert '"reason":"disabled"' in entries(access, "signin")[0]["details"]


def test_an_old_sign_in_must_sign_in_again(access, runner_calls):
    at = run(user("u-leader", iat=time.time() - 13 * 3600), "pages/1_milestones.py")
    assert "请重新登录" in texts(at) and [b.label for b in at.button] == ["统一身份认证登录"]
    assert runner_calls == []


def test_a_sign_in_is_recorded_once_per_token(access):
    who = user("u-leader")
    run(who)
    run(who, "pages/3_training.py")  # another page, another session, the same sign-in
    signins = entries(access, "signin")
    assert [(e["actor"], e["outcome"], e["region_code"], e["actor_role"]) for e in signins] == [
        ("u-leader", "ok", "320100", "viewer")
    ]
    run(user("u-leader", iat=time.time() + 1))  # signed in again: a new token
    assert len(entries(access, "signin")) == 2


# ----------------------------------------------------------------------------------------------- roles


def test_the_navigation_shows_only_the_pages_of_the_role(access):
    assert nav(run(user("u-leader"))) == ["总览", "里程碑", "任务台账", "培训", "案件", "地区对比"]
    assert nav(run(user("u-analyst")))[-2:] == ["数据导出", "评估报告"]  # a report takes the figures away too
    assert nav(run(user("u-clerk")))[-3:] == ["数据导出", "数据导入", "评估报告"]
    assert nav(run(user("u-admin")))[-4:] == ["数据导出", "数据导入", "评估报告", "管理"]


@pytest.mark.parametrize(
    ("sub", "page", "right"),
    [
        ("u-leader", "pages/6_export.py", "导出"),
        ("u-leader", "pages/7_import.py", "导入"),
        ("u-analyst", "pages/7_import.py", "导入"),
        ("u-clerk", "pages/8_admin.py", "管理"),
    ],
)
def test_a_forbidden_page_opened_by_url_is_refused_and_recorded(access, runner_calls, sub, page, right):
    at = run(user(sub), page)
    assert not at.exception
    assert any(f"没有“{right}”权限" in e.value for e in at.error)
    assert not at.get("download_button") and not at.get("file_uploader") and runner_calls == []
    refused = entries(access, "page_forbidden")
    assert [(e["actor"], e["outcome"]) for e in refused] == [(sub, "refused")]


def test_a_viewer_has_no_download_of_any_table_and_an_analyst_has(access):
    viewer = run(user("u-leader"), "pages/3_training.py")
    assert not viewer.exception and viewer.get("download_button") == []
    analyst = run(user("u-analyst"), "pages/3_training.py", region="320100")
    assert len(analyst.get("download_button")) > 3


# ----------------------------------------------------------------------------------------------- region scope


@pytest.mark.parametrize(
    "asked",
    [
        "![x](http://127.0.0.1:9999/p.png)",
        "[点此下载正式数据](http://example.cn)",
        "<img src=x onerror=alert(1)>",
        "99999a",
    ],
)
def test_a_crafted_region_in_a_link_is_quoted_as_text_in_the_notice(access, asked):
    """Signed in too, a region that is no code is quoted as text (the filters refuse it before the scope sees it)."""
    at = run(user("u-leader"), region=asked, lang="zh")
    notices = [w.value for w in at.warning if asked in w.value]
    assert len(notices) == 1 and f"`{asked}`" in notices[0]  # a code span: no link, image or HTML comes alive
    assert "南京市" in at.title[0].value and at.query_params["region"] in ("320100", ["320100"])


def test_a_signed_in_person_lands_on_their_region(access):
    at = run(user("u-leader"))
    assert at.title[0].value == "总览 · 南京市"
    assert at.query_params["region"] in ("320100", ["320100"])
    assert "已登录: u\\-leader · 领导 · 南京市" in [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize("page", ["app.py", "pages/1_milestones.py", "pages/3_training.py", "pages/5_regions.py"])
@pytest.mark.parametrize("outside", ["320500", "320000", "000000", "440100"])
def test_a_link_outside_the_region_falls_back_with_a_notice(access, page, outside):
    at = run(user("u-leader"), page, region=outside, lang="zh")
    assert not at.exception
    named = {
        "320500": "苏州市 (320500)",
        "320000": "江苏省 (320000)",
        "000000": "全国 (000000)",
        "440100": "广州市 (440100)",
    }
    assert any(
        f"链接中的地区 {named[outside]} 不在您的权限范围内" in w.value and "南京市" in w.value for w in at.warning
    )
    assert "南京市" in at.title[0].value and at.query_params["region"] in ("320100", ["320100"])
    refused = entries(access, "link_out_of_scope")
    assert len(refused) == 1 and f'"requested":"{outside}"' in refused[0]["details"]


def test_a_link_inside_the_region_is_followed(access):
    at = run(user("u-leader"), "pages/5_regions.py", region="320102")
    assert at.title[0].value == "地区对比 · 玄武区" and not at.warning[1:]
    assert entries(access, "link_out_of_scope") == []


def test_the_sidebar_lists_only_the_path_down_and_the_subtree(access, con):
    at = run(user("u-clerk"))  # 玄武区
    boxes = {box.label: box.options for box in at.sidebar.selectbox}
    assert boxes["省"] == ["江苏省"] and boxes["市"] == ["南京市"] and boxes["县"] == ["玄武区"]
    children = con.execute("select region_name from regions where parent_code = '320102'").fetchall()
    assert boxes["乡镇(街道)"][0] == "(全部)" and sorted(boxes["乡镇(街道)"][1:]) == sorted(n for (n,) in children)


def test_the_breadcrumb_above_the_region_is_not_a_link(access):
    at = run(user("u-leader"), "pages/5_regions.py", region="320102")
    links = [link.label for link in at.main.get("page_link")]
    assert "南京市" in links  # inside: a link back up
    assert "江苏省" not in links and "全国" not in links  # above: names only
    assert "江苏省" in [m.value for m in at.markdown]


def test_the_overview_keeps_the_parents_average_and_drops_the_siblings(access, monkeypatch):
    """The indicator query runs on the parent and returns every sibling: the page keeps the region and the parent."""
    seen = []
    real = frame.visible_rows

    def spy(result, scope):
        shown = real(result, scope)
        if "scope" in result.columns and "parent_value" in result.columns:
            seen.append((set(result["region_code"]), set(shown["region_code"])))
        return shown

    monkeypatch.setattr(frame, "visible_rows", spy)
    frame._cached_query.cache_clear()
    frame._cached_build.cache_clear()  # the overview's content is kept per scope: build it again, through the spy
    at = run(user("u-clerk"))  # 玄武区: the query runs on 南京市 and returns its 11 districts
    assert not at.exception and at.title[0].value == "总览 · 玄武区"
    on_parent = [(before, after) for before, after in seen if "320100" in before]
    assert on_parent and all(len(before) > 5 for before, _ in on_parent)
    assert all(after == {"320102", "320100"} for _, after in on_parent)
    assert "秦淮区" not in texts(at)


def test_a_province_analyst_sees_the_province_and_below(access):
    at = run(user("u-analyst"), "pages/5_regions.py")
    assert at.title[0].value == "地区对比 · 江苏省"
    assert "南京市" in texts(at) and "苏州市" in texts(at)


# ----------------------------------------------------------------------------------------------- imports


@pytest.fixture()
def page_db(sample_db, tmp_path, monkeypatch):
    db = copy_database(sample_db, tmp_path / "db" / "enforcement.duckdb")
    monkeypatch.setenv(store.ENV_VAR, str(db))
    return db


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    return at.file_uploader(key="x_upload_0").set_value((name, data, "text/csv")).run()


def test_a_clerks_file_with_a_row_outside_the_county_is_refused_naming_it(access, page_db):
    before = snapshot(page_db)
    at = run(user("u-clerk"), "pages/7_import.py")
    data = csv_file([CASE_HEADER, case_row(count_penalty=61), case_row(region="320104", name="秦淮区")])
    at = upload(at, "玄武区.csv", data)
    assert not at.exception
    assert any("文件中有 1 个问题, 未导入任何数据" in e.value for e in at.error)
    report = next(d.value for d in at.dataframe if "问题" in d.value.columns)
    assert report[["行", "列", "值"]].values.tolist() == [[3, "地区代码", "320104"]]
    assert "不在您的管辖范围内" in report["问题"].iloc[0] and "玄武区 (320102)" in report["问题"].iloc[0]
    assert snapshot(page_db) == before
    refused = entries(access, "import")
    assert [(e["actor"], e["outcome"]) for e in refused] == [("u-clerk", "refused")]
    assert '"rows_outside_scope":[3]' in refused[0]["details"] and '"file_name":"玄武区.csv"' in refused[0]["details"]


def test_an_english_clerk_reads_the_refusal_in_english_and_the_trail_still_names_the_row(access, page_db):
    at = run(user("u-clerk"), "pages/7_import.py", lang="en")
    data = csv_file([CASE_HEADER, case_row(count_penalty=61), case_row(region="320104", name="秦淮区")])
    at = upload(at, "xuanwu.csv", data)
    assert not at.exception
    report = next(d.value for d in at.dataframe if "Problem" in d.value.columns)
    reason = report["Problem"].iloc[0]
    assert "outside your jurisdiction" in reason and "玄武区 (320102)" in reason and "管辖" not in reason
    refused = entries(access, "import")
    assert '"rows_outside_scope":[3]' in refused[0]["details"]


def test_a_clerks_file_inside_the_county_loads_and_names_the_clerk(access, page_db):
    at = run(user("u-clerk"), "pages/7_import.py")
    data = csv_file([CASE_HEADER, case_row(count_penalty=61), case_row(region="320102002", name="梅园新村街道")])
    at = upload(at, "玄武区.csv", data)
    at.button(key="x_import_go").click().run()
    assert not at.exception and any("导入完成" in s.value for s in at.success)
    history = next(d.value for d in at.dataframe if "文件名" in d.value.columns)
    assert history["导入方式"].iloc[0] == "网页上传 (u-clerk, u-clerk)"
    done = entries(access, "import")
    assert [(e["outcome"], e["region_code"], e["period_from"]) for e in done] == [("ok", "320102", "2025-11")]
    assert '"rows_inserted":0' in done[0]["details"] and '"rows_replaced":2' in done[0]["details"]


# ----------------------------------------------------------------------------------------------- admin page


def test_the_admin_page_adds_accounts_inside_its_region_only(access):
    at = run(user("u-admin"), "pages/8_admin.py")
    assert not at.exception
    accounts = at.dataframe[0].value
    assert set(accounts["身份标识"]) == set(PEOPLE)  # all in 江苏省
    at.text_input(key="ad_add_identity").input("guangzhou@example.cn")
    at.text_input(key="ad_add_region").input("440100")
    at = at.get("form_submit_button")[0].click().run()
    assert any("不在您可管理的范围" in e.value for e in at.error)
    assert access.account("guangzhou@example.cn") is None
    at.text_input(key="ad_add_identity").input("Suzhou@Example.cn")
    at.text_input(key="ad_add_region").input("320500")
    at.selectbox(key="ad_add_role").select("analyst")
    at = at.get("form_submit_button")[0].click().run()
    assert any("已开通账号 suzhou@example.cn" in s.value for s in at.success)
    added = access.account("suzhou@example.cn")
    assert (added.role, added.region_code, added.created_by) == ("analyst", "320500", "u-admin")
    assert [(e["actor"], e["region_code"]) for e in entries(access, "account_add")][-1] == ("u-admin", "320500")


def test_an_english_admin_is_told_in_english_why_an_account_cannot_be_added(access):
    at = run(user("u-admin"), "pages/8_admin.py", lang="en")
    at.text_input(key="ad_add_identity").input("has space@example.cn")
    at.text_input(key="ad_add_region").input("320500")
    at = at.get("form_submit_button")[0].click().run()
    assert [e.value for e in at.error] == [
        "invalid identity (no spaces or control characters, at most 256 characters): 'has space@example.cn'"
    ]
    at.text_input(key="ad_add_identity").input("u-clerk")  # already has an account
    at = at.get("form_submit_button")[0].click().run()
    assert [e.value for e in at.error] == [
        "the account already exists: u-clerk (change its role or region with set-scope)"
    ]
    assert access.account("has space@example.cn") is None and access.account("u-clerk").region_code == "320102"


@pytest.mark.parametrize(("lang", "region"), [("en", "China"), ("zh", "全国")])
def test_a_national_admin_is_told_its_region_in_the_page_s_language(access, lang, region):
    access.add_account("u-nation", "admin", "000000", CLI, "全国 管理员")
    at = run(user("u-nation"), "pages/8_admin.py", lang=lang)
    assert not at.exception
    scope = next(c.value for c in at.caption if c.value.startswith(("You manage", "您可以管理")))
    assert f" {region} " in f" {scope} " and (lang == "zh" or "全国" not in scope)


def test_the_admin_page_filters_the_trail_by_region_and_period(access):
    run(user("u-leader"), region="320500")  # a refused link, filed under 南京市
    at = run(user("u-admin"), "pages/8_admin.py")
    at.text_input(key="ad_region").input("320100").run()
    trail = at.dataframe[-1].value
    assert not trail.empty and set(trail["地区代码"]) <= {"320100", "320102", "320000"}  # 南京, inside it, above it
    assert "越权链接" in set(trail["操作"])
    at.text_input(key="ad_period").input("2024").run()
    assert at.dataframe[-1].value.empty  # no entry concerns figures of 2024 yet
    at.button(key="ad_verify").click().run()
    assert any("哈希链完整" in s.value for s in at.success)


# ----------------------------------------------------------------------------------------------- sign-in off


@pytest.fixture()
def network_address():
    """The app as started with --server.address=0.0.0.0 and no sign-in."""
    config.set_option("server.address", "0.0.0.0")
    yield
    config.set_option("server.address", "127.0.0.1")


def run_unsigned(page: str = "app.py", **params) -> AppTest:
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def test_with_sign_in_off_every_page_says_it_is_for_this_machine(sample_db):
    at = run_unsigned("pages/4_cases.py")
    assert not at.exception
    assert "未启用登录: 仅限本机使用" in at.caption[0].value
    assert nav(at)[-4:] == ["数据导出", "数据导入", "评估报告", "管理"]


def test_with_sign_in_off_on_the_network_imports_and_exports_are_refused(sample_db, network_address, tmp_path):
    overview = run_unsigned()
    assert any("在网络地址 0.0.0.0 上运行" in w.value for w in overview.warning)
    assert nav(overview) == ["总览", "里程碑", "任务台账", "培训", "案件", "地区对比"]
    assert overview.get("download_button") == []
    for page in ("pages/6_export.py", "pages/7_import.py", "pages/8_admin.py", "pages/9_report.py"):
        at = run_unsigned(page)
        assert any("拒绝导入、导出和账号管理" in e.value for e in at.error), page
        assert not at.get("file_uploader") and not at.get("download_button")


# ----------------------------------------------------------------------------------------------- configuration


def test_a_secrets_file_that_cannot_be_read_fails_closed(tmp_path):
    from streamlit.runtime.secrets import secrets_singleton

    broken = tmp_path / "secrets.toml"
    broken.write_text("[auth\nredirect_uri = ", encoding="utf-8")
    saved = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(broken)])
    secrets_singleton._reset()
    try:
        with pytest.raises(gate.SecretsUnreadable):
            gate.auth_configured()
        broken.unlink()
        assert gate.auth_configured() is False  # no file at all: sign-in off
    finally:
        config.set_option("secrets.files", saved)
        secrets_singleton._reset()


def test_trusted_header_mode_takes_the_proxys_email(access, monkeypatch):
    access.add_account("leader@example.cn", "viewer", "320100", CLI, "南京 领导 (代理)")
    monkeypatch.setenv("ENFORCEMENT_SIGNIN", "proxy")
    config.set_option("server.trustedUserHeaders", {"X-Auth-Request-Email": "email"})
    try:
        at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
        at.user = {"email": "Leader@Example.cn", "name": None}
        at.run()
        assert not at.exception and at.title[0].value == "总览 · 南京市"
        assert [(e["actor"], e["actor_kind"]) for e in entries(access, "signin")] == [("Leader@Example.cn", "proxy")]
        anonymous = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
        anonymous.user = {"email": None, "name": None}  # the header did not arrive
        anonymous.run()
        assert any("反向代理没有传来" in e.value for e in anonymous.error) and not anonymous.metric
    finally:
        config.set_option("server.trustedUserHeaders", {})


def test_trusted_header_mode_refuses_a_network_address(access, monkeypatch, network_address):
    monkeypatch.setenv("ENFORCEMENT_SIGNIN", "proxy")
    config.set_option("server.trustedUserHeaders", {"X-Auth-Request-Email": "email"})
    try:
        at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
        at.user = {"email": "leader@example.cn"}
        at.run()
        assert any("loopback" in e.value for e in at.error) and not at.metric
    finally:
        config.set_option("server.trustedUserHeaders", {})


def test_the_store_path_is_shown_to_admins(access):
    at = run(user("u-admin"), "pages/8_admin.py")
    assert str(Path(access.path)) in at.caption[0].value or str(access.path) in texts(at)
