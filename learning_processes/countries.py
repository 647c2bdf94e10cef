"""The countries of the platform and which of them count as Global South, from
maintained lists shipped as data.

Every country field, filter and label takes its countries from one list,
data/countries.csv: the places a municipality can be in, each with its name in
English and German. Choices are sorted by the viewer's language with a collation key
of our own (letters with accents and umlauts sort with their base letter, as in
German dictionaries: Äthiopien before Vietnam), so no system locale is needed.

Global South comes from the OECD DAC List of ODA Recipients
(data/dac_oda_recipients.csv). A country counts as Global South when it is on that
list outside the DAC's Europe region; Germany is its own region because every host is
German.
"""

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import get_language
from django_countries import Countries, CountryTuple
from django_countries.fields import Country

DATA_FILE = Path(__file__).resolve().parent / "data" / "dac_oda_recipients.csv"
COUNTRIES_FILE = Path(__file__).resolve().parent / "data" / "countries.csv"
NAME_LANGUAGES = ("en", "de")

GERMANY = "germany"
GLOBAL_SOUTH = "global_south"
OTHER = "other"
REGIONS = (GERMANY, GLOBAL_SOUTH, OTHER)


@dataclass(frozen=True)
class OdaRecipient:
    code: str
    name: str
    income_group: str
    dac_region: str


@cache
def oda_recipients() -> dict[str, OdaRecipient]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            row["iso2"]: OdaRecipient(row["iso2"], row["name"], row["income_group"], row["region"])
            for row in rows
        }


def code_of(country: str) -> str:
    """The code of a CountryField's value ("" when empty). django-stubs types the
    field as the CharField it extends (a str); django_countries gives a Country."""
    return cast(Country, country).code


def is_global_south(code: str | None) -> bool:
    recipient = oda_recipients().get((code or "").upper())
    return recipient is not None and recipient.dac_region != "Europe"


def region_of(code: str | None) -> str:
    """germany, global_south or other: the region facet of a country."""
    code = (code or "").upper()
    if code == "DE":
        return GERMANY
    return GLOBAL_SOUTH if is_global_south(code) else OTHER


def global_south_codes() -> list[str]:
    return sorted(code for code in oda_recipients() if is_global_south(code))


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


@cache
def country_names() -> dict[str, dict[str, str]]:
    """Code → {"en": name, "de": name} for every country of the platform."""
    return {
        row["iso2"]: {language: row[f"name_{language}"] for language in NAME_LANGUAGES}
        for row in _rows(COUNTRIES_FILE)
    }


def _name_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in NAME_LANGUAGES else "en"


def country_name(code: str | None) -> str:
    """The country's name in the active language; "" for a code not on the list."""
    names = country_names().get((code or "").upper())
    return names[_name_language()] if names else ""


# Letters that Unicode does not decompose into a base letter and a mark.
_FOLDED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ı": "i"})


def collation_key(name: str) -> tuple[str, str]:
    """Sorts names as a dictionary does, whatever locales the system has: accents,
    umlauts and case count only between otherwise equal names ("Äthiopien" with A,
    "Côte d’Ivoire" after "Costa Rica"), and names are compared word by word
    ("Amerikanisch-Samoa" before "Amerikanische Jungferninseln")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLDED)
    words = "".join(ch if ch.isalnum() else " " for ch in base).split()
    return " ".join(words), name


@cache
def _sorted_choices(language: str) -> tuple[tuple[str, str], ...]:
    named = ((code, names[language]) for code, names in country_names().items())
    return tuple(sorted(named, key=lambda choice: collation_key(choice[1])))


def country_choices(codes: Iterable[str | None] | None = None) -> list[tuple[str, str]]:
    """(code, name) pairs in the active language, sorted by it, each country once:
    all of them, or those of `codes` (unknown and empty codes are left out)."""
    choices = _sorted_choices(_name_language())
    if codes is None:
        return list(choices)
    wanted = {str(code).upper() for code in codes if code}
    return [choice for choice in choices if choice[0] in wanted]


_lazy_country_name = lazy(country_name, str)


class MunicipalCountries(Countries):
    """django-countries over the platform's list: what every CountryField validates,
    names and offers (`CountryField(countries=MunicipalCountries)`)."""

    @property
    def only(self) -> dict[str, str]:
        return {code: _lazy_country_name(code) for code in country_names()}

    def __iter__(self) -> Iterator[CountryTuple]:
        for code, name in country_choices():
            yield CountryTuple(code, name)
