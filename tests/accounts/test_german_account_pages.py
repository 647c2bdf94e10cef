"""allauth's pages in German speak as the rest of the site does: formally ("Sie"),
never with allauth's own "du"."""

import re

import pytest
from django.urls import reverse

from community.members.actions import do_name_profile

pytestmark = pytest.mark.django_db

GERMAN = {"HTTP_ACCEPT_LANGUAGE": "de"}
INFORMAL = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b", re.I)


def main_text(response) -> str:
    html = response.content.decode()
    assert '<html lang="de">' in html
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", main)


def assert_formal(response) -> None:
    text = main_text(response)
    assert not INFORMAL.search(text), INFORMAL.findall(text)


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/confirm-email/",
        "/accounts/confirm-email/not-a-key/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/password/reset/key/1-not-a-key/",
    ],
)
def test_pages_before_logging_in_are_formal(client, url):
    response = client.get(url, **GERMAN)
    assert response.status_code == 200
    assert_formal(response)


@pytest.mark.parametrize(
    "name",
    [
        "community:account",
        "community:my_spaces",
        "account_email",
        "account_change_password",
        "mfa_index",
        "account_logout",
    ],
)
def test_account_pages_are_formal(client, user_factory, name):
    user = user_factory()
    do_name_profile(user, name="Jonas Beispiel")
    client.force_login(user)
    response = client.get(reverse(name), **GERMAN)
    assert response.status_code == 200
    assert_formal(response)


def test_log_in_and_sign_up_use_the_site_words(client):
    assert "<h1>Anmelden</h1>" in client.get("/accounts/login/", **GERMAN).content.decode()
    assert "<h1>Registrieren</h1>" in client.get("/accounts/signup/", **GERMAN).content.decode()


def test_allauth_error_messages_are_formal(client, user_factory):
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "Jonas Beispiel",
            "email": "jonas@example.org",
            "password1": "sustainable-cities-2026",
            "password2": "sustainable-cities-2027",
        },
        **GERMAN,
    )
    assert "zweimal" in main_text(response)
    assert_formal(response)
    client.force_login(user_factory())
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "wrong",
            "password1": "a-new-long-password",
            "password2": "a-new-long-password",
        },
        **GERMAN,
    )
    assert "Passwort" in main_text(response)
    assert_formal(response)
