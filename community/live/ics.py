"""A session as an iCalendar event (RFC 5545), built with the icalendar library."""

import datetime as dt

from django.utils import timezone
from icalendar import Calendar, Event

from community.live.models import VirtualSession


def session_calendar(session: VirtualSession, *, room_url: str, domain: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Connective Cities//Live sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"live-session-{session.pk}@{domain}")
    event.add("dtstamp", timezone.now())
    # Times in UTC: every calendar shows them in its owner's own zone.
    event.add("dtstart", session.starts_at.astimezone(dt.UTC))
    event.add("dtend", session.ends_at.astimezone(dt.UTC))
    event.add("summary", session.title)
    description = session.agenda
    if session.video_url:
        description = f"{description}\n\nVideo: {session.video_url}".strip()
    event.add("description", f"{description}\n\n{room_url}".strip())
    event.add("url", room_url)
    event.add("location", session.video_url or room_url)
    event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()
