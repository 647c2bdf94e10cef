"""What someone typed into search, made safe for every backend: the one step they share.

The engine's queries (`multi_match`, `match_phrase`, `bool_prefix`) take plain text
and give no character a meaning. The database backends do: Wagtail's database search
writes each word into SQLite's FTS5 `MATCH` as a double-quoted string, and into
PostgreSQL's `to_tsquery` as a quoted lexeme. A double quote someone typed ended the
FTS5 string early (a syntax error, and a 500); PostgreSQL refuses text with a NUL
character; an unpaired surrogate cannot be encoded for either database, nor for the
engine's JSON.

So `SearchQuery` cleans its text and filter values with `clean_text`, and the
database backend searches the `search_words` of that text: runs of letters, marks and
digits, kept together across an inner hyphen, apostrophe, dot or underscore
("start-ups", "women's", "e.V."). Every other character, query syntax included,
only separates words, so quotes, `title:*`, `AND OR NOT (` and `*` are plain text on
every backend; balanced quotes make no phrase on any of them.
"""

import re
import unicodedata
from collections.abc import Iterable

# Kept inside a word, never at its ends.
_JOINERS = "-'’._"
_SURROGATES = re.compile("[\ud800-\udfff]")
# An integer facet value (an SDG number, a year) as the index stores it.
_FACET_INTEGER = re.compile(r"[0-9]{1,9}")


def clean_text(text: str, limit: int) -> str:
    """`text` as every backend can take it: NFC, no unpaired surrogates, control
    characters read as spaces, whitespace collapsed, at most `limit` characters."""
    # Whatever lies far beyond the limit is cut before the work per character.
    text = unicodedata.normalize("NFC", _SURROGATES.sub("", text[: limit * 4]))
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return " ".join(text.split())[:limit].strip()


def search_words(text: str) -> list[str]:
    """The words of `text` for the database's full-text search; syntax separates them."""
    words: list[str] = []
    current: list[str] = []
    for ch in f"{text} ":
        if unicodedata.category(ch)[0] in "LMN" or ch in _JOINERS and current:
            current.append(ch)
        elif current:
            word = "".join(current).rstrip(_JOINERS)
            current = []
            if word:
                words.append(word)
    return words


def distinct_terms(text: str, limit: int) -> str:
    """At most `limit` different terms of `text` (runs of letters, marks and digits, as
    the engine's tokenizer splits them), for a query the engine found too large."""
    terms: dict[str, str] = {}
    current: list[str] = []
    for ch in f"{text} ":
        if unicodedata.category(ch)[0] in "LMN":
            current.append(ch)
        elif current:
            term = "".join(current)
            current = []
            terms.setdefault(term.casefold(), term)
            if len(terms) == limit:
                break
    return " ".join(terms.values())


def facet_integers(values: Iterable[str]) -> list[int]:
    """The values of an integer facet that can be one; the others match nothing."""
    return [int(v) for v in values if _FACET_INTEGER.fullmatch(str(v))]
