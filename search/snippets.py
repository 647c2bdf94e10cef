"""The snippets under a search hit: a few words around what was found, cut where
words end, each passage shown once, the same on every backend.

The engine's highlighter starts its fragments at sentences and splits a long sentence
at a word boundary (`boundary_scanner: sentence`, see `queries.build_search`); the
database fallback cuts its own the same way with `fragments`. Both then go through
`distinct_snippets`: an outcome's summary is the start of its results text, so the
same passage is found in both fields and would otherwise be shown twice.
"""

import html
import re
import unicodedata
from collections.abc import Iterable

from django.utils.html import escape

SNIPPET_SIZE = 160
MAX_SNIPPETS = 2
# Inside a word when letters or digits stand on both sides: "women's", "flood-prone".
_JOINERS = "-'’_"
_SENTENCE_END = re.compile(r"[.!?…:;](?=\s)|\n")
_MARK = re.compile(r"</?mark>")


def _letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def is_word_boundary(text: str, index: int) -> bool:
    """Whether cutting `text` at `index` leaves every word whole."""
    if index <= 0 or index >= len(text):
        return True
    before, after = text[index - 1], text[index]
    if _letter(before) and _letter(after):
        return False
    if before in _JOINERS and index >= 2 and _letter(text[index - 2]) and _letter(after):
        return False
    return not (
        after in _JOINERS and index + 1 < len(text) and _letter(before) and _letter(text[index + 1])
    )


def _word_start(text: str, index: int) -> int:
    while not is_word_boundary(text, index):
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while not is_word_boundary(text, index):
        index += 1
    return index


def window(text: str, start: int, end: int, size: int = SNIPPET_SIZE) -> tuple[int, int]:
    """Bounds of a passage of about `size` characters around `text[start:end]`: it
    begins at the start of the sentence when that is near, else a few words before the
    match, and ends after a whole word. A single word longer than `size` is kept whole."""
    start, end = _word_start(text, start), _word_end(text, end)
    # The start of the sentence if it leaves room for the match and some words after it.
    reach = max(size // 3, size * 2 // 3 - (end - start))
    sentence_ends = list(_SENTENCE_END.finditer(text, max(0, start - reach), start))
    lead = max(0, start - size // 3)
    begin = sentence_ends[-1].end() if sentence_ends else _word_end(text, lead)
    while begin < start and (text[begin].isspace() or text[begin] in ",;:.!?)]}…"):
        begin += 1
    stop = max(end, min(len(text), begin + size))
    while stop > end and not is_word_boundary(text, stop):
        stop -= 1
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    return begin, stop


def _pattern(terms: Iterable[str]) -> re.Pattern | None:
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)


def mark(text: str, terms: Iterable[str]) -> str:
    """The whole text, escaped, with the words holding a term marked (all of "flooded"
    for "flood", as the engine marks the words it matched); "" when nothing matches."""
    pattern = _pattern(terms)
    if not text or pattern is None or not pattern.search(text):
        return ""
    parts, last = [], 0
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        if start < last:  # inside a word already marked
            continue
        while start > last and _letter(text[start - 1]):
            start -= 1
        while end < len(text) and _letter(text[end]):
            end += 1
        parts += [escape(text[last:start]), f"<mark>{escape(text[start:end])}</mark>"]
        last = end
    return "".join([*parts, escape(text[last:])])


def fragments(
    text: str, terms: Iterable[str], size: int = SNIPPET_SIZE, limit: int = MAX_SNIPPETS
) -> list[str]:
    """Up to `limit` marked passages of `text` around successive matches, none
    overlapping another."""
    pattern = _pattern(terms)
    if not text or pattern is None:
        return []
    found: list[str] = []
    covered = 0
    for match in pattern.finditer(text):
        if match.start() < covered:
            continue
        begin, stop = window(text, match.start(), match.end(), size)
        found.append(mark(text[begin:stop], terms))
        covered = stop
        if len(found) == limit:
            break
    return found


def plain(fragment: str) -> str:
    """A marked fragment as the text it shows, whitespace collapsed."""
    return " ".join(html.unescape(_MARK.sub("", fragment)).split())


def distinct_snippets(candidates: Iterable[str], limit: int = MAX_SNIPPETS) -> list[str]:
    """At most `limit` fragments, in order, none repeating a passage another shows:
    one that shows no more than an earlier one is left out; one that shows all of an
    earlier one and more takes its place."""
    kept: list[tuple[str, str]] = []
    for fragment in candidates:
        fragment = fragment.strip()
        text = plain(fragment).casefold()
        if not text or any(text in other for other, _ in kept):
            continue
        kept = [(other, shown) for other, shown in kept if other not in text]
        kept.append((text, fragment))
    return [shown for _, shown in kept[:limit]]


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut after a whole word with "…"."""
    text = text.strip()
    if len(text) <= limit:
        return text
    stop = limit - 1
    while stop > 0 and not is_word_boundary(text, stop):
        stop -= 1
    cut = text[: stop or limit - 1].rstrip(" \t\n,;:–-")
    return f"{cut}…"
