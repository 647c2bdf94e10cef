"""Reminder e-mails a day and an hour before a session starts.

`send_due_reminders` finds the scheduled sessions that start within the window of a
reminder kind and have not had it yet, records it (a unique row per session and
kind, claimed under a row lock) and queues one e-mail per member through the
mailing outbox. Running it twice, or from two workers, sends each reminder once.
It runs as a background task (`community.live.tasks`, enqueued for the right moment
when a session is scheduled, where the task backend can defer), and from `manage.py
send_session_reminders` (cron) as a safety net.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from community.live.ics import session_calendar
from community.live.models import ReminderKind, SessionReminder, SessionState, VirtualSession
from community.members.people import display_name
from mailing.links import absolute_url, site_domain
from mailing.outbox import TextAttachment, queue_templated_email

WINDOWS = {ReminderKind.DAY: dt.timedelta(days=1), ReminderKind.HOUR: dt.timedelta(hours=1)}


def recipients(session: VirtualSession):
    """The space's members and the session's facilitators, each once."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(memberships__space_id=session.space_id)
        .union(session.facilitators.filter(is_active=True))
    )


def send_due_reminders(now: dt.datetime | None = None) -> int:
    """Queue the reminders that are due; returns how many e-mails were queued."""
    now = now or timezone.now()
    queued = 0
    # The hour reminder first: a session scheduled at short notice gets that one
    # and no longer the day reminder.
    for kind in (ReminderKind.HOUR, ReminderKind.DAY):
        due = VirtualSession.objects.filter(
            state=SessionState.SCHEDULED,
            starts_at__gt=now,
            starts_at__lte=now + WINDOWS[kind],
        ).exclude(reminders__kind=kind)
        for session_id in due.values_list("pk", flat=True):
            queued += _remind(session_id, kind)
    return queued


def _remind(session_id: int, kind: str) -> int:
    try:
        with transaction.atomic():
            session = (
                VirtualSession.objects.select_for_update(skip_locked=True)
                .select_related("space")
                .filter(pk=session_id)
                .first()
            )
            if session is None or session.reminders.filter(kind=kind).exists():
                return 0
            reminder = SessionReminder.objects.create(session=session, kind=kind)
            if kind == ReminderKind.HOUR:
                # Too late for the day reminder: it is not sent afterwards.
                SessionReminder.objects.get_or_create(
                    session=session, kind=ReminderKind.DAY, defaults={"recipients": 0}
                )
            room_url = absolute_url(session.get_absolute_url())
            ics_url = absolute_url(
                reverse("live:ics", kwargs={"space_id": session.space_id, "pk": session.pk})
            )
            # Attached as well as linked: the link needs a signed-in browser, a
            # calendar app does not have one.
            calendar: TextAttachment = {
                "filename": f"session-{session.pk}.ics",
                "content": session_calendar(
                    session, room_url=room_url, domain=site_domain()
                ).decode(),
                "mimetype": "text/calendar",
            }
            count = 0
            for user in recipients(session):
                if not user.email:
                    continue
                queue_templated_email(
                    to=user.email,
                    template="live/email/reminder",
                    context={
                        "session": session,
                        "kind": kind,
                        "name": display_name(user),
                        "room_url": room_url,
                        "ics_url": ics_url,
                    },
                    purpose=f"live-reminder-{kind}",
                    attachments=[calendar],
                )
                count += 1
            reminder.recipients = count
            reminder.save(update_fields=["recipients"])
            return count
    except IntegrityError:
        return 0  # another worker recorded it first
