"""Times say which zone they are in: the viewer's, else the site's."""

import datetime as dt
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from community.templatetags.time_tags import zone_label

WINTER = dt.datetime(2026, 1, 15, 13, 5, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, 5, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("zone", "when", "label"),
    [
        ("Europe/Berlin", WINTER, "CET"),
        ("Europe/Berlin", SUMMER, "CEST"),
        ("Africa/Nairobi", WINTER, "EAT"),
        ("UTC", WINTER, "UTC"),
        ("America/Sao_Paulo", WINTER, "UTC−3"),
        ("Asia/Kathmandu", WINTER, "UTC+5:45"),
        ("Asia/Ho_Chi_Minh", WINTER, "UTC+7"),
    ],
)
def test_the_zone_label_is_the_short_name_or_the_offset(zone, when, label):
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        assert zone_label(when) == label


def render(value, zone: str | None, language: str = "en") -> str:
    template = Template("{% load time_tags %}{% local_time value %}")
    with translation.override(language):
        if zone is None:
            return template.render(Context({"value": value}))
        with timezone.override(zoneinfo.ZoneInfo(zone)):
            return template.render(Context({"value": value}))


def test_local_time_shows_the_viewers_zone_and_the_instant_in_utc():
    assert render(WINTER, "Africa/Nairobi") == (
        '<time datetime="2026-01-15T13:05:00Z" title="Africa/Nairobi">'
        "15 January 2026, 16:05 EAT</time>"
    )


def test_without_a_zone_of_their_own_viewers_see_the_sites(settings):
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert ">15 January 2026, 14:05 CET</time>" in render(WINTER, None)
    assert "14:05 CET</time>" in render(WINTER, None, "de")


def test_an_iso_text_is_read_as_the_instant_it_names():
    assert ">15 January 2026, 20:05 UTC+7</time>" in render(
        "2026-01-15T13:05:00+00:00", "Asia/Ho_Chi_Minh"
    )
    assert render(None, "UTC") == ""


@pytest.mark.django_db
def test_post_times_follow_the_viewers_profile_zone(client, user_factory):
    from community.exchange.actions import do_create_thread
    from community.members.actions import do_add_member
    from community.models import Profile
    from tests.factories import LearningProcessFactory

    space = LearningProcessFactory(title="Urban heat")
    author = user_factory("author@example.org")
    reader = user_factory("reader@example.org")
    for user in (author, reader):
        do_add_member(space, user, "participant")
    thread = do_create_thread(space=space, author=author, title="Heat", body="Hot")
    thread.posts.update(created_at=WINTER)
    client.force_login(reader)
    assert "14:05 CET</time>" in client.get(thread.get_absolute_url()).content.decode()
    Profile.objects.create(user=reader, display_name="Reader", time_zone="Africa/Nairobi")
    assert "16:05 EAT</time>" in client.get(thread.get_absolute_url()).content.decode()
