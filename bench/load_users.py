"""The people of the load bench, as Locust users: visitors who browse and search,
members who sign in and write in their space's exchange, and members in a live room.

bench/load.py prepares the site and runs this module in a process of its own:

    python bench/load_users.py PLAN.json RESULT.json

Locust patches the standard library for gevent when it is imported, which must come
before anything opens a socket; the set-up (Django, PostgreSQL, the search index)
stays in the parent, and only the plan (addresses, URLs, accounts, cookies) crosses
over as JSON. The result is the statistics per request name, the errors and the
server errors (5xx), written as JSON for the parent to print.

Requests are named by pattern (`/practices/[practice]/`), never by id, so that each
row of the table is one kind of page. Every loop is bounded: by the run time, by the
plan's total request budget, and per member by a number of replies and chat messages.
"""

import contextlib
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

# Locust first: it monkey-patches sockets and threads for gevent on import.
from locust import FastHttpUser, User, between, events, task  # isort: skip
import gevent  # noqa: E402
from locust.env import Environment  # noqa: E402
from locust.stats import StatsEntry  # noqa: E402
from websockets.sync.client import connect as ws_connect  # noqa: E402

PLAN: dict[str, Any] = {}
CHAT_ROUND_TRIP = "/ws/sessions/[session]/ chat.send until its chat.message"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REPLIES = [
    "Thank you, this helps. In our city the market association took over the maintenance.",
    "We tried the same last spring; the shade sails needed a second fixing after the storms.",
    "Could you share the cost per square metre? Our council asks for it before any pilot.",
    "Agreed. The drinking water points were the first thing traders asked for.",
    "We mapped surface temperatures with students from the technical university.",
    "Our experience: start with one street and let the traders choose the design.",
]
CHAT = [
    "Good evening from Kumasi!",
    "How long did the first stream take to reopen?",
    "We have the same problem with the banks after heavy rain.",
    "Is the presentation shared somewhere?",
    "Thanks, very useful for our council meeting next week.",
]


# Each new simulated person takes the next address and account, so that users are split
# evenly between the two server processes and no two members share an account.
_address_turn = itertools.count()
_member_turn = itertools.count()
_live_turn = itertools.count()


def next_address() -> str:
    addresses = PLAN["addresses"]
    return "http://" + addresses[next(_address_turn) % len(addresses)]


class Visitor(FastHttpUser):
    """Someone without an account: reads pages, filters the practices, searches."""

    weight = 6
    wait_time = between(1, 4)
    # Connections are reused per user, as a browser would; a stuck request is a failure.
    network_timeout = 30.0
    connection_timeout = 10.0

    def __init__(self, environment: Environment) -> None:
        self.host = next_address()
        super().__init__(environment)

    def get(self, path: str, name: str) -> None:
        self.client.get(path, name=name)

    @task(2)
    def home(self) -> None:
        self.get("/", "/")

    @task(1)
    def processes(self) -> None:
        self.get("/learning-processes/", "/learning-processes/")

    @task(2)
    def process(self) -> None:
        self.get(random.choice(PLAN["processes"]), "/learning-processes/[process]/")

    @task(1)
    def practices(self) -> None:
        self.get("/practices/", "/practices/")

    @task(2)
    def practices_filtered(self) -> None:
        self.get("/practices/?" + random.choice(PLAN["practice_filters"]), "/practices/?[filters]")

    @task(2)
    def practice(self) -> None:
        self.get(random.choice(PLAN["practices"]), "/practices/[practice]/")

    @task(2)
    def search_page(self) -> None:
        self.get("/search/?" + random.choice(PLAN["queries"]), "/search/?q=[query]")

    @task(2)
    def search_api(self) -> None:
        self.get("/api/search/?" + random.choice(PLAN["queries"]), "/api/search/?q=[query]")

    @task(2)
    def suggest(self) -> None:
        # Typing a word: the site's script asks after each key from the second on.
        word = random.choice(PLAN["suggest_words"])
        for end in range(2, min(len(word), 6) + 1):
            self.get(f"/api/search/suggest/?q={word[:end]}", "/api/search/suggest/?q=[prefix]")


class Member(FastHttpUser):
    """A participant of the demo space: signs in once, reads the exchange, replies."""

    weight = 3
    wait_time = between(2, 6)
    network_timeout = 30.0
    connection_timeout = 10.0

    def __init__(self, environment: Environment) -> None:
        self.host = next_address()
        super().__init__(environment)
        accounts = PLAN["members"]
        self.account = accounts[next(_member_turn) % len(accounts)]
        self.space = PLAN["space"]
        self.replies = 0

    def on_start(self) -> None:
        page = self.client.get("/accounts/login/", name="/accounts/login/")
        token = _csrf(page.text)
        with self.client.post(
            "/accounts/login/",
            data={
                "login": self.account["email"],
                "password": self.account["password"],
                "csrfmiddlewaretoken": token,
            },
            name="/accounts/login/ (sign in)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # Signed in: a redirect away from the form; refused: the form again (200).
            if response.status_code != 302 or "/accounts/" in response.headers.get("Location", ""):
                response.failure(f"sign-in refused ({response.status_code})")

    def thread_path(self) -> tuple[int, str]:
        thread = random.choice(PLAN["threads"])
        return thread, f"/spaces/{self.space}/threads/{thread}/"

    @task(2)
    def threads(self) -> None:
        self.client.get(f"/spaces/{self.space}/threads/", name="/spaces/[space]/threads/")

    @task(4)
    def read_thread(self) -> None:
        _thread, path = self.thread_path()
        self.client.get(path, name="/spaces/[space]/threads/[thread]/")

    @task(1)
    def space_page(self) -> None:
        self.client.get(PLAN["space_url"], name="/learning-processes/[space]/ (member)")

    @task(1)
    def live_room_page(self) -> None:
        self.client.get(
            f"/spaces/{self.space}/sessions/{PLAN['session']}/",
            name="/spaces/[space]/sessions/[session]/",
        )

    @task(1)
    def notifications(self) -> None:
        self.client.get("/notifications/", name="/notifications/")

    @task(2)
    def reply(self) -> None:
        if self.replies >= PLAN["max_replies_per_member"]:
            return self.read_thread()
        _thread, path = self.thread_path()
        page = self.client.get(path, name="/spaces/[space]/threads/[thread]/")
        token = _csrf(page.text)
        if token is None:
            return None
        self.replies += 1
        with self.client.post(
            path + "reply/",
            data={"body": random.choice(REPLIES), "csrfmiddlewaretoken": token},
            name="/spaces/[space]/threads/[thread]/reply/",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or "/posts/" not in location:
                response.failure(f"reply not posted ({response.status_code})")
                return None
        # The browser follows to the post's permalink, which leads to its page.
        self.client.get(location, name="/spaces/[space]/threads/[thread]/posts/[post]/")
        return None


class LiveRoomMember(User):
    """A member in the live room over a WebSocket: sends chat messages and times each
    one from sending until the room's event for it comes back (protocol v1)."""

    fixed_count = 0  # set from the plan
    wait_time = between(2, 5)  # 20 commands per 10 s are allowed; this sends at most 5

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        turn = next(_live_turn)
        self.address = PLAN["addresses"][turn % len(PLAN["addresses"])]
        self.cookie = PLAN["live_cookies"][turn % len(PLAN["live_cookies"])]
        self.name = f"live-{turn}"
        self.sent = 0
        self.ws = None
        self.sockets = contextlib.ExitStack()  # closes the socket when the user stops

    def fire(self, name: str, started: float, length: int = 0, exception=None) -> None:
        self.environment.events.request.fire(
            request_type="WS",
            name=name,
            response_time=(time.perf_counter() - started) * 1000,
            response_length=length,
            exception=exception,
            context={},
        )

    def on_start(self) -> None:
        started = time.perf_counter()
        try:
            self.ws = self.sockets.enter_context(
                ws_connect(
                    f"ws://{self.address}/ws/sessions/{PLAN['session']}/",
                    origin="http://127.0.0.1",
                    additional_headers={"Cookie": self.cookie},
                    open_timeout=30,
                    close_timeout=2,
                    max_queue=None,
                )
            )
            size = 0
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                raw = self.ws.recv(timeout=max(0.1, deadline - time.monotonic()))
                size += len(raw)
                if json.loads(raw)["type"] == "synced":
                    break
            else:
                raise TimeoutError("no synced frame within 30 s")
        except Exception as error:  # noqa: BLE001 - any refusal is the request's failure
            self.fire("/ws/sessions/[session]/ (connect until synced)", started, exception=error)
            self.ws = None
            return
        self.fire("/ws/sessions/[session]/ (connect until synced)", started, size)

    def on_stop(self) -> None:
        self.sockets.close()

    @task
    def chat(self) -> None:
        if self.ws is None or self.sent >= PLAN["max_chat_per_member"]:
            return
        self.sent += 1
        text = f"{random.choice(CHAT)} [{self.name} {self.sent}]"
        started = time.perf_counter()
        name = CHAT_ROUND_TRIP
        try:
            self.ws.send(json.dumps({"type": "chat.send", "text": text, "ref": str(self.sent)}))
            deadline = time.monotonic() + 15
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("own chat.message not back within 15 s")
                message = json.loads(self.ws.recv(timeout=remaining))
                if message["type"] == "error" and message.get("ref") == str(self.sent):
                    raise RuntimeError(f"refused: {message['code']}")
                if (
                    message["type"] == "event"
                    and message["kind"] == "chat.message"
                    and message["data"]["text"] == text
                ):
                    break
        except Exception as error:  # noqa: BLE001 - a refusal, a timeout or a closed socket
            self.fire(name, started, exception=error)
            return
        self.fire(name, started, len(text))


def _csrf(html: str | None) -> str | None:
    match = CSRF.search(html or "")
    return match.group(1) if match else None


SERVER_ERRORS: Counter = Counter()


@events.request.add_listener
def count_server_errors(request_type: str, name: str, response=None, **_kwargs) -> None:
    status = getattr(response, "status_code", 0) or 0
    if status >= 500:
        SERVER_ERRORS[f"{request_type} {name}"] += 1


def run(plan: dict[str, Any]) -> dict[str, Any]:
    """Run one step of the plan; return its statistics."""
    PLAN.update(plan)
    LiveRoomMember.fixed_count = plan["live_users"]
    env = Environment(user_classes=[Visitor, Member, LiveRoomMember], events=events)
    runner = env.create_local_runner()
    at_full_strength: dict[str, Any] = {}

    def on_spawning_complete(user_count: int) -> None:
        at_full_strength["time"] = time.time()
        at_full_strength["counts"] = {
            f"{m} {n}": e.num_requests for (n, m), e in env.stats.entries.items()
        }
        at_full_strength["total"] = env.stats.total.num_requests

    env.events.spawning_complete.add_listener(on_spawning_complete)
    started = time.time()
    runner.start(plan["users"], spawn_rate=plan["spawn_rate"])
    stop_reason = "time"
    last_report = started
    # The guard: the run ends at its time or at the request budget, whichever is first.
    while True:
        gevent.sleep(1)
        now = time.time()
        if now - started >= plan["seconds"]:
            break
        if env.stats.total.num_requests >= plan["max_requests"]:
            stop_reason = "request budget"
            break
        if now - last_report >= 30:
            last_report = now
            total = env.stats.total
            print(
                f"  {now - started:5.0f} s  users {runner.user_count:4d}  "
                f"{total.current_rps:6.1f} req/s  failures {total.num_failures}  "
                f"p95 now {total.get_current_response_time_percentile(0.95) or 0:.0f} ms",
                flush=True,
            )
    ended = time.time()
    runner.quit()
    return summarise(env, started, ended, at_full_strength, stop_reason)


def summarise(env: Environment, started: float, ended: float, full: dict, reason: str) -> dict:
    steady_from = full.get("time", ended)
    steady_seconds = max(ended - steady_from, 0.001)
    counts = full.get("counts", {})

    def row(entry, key: str, steady_before: int) -> dict[str, Any]:
        times = entry.num_requests - entry.num_none_requests
        return {
            "key": key,
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "steady_rps": (entry.num_requests - steady_before) / steady_seconds,
            "p50": entry.get_response_time_percentile(0.5) if times else None,
            "p95": entry.get_response_time_percentile(0.95) if times else None,
            "p99": entry.get_response_time_percentile(0.99) if times else None,
            "max": entry.max_response_time if times else None,
        }

    rows = [
        row(entry, f"{method} {name}", counts.get(f"{method} {name}", 0))
        for (name, method), entry in sorted(env.stats.entries.items(), key=lambda i: i[0])
    ]
    # Pages and API calls together, without the socket's one-off connect and the chat.
    http = StatsEntry(env.stats, "All HTTP requests", "")
    http_before = 0
    for (name, method), entry in env.stats.entries.items():
        if method != "WS":
            http.extend(entry)
            http_before += counts.get(f"{method} {name}", 0)
    return {
        "seconds": ended - started,
        "steady_seconds": steady_seconds if "time" in full else 0.0,
        "stop_reason": reason,
        "rows": rows,
        "http": row(http, "All HTTP requests", http_before),
        "chat": next((r for r in rows if r["key"] == f"WS {CHAT_ROUND_TRIP}"), None),
        "total": row(env.stats.total, "All requests", full.get("total", 0)),
        "errors": [
            {"key": f"{e.method} {e.name}", "error": str(e.error), "count": e.occurrences}
            for e in env.stats.errors.values()
        ],
        "server_errors": dict(SERVER_ERRORS),
    }


def main() -> None:
    plan_path, result_path = Path(sys.argv[1]), Path(sys.argv[2])
    result = run(json.loads(plan_path.read_text()))
    result_path.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
