"""Plain-text e-mail is not HTML: names and titles with `'`, `&`, `<` and `"` reach the
reader as typed, in the body and in the subject, for every kind of e-mail the site
sends; an HTML part, where a message has one, stays escaped."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from community.exchange.actions import do_create_thread, do_set_email_frequency
from community.exchange.handles import handle_of
from community.exchange.notify import send_digests
from community.live.actions import do_schedule_session
from community.live.reminders import send_due_reminders
from community.members.actions import (
    do_add_member,
    do_decide_join_request,
    do_invite,
    do_request_to_join,
)
from community.models import JoinRequest, Profile
from learning_processes.calls import actions as proposals
from learning_processes.roles import ensure_staff_group
from mailing.delivery import deliver_due
from mailing.outbox import queue_templated_email
from tests.factories import LearningProcessFactory, process_index
from tests.learning_processes.conftest import AFTER, BEFORE, complete_values, make_call

pytestmark = pytest.mark.django_db

NAME = "O'Brien & <Partners>"
TITLE = 'Water & sanitation <pilot> "Kumasi"'
ESCAPES = re.compile(r"&(amp|lt|gt|quot|#x27|#39|#34);")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def named(user_factory, email: str):
    user = user_factory(email=email)
    Profile.objects.create(user=user, display_name=NAME)
    return user


def sent(purpose_to: str):
    """Deliver what is queued; the messages to `purpose_to`."""
    deliver_due()
    return [message for message in mail.outbox if message.to == [purpose_to]]


def assert_plain(message, *, in_subject: str | None, in_body: tuple[str, ...]) -> None:
    assert "\n" not in message.subject and message.subject == message.subject.strip()
    assert not ESCAPES.search(message.subject), message.subject
    assert not ESCAPES.search(message.body), message.body
    if in_subject is not None:
        assert in_subject in message.subject
    for text in in_body:
        assert text in message.body


@pytest.fixture
def space(db):
    return LearningProcessFactory(title=TITLE)


def test_invitation_names_the_inviter_and_space_as_typed(space, user_factory):
    host = named(user_factory, "host@example.org")
    do_add_member(space, host, "host")
    do_invite(space, email="kofi@example.org", role="participant", actor=host)
    (message,) = sent("kofi@example.org")
    assert_plain(message, in_subject=TITLE, in_body=(NAME, TITLE))


def test_join_request_and_decision_name_the_requester_and_space_as_typed(space, user_factory):
    host = user_factory(email="host@example.org")
    do_add_member(space, host, "host")
    requester = named(user_factory, "ana@example.org")
    do_request_to_join(space, requester, message=f"Greetings from {NAME}")
    (request_mail,) = sent("host@example.org")
    assert_plain(request_mail, in_subject=NAME, in_body=(NAME, TITLE, f"Greetings from {NAME}"))

    join_request = JoinRequest.objects.get(user=requester)
    do_decide_join_request(join_request, actor=host, approve=True)
    (decision,) = sent("ana@example.org")
    assert_plain(decision, in_subject=TITLE, in_body=(TITLE,))


def test_declined_join_request_names_the_space_as_typed(space, user_factory):
    host = user_factory(email="host@example.org")
    do_add_member(space, host, "host")
    requester = named(user_factory, "ana@example.org")
    join_request = do_request_to_join(space, requester)
    do_decide_join_request(join_request, actor=host, approve=False)
    (decision,) = sent("ana@example.org")
    assert_plain(decision, in_subject=TITLE, in_body=(TITLE,))


def _thread_mentioning(space, user_factory, frequency: str, *, mentions_at_once: bool = True):
    recipient = named(user_factory, "host@example.org")
    actor = user_factory(email="ana@example.org")
    Profile.objects.create(user=actor, display_name=f"Ana {NAME}")
    do_add_member(space, recipient, "host")
    do_add_member(space, actor, "participant")
    do_set_email_frequency(
        user=recipient, space=space, frequency=frequency, mentions_at_once=mentions_at_once
    )
    do_create_thread(
        space=space,
        author=actor,
        title=TITLE,
        body=f"@{handle_of(recipient, space)} what did {NAME} pay for <pipes> & pumps?",
    )


def test_notification_names_actor_thread_and_excerpt_as_typed(
    space, user_factory, settings, tmp_path
):
    settings.EXCHANGE_ATTACHMENT_ROOT = tmp_path
    _thread_mentioning(space, user_factory, "immediately")
    (message,) = sent("host@example.org")
    assert_plain(
        message,
        in_subject=f"Ana {NAME}",
        in_body=(
            f"Hello {NAME},",
            f"Ana {NAME}",
            TITLE,
            f"what did {NAME} pay for <pipes> & pumps?",
        ),
    )
    assert TITLE in message.subject


def test_digest_names_actor_thread_and_excerpt_as_typed(space, user_factory, settings, tmp_path):
    settings.EXCHANGE_ATTACHMENT_ROOT = tmp_path
    # A mention would be mailed at once; this reader wants it in the digest.
    _thread_mentioning(space, user_factory, "daily", mentions_at_once=False)
    assert send_digests("daily", now=timezone.now() + dt.timedelta(minutes=1)) == 1
    (message,) = sent("host@example.org")
    assert_plain(
        message,
        in_subject=None,
        in_body=(
            f"Hello {NAME},",
            f"Ana {NAME}",
            TITLE,
            f"what did {NAME} pay for <pipes> & pumps?",
        ),
    )


def test_session_reminder_names_the_session_and_recipient_as_typed(space, user_factory):
    host = named(user_factory, "host@example.org")
    do_add_member(space, host, "host")
    now = timezone.now()
    do_schedule_session(
        space=space,
        actor=host,
        title=TITLE,
        agenda=f"1. {NAME}",
        starts_at=now + dt.timedelta(minutes=30),
        ends_at=now + dt.timedelta(minutes=90),
    )
    assert send_due_reminders(now) == 1
    (message,) = sent("host@example.org")
    assert_plain(message, in_subject=TITLE, in_body=(f"Hello {NAME},", TITLE, f"1. {NAME}"))


def test_proposal_submitted_and_decided_mails_show_the_title_and_reason_as_typed(user_factory):
    process_index()
    call = make_call(2026)
    applicant = user_factory(email="anna@bonn.example")
    proposal = proposals.do_start_proposal(call=call, applicant=applicant, now=BEFORE)
    proposals.do_submit_proposal(
        proposal,
        by=applicant,
        values=complete_values(title=TITLE, contact_name=NAME, organisation=NAME),
        now=BEFORE,
    )
    (submitted,) = sent("anna@bonn.example")
    assert_plain(submitted, in_subject=TITLE, in_body=(TITLE, NAME))

    mail.outbox.clear()
    reviewer = user_factory(email="reviewer@connective-cities.example")
    reviewer.groups.add(ensure_staff_group())
    proposals.do_decide(
        proposal,
        by=reviewer,
        decision="reserve",
        reason=f"Ask {NAME} about <costs> & dates.",
        now=BEFORE,
    )
    proposals.do_publish_decisions(call, by=reviewer, now=AFTER)
    (decision,) = sent("anna@bonn.example")
    assert_plain(decision, in_subject=TITLE, in_body=(TITLE, f"Ask {NAME} about <costs> & dates."))


def test_allauth_confirmation_names_the_account_as_typed(client, user_factory):
    user = named(user_factory, "old@example.org")
    client.force_login(user)
    client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    (message,) = sent("new@example.org")
    assert_plain(message, in_subject="Confirm", in_body=(NAME,))
    assert message.subject.startswith(settings.EMAIL_SUBJECT_PREFIX)


# --- The renderer itself ------------------------------------------------------------------------


@pytest.fixture
def own_templates(tmp_path):
    """A message with a text part, a subject over several lines and an HTML part."""
    folder = tmp_path / "templates" / "probe"
    folder.mkdir(parents=True)
    (folder / "hello_subject.txt").write_text("\n  Hello {{ name }}\n  and welcome\n")
    (folder / "hello.txt").write_text("Dear {{ name }},\n")
    (folder / "hello.html").write_text("<p>Dear {{ name }},</p>\n")
    engines = [
        {**engine, "DIRS": [tmp_path / "templates", *engine["DIRS"]]}
        for engine in settings.TEMPLATES
    ]
    with override_settings(TEMPLATES=engines):
        yield


def test_text_and_subject_are_not_escaped_but_the_html_part_is(own_templates):
    email = queue_templated_email(
        to="ana@example.org", template="probe/hello", context={"name": NAME}
    )
    assert email.subject == f"{settings.EMAIL_SUBJECT_PREFIX}Hello {NAME} and welcome"
    assert email.text == f"Dear {NAME},\n"
    assert email.html == "<p>Dear O&#x27;Brien &amp; &lt;Partners&gt;,</p>\n"


def test_a_missing_text_engine_is_reported_by_the_system_checks():
    from mailing.checks import check_text_engine

    assert check_text_engine(None) == []
    with override_settings(TEMPLATES=settings.TEMPLATES[:1]):
        assert [error.id for error in check_text_engine(None)] == ["mailing.E001"]
    escaping = [settings.TEMPLATES[0], {**settings.TEMPLATES[1], "OPTIONS": {}}]
    with override_settings(TEMPLATES=escaping):
        assert [error.id for error in check_text_engine(None)] == ["mailing.E001"]
