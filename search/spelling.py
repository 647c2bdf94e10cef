"""What the database fallback makes of a query's words before it searches: the
engine's language tolerance, written for Wagtail's database index.

The engine stems each word in English and German, reads the domain synonyms file and
offers a "did you mean" from its own terms. The database index (SQLite's FTS5, or
PostgreSQL's `english` text-search configuration) matches whole words, so here each
word of a query becomes the set of indexed words it stands for:

- its **family**: the indexed words with the same Snowball stem in English or in
  German ("flooding" finds "flood", "floods", "flooded");
- its **synonyms** from `search/data/synonyms.txt`, the engine's file, matched by
  stem, for single words and phrases of up to three words, with the families of
  their words ("Abfall" finds "waste", "Bürgerhaushalt" "participatory budgeting");
- when the word itself is not indexed, the **nearest indexed word** by edit
  distance, which the page offers as "did you mean" ("wast" → "waste"), and which is
  searched too when the word has no family ("compostng" finds "composting").

The vocabulary is read from the index itself (FTS5's `fts5vocab`, PostgreSQL's
`ts_stat` over the index's plain text), whatever the viewer may see: the expansion
only widens the match, which the backend still filters by visibility, and a
correction is offered only if it finds something the viewer may open (see
DatabaseSearchBackend.search), as the engine's suggester checks its own.
"""

import re
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import snowballstemmer
from django.core.cache import cache as django_cache
from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from search.documents import synonyms as synonym_lines

LANGUAGES = ("english", "german")
# Reading the vocabulary takes seconds on PostgreSQL at 20,000 documents (it splits
# every text again), so no visitor should wait for it: a published or unpublished
# page has a task read it afresh (refresh_vocabulary), and meanwhile the page is
# found by its exact words, by its stems and misspellings after the refresh. A
# request reads it only when no reading is cached; this is the reading's lifetime.
VOCABULARY_SECONDS = 24 * 3600
CACHE_KEY = "search:vocabulary:{vendor}"
STALE_KEY = "search:vocabulary:{vendor}:changed"
# A correction is at most this many edits away, and short words get none: "led" is
# a word, not a misspelling of "lead".
MAX_EDITS = 2
MIN_CORRECTED_LENGTH = 4
# The most indexed words one query word may stand for (a stem like "plan" has many).
MAX_FAMILY = 4


@cache
def _stemmers() -> tuple:
    return tuple(snowballstemmer.stemmer(language) for language in LANGUAGES)


def stems(word: str) -> set[str]:
    """The word's stems in the engine's languages."""
    return {stemmer.stemWord(word) for stemmer in _stemmers()}


Term = tuple[str, ...]  # a synonym's words: ("participatory", "budgeting")


@cache
def synonym_groups() -> tuple[tuple[Term, ...], ...]:
    """The lines of the engine's synonyms file, each a group of equivalent terms."""
    groups = []
    for line in synonym_lines():
        terms = tuple(dict.fromkeys(tuple(re.findall(r"\w+", t.lower())) for t in line.split(",")))
        groups.append(tuple(term for term in terms if term))
    return tuple(groups)


@cache
def _synonyms_by_stems() -> dict[Term, frozenset[Term]]:
    """A term's English stems → the other terms of its groups: a typed word or phrase
    finds its synonyms in any form ("refugee" those of "refugees")."""
    found: dict[Term, set[Term]] = defaultdict(set)
    for group in synonym_groups():
        for term in group:
            found[_stemmed(term)] |= set(group) - {term}
    return {key: frozenset(terms) for key, terms in found.items()}


@cache
def _synonym_words() -> frozenset[str]:
    return frozenset(word for group in synonym_groups() for term in group for word in term)


def synonyms(words: list[str]) -> set[Term]:
    """The synonyms of every word or phrase (up to three words) of `words`."""
    # "e-government" is two words of the file's term, as the engine splits it.
    stemmed = _stemmed(tuple(part for word in words for part in re.findall(r"\w+", word.lower())))
    terms: set[Term] = set()
    for size in (3, 2, 1):
        for start in range(len(stemmed) - size + 1):
            terms |= _synonyms_by_stems().get(stemmed[start : start + size], frozenset())
    return terms


def _stemmed(term: Term) -> Term:
    return tuple(_english_stem(word) for word in term)


@dataclass
class Vocabulary:
    """The index's words with the number of documents holding each, and the words of
    each stem."""

    counts: dict[str, int]
    by_stem: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_stem: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self.counts, key=lambda w: -self.counts[w]):
            for stem in stems(word):
                by_stem[stem].append(word)
        self.by_stem = dict(by_stem)

    def family(self, word: str) -> list[str]:
        """The indexed words that share a stem with `word`, the commonest first."""
        found: dict[str, None] = {}
        if word in self.counts:
            found[word] = None
        for stem in stems(word):
            found.update(dict.fromkeys(self.by_stem.get(stem, ())))
        return list(found)[:MAX_FAMILY]

    def nearest(self, word: str) -> str | None:
        """The indexed word closest to a misspelt one (fewest edits, then the commonest),
        or None if none is near enough."""
        if len(word) < MIN_CORRECTED_LENGTH:
            return None
        matches = process.extract(
            word,
            self.counts.keys(),
            scorer=Levenshtein.distance,
            score_cutoff=MAX_EDITS,
            limit=20,
        )
        candidates = [
            (distance, -self.counts[candidate], candidate)
            for candidate, distance, _ in matches
            if len(candidate) >= MIN_CORRECTED_LENGTH
        ]
        return min(candidates)[2] if candidates else None


@dataclass(frozen=True)
class Expansion:
    # What the index is asked for: the typed words, their families and corrections,
    words: list[str]
    corrections: dict[str, str]  # (a typed word → the indexed word it was read as)
    # and, ranked below those, the families of their one-word synonyms and their
    # synonyms of more than one word, matched as phrases ("participatory budgeting").
    synonyms: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    # What a substring match is asked for (threads, which are not in the index): the
    # English stem of each word read and of its synonyms, which is inside every word
    # of its family ("flood" in "flooding").
    stems: list[str] = field(default_factory=list)


def expand(typed: list[str], vocabulary: Vocabulary, with_synonyms: bool = True) -> Expansion:
    """The indexed words and phrases that `typed` stands for (see the module's
    docstring)."""
    words: dict[str, None] = {}
    related: dict[str, None] = {}
    phrases: dict[str, None] = {}
    corrections: dict[str, str] = {}
    substrings: dict[str, None] = {}
    for original in typed:
        word = original.lower()
        words[word] = None
        family = vocabulary.family(word)
        in_synonyms = all(part in _synonym_words() for part in re.findall(r"\w+", word))
        if word not in vocabulary.counts and not in_synonyms:
            # Not a word of the index nor of the synonyms file ("Abfall" is one):
            # offered corrected ("wast" → "waste"), and searched corrected too
            # when it has no family of its own.
            nearest = vocabulary.nearest(word)
            if nearest is not None:
                corrections[original] = nearest
                if not family:
                    family = vocabulary.family(nearest)
        words.update(dict.fromkeys(family))
        substrings[_english_stem(corrections.get(original, word))] = None
    for term in sorted(synonyms(typed)) if with_synonyms else ():
        if len(term) > 1:
            phrases[" ".join(term)] = None
        else:
            related.update(dict.fromkeys(vocabulary.family(term[0])))
            substrings[_english_stem(term[0])] = None
    return Expansion(
        words=list(words),
        corrections=corrections,
        synonyms=[word for word in related if word not in words],
        phrases=list(phrases),
        stems=list(substrings),
    )


def _english_stem(word: str) -> str:
    stem = _stemmers()[0].stemWord(word)
    return stem if len(stem) >= 3 else word


def corrected_text(typed: list[str], corrections: dict[str, str]) -> str:
    return " ".join(corrections.get(word, word) for word in typed)


def _read_vocabulary() -> dict[str, int]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary "
                "USING fts5vocab(main, 'wagtailsearch_indexentry_fts', 'row')"
            )
            cursor.execute("SELECT term, doc FROM temp.search_vocabulary")
        elif connection.vendor == "postgresql":
            # The search vectors hold English stems ("manag"), which are no words to
            # offer anyone: the vocabulary is read from the plain text the index keeps
            # beside them, split but not stemmed.
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('simple', "
                "title_text || ' ' || body_text) FROM wagtailsearch_indexentry$$)"
            )
        else:
            return {}
        return {
            str(word): int(count)
            for word, count in cursor.fetchall()
            if str(word).isalpha() and len(str(word)) > 1
        }


_built: dict[str, tuple[str, Vocabulary]] = {}  # vendor → (reading, vocabulary)


def vocabulary() -> Vocabulary:
    """The index's vocabulary: the cached reading (shared by every process through
    the cache), read here only if there is none; its stems are worked out once per
    process and reading."""
    cached = django_cache.get(CACHE_KEY.format(vendor=connection.vendor))
    reading, _, counts = cached if cached is not None else _read_and_cache()
    built = _built.get(connection.vendor)
    if built is None or built[0] != reading:
        built = (reading, Vocabulary(counts))
        _built[connection.vendor] = built
    return built[1]


def _read_and_cache() -> tuple[str, float, dict[str, int]]:
    reading = (str(uuid.uuid4()), time.time(), _read_vocabulary())
    django_cache.set(CACHE_KEY.format(vendor=connection.vendor), reading, VOCABULARY_SECONDS)
    return reading


def vocabulary_changed() -> None:
    """Note that the index's words changed (a page was published or unpublished);
    the task that follows (search.tasks.refresh_search_vocabulary) reads them."""
    django_cache.set(STALE_KEY.format(vendor=connection.vendor), time.time(), VOCABULARY_SECONDS)


def refresh_vocabulary() -> bool:
    """Read the vocabulary afresh unless a reading began after the last change (one
    reading serves a burst of publications). True if it read."""
    changed = django_cache.get(STALE_KEY.format(vendor=connection.vendor))
    cached = django_cache.get(CACHE_KEY.format(vendor=connection.vendor))
    if cached is not None and (changed is None or cached[1] > changed):
        return False
    _read_and_cache()
    return True


def forget_vocabulary() -> None:
    """Drop the cached reading: the next query reads the vocabulary (tests, and
    after restoring a database)."""
    django_cache.delete(CACHE_KEY.format(vendor=connection.vendor))
