"""Real daphne processes serving the project against the test database and Redis,
one or several at once (the WebSocket integration tests and the live rooms)."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def daphne_server(
    extra_env: dict[str, str] | None = None, stderr: IO | int = subprocess.DEVNULL
) -> Iterator[str]:
    """A daphne process listening; yields its `host:port`. `stderr` (a file) keeps the
    process's errors for callers that look for tracebacks (the load bench)."""
    with daphne_process(extra_env, stderr=stderr) as (address, _process):
        yield address


@contextlib.contextmanager
def daphne_process(
    extra_env: dict[str, str] | None = None,
    stderr: IO | int = subprocess.DEVNULL,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """A daphne process listening; yields its `host:port` and the process (for tests
    that kill it)."""
    db = settings.DATABASES["default"]
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "connective_site.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": settings.REDIS_URL,
        "PYTHONPATH": f"{ROOT}/site:{ROOT}",
        **(extra_env or {}),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "connective_site.asgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"daphne exited early with {process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("daphne did not start listening within 60 s")
        yield f"127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
