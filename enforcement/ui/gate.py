"""The gate every page passes first: who is asking, may they open this page, which regions may they see.

page_frame calls ``admit`` before it opens the database: with sign-in on, an anonymous request gets the sign-in page
and nothing else (no query runs), a signed-in identity without an account gets a page saying whom to ask, and a page
the role may not open gets a refusal; each refusal is recorded in the audit trail. ``confine`` then keeps the region
inside the account's subtree: a link, a drill-down or a breadcrumb to a region outside falls back to the account's
own region with a notice. With sign-in off (no [auth] in the secrets) the app serves only this machine and says so.

Streamlit's sign-in always returns to the home page, which loses the page and filters a shared link named. The
gate keeps them in a short-lived first-party cookie (10 minutes, one use, only paths of this app's own pages) and
takes the person there after sign-in.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets as token_source
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from enforcement.access import roles, signin
from enforcement.access.accounts import Account, Actor
from enforcement.access.scope import NATION_CODE, Scope, is_region_code
from enforcement.access.store import AccessStore, StoreError
from enforcement.access.trail import Event
from enforcement.i18n import plain as code_span
from enforcement.i18n import t
from enforcement.rules.filters import MAX_PARAM_LENGTH, Filters

RETURN_COOKIE = "enforcement_return_to"
# Names and identities come from the identity provider: shown as text, never as Markdown.
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})
RETURN_SECONDS = 600
log = logging.getLogger(__name__)


class SecretsUnreadable(RuntimeError):
    """A secrets file exists but cannot be read: whether sign-in is on is unknown, so nothing is shown."""


@dataclass
class Viewer:
    """Who is looking at a page, how they were identified, and what they may do."""

    mode: str  # off, oidc, proxy (see enforcement.access.signin)
    actor: Actor
    store: AccessStore
    account: Account | None = None  # None with sign-in off
    network_refusal: bool = False  # sign-in off on a network address: browsing only

    @property
    def scope(self) -> Scope:
        return self.account.scope if self.account is not None else Scope(NATION_CODE)

    @property
    def scope_key(self) -> str | None:
        """What cached results are keyed on, so that two scopes never share an entry (None: nothing hidden)."""
        return self.scope.cache_key

    @property
    def signed_in(self) -> bool:
        return self.mode != "off"

    def may(self, right: str) -> bool:
        if self.account is not None:
            return self.account.may(right)
        return right == "browse" or (not self.network_refusal and roles.may(self.actor.role, right))

    def may_open(self, nav_key: str) -> bool:
        return self.may(roles.page_right(nav_key))

    def record(self, event: Event) -> int | None:
        """Append to the audit trail (safe from a download's thread: no Streamlit call)."""
        return self.store.record(event)

    def record_once_per_session(self, key: str, event: Event) -> None:
        """Record an event once per browser session (a refusal redrawn by a rerun is one refusal)."""
        seen = st.session_state.setdefault("_gate_recorded", set())
        if key not in seen:
            self.record(event)
            seen.add(key)


# ----------------------------------------------------------------------------------------------- configuration


def auth_configured() -> bool:
    """Whether the secrets hold an [auth] section. A secrets file that exists but cannot be parsed fails closed."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # StreamlitSecretNotFoundError: no file, or a file that is not valid TOML
        files = st.get_option("secrets.files") or []
        if any(Path(name).expanduser().exists() for name in files):
            raise SecretsUnreadable(", ".join(str(name) for name in files)) from None
        return False


def _mode() -> str:
    how = signin.mode(auth_configured())
    if how == "proxy":
        signin.check_proxy(st.get_option("server.address"), st.get_option("server.trustedUserHeaders"))
    return how


# ----------------------------------------------------------------------------------------------- deep links


def url_path(script: str) -> str:
    """The URL path Streamlit's pages/ router gives a script: '' for app.py, 'milestones' for pages/1_milestones.py."""
    if "/" not in script:
        return ""
    stem = Path(script).stem
    head, _, rest = stem.partition("_")
    return rest if head.isdigit() and rest else stem


def return_cookie(target: str, nonce: str, now: float) -> str:
    """The cookie's value: the page and query to return to, a one-use nonce and the time, URL-encoded JSON."""
    return quote(json.dumps({"n": nonce, "t": int(now), "to": target}, separators=(",", ":")), safe="")


@dataclass(frozen=True)
class ReturnTo:
    nonce: str
    script: str
    query_params: dict[str, str | list[str]]


def parse_return_cookie(raw: str, now: float, scripts_by_path: dict[str, str]) -> ReturnTo | None:
    """The page to return to, if the cookie is fresh and names one of this app's pages (never another site)."""
    try:
        data = json.loads(unquote(raw))
        nonce, stamp, target = str(data["n"]), float(data["t"]), str(data["to"])
    except (ValueError, KeyError, TypeError):
        return None
    if not 0 <= now - stamp <= RETURN_SECONDS:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    script = scripts_by_path.get(parts.path.strip("/"))
    if script is None:
        return None
    params = {
        key: values if len(values) > 1 else values[0]
        for key, values in parse_qs(parts.query, keep_blank_values=False).items()
        if len(key) <= MAX_PARAM_LENGTH
    }
    return ReturnTo(nonce, script, params)


def _set_cookie(value: str, max_age: int) -> None:
    # Only characters of quote(..., safe="") reach the script: letters, digits, %, and _.-~
    st.html(
        f"<script>document.cookie = '{RETURN_COOKIE}={value}; path=/; max-age={max_age}; SameSite=Lax';</script>",
        unsafe_allow_javascript=True,
    )


def plain(text: object) -> str:
    """Text from outside (a name, an identity) as literal Markdown."""
    return str(text).translate(_MARKDOWN_SPECIAL)


def _current_target(script: str) -> str:
    pairs = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    return "/" + url_path(script) + ("?" + urlencode(pairs) if pairs else "")


@st.cache_resource(show_spinner=False)
def _used_nonces() -> set[str]:
    # Return cookies already followed in this process: a cookie is followed once.
    return set()


def _return_after_signin(pages: Sequence[tuple[str, str]], current_script: str) -> None:
    """Take a person who just signed in to the page their link named (st.login always lands on the home page)."""
    raw = st.context.cookies.get(RETURN_COOKIE)
    if not raw or st.session_state.get("_gate_returned"):
        return
    st.session_state["_gate_returned"] = True
    scripts = {url_path(script): script for script, _ in pages}
    found = parse_return_cookie(raw, time.time(), scripts)
    # st.context.cookies is read when the browser connects: clear the cookie so a later tab does not follow it.
    _set_cookie("", 0)
    if found is None or found.nonce in _used_nonces():
        return
    _used_nonces().add(found.nonce)
    if found.script == current_script and found.query_params == {k: st.query_params[k] for k in st.query_params}:
        return
    try:
        st.switch_page(found.script, query_params=found.query_params)
    except StreamlitPageNotFoundError:
        return


# ----------------------------------------------------------------------------------------------- pages of the gate


def _language_switch(lang: str) -> None:
    def on_change() -> None:
        chosen = st.session_state["gate_lang"]
        if chosen in (None, "zh"):
            if "lang" in st.query_params:
                del st.query_params["lang"]
        else:
            st.query_params["lang"] = chosen

    st.session_state["gate_lang"] = lang
    st.segmented_control(
        t("language", lang),
        ["zh", "en"],
        format_func={"zh": "中文", "en": "English"}.get,
        key="gate_lang",
        on_change=on_change,
        label_visibility="collapsed",
    )


def _sign_in_page(lang: str, script: str, expired: bool) -> None:
    """The only thing an anonymous request sees: no sidebar, no figures, no query."""
    _language_switch(lang)
    st.title(t("app_title", lang))
    st.subheader(t("gate_signin_title", lang))
    if expired:
        st.info(t("gate_session_expired", lang, hours=f"{signin.session_hours():g}"))
    st.markdown(t("gate_signin_text", lang))
    target = _current_target(script)
    if target != "/":
        _set_cookie(return_cookie(target, token_source.token_urlsafe(12), time.time()), RETURN_SECONDS)
    st.button(t("gate_signin_button", lang), type="primary", key="gate_signin", on_click=st.login)
    st.stop()


def _sign_out(viewer: Viewer) -> None:
    try:
        region = viewer.account.region_code if viewer.account is not None else None
        viewer.record(Event("signout", viewer.actor, region_code=region))
    except StoreError:
        log.exception("sign-out of %s could not be recorded", viewer.actor.identity)
    st.logout()


def _sign_out_button(viewer: Viewer, lang: str, key: str) -> None:
    if viewer.mode == "oidc":
        st.button(t("gate_signout", lang), key=key, on_click=_sign_out, args=(viewer,))


def _no_account_page(viewer: Viewer, identity: signin.Identity, lang: str, disabled: bool) -> None:
    st.title(t("app_title", lang))
    names = [identity.label] + ([identity.email] if identity.email and identity.email != identity.label else [])
    who = " / ".join(plain(name) for name in names)
    st.warning(t("gate_disabled" if disabled else "gate_no_account", lang, who=who))
    admins = [a for a in viewer.store.accounts() if a.role == "admin" and a.is_enabled]
    if admins:
        listed = "、".join(f"{plain(a.display_name or a.identity)} ({a.region_code})" for a in admins)
        st.markdown(t("gate_ask_admins", lang, admins=listed))
    else:
        st.markdown(t("gate_no_admins", lang))
    _sign_out_button(viewer, lang, "gate_signout_main")
    st.stop()


def _overview_link(lang: str) -> None:
    try:
        st.page_link("app.py", label=t("gate_back_overview", lang), query_params={"lang": lang} if lang != "zh" else {})
    except StreamlitPageNotFoundError:
        st.markdown(t("gate_back_overview", lang))


def _refuse_page(viewer: Viewer, nav_key: str, lang: str) -> None:
    right = roles.page_right(nav_key)
    st.title(t(nav_key, lang))
    if viewer.account is None:
        st.error(t("gate_refused_network", lang, address=st.get_option("server.address") or "*"))
    else:
        st.error(
            t("gate_refused_role", lang, role=t(f"role_{viewer.account.role}", lang), right=t(f"right_{right}", lang))
        )
    details = {"page": nav_key, "right": right, "reason": "network" if viewer.account is None else "role"}
    event = Event(
        "page_forbidden", viewer.actor, outcome="refused", region_code=viewer.scope.region_code, details=details
    )
    viewer.record_once_per_session(f"page_forbidden:{nav_key}", event)
    _overview_link(lang)
    with st.sidebar:
        account_box(viewer, lang)
    st.stop()


def _stop_with_error(lang: str, key: str, **values: object) -> None:
    st.title(t("app_title", lang))
    st.error(t(key, lang, **values))
    st.stop()


# ----------------------------------------------------------------------------------------------- admission


def _local_viewer(store: AccessStore) -> Viewer:
    local = signin.is_loopback(st.get_option("server.address"))
    return Viewer("off", Actor.local("admin" if local else "viewer"), store, network_refusal=not local)


def _signed_in_viewer(how: str, store: AccessStore, lang: str, pages: Sequence[tuple[str, str]], script: str) -> Viewer:
    claims = st.user.to_dict()
    identity = signin.Identity.from_claims(claims, proxy=how == "proxy")
    if how == "oidc":
        now = dt.datetime.now(dt.UTC)
        if not claims.get("is_logged_in", False) or identity is None:
            _sign_in_page(lang, script, expired=False)
        if signin.session_expired(identity.issued_at, now, signin.session_hours()):
            _sign_in_page(lang, script, expired=True)
    elif identity is None:
        _stop_with_error(lang, "gate_proxy_no_identity")
    account = store.account_of(identity.sub, identity.email)
    actor = Actor(
        identity=identity.label,
        name=identity.name or (account.display_name if account else ""),
        kind=how,
        role=account.role if account else None,
    )
    viewer = Viewer(how, actor, store, account)
    token = f"{identity.label}:{int(identity.issued_at)}" if identity.issued_at is not None else None
    details = {"sub": identity.sub, "email": identity.email, "name": identity.name}
    if account is None or not account.is_enabled:
        details["reason"] = "disabled" if account is not None else "no_account"
        event = Event("signin", actor, outcome="refused", details=details, once_key=token and f"signin-refused:{token}")
        viewer.record_once_per_session("signin", event)
        viewer.account = None
        _no_account_page(viewer, identity, lang, disabled=account is not None)
    details.update(role=account.role)
    event = Event(
        "signin", actor, region_code=account.region_code, details=details, once_key=token and f"signin:{token}"
    )
    viewer.record_once_per_session("signin", event)
    _return_after_signin(pages, script)
    return viewer


def admit(nav_key: str, lang: str, pages: Sequence[tuple[str, str]]) -> Viewer:
    """Who is asking and whether they may open this page; stops the page (sign-in, no account, refusal) otherwise.

    Runs before the database is opened, so nothing is read for a request that does not get through.
    """
    script = next((script for script, key in pages if key == nav_key), "app.py")
    try:
        how = _mode()
        store = AccessStore.for_database()
        viewer = _local_viewer(store) if how == "off" else _signed_in_viewer(how, store, lang, pages, script)
        if not viewer.may_open(nav_key):
            _refuse_page(viewer, nav_key, lang)
    except SecretsUnreadable as error:
        log.error("secrets file cannot be read: %s", error)
        _stop_with_error(lang, "gate_secrets_broken", files=str(error))
    except signin.SigninConfigError as error:
        log.error("sign-in configuration: %s", error)
        _stop_with_error(lang, "gate_config_error", reason=str(error))
    except StoreError as error:
        # Without the access store nobody can be identified or recorded: show nothing rather than everything.
        _stop_with_error(lang, "gate_store_error", reason=str(error))
    return viewer


# ----------------------------------------------------------------------------------------------- on every page


def banner(viewer: Viewer, lang: str) -> None:
    """With sign-in off, every page says so: for this machine only, or (on a network) browsing only."""
    if viewer.mode != "off":
        return
    if viewer.network_refusal:
        st.warning(t("gate_off_network", lang, address=st.get_option("server.address") or "*"))
    else:
        st.caption(t("gate_off_local", lang))


def account_box(viewer: Viewer, lang: str, region_name: str | None = None) -> None:
    """Who is signed in, with which role and region, and the way out (in the sidebar)."""
    if viewer.account is None:
        st.caption(t("gate_off_network_short" if viewer.network_refusal else "gate_off_short", lang))
        return
    account = viewer.account
    who = plain(viewer.actor.name or account.display_name or account.identity)
    role = t(f"role_{account.role}", lang)
    st.caption(t("gate_signed_in_as", lang, who=who, role=role, region=region_name or account.region_code))
    _sign_out_button(viewer, lang, "gate_signout")


def _asked_region(asked: str, region_name: Callable[[str], str]) -> str:
    """A region a link asked for, as a notice names it: 苏州市 (320500) for a known code; anything else as plain text
    in a code span (it comes from the link, and the notice is markdown: no link or image in it may come alive)."""
    shown = asked[:MAX_PARAM_LENGTH]
    if is_region_code(shown):
        name = region_name(shown)
        if name != shown:
            return f"{name} ({shown})"
    return code_span(shown)


def confine(viewer: Viewer, filters: Filters, region_name: Callable[[str], str], page: str) -> Filters:
    """The filters with the region inside the account's subtree: its own region when the link names none, and its
    own region with a notice (and an audit entry) when the link names one outside."""
    scope = viewer.scope
    if scope.is_nation:
        return filters
    asked = st.query_params.get("region")
    landed = scope.confine(asked if asked else None)
    if landed.refused:
        lang = filters.lang
        st.warning(
            t(
                "gate_out_of_scope",
                lang,
                value=_asked_region(str(asked), region_name),
                region=region_name(scope.region_code),
            )
        )
        event = Event(
            "link_out_of_scope",
            viewer.actor,
            outcome="refused",
            region_code=scope.region_code,
            # Filed under both regions: the admins of either, and a search for either, find it.
            details={
                "requested": str(asked)[:MAX_PARAM_LENGTH],
                "page": page,
                "regions": [scope.region_code, *([asked] if is_region_code(asked) else [])],
            },
        )
        try:
            viewer.record(event)
        except StoreError:
            log.exception("out-of-scope link by %s could not be recorded", viewer.actor.identity)
    if asked != landed.region_code:
        st.query_params["region"] = landed.region_code
    return filters.with_changes(region=landed.region_code)


def deliver(data: bytes, record: Callable[[], object] | None, lang: str) -> bytes:
    """A download's bytes once its audit entry is written; if it cannot be written, a note instead of the file.

    Runs on Streamlit's download thread: record must not call Streamlit.
    """
    if record is not None:
        try:
            record()
        except StoreError as error:
            log.exception("a download could not be recorded")
            return t("gate_export_audit_failed", lang, reason=str(error)).encode("utf-8-sig")
    return data


def recorder(viewer: Viewer | None, event: Event) -> Callable[[], object] | None:
    """What writes an event later (on a download's thread), or None without a gate (tests that build a context)."""
    return None if viewer is None else (lambda: viewer.record(event))


def offers_all(viewer: Viewer, depth: int) -> bool:
    """Whether a sidebar region selector at depth (0 = provinces) may offer '(all)', i.e. the region above it."""
    return depth >= viewer.scope.depth
