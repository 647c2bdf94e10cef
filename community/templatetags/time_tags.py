"""Times as the viewer lives them, saying which zone they are in:
`{% load time_tags %}{% local_time post.created_at %}` gives
`<time datetime="2026-11-25T13:05:00Z" title="Europe/Berlin">25 November 2026, 14:05 CET</time>`.

The zone is the viewer's (their profile's time zone, activated per request by
`community.middleware.UserTimezoneMiddleware`), else the site's `TIME_ZONE`. Posts,
threads and notifications all show their times through this one tag, so a reader
in Nairobi never wonders whether "14:05" was Berlin's time or theirs.
"""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


def zone_label(value: dt.datetime) -> str:
    """The short name of the active zone at `value`: "CET", "CEST", "EAT". Where the
    zone database knows only an offset ("-03"), the offset after UTC: "UTC−3",
    "UTC+5:30"."""
    local = timezone.localtime(value)
    name = local.tzname() or ""
    if name and name[0] not in "+-":
        return name
    offset = local.utcoffset()
    assert offset is not None  # localtime() gives an aware datetime: it has an offset
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@register.simple_tag
def local_time(
    value: dt.datetime | str | None, format: str = "DATETIME_FORMAT", *, zone: bool = True
) -> SafeString:
    """`value` (a datetime, or an ISO 8601 text as the live room's snapshot has it) in
    the viewer's zone, in `format` (a Django format name or string), with the zone's
    short name (the zone's full name in `title`) unless `zone` is off, for a list that
    names its zone once, such as the live chat; the instant in UTC in `datetime`."""
    if not value:
        return SafeString("")
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    local = timezone.localtime(value)
    instant = value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    shown = date_format(local, format)
    if not zone:
        return format_html('<time datetime="{}">{}</time>', instant, shown)
    return format_html(
        '<time datetime="{}" title="{}">{} {}</time>',
        instant,
        timezone.get_current_timezone_name(),
        shown,
        zone_label(local),
    )
