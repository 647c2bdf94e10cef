"""What people type, cleaned the same way everywhere before it is stored.

Text is normalised to NFC (so "é" typed two ways is one string for search, sorting and
comparison), characters that are invisible and carry no meaning are removed, and a text
that is empty once they are gone is refused: a thread title or a display name made of
zero-width spaces looks blank on every page. Zero-width joiners and non-joiners
(U+200D, U+200C) and the soft hyphen stay inside words, where Persian, Arabic, the Indic
scripts and emoji sequences need them; at a word's edge they mean nothing and go.
Bidirectional overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069) can
make a name or a title read differently from what is stored ("moc.elpmaxe" shown as
"example.com"), so one-line fields refuse them; longer texts keep them.

The module lives in `learning_processes/` because both apps' forms use it and
`learning_processes/` may not import `community/`; it imports nothing of either app.
"""

import re
import unicodedata
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

# Invisible and meaningless anywhere: zero-width space, word joiner, byte order mark
# (zero-width no-break space), Mongolian vowel separator, invisible math operators,
# interlinear annotation marks.
_ALWAYS_INVISIBLE = "\u200b\u2060\ufeff\u180e\u2061\u2062\u2063\u2064\ufff9\ufffa\ufffb"
# Control characters other than tab, line feed and carriage return; NUL among them,
# which PostgreSQL refuses in text.
_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_CONTROLS += "".join(chr(c) for c in range(0x7F, 0xA0))
_REMOVED = re.compile(f"[{re.escape(_ALWAYS_INVISIBLE + _CONTROLS)}]")
# Meaningful between two characters of a word only.
_IN_WORD = "\u200c\u200d\u00ad"
_RUN = re.compile(rf"([{_IN_WORD}])[{_IN_WORD}]+")
_AT_EDGE = re.compile(rf"(?<!\S)[{_IN_WORD}]|[{_IN_WORD}](?!\S)")
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters that render as nothing: Hangul fillers and the blank Braille pattern, the
# usual way to make a name look empty.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Separators, controls, format characters and marks with no base show nothing alone.
_UNSEEN_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"})


def clean_text(text: str, *, multiline: bool = False) -> str:
    """The text with invisible characters removed, NFC-normalised and stripped; one-line
    text has every run of whitespace (line breaks included) made a single space.

    Line endings of longer texts are left as the browser sent them, so saving a post
    unchanged does not look like an edit."""
    text = _REMOVED.sub("", text)
    if not multiline:
        text = " ".join(text.split())
    # Runs are made single first, so what is left at an edge is one character.
    text = _AT_EDGE.sub("", _RUN.sub(r"\1", text))
    return unicodedata.normalize("NFC", text).strip()


def has_visible_text(text: str) -> bool:
    """Whether the text shows anything at all once rendered. Unassigned code points
    count as visible: they may be emoji newer than this Python's Unicode tables."""
    return any(
        char not in _BLANK_LETTERS and unicodedata.category(char) not in _UNSEEN_CATEGORIES
        for char in text
    )


def has_direction_controls(text: str) -> bool:
    return not DIRECTION_CONTROLS.isdisjoint(text)


INVISIBLE_MESSAGE = _(
    "This contains only invisible characters (such as zero-width spaces). "
    "Please write some visible text."
)
DIRECTION_MESSAGE = _(
    "This contains invisible characters that change the reading direction "
    "(U+202A to U+202E, U+2066 to U+2069). Please remove them: right-to-left text "
    "is shown in its own direction without them."
)


class CleanCharField(forms.CharField):
    """A form field for one line of text (a title, a name, an organisation): cleaned by
    `clean_text`, refused when nothing visible is left or when it holds direction
    controls. Use it, or `CleanTextField`, for every free text a person types."""

    multiline = False
    default_error_messages = {"invisible": INVISIBLE_MESSAGE, "direction": DIRECTION_MESSAGE}

    def __init__(self, *, allow_direction_controls: bool | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.allow_direction_controls = (
            self.multiline if allow_direction_controls is None else allow_direction_controls
        )

    def to_python(self, value: Any) -> str | None:
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        cleaned = clean_text(value, multiline=self.multiline)
        if not self.allow_direction_controls and has_direction_controls(cleaned):
            raise ValidationError(self.error_messages["direction"], code="direction")
        if not has_visible_text(cleaned):
            if self.required:
                raise ValidationError(self.error_messages["invisible"], code="invisible")
            # An optional field that held only invisible characters was left empty.
            return self.empty_value
        return cleaned


class CleanTextField(CleanCharField):
    """Several lines of text (a post, a bio, a note): cleaned like `CleanCharField`,
    but line breaks and direction controls are kept."""

    multiline = True
    widget = forms.Textarea

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # No `maxlength` on a text area: a browser cuts pasted text at that length
        # without a word, and the cut end is out of sight. The server refuses an
        # over-long text with its count instead, and the form comes back as typed.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class CommaTagWidget(forms.TextInput):
    """Tags shown for editing as people type them: names separated by commas, without
    the quotes taggit puts around names with a space ("informal sector", "waste
    management" reads informal sector, waste management)."""

    def format_value(self, value: Any) -> str | None:
        if value is not None and not isinstance(value, str):
            value = ", ".join(
                sorted((getattr(tag, "name", tag) for tag in value), key=str.casefold)
            )
        return super().format_value(value)


def split_tags(text: str) -> list[str]:
    """A comma-separated line as tag names: only commas separate, so "informal sector"
    is one tag, not two; quotes typed around a name (as taggit used to show them) are
    dropped."""
    names = (name.strip().strip("\"'“”„‘’").strip() for name in text.split(","))
    return [name for name in names if name]


class CleanTagField(TagField):
    """Tags typed as a comma-separated line, each cleaned like a one-line text; a tag
    that is empty once cleaned is dropped."""

    widget = CommaTagWidget
    default_error_messages = {"direction": DIRECTION_MESSAGE}

    def to_python(self, value: Any) -> str:
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        value = clean_text(value)
        if has_direction_controls(value):
            raise ValidationError(self.error_messages["direction"], code="direction")
        return value

    def clean(self, value: Any) -> list[str]:
        # CharField's cleaning (to_python, validators), then our own split, not taggit's
        # (which splits a line without commas at its spaces).
        value = forms.CharField.clean(self, value)
        tags = (clean_text(tag) for tag in split_tags(value or ""))
        return sorted(dict.fromkeys(tag for tag in tags if has_visible_text(tag)))
