"""The admin page's sections: accounts (list, add, change role, region, name, enable) and the audit trail (filter,
export as CSV, verify the chain). An administrator manages the accounts of their own region's subtree and reads the
entries that concern it; the whole country's administrators see everything."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from enforcement.access import roles, trail
from enforcement.access.accounts import Account, AccountError, check_identity, management_problem
from enforcement.access.commands import verdict_text
from enforcement.access.scope import is_region_code
from enforcement.access.store import StoreError
from enforcement.i18n import column_label, region_name
from enforcement.transfer import export
from enforcement.ui import gate
from enforcement.ui.blocks import labelled
from enforcement.ui.frame import PageContext

TRAIL_DAYS = 30


class _Names:
    """Full names of the regions the page shows (the account's region and the accounts'), from region_lineage."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx

    def get(self, code: str, default: str = "") -> str:
        if not is_region_code(code) or code not in self.ctx.choices.region_codes:
            return default
        last = self.ctx.query("region_lineage", region_code=code).tail(1)
        # Outside the account's region the lineage stops above it: no name to show.
        if last.empty or last["region_code"].iloc[0] != code:
            return default
        return region_name(code, str(last["full_name"].iloc[0]), self.ctx.lang)  # 全国 in the page's language


def _role_label(ctx: PageContext, role: str) -> str:
    return ctx.t(f"role_{role}")


def _accounts_frame(ctx: PageContext, accounts: list[Account], names: _Names) -> pd.DataFrame:
    rows = [
        {
            "identity": a.identity,
            "display_name": a.display_name,
            "role": _role_label(ctx, a.role),
            "region_code": a.region_code,
            "region_name": names.get(a.region_code, ""),
            "is_enabled": a.is_enabled,
            "updated_at": trail.local_time(a.updated_at),
            "updated_by": a.updated_by,
        }
        for a in accounts
    ]
    columns = ["identity", "display_name", "role", "region_code", "region_name", "is_enabled", "updated_at"]
    return pd.DataFrame(rows, columns=[*columns, "updated_by"])


def _problem(ctx: PageContext, identity: str, region: str, names: _Names) -> str | None:
    """What is wrong with granting identity the region, in the reader's language (None: nothing)."""
    viewer = ctx.access
    if not is_region_code(region) or region not in ctx.choices.region_codes:
        return ctx.t("ad_region_unknown", region=region[:20])
    problem = management_problem(viewer.scope, viewer.actor.identity, identity, region)
    if problem == "own":
        return ctx.t("ad_own_account")
    if problem == "outside":
        return ctx.t("ad_region_outside", region=region, own=names.get(viewer.scope.region_code, ""))
    return None


def _add_form(ctx: PageContext, names: _Names) -> None:
    viewer = ctx.access
    with st.form("ad_add_form", clear_on_submit=True):
        st.markdown(f"**{ctx.t('ad_add')}**")
        left, middle, right, last = st.columns([3, 2, 2, 2])
        identity = left.text_input(ctx.t("ad_identity"), key="ad_add_identity")
        name = middle.text_input(ctx.t("ad_name"), key="ad_add_name")
        role = right.selectbox(
            ctx.t("ad_role"), roles.ROLES, format_func=lambda r: _role_label(ctx, r), key="ad_add_role"
        )
        region = last.text_input(ctx.t("ad_region"), value=viewer.scope.region_code, key="ad_add_region").strip()
        submitted = st.form_submit_button(ctx.t("ad_add_button"), type="primary")
    if not submitted:
        return
    try:
        identity = check_identity(identity)
    except AccountError as error:
        st.error(_said(ctx, error))
        return
    problem = _problem(ctx, identity, region, names)
    if problem:
        st.error(problem)
        return
    try:
        account = viewer.store.add_account(identity, role, region, viewer.actor, name, names.get(region, ""))
    except (AccountError, StoreError) as error:
        st.error(_said(ctx, error))
        return
    st.success(ctx.t("ad_added", identity=account.identity, role=_role_label(ctx, role), region=names.get(region)))


def _change_form(ctx: PageContext, accounts: list[Account], names: _Names) -> None:
    viewer = ctx.access
    if not accounts:
        return
    st.markdown(f"**{ctx.t('ad_change')}**")
    by_identity = {a.identity: a for a in accounts}
    chosen = st.selectbox(
        ctx.t("ad_pick"),
        list(by_identity),
        format_func=lambda i: f"{i} · {by_identity[i].display_name or '-'} · {_role_label(ctx, by_identity[i].role)}",
        key="ad_change_pick",
    )
    account = by_identity[chosen]
    if management_problem(viewer.scope, viewer.actor.identity, account.identity, account.region_code) == "own":
        st.info(ctx.t("ad_own_account"))
        return
    with st.form(f"ad_change_form_{account.identity}"):
        left, middle, right, last = st.columns([3, 2, 2, 2])
        name = left.text_input(ctx.t("ad_name"), value=account.display_name)
        role = middle.selectbox(
            ctx.t("ad_role"),
            roles.ROLES,
            index=roles.ROLES.index(account.role),
            format_func=lambda r: _role_label(ctx, r),
        )
        region = right.text_input(ctx.t("ad_region"), value=account.region_code).strip()
        enabled = last.toggle(ctx.t("ad_enabled"), value=account.is_enabled)
        submitted = st.form_submit_button(ctx.t("ad_save"), type="primary")
    if not submitted:
        return
    problem = _problem(ctx, account.identity, region, names)
    if problem:
        st.error(problem)
        return
    try:
        before, after = viewer.store.change_account(
            account.identity,
            viewer.actor,
            role=role,
            region_code=region,
            display_name=name,
            enabled=enabled,
            region_name=names.get(region, ""),
        )
    except (AccountError, StoreError) as error:
        st.error(_said(ctx, error))
        return
    st.success(ctx.t("ad_saved", identity=after.identity) if before != after else ctx.t("ad_unchanged"))


def _said(ctx: PageContext, error: Exception) -> str:
    """Why an account change failed, in the page's language (a store that cannot be opened names its file)."""
    return error.message(ctx.lang) if isinstance(error, AccountError) else ctx.t("cmd_store_failed", error=error)


def accounts_section(ctx: PageContext) -> None:
    viewer = ctx.access
    names = _Names(ctx)
    st.subheader(ctx.t("ad_accounts"))
    st.caption(ctx.t("ad_accounts_scope", region=names.get(viewer.scope.region_code, viewer.scope.region_code)))
    st.caption(ctx.t("role_help"))
    _add_form(ctx, names)
    accounts = [a for a in viewer.store.accounts() if viewer.scope.contains(a.region_code)]
    if not accounts:
        st.info(ctx.t("ad_no_accounts"))
        return
    table = _accounts_frame(ctx, accounts, names)
    st.dataframe(labelled(table, ctx.lang), hide_index=True, width="stretch")
    _change_form(ctx, accounts, names)


# ----------------------------------------------------------------------------------------------- audit trail


def _label(ctx: PageContext):
    return lambda kind, code: ctx.t(f"{kind}_{code}")


def _day_bounds(days: tuple) -> tuple[dt.datetime | None, dt.datetime | None]:
    if not days:
        return None, None
    first, last = days[0], days[-1]
    since = dt.datetime.combine(first, dt.time()).astimezone()
    until = dt.datetime.combine(last + dt.timedelta(days=1), dt.time()).astimezone()
    return since, until


def trail_section(ctx: PageContext) -> None:
    viewer = ctx.access
    st.subheader(ctx.t("ad_trail"))
    st.caption(ctx.t("ad_trail_help"))
    today = dt.date.today()
    top = st.columns(3)
    days = top[0].date_input(
        ctx.t("ad_when"), value=(today - dt.timedelta(days=TRAIL_DAYS), today), max_value=today, key="ad_days"
    )
    actors = {row["actor"]: row["actor_name"] for row in viewer.store.actors()}
    person = top[1].selectbox(
        ctx.t("ad_person"),
        ["", *actors],
        format_func=lambda a: f"{a} · {actors[a]}" if a else ctx.t("ad_all"),
        key="ad_person",
    )
    action = top[2].selectbox(
        ctx.t("ad_action"),
        ["", *trail.ACTIONS],
        format_func=lambda a: ctx.t(f"action_{a}") if a else ctx.t("ad_all"),
        key="ad_action",
    )
    bottom = st.columns(2)
    region = bottom[0].text_input(ctx.t("ad_region_filter"), key="ad_region").strip()
    period_text = bottom[1].text_input(ctx.t("ad_period_filter"), key="ad_period").strip()
    period = None
    if period_text:
        try:
            period = trail.Period.parse(period_text)
        except ValueError:
            st.warning(ctx.t("ad_bad_period", value=period_text[:40]))
    if region and not is_region_code(region):
        st.warning(ctx.t("ad_region_unknown", region=region[:20]))
        region = ""
    since, until = _day_bounds(tuple(days) if isinstance(days, (tuple, list)) else (days,))
    entries = viewer.store.entries(since=since, until=until, actor=person or None, action=action or None)
    chosen = trail.select(entries, region_code=region or None, period=period, visible_to=viewer.scope.region_code)
    table = trail.trail_frame(chosen, _label(ctx))
    st.caption(ctx.t("ad_entries", n=f"{len(table):,}"))
    st.dataframe(
        labelled(table, ctx.lang),
        hide_index=True,
        width="stretch",
        column_config={column_label("audit_details", ctx.lang): st.column_config.TextColumn(width="large")},
    )
    filters = {
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "actor": person or None,
        "action": action or None,
        "region": region or None,
        "period": period_text or None,
    }
    event = trail.Event(
        "audit_export",
        viewer.actor,
        region_code=region or viewer.scope.region_code,
        details={"filters": filters, "rows": len(table)},
    )
    lang, record = ctx.lang, gate.recorder(viewer, event)
    st.download_button(
        ctx.t("ad_download"),
        lambda: gate.deliver(export.csv_bytes(table, lang), record, lang),
        file_name=f"留痕_{today.isoformat()}.csv",
        mime=export.CSV_MIME,
        key="ad_download",
        on_click="ignore",
    )
    if st.button(ctx.t("ad_verify"), key="ad_verify"):
        verdict = viewer.store.verify()
        (st.success if verdict.ok else st.error)(verdict_text(verdict, ctx.lang))
