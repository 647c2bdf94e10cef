"""Fan-out of one live room: N WebSocket clients over two daphne processes on the
Redis channel layer, against PostgreSQL.

    make bench-live ARGS="[--clients 50 200 500] [--messages 100] [--rate 5]"

(`make services` running; DATABASE_URL and REDIS_URL default to its servers.)

It creates a scratch database next to DATABASE_URL's (`<name>_bench_live`, dropped
at the end unless --keep-db), migrates it, and for each N: makes N members of one
space and a live session, starts two daphne processes, connects the clients (half to
each process), lets `--senders` of them send `--messages` chat messages in total at
`--rate` per second, and waits until every client has every message or `--timeout`
passes. Each message carries its send time; every client records when it arrives.

Prints per N: delivery latency p50 and p99 (send to receipt, over every delivery),
deliveries per second while sending, and lost and duplicated deliveries (by event
number: a client should see each number once, and all of them).
"""

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from websockets.exceptions import InvalidHandshake

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]


def scratch_database_url(url: str) -> str:
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench_live"
    return urlunsplit(parts._replace(path="/" + name))


def create_database(url: str, drop: bool = False) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if drop and exists:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        elif not drop and not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "connective_site.settings.test"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# Persistent connections, as in production (each room command is a query).
SERVER_ENV = {"LOG_LEVEL": "ERROR", "CONN_MAX_AGE": "60"}


def make_room(n: int, run: str) -> tuple[int, list[str]]:
    """A space with n members and a live session; the members' session cookies."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail.models import Collection

    from community.live.actions import do_schedule_session, do_start_session
    from community.models import Membership, SpaceRole
    from tests.factories import LearningProcessFactory

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    User = get_user_model()
    space = LearningProcessFactory(title=f"Bench room {run}-{n}")
    users = User.objects.bulk_create(
        [
            User(username=f"bench-{run}-{n}-{i}@example.org", email=f"b{i}@example.org")
            for i in range(n)
        ]
    )
    Membership.objects.bulk_create(
        [
            Membership(space=space, user=u, role=SpaceRole.HOST if i == 0 else "participant")
            for i, u in enumerate(users)
        ]
    )
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    session = do_schedule_session(
        space=space,
        actor=users[0],
        title="Bench",
        starts_at=now,
        ends_at=now + dt.timedelta(hours=1),
    )
    do_start_session(session.pk, users[0])
    backend = settings.AUTHENTICATION_BACKENDS[0]
    cookies = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = backend
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
    return session.pk, cookies


class Client:
    def __init__(self, index: int) -> None:
        self.index = index
        self.ws = None
        self.seqs: list[int] = []
        self.arrivals: dict[str, float] = {}  # message text -> arrival time
        self.latencies: list[float] = []
        self.chat_count = 0
        self.retries = 0

    async def connect(self, address: str, session_id: int, cookie: str) -> None:
        """Connect as the site's client does: a refused or timed-out handshake (a
        crowd arriving at once) is retried after a jittered, growing pause."""
        for attempt in range(8):
            try:
                return await self._connect(address, session_id, cookie)
            except (OSError, TimeoutError, InvalidHandshake):
                self.retries += 1
                ceiling = min(30.0, 2.0**attempt)
                await asyncio.sleep(ceiling / 2 + random.random() * ceiling / 2)
        return await self._connect(address, session_id, cookie)

    async def _connect(self, address: str, session_id: int, cookie: str) -> None:
        from websockets.asyncio.client import connect

        self.ws = await connect(
            f"ws://{address}/ws/sessions/{session_id}/",
            origin="http://127.0.0.1",
            additional_headers={"Cookie": cookie},
            open_timeout=60,
            max_queue=None,
        )
        while True:
            message = json.loads(await self.ws.recv())
            if message["type"] == "event":
                self.seqs.append(message["seq"])
            if message["type"] == "synced":
                return

    async def read(self) -> None:
        try:
            async for raw in self.ws:
                now = time.time()
                message = json.loads(raw)
                if message.get("type") != "event":
                    continue
                self.seqs.append(message["seq"])
                if message["kind"] == "chat.message":
                    text = message["data"]["text"]
                    if text.startswith("bench "):
                        self.chat_count += 1
                        sent_at = float(text.split()[2])
                        self.arrivals.setdefault(text, now)
                        self.latencies.append(now - sent_at)
        except Exception:  # noqa: BLE001 - a closed socket ends the reader
            return


async def run_round(args, n: int, session_id: int, cookies: list[str], addresses: list[str]):
    clients = [Client(i) for i in range(n)]
    semaphore = asyncio.Semaphore(10)

    async def open_one(client: Client) -> None:
        async with semaphore:
            await client.connect(
                addresses[client.index % len(addresses)], session_id, cookies[client.index]
            )

    started = time.monotonic()
    await asyncio.gather(*(open_one(c) for c in clients))
    connect_seconds = time.monotonic() - started
    readers = [asyncio.create_task(c.read()) for c in clients]
    # The clients share this one process: its own full collections (200 ms with 500
    # sockets) would show up as server latency. The servers freeze theirs the same way.
    gc.freeze()
    # Let the arrivals' presence events settle before measuring.
    await asyncio.sleep(3)

    senders = random.Random(n).sample(clients, min(args.senders, n))
    interval = 1 / args.rate
    texts = []
    send_started = time.time()
    for k in range(args.messages):
        sender = senders[k % len(senders)]
        text = f"bench {k} {time.time():.6f}"
        texts.append(text)
        await sender.ws.send(json.dumps({"type": "chat.send", "text": text}))
        await asyncio.sleep(max(0, send_started + (k + 1) * interval - time.time()))
    send_seconds = time.time() - send_started

    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        if all(len(c.arrivals) >= len(texts) for c in clients):
            break
        await asyncio.sleep(0.2)
    await asyncio.sleep(0.5)  # late duplicates would show up here
    last_arrival = max((max(c.arrivals.values(), default=0) for c in clients), default=0)
    for c in clients:
        await c.ws.close()
    for reader in readers:
        reader.cancel()

    expected = len(texts) * n
    delivered = sum(len(c.arrivals) for c in clients)
    lost = expected - delivered
    duplicated = sum(c.chat_count - len(c.arrivals) for c in clients)
    seq_dupes = sum(len(c.seqs) - len(set(c.seqs)) for c in clients)
    out_of_order = sum(
        1 for c in clients for a, b in zip(c.seqs, c.seqs[1:], strict=False) if b <= a
    )
    latencies = sorted(x for c in clients for x in c.latencies)
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p99 = latencies[int(0.99 * (len(latencies) - 1))] * 1000 if latencies else float("nan")
    span = max(last_arrival - send_started, send_seconds)
    return {
        "clients": n,
        "connect_s": connect_seconds,
        "messages": len(texts),
        "deliveries": delivered,
        "per_second": delivered / span if span else 0,
        "p50_ms": p50,
        "p99_ms": p99,
        "lost": lost,
        "duplicated": duplicated + seq_dupes,
        "out_of_order": out_of_order,
        "retries": sum(c.retries for c in clients),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--messages", type=int, default=100, help="chat messages per round")
    parser.add_argument("--rate", type=float, default=5, help="messages per second, in total")
    parser.add_argument("--senders", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server (postgres://...).")
    if not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL (redis://...): the two processes share the Redis channel layer.")
    os.environ.setdefault("CHANNEL_PREFIX", "bench-live")
    database_url = scratch_database_url(os.environ["DATABASE_URL"])
    create_database(database_url)
    try:
        setup_django(database_url)
        from tests.servers import daphne_server

        run = f"{int(time.time())}"
        print(
            f"{'clients':>7} {'p50 ms':>8} {'p99 ms':>8} {'deliv/s':>8} {'lost':>5} "
            f"{'dup':>4} {'order':>5} {'connect s':>9} {'retries':>7}"
        )
        for n in args.clients:
            session_id, cookies = make_room(n, run)
            with contextlib.ExitStack() as servers:
                addresses = [servers.enter_context(daphne_server(SERVER_ENV)) for _ in range(2)]
                result = asyncio.run(run_round(args, n, session_id, cookies, addresses))
            print(
                f"{result['clients']:>7} {result['p50_ms']:>8.1f} {result['p99_ms']:>8.1f} "
                f"{result['per_second']:>8.0f} {result['lost']:>5} {result['duplicated']:>4} "
                f"{result['out_of_order']:>5} {result['connect_s']:>9.1f} {result['retries']:>7}",
                flush=True,
            )
    finally:
        if not args.keep_db:
            from django.db import connections

            connections.close_all()
            create_database(database_url, drop=True)


if __name__ == "__main__":
    main()
