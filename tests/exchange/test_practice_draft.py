"""A practice drafted from a thread is rich text built only from escaped or sanitised
pieces: people's names with markup stay text, and the Wagtail editor opens the draft."""

import pytest
from django.urls import reverse

from community.exchange.actions import (
    do_create_thread,
    do_draft_practice,
    do_mark_helpful,
    do_post_reply,
)
from community.models import Profile
from learning_processes.models import PracticePage
from tests.factories import practice_index

pytestmark = pytest.mark.django_db

NAMES = ["R&D <Team>", "<b>x</b><script>alert(1)</script>"]


def _draft(people, *, body: str = "Weigh the bins first.") -> PracticePage:
    practice_index()
    thread = do_create_thread(
        space=people.space,
        author=people.host,
        title="Composting <at> markets & more",
        body="Markets throw away **market waste**.\nEvery day, by the tonne.",
    )
    for name, author in zip(NAMES, (people.facilitator, people.participant), strict=True):
        Profile.objects.create(user=author, display_name=name)
        reply = do_post_reply(thread=thread, author=author, body=body)
        do_mark_helpful(post=reply, actor=people.host, helpful=True)
    return do_draft_practice(thread=thread, actor=people.host)


def test_names_with_markup_are_escaped_in_the_drafted_practice(people):
    practice = _draft(people)
    assert "<h3>Reply by R&amp;D &lt;Team&gt;</h3>" in practice.approach
    assert (
        "<h3>Reply by &lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h3>"
        in practice.approach
    )
    assert "<script>" not in practice.approach and "<b>" not in practice.approach
    assert practice.title == "Composting <at> markets & more"
    # The summary is plain text: no entities shown to readers as "&amp;".
    assert practice.summary.startswith("Markets throw away market waste.")


def test_the_wagtail_editor_opens_a_practice_drafted_from_names_with_markup(client, people):
    practice = _draft(people, body="Line one\nline two\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    client.force_login(people.staff)
    response = client.get(f"/admin/pages/{practice.pk}/edit/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "R&amp;D &lt;Team&gt;" in page or "R\\u0026D \\u003CTeam\\u003E" in page


def test_a_practice_drafted_through_the_exchange_opens_in_the_editor(client, people):
    practice_index()
    thread = do_create_thread(
        space=people.space,
        author=people.host,
        title="Heat plans",
        body="First line\nsecond line with a <b>tag</b>",
    )
    client.force_login(people.host)
    response = client.post(reverse("exchange:practice", args=[people.space.pk, thread.pk]))
    assert response.status_code == 302
    thread.refresh_from_db()
    client.force_login(people.staff)
    assert client.get(f"/admin/pages/{thread.practice_id}/edit/").status_code == 200
