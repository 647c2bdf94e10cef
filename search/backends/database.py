"""Database fallback: Wagtail's database search (PostgreSQL full-text search on
PostgreSQL, a simpler search on SQLite), answering the same SearchQuery.

Everything that depends on the size of the result set happens in SQL: the text
match (Wagtail's search queryset), every facet filter, the totals, the facet
counts (GROUP BY over the matching pages) and the ordering. Only the page of
hits is loaded and turned into documents, so totals and counts are exact at any
size and a query costs a fixed number of SQL statements.

Each indexed content type is a `_Source`: what a viewer may see of it, its text
match, and its facets, whose rule (learning_processes.facets) says in SQL what a
facet value means, as the serializers write it into the engine's documents (a
learning process counts for Germany and for each partner's country; an outcome
inherits its process's topic, SDGs and tags). The equivalence is tested against
the serializers on both databases.
"""

import json
import re
from collections import Counter, defaultdict
from typing import Any

from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from wagtail.models import Page
from wagtail.query import PageQuerySet
from wagtail.search.query import Or, Phrase, PlainText

from community.exchange.facets import THREADS
from community.exchange.models import Post, Thread
from community.exchange.models import Visibility as ThreadVisibility
from learning_processes.facets import NOTHING, OUTCOMES, PRACTICES, PROCESSES, ContentFacets
from learning_processes.models import PracticePage
from search.backends.base import SearchBackend
from search.documents import FACETS
from search.queries import SearchHit, SearchQuery, SearchResults
from search.query_text import facet_integers, search_words
from search.serializers import (
    INDEXED_MODELS,
    PUBLIC,
    doc_id,
    searchable_querysets,
    space_visibility,
)
from search.similar import CANDIDATES, LINKS, Label, about_text, weighted_labels
from search.similar import rank as rank_similar
from search.snippets import distinct_snippets, fragments, mark
from search.spelling import Expansion, corrected_text, expand, vocabulary

# How much a match of a synonym counts beside a match of the typed words.
SYNONYM_WEIGHT = 0.5


class _Source:
    """One indexed content type: what the viewer may see of it, its text match, and its
    facets (learning_processes.facets, community.exchange.facets) in SQL."""

    in_index = True  # in Wagtail's search index (else matched by substrings)

    def __init__(self, content_type: str, facets: ContentFacets) -> None:
        self.content_type, self.facets, self.model = content_type, facets, facets.model

    def scores(self, queryset: QuerySet, expansion: Expansion) -> dict[int, float]:
        """Item id → relevance (higher is better) of the items of `queryset` that
        match: the typed words and their families count fully, synonyms less, so that
        "composted" ranks the page about composting above one about biowaste."""
        found = _scores(_text_match(queryset, expansion.words))
        if expansion.synonyms or expansion.phrases:
            related = _text_match(queryset, expansion.synonyms, expansion.phrases)
            for pk, score in _scores(related).items():
                found[pk] = found.get(pk, 0.0) + SYNONYM_WEIGHT * score
        return found

    def annotate(self, queryset: QuerySet) -> QuerySet:
        published = queryset.annotate(
            _published=Coalesce("last_published_at", "first_published_at")
        )
        return self.facets.annotate(published)

    def base(self, visibility: tuple[str, ...]) -> QuerySet:
        # Every source but the threads (_ThreadSource) is a page type.
        pages: type[Page] = self.model
        if PUBLIC not in visibility:
            return pages.objects.none()
        return pages.objects.live().public()

    def match(self, name: str, values: tuple[str, ...]) -> Q:
        if name == "content_type":
            return Q() if self.content_type in values else NOTHING
        # As the engine's integer fields: a value that cannot be one matches nothing.
        converted = facet_integers(values) if FACETS[name].get("integer") else values
        return self.facets.match(name, converted)

    def counts(self, name: str, queryset: QuerySet) -> Counter:
        """Facet counts of the items in `queryset` (filtered by the other facets)."""
        if name == "content_type":
            total = queryset.order_by().count()
            return Counter({self.content_type: total} if total else {})
        return self.facets.counts(name, queryset.order_by().values("pk"))


def _visible_spaces(visibility: tuple[str, ...]) -> list[int]:
    prefix = space_visibility(0).removesuffix("0")
    return [int(v.removeprefix(prefix)) for v in visibility if v.startswith(prefix)]


class _ThreadSource(_Source):
    """Follow-up threads: public ones for everyone, members-only ones for the viewers
    whose visibility holds their space."""

    in_index = False

    def base(self, visibility: tuple[str, ...]) -> QuerySet:
        allowed = Q(space_id__in=_visible_spaces(visibility))
        if PUBLIC in visibility:
            allowed |= Q(visibility=ThreadVisibility.PUBLIC)
        return Thread.objects.listed().filter(allowed, space__live=True)

    def annotate(self, queryset: QuerySet) -> QuerySet:
        return self.facets.annotate(queryset.annotate(_published=F("created_at")))

    def scores(self, queryset: QuerySet, expansion: Expansion) -> dict[int, float]:
        """Threads are not in Wagtail's search index: any stem or synonym phrase in
        the title or in a visible post, unranked (the fallback is a reduced search)."""
        # Short words ("of", "in") are inside nearly every text: left out unless the
        # query has nothing else ("EU").
        stems = [stem for stem in expansion.stems if len(stem) > 2] or expansion.stems
        matched = NOTHING
        for word in [*stems, *expansion.phrases]:
            posts = Post.objects.visible().filter(body__icontains=word).values("thread_id")
            matched |= Q(title__icontains=word) | Q(pk__in=posts)
        return dict.fromkeys(queryset.filter(matched).values_list("pk", flat=True), 0.0)


SOURCES: tuple[_Source, ...] = (
    _Source("practice", PRACTICES),
    _Source("learning_process", PROCESSES),
    _Source("outcome", OUTCOMES),
    _ThreadSource("thread", THREADS),
)


def _text_match(
    queryset: PageQuerySet, words: list[str], phrases: list[str] | tuple[str, ...] = ()
) -> QuerySet:
    """Wagtail's database search for any of `words` or `phrases` as a queryset (still
    filterable) with a `_score`.

    It is given words only (search.query_text's, or the synonyms file's): Wagtail
    writes each into FTS5's MATCH or PostgreSQL's to_tsquery, where a quote or other
    syntax typed along would be read as theirs. A synonym phrase is matched as a
    phrase: its words alone ("management" of "solid waste management") would find
    what the query is not about."""
    parts = [Phrase(phrase) for phrase in phrases]
    if words:
        parts.insert(0, PlainText(" ".join(words), operator="or"))
    if not parts:  # only punctuation or syntax: nothing to look for
        return queryset.none().annotate(_score=Value(0.0))
    results = queryset.search(parts[0] if len(parts) == 1 else Or(parts)).annotate_score("_score")
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is None:  # an empty search (only stop words, say)
        return queryset.none().annotate(_score=Value(0.0))
    matched = get_queryset()
    if "_score" not in matched.query.annotations:
        matched = matched.annotate(_score=Value(0.0))
    return matched


def text_scores(queryset: QuerySet, text: str) -> dict[int, float]:
    """Page id → how well it matches any word of `text` (higher is better on every
    database), for the pages of `queryset` that have one."""
    return _scores(_text_match(queryset, search_words(text)))


def _scores(matched: QuerySet) -> dict[int, float]:
    return {
        pk: _better_first(score) for pk, score in matched.order_by().values_list("pk", "_score")
    }


def _shared_labels(labels: list[Label]) -> QuerySet:
    """SQL: a row (practice, weight) for every label of `labels` a practice carries.

    Read from the link tables: scoring every practice with a subquery per kind took
    1.2 s at 20,000 practices; summing these rows takes 0.2 s at 100,000."""
    by_field: dict[str, list[Label]] = defaultdict(list)
    for label in labels:
        by_field[label.field].append(label)
    parts = []
    for field, field_labels in by_field.items():
        links = LINKS[field]
        values = [links.convert(label.value) for label in field_labels]
        weight = Case(
            *(
                When(**{links.value: value}, then=Value(label.weight))
                for value, label in zip(values, field_labels, strict=True)
            ),
            output_field=FloatField(),
        )
        parts.append(
            links.model._default_manager.filter(**{f"{links.value}__in": values})
            .order_by()
            .annotate(shared_practice=F(links.practice), shared_weight=weight)
            .values_list("shared_practice", "shared_weight")
        )
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def _label_candidates(page: PracticePage, labels: list[Label], published: QuerySet) -> dict:
    """Practice id → summed weight of the labels it shares with the page, for the first
    CANDIDATES published practices by that sum (equals: the most recently added first).

    The sum runs over every practice: keeping to the published ones in the same query
    doubled its time at 100,000 practices. Three times as many as needed are summed,
    and the unpublished among them dropped after."""
    shared_sql, params = _shared_labels(labels).query.sql_with_params()
    # The ORM cannot group the rows of a union, so the sum is written out around the
    # ORM's own SQL; every value stays a parameter.
    sql = (
        f"SELECT shared_practice, SUM(shared_weight) FROM ({shared_sql}) shared "  # noqa: S608
        "WHERE shared_practice <> %s "
        "GROUP BY shared_practice ORDER BY 2 DESC, 1 DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, page.pk or 0, 3 * CANDIDATES])
        scores = {pk: float(score) for pk, score in cursor.fetchall()}
    shown = set(published.filter(pk__in=list(scores)).values_list("pk", flat=True))
    return dict([(pk, score) for pk, score in scores.items() if pk in shown][:CANDIDATES])


def _id_array(ids: list[int]) -> RawSQL:
    """Ids as one parameter, however many there are: a PostgreSQL array, or a JSON
    array on SQLite (whose limit on parameters a list of ids would reach)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))


def _better_first(score: float | None) -> float:
    """Comparable across page types; SQLite's bm25() is lower for better matches."""
    value = float(score or 0.0)
    return -value if connection.vendor == "sqlite" else value


class DatabaseSearchBackend(SearchBackend):
    name = "database"

    def ping(self) -> dict[str, Any]:
        return {"backend": self.name, "database": connection.vendor}

    def search(self, query: SearchQuery) -> SearchResults:
        active = {n: tuple(v) for n, v in query.filters.items() if v and n in FACETS}
        by_date = query.sort == "date" or not query.text
        typed = search_words(query.text)
        # The index is asked for every word the typed ones stand for (search.spelling).
        expansion = expand(typed, vocabulary())
        wanted = query.offset + query.page_size
        total = 0
        facets: dict[str, Counter] = {name: Counter() for name in FACETS}
        candidates = []
        for position, source in enumerate(SOURCES):
            base = source.base(query.visibility)
            scores: dict[int, float] | None = None
            if query.text:
                # The text match is the costly part (a scan of the search vectors or
                # of FTS5's index, for every word the query stands for): run it once,
                # then count, group and order by the ids it found.
                scores = source.scores(base, expansion)
                base = source.model._default_manager.filter(pk__in=_id_array(list(scores)))
                # No page of this type has the words: no totals, counts or hits to
                # look for (a common case: a typo, or a query of only punctuation).
                if not scores:
                    continue
            base = source.annotate(base)

            def narrowed(skip: str | None = None, base=base, source=source) -> QuerySet:
                return base.filter(
                    *(source.match(n, v) for n, v in sorted(active.items()) if n != skip)
                )

            matching = narrowed()
            total += matching.order_by().count()
            for name in FACETS:
                facets[name] += source.counts(name, narrowed(name) if name in active else matching)
            candidates += self._candidates(matching, query, scores, position)

        def key(item: tuple) -> tuple:
            _, published, relevance, position, rank = item
            if by_date:
                stamp = published.timestamp() if published else 0.0
                return (published is None, -stamp, -relevance, position, rank)
            return (-relevance, position, rank)

        candidates.sort(key=key)
        page = candidates[query.offset : wanted]
        hits = self._hits(page, " ".join(expansion.words + expansion.synonyms + expansion.phrases))
        return SearchResults(
            query=query,
            total=total,
            suggestion=self._suggestion(typed, expansion, query.visibility),
            hits=hits,
            facets={
                name: sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: FACETS[name]["size"]]
                for name, counts in facets.items()
            },
            backend=self.name,
        )

    @staticmethod
    def _suggestion(
        typed: list[str], expansion: Expansion, visibility: tuple[str, ...]
    ) -> str | None:
        """The typed text with its misspelt words corrected, offered only if each
        correction finds something the viewer may open (a word of members-only
        content never surfaces to anyone else)."""
        if not expansion.corrections:
            return None
        for correction in set(expansion.corrections.values()):
            read = expand([correction], vocabulary(), with_synonyms=False)
            if not any(source.scores(source.base(visibility), read) for source in SOURCES):
                return None
        return corrected_text(typed, expansion.corrections)

    @staticmethod
    def _candidates(
        matching: QuerySet, query: SearchQuery, scores: dict[int, float] | None, position: int
    ) -> list[tuple]:
        """The first offset + page_size pages of one type in the requested order;
        `scores` (page id → relevance) is given when the query has text."""
        wanted = query.offset + query.page_size
        by_date = query.sort == "date" or not query.text
        if scores is not None and not by_date:
            ranked = sorted(
                matching.values_list("pk", flat=True), key=lambda pk: (-scores[pk], -pk)
            )
            return [
                (pk, None, scores[pk], position, rank) for rank, pk in enumerate(ranked[:wanted])
            ]
        rows = matching.order_by(F("_published").desc(nulls_last=True), "-pk").values_list(
            "pk", "_published"
        )
        return [
            (pk, published, scores[pk] if scores is not None else 0.0, position, rank)
            for rank, (pk, published) in enumerate(rows[:wanted])
        ]

    def _hits(self, page: list[tuple], text: str) -> list[SearchHit]:
        """Only the page of hits is loaded and serialised."""
        wanted: dict[int, list[int]] = {}
        for pk, _, _, position, _ in page:
            wanted.setdefault(position, []).append(pk)
        documents: dict[tuple[int, int], dict] = {}
        querysets = {queryset.model: queryset for queryset in searchable_querysets()}
        for position, pks in wanted.items():
            queryset = querysets[SOURCES[position].model]
            _, serialize = INDEXED_MODELS[queryset.model]
            for found in queryset.filter(pk__in=pks):
                documents[(position, found.pk)] = serialize(found)
        terms = [t for t in re.findall(r"\w+", text) if len(t) > 2]
        hits = []
        for pk, _, relevance, position, _ in page:
            doc = documents.get((position, pk))
            if doc is None:  # unpublished between the two queries
                continue
            hits.append(
                SearchHit(
                    id=doc_id(doc["content_type"], pk),
                    content_type=doc["content_type"],
                    title=doc["title"],
                    url=doc["url"],
                    summary=doc.get("summary") or "",
                    highlights=distinct_snippets(
                        [
                            *fragments(doc.get("summary") or "", terms),
                            *fragments(doc.get("text") or "", terms),
                        ]
                    ),
                    title_highlight=mark(doc["title"], terms),
                    score=relevance if text else None,
                    source=doc,
                )
            )
        return hits

    def suggest(self, prefix: str, visibility: tuple[str, ...] = ("public",)) -> list[dict]:
        prefix = prefix.strip().lower()
        if not prefix:
            return []
        found = []
        for source in SOURCES:
            queryset = source.base(visibility).filter(title__icontains=prefix).order_by("title")
            for item in queryset[:8]:
                url = item.url if isinstance(item, Page) else item.get_absolute_url()
                found.append({"title": item.title, "url": url, "type": source.content_type})
        found.sort(key=lambda s: (not s["title"].lower().startswith(prefix), s["title"]))
        return found[:8]

    def more_like_this(self, page: PracticePage, size: int) -> list[int]:
        """The candidates by their shared labels, then ordered with Wagtail's full-text
        search on them (see search.similar)."""
        labels = weighted_labels(page)
        if not labels:
            return []
        # Built once per call: `public()` reads the view restrictions when it is called.
        published = PracticePage.objects.live().public()
        candidates = _label_candidates(page, labels, published)
        if not candidates:
            return []
        text = text_scores(published.filter(pk__in=list(candidates)), about_text(page))
        return rank_similar(candidates, text, size)
