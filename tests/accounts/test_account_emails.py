"""allauth's e-mails speak for the site: they greet the person by name, are signed by
Connective Cities and link to SITE_URL, whatever host the request named. They leave
through the mailing outbox, so they arrive once it drains."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from mailing.delivery import deliver_due

pytestmark = pytest.mark.django_db

SITE = "https://cc.example.org"
PASSWORD = "sustainable-cities-2026"
# The address someone happened to use: a loopback port, or a Host header they sent.
OTHER_HOST = {"HTTP_HOST": "127.0.0.1:8101"}


def sent_mail() -> list:
    """What the outbox sends once it drains."""
    deliver_due()
    return mail.outbox


def sign_up(client, name: str, email: str, **headers) -> None:
    client.post(
        "/accounts/signup/",
        {"display_name": name, "email": email, "password1": PASSWORD, "password2": PASSWORD},
        **headers,
    )


def links(message) -> list[str]:
    """The links in the text, without the site's address under the signature."""
    return [link for link in re.findall(r"https?://\S+", message.body) if link != SITE + "/"]


def assert_speaks_for_the_site(message) -> None:
    assert "Hello from" not in message.body
    assert "127.0.0.1" not in message.body and "testserver" not in message.body
    assert message.body.rstrip().endswith(f"The Connective Cities team\n{SITE}/")
    assert message.subject.startswith("[Connective Cities] ")
    assert links(message) and all(link.startswith(SITE + "/") for link in links(message))


@override_settings(SITE_URL=SITE)
def test_signup_confirmation_greets_by_name_and_links_to_the_site(client):
    sign_up(client, "Lerato Mokoena", "lerato@example.org", **OTHER_HOST)
    (message,) = sent_mail()
    assert message.body.startswith("Hello Lerato Mokoena,")
    assert_speaks_for_the_site(message)
    assert any(link.startswith(SITE + "/accounts/confirm-email/") for link in links(message))
    assert "lerato@example.org" not in message.body.split("\n")[0]


@override_settings(SITE_URL=SITE)
def test_password_reset_mail_links_to_the_site(client, user_factory):
    user_factory(email="ines@example.org")
    client.post("/accounts/password/reset/", {"email": "ines@example.org"}, **OTHER_HOST)
    (message,) = sent_mail()
    assert_speaks_for_the_site(message)
    (link,) = links(message)
    assert link.startswith(SITE + "/accounts/password/reset/key/")
    # The link works on the site it names.
    response = client.get(link.removeprefix(SITE), follow=True)
    assert response.status_code == 200


@override_settings(SITE_URL=SITE)
def test_reset_for_an_unknown_address_offers_sign_up_on_the_site(client):
    client.post("/accounts/password/reset/", {"email": "nobody@example.org"}, **OTHER_HOST)
    (message,) = sent_mail()
    assert_speaks_for_the_site(message)
    assert links(message) == [SITE + "/accounts/signup/"]


@override_settings(SITE_URL=SITE)
def test_signing_up_again_with_a_known_address_offers_a_reset_on_the_site(client, user_factory):
    user_factory(email="ines@example.org")
    sign_up(client, "Ines", "ines@example.org", **OTHER_HOST)
    (message,) = sent_mail()
    assert_speaks_for_the_site(message)
    assert links(message) == [SITE + "/accounts/password/reset/"]


@override_settings(SITE_URL=SITE)
def test_new_address_confirmation_links_to_the_site(client, user_factory):
    user = user_factory(email="old@example.org")
    client.force_login(user)
    client.post("/accounts/email/", {"action_add": "", "email": "new@example.org"}, **OTHER_HOST)
    (message,) = [m for m in sent_mail() if m.to == ["new@example.org"]]
    assert_speaks_for_the_site(message)
    assert message.body.startswith("Hello Old,")


def test_a_name_with_markup_is_greeted_as_typed_and_shown_escaped(client):
    name = "O'Brien & <Partners>"
    sign_up(client, name, "ob@example.org")
    (message,) = sent_mail()
    assert message.body.startswith(f"Hello {name},")
    confirm = re.search(r"http://testserver(/accounts/confirm-email/\S+)", message.body).group(1)
    html = client.get(confirm).content.decode()
    assert "O&#x27;Brien &amp; &lt;Partners&gt;" in html and "<Partners>" not in html


def test_a_signup_confirmation_waits_in_the_outbox_until_it_drains(client):
    from mailing.models import OutgoingEmail

    sign_up(client, "Lerato Mokoena", "lerato@example.org")
    queued = OutgoingEmail.objects.get(to="lerato@example.org")
    assert queued.purpose == "account:email_confirmation_signup"
    assert mail.outbox == []
    (message,) = sent_mail()
    assert message.subject == queued.subject and message.body == queued.text
    assert message.subject.count("[Connective Cities]") == 1


def test_a_german_password_reset_arrives_in_german(client, user_factory):
    user_factory(email="ines@example.org")
    client.post(
        "/accounts/password/reset/", {"email": "ines@example.org"}, HTTP_ACCEPT_LANGUAGE="de"
    )
    (message,) = sent_mail()
    assert message.body.startswith("Guten Tag ")
    assert "/accounts/password/reset/key/" in message.body
