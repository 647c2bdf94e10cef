"""The German catalogue is complete, compiled, and served to German browsers."""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import home_page

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "de" / "LC_MESSAGES" / "django.po"


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr list, flags."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry is not None and "msgid" in entry:
                finish()
                entry = None
            entry = entry or {"flags": set(), "msgstr": {}}
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += value
            else:
                entry[field[0]] += value
            continue
        keyword, value = line.split(" ", 1)
        value = ast.literal_eval(value)
        if keyword in ("msgctxt", "msgid") and entry is not None and "msgid" in entry:
            finish()
            entry = None
        entry = entry or {"flags": set(), "msgstr": {}}
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if "[" in keyword else 0
            entry["msgstr"][index] = value
            field = ("msgstr", index)
        else:
            entry[keyword] = value
            field = (keyword,)
    finish()
    return [e for e in entries if e["msgid"] != ""]  # without the header


def label(entry: dict) -> str:
    context = f"{entry['msgctxt']}\x04" if "msgctxt" in entry else ""
    return context + entry["msgid"]


def test_german_catalogue_has_no_untranslated_or_fuzzy_entries():
    entries = read_po(CATALOGUE)
    assert len(entries) > 500
    untranslated = [label(e) for e in entries if not all(e["msgstr"].values())]
    fuzzy = [label(e) for e in entries if "fuzzy" in e["flags"]]
    plural_gaps = [label(e) for e in entries if "msgid_plural" in e and len(e["msgstr"]) != 2]
    assert untranslated == []
    assert fuzzy == []
    assert plural_gaps == []


def test_compiled_catalogue_matches_the_po_file():
    with CATALOGUE.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    stale = []
    for entry in read_po(CATALOGUE):
        if "msgid_plural" in entry:
            for index, text in entry["msgstr"].items():
                if compiled.get((label(entry), index)) != text:
                    stale.append(label(entry))
        elif compiled.get(label(entry)) != entry["msgstr"][0]:
            stale.append(label(entry))
    assert stale == [], "run compilemessages"


@pytest.mark.django_db
def test_home_page_speaks_german_to_a_german_browser(client):
    home_page()
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de">' in html
    assert "Zum Hauptinhalt springen" in html
    assert ">Ausschreibungen</a>" in html
    assert ">Mitglieder</a>" in html
    assert "Skip to main content" not in html
