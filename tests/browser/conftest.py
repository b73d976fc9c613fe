"""What every browser test shares: `streamlit run` servers on free ports, one headless Chromium, an offline guard.

- `app_url`: one server for the whole session on a fresh copy of the sample database, for tests that only read.
  Tests that write (imports) or need a server in a special state start their own with `running_server(db)`.
- `browser`: Debian's Chromium at /usr/bin/chromium, driven by Playwright (no `playwright install`: CI installs the
  distribution package, see .ci/run). If it is missing the tests fail and say how to install it; they never skip.
- `page` / `new_page`: a browser context whose every request is recorded; a request that does not go to the local
  server is aborted, and the test fails at teardown listing it (the app must work with no internet at all).
- Every test in this folder is marked `browser` (`pytest -m "not browser"` leaves them out).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.load import CHROMIUM_ARGS  # Chromium launched as the load benchmark launches it
from tests.conftest import PROJECT
from tests.transfer_support import copy_database

CHROMIUM = Path("/usr/bin/chromium")
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
DRAWN = f"{READY} [data-testid='stMain'] [data-testid='stElementContainer']"
ARTIFACTS = PROJECT / "tests" / "artifacts"
WIDE = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
# Not network requests: inline images, downloads handed over as blobs, the blank page a context starts with.
NOT_NETWORK = ("data:", "blob:", "about:")
CJK = re.compile(r"[\u4e00-\u9fff]")
INSTALL_HINT = (
    "The browser tests need Debian's Chromium at /usr/bin/chromium and the Python package playwright. Install them "
    "with `apt-get install chromium` and `python -m pip install -r requirements-dev.txt` (or run .ci/run, which "
    "does both). Do not run `playwright install`: the tests use the distribution's browser and must work offline."
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Launched:
    """A server process on a loopback port, its output going to log."""

    url: str
    process: subprocess.Popen
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


@dataclass
class Server(Launched):
    """`streamlit run app.py` serving the database db."""

    db: Path


@contextlib.contextmanager
def _stopped_after(launched: Launched, ready: Callable[[], bool], timeout: float, poll_every: float) -> Iterator[None]:
    """The block, once ready() (asked every poll_every seconds; OSError is not ready yet); then the process is stopped.

    If the process ends or timeout passes first: RuntimeError with the end of its log.
    """
    process = launched.process
    try:
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(OSError):
                if ready():
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                name = type(launched).__name__
                raise RuntimeError(f"{name} did not start at {launched.url}:\n{launched.log_text()[-3000:]}")
            time.sleep(poll_every)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


@contextlib.contextmanager
def running_server(
    db: Path,
    log_dir: Path,
    timeout: float = 180,
    args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    port: int | None = None,
) -> Iterator[Server]:
    """`streamlit run app.py` on a free localhost port against db, once /_stcore/health answers ok.

    args: more command-line options (--secrets.files=… to turn sign-in on); env: more environment variables.
    """
    port = port or free_port()
    log = log_dir / f"streamlit-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--server.fileWatcherType=none",
                "--browser.gatherUsageStats=false",
                *args,
            ],
            cwd=PROJECT,
            env={**os.environ, "ENFORCEMENT_DB": str(db), **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log, db)

    def healthy() -> bool:
        with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as answer:
            return answer.read() == b"ok"

    with _stopped_after(server, healthy, timeout, poll_every=0.3):
        yield server


@dataclass
class Provider(Launched):
    """A real OpenID Connect provider (oidc-provider-mock) on a free loopback port, with predefined people."""


@contextlib.contextmanager
def running_provider(people: list[dict], log_dir: Path, timeout: float = 60) -> Iterator[Provider]:
    """oidc-provider-mock with one --user-claims per person (each a dict with 'sub'), once its metadata answers.

    It runs Werkzeug's debugger, so it is bound to 127.0.0.1 only (its default). Any client id and secret and any
    redirect URI are accepted; its sign-in form has a button per predefined person.
    """
    port = free_port()
    log = log_dir / f"oidc-provider-{port}.log"
    command = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)]
    for person in people:
        command += ["--user-claims", json.dumps(person, ensure_ascii=False)]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    provider = Provider(f"http://127.0.0.1:{port}", process, log)

    def answers() -> bool:
        with urllib.request.urlopen(f"{provider.url}/.well-known/openid-configuration", timeout=2) as answer:
            return answer.status == 200

    with _stopped_after(provider, answers, timeout, poll_every=0.2):
        yield provider


def pytest_itemcollected(item: pytest.Item) -> None:
    """Every test in this folder drives a real browser: marked `browser` here once, not in each file."""
    item.add_marker(pytest.mark.browser)


# ----------------------------------------------------------------------------------------------- servers


@pytest.fixture(scope="session")
def reader_db(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the sample database that the session server reads (tests must not write to it)."""
    return copy_database(sample_db, tmp_path_factory.mktemp("browser_db") / "enforcement.duckdb")


@pytest.fixture(scope="session")
def server(reader_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(reader_db, tmp_path_factory.mktemp("streamlit_log")) as running:
        yield running


@pytest.fixture(scope="session")
def app_url(server: Server) -> str:
    return server.url


# ----------------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing. {INSTALL_HINT}", pytrace=False)
    return CHROMIUM


@pytest.fixture(scope="session")
def playwright_driver():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"playwright is not installed. {INSTALL_HINT}", pytrace=False)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver, chromium: Path):
    launched = playwright_driver.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@dataclass
class Requests:
    """Every request a browser context made; those that would have left the machine were aborted."""

    origin: str
    seen: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = route.request.url
        self.seen.append(url)
        if url.startswith(NOT_NETWORK) or url == self.origin or url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture()
def new_page(browser, request: pytest.FixtureRequest):
    """Open a page in a new browser context (a new session, like a colleague opening a link); offline-guarded.

    new_page(origin=None, viewport=WIDE) -> (page, requests); origin defaults to the session server's.
    Teardown fails if any request left the machine.
    """
    contexts = []

    def open_page(origin: str | None = None, viewport: dict | None = None):
        context = browser.new_context(viewport=viewport or WIDE, accept_downloads=True, locale="zh-CN")
        requests = Requests(origin or request.getfixturevalue("app_url"))
        context.route("**/*", requests.route)
        contexts.append((context, requests))
        return context.new_page(), requests

    yield open_page
    outside = [url for _, requests in contexts for url in requests.outside]
    for context, _ in contexts:
        context.close()
    assert outside == [], f"requests left the machine: {outside}"


@pytest.fixture()
def page(new_page):
    tab, _ = new_page()
    return tab


# ----------------------------------------------------------------------------------------------- helpers


def settle(tab, timeout: float = 120_000) -> None:
    """Wait until the script has finished having drawn something in the main area, and is still finished a moment
    later (URL syncs can trigger a rerun).

    An idle app alone is not enough: a new session reports 'not running' before its first run has sent anything.
    'attached', not 'visible': some pages start with a hidden element (the sign-in page's first container).
    """
    tab.wait_for_selector(DRAWN, state="attached", timeout=timeout)
    tab.wait_for_timeout(700)
    tab.wait_for_selector(DRAWN, state="attached", timeout=timeout)


def title(tab) -> str:
    return tab.locator("h1").first.inner_text(timeout=60_000).strip()


def wait_for_title(tab, start: str, timeout: float = 120_000) -> None:
    _wait_for_h1(tab, "startsWith", start, timeout)


def wait_for_title_end(tab, end: str, timeout: float = 120_000) -> None:
    _wait_for_h1(tab, "endsWith", end, timeout)


def _wait_for_h1(tab, test: str, text: str, timeout: float) -> None:
    """Until the page's title passes the string test (startsWith, endsWith) with text, then settle."""
    tab.wait_for_function(
        f"text => {{ const h = document.querySelector('h1'); return h && h.innerText.trim().{test}(text); }}",
        arg=text,
        timeout=timeout,
    )
    settle(tab)


def nav_link(tab, label: str):
    """The sidebar navigation link with exactly this label."""
    return tab.get_by_test_id("stSidebar").get_by_test_id("stPageLink").get_by_text(label, exact=True)


def choose(tab, label: str, option: str, within=None) -> None:
    """Pick option in the selectbox labelled label (typing filters long lists such as regions), then settle."""
    scope = within or tab
    box = scope.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)
    tab.get_by_role("option", name=option, exact=True).click()
    settle(tab)


def sidebar_values(tab, timeout: float = 60.0) -> list[str]:
    """What the sidebar's selectboxes show (region levels, quick date, domain), once the sidebar has stopped changing.

    A new session's first runs may still be drawing the sidebar after the title has arrived (one CI run read only
    the domain box), so read it with the script idle until two reads a moment apart agree.
    """
    boxes = tab.get_by_test_id("stSidebar").get_by_role("combobox")
    deadline = time.monotonic() + timeout
    last: list[str] | None = None
    while True:
        tab.wait_for_selector(READY, state="attached", timeout=60_000)
        boxes.first.wait_for(timeout=60_000)
        now = [boxes.nth(i).input_value() for i in range(boxes.count())]
        if now == last or time.monotonic() > deadline:
            return now
        last = now
        tab.wait_for_timeout(700)  # as settle(): a URL sync may start one more run


def metric_value(tab, label: str) -> str:
    card = tab.get_by_test_id("stMetric").filter(has=tab.get_by_test_id("stMetricLabel").get_by_text(label, exact=True))
    return card.get_by_test_id("stMetricValue").inner_text(timeout=60_000).strip()


def errors_shown(tab) -> list[str]:
    """Exception boxes and any visible 'Error' text on the page (Streamlit's own error texts are English)."""
    found = [
        tab.get_by_test_id("stException").nth(i).inner_text() for i in range(tab.get_by_test_id("stException").count())
    ]
    body = tab.get_by_test_id("stApp").inner_text()
    found += [line for line in body.splitlines() if re.search(r"\bError\b", line)]
    return found


def shoot(tab, name: str) -> Path:
    """A screenshot of the viewport under tests/artifacts/ (git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path))
    return path


# Streamlit scrolls inside its own container, so a "full page" screenshot shows only the viewport: measure it.
_CONTENT_HEIGHT = """() => Math.max(document.documentElement.clientHeight, ...Array.from(document.querySelectorAll(
    "[data-testid='stMain'], [data-testid='stAppViewContainer'], [data-testid='stMainBlockContainer']"
)).map(e => e.scrollHeight))"""


def shoot_both_sizes(tab, name: str) -> None:
    """Screenshots at 1440x900 and 390x844 (a phone), each also stretched to the whole page; then back to wide."""
    for size, suffix in ((WIDE, "1440"), (PHONE, "390")):
        tab.set_viewport_size(size)
        tab.wait_for_timeout(800)  # Plotly redraws on resize
        settle(tab)
        shoot(tab, f"{name}_{suffix}")
        height = min(int(tab.evaluate(_CONTENT_HEIGHT)), 12_000)
        if height > size["height"]:
            tab.set_viewport_size({"width": size["width"], "height": height})
            tab.wait_for_timeout(800)
            shoot(tab, f"{name}_{suffix}_full")
    tab.set_viewport_size(WIDE)
    tab.wait_for_timeout(500)
