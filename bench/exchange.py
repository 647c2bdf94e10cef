"""Server time and SQL queries of the follow-up exchange's pages, with a busy thread.

Runs in-process against the configured database, after `make run` has migrated and
seeded it. Inside one transaction that is rolled back at the end, it adds a thread
with REPLIES replies (every third one nested, some with mentions) to the demo space,
then measures the pages as the demo participant sees them:

    .venv/bin/python bench/exchange.py [--replies 200] [--repeat 20]

Prints the time one reply takes to post (render, mentions, notifications) and one row
per page: median and 95th percentile time, queries, bytes.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from pages import measure  # noqa: E402  (sets up Django)

from community.exchange.actions import do_create_thread, do_post_reply  # noqa: E402
from community.exchange.handles import member_handles  # noqa: E402
from community.exchange.permissions import can_post  # noqa: E402
from community.permissions import space_access  # noqa: E402
from demo.exchange import DEMO_SPACE, PARTICIPANT_EMAIL  # noqa: E402
from learning_processes.models import LearningProcessPage  # noqa: E402


class Rollback(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    space = LearningProcessPage.objects.get(slug=DEMO_SPACE)
    participant = get_user_model().objects.get(email=PARTICIPANT_EMAIL)
    members = [
        (handle, user)
        for handle, user in member_handles(space).items()
        if can_post(space_access(user, space))
    ]
    try:
        with transaction.atomic():
            thread = do_create_thread(
                space=space,
                author=participant,
                title="Benchmark thread",
                body="A busy thread for the benchmark.",
                tags=["benchmark"],
            )
            timings = []
            previous = None
            for number in range(args.replies):
                handle, author = members[number % len(members)]
                mention = f" @{members[(number + 1) % len(members)][0]}" if number % 5 == 0 else ""
                started = time.perf_counter()
                previous = do_post_reply(
                    thread=thread,
                    author=author,
                    body=f"Reply {number}: what we measured **this week**.{mention}",
                    parent=previous if number % 3 else None,
                )
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            print(
                f"posting a reply: median {statistics.median(timings):.1f} ms, "
                f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms "
                f"({args.replies} replies, {len(members)} members)"
            )
            client = Client()
            client.force_login(participant)
            thread_url = thread.get_absolute_url()
            pages = {
                "thread list": reverse("exchange:threads", args=[space.pk]),
                f"thread, {args.replies} replies, p. 1": thread_url,
                f"thread, {args.replies} replies, last p.": f"{thread_url}?page=last",
                "notifications": reverse("exchange:notifications"),
                "what's new": reverse("exchange:activity"),
                "process page (members area)": space.url,
            }
            print(
                f"{'page':34} {'status':>6} {'median':>9} {'p95':>9} {'queries':>8}"
                f" {'KiB':>7} {'gz KiB':>7}"
            )
            for name, path in pages.items():
                row = measure(client, path, args.repeat)
                print(
                    f"{name:34} {row['status']:>6} {row['median_ms']:>7.1f}ms "
                    f"{row['p95_ms']:>7.1f}ms {row['queries']:>8} {row['bytes'] / 1024:>7.1f}"
                    f" {row['gzip_bytes'] / 1024:>7.1f}"
                )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
