"""Server-side time, SQL queries and HTML weight of the main pages.

Runs in-process against the configured database (the embedded SQLite by
default), after `make run` has migrated and seeded it:

    .venv/bin/python bench/pages.py [--repeat 30]

Prints one row per page: median and 95th percentile time, queries, bytes, and bytes
as sent to a browser that accepts gzip.

    .venv/bin/python bench/pages.py --browser

serves the same database on a free port and opens the front door's pages in Chromium
(Debian's, or CHROMIUM_PATH) at 375 and 1280 px, the thread and the live room signed in
as the demo participant: bytes on the wire with and without images, the header's height,
where the first result starts, and axe's violations, against the budgets that
tests/browser/test_page_budgets.py enforces (see bench/page_figures.py).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "connective_site.settings.dev")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("LOG_LEVEL", "ERROR")

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    "/",
    "/learning-processes/",
    "/practices/",
    "/practices/?topic=municipal-services&region=global_south",
    "/learning-processes/circular-waste-management/",
    "/practices/market-waste-composting-kumasi/",
    "/accounts/login/",
    "/healthz",
]


def measure(client: Client, path: str, repeat: int) -> dict:
    client.get(path, HTTP_HOST="localhost")  # warm caches and templates
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, HTTP_HOST="localhost")
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST="localhost")
    queries = len(captured)  # before the next request resets the connection's log
    timings.sort()
    packed = client.get(path, HTTP_HOST="localhost", HTTP_ACCEPT_ENCODING="gzip")
    return {
        "status": response.status_code,
        "median_ms": statistics.median(timings),
        "p95_ms": timings[max(0, int(len(timings) * 0.95) - 1)],
        "queries": queries,
        "bytes": len(response.content),
        "gzip_bytes": len(packed.content),
    }


def browser_figures() -> None:
    import socket
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    from bench.page_figures import (
        BROWSER_PAGES,
        DESKTOP,
        PHONE,
        measure,
        member_pages,
        over_budget,
        signed_in_state,
    )
    from demo.pages import DEMO_ACCOUNTS
    from tests.browser.conftest import AXE_PATH, CHROMIUM_ARGS, DEFAULT_CHROMIUM

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    # DEBUG lets WhiteNoise find static files without collectstatic, as `make run` does.
    env = {**os.environ, "SITE_URL": base, "DEBUG": "true"}
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--insecure",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        account = next(a for a in DEMO_ACCOUNTS if a["role"] == "participant")
        axe = AXE_PATH.read_text(encoding="utf-8") if AXE_PATH.is_file() else None
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM),
                args=CHROMIUM_ARGS,
            )
            state = signed_in_state(browser, base, account["email"], account["password"])
            rows = [(path, None) for path in BROWSER_PAGES]
            rows += [(path, state) for path in member_pages()]
            print(
                f"{'page':<58} {'px':>5} {'wire KB':>8} {'no img':>7} {'images':>7} {'req':>4}"
                f" {'header':>7} {'1st result':>10} {'axe':>4}"
            )
            problems = []
            for path, storage in rows:
                for viewport in (PHONE, DESKTOP):
                    row = measure(
                        browser,
                        base,
                        path,
                        viewport=viewport,
                        storage_state=storage,
                        axe_source=axe,
                    )
                    top = "-" if row.first_result_top is None else f"{row.first_result_top:.0f}"
                    print(
                        f"{path:<58} {row.width:>5} {row.wire_bytes / 1024:>8.1f}"
                        f" {row.without_images / 1024:>7.1f} {row.image_bytes / 1024:>7.1f}"
                        f" {row.requests:>4} {row.header_height:>7.0f} {top:>10}"
                        f" {len(row.axe):>4}"
                    )
                    problems += over_budget(row, home=path == "/")
            browser.close()
        print("budgets: all held" if not problems else "over budget:\n  " + "\n  ".join(problems))
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--browser", action="store_true", help="the front door's figures in Chromium"
    )
    args = parser.parse_args()
    if args.browser:
        browser_figures()
        return
    client = Client()
    print(f"database: {connection.vendor}; {args.repeat} requests per page")
    print(
        f"{'page':<58} {'status':>6} {'median':>9} {'p95':>9} {'queries':>8} {'bytes':>8}"
        f" {'gzip':>7}"
    )
    for path in PAGES:
        row = measure(client, path, args.repeat)
        print(
            f"{path:<58} {row['status']:>6} {row['median_ms']:>7.1f}ms {row['p95_ms']:>7.1f}ms"
            f" {row['queries']:>8} {row['bytes']:>8} {row['gzip_bytes']:>7}"
        )


if __name__ == "__main__":
    main()
