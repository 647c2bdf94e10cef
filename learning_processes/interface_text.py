"""Interface words that live in the database, shown in the viewer's language.

The names of the topic fields and SDGs, the titles and introductions of the index
pages and the home page's tagline are stored in English when they are seeded
(`taxonomy_data`, the demo content, the home page's migration). They are translated
like every other interface string: each seeded value is marked for the catalogue where
it is defined (`gettext_noop`), and shown through `interface_text`, which looks the
stored value up in the active language. A value staff have since edited has no
translation and is shown as written: the database stays the one place to edit it.
"""

import re
from html import unescape

from django.utils.html import escape
from django.utils.translation import gettext

# A seeded introduction: one paragraph of plain text (Wagtail may add attributes).
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>([^<]+)</p>")


def interface_text(value: str) -> str:
    """A stored interface word in the active language, or as stored."""
    return gettext(value) if value else value


def interface_richtext(html: str) -> str:
    """A stored introduction in the active language when it is a seeded one-paragraph
    text; any other rich text as stored."""
    match = _PARAGRAPH.fullmatch((html or "").strip())
    if not match:
        return html
    text = " ".join(unescape(match.group(1)).split())
    translated = interface_text(text)
    return html if translated == text else f"<p>{escape(translated)}</p>"
