"""Sign-up by e-mail, mandatory verification, log-in, log-out, password reset."""

import re

import pytest
from django.core import mail

from mailing.delivery import deliver_due

pytestmark = pytest.mark.django_db

PASSWORD = "sustainable-cities-2026"


def link_in(message) -> str:
    match = re.search(r"http://testserver(/accounts/[^\s]+)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_verify_email_then_log_in(client, django_user_model):
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "Lerato Mokoena",
            "email": "lerato@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = django_user_model.objects.get(email="lerato@example.org")
    assert not user.emailaddress_set.get().verified

    # Unverified: logging in is refused and a verification mail is (re)sent.
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "lerato@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    deliver_due()
    assert len(mail.outbox) >= 1
    confirm_path = link_in(mail.outbox[0])
    assert mail.outbox[0].subject.startswith("[Connective Cities]")
    page = client.get(confirm_path)
    assert page.status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified

    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "lerato@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk

    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_signup_keeps_typed_email_when_passwords_differ(client):
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "Tomás Ruiz",
            "email": "tomas@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD + "x",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="tomas@example.org"' in html
    assert 'value="Tomás Ruiz"' in html
    assert "same password" in html


def test_password_reset_mail_leads_to_a_new_password(client, user_factory):
    user = user_factory(email="ines@example.org", password="old-password-long-enough")
    response = client.post("/accounts/password/reset/", {"email": "ines@example.org"})
    assert response.status_code == 302
    deliver_due()
    reset_path = link_in(mail.outbox[-1])
    response = client.get(reset_path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    response = client.post(form_path, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_account_pages_use_the_site_layout(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'class="skip-link"' in html
    assert "<main" in html
    assert "Connective Cities" in html
