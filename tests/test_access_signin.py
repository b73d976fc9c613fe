"""How the app decides who is using it (sign-in mode, loopback, session age, identity) and where a link returns after
sign-in; roles and the audit trail's filters. Pure rules, no Streamlit server."""

from __future__ import annotations

import datetime as dt
import json
import time
from urllib.parse import quote

import pytest

from enforcement.access import roles, signin, trail
from enforcement.access.accounts import Actor, management_problem
from enforcement.access.scope import Scope
from enforcement.ui.gate import RETURN_SECONDS, parse_return_cookie, return_cookie, url_path

PAGES = {"": "app.py", "milestones": "pages/1_milestones.py", "export": "pages/6_export.py"}


@pytest.mark.parametrize(
    ("address", "local"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        (None, False),  # Streamlit's default: every interface
        ("0.0.0.0", False),
        ("::", False),
        ("10.1.2.3", False),
        ("", False),
        ("intranet.example", False),
    ],
)
def test_loopback_addresses(address, local):
    assert signin.is_loopback(address) is local


def test_the_mode_follows_the_secrets_unless_chosen():
    assert signin.mode(False, {}) == "off" and signin.mode(True, {}) == "oidc"
    assert signin.mode(False, {signin.MODE_ENV: "proxy"}) == "proxy"
    for has_auth, chosen in ((False, "oidc"), (True, "off"), (False, "ldap")):
        with pytest.raises(signin.SigninConfigError):
            signin.mode(has_auth, {signin.MODE_ENV: chosen})


def test_the_proxy_mode_needs_loopback_and_an_email_header():
    signin.check_proxy("127.0.0.1", {"X-Auth-Request-Email": "email"})
    with pytest.raises(signin.SigninConfigError, match="loopback"):
        signin.check_proxy("0.0.0.0", {"X-Auth-Request-Email": "email"})
    with pytest.raises(signin.SigninConfigError, match="trustedUserHeaders"):
        signin.check_proxy("127.0.0.1", {"X-User": "name"})


def test_a_session_ends_after_its_hours_and_a_token_without_a_time_is_expired():
    now = dt.datetime(2026, 12, 4, 12, tzinfo=dt.UTC)
    hours = signin.session_hours({})
    assert hours == signin.DEFAULT_SESSION_HOURS
    assert not signin.session_expired(now.timestamp() - 3600 * hours + 5, now, hours)
    assert signin.session_expired(now.timestamp() - 3600 * hours - 5, now, hours)
    assert signin.session_expired(None, now, hours) and signin.session_expired("1700000000", now, hours)
    assert signin.session_hours({signin.SESSION_HOURS_ENV: "8"}) == 8
    with pytest.raises(signin.SigninConfigError):
        signin.session_hours({signin.SESSION_HOURS_ENV: "forever"})


def test_the_identity_is_the_sub_or_the_email():
    claims = {"is_logged_in": True, "sub": "u-1", "email": "A@x.cn", "name": "甲", "iat": 1700000000}
    identity = signin.Identity.from_claims(claims)
    assert (identity.label, identity.email, identity.name, identity.issued_at) == ("u-1", "A@x.cn", "甲", 1.7e9)
    assert signin.Identity.from_claims({"email": "p@x.cn", "sub": "ignored"}, proxy=True).label == "p@x.cn"
    assert signin.Identity.from_claims({"email": None, "name": None}, proxy=True) is None  # proxy sent no header
    assert signin.Identity.from_claims({"is_logged_in": True}) is None


def test_roles_each_add_one_right():
    assert [r for r in roles.ROLES if roles.may(r, "export")] == ["analyst", "clerk", "admin"]
    assert [r for r in roles.ROLES if roles.may(r, "import")] == ["clerk", "admin"]
    assert [r for r in roles.ROLES if roles.may(r, "manage")] == ["admin"]
    assert all(roles.may(r, "browse") for r in roles.ROLES)
    assert not roles.may("boss", "browse") and not roles.may(None, "browse") and not roles.may("admin", "fly")
    assert roles.may_open("viewer", "nav_overview") and not roles.may_open("viewer", "nav_export")
    assert not roles.may_open("analyst", "nav_import") and roles.may_open("clerk", "nav_import")


def test_an_administrator_manages_only_their_subtree_and_not_themselves():
    jiangsu = Scope("320000")
    assert management_problem(jiangsu, "u-admin", "u-clerk", "320102") is None
    assert management_problem(jiangsu, "u-admin", "u-clerk", "440100") == "outside"
    assert management_problem(jiangsu, "Admin@X.cn", "admin@x.cn", "320000") == "own"


# ----------------------------------------------------------------------------------------------- returning after sign-in


def test_url_paths_of_the_pages_router():
    assert url_path("app.py") == ""
    assert url_path("pages/1_milestones.py") == "milestones"
    assert url_path("pages/8_admin.py") == "admin"


def test_a_fresh_cookie_returns_to_one_of_our_pages_with_its_query():
    now = time.time()
    raw = return_cookie("/milestones?region=320100&st=overdue&st=due_soon", "n1", now)
    found = parse_return_cookie(raw, now + 5, PAGES)
    assert found.script == "pages/1_milestones.py" and found.nonce == "n1"
    assert found.query_params == {"region": "320100", "st": ["overdue", "due_soon"]}


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/milestones", "//evil.example/milestones", "/not-a-page?region=1", "milestones", "/../x"],
)
def test_a_cookie_never_leads_off_our_pages(target):
    now = time.time()
    assert parse_return_cookie(return_cookie(target, "n", now), now, PAGES) is None


def test_a_stale_or_mangled_cookie_is_ignored():
    now = time.time()
    assert parse_return_cookie(return_cookie("/milestones", "n", now - RETURN_SECONDS - 1), now, PAGES) is None
    assert parse_return_cookie(return_cookie("/milestones", "n", now + 60), now, PAGES) is None  # from the future
    assert parse_return_cookie("not json", now, PAGES) is None
    assert parse_return_cookie(quote(json.dumps({"to": "/milestones"})), now, PAGES) is None


def test_the_cookie_value_is_safe_inside_a_script():
    raw = return_cookie("/milestones?region='</script><script>alert(1)//", "n", time.time())
    assert all(c.isalnum() or c in "%_.-~" for c in raw)


# ----------------------------------------------------------------------------------------------- finding entries


def _entry(action: str, region: str | None, first: str | None = None, last: str | None = None, regions=None):
    details = json.dumps({"regions": regions} if regions else {})
    return {"action": action, "region_code": region, "period_from": first, "period_to": last, "details": details}


def test_who_changed_and_who_downloaded_a_citys_figures_of_a_year():
    nanjing, year = "320100", trail.Period.parse("2024")
    entries = {
        "import of 玄武区 2024": _entry("import", "320102", "2024-01", "2024-12", ["320102"]),
        "import of 苏州 2024": _entry("import", "320500", "2024-01", "2024-12", ["320500"]),
        "province-wide import with a 南京 row": _entry("import", "320000", "2024-03", "2024-03", ["320000", "320104"]),
        "province's own figures": _entry("import", "320000", "2024-03", "2024-03", ["320000"]),
        "import of 玄武区 2023": _entry("import", "320102", "2023-01", "2023-12", ["320102"]),
        "export of 江苏省": _entry("export", "320000", "2023-01", "2025-12"),
        "export of the nation": _entry("export", "000000", "2024-06", "2024-06"),
        "export of 玄武区": _entry("export", "320102", "2024-01", "2024-02"),
        "export of 苏州": _entry("export", "320500", "2024-01", "2024-12"),
        "export of 南京 2025": _entry("export", "320100", "2025-01", "2025-12"),
        "sign-in": _entry("signin", "320100"),
    }
    chosen = trail.select(list(entries.values()), region_code=nanjing, period=year)
    names = [name for name, entry in entries.items() if entry in chosen]
    assert names == [
        "import of 玄武区 2024",
        "province-wide import with a 南京 row",
        "export of 江苏省",
        "export of the nation",
        "export of 玄武区",
    ]
    # An administrator of 苏州 never sees 南京's entries; the whole country's administrators see all.
    visible = trail.select(list(entries.values()), visible_to="320500")
    assert {e["region_code"] for e in visible} == {"320500", "320000", "000000"}
    assert len(trail.select(list(entries.values()), visible_to="000000")) == len(entries)


def test_data_periods():
    assert trail.Period.parse("2024-03") == trail.Period("2024-03", "2024-03")
    assert trail.Period.parse("2024-01:2024-06") == trail.Period("2024-01", "2024-06")
    for bad in ("24", "2024-13", "2024-06:2024-01", ""):
        with pytest.raises(ValueError):
            trail.Period.parse(bad)


def test_an_event_must_be_one_we_know():
    with pytest.raises(ValueError):
        trail.Event("delete_everything", Actor("x", "x", "cli"))
    with pytest.raises(ValueError):
        trail.Event("export", Actor("x", "x", "cli"), period_from="2024")
