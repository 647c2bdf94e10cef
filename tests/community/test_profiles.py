"""Profiles: editing, the avatar checks, time zones, and who sees whom in the directory."""

import io
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from community.members.actions import do_add_member
from community.members.people import display_name
from community.models import Profile, SpaceRole, Visibility
from tests.community.conftest import make_profile
from tests.factories import DialogueEventFactory, LearningProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path


def image_file(fmt="PNG", size=(800, 600), name="me.png", exif=False) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (20, 120, 80))
    kwargs = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCam"  # camera maker
        kwargs["exif"] = data
    image.save(buffer, format=fmt, **kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def profile_data(**overrides) -> dict:
    data = {
        "display_name": "Ama Owusu",
        "organisation_type": "municipality",
        "organisation": "Kumasi Metropolitan Assembly",
        "position": "Planner",
        "country": "GH",
        "city": "Kumasi",
        "time_zone": "Africa/Accra",
        "expertise": "waste management, GIS",
        "bio": "Planner.",
        "visibility": "public",
        "languages": ["en", "fr"],
    }
    data.update(overrides)
    return data


def test_user_edits_profile_and_avatar_is_stored_reencoded(client, user_factory):
    user = user_factory()
    client.force_login(user)
    response = client.post(
        reverse("community:profile_edit"),
        {**profile_data(), "avatar_upload": image_file("JPEG", (1200, 900), "me.jpg", exif=True)},
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert display_name(user) == "Ama Owusu"
    assert sorted(profile.expertise.names()) == ["GIS", "waste management"]
    assert sorted(profile.language_codes) == ["en", "fr"]
    with Image.open(profile.avatar.path) as stored:
        assert (stored.format, stored.size) == ("JPEG", (400, 400))
        assert 0x010F not in stored.getexif()
    assert profile.avatar.name.endswith(".jpg") and "me" not in profile.avatar.name


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("me.png", b"not an image at all", "image/png"), "not an image"),
        (image_file("BMP", (300, 300), "me.bmp"), "not accepted"),
        (image_file("PNG", (20, 20)), "between"),
        (image_file("PNG", (7000, 100)), "between"),
    ],
    ids=["not-an-image", "bmp", "too-small", "too-wide"],
)
def test_bad_avatars_are_refused_with_a_reason(client, user_factory, upload, message):
    client.force_login(user_factory())
    response = client.post(
        reverse("community:profile_edit"), {**profile_data(), "avatar_upload": upload}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Profile.objects.filter(avatar__gt="").exists()


@override_settings(COMMUNITY_AVATAR_MAX_BYTES=1000)
def test_oversized_avatar_file_is_refused(client, user_factory):
    client.force_login(user_factory())
    response = client.post(
        reverse("community:profile_edit"),
        {**profile_data(), "avatar_upload": image_file("PNG", (400, 400))},
    )
    assert "too large" in response.content.decode()


def test_unknown_time_zone_is_refused(client, user_factory):
    client.force_login(user_factory())
    response = client.post(
        reverse("community:profile_edit"), profile_data(time_zone="Mars/Olympus_Mons")
    )
    assert response.status_code == 200
    assert not Profile.objects.filter(time_zone="Mars/Olympus_Mons").exists()


def test_dates_are_shown_in_the_viewers_time_zone(client, user_factory):
    import datetime as dt

    space = LearningProcessFactory()
    start = dt.datetime(2027, 3, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    DialogueEventFactory(parent=space, start=start)
    user = user_factory()
    make_profile(user, "Priya", time_zone="Asia/Kolkata")
    do_add_member(space, user, SpaceRole.PARTICIPANT)

    anonymous_page = client.get(space.url).content.decode()
    client.force_login(user)
    member_page = client.get(space.url).content.decode()

    # 09:00 in Berlin is 13:30 in Kolkata.
    assert "2027-03-02T13:30:00+05:30" in member_page
    assert "13:30" in member_page
    assert "+05:30" not in anonymous_page


# --- Directory --------------------------------------------------------------------


@pytest.fixture
def directory_people(user_factory):
    """Two spaces; people with each visibility inside and outside the viewer's space."""
    mine, theirs = LearningProcessFactory(), LearningProcessFactory(topic_field=None)
    viewer = user_factory(email="viewer@example.org")
    make_profile(viewer, "Viewer Self", visibility=Visibility.PRIVATE)
    do_add_member(mine, viewer, SpaceRole.PARTICIPANT)
    people = {}
    for name, visibility, space, country, tags, language in [
        ("Public Peer", Visibility.PUBLIC, theirs, "BR", ["GIS"], "pt"),
        ("Members Peer", Visibility.MEMBERS, mine, "GH", ["composting"], "fr"),
        ("Members Stranger", Visibility.MEMBERS, theirs, "GH", ["composting"], "fr"),
        ("Private Peer", Visibility.PRIVATE, mine, "GH", ["composting"], "fr"),
    ]:
        user = user_factory()
        profile = make_profile(user, name, visibility=visibility, country=country)
        profile.expertise.add(*tags)
        profile.languages.create(code=language)
        do_add_member(space, user, SpaceRole.PARTICIPANT)
        people[name] = user
    return mine, theirs, viewer, people


def names_in(response) -> set[str]:
    return {profile.display_name for profile in response.context["profiles"]}


def test_anonymous_visitors_see_only_public_profiles(client, directory_people):
    assert names_in(client.get("/members/")) == {"Public Peer"}
    mine, _, _, people = directory_people
    assert (
        client.get(reverse("community:profile", args=[people["Members Peer"].pk])).status_code
        == 404
    )
    # Anonymous visitors cannot probe who takes part in which process.
    assert names_in(client.get(f"/members/?process={mine.pk}")) == {"Public Peer"}


def test_members_see_members_only_profiles_of_their_own_spaces(client, directory_people):
    mine, theirs, viewer, people = directory_people
    client.force_login(viewer)
    assert names_in(client.get("/members/")) == {"Public Peer", "Members Peer", "Viewer Self"}
    profile_url = reverse("community:profile", args=[people["Members Stranger"].pk])
    assert client.get(profile_url).status_code == 404
    assert (
        client.get(reverse("community:profile", args=[people["Private Peer"].pk])).status_code
        == 404
    )


def test_directory_filters_by_expertise_country_language_process_and_topic(
    client, directory_people
):
    mine, theirs, viewer, _ = directory_people
    client.force_login(viewer)
    assert names_in(client.get("/members/?expertise=Composting")) == {"Members Peer"}
    assert names_in(client.get("/members/?country=BR")) == {"Public Peer"}
    assert names_in(client.get("/members/?language=fr&country=GH")) == {"Members Peer"}
    assert names_in(client.get(f"/members/?process={mine.pk}")) == {"Members Peer", "Viewer Self"}
    # A process the viewer is not in is no filter option, so it filters nothing.
    response = client.get(f"/members/?process={theirs.pk}")
    assert response.context["form"].errors
    topic = mine.topic_field.slug
    assert names_in(client.get(f"/members/?topic={topic}")) == {"Members Peer", "Viewer Self"}


def test_directory_rejects_bad_filters_without_failing(client, directory_people):
    response = client.get("/members/?country=XX&language=klingon&process=abc&page=999")
    assert response.status_code == 200
    assert names_in(response) == {"Public Peer"}


def test_directory_queries_do_not_grow_with_the_number_of_members(
    client, user_factory, django_assert_max_num_queries
):
    for number in range(30):
        profile = make_profile(user_factory(), f"Peer {number}", visibility=Visibility.PUBLIC)
        profile.expertise.add("GIS", f"topic {number}")
        profile.languages.create(code="en")
    with django_assert_max_num_queries(8):
        response = client.get("/members/")
    assert len(response.context["profiles"]) == 24


@pytest.mark.parametrize(
    "name", ["\u200b\u200b", "\u200d\u200c", "\ufeff", "\u3164", " \u00ad "], ids=repr
)
def test_display_name_of_invisible_characters_is_refused(client, user_factory, name):
    client.force_login(user_factory())
    response = client.post(reverse("community:profile_edit"), profile_data(display_name=name))
    assert response.status_code in (200, 400)
    assert "only invisible characters" in response.content.decode()
    assert not Profile.objects.filter(display_name=name).exists()


@pytest.mark.parametrize("field", ["display_name", "organisation", "position", "city"])
@pytest.mark.parametrize("control", ["\u202e", "\u202b", "\u2066", "\u2068"], ids=repr)
def test_names_with_a_direction_control_are_refused_with_what_was_typed_kept(
    client, user_factory, field, control
):
    client.force_login(user_factory())
    typed = f"Ama {control}usuwO"
    response = client.post(reverse("community:profile_edit"), profile_data(**{field: typed}))
    assert response.status_code in (200, 400)
    page = response.content.decode()
    assert "change the reading direction" in page
    assert "usuwO" in page
    assert not Profile.objects.filter(**{field: typed}).exists()


def test_profile_text_is_stored_normalised_with_joiners_kept_inside_words(client, user_factory):
    user = user_factory()
    client.force_login(user)
    persian = "\u0646\u06cc\u0645\u200c\u0641\u0627\u0635\u0644\u0647"
    response = client.post(
        reverse("community:profile_edit"),
        profile_data(
            display_name=f"\u200bRene\u0301 {persian}\u200d ",
            organisation="\u2060",
            position="R&D <Team>\x00",
            bio="Line one\r\n\u200bLine two\x00",
            expertise="\u200bGIS\u200d, \u200b, composting",
        ),
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert profile.display_name == f"René {persian}"
    assert profile.organisation == ""
    assert profile.position == "R&D <Team>"
    assert profile.bio == "Line one\r\nLine two"
    assert sorted(profile.expertise.names()) == ["GIS", "composting"]


@pytest.mark.postgres
def test_nul_characters_in_a_profile_are_no_server_error_on_postgresql(client, user_factory):
    user = user_factory()
    client.force_login(user)
    response = client.post(
        reverse("community:profile_edit"),
        profile_data(display_name="Ama\x00 Owusu", city="Kum\x00asi", expertise="GIS\x00"),
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert (profile.display_name, profile.city) == ("Ama Owusu", "Kumasi")
    assert list(profile.expertise.names()) == ["GIS"]
