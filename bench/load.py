"""Load test of the full stack with Locust: visitors, members and a live room at once,
against two daphne processes on PostgreSQL, Redis and OpenSearch.

    make bench-load                                   # 40 users for 5 minutes
    make bench-load ARGS="--minutes 2 --users 60 --spawn-rate 5"
    make bench-load ARGS="--users 20 40 80 --minutes 1"   # one run per number of users
    make bench-load ARGS="--find-rate"                # 1-minute steps until one misses

(`make services` running; DATABASE_URL and REDIS_URL default to its servers, the engine
is OpenSearch at $SEARCH_URL, default 127.0.0.1:9200.)

It creates a scratch database next to DATABASE_URL's (`<name>_bench_load`, dropped at
the end unless --keep-db), migrates it, seeds the demo content, makes as many extra
participants of the demo space "Climate-resilient public spaces" as there can be
simulated members (`load-member-NNNN@example.org`), opens a live session there, and
rebuilds the search index under its own prefix (--prefix, default `ccload`, also the
cache and channel-layer prefix). It starts two daphne processes (tests/servers.py) and
runs Locust (bench/load_users.py, in a process of its own) with the users split
between the two ports:

* visitors (weight 6): the home page, the learning processes and one of them, the
  practices with and without filters and one of them, /search/, /api/search/ (the
  judged queries of tests/data/search_judgements.json) and /api/search/suggest/ (a
  word typed key by key);
* members (weight 3): sign in once through the login form, then read the space's
  threads, a thread, the space page, the live room's page and their notifications,
  and reply to a thread (at most --max-replies each);
* --live-users members in the live room over WebSocket (docs/live-protocol.md): each
  sends chat messages (at most --max-chat) and records the time until its own
  `chat.message` event comes back.

Prints per request name (URLs by pattern, never by id): requests, failures, server
errors (5xx), requests per second once every user has started, p50/p95/p99 and the
slowest; then the CPU seconds of the load generator and of each server process, and
the tracebacks found in the two servers' stderr, grouped by exception.

A run passes when it has no failure, no 5xx, no traceback, and the p95 of its HTTP
requests and of the chat round trip are at most --p95-ms. --find-rate runs short steps
of growing numbers of users (--users, default 10 20 40 80 160; --step-minutes each),
stops at the first that misses, and reports the highest step that passed and its rate.
The load generator shares the machine with the servers and the services: on 2 cores
every figure is pessimistic.

The servers run with the test settings (as the live bench and the integration tests
do): fast password hashing and no sign-in rate limits, since every simulated person
comes from 127.0.0.1; everything else (persistent database connections, the Redis
channel layer and cache, the search engine) is as in production.
"""

import argparse
import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]

from live_fanout import create_database, setup_django  # noqa: E402  (bench/ is on the path)

SPACE_SLUG = "climate-resilient-public-spaces"
ROOM_HOST_EMAIL = "host@example.org"
MEMBER_PASSWORD = "load-bench-member"
# Persistent connections, as in production; errors only, so that stderr holds what failed.
SERVER_ENV = {"LOG_LEVEL": "ERROR", "CONN_MAX_AGE": "60"}
FIND_RATE_STEPS = [10, 20, 40, 80, 160]
SUGGEST_WORDS = [
    "compost",
    "waste",
    "heat",
    "shade",
    "flood",
    "water",
    "mobility",
    "budget",
    "digital",
    "Kumasi",
    "stream",
    "recycling",
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5, help="length of each run")
    parser.add_argument(
        "--users",
        type=int,
        nargs="+",
        help="simulated people, live-room members included; several values: one run each "
        f"(default 40, or {' '.join(map(str, FIND_RATE_STEPS))} with --find-rate)",
    )
    parser.add_argument(
        "--spawn-rate",
        type=float,
        help="users started per second (default: all of them within 10 s, at least 1 a second)",
    )
    parser.add_argument("--live-users", type=int, default=4, help="members in the live room")
    parser.add_argument("--find-rate", action="store_true", help="short steps until one misses")
    parser.add_argument(
        "--step-minutes", type=float, default=1, help="length of a --find-rate step"
    )
    parser.add_argument(
        "--p95-ms", type=float, default=500, help="HTTP and chat p95 of a passing run"
    )
    parser.add_argument("--max-replies", type=int, default=40, help="replies per member per run")
    parser.add_argument("--max-chat", type=int, default=150, help="chat messages per live member")
    parser.add_argument(
        "--max-requests", type=int, default=300_000, help="a run stops after this many requests"
    )
    parser.add_argument("--prefix", default="ccload", help="index, cache and channel prefix")
    parser.add_argument("--keep-db", action="store_true", help="keep the database and index")
    args = parser.parse_args()
    if args.users is None:
        args.users = FIND_RATE_STEPS if args.find_rate else [40]
    if args.find_rate:
        args.minutes = args.step_minutes
    if min(args.users) <= args.live_users:
        parser.error("--users must be larger than --live-users (visitors and members too)")
    if not 0 < args.minutes <= 60:
        parser.error("--minutes: more than 0 and at most 60")
    return args


def configure_environment(args: argparse.Namespace) -> str:
    """The environment of this process and the servers; returns the scratch database."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server (postgres://...).")
    if not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL (redis://...): the two processes share the channel layer.")
    if os.environ.get("SEARCH_ENGINE", "database") not in ("opensearch", "elasticsearch"):
        os.environ["SEARCH_ENGINE"] = "opensearch"
    os.environ.setdefault("SEARCH_URL", "http://127.0.0.1:9200")
    # Our own names everywhere, whatever the environment says: other runs share the
    # services (the engine, Redis) and must not see this one's data.
    for name in ("SEARCH_INDEX_PREFIX", "CACHE_KEY_PREFIX", "CHANNEL_PREFIX"):
        os.environ[name] = args.prefix
    os.environ["LOG_LEVEL"] = "ERROR"
    parts = urlsplit(os.environ["DATABASE_URL"])
    name = parts.path.lstrip("/") + "_bench_load"
    return urlunsplit(parts._replace(path="/" + name))


def step(message: str) -> None:
    load = os.getloadavg()[0]
    now = time.strftime("%H:%M:%S", time.gmtime())  # Django's set-up changes the local zone
    print(f"[{now} UTC load {load:4.1f}] {message}", flush=True)


# --- the site under load ---------------------------------------------------------------------


def prepare(args: argparse.Namespace) -> dict:
    """Demo content, members, a live room and the search index; the plan's fixed part."""
    from django.db import transaction

    from demo.seed import seed_demo
    from learning_processes.models import LearningProcessPage, PracticePage

    with transaction.atomic():
        seed_demo()
    space = LearningProcessPage.objects.live().get(slug=SPACE_SLUG)
    member_count = max(args.users)
    members = make_members(space, member_count + args.live_users)
    session_id = open_room(space)
    live_members, http_members = members[: args.live_users], members[args.live_users :]
    processes = [p.url for p in LearningProcessPage.objects.live().public().order_by("pk")]
    practices = [p.url for p in PracticePage.objects.live().public().order_by("pk")]
    return {
        "space": space.pk,
        "space_url": space.url,
        "threads": thread_ids(space),
        "session": session_id,
        "processes": processes,
        "practices": practices,
        "practice_filters": practice_filters(),
        "queries": search_queries(),
        "suggest_words": SUGGEST_WORDS,
        "members": [{"email": u.email, "password": MEMBER_PASSWORD} for u in http_members],
        "live_cookies": [session_cookie(u) for u in live_members],
        "max_replies_per_member": args.max_replies,
        "max_chat_per_member": args.max_chat,
        "max_requests": args.max_requests,
        "live_users": args.live_users,
    }


def make_members(space, count: int) -> list:
    """`count` participants of the space who can sign in (verified address, a profile);
    the ones a kept database already has are reused."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from community.members.actions import do_add_member
    from community.models import Profile, SpaceRole

    User = get_user_model()
    emails = [f"load-member-{i:04d}@example.org" for i in range(count)]
    existing = set(User.objects.filter(username__in=emails).values_list("username", flat=True))
    password = make_password(MEMBER_PASSWORD)  # one hash: every member has this password
    new = User.objects.bulk_create(
        [User(username=e, email=e, password=password) for e in emails if e not in existing]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in new]
    )
    Profile.objects.bulk_create(
        [Profile(user=u, display_name=f"Load member {u.email[12:16]}", city="Kumasi") for u in new]
    )
    users = list(User.objects.filter(username__in=emails).order_by("username"))
    with transaction.atomic():
        for user in users:
            do_add_member(space, user, SpaceRole.PARTICIPANT)
    return users


def open_room(space) -> int:
    """A live session of the space, started now by the demo host (its facilitator)."""
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from community.live.actions import do_schedule_session, do_start_session

    host = get_user_model().objects.get(username=ROOM_HOST_EMAIL)
    now = timezone.now()
    session = do_schedule_session(
        space=space,
        actor=host,
        title=f"Open exchange (load test {now:%H:%M})",
        starts_at=now,
        ends_at=now + dt.timedelta(hours=2),
    )
    do_start_session(session.pk, host)
    return session.pk


def session_cookie(user) -> str:
    """A signed-in session for a live-room member (as the live bench makes them)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def thread_ids(space) -> list[int]:
    from community.exchange.models import Thread

    return list(
        Thread.objects.filter(
            space=space, is_locked=False, deleted_at__isnull=True, hidden_at__isnull=True
        ).values_list("pk", flat=True)
    )


def practice_filters() -> list[str]:
    """Query strings of the practices' filters, one or two at a time, from the values the
    demo practices have (an unknown choice would be a form error, not a listing)."""
    from learning_processes.models import PracticePage

    rows = PracticePage.objects.live().public().values_list("topic_field__slug", "country", "year")
    topics = sorted({t for t, _c, _y in rows if t})
    countries = sorted({c for _t, c, _y in rows if c})
    years = sorted({str(y) for _t, _c, y in rows if y})
    regions = ["germany", "global_south", "other"]
    filters = [{"topic": t} for t in topics]
    filters += [{"country": c} for c in countries[:10]]
    filters += [{"region": r} for r in regions]
    filters += [{"year": y} for y in years[-3:]]
    filters += [{"topic": t, "region": "global_south"} for t in topics[:4]]
    filters += [{"sdg": n} for n in (6, 11, 13)]
    return [urlencode(f) for f in filters]


def search_queries() -> list[str]:
    """The judged queries (what visitors ask for, with their filters), as query strings."""
    data = json.loads((ROOT / "tests" / "data" / "search_judgements.json").read_text())
    queries = []
    for item in data["queries"]:
        params = [("q", item["query"])]
        for name, values in (item.get("filters") or {}).items():
            for value in values if isinstance(values, list) else [values]:
                params.append((name, str(value)))
        queries.append(urlencode(params))
    return queries


def rebuild_index() -> str:
    from search import indexing

    result = indexing.rebuild()
    return f"index {result.index}: {result.documents} documents in {result.seconds:.1f} s"


def delete_indices(prefix: str) -> list[str]:
    from search import engine

    client = engine.client()
    names = sorted(client.indices.get(index=f"{prefix}-*", ignore_unavailable=True))
    for name in names:
        if name.startswith(prefix + "-"):
            client.indices.delete(index=name, ignore_unavailable=True)
    return names


def warm_up(addresses: list[str], plan: dict) -> None:
    """A few requests per process, so that the first step does not time template loading."""
    paths = ["/", "/learning-processes/", "/practices/", plan["practices"][0], "/search/?q=water"]
    for address in addresses:
        for path in paths:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://{address}{path}", timeout=30).read()  # noqa: S310


# --- one run ------------------------------------------------------------------------------


def process_cpu() -> dict[int, tuple[str, float]]:
    """CPU seconds so far of every process on the machine, with its command line."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
            seconds = (int(fields[11]) + int(fields[12])) / tick
            name = command.decode(errors="replace").strip() or f"[pid {stat.parent.name}]"
            found[int(stat.parent.name)] = (name, seconds)
    return found


SERVICES = ("postgres", "redis-server", "opensearch", "elasticsearch")


def machine_cpu(before: dict, after: dict, servers: list[int]) -> dict:
    """CPU seconds used during a run by the processes alive at its end: each server
    process, the services (PostgreSQL, Redis, the engine, which other work on the machine
    shares), and everything else, with the busiest of it, since other work on the machine
    makes every figure pessimistic. Processes that ended during the run (short database
    connections, finished test runs) are not counted."""
    used = {pid: seconds - before.get(pid, ("", 0.0))[1] for pid, (_cmd, seconds) in after.items()}
    cpu = {f"daphne {i + 1}": used.get(pid, 0.0) for i, pid in enumerate(servers)}
    others = [
        (used[pid], after[pid][0]) for pid in used if pid not in servers and pid != os.getpid()
    ]
    services = [(u, c) for u, c in others if any(name in c.lower() for name in SERVICES)]
    rest = sorted(((u, c) for u, c in others if (u, c) not in services), reverse=True)
    cpu["services (shared)"] = sum(u for u, _c in services)
    cpu["other processes"] = sum(u for u, _c in rest)
    cpu["busiest others"] = [f"{u:.0f} s {c[:70]}" for u, c in rest[:3] if u >= 1]
    return cpu


def run_users(plan: dict, workdir: Path) -> tuple[dict, float]:
    """Run Locust in its own process; its result and the CPU seconds it used."""
    plan_path, result_path = workdir / "plan.json", workdir / "result.json"
    plan_path.write_text(json.dumps(plan))
    result_path.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [
        sys.executable,
        str(ROOT / "bench" / "load_users.py"),
        str(plan_path),
        str(result_path),
    ]
    env = {**os.environ, "PYTHONPATH": ""}
    try:
        # The users stop at plan["seconds"]; the margin covers start-up and stopping.
        subprocess.run(command, env=env, timeout=plan["seconds"] + 120, check=True)  # noqa: S603
    except subprocess.TimeoutExpired:
        sys.exit("the load generator did not stop in time; it was killed")
    except subprocess.CalledProcessError as error:
        sys.exit(f"the load generator failed (exit status {error.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(result_path.read_text()), used


TRACEBACK = "Traceback (most recent call last):"
CHAINED = ("During handling of the above exception", "The above exception was the direct cause")


def tracebacks(text: str, examples: dict[str, str]) -> Counter:
    """Tracebacks in a server's stderr, by their exception line and the request logged
    just before (`Internal Server Error: /path`), ids replaced by `N`. A chain of
    exceptions ("During handling of the above exception ...") counts once, by its last.
    The first full text of each kind goes into `examples`."""
    found: list[list] = []  # [exception line, context, first line, last line]
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() != TRACEBACK:
            continue
        context = next(
            (lines[j].strip() for j in range(i - 1, max(i - 4, -1), -1) if lines[j].strip()), ""
        )
        end = next(
            (j for j in range(i + 1, len(lines)) if lines[j] and not lines[j][0].isspace()),
            len(lines) - 1,
        )
        if found and context.startswith(CHAINED):
            found[-1][0], found[-1][3] = lines[end], end
        else:
            found.append([lines[end], context, max(i - 1, 0), end])
    kinds: Counter = Counter()
    for exception, context, first, last in found:
        kind = re.sub(r"\d+", "N", f"{exception[:200]}  <-  {context[:120]}")
        kinds[kind] += 1
        examples.setdefault(kind, "\n".join(lines[first : last + 1][-60:]))
    return kinds


def print_run(
    users: int, result: dict, cpu: dict, errors: Counter, examples: dict[str, str]
) -> bool:
    """The table of one run; True when it passed."""
    seconds = result["seconds"]
    print(
        f"\n{users} users, {seconds:.0f} s ({result['steady_seconds']:.0f} s with all started; "
        f"stopped by {result['stop_reason']})"
    )
    header = (
        f"{'request':<66} {'count':>6} {'fail':>5} {'5xx':>4} {'req/s':>6} "
        f"{'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}"
    )
    print(header)
    print("-" * len(header))
    server_errors = result["server_errors"]

    def line(row: dict, fivexx: int) -> str:
        def ms(value) -> str:
            return "-" if value is None else f"{value:.0f}"

        return (
            f"{row['key'][:66]:<66} {row['requests']:>6} {row['failures']:>5} {fivexx:>4} "
            f"{row['steady_rps']:>6.1f} {ms(row['p50']):>6} {ms(row['p95']):>6} "
            f"{ms(row['p99']):>6} {ms(row['max']):>6}"
        )

    for row in result["rows"]:
        print(line(row, server_errors.get(row["key"], 0)))
    print("-" * len(header))
    http, total, chat = result["http"], result["total"], result["chat"]
    http_5xx = sum(n for key, n in server_errors.items() if not key.startswith("WS "))
    print(line(http, http_5xx))
    print(line(total, sum(server_errors.values())))
    print("(times in ms over the whole run; req/s once every user had started)")
    busiest = cpu.pop("busiest others")
    print("CPU seconds: " + ", ".join(f"{name} {value:.1f}" for name, value in cpu.items()))
    if busiest:
        print("  busiest other processes: " + "; ".join(busiest))
    for error in result["errors"]:
        print(f"  failure x{error['count']}: {error['key']}: {error['error'][:160]}")
    traceback_count = sum(errors.values())
    print(f"tracebacks in the servers' stderr: {traceback_count}")
    for summary, count in errors.most_common():
        print(f"  x{count}: {summary}")
    for summary in errors:
        print(f"\nfirst of its kind ({summary[:60]}...):\n{examples[summary]}\n")
    goal = ARGS.p95_ms
    slow = [
        f"{label} p95 {row['p95']:.0f} ms"
        for label, row in (("HTTP", http), ("chat round trip", chat))
        if row is not None and row["p95"] is not None and row["p95"] > goal
    ]
    passed = total["failures"] == 0 and not server_errors and not traceback_count and not slow
    print(
        f"{'PASSED' if passed else 'MISSED'}: {total['failures']} failures, "
        f"{sum(server_errors.values())} server errors, {traceback_count} tracebacks; "
        + (", ".join(slow) + f" above {goal:.0f} ms" if slow else f"p95 within {goal:.0f} ms")
        + f"; {http['steady_rps']:.1f} HTTP req/s",
        flush=True,
    )
    return passed


ARGS: argparse.Namespace


def main() -> None:
    global ARGS
    ARGS = args = parse_args()
    database_url = configure_environment(args)
    database = urlsplit(database_url).path.lstrip("/")
    step(f"scratch database {database}; prefix {args.prefix}")
    create_database(database_url)
    try:
        setup_django(database_url)  # migrates
        from tests.servers import daphne_process

        step("seeding the demo content, members and the live room")
        base = prepare(args)
        step(rebuild_index())
        held = []
        with (
            tempfile.TemporaryDirectory(prefix="bench-load-") as tmp,
            contextlib.ExitStack() as stack,
        ):
            workdir = Path(tmp)
            logs = [stack.enter_context((workdir / f"daphne-{i}.log").open("w+")) for i in (1, 2)]
            servers = [stack.enter_context(daphne_process(SERVER_ENV, stderr=log)) for log in logs]
            addresses = [address for address, _process in servers]
            step(f"servers on {', '.join(addresses)}; warming up")
            warm_up(addresses, base)
            for users in args.users:
                plan = {
                    **base,
                    "addresses": addresses,
                    "users": users,
                    "spawn_rate": args.spawn_rate or max(1.0, users / 10),
                    "seconds": args.minutes * 60,
                }
                offsets = [log.tell() for log in logs]
                cpu_before = process_cpu()
                step(f"{users} users for {args.minutes:g} min")
                result, generator_cpu = run_users(plan, workdir)
                cpu = {
                    "load generator": generator_cpu,
                    **machine_cpu(cpu_before, process_cpu(), [p.pid for _a, p in servers]),
                }
                errors: Counter = Counter()
                examples: dict[str, str] = {}
                for log, offset in zip(logs, offsets, strict=True):
                    log.flush()
                    log.seek(offset)
                    errors += tracebacks(log.read(), examples)
                if print_run(users, result, cpu, errors, examples):
                    held.append((users, result["http"]))
                elif args.find_rate:
                    break
        if len(args.users) > 1:
            if held:
                users, http = max(held, key=lambda item: item[0])
                print(
                    f"\nHighest load held: {users} users, {http['steady_rps']:.1f} HTTP req/s "
                    f"(p95 {http['p95']:.0f} ms), no failures or server errors."
                )
            else:
                print("\nNo step held (see MISSED above).")
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep_db:
            with contextlib.suppress(Exception):
                delete_indices(args.prefix)
            create_database(database_url, drop=True)


if __name__ == "__main__":
    main()
