"""Many users at once: N browser sessions walk the pages with different filters against one `streamlit run`.

Each session is its own Playwright context (its own Streamlit session) in one headless Chromium. It opens the
overview with its own region, date and language, then clicks through every page in the sidebar navigation. After
each step it checks what it sees: no exception box or error text, the page title, its own region in the sidebar
pickers and title, its own filters in the address. A session that sees anything else (an error, or another
session's filters) is reported. Times are from the click (or the address typed) to the page rendered: the script
finished and, on chart pages, the first Plotly chart drawn.

    python bench/load.py                       # N = 1, 5, 20 against a server it starts on the sample database
    python bench/load.py --users 5 --url http://127.0.0.1:8501   # against a running app
    python bench/load.py --out bench/load_results.md             # append the figures to the results file

Not a test: the figures depend on the machine. The results file says which machine, when, and how busy it was.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from enforcement.storage import build, store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
STEP_TIMEOUT_MS = 600_000
OUT = PROJECT / "bench" / "out"

# (nav label zh, nav label en, address path, title carries the region)
PAGES = [
    ("总览", "Overview", "", True),
    ("里程碑", "Milestones", "milestones", True),
    ("任务台账", "Task ledger", "ledger", True),
    ("培训", "Training", "training", True),
    ("案件", "Cases", "cases", True),
    ("地区对比", "Regions", "regions", True),
    ("数据导出", "Export", "export", False),
    ("数据导入", "Import", "import", False),
]
# Regions at every level, from the five plans' areas and outside them.
REGIONS = [
    "320000", "371100", "371102", "500237001", "440300", "130100", "320102", "441900", "130000", "440000",
    "371102001", "320583", "130600", "371121", "500237", "440305", "320100", "130102", "370000", "320102002",
]  # fmt: skip
AS_OF = [None, "2024-12-31", "2024-10-31", "2023-12-31", "2025-06-30"]


@dataclass
class Session:
    number: int
    region: str
    lineage: list[str]  # names from the province down
    as_of: str | None
    lang: str
    times: list[tuple[str, float]] = field(default_factory=list)
    server_cpu: list[tuple[str, float]] = field(default_factory=list)  # per step, when this session walked alone
    problems: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)

    @property
    def params(self) -> dict[str, str]:
        params = {"region": self.region}
        if self.as_of:
            params["as_of"] = self.as_of
        if self.lang == "en":
            params["lang"] = "en"
        return params


def database_note(db: Path) -> str:
    import duckdb

    con = duckdb.connect(str(store.current_file(db)), read_only=True)
    try:
        meta = dict(con.execute("select key, value from meta").fetchall())
        cases = con.execute("select count(*) from case_stats").fetchone()[0]
    finally:
        con.close()
    return f"{meta.get('scale')} scale, {cases:,} case rows, data as of {meta.get('data_as_of')}"


ALL_NAMES: set[str] = set()  # every region name any session expects (filled from the database)


def region_lineages(db: Path) -> dict[str, list[str]]:
    import duckdb

    con = duckdb.connect(str(store.current_file(db)), read_only=True)
    try:
        rows = con.execute(
            "select region_code, full_name from regions where region_code in (select unnest($codes))",
            {"codes": REGIONS},
        ).fetchall()
    finally:
        con.close()
    lineages = {code: name.split(" / ") for code, name in rows}
    ALL_NAMES.update(name for names in lineages.values() for name in names)
    return lineages


def sessions_for(n: int, lineages: dict[str, list[str]], first: int = 0) -> list[Session]:
    """n sessions numbered from first; every (region, as-of) pair differs from the other rounds' (no shared cache)."""
    sessions = []
    for k in range(first, first + n):
        region = REGIONS[k % len(REGIONS)]
        as_of = AS_OF[(k // len(REGIONS) + k) % len(AS_OF)]
        sessions.append(Session(k, region, lineages[region], as_of, "en" if k % 4 == 3 else "zh"))
    return sessions


# ----------------------------------------------------------------------------------------------- one session


async def rendered(tab, heading: str, region_name: str | None) -> None:
    """The script has finished, the title is this page's (with the region), no widget is a loading skeleton any
    more, and every Plotly chart has drawn."""
    await tab.wait_for_function(
        """([heading, region]) => {
            const h = document.querySelector('h1');
            const app = document.querySelector("[data-testid='stApp']");
            if (!h || !app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
            const text = h.innerText.trim();
            if (!text.startsWith(heading) || (region !== null && !text.endsWith(region))) return false;
            // Widgets whose code is still loading show as skeletons: not rendered yet.
            if (document.querySelector("[data-testid='stSkeleton']")) return false;
            const charts = Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']"));
            return charts.every(chart => chart.querySelector('.main-svg'));
        }""",
        arg=[heading, region_name],
        timeout=STEP_TIMEOUT_MS,
        polling=100,
    )


async def check_view(tab, session: Session, label: str) -> None:
    """What this session sees must be its own view: no error, its region, its filters in the address."""
    exceptions = await tab.get_by_test_id("stException").count()
    body = await tab.get_by_test_id("stApp").inner_text(timeout=STEP_TIMEOUT_MS)
    if exceptions or re.search(r"\bError\b", body):
        session.problems.append(f"{label}: error shown ({exceptions} exception boxes)")
        await snapshot(tab, session, label)
    query = {key: values[-1] for key, values in parse_qs(urlsplit(tab.url).query).items()}
    for key, value in session.params.items():
        if query.get(key) != value:
            session.leaks.append(f"{label}: address has {key}={query.get(key)}, expected {value}")
    boxes = tab.get_by_test_id("stSidebar").locator("input[role='combobox']")
    count = await boxes.count()
    shown = [await boxes.nth(i).input_value() for i in range(min(count, len(session.lineage)))]
    if shown != session.lineage:
        if any(name in shown for name in ALL_NAMES - set(session.lineage)):
            session.leaks.append(f"{label}: sidebar shows {shown}, expected {session.lineage}")
        else:
            session.problems.append(f"{label}: sidebar shows {shown} ({count} pickers), expected {session.lineage}")
        await snapshot(tab, session, label)


async def snapshot(tab, session: Session, label: str) -> None:
    """Keep what the session saw when something was wrong (bench/out/load_*.png, git-ignored)."""
    name = re.sub(r"\W+", "_", label)
    with contextlib.suppress(Exception):
        await tab.screenshot(path=str(OUT / f"load_{name}.png"))
        sidebar = await tab.get_by_test_id("stSidebar").inner_html(timeout=5_000)
        (OUT / f"load_{name}_sidebar.html").write_text(sidebar, encoding="utf-8")


async def walk(browser, base_url: str, session: Session, server_pid: int | None = None) -> None:
    """Open the overview by the session's link, then every page from the sidebar; with server_pid (a session that
    walks alone), the server's CPU time of each step too."""
    context = await browser.new_context(viewport={"width": 1440, "height": 900})
    outside: list[str] = []

    async def guard(route):
        if route.request.url.startswith((base_url, "data:", "blob:", "about:")):
            await route.continue_()
        else:
            outside.append(route.request.url)
            await route.abort()

    await context.route("**/*", guard)
    tab = await context.new_page()
    region_name = session.lineage[-1]
    try:
        for step, (zh, en, path, titled) in enumerate(PAGES):
            label = en if session.lang == "en" else zh
            started, cpu_before = time.perf_counter(), cpu_seconds(server_pid)
            if step == 0:
                await tab.goto(f"{base_url}/{path}?{urlencode(session.params)}", timeout=STEP_TIMEOUT_MS)
            else:
                await (
                    tab.get_by_test_id("stSidebar")
                    .get_by_test_id("stPageLink")
                    .get_by_text(label, exact=True)
                    .click(timeout=STEP_TIMEOUT_MS)
                )
            await rendered(tab, label, region_name if titled else None)
            session.times.append((path or "overview", time.perf_counter() - started))
            if server_pid is not None:
                session.server_cpu.append((path or "overview", cpu_seconds(server_pid) - cpu_before))
            await check_view(tab, session, f"session {session.number} {path or 'overview'}")
    except Exception as error:  # a timeout or a missing element: count it, keep the other sessions going
        session.problems.append(f"session {session.number}: {type(error).__name__}: {str(error)[:200]}")
    finally:
        if outside:
            session.problems.append(f"session {session.number}: requests left the machine: {outside[:3]}")
        await context.close()


def cpu_seconds(pid: int | None) -> float:
    """CPU time used so far by a process and its children (0 if unknown)."""
    import psutil

    if pid is None:
        return 0.0
    try:
        process = psutil.Process(pid)
        total = 0.0
        for proc in [process, *process.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
        return total
    except psutil.Error:
        return 0.0


async def run_round(base_url: str, sessions: list[Session], server_pid: int | None) -> tuple[float, float, float]:
    """Walk all sessions at once; (wall seconds, server CPU seconds, browser CPU seconds) of the round."""
    import psutil
    from playwright.async_api import async_playwright

    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        me = psutil.Process()
        chromium = [p.pid for p in me.children(recursive=True) if "chrom" in p.name().lower()][:1]
        browser_pid = chromium[0] if chromium else None
        server_before, browser_before = cpu_seconds(server_pid), cpu_seconds(browser_pid)
        started = time.perf_counter()
        # Alone, a session's steps are the server's only work: each step's CPU is that page's.
        alone = server_pid if len(sessions) == 1 else None
        await asyncio.gather(*(walk(browser, base_url, session, alone) for session in sessions))
        wall = time.perf_counter() - started
        server_cpu, browser_cpu = cpu_seconds(server_pid) - server_before, cpu_seconds(browser_pid) - browser_before
        await browser.close()
    return wall, server_cpu, browser_cpu


# ----------------------------------------------------------------------------------------------- server, report


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    out = open(log, "wb")  # noqa: SIM115 (the server process writes to it until it ends)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", f"--server.port={port}",
         "--server.address=127.0.0.1", "--server.fileWatcherType=none", "--browser.gatherUsageStats=false"],
        cwd=PROJECT, env={**os.environ, store.ENV_VAR: str(db)}, stdout=out, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 180
    while True:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"streamlit did not start; see {log}")
        time.sleep(0.3)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(
            next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1]
        )
        memory = f", {kib / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


def versions() -> str:
    import duckdb
    import streamlit

    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return f"Python {platform.python_version()}, streamlit {streamlit.__version__}, duckdb {duckdb.__version__}, {chromium}"


@dataclass
class RoundResult:
    users: int
    wall: float
    times: list[float]
    by_page: dict[str, list[float]]
    problems: list[str]
    leaks: list[str]
    load_before: float
    load_after: float
    server_cpu: float
    browser_cpu: float
    server_cpu_by_page: dict[str, float] = field(default_factory=dict)  # one user's round only

    @property
    def server_cpu_per_view(self) -> float | None:
        return self.server_cpu / len(self.times) if self.times else None


def summarise(
    users: int, sessions: list[Session], wall: float, load_before: float, server_cpu: float, browser_cpu: float
) -> RoundResult:
    times = [seconds for s in sessions for _, seconds in s.times]
    by_page: dict[str, list[float]] = {}
    for s in sessions:
        for page, seconds in s.times:
            by_page.setdefault(page, []).append(seconds)
    return RoundResult(
        users=users,
        wall=wall,
        times=times,
        by_page=by_page,
        problems=[p for s in sessions for p in s.problems],
        leaks=[leak for s in sessions for leak in s.leaks],
        load_before=load_before,
        load_after=os.getloadavg()[0],
        server_cpu=server_cpu,
        browser_cpu=browser_cpu,
        server_cpu_by_page={page: cpu for s in sessions for page, cpu in s.server_cpu},
    )


def report(results: list[RoundResult], db_note: str, shared_note: str) -> str:
    lines = [
        f"## {dt.datetime.now():%Y-%m-%d %H:%M} · {machine()}",
        "",
        f"{versions()}. Database: {db_note}. One `streamlit run` process, one headless Chromium with one context "
        "(one Streamlit session) per user; each user opens the overview by its own link (region, as-of date, language "
        f"differ) and clicks through all {len(PAGES)} pages in the sidebar. Time = click (or address) to the page "
        "rendered: script finished, title showing the user's region, every Plotly chart on the page drawn. Each "
        "user's region and date differ from every other user's in all rounds, so no round reuses another's cached "
        "queries (a one-user warm-up walk runs first).",
        "",
        shared_note,
        "",
        "| users | page loads | errors | other users' filters seen | p50 s | p95 s | max s | wall s "
        "| CPU s: server / browsers | server CPU s per page load | load avg before → after |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        if r.times:
            p50, p95, top = statistics.median(r.times), percentile(r.times, 0.95), max(r.times)
            figures = f"{p50:.1f} | {p95:.1f} | {top:.1f}"
        else:
            figures = "– | – | –"
        lines.append(
            f"| {r.users} | {len(r.times)} | {len(r.problems)} | {len(r.leaks)} | {figures} | {r.wall:.0f} | "
            f"{r.server_cpu:.0f} / {r.browser_cpu:.0f} | "
            + (f"{r.server_cpu_per_view:.2f}" if r.server_cpu_per_view is not None else "–")
            + f" | {r.load_before:.1f} → {r.load_after:.1f} |"
        )
    lines += ["", "p50 per page, seconds:", "", "| users | " + " | ".join(p[2] or "overview" for p in PAGES) + " |"]
    lines.append("| ---: |" + " ---: |" * len(PAGES))
    for r in results:
        cells = [
            f"{statistics.median(r.by_page[p[2] or 'overview']):.1f}" if r.by_page.get(p[2] or "overview") else "–"
            for p in PAGES
        ]
        lines.append(f"| {r.users} | " + " | ".join(cells) + " |")
    alone = [r for r in results if r.server_cpu_by_page]
    if alone:
        lines += [
            "",
            "Server CPU per page view, seconds (one user walking alone, so each step's CPU is that page's; with more "
            "users the round's server CPU over its page loads is in the table above):",
            "",
            "| users | " + " | ".join(p[2] or "overview" for p in PAGES) + " |",
            "| ---: |" + " ---: |" * len(PAGES),
        ]
        for r in alone:
            cells = [
                f"{r.server_cpu_by_page[p[2] or 'overview']:.2f}"
                if (p[2] or "overview") in r.server_cpu_by_page
                else "–"
                for p in PAGES
            ]
            lines.append(f"| {r.users} | " + " | ".join(cells) + " |")
    problems = [p for r in results for p in r.problems] + [leak for r in results for leak in r.leaks]
    lines += ["", "Errors and foreign filters seen: " + ("none." if not problems else "")]
    lines += [f"- {p}" for p in problems[:40]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--url", help="a running app (default: start one on a copy of the sample database)")
    parser.add_argument("--db", help="database for the server this script starts (default: build a fresh sample)")
    parser.add_argument("--port", type=int, default=0, help="port for the server this script starts")
    parser.add_argument("--out", help="append the results (markdown) to this file")
    parser.add_argument("--note", default="", help="a line about the machine's state, written with the figures")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")

    work = OUT
    work.mkdir(parents=True, exist_ok=True)
    server = None
    if args.url:
        base_url, db = args.url.rstrip("/"), store.database_path(args.db)
    else:
        if args.db:
            db = store.database_path(args.db)
        else:
            db = work / "load" / "enforcement.duckdb"
            if store.current_file(db) is None:
                print(f"building the sample database at {db} …", file=sys.stderr)
                build.build(db)
        port = args.port or free_port()
        server = start_server(db, port, work / "load_streamlit.log")
        base_url = f"http://127.0.0.1:{port}"
    lineages = region_lineages(db)
    try:
        # One warm-up walk so that the first round does not measure Python imports and cold caches alone.
        server_pid = server.pid if server is not None else None
        asyncio.run(run_round(base_url, sessions_for(1, lineages), server_pid))
        results, first = [], 1
        for users in args.users:
            sessions = sessions_for(users, lineages, first)
            first += users
            load_before = os.getloadavg()[0]
            wall, server_cpu, browser_cpu = asyncio.run(run_round(base_url, sessions, server_pid))
            result = summarise(users, sessions, wall, load_before, server_cpu, browser_cpu)
            results.append(result)
            p50 = f"{statistics.median(result.times):.1f}" if result.times else "–"
            print(
                f"N={users}: {len(result.times)} page loads, {len(result.problems)} errors, "
                f"{len(result.leaks)} foreign filters, p50 {p50} s, wall {wall:.0f} s",
                file=sys.stderr,
            )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
    text = report(results, database_note(db), args.note)
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as out:
            out.write("\n" + text)
    return 1 if any(r.problems or r.leaks for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
