"""Expertise is typed as names separated by commas and shown as tags: never with the
quotes taggit puts around names that hold a space."""

import pytest
from django.urls import reverse

from community.members.actions import do_name_profile
from community.models import Profile, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def amina(user_factory):
    user = user_factory(email="amina@example.org")
    profile = do_name_profile(user, name="Amina Osei")
    profile.visibility = Visibility.PUBLIC
    profile.save()
    profile.expertise.add("waste management", "informal sector", "GIS")
    return user


def profile_form(client) -> str:
    return client.get(reverse("community:profile_edit")).content.decode()


def test_the_edit_field_shows_names_separated_by_commas_without_quotes(client, amina):
    client.force_login(amina)
    html = profile_form(client)
    assert 'value="GIS, informal sector, waste management"' in html
    assert "&quot;" not in html.split('name="expertise"')[1].split(">")[0]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("informal sector", ["informal sector"]),
        ("informal sector, waste management", ["informal sector", "waste management"]),
        ('"informal sector", "waste management"', ["informal sector", "waste management"]),
        ("„Abfallwirtschaft“, GIS,, ", ["Abfallwirtschaft", "GIS"]),
    ],
)
def test_only_commas_separate_tags_and_typed_quotes_are_dropped(client, amina, typed, stored):
    client.force_login(amina)
    response = client.post(
        reverse("community:profile_edit"),
        {
            "display_name": "Amina Osei",
            "time_zone": "Africa/Accra",
            "visibility": "public",
            "expertise": typed,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = Profile.objects.get(user=amina)
    assert sorted(profile.expertise.names(), key=str.casefold) == stored


def test_profile_and_directory_show_expertise_as_tags(client, amina):
    for url in (reverse("community:profile", args=[amina.pk]), reverse("community:directory")):
        html = client.get(url).content.decode()
        assert (
            '<a class="tag" href="/members/?expertise=informal%20sector">informal sector</a>'
            in html
        )
        assert "&quot;informal sector&quot;" not in html and '"informal sector"' not in html
