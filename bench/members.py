"""Server-side time, SQL queries and HTML weight of the members pages, as the demo
host (member of a space), the demo participant and an anonymous visitor.

    .venv/bin/python bench/members.py [--repeat 30]

Runs against the configured database after `make run` (or `manage.py seed_demo`).
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from pages import measure  # noqa: E402  (sets up Django)

from learning_processes.models import LearningProcessPage  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    space = LearningProcessPage.objects.get(slug="circular-waste-management")
    User = get_user_model()
    viewers = {
        "anonymous": None,
        "host": User.objects.get(username="host@example.org"),
        "participant": User.objects.get(username="participant@example.org"),
    }
    pages = {
        "anonymous": ["/members/", "/members/?expertise=urban+heat&country=IN", space.url],
        "host": [
            "/members/",
            space.url,
            f"/spaces/{space.pk}/members/",
            "/members/profile/",
            "/members/my-data/export/",
        ],
        "participant": ["/members/", "/members/?language=en&topic=municipal-services", space.url],
    }
    print(f"database: {connection.vendor}; {args.repeat} requests per page")
    print(f"{'viewer':<12} {'page':<52} {'status':>6} {'median':>9} {'p95':>9} {'queries':>8}")
    for viewer, user in viewers.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        for path in pages[viewer]:
            row = measure(client, path, args.repeat)
            print(
                f"{viewer:<12} {path:<52} {row['status']:>6} {row['median_ms']:>7.1f}ms"
                f" {row['p95_ms']:>7.1f}ms {row['queries']:>8}"
            )


if __name__ == "__main__":
    main()
