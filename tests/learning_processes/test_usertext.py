"""The shared cleaning of what people type: NFC, invisible characters out, joiners kept
inside words, nothing-visible and direction controls refused by the form fields."""

import unicodedata

import pytest
from django import forms
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from learning_processes.usertext import (
    DIRECTION_CONTROLS,
    CleanCharField,
    CleanTagField,
    CleanTextField,
    clean_text,
    has_visible_text,
)

PERSIAN = "\u0646\u06cc\u0645\u200c\u0641\u0627\u0635\u0644\u0647"  # ZWNJ inside the word
HINDI = "\u0915\u094d\u200d\u0937"  # ZWJ asks for the half form
FAMILY = "👩\u200d👩\u200d👧"
REMOVED = "\x00\x07\x1b\x7f\x85\u200b\u2060\ufeff\u180e\u2062"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Ana\u200b Souza\ufeff ", "Ana Souza"),
        ("Cafe\u0301", "Café"),
        ("a\x00b\x1bc", "abc"),
        ("\u00adsoft\u00adhyphen\u00ad", "soft\u00adhyphen"),
        ("\u200dword\u200c", "word"),
        ("two\n lines\tand\u2028more", "two lines and more"),
        (PERSIAN, PERSIAN),
        (HINDI, HINDI),
        (FAMILY, FAMILY),
        ("R&D <Team>", "R&D <Team>"),
        ("a\u200d\u200d\u200db", "a\u200db"),
        ("word\u200d next", "word next"),
    ],
)
def test_clean_text_keeps_what_is_meant_and_drops_what_is_invisible(typed, stored):
    assert clean_text(typed) == stored


def test_clean_text_keeps_line_breaks_of_longer_text_as_sent():
    assert clean_text("One\r\n\u200bTwo\u200d\r\n", multiline=True) == "One\r\nTwo"


@pytest.mark.parametrize(
    "text", ["", " ", "\u200b", "\u200d\u200c", "\ufe0f", "\u0301\u0301", "\u3164", "\u2800"]
)
def test_texts_that_show_nothing_have_no_visible_text(text):
    assert not has_visible_text(clean_text(text))


@pytest.mark.parametrize("text", ["a", "·", PERSIAN, FAMILY, "\U0001fae8", "\U000e0001x"])
def test_texts_that_show_something_have_visible_text(text):
    assert has_visible_text(text)


class NameForm(forms.Form):
    name = CleanCharField(max_length=80)
    organisation = CleanCharField(max_length=80, required=False)
    bio = CleanTextField(required=False)
    tags = CleanTagField(required=False)


def test_a_required_field_of_invisible_characters_is_refused_with_a_clear_message():
    form = NameForm({"name": "\u200b\u200d\ufeff"})
    assert not form.is_valid()
    assert form.errors["name"] == [
        "This contains only invisible characters (such as zero-width spaces). "
        "Please write some visible text."
    ]


def test_an_optional_field_of_invisible_characters_is_left_empty():
    form = NameForm({"name": "Ana", "organisation": "\u200b", "bio": "\u2060\n\u200b"})
    assert form.is_valid()
    assert form.cleaned_data["organisation"] == "" and form.cleaned_data["bio"] == ""


@pytest.mark.parametrize("control", sorted(DIRECTION_CONTROLS))
def test_one_line_fields_refuse_direction_controls_and_longer_texts_keep_them(control):
    form = NameForm({"name": f"Ana{control}Souza", "bio": f"Ana{control}Souza"})
    assert not form.is_valid()
    assert "change the reading direction" in form.errors["name"][0]
    assert "bio" not in form.errors


def test_tags_are_cleaned_one_by_one_and_empty_ones_dropped():
    form = NameForm({"name": "Ana", "tags": "\u200bcompost\u200d, \u200b, \u200d, bins, compost"})
    assert form.is_valid()
    assert form.cleaned_data["tags"] == ["bins", "compost"]


def test_nul_is_removed_not_refused():
    form = NameForm({"name": "Ana\x00", "bio": "Hello\x00"})
    assert form.is_valid()
    assert form.cleaned_data["name"] == "Ana" and form.cleaned_data["bio"] == "Hello"


@given(st.text())
def test_cleaning_is_idempotent_and_leaves_nothing_invisible_at_the_ends(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not set(REMOVED) & set(once)
    if once:
        assert not once[0].isspace() and not once[-1].isspace()
        assert once[0] not in "\u200c\u200d\u00ad" and once[-1] not in "\u200c\u200d\u00ad"


@given(st.text())
def test_cleaning_longer_text_is_idempotent_too(text):
    once = clean_text(text, multiline=True)
    assert clean_text(once, multiline=True) == once
    assert not set(REMOVED) & set(once)


def test_an_over_long_text_is_refused_with_its_count_not_cut_by_the_browser():
    field = CleanTextField(max_length=20)
    assert "maxlength" not in field.widget.attrs
    with pytest.raises(ValidationError) as refused:
        field.clean("water " * 10)
    assert "at most 20 characters (it has 59)" in str(refused.value)
    # A one-line field keeps the browser's limit: the cut is in sight there.
    assert CleanCharField(max_length=20).widget.attrs["maxlength"] == "20"
