"""Server errors are reported, not just shown: every request has an id that the
response returns in X-Request-ID; an unhandled exception is logged as one JSON line
with that id, the request's method and path, the status and the traceback; Sentry
starts only when SENTRY_DSN is set."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import AsyncClient, Client
from django.urls import path

from connective_site.request_log import JsonLogFormatter, RequestContextFilter
from connective_site.settings.reporting import init_sentry, logging_config

ROOT = Path(__file__).resolve().parents[2]
logger = logging.getLogger("connective_site.tests")


def _boom(request):
    raise RuntimeError("deliberate failure for the error log")


def _chatty(request):
    from django.http import HttpResponse

    logger.warning("looking at %s", "the request")
    return HttpResponse("ok")


urlpatterns = [path("boom/", _boom), path("chatty/", _chatty)]


@pytest.fixture
def json_lines():
    """What the production log handler writes (same formatter and filter), as dicts."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLogFormatter())
    handler.addFilter(RequestContextFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def _assert_one_error_line(lines: list[dict], request_id: str) -> None:
    errors = [line for line in lines if line["level"] == "ERROR"]
    assert len(errors) == 1, lines
    (error,) = errors
    assert error["logger"] == "django.request"
    assert error["message"] == "Internal Server Error: /boom/"
    assert error["request_id"] == request_id
    assert (error["method"], error["path"], error["status"]) == ("GET", "/boom/", 500)
    assert "RuntimeError: deliberate failure for the error log" in error["traceback"]
    assert error["time"]
    assert "request" not in error


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_server_error_is_one_json_line_with_the_request_id_of_the_response(json_lines):
    response = Client(raise_request_exception=False).get("/boom/")

    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    _assert_one_error_line(json_lines(), request_id)


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls(__name__)
async def test_under_asgi_the_error_line_carries_the_request_id_too(json_lines):
    client = AsyncClient(raise_request_exception=False)
    response = await client.get("/boom/", headers={"x-request-id": "lb-7f3a9c"})

    assert response.status_code == 500
    assert response["X-Request-ID"] == "lb-7f3a9c"
    _assert_one_error_line(json_lines(), "lb-7f3a9c")


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_every_line_logged_during_a_request_carries_its_id_and_none_after(json_lines):
    response = Client(headers={"x-request-id": "0af7651916cd43dd8448eb211c80319c"}).get("/chatty/")
    logger.warning("between requests")

    assert response["X-Request-ID"] == "0af7651916cd43dd8448eb211c80319c"
    during, after = [line for line in json_lines() if line["logger"] == logger.name]
    assert during["message"] == "looking at the request"
    assert during["request_id"] == "0af7651916cd43dd8448eb211c80319c"
    assert (during["method"], during["path"]) == ("GET", "/chatty/")
    assert "request_id" not in after


@pytest.mark.django_db
@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    "incoming", ["", "a" * 129, "two words", "<script>", "id\u00e9", "-leading-dash"]
)
def test_an_incoming_request_id_that_is_not_a_sane_token_is_replaced(incoming):
    response = Client(headers={"x-request-id": incoming}).get("/chatty/")
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_log_format_is_json_or_text():
    assert logging_config("json")["handlers"]["console"]["formatter"] == "json"
    assert logging_config("text")["handlers"]["console"]["filters"] == ["request"]
    with pytest.raises(ImproperlyConfigured):
        logging_config("yaml")


# --- Sentry -------------------------------------------------------------------------------------


@pytest.fixture
def sentry_init(monkeypatch):
    import sentry_sdk

    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: calls.append(options))
    return calls


def test_sentry_stays_off_without_a_dsn(sentry_init):
    assert init_sentry({}) is False
    assert init_sentry({"SENTRY_DSN": " ", "SENTRY_TRACES_SAMPLE_RATE": "0.5"}) is False
    assert sentry_init == []


def test_sentry_starts_with_a_dsn_and_sends_no_personal_data(sentry_init):
    assert init_sentry({"SENTRY_DSN": "https://key@sentry.example.org/1"}) is True
    (options,) = sentry_init
    assert options["dsn"] == "https://key@sentry.example.org/1"
    assert options["send_default_pii"] is False
    assert options["traces_sample_rate"] == 0
    assert options["environment"] == "production"


def test_sentry_environment_and_trace_rate_come_from_the_environment(sentry_init):
    init_sentry(
        {
            "SENTRY_DSN": "https://key@sentry.example.org/1",
            "SENTRY_ENVIRONMENT": "staging",
            "SENTRY_TRACES_SAMPLE_RATE": "0.25",
        }
    )
    (options,) = sentry_init
    assert (options["environment"], options["traces_sample_rate"]) == ("staging", 0.25)


@pytest.mark.parametrize("rate", ["2", "-0.1", "often"])
def test_an_impossible_trace_rate_stops_the_start(sentry_init, rate):
    with pytest.raises(ImproperlyConfigured):
        init_sentry(
            {"SENTRY_DSN": "https://key@sentry.example.org/1", "SENTRY_TRACES_SAMPLE_RATE": rate}
        )
    assert sentry_init == []


# --- What each settings module chooses ------------------------------------------------------------

PROBE = """
import json, django, sentry_sdk
from django.conf import settings
django.setup()
print(json.dumps({
    "format": settings.LOGGING["handlers"]["console"]["formatter"],
    "sentry": sentry_sdk.is_initialized(),
}))
"""


def probe(module: str, **env: str) -> dict:
    names = {"LOG_FORMAT", "SENTRY_DSN", "SENTRY_ENVIRONMENT", "SENTRY_TRACES_SAMPLE_RATE"}
    clean = {k: v for k, v in os.environ.items() if k not in names}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **clean,
            "PYTHONPATH": f"{ROOT}/site:{ROOT}",
            "DJANGO_SETTINGS_MODULE": f"connective_site.settings.{module}",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "cc.example.org",
            "SITE_URL": "https://cc.example.org",
            **env,
        },
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_logs_json_and_development_text_by_default():
    assert probe("production") == {"format": "json", "sentry": False}
    assert probe("production", LOG_FORMAT="text")["format"] == "text"
    assert probe("dev") == {"format": "text", "sentry": False}


def test_production_starts_sentry_when_a_dsn_is_set():
    # A closed local port: nothing is sent at start-up, and nothing could be.
    assert probe("production", SENTRY_DSN="http://key@127.0.0.1:9/1")["sentry"] is True
