"""The session pages: who may see them, times in the viewer's and the host's zone,
the calendar file, scheduling, minutes and reminders."""

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar

from community.live import actions, selectors
from community.live.models import SessionReminder, VirtualSession
from community.live.reminders import send_due_reminders
from community.models import Profile
from mailing.models import OutgoingEmail
from tests.live.conftest import build_room

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(user_factory):
    return build_room(user_factory)


def test_outsiders_get_403_and_anonymous_visitors_the_login(room, client):
    url = room.session.get_absolute_url()
    assert client.get(url).status_code == 302
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(room.outsider)
    for path in (url, f"/spaces/{room.space.pk}/sessions/", url + "calendar.ics"):
        assert client.get(path).status_code == 403, path


def test_member_sees_the_room_as_a_read_only_page_before_any_script(room, client):
    actions.do_send_chat(room.session.pk, room.amina, "Accessible stops: our checklist")
    client.force_login(room.kofi)
    response = client.get(room.session.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Accessible stops: our checklist" in html
    assert 'id="live-chat-form"' in html and "hidden" in html.split('id="live-chat-form"')[1][:80]
    assert "<script src=" in html and "<script>" not in html  # no inline script
    assert 'id="live-strings" type="application/json"' in html
    assert "Read-only view" in html


def test_times_follow_the_viewers_zone_with_the_hosts_alongside(room, client):
    room.session.starts_at = dt.datetime(2026, 12, 3, 13, 0, tzinfo=dt.UTC)
    room.session.ends_at = dt.datetime(2026, 12, 3, 14, 30, tzinfo=dt.UTC)
    room.session.save()
    profile = Profile.objects.create(
        user=room.kofi, display_name="Kofi Mensah", time_zone="Africa/Accra"
    )
    client.force_login(room.kofi)
    html = client.get(room.session.get_absolute_url()).content.decode()
    # 13:00 UTC is 13:00 in Accra and 14:00 in Berlin (the host's zone).
    assert "(Africa/Accra)" in html
    assert "1 p.m." in html or "13:00" in html
    assert "Europe/Berlin" in html
    host_part = html.split('class="live-host-time"')[1][:200]
    assert "2 p.m." in host_part or "14:00" in host_part
    profile.time_zone = "Europe/Berlin"
    profile.save()
    html = client.get(room.session.get_absolute_url()).content.decode()
    assert 'class="live-host-time"' not in html  # same zone: said once


def test_calendar_file_is_valid_icalendar_in_utc(room, client):
    client.force_login(room.amina)
    response = client.get(room.session.get_absolute_url() + "calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Bus lanes and wheelchair access"
    # iCalendar has whole seconds.
    assert event.decoded("DTSTART") == room.session.starts_at.replace(microsecond=0)
    assert event.decoded("DTSTART").utcoffset() == dt.timedelta(0)
    assert event.decoded("DTEND") == room.session.ends_at.replace(microsecond=0)
    assert str(event["UID"]) == f"live-session-{room.session.pk}@testserver"
    assert room.session.get_absolute_url() in str(event["URL"])


@override_settings(SITE_URL="https://cc.example.org")
def test_calendar_file_names_the_site_whatever_host_the_request_named(room, client):
    client.force_login(room.amina)
    url = room.session.get_absolute_url()
    response = client.get(url + "calendar.ics", HTTP_HOST="127.0.0.1:8101")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["URL"]) == "https://cc.example.org" + url
    assert str(event["UID"]) == f"live-session-{room.session.pk}@cc.example.org"


def test_facilitator_schedules_a_session_in_the_hosts_zone(room, client):
    client.force_login(room.host)
    url = f"/spaces/{room.space.pk}/sessions/new/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Follow-up: ramps",
            "agenda": "Results of the pilot",
            "host_time_zone": "America/Lima",
            "starts_at": "2026-12-10T09:00",
            "ends_at": "2026-12-10T10:30",
            "facilitators": [room.host.pk],
        },
    )
    session = VirtualSession.objects.get(title="Follow-up: ramps")
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert session.starts_at == dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)  # Lima is UTC-5
    assert list(session.facilitators.all()) == [room.host]

    bad = client.post(
        url,
        {
            "title": "Backwards",
            "agenda": "x",
            "host_time_zone": "Europe/Berlin",
            "starts_at": "2026-12-10T10:00",
            "ends_at": "2026-12-10T09:00",
        },
    )
    assert bad.status_code == 200
    assert "must end after it starts" in bad.content.decode()


def test_the_schedule_form_names_facilitators_and_refuses_an_invisible_title(room, client):
    Profile.objects.update_or_create(user=room.host, defaults={"display_name": "Hanna Host"})
    client.force_login(room.host)
    url = f"/spaces/{room.space.pk}/sessions/new/"
    page = client.get(url).content.decode()
    assert "Hanna Host" in page and "host.room@example.org" not in page
    refused = client.post(
        url,
        {
            "title": "\u200b\u2060",
            "agenda": "Kept as typed",
            "host_time_zone": "Europe/Berlin",
            "starts_at": "2026-12-10T09:00",
            "ends_at": "2026-12-10T10:00",
        },
    )
    assert refused.status_code == 200
    assert "only invisible characters" in refused.content.decode()
    assert "Kept as typed" in refused.content.decode()
    assert not VirtualSession.objects.filter(agenda="Kept as typed").exists()


def test_participants_cannot_schedule(room, client):
    client.force_login(room.amina)
    assert client.get(f"/spaces/{room.space.pk}/sessions/new/").status_code == 403
    listing = client.get(f"/spaces/{room.space.pk}/sessions/").content.decode()
    assert "Bus lanes and wheelchair access" in listing
    assert "Schedule a session" not in listing


def test_minutes_hold_pinned_messages_questions_polls_and_attendance(room, client):
    sid = room.session.pk
    actions.do_join(sid, room.amina, f"{sid}-{room.amina.pk}")
    actions.do_join(sid, room.kofi, f"{sid}-{room.kofi.pk}")
    actions.do_join(sid, room.host, f"{sid}-{room.host.pk}")
    pinned = actions.do_send_chat(sid, room.amina, "Checklist: kerb height 18 cm")
    actions.do_send_chat(sid, room.kofi, "Thanks!")
    actions.do_pin_message(sid, room.host, pinned.data["id"])
    asked = actions.do_ask_question(sid, room.kofi, "Who inspects the stops?")
    actions.do_ask_question(sid, room.amina, "Budget line?")
    actions.do_upvote_question(sid, room.amina, asked.data["id"])
    actions.do_answer_question(sid, room.host, asked.data["id"])
    poll = actions.do_open_poll(sid, room.host, "Next meeting?", ["January", "February"])
    actions.do_vote_poll(sid, room.amina, poll.data["id"], [1])
    actions.do_vote_poll(sid, room.kofi, poll.data["id"], [1])
    actions.do_end_session(sid, room.host)

    minutes = VirtualSession.objects.get(pk=sid).minutes
    assert minutes["pinned"] == [{"author": "Amina Diallo", "text": "Checklist: kerb height 18 cm"}]
    assert minutes["questions"][0] == {
        "author": "Kofi Mensah",
        "text": "Who inspects the stops?",
        "votes": 1,
        "answered": True,
    }
    assert minutes["questions"][1]["answered"] is False
    assert minutes["polls"] == [
        {
            "question": "Next meeting?",
            "multiple": False,
            "voters": 2,
            "results": [{"option": "January", "votes": 0}, {"option": "February", "votes": 2}],
        }
    ]
    assert minutes["attendance"] == ["Amina Diallo", "Host Room", "Kofi Mensah"]
    assert minutes["messages"] == 2

    from community.live.minutes import minutes_markdown

    markdown = minutes_markdown(VirtualSession.objects.get(pk=sid))
    assert "## Pinned messages\n\n- **Amina Diallo:** Checklist: kerb height 18 cm" in markdown
    assert "1. Who inspects the stops? (Kofi Mensah; 1 vote) · answered" in markdown
    assert "**Next meeting?** (2 voters)\n\n- January: 0\n- February: 2" in markdown

    client.force_login(room.kofi)
    html = client.get(room.session.get_absolute_url()).content.decode()
    section = html.split('id="minutes"')[1]
    assert "Checklist: kerb height 18 cm" in section
    assert "February: 2" in section
    assert "3 people took part" in section

    # The minutes are also posted to the space's exchange, for members only.
    from community.exchange.models import Thread

    thread = Thread.objects.get(space=room.space, title="Minutes: Bus lanes and wheelchair access")
    assert thread.author == room.host and thread.visibility == "members"
    assert minutes["thread_url"] == thread.get_absolute_url()
    thread_html = client.get(thread.get_absolute_url()).content.decode()
    assert "Checklist: kerb height 18 cm" in thread_html
    client.force_login(room.outsider)
    assert client.get(thread.get_absolute_url()).status_code in (403, 404)


def test_event_numbers_have_no_gaps_when_commands_are_refused(room):
    from community.live.protocol import ProtocolError

    sid = room.session.pk
    actions.do_raise_hand(sid, room.amina)
    with pytest.raises(ProtocolError):
        actions.do_raise_hand(sid, room.amina)
    actions.do_send_chat(sid, room.amina, "next")
    seqs = list(room.session.events.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1))
    assert VirtualSession.objects.get(pk=sid).last_seq == seqs[-1]


def test_reminders_go_out_once_per_session_and_kind(room, user_factory):
    from community.live.models import SessionState

    now = timezone.now()
    VirtualSession.objects.filter(pk=room.session.pk).update(
        state=SessionState.SCHEDULED,
        starts_at=now + dt.timedelta(hours=20),
        ends_at=now + dt.timedelta(hours=21),
    )
    soon = actions.do_schedule_session(
        space=room.space,
        actor=room.host,
        title="Short notice",
        starts_at=now + dt.timedelta(minutes=40),
        ends_at=now + dt.timedelta(minutes=100),
    )
    later = actions.do_schedule_session(
        space=room.space,
        actor=room.host,
        title="Next month",
        starts_at=now + dt.timedelta(days=30),
        ends_at=now + dt.timedelta(days=30, hours=1),
    )
    members = 3  # host, Amina, Kofi; not the outsider
    assert send_due_reminders(now) == 2 * members
    assert send_due_reminders(now) == 0
    day = OutgoingEmail.objects.filter(purpose="live-reminder-day")
    hour = OutgoingEmail.objects.filter(purpose="live-reminder-hour")
    assert day.count() == members and hour.count() == members
    assert {e.to for e in day} == {"host.room@example.org", "amina@example.org", "kofi@example.org"}
    assert "Tomorrow: Bus lanes and wheelchair access" in day.first().subject
    assert "In one hour: Short notice" in hour.first().subject
    assert f"/sessions/{soon.pk}/calendar.ics" in hour.first().text
    assert not SessionReminder.objects.filter(session=later).exists()
    # The calendar entry travels with the mail, for calendar apps that cannot sign in.
    (attachment,) = hour.first().attachments
    assert (attachment["filename"], attachment["mimetype"]) == (
        f"session-{soon.pk}.ics",
        "text/calendar",
    )
    (event,) = Calendar.from_ical(attachment["content"]).walk("VEVENT")
    assert str(event["summary"]) == "Short notice"
    assert event.decoded("dtstart") == soon.starts_at.astimezone(dt.UTC).replace(microsecond=0)

    # An hour before the first session, its hour reminder follows; no second day one.
    assert send_due_reminders(now + dt.timedelta(hours=19, minutes=30)) == members
    assert SessionReminder.objects.filter(session=room.session).count() == 2
    assert OutgoingEmail.objects.filter(purpose="live-reminder-day").count() == members


def test_reminder_command_reports_what_it_queued(room, capsys):
    from django.core.management import call_command

    call_command("send_session_reminders")
    assert "reminder e-mail(s) queued" in capsys.readouterr().out


# The room must load on a slow connection: everything it needs (no images, no fonts,
# no external assets), with 50 chat messages on the page. What the connection pays is
# the gzipped weight; the raw one grew by about 10 KB when each message got its time
# and facilitators a menu per message and an undo (51.6 KB then, 13.7 KB gzipped), and by
# 17 KB when every page took the site's design system (site.css 13.8 -> 25.7 KB, and the
# header's small script): 68.4 KB, 17.9 KB gzipped, far inside the site-wide 200 KB.
PAGE_BUDGET_BYTES = 72_000
PAGE_BUDGET_GZIP_BYTES = 19_000


def test_room_page_weight_stays_within_its_budget(room, client):
    import gzip
    import re

    from django.contrib.staticfiles import finders

    for n in range(50):
        actions.do_send_chat(room.session.pk, room.amina, f"Message {n}: how does your city do it?")
    client.force_login(room.kofi)
    html = client.get(room.session.get_absolute_url()).content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert sorted(assets) == [b"css/site.css", b"js/site.js", b"live/live.css", b"live/live.js"]
    assert not re.search(rb'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//', html)
    parts = [html] + [Path(finders.find(a.decode())).read_bytes() for a in assets]
    raw = sum(len(p) for p in parts)
    zipped = sum(len(gzip.compress(p)) for p in parts)
    print(f"room page weight: {raw} bytes, {zipped} gzipped")
    assert raw <= PAGE_BUDGET_BYTES
    assert zipped <= PAGE_BUDGET_GZIP_BYTES


def test_facilitator_moves_a_scheduled_session_and_its_reminders_start_over(user_factory, client):
    room = build_room(user_factory, state="scheduled")
    session = room.session
    SessionReminder.objects.create(session=session, kind="day")
    url = f"/spaces/{room.space.pk}/sessions/{session.pk}/edit/"
    client.force_login(room.amina)
    assert client.get(url).status_code == 403
    client.force_login(room.host)
    form = client.get(url).content.decode()
    berlin = session.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))
    assert berlin.strftime("%Y-%m-%dT%H:%M") in form  # shown in the host's zone
    response = client.post(
        url,
        {
            "title": "Bus lanes, moved",
            "agenda": "Same agenda",
            "host_time_zone": "Europe/Berlin",
            "starts_at": "2027-01-14T15:00",
            "ends_at": "2027-01-14T16:00",
            "facilitators": [room.host.pk],
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title == "Bus lanes, moved"
    assert session.starts_at == dt.datetime(2027, 1, 14, 14, 0, tzinfo=dt.UTC)
    assert not session.reminders.exists()

    actions.do_start_session(session.pk, room.host)
    assert client.get(url).status_code == 302  # a live session is not edited


def test_snapshot_queries_do_not_grow_with_the_people_in_the_room(
    room, user_factory, django_assert_max_num_queries
):
    from community.members.actions import do_add_member

    for n in range(30):
        person = user_factory(email=f"guest{n}@example.org")
        do_add_member(room.space, person, "participant")
        actions.do_join(room.session.pk, person, f"{room.session.pk}-{person.pk}")
        actions.do_send_chat(room.session.pk, person, f"hello {n}")
        actions.do_raise_hand(room.session.pk, person)
        actions.do_ask_question(room.session.pk, person, f"question {n}")
    with django_assert_max_num_queries(14):
        snapshot = selectors.room_snapshot(room.session.pk, room.kofi)
    assert len(snapshot["presence"]) == 30 and len(snapshot["hands"]) == 30
