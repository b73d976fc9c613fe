"""The frame every page shares: database, cached queries, URL-bound filters, navigation, banner.

Each page starts with ``ctx = page_frame("nav_key")`` and then only reads ``ctx.filters``, calls
``ctx.query(name, **params)`` and draws. The app uses Streamlit's pages/ folder (the design card's layout) and never
calls st.navigation, so the router is the same on a freshly started server as later: a shared link to any page works
on the very first request, and every page builds the same frame itself.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from enforcement.access.scope import Scope, visible_rows
from enforcement.access.store import StoreError
from enforcement.access.trail import Event
from enforcement.i18n import level_label, plain, region_name, t
from enforcement.rules.filters import MAX_PARAM_LENGTH, NATION_CODE, Choices, Filters, choices_from, parse_query
from enforcement.storage import build, connect, health, store
from enforcement.storage.meta import data_kind
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import importer
from enforcement.ui import gate
from enforcement.ui.shared_cache import shared

# (script, nav string key): the navigation, in order. Scripts that do not exist yet are left out.
PAGES = (
    ("app.py", "nav_overview"),
    ("pages/1_milestones.py", "nav_milestones"),
    ("pages/2_ledger.py", "nav_ledger"),
    ("pages/3_training.py", "nav_training"),
    ("pages/4_cases.py", "nav_cases"),
    ("pages/5_regions.py", "nav_regions"),
    ("pages/6_export.py", "nav_export"),
    ("pages/7_import.py", "nav_import"),
    ("pages/9_report.py", "nav_report"),
    ("pages/8_admin.py", "nav_admin"),
)
FILTER_KEYS = ("region", "as_of", "since", "from", "to", "plan", "area", "domain", "lang")
REGION_PICKERS = 4  # the deepest chain below the nation: province, city, county, township
log = logging.getLogger(__name__)


# ----------------------------------------------------------------------------------------------- data access


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(version_file: str) -> duckdb.DuckDBPyConnection:
    # One read-only connection per process and database version; every query runs on its own cursor.
    return connect.connect_readonly(Path(version_file))


def runner_for(version_file: str) -> QueryRunner:
    """A runner on this process's read-only connection to one database version (safe from any session's thread)."""
    return QueryRunner(_connection(version_file))


# Kept as the frame itself, not pickled: st.cache_data unpickled a fresh copy on every read, and a chart-heavy page
# reads the same results several times (about a tenth of the training page's server time went to unpickling
# Arrow-backed text). Readers get a shallow copy (PageContext.query): under pandas' copy-on-write a change to it
# never reaches the kept frame.
def _query_key(version_file: str, name: str, params: tuple, scope_key: str | None = None) -> tuple:
    return (version_file, name, params, scope_key)


@shared(max_entries=5000, ttl_seconds=3600, key=_query_key)
def _cached_query(
    version_file: str, name: str, params: tuple[tuple[str, Any], ...], scope_key: str | None = None
) -> pd.DataFrame:
    # scope_key: the signed-in account's region; rows of regions it may not see are dropped (access.scope), and two
    # scopes never share an entry.
    values = {key: list(value) if isinstance(value, tuple) else value for key, value in params}
    result = runner_for(version_file).run(name, **values)
    return visible_rows(result, Scope(scope_key) if scope_key else None)


# A page seen again with the same filters draws the figures built the first time instead of building them again
# (pandas and Plotly: 0.1-0.15 s of a chart-heavy page's run in Python). Shared, not copied: builders return new
# objects and the blocks that draw a chart only read it. Bounded: a figure with its table is 50-500 kB.
def _build_key(
    version_file: str, builder_name: str, args: tuple, builder: Callable, query: Callable, scope_key: str | None = None
) -> tuple:
    # builder and query are not part of the key: builder_name names the builder, and query is the session's own
    return (version_file, builder_name, args, scope_key)


@shared(max_entries=300, ttl_seconds=3600, key=_build_key)
def _cached_build(
    version_file: str,
    builder_name: str,
    args: tuple[Any, ...],
    builder: Callable,
    query: Callable,
    scope_key: str | None = None,
) -> Any:
    return builder(query, *args)


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, set, frozenset)):
        return tuple(sorted(value)) if isinstance(value, (set, frozenset)) else tuple(value)
    return value


# Every run of every page reads it: kept as the (frozen) object, where st.cache_data unpickled its 45,000 region codes
# on each read (27 ms at national scale).
@shared(max_entries=4, ttl_seconds=3600, key=lambda version_file: version_file)
def _choices(version_file: str) -> Choices:
    rows = _cached_query(version_file, "filter_choices", ())
    meta = _meta(version_file)
    return choices_from({kind: frozenset(group["value"]) for kind, group in rows.groupby("kind")}, meta["data_as_of"])


def _region_name(version_file: str, region_code: str) -> str:
    lineage = _cached_query(version_file, "region_lineage", (("region_code", region_code),))
    return str(lineage.iloc[-1]["region_name"]) if not lineage.empty else region_code


def _meta(version_file: str) -> dict[str, str]:
    facts = _cached_query(version_file, "meta_facts", ())
    return dict(zip(facts["key"], facts["value"], strict=False))


def _stop_damaged(db_path: Path, lang: str, error: BaseException | None = None) -> None:
    if error is not None:
        log.error("database %s cannot be read: %s", db_path, error)
    st.error(
        t(
            "db_damaged",
            lang,
            path=db_path,
            command=health.build_command(db_path),
            uploads=health.uploads_folder(db_path),
        )
    )
    st.stop()


def _stop_old_schema(
    db_path: Path, version_file: Path, meta: dict[str, str], lang: str, viewer: gate.Viewer | None = None
) -> None:
    """An older database: say so; offer a one-click rebuild only when it holds nothing but sample data."""
    st.error(t("db_old_schema", lang, path=db_path, found=meta.get("schema_version"), expected=build.SCHEMA_VERSION))
    if health.rebuild_is_safe(meta) and viewer is not None and not viewer.may("manage"):
        st.info(t("gate_rebuild_admin_only", lang))
    elif health.rebuild_is_safe(meta):
        st.info(t("db_rebuild_safe", lang))
        if st.button(t("db_rebuild_button", lang), type="primary", key="db_rebuild"):
            with st.spinner(t("db_rebuilding", lang)):
                health.rebuild_sample(db_path, version_file)
            if viewer is not None:
                details = {"database": str(db_path), "schema_version_was": meta.get("schema_version")}
                try:
                    viewer.record(Event("rebuild", viewer.actor, details=details))
                except StoreError:
                    log.exception("the rebuild of %s could not be recorded", db_path)
            st.rerun()
    else:
        st.warning(
            t(
                "db_rebuild_unsafe",
                lang,
                uploads=health.uploads_folder(db_path),
                command=health.build_command(Path(f"{db_path}.new")),
                import_command=health.import_command(Path(f"{db_path}.new")),
            )
        )
    st.stop()


def _build_with_progress(db_path: Path, lang: str) -> None:
    """The first run's build, with a bar that names each stage as it begins (the wait is the longest a person has
    with this app, once per machine)."""
    bar = st.progress(0.0, text=t("db_building", lang))
    stages = list(build.BUILD_STAGES)

    def show(stage: str) -> None:
        label = t(f"db_stage_{stage}", lang)
        text = t("db_building_stage", lang, step=stages.index(stage) + 1, steps=len(stages), stage=label)
        bar.progress(build.BUILD_STAGES[stage], text=text)

    build.ensure_database(db_path, on_stage=show)
    bar.empty()


def _open_database(lang: str, viewer: gate.Viewer | None = None) -> str:
    """The current database version file, built on first run; stops the page with advice if unusable.

    Only a path with nothing behind it is built: a dangling link or an unreadable file is never replaced silently.
    """
    db_path = store.database_path()
    if health.file_state(db_path).kind == "absent":
        _build_with_progress(db_path, lang)
    state = health.file_state(db_path)
    if state.kind == "dangling":
        st.error(
            t(
                "db_dangling",
                lang,
                path=db_path,
                target=state.target,
                command=health.build_command(db_path),
                uploads=health.uploads_folder(db_path),
            )
        )
        st.stop()
    if state.kind != "file":
        _stop_damaged(db_path, lang)
    version_file = store.current_file(db_path)
    try:
        meta = _meta(str(version_file))
    except (duckdb.Error, TypeError, OSError) as error:
        _stop_damaged(db_path, lang, error)
    if not health.schema_is_current(meta):
        _stop_old_schema(db_path, version_file, meta, lang, viewer)
    _tidy(str(db_path), str(version_file))
    return str(version_file)


@st.cache_resource(max_entries=4, show_spinner=False)
def _tidy(db_path: str, version_file: str) -> None:
    """Once per process and database version: remove what a killed import left (versions, pending uploads)."""
    try:
        removed = importer.tidy(Path(db_path), runner_for(version_file))
    except Exception:  # tidying is housekeeping: it must never stop a page
        log.exception("tidying %s failed", db_path)
        return
    if any(removed.values()):
        log.warning("removed what interrupted imports left beside %s: %s", db_path, removed)


# ----------------------------------------------------------------------------------------------- context


@dataclass
class PageContext:
    """What a page needs: the filters, the language, and named queries on the current database."""

    filters: Filters
    choices: Choices
    meta: dict[str, str]
    version_file: str
    access: gate.Viewer | None = None  # who is looking (None only in tests that build a context by hand)

    @property
    def lang(self) -> str:
        return self.filters.lang

    @property
    def is_sample(self) -> bool:
        return self.meta.get("is_sample") == "true"

    @property
    def data_kind(self) -> str:
        """sample, mixed (imported figures beside remaining sample rows) or reported."""
        return data_kind(self.meta)

    def runner(self) -> QueryRunner:
        """A runner on this process's read-only connection to the page's database version (exports, templates)."""
        return runner_for(self.version_file)

    @property
    def region_name(self) -> str:
        """Name of the chosen region (全国, or China in English, for the root)."""
        lineage = self.query("region_lineage", region_code=self.filters.region)
        return region_name(self.filters.region, str(lineage.iloc[-1]["region_name"]), self.lang)

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """Run a named query, cached per database version and parameters.

        A file damaged past its first pages fails only here: the page then says so instead of a traceback.
        """
        frozen = tuple(sorted((key, _freeze(value)) for key, value in params.items()))
        try:
            return _cached_query(self.version_file, name, frozen, self.scope_key).copy(deep=False)
        except duckdb.Error as error:
            if not health.is_damage(error):
                raise
            _stop_damaged(store.database_path(), self.lang, error)

    def built(self, builder: Callable[..., Any], *args: Any) -> Any:
        """builder(self.query, *args) (a chart or the KPIs of a page), kept per database version, builder and
        arguments and shared by every session: the result must not be changed by its caller. builder is a module-level
        function (its module and name are the key: two lambdas would share one)."""
        name = f"{builder.__module__}.{builder.__qualname__}"
        args = tuple(_freeze(arg) for arg in args)
        return _cached_build(self.version_file, name, args, builder, self.query, self.scope_key)

    @property
    def scope_key(self) -> str | None:
        """The account's region for cache keys (None: sign-in off or the whole country, nothing hidden)."""
        return self.access.scope_key if self.access is not None else None

    def may(self, right: str) -> bool:
        """Whether the person looking may browse, export, import or manage (everything when no gate ran)."""
        return self.access is None or self.access.may(right)

    def url_choice(self, param: str, options: Sequence[str], default: str) -> str:
        """A page's own URL parameter (?param=…) if it is one of options; anything else is dropped with a notice."""
        values = st.query_params.get_all(param)
        if not values or values[-1] == "":
            return default
        if len(set(values)) > 1:
            _reject_repeated(param, values, self.lang)
            return default
        if values[-1] in options:
            return values[-1]
        _reject_param(param, values[-1], self.lang)
        return default

    def url_choices(self, param: str, options: Sequence[str]) -> list[str]:
        """A page's own repeated URL parameter (?param=a&param=b): the known values; unknown ones get a notice."""
        values = st.query_params.get_all(param)
        kept = [value for value in dict.fromkeys(values) if value in options]
        unknown = [value for value in values if value not in options]
        if unknown:
            _reject_param(param, unknown[0], self.lang, keep=kept)
        return kept

    def page_link(self, script: str, label: str, **page_params: str) -> None:
        """A link to another page of the app (a project-relative script) carrying the filters and page_params.

        A link to a region the account may not open (a breadcrumb above its region) is drawn as plain text.
        """
        region = page_params.get("region")
        if region is not None and self.access is not None and not self.access.scope.contains(region):
            st.markdown(label)
            return
        page_link(script, label, self.link_params(**page_params))

    def caption(self) -> str:
        """The line under every chart: the data's as-of date and whether it is sample."""
        kind = {"sample": "sample_short", "mixed": "data_kind_short_mixed"}.get(self.data_kind, "real_short")
        kind = self.t(kind)
        return self.t("caption_as_of", as_of=self.filters.as_of.isoformat(), kind=kind)

    def link_params(self, **page_params: str) -> dict[str, str]:
        """Query parameters of the current view (plus page-specific ones) for links to other pages."""
        return {**self.filters.to_query(self.choices), **page_params}

    def set_filters(self, **changes: Any) -> None:
        """Change filters from page code (e.g. a drill-down click) and write them to the URL."""
        _write_filters(self.filters.with_changes(**changes), self.choices)


def _write_filters(filters: Filters, choices: Choices) -> None:
    wanted = filters.to_query(choices)
    for key in FILTER_KEYS:
        if key in wanted:
            if st.query_params.get(key) != wanted[key]:
                st.query_params[key] = wanted[key]
        elif key in st.query_params:
            del st.query_params[key]


def _reject_param(param: str, value: str, lang: str, keep: list[str] | None = None) -> None:
    # param is one of the page's own names; the value came from the link: shown as plain text, never as markdown
    # (a link, or an image the browser would fetch from an address the link chose).
    st.warning(t("notice_unknown", lang, parameter=param, value=plain(value[:MAX_PARAM_LENGTH])))
    if keep:
        st.query_params[param] = keep
    elif param in st.query_params:
        del st.query_params[param]


def _reject_repeated(param: str, values: list[str], lang: str) -> None:
    shown = "、".join(value[:MAX_PARAM_LENGTH] for value in values[:5])
    st.warning(t("notice_repeated", lang, parameter=param, n=len(values), value=plain(shown)))
    if param in st.query_params:
        del st.query_params[param]


def _current_filters(choices: Choices) -> Filters:
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    parsed = parse_query(params, choices)
    for notice in parsed.notices:
        # The parameter's name is one of ours; its value came from the link and is shown as plain text.
        values = {"parameter": notice.parameter, "value": plain(notice.value), "n": notice.count}
        st.warning(t(notice.reason, parsed.filters.lang, **values))
    if parsed.notices:
        _write_filters(parsed.filters, choices)
    return parsed.filters


# ----------------------------------------------------------------------------------------------- widgets
# Widgets take their value from the URL on every run and write changes back to it in their callbacks,
# so the URL is the one source of truth, on every page and after every navigation.


def _update_param(key: str, value: str | None) -> None:
    if value is None or value == "":
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = value


def _on_region_change(depth: int) -> None:
    chosen = st.session_state[f"f_region_{depth}"]
    if chosen == "":
        chosen = st.session_state.get(f"f_region_{depth - 1}", "") if depth > 0 else ""
    _update_param("region", None if chosen in ("", NATION_CODE) else chosen)
    for key in ("plan", "area"):
        _update_param(key, None)


def picker_label(children: pd.DataFrame, lang: str) -> str:
    """A region picker's label: the level of the regions it lists, by their own level rather than the picker's place
    (a municipality's second picker lists districts and counties; a province may list cities and the counties it
    administers directly: "City / county"). Capitalised as a label: "Province", not the in-sentence "province"."""
    levels = children.sort_values("level_no")["level"].drop_duplicates()
    return " / ".join(level_label(level, lang) for level in levels).capitalize()


def _region_selectors(ctx: PageContext) -> None:
    lineage = ctx.query("region_lineage", region_code=ctx.filters.region)
    chain = lineage[lineage["level_no"] > 0]["region_code"].tolist()
    parent = NATION_CODE
    for depth in range(REGION_PICKERS):
        children = ctx.query("region_children", parent_code=parent)
        if children.empty:
            break
        names = dict(zip(children["region_code"], children["region_name"], strict=False))
        key = f"f_region_{depth}"
        # Above the account's region a selector holds only the path down to it, with no '(all)' that would leave it.
        blank = [""] if ctx.access is None or gate.offers_all(ctx.access, depth) else []
        st.session_state[key] = chain[depth] if depth < len(chain) else ""
        st.selectbox(
            picker_label(children, ctx.lang),
            [*blank, *names],
            format_func=lambda code, names=names: names.get(code, ctx.t("region_all")),
            key=key,
            on_change=_on_region_change,
            args=(depth,),
        )
        if depth >= len(chain):
            break
        parent = chain[depth]


def as_of_options(ctx: PageContext) -> dict[str, tuple[str, dt.date]]:
    """The as-of quick picks: latest data, year ends, the governing plan's mid-term and final evaluation dates."""
    data_as_of = ctx.choices.data_as_of
    options = {"latest": (ctx.t("quick_latest"), data_as_of)}
    for year in (2023, 2024, 2025):
        if dt.date(year, 12, 31) <= data_as_of:
            options[str(year)] = (ctx.t("quick_year_end", year=year), dt.date(year, 12, 31))
    plans = ctx.query("plans_for_region", region_code=ctx.filters.region)
    if ctx.filters.plan:
        plans = plans[plans["plan_id"] == ctx.filters.plan]
    for plan in plans.head(1).itertuples():
        name = plan.issuer_region_name
        if pd.notna(plan.midterm_evaluation_date):
            options["midterm"] = (ctx.t("quick_midterm", plan=name), plan.midterm_evaluation_date.date())
        if pd.notna(plan.final_evaluation_date) and plan.final_evaluation_date != plan.midterm_evaluation_date:
            options["final"] = (ctx.t("quick_final", plan=name), plan.final_evaluation_date.date())
    options["custom"] = (ctx.t("quick_custom"), None)
    return options


def _on_quick_pick(options: dict[str, tuple[str, dt.date | None]], latest: dt.date) -> None:
    chosen = options[st.session_state["f_as_of_quick"]][1]
    if chosen is not None:
        _update_param("as_of", None if chosen == latest else chosen.isoformat())
        _update_param("since", None)


def _on_as_of_change(latest: dt.date) -> None:
    chosen = st.session_state["f_as_of"]
    if chosen is not None:
        _update_param("as_of", None if chosen == latest else chosen.isoformat())
        _update_param("since", None)


def _on_since_change() -> None:
    chosen = st.session_state["f_since"]
    if chosen is not None:
        st.query_params["since"] = chosen.isoformat()


def _date_selectors(ctx: PageContext) -> None:
    latest = ctx.choices.data_as_of
    options = as_of_options(ctx)
    current = next((key for key, (_, day) in options.items() if day == ctx.filters.as_of), "custom")
    st.session_state["f_as_of_quick"] = current
    st.selectbox(
        ctx.t("as_of_quick"),
        list(options),
        format_func=lambda key: options[key][0],
        key="f_as_of_quick",
        on_change=_on_quick_pick,
        args=(options, latest),
    )
    st.session_state["f_as_of"] = ctx.filters.as_of
    st.date_input(
        ctx.t("as_of"),
        min_value=ctx.choices.first_month,
        max_value=latest,
        key="f_as_of",
        help=ctx.t("typed_date_help"),
        on_change=_on_as_of_change,
        args=(latest,),
    )


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _on_period_change(first: dt.date, last: dt.date) -> None:
    start, end = st.session_state["f_period"]
    _update_param("from", None if start == first else start.strftime("%Y-%m"))
    _update_param("to", None if end == last else end.strftime("%Y-%m"))


def _period_selector(ctx: PageContext) -> None:
    months = _months(ctx.choices.first_month, ctx.choices.data_as_of)
    wanted = (ctx.filters.period_from, ctx.filters.period_to)
    # A range default makes it a range slider (a tuple only in session state would be read back as one month);
    # the state is overwritten only when the URL changed some other way, which keeps Streamlit from warning
    # about a widget set both ways.
    if "f_period" in st.session_state and st.session_state["f_period"] != wanted:
        st.session_state["f_period"] = wanted
    st.select_slider(
        ctx.t("period"),
        options=months,
        value=wanted,
        format_func=lambda month: month.strftime("%Y-%m"),
        key="f_period",
        on_change=_on_period_change,
        args=(months[0], months[-1]),
    )


def _on_domain_change() -> None:
    _update_param("domain", st.session_state["f_domain"] or None)


def _domain_selector(ctx: PageContext) -> None:
    domains = ctx.query("domain_list")
    names = dict(zip(domains["domain_code"], domains["name_en" if ctx.lang == "en" else "name_zh"], strict=False))
    st.session_state["f_domain"] = ctx.filters.domain or ""
    st.selectbox(
        ctx.t("domain"),
        ["", *names],
        help=ctx.t("domain_help"),
        format_func=lambda code: names.get(code, ctx.t("domain_all")),
        key="f_domain",
        on_change=_on_domain_change,
    )


def _on_lang_change() -> None:
    _update_param("lang", None if st.session_state["f_lang"] in (None, "zh") else st.session_state["f_lang"])


def _language_selector(ctx: PageContext) -> None:
    st.session_state["f_lang"] = ctx.lang
    st.segmented_control(
        ctx.t("language"),
        ["zh", "en"],
        format_func={"zh": "中文", "en": "English"}.get,
        key="f_lang",
        on_change=_on_lang_change,
        label_visibility="collapsed",
    )


def page_link(script: str, label: str, query_params: dict[str, str]) -> None:
    """st.page_link to a project-relative script; its label as plain text if the script is not a page of this run.

    That happens only when a page file itself is the entrypoint (AppTest.from_file("pages/x.py")): links then
    resolve against pages/ and the other pages are unknown. Under `streamlit run app.py` every link resolves.
    """
    try:
        st.page_link(script, label=label, query_params=query_params)
    except StreamlitPageNotFoundError:
        st.markdown(label)


def _navigation(ctx: PageContext, project_dir: Path) -> None:
    params = ctx.link_params()
    for script, label_key in PAGES:
        if (project_dir / script).is_file() and (ctx.access is None or ctx.access.may_open(label_key)):
            page_link(script, ctx.t(label_key), params)


# ----------------------------------------------------------------------------------------------- frame


def page_frame(title_key: str) -> PageContext:
    """Set up the page: database, filters from the URL, sidebar navigation and filters, sample banner."""
    langs = st.query_params.get_all("lang")
    lang = langs[-1] if len(set(langs)) == 1 and langs[-1] in ("zh", "en") else "zh"
    st.set_page_config(
        page_title=f"{t(title_key, lang)} · {t('app_short', lang)}", layout="wide", initial_sidebar_state="auto"
    )
    # Before the database is opened: a request the gate stops (sign-in, no account, a forbidden page) reads nothing.
    viewer = gate.admit(title_key, lang, PAGES)
    gate.banner(viewer, lang)
    version_file = _open_database(lang, viewer)
    try:
        choices = _choices(version_file)
    except duckdb.Error as error:  # a file damaged past its first pages fails here: a page that says so
        if not health.is_damage(error):
            raise
        _stop_damaged(store.database_path(), lang, error)
    filters = _current_filters(choices)
    if viewer.scope.region_code not in choices.region_codes | {NATION_CODE}:
        st.error(t("gate_region_unknown", lang, region=viewer.scope.region_code))
        st.stop()
    filters = gate.confine(viewer, filters, lambda code: _region_name(version_file, code), title_key)
    # A link to the page already open (a breadcrumb, a region's own overview) reruns it with the link's query
    # string but leaves the address bar as it was; sending the query string back makes the copied link right.
    st.query_params.from_dict({key: st.query_params.get_all(key) for key in st.query_params})
    ctx = PageContext(
        filters=filters, choices=choices, meta=_meta(version_file), version_file=version_file, access=viewer
    )
    with st.sidebar:
        st.markdown(f"**{ctx.t('app_title')}**")
        gate.account_box(viewer, lang, _region_name(version_file, viewer.scope.region_code))
        _language_selector(ctx)
        _navigation(ctx, store.PROJECT_DIR)
        st.divider()
        _region_selectors(ctx)
        _date_selectors(ctx)
        _period_selector(ctx)
        _domain_selector(ctx)
        st.caption(ctx.t("copy_link"))
    if ctx.is_sample:
        st.warning(ctx.t("sample_banner_mixed" if ctx.data_kind == "mixed" else "sample_banner"))
    return ctx
