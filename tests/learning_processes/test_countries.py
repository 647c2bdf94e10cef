"""One list of countries fit for municipalities, named in English and German, sorted
by the viewer's language, each country once, behind every field, filter and label."""

import re

import pytest
from django.apps import apps
from django.utils import translation
from django_countries.fields import CountryField

from community.models import Profile, Visibility
from learning_processes.countries import (
    MunicipalCountries,
    collation_key,
    country_choices,
    country_name,
    country_names,
    oda_recipients,
)
from learning_processes.filters import practice_facets
from learning_processes.models import PracticePage
from search.labels import labeller
from tests.factories import PracticeFactory

UNINHABITED = {"AQ", "BV", "HM", "TF", "UM", "GS", "IO"}


def names(language: str) -> list[str]:
    with translation.override(language):
        return [name for _code, name in country_choices()]


def test_the_list_leaves_out_uninhabited_territories_and_names_nauru_properly():
    codes = set(country_names())
    assert not codes & UNINHABITED
    assert {"DE", "GH", "PS", "XK", "HK", "PR", "GL", "RE"} <= codes
    english = names("en")
    assert "Nauru" in english and "Naoero" not in english
    assert not {"Antarctica", "Bouvet Island"} & set(english)


def test_every_country_of_the_global_south_list_can_be_chosen():
    assert set(oda_recipients()) <= set(country_names())


def test_every_entry_has_an_english_and_a_german_name():
    for code, entry in country_names().items():
        assert re.fullmatch(r"[A-Z]{2}", code)
        assert entry["en"].strip() and entry["de"].strip(), code
    with translation.override("de"):
        assert country_name("MZ") == "Mosambik"
        assert country_name("ET") == "Äthiopien"
        assert country_name("GD") == "Grenada"
    with translation.override("en"):
        assert country_name("MZ") == "Mozambique"


def test_german_list_sorts_umlauts_with_their_base_letter():
    german = names("de")
    assert german.index("Aserbaidschan") < german.index("Äthiopien") < german.index("Australien")
    assert german.index("Äthiopien") < german.index("Vietnam")
    assert german.index("Ägypten") < german.index("Albanien")
    assert german.index("Nordkorea") < german.index("Nördliche Marianen") < german.index("Norwegen")
    assert german.index("Österreich") < german.index("Pakistan")
    assert german.index("Costa Rica") < german.index("Côte d’Ivoire") < german.index("Curaçao")
    assert german == sorted(german, key=collation_key)


def test_english_list_is_sorted_in_english():
    english = names("en")
    assert english.index("Åland Islands") < english.index("Albania")
    assert english.index("Ethiopia") < english.index("Vietnam")
    assert english.index("Germany") < english.index("Ghana")


def test_each_country_is_offered_once():
    with translation.override("de"):
        choices = country_choices(["DE", "DE", "GH", "", None, "de", "ZZ", "AQ"])
    assert choices == [("DE", "Deutschland"), ("GH", "Ghana")]
    assert len(country_choices()) == len(set(country_names()))


def test_every_country_field_uses_the_one_list():
    fields = [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, CountryField)
    ]
    assert len(fields) >= 3
    for field in fields:
        assert isinstance(field.countries, MunicipalCountries), field


@pytest.mark.django_db
def test_fields_validate_against_and_name_by_the_list():
    practice = PracticeFactory(country="ET")
    with translation.override("de"):
        assert practice.country.name == "Äthiopien"
    field = PracticePage._meta.get_field("country")
    choices = [code for code, _name in field.formfield().choices if code]
    assert "AQ" not in choices and "ET" in choices
    practice.country = "AQ"
    with pytest.raises(Exception, match="country|valid"):
        practice.full_clean()


@pytest.mark.django_db
def test_listing_and_search_labels_name_countries_in_german():
    PracticeFactory(country="VN")
    PracticeFactory(country="ET")
    PracticeFactory(country="MZ")
    with translation.override("de"):
        facets = practice_facets(PracticePage.objects.live())
        assert [name for _code, name in facets.country] == ["Äthiopien", "Mosambik", "Vietnam"]
        assert labeller()("country", "MZ") == "Mosambik"


@pytest.mark.django_db
def test_members_directory_offers_each_country_once_in_the_viewers_language(client, user_factory):
    for number, name in enumerate(["Anna", "Bernd", "Clara", "Dieter", "Emil", "Frieda"]):
        Profile.objects.create(
            user=user_factory(), display_name=name, country="DE", visibility=Visibility.PUBLIC
        )
        if number < 2:
            Profile.objects.create(
                user=user_factory(),
                display_name=f"{name} Tesfaye",
                country="ET",
                visibility=Visibility.PUBLIC,
            )
    html = client.get("/members/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    select = html[html.index('name="country"') :]
    select = select[: select.index("</select>")]
    assert select.count('value="DE"') == 1
    assert select.count('value="ET"') == 1
    assert select.index("Äthiopien") < select.index("Deutschland")
