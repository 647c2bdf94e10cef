"""Which address the login limits count: the connecting peer's when the site is reached
directly (X-Forwarded-For is ignored, a client cannot pick its own bucket), the address
the trusted proxy saw behind a reverse proxy (one person's failed logins do not lock
out everyone behind it). One rule, from the environment, for every limit by address."""

import ipaddress
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password"
# Only failed logins by address, three a minute: the per-address bucket is what is tested.
FAILED_LOGINS = {"login_failed": "3/m/ip"}
REFUSED = "Too many failed login attempts"


def fresh_address() -> str:
    """A private address no other test (or earlier run sharing Redis) counted."""
    return str(ipaddress.IPv4Address(0x0A000000 + secrets.randbelow(2**24)))


def log_in(client, email: str, password: str, *, peer: str, forwarded: str | None = None):
    headers = {"x-forwarded-for": forwarded} if forwarded else {}
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        headers=headers,
        REMOTE_ADDR=peer,
    )


def fail_three_times(client, *, peer: str, forwarded=lambda: None) -> None:
    for n in range(3):
        response = log_in(
            client,
            f"nobody{n}-{secrets.token_hex(4)}@example.org",
            "wrong",
            peer=peer,
            forwarded=forwarded(),
        )
        assert REFUSED not in response.content.decode()


@pytest.mark.django_db
@override_settings(ACCOUNT_RATE_LIMITS=FAILED_LOGINS, ALLAUTH_TRUSTED_PROXY_COUNT=0)
def test_without_proxies_x_forwarded_for_is_ignored(client, user_factory):
    user = user_factory()
    peer = fresh_address()
    # Each attempt claims another origin; all count against the connecting address.
    fail_three_times(client, peer=peer, forwarded=fresh_address)

    response = log_in(client, user.email, PASSWORD, peer=peer, forwarded=fresh_address())

    assert REFUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(ACCOUNT_RATE_LIMITS=FAILED_LOGINS, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_each_client_has_its_own_bucket(client, user_factory):
    proxy, attacker, member = fresh_address(), fresh_address(), fresh_address()
    user = user_factory()
    fail_three_times(client, peer=proxy, forwarded=lambda: attacker)
    refused = log_in(client, "someone@example.org", "wrong", peer=proxy, forwarded=attacker)
    assert REFUSED in refused.content.decode()
    # Writing another address in front does not help: the proxy appends what it saw.
    spoofed = log_in(
        client, "someone@example.org", "wrong", peer=proxy, forwarded=f"{member}, {attacker}"
    )
    assert REFUSED in spoofed.content.decode()

    response = log_in(client, user.email, PASSWORD, peer=proxy, forwarded=member)

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
@override_settings(ACCOUNT_RATE_LIMITS=FAILED_LOGINS, ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
def test_a_trusted_client_address_header_names_the_bucket(client, user_factory):
    proxy, attacker, member = fresh_address(), fresh_address(), fresh_address()
    user = user_factory()
    for n in range(3):
        client.post(
            reverse("account_login"),
            {"login": f"nobody{n}@example.org", "password": "wrong"},
            headers={"x-real-ip": attacker, "x-forwarded-for": fresh_address()},
            REMOTE_ADDR=proxy,
        )
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": PASSWORD},
        headers={"x-real-ip": member},
        REMOTE_ADDR=proxy,
    )
    assert response.status_code == 302


@pytest.mark.django_db
@override_settings(ACCOUNT_RATE_LIMITS=FAILED_LOGINS, ALLAUTH_TRUSTED_PROXY_COUNT=2)
def test_a_shorter_forwarding_chain_than_configured_is_no_server_error(client, user_factory):
    """A request that did not pass every trusted proxy (or a count set too high) is
    counted under the connecting address instead of failing with a 500."""
    peer = fresh_address()
    user = user_factory()
    fail_three_times(client, peer=peer, forwarded=fresh_address)
    response = log_in(client, user.email, PASSWORD, peer=peer, forwarded=fresh_address())
    assert response.status_code == 200
    assert REFUSED in response.content.decode()


# --- From the environment -------------------------------------------------------------------

PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "count": settings.ALLAUTH_TRUSTED_PROXY_COUNT,
    "header": settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER,
}))
"""


def probe(**env: str) -> subprocess.CompletedProcess:
    names = {"TRUSTED_PROXY_COUNT", "TRUSTED_CLIENT_IP_HEADER", "SENTRY_DSN"}
    clean = {k: v for k, v in os.environ.items() if k not in names}
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **clean,
            "PYTHONPATH": f"{ROOT}/site:{ROOT}",
            "DJANGO_SETTINGS_MODULE": "connective_site.settings.production",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "cc.example.org",
            "SITE_URL": "https://cc.example.org",
            **env,
        },
    )


def test_production_trusts_no_proxy_unless_told():
    result = probe()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"count": 0, "header": None}


def test_proxy_count_and_client_address_header_come_from_the_environment():
    result = probe(TRUSTED_PROXY_COUNT="1", TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"count": 1, "header": "X-Real-IP"}


@pytest.mark.parametrize(
    "env",
    [{"TRUSTED_PROXY_COUNT": "-1"}, {"TRUSTED_CLIENT_IP_HEADER": "HTTP_X_REAL_IP"}],
)
def test_impossible_proxy_settings_stop_the_start(env):
    result = probe(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
