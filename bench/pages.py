"""Server-side time, SQL queries and HTML weight of the main pages.

Runs in-process against the configured database (the embedded SQLite by
default), after `make run` has migrated and seeded it:

    .venv/bin/python bench/pages.py [--repeat 30]

Prints one row per page: median and 95th percentile time, queries, bytes, and bytes
as sent to a browser that accepts gzip.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
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
