"""Sign-up asks for the name other members see; people are never shown by their
e-mail address."""

import pytest
from django.contrib.auth import get_user_model

from community.members.people import display_name, has_chosen_name, name_from_address
from community.models import Profile

pytestmark = pytest.mark.django_db

PASSWORD = "sustainable-cities-2026"


def sign_up(client, **fields):
    data = {"email": "amina@example.org", "password1": PASSWORD, "password2": PASSWORD}
    data.update(fields)
    return client.post("/accounts/signup/", data)


def test_signup_form_asks_for_the_name_first(client):
    html = client.get("/accounts/signup/").content.decode()
    assert 'name="display_name"' in html
    assert 'autocomplete="name"' in html
    assert html.index('name="display_name"') < html.index('name="email"')


def test_signup_stores_the_name_on_the_profile(client):
    response = sign_up(client, display_name="  Amina Osei ")
    assert response.status_code == 302
    user = get_user_model().objects.get(email="amina@example.org")
    assert Profile.objects.get(user=user).display_name == "Amina Osei"
    assert display_name(user) == "Amina Osei"
    assert has_chosen_name(user)


def test_a_name_typed_at_signup_counts_as_chosen_even_when_the_address_reads_the_same(client):
    sign_up(client, email="katrin.vogel@jena.example", display_name="Katrin Vogel")
    user = get_user_model().objects.get(email="katrin.vogel@jena.example")
    assert has_chosen_name(user)
    client.force_login(user)
    assert "a name made from your e-mail address" not in client.get("/account/").content.decode()


def test_saving_the_profile_form_confirms_a_name_read_from_the_address(user_factory):
    from community.members.actions import get_or_create_profile
    from community.members.forms import ProfileForm

    user = user_factory(email="amina.applicant@example.org")
    profile = get_or_create_profile(user)
    assert not has_chosen_name(user)
    values = {"display_name": profile.display_name, "visibility": profile.visibility}
    form = ProfileForm({**values, "time_zone": "Africa/Accra"}, instance=profile)
    assert form.is_valid(), form.errors
    form.save()
    assert has_chosen_name(get_user_model().objects.get(pk=user.pk))


@pytest.mark.parametrize("name", ["", "   ", "\u200b\u200b"])
def test_signup_without_a_visible_name_is_refused_and_keeps_what_was_typed(client, name):
    response = sign_up(client, display_name=name)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="amina@example.org"' in html
    assert not get_user_model().objects.filter(email="amina@example.org").exists()


def test_signup_refuses_a_name_longer_than_the_profile_holds(client):
    response = sign_up(client, display_name="A" * 81)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="amina@example.org").exists()


@pytest.mark.parametrize(
    ("address", "name"),
    [
        ("amina.applicant@example.org", "Amina Applicant"),
        ("jonas_beispiel@example.org", "Jonas Beispiel"),
        ("ana-souza+cc@example.org", "Ana Souza"),
        ("DeLaCruz@example.org", "DeLaCruz"),
        ("...@example.org", "Member"),
    ],
)
def test_a_person_without_a_name_reads_as_a_name_not_an_address(address, name):
    assert name_from_address(address) == name


def test_accounts_made_without_a_name_get_a_readable_one(user_factory):
    from community.members.actions import get_or_create_profile

    user = user_factory(email="amina.applicant@example.org")
    assert display_name(user) == "Amina Applicant"
    profile = get_or_create_profile(user)
    assert profile.display_name == "Amina Applicant"
    assert not has_chosen_name(user)


def test_profiles_named_after_their_address_are_given_a_readable_name(user_factory):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("community.migrations.0004_readable_unchosen_names")
    raw = user_factory(email="amina.applicant@example.org")
    Profile.objects.create(user=raw, display_name="amina.applicant")
    chosen = user_factory(email="jonas@example.org")
    Profile.objects.create(user=chosen, display_name="Jonas Beispiel")

    migration.readable_names(apps, None)

    assert Profile.objects.get(user=raw).display_name == "Amina Applicant"
    assert Profile.objects.get(user=chosen).display_name == "Jonas Beispiel"
