"""Account safety: rate limits on the shared Redis cache, the session rotated at login,
verified e-mail changes, and two-factor authentication for staff."""

import re
import uuid

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from connective_site.settings.base import ACCOUNT_RATE_LIMITS as SITE_RATE_LIMITS
from learning_processes.roles import ensure_staff_group
from mailing.delivery import deliver_due

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.mark.redis
@override_settings(ACCOUNT_RATE_LIMITS=SITE_RATE_LIMITS)
def test_failed_logins_are_limited_in_the_shared_redis_cache(client, user_factory):
    import redis

    email = f"target-{uuid.uuid4().hex[:8]}@example.org"
    user_factory(email=email)
    address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": email, "password": "wrong"}, REMOTE_ADDR=address
        )
        assert "_auth_user_id" not in client.session

    # The right password no longer helps for this address: the limit (5 per 5 minutes
    # and account) bites.
    response = client.post(
        reverse("account_login"), {"login": email, "password": PASSWORD}, REMOTE_ADDR=address
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    server = redis.Redis.from_url(settings.REDIS_URL)
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    keys = list(server.scan_iter(match=f"{prefix}:*allauth:rl:*login_failed*"))
    assert keys, "the failed attempts are counted in Redis"
    server.delete(*keys)


def test_site_rate_limits_are_explicit_and_on():
    assert SITE_RATE_LIMITS["login_failed"] == "10/m/ip,5/5m/key"
    assert {"login", "signup", "reset_password", "confirm_email"} <= set(SITE_RATE_LIMITS)


def test_session_is_rotated_at_login(client, user_factory):
    user = user_factory(email="rotate@example.org")
    client.get(reverse("account_login"))
    client.session["probe"] = 1
    before = client.session.session_key or client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert int(client.session["_auth_user_id"]) == user.pk
    assert before != after


def test_changing_the_email_address_needs_verification(client, user_factory):
    user = user_factory(email="old@example.org")
    client.force_login(user)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "old@example.org"
    new = EmailAddress.objects.get(user=user, email="new@example.org")
    assert not new.verified and not new.primary

    deliver_due()
    confirm = re.search(r"http://testserver(/accounts/confirm-email/[^\s]+)", mail.outbox[-1].body)
    assert mail.outbox[-1].to == ["new@example.org"]
    client.post(confirm.group(1))
    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert not EmailAddress.objects.filter(user=user, email="old@example.org").exists()


@pytest.fixture
def staff_user(user_factory):
    user = user_factory(email="cc.staff@example.org")
    user.groups.add(ensure_staff_group())
    return user


@override_settings(COMMUNITY_STAFF_REQUIRE_2FA=True)
def test_staff_without_authenticator_are_sent_to_set_up_2fa_first(client, staff_user):
    client.force_login(staff_user)
    for path in ("/", "/members/", "/admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert client.get(reverse("mfa_activate_totp")).status_code in (200, 302)
    response = client.get(reverse("mfa_activate_totp"))
    assert not response.get("Location", "").startswith(reverse("mfa_activate_totp") + "?")


@override_settings(COMMUNITY_STAFF_REQUIRE_2FA=True)
def test_staff_with_authenticator_and_other_users_pass(client, staff_user, user_factory):
    Authenticator.objects.create(user=staff_user, type=Authenticator.Type.TOTP, data={})
    client.force_login(staff_user)
    assert client.get("/members/").status_code == 200
    client.force_login(user_factory())
    assert client.get("/members/").status_code == 200


@override_settings(COMMUNITY_STAFF_REQUIRE_2FA=False)
def test_staff_are_not_forced_when_the_setting_is_off(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/members/").status_code == 200


def test_production_requires_staff_2fa_and_secure_cookies():
    import json
    import os
    import subprocess
    import sys

    from tests.site.test_settings_env import ROOT

    probe = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps([settings.COMMUNITY_STAFF_REQUIRE_2FA, settings.SESSION_COOKIE_SECURE,"
        " settings.CSRF_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY]))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "STAFF_REQUIRE_2FA"},
        "PYTHONPATH": f"{ROOT}/site:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "connective_site.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "cc.example.org",
        "SITE_URL": "https://cc.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, env=env,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True, True, True]
