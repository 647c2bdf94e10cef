"""Fixtures for the browser tests: a real Chromium driven through Playwright.

Playwright cannot download its own browser builds here, so the tests drive
Debian's Chromium (`tools/services/chromium.sh` installs it; `CHROMIUM_PATH`
points elsewhere). axe-core comes from npm (`npm ci` installs it into
node_modules/). A missing browser or axe-core fails the tests; it never skips.

Every test in this folder is marked `browser`.
"""

import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

# Playwright's sync API runs an asyncio event loop in the test thread, and Django
# refuses ORM calls from a thread with a running loop. The test thread only seeds
# data and checks it, one call at a time, so the guard can be lifted here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_ROOT = Path(__file__).resolve().parents[2]
BROWSER_DIR = Path(__file__).resolve().parent
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
DEFAULT_CHROMIUM = "/usr/bin/chromium"

# The machine's network reaches only package registries: keep Chromium from
# phoning home (component updates, sync, QUIC probes) so nothing hangs on it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# Runs before any page script (through the DevTools protocol, so the page's CSP
# does not apply to it) and reports every CSP violation to the test through the
# __reportCspViolation binding, including blocked eval() that logs nothing.
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.__reportCspViolation({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : '',
    sample: event.sample,
  });
});
"""


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark this folder's tests `browser` and run them last.

    A conftest's hook sees the whole session's items, so only this folder's are
    touched. They go last (after pytest-django's own ordering, hence trylast)
    because the session-wide Playwright keeps its event loop marked as running
    in the main thread until the session ends, and pytest-asyncio cannot run an
    async test in a thread that has a running loop.
    """
    browser_items, other_items = [], []
    for item in items:
        if Path(str(item.path)).resolve().is_relative_to(BROWSER_DIR):
            item.add_marker(pytest.mark.browser)
            browser_items.append(item)
        else:
            other_items.append(item)
    items[:] = other_items + browser_items


def _content_types_first(serialized: str) -> str:
    objects = json.loads(serialized)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


def _flush(alias: str) -> None:
    from django.core.management import call_command

    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        database=alias,
        # Keep the sequences past the restored rows' ids, as
        # TransactionTestCase's own flush does.
        reset_sequences=False,
        inhibit_post_migrate=True,
    )


@pytest.fixture(scope="session", autouse=True)
def _demo_snapshot(django_db_setup: None, django_db_blocker: Any) -> None:
    """Once, before the first browser test: seed the demo content and make it part
    of the database snapshot that each browser test starts from.

    Every browser test needs the live server, so a transactional database that is
    flushed after each test and restored from its serialized contents before the
    next (the serialized rollback that `demo_site` asks for). Seeding the demo
    takes seconds; restoring it from the snapshot takes a fraction of that. So
    the snapshot, as taken after the migrations, is restored once, the demo is
    seeded on top and the result becomes the snapshot the browser tests restore.

    Two traps on the way, both from a transactional test elsewhere that ran
    before without serialized rollback: its flush re-ran post_migrate, which
    recreated the content types under new ids, in the database and in
    ContentType's cache. Restoring onto those rows fails on their unique keys,
    and so do the rows that Wagtail's Page and Task constructors create through
    ContentType.objects.get_for_model() while the restore builds them. So the
    database is emptied without post_migrate, the cache is forgotten, and the
    snapshot lists the content types first, so that get_for_model() finds the
    restored rows. The browser tests run last and one after another, each
    flushing without post_migrate, so this holds for all of them.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import DEFAULT_DB_ALIAS, connections

    from demo.seed import seed_demo

    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = _content_types_first(
                    connection._test_serialized_contents
                )
                _flush(alias)
        ContentType.objects.clear_cache()

        connection = connections[DEFAULT_DB_ALIAS]
        if hasattr(connection, "_test_serialized_contents"):
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
            seed_demo()
            connection._test_serialized_contents = _content_types_first(
                connection.creation.serialize_db_to_string()
            )
            _flush(DEFAULT_DB_ALIAS)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM)
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium is not installed at {path}: run `bash tools/services/chromium.sh` "
            "(or `make browser-deps`), or point CHROMIUM_PATH at a Chromium executable.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def playwright_instance(django_db_setup: None) -> Iterator[Any]:
    """Playwright's sync API, for the whole session.

    Between two sync calls Playwright leaves its event loop marked as running in
    the main thread, and Django then keeps database connections per async
    context instead of per thread: the test thread would get fresh connection
    objects, without the test database's serialized contents that the
    transactional tests restore from, and (on PostgreSQL) as extra sessions. So
    the connections the thread already has are handed over to that context: the
    test thread uses one connection per database, whatever Playwright does.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    thread_connections = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    try:
        for alias, connection in thread_connections.items():
            connections[alias] = connection
        yield playwright
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def browser(playwright_instance: Any, chromium_path: str) -> Iterator[Any]:
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@dataclass
class PageProblems:
    """What went wrong in the page while a test ran: console errors, uncaught
    exceptions and Content-Security-Policy violations."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"uncaught exception: {m}" for m in self.page_errors]
            + [f"CSP violation: {m}" for m in self.csp_violations]
        )

    def clear(self) -> None:
        self.console_errors.clear()
        self.page_errors.clear()
        self.csp_violations.clear()


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def page(browser: Any, page_problems: PageProblems) -> Iterator[Any]:
    """A fresh page in its own browser context (no cookies shared between tests),
    English, desktop-sized; its problems are collected in `page_problems`."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)

    def on_csp_violation(_source: Any, report: dict[str, Any]) -> None:
        sample = f" sample={report['sample']!r}" if report.get("sample") else ""
        page_problems.csp_violations.append(
            f"{report['directive']} blocked {report['blocked']!r} at {report['source']}{sample}"
        )

    context.expose_binding("__reportCspViolation", on_csp_violation)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()

    def on_console(message: Any) -> None:
        if message.type == "error":
            location = message.location or {}
            where = location.get("url", "")
            if where:
                where = f" ({where}:{location.get('lineNumber', 0)})"
            page_problems.console_errors.append(f"{message.text}{where}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: page_problems.page_errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_PATH.is_file():
        pytest.fail(
            f"axe-core is not installed ({AXE_PATH} is missing): run `npm ci` in {REPO_ROOT} "
            "(or `make browser-deps`).",
            pytrace=False,
        )
    return AXE_PATH.read_text(encoding="utf-8")


@pytest.fixture
def axe(axe_source: str) -> Callable[..., list[dict[str, Any]]]:
    """`axe(page)` runs axe-core on the page's current document and returns its
    violations (WCAG 2.0/2.1 A and AA rules plus best practices).

    The script goes in through page.evaluate(), that is the DevTools protocol,
    which the page's Content-Security-Policy does not govern, so the page under
    test keeps its real policy (no bypass_csp) and a violation still shows up.
    """

    def run(page: Any, context: str | None = None) -> list[dict[str, Any]]:
        if not javascript_runs(page):
            # axe.run() is asynchronous, and a page whose context has JavaScript
            # switched off never settles a promise: the test would hang, not fail.
            pytest.fail(
                "axe cannot run in a page without JavaScript: check the same page in a "
                "context with JavaScript on (the markup is the server's either way)"
            )
        if not page.evaluate("typeof window.axe?.run === 'function'"):
            page.evaluate(axe_source)
        return page.evaluate(
            """async ([context, tags]) => {
                const results = await window.axe.run(context || document, {
                    runOnly: {type: 'tag', values: tags},
                    resultTypes: ['violations'],
                });
                return results.violations.map((v) => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    helpUrl: v.helpUrl,
                    nodes: v.nodes.map((n) => ({
                        target: n.target,
                        html: n.html,
                        summary: n.failureSummary,
                    })),
                }));
            }""",
            [context, AXE_TAGS],
        )

    return run


def format_violations(violations: list[dict[str, Any]]) -> str:
    """One block per axe violation: rule, impact, help text and every failing node."""
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}: {node['html']}")
            if node.get("summary"):
                lines.extend(f"        {line}" for line in node["summary"].splitlines())
    return "\n".join(lines)


@pytest.fixture
def demo_site(
    live_server: Any, django_db_serialized_rollback: None, settings: Any
) -> SimpleNamespace:
    """The demo content, in the database that `live_server` serves.

    The live server needs a transactional database, which is emptied after each
    test; the serialized rollback restores it before each test from a snapshot
    that already holds the demo content (see `_demo_snapshot`). seed_demo() then
    only checks that everything is there and returns its summary. `url` is the
    live server's base URL, and SITE_URL too, so links in e-mails open in the browser.
    """
    from demo.seed import seed_demo

    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url

    summary = seed_demo()
    accounts = {account["role"]: account for account in summary["accounts"]}
    return SimpleNamespace(url=live_server.url, accounts=accounts, summary=summary)


@pytest.fixture
def search_index(demo_site, settings):
    """The demo content, findable by the configured search backend.

    The database fallback reads the live server's database directly. A search
    engine gets a fresh index filled from the outbox, as tests/search/test_views.py's
    `searchable` fixture does. Publishing the demo pages queued them in the outbox,
    but the snapshot the browser tests restore holds those rows as already
    processed (the immediate task backend drained the outbox when the seeding
    committed), so draining brings nothing; the index is then rebuilt from the
    database. Either way it must hold every live page before a journey searches it.
    """
    if settings.SEARCH_ENGINE == "database":
        yield demo_site
        return

    from search import indexing
    from tests.search.test_engine_node import drop_indices

    drop_indices()
    indexing.ensure_index()
    result = indexing.drain_outbox(refresh=True)
    assert result.failed == 0, result.errors
    drift = indexing.check()
    if drift.missing:
        rebuilt = indexing.rebuild()
        drift = indexing.check()
        assert rebuilt.documents > 0
    assert drift.ok, f"the search index does not match the database: {drift}"
    yield demo_site
    drop_indices()


# --- The screenshot gallery: every page a role journey passes, at both widths ----------

SCREENSHOT_WIDTHS = {375: 740, 1280: 800}  # width: viewport height


@dataclass
class Gallery:
    """Screenshots of the role journeys, written under `root` with an index.html.

    `make screenshots` sets SCREENSHOT_DIR (var/screenshots); otherwise they go to
    the test run's own temporary folder. Either way a change to a page can be looked
    at before it is called done.
    """

    root: Path
    shots: dict[str, list[tuple[str, int, Path]]] = field(default_factory=dict)

    def start(self, journey: str) -> Path:
        folder = self.root / journey
        if folder.is_dir():
            for old in folder.glob("*.png"):
                old.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        self.shots[journey] = []
        return folder

    def write_index(self) -> None:
        from html import escape

        if not self.shots:
            return
        sections = []
        for journey, shots in sorted(self.shots.items()):
            rows = "\n".join(
                f'<figure><a href="{escape(str(path.relative_to(self.root)))}">'
                f'<img src="{escape(str(path.relative_to(self.root)))}" loading="lazy" '
                f'alt="{escape(name)} at {width} px" width="{min(width, 640)}"></a>'
                f"<figcaption>{escape(name)} · {width} px</figcaption></figure>"
                for name, width, path in shots
            )
            sections.append(f"<section><h2>{escape(journey)}</h2>\n{rows}\n</section>")
        (self.root / "index.html").write_text(
            '<!doctype html><html lang="en"><meta charset="utf-8">'
            "<title>Role journeys: screenshots</title>"
            "<style>body{font-family:sans-serif;margin:1rem}figure{display:inline-block;"
            "vertical-align:top;margin:0 1rem 1rem 0}img{border:1px solid #ccc;height:auto}"
            "</style><h1>Role journeys: screenshots</h1>\n" + "\n".join(sections),
            encoding="utf-8",
        )


@pytest.fixture(scope="session")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gallery]:
    configured = os.environ.get("SCREENSHOT_DIR")
    root = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    root.mkdir(parents=True, exist_ok=True)
    gallery = Gallery(root=root.resolve())
    yield gallery
    gallery.write_index()


def javascript_runs(page: Any) -> bool:
    """Whether the page's context runs JavaScript. Asked synchronously, through an
    event listener, because an asynchronous question would never be answered in a
    context that has JavaScript switched off."""
    return page.evaluate(
        """() => {
            let ran = false;
            const probe = document.createElement("i");
            probe.addEventListener("probe", () => { ran = true; });
            probe.dispatchEvent(new Event("probe"));
            return ran;
        }"""
    )


def horizontal_overflow(page: Any) -> list[str]:
    """The elements that stick out past the viewport's right edge (none on a page that
    fits), named for a failure message."""
    return page.evaluate(
        """() => {
            const limit = document.documentElement.clientWidth + 0.5;
            if (document.documentElement.scrollWidth <= limit) return [];
            return [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > limit)
                .slice(0, 8)
                .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
                    + `${typeof el.className === 'string' && el.className.trim()
                        ? '.' + el.className.trim().split(/\\s+/).join('.') : ''}`);
        }"""
    )


@pytest.fixture
def look(
    request: pytest.FixtureRequest,
    gallery: Gallery,
    axe: Callable[..., list[dict[str, Any]]],
    page_problems: PageProblems,
) -> Callable[..., None]:
    """`look(page, "name")`: the page as a person sees it, at a phone's width and a
    desktop's. At each width axe finds no violation, nothing sticks out sideways
    (unless `fits=False`, for the Wagtail admin's own wide tables) and a full-page
    screenshot goes into the gallery; the page also raised no console error,
    exception or CSP violation so far. The viewport is restored afterwards."""
    journey = request.node.name.removeprefix("test_")
    folder = gallery.start(journey)
    count = 0

    def run(page: Any, name: str, *, fits: bool = True, axe_context: str | None = None) -> None:
        nonlocal count
        count += 1
        page.wait_for_load_state("load")
        original = page.viewport_size
        try:
            for width, height in SCREENSHOT_WIDTHS.items():
                page.set_viewport_size({"width": width, "height": height})
                violations = axe(page, axe_context)
                assert violations == [], f"axe on {name} at {width} px:\n" + format_violations(
                    violations
                )
                if fits:
                    overflow = horizontal_overflow(page)
                    assert overflow == [], f"{name} is wider than {width} px: {overflow}"
                slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                path = folder / f"{count:02d}-{slug}-{width}.png"
                page.screenshot(path=str(path), full_page=True)
                gallery.shots[journey].append((name, width, path))
        finally:
            if original:
                page.set_viewport_size(original)
        problems = page_problems.all()
        assert problems == [], f"problems on the way to {name}:\n" + "\n".join(problems)

    return run
