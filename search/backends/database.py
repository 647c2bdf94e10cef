"""Database fallback: Wagtail's database search (PostgreSQL full-text search on
PostgreSQL, a simpler search on SQLite), answering the same SearchQuery.

Everything that depends on the size of the result set happens in SQL: the text
match (Wagtail's search queryset), every facet filter, the totals, the facet
counts (GROUP BY over the matching pages) and the ordering. Only the page of
hits is loaded and turned into documents, so totals and counts are exact at any
size and a query costs a fixed number of SQL statements.

Each indexed page type is a `_Source` that says, in SQL, what a facet value
means for it, matching what `search.serializers` writes into the engine's
documents (a learning process counts for Germany and for each partner's
country; an outcome inherits its process's topic, SDGs and tags). The
equivalence is tested against the serializers on both databases.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, ExtractYear, Left
from wagtail.models import Page

from community.exchange.models import Post, Thread, ThreadTag
from community.exchange.models import Visibility as ThreadVisibility
from learning_processes.countries import GERMANY, GLOBAL_SOUTH, OTHER, global_south_codes
from learning_processes.models import LearningProcessPage, OutcomePage, PracticePage
from learning_processes.models.practices import PracticeTag
from learning_processes.models.processes import LearningProcessTag, PartnerMunicipality
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

NOTHING = Q(pk__in=[])


@cache
def _global_south() -> tuple[str, ...]:
    return tuple(global_south_codes())


def _region_of_column(column: str) -> Case:
    """learning_processes.countries.region_of() as an SQL expression."""
    return Case(
        When(**{column: "DE"}, then=Value(GERMANY)),
        When(**{f"{column}__in": _global_south()}, then=Value(GLOBAL_SOUTH)),
        default=Value(OTHER),
    )


def _region_q(column: str, regions: Iterable[str]) -> Q:
    q = NOTHING
    for region in set(regions):
        if region == GERMANY:
            q |= Q(**{column: "DE"})
        elif region == GLOBAL_SOUTH:
            q |= Q(**{f"{column}__in": _global_south()})
        elif region == OTHER:
            q |= ~Q(**{column: "DE"}) & ~Q(**{f"{column}__in": _global_south()})
    return q


class _Link:
    """A multi-valued field stored in another table: SDGs, tags, partner countries."""

    def __init__(self, model: type[Model], owner: str, value: str, convert=str) -> None:
        self.model, self.owner, self.value, self.convert = model, owner, value, convert

    def rows(self) -> QuerySet:
        rows = self.model.objects.exclude(**{f"{self.value}__isnull": True})
        return rows.exclude(**{self.value: ""}) if self.convert is str else rows

    def owners_with(self, values: Iterable[str], **extra: Any) -> QuerySet:
        converted = facet_integers(values) if self.convert is int else [str(v) for v in values]
        return self.rows().filter(**{f"{self.value}__in": converted}, **extra).values(self.owner)

    def counts(self, owners: QuerySet) -> Counter:
        rows = (
            self.rows()
            .filter(**{f"{self.owner}__in": owners})
            .values_list(self.value)
            .annotate(n=Count(self.owner, distinct=True))
            .order_by()
        )
        return Counter({str(value): n for value, n in rows})


def _m2m(model: type[Model], name: str, value: str) -> _Link:
    field = model._meta.get_field(name)
    return _Link(
        field.remote_field.through,
        f"{field.m2m_field_name()}_id",
        f"{field.m2m_reverse_field_name()}__{value}",
        convert=int,
    )


def _column_counts(queryset: QuerySet, column: str) -> Counter:
    rows = queryset.values_list(column).annotate(n=Count("pk")).order_by()
    return Counter({str(value): n for value, n in rows if value not in (None, "")})


class _Source:
    """One indexed page type, its facets expressed in SQL."""

    content_type = ""
    model: type[Model]
    # Facets this type has no value for: a filter on one of them leaves it out, as the
    # engine leaves out documents without the field.
    absent: tuple[str, ...] = ("population_band",)

    def text_match(self, queryset: QuerySet, text: str) -> QuerySet:
        return _text_match(queryset, text)

    def annotate(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(_published=Coalesce("last_published_at", "first_published_at"))

    def base(self, visibility: tuple[str, ...]) -> QuerySet:
        if PUBLIC not in visibility:
            return self.model.objects.none()
        return self.model.objects.live().public()

    def match(self, name: str, values: tuple[str, ...]) -> Q:
        if name == "content_type":
            return Q() if self.content_type in values else NOTHING
        if name in self.absent:
            return NOTHING
        return self._match(name, values)

    def counts(self, name: str, queryset: QuerySet) -> Counter:
        """Facet counts of the pages in `queryset` (filtered by the other facets)."""
        ids = queryset.order_by().values("pk")
        if name == "content_type":
            total = queryset.order_by().count()
            return Counter({self.content_type: total} if total else {})
        if name in self.absent:
            return Counter()
        return self._counts(name, ids)

    def _match(self, name: str, values: tuple[str, ...]) -> Q:
        raise NotImplementedError

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        raise NotImplementedError

    def _pages(self, ids: QuerySet) -> QuerySet:
        return self.annotate(self.model.objects.filter(pk__in=ids))


class _PracticeSource(_Source):
    content_type = "practice"
    model = PracticePage
    absent = ()

    def __init__(self) -> None:
        self.links = {
            "sdgs": _m2m(PracticePage, "sdgs", "number"),
            "tags": _Link(PracticeTag, "content_object_id", "tag__name"),
        }

    def _match(self, name: str, values: tuple[str, ...]) -> Q:
        if name in self.links:
            return Q(pk__in=self.links[name].owners_with(values))
        if name == "topic_field":
            return Q(topic_field__name__in=values)
        if name == "country":
            return Q(country__in=values)
        if name == "region":
            return _region_q("country", values)
        if name == "year":
            return Q(year__in=facet_integers(values))
        if name == "population_band":
            return Q(population_band__in=values)
        return Q()

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        if name in self.links:
            return self.links[name].counts(ids)
        pages = self._pages(ids)
        if name == "topic_field":
            return _column_counts(pages, "topic_field__name")
        if name == "region":
            return _column_counts(pages.annotate(_region=_region_of_column("country")), "_region")
        if name in ("country", "year", "population_band"):
            return _column_counts(pages, name)
        return Counter()


class _ProcessSource(_Source):
    """A process counts for Germany (every host is German) and each partner's country."""

    content_type = "learning_process"
    model = LearningProcessPage

    def __init__(self) -> None:
        self.links = {
            "sdgs": _m2m(LearningProcessPage, "sdgs", "number"),
            "tags": _Link(LearningProcessTag, "content_object_id", "tag__name"),
        }
        self.partners = _Link(PartnerMunicipality, "page_id", "country")

    def _match(self, name: str, values: tuple[str, ...]) -> Q:
        if name in self.links:
            return Q(pk__in=self.links[name].owners_with(values))
        if name == "topic_field":
            return Q(topic_field__name__in=values)
        if name == "year":
            return Q(year__in=facet_integers(values))
        if name == "country":
            if "DE" in values:
                return Q()
            return Q(pk__in=self.partners.owners_with(values))
        if name == "region":
            if GERMANY in values:
                return Q()
            partners = self.partners.rows().filter(_region_q("country", values))
            return Q(pk__in=partners.values("page_id"))
        return Q()

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        if name in self.links:
            return self.links[name].counts(ids)
        pages = self._pages(ids)
        if name == "topic_field":
            return _column_counts(pages, "topic_field__name")
        if name == "year":
            return _column_counts(pages, "year")
        if name in ("country", "region"):
            total = pages.count()
            partners = self.partners.rows().filter(page_id__in=ids).exclude(country="DE")
            if name == "region":
                partners = partners.annotate(_region=_region_of_column("country"))
            column = "country" if name == "country" else "_region"
            rows = partners.values_list(column).annotate(n=Count("page_id", distinct=True))
            found = Counter({str(value): n for value, n in rows.order_by()})
            if total:
                found["DE" if name == "country" else GERMANY] = total
            return found
        return Counter()


class _OutcomeSource(_Source):
    """An outcome belongs to its parent process, whose topic, SDGs and tags it inherits."""

    content_type = "outcome"
    model = OutcomePage

    def __init__(self) -> None:
        self.process_links = {
            "sdgs": _m2m(LearningProcessPage, "sdgs", "number"),
            "tags": _Link(LearningProcessTag, "content_object_id", "tag__name"),
        }

    def annotate(self, queryset: QuerySet) -> QuerySet:
        process = LearningProcessPage.objects.filter(path=OuterRef("_process_path"))
        return (
            super()
            .annotate(queryset)
            .annotate(_process_path=Left("path", (F("depth") - 1) * Page.steplen))
            .annotate(
                _topic=Subquery(process.values("topic_field__name")[:1]),
                _year=Coalesce(
                    ExtractYear("first_published_at", tzinfo=UTC),
                    Subquery(process.values("year")[:1]),
                    output_field=IntegerField(),
                ),
            )
        )

    def _match(self, name: str, values: tuple[str, ...]) -> Q:
        if name in self.process_links:
            owners = self.process_links[name].owners_with(values)
            paths = LearningProcessPage.objects.filter(pk__in=owners).values("path")
            return Q(_process_path__in=paths)
        if name == "topic_field":
            return Q(_topic__in=values)
        if name == "year":
            return Q(_year__in=facet_integers(values))
        if name == "country":
            return Q() if "DE" in values else NOTHING
        if name == "region":
            return Q() if GERMANY in values else NOTHING
        return Q()

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        pages = self._pages(ids)
        if name == "topic_field":
            return _column_counts(pages, "_topic")
        if name == "year":
            return _column_counts(pages, "_year")
        if name in ("country", "region"):
            total = pages.count()
            return Counter({("DE" if name == "country" else GERMANY): total} if total else {})
        if name in self.process_links:
            # Outcomes per process (one or a few), times each process's values.
            per_path = dict(pages.values_list("_process_path").annotate(n=Count("pk")).order_by())
            link = self.process_links[name]
            owner_path = link.owner.removesuffix("_id") + "__path"
            found: Counter = Counter()
            rows = link.rows().filter(**{f"{owner_path}__in": list(per_path)})
            for path, value in rows.values_list(owner_path, link.value).order_by().distinct():
                found[str(value)] += per_path[path]
            return found
        return Counter()


def _visible_spaces(visibility: tuple[str, ...]) -> list[int]:
    prefix = space_visibility(0).removesuffix("0")
    return [int(v.removeprefix(prefix)) for v in visibility if v.startswith(prefix)]


class _ThreadSource(_Source):
    """Follow-up threads: public ones for everyone, members-only ones for the viewers
    whose visibility holds their space. Filed under their space like its process."""

    content_type = "thread"
    model = Thread

    def __init__(self) -> None:
        self.tags = _Link(ThreadTag, "content_object_id", "tag__name")
        self.space_links = {
            "sdgs": _m2m(LearningProcessPage, "sdgs", "number"),
            "country": _Link(PartnerMunicipality, "page_id", "country"),
        }

    def base(self, visibility: tuple[str, ...]) -> QuerySet:
        allowed = Q(space_id__in=_visible_spaces(visibility))
        if PUBLIC in visibility:
            allowed |= Q(visibility=ThreadVisibility.PUBLIC)
        return Thread.objects.listed().filter(allowed, space__live=True)

    def annotate(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(
            _published=F("created_at"), _year=ExtractYear("created_at", tzinfo=UTC)
        )

    def text_match(self, queryset: QuerySet, text: str) -> QuerySet:
        """Threads are not in Wagtail's search index: any word in the title or in a
        visible post, unranked (the fallback is a reduced search)."""
        words = [w for w in re.findall(r"\w+", text) if len(w) > 2] or search_words(text)
        matched = NOTHING
        for word in words:
            posts = Post.objects.visible().filter(body__icontains=word).values("thread_id")
            matched |= Q(title__icontains=word) | Q(pk__in=posts)
        return queryset.filter(matched).annotate(_score=Value(0.0))

    def _match(self, name: str, values: tuple[str, ...]) -> Q:
        if name == "tags":
            return Q(pk__in=self.tags.owners_with(values))
        if name == "topic_field":
            return Q(space__topic_field__name__in=values)
        if name == "year":
            return Q(_year__in=facet_integers(values))
        if name == "sdgs":
            return Q(space_id__in=self.space_links["sdgs"].owners_with(values))
        if name == "country":
            if "DE" in values:
                return Q()
            return Q(space_id__in=self.space_links["country"].owners_with(values))
        if name == "region":
            if GERMANY in values:
                return Q()
            partners = self.space_links["country"].rows().filter(_region_q("country", values))
            return Q(space_id__in=partners.values("page_id"))
        return Q()

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        threads = self._pages(ids)
        if name == "tags":
            return self.tags.counts(ids)
        if name == "topic_field":
            return _column_counts(threads, "space__topic_field__name")
        if name == "year":
            return _column_counts(threads, "_year")
        # The rest comes from the space: threads per space times the space's values.
        per_space = dict(threads.values_list("space_id").annotate(n=Count("pk")).order_by())
        found: Counter = Counter()
        if name in ("country", "region") and per_space:
            found["DE" if name == "country" else GERMANY] = sum(per_space.values())
        link = self.space_links["sdgs" if name == "sdgs" else "country"]
        if name not in ("sdgs", "country", "region"):
            return found
        rows = link.rows().filter(**{f"{link.owner}__in": list(per_space)})
        if name == "sdgs":
            pairs = rows.values_list(link.owner, link.value).order_by().distinct()
        else:
            rows = rows.exclude(country="DE")
            if name == "region":
                rows = rows.annotate(_region=_region_of_column("country"))
            pairs = rows.values_list(link.owner, "country" if name == "country" else "_region")
            pairs = pairs.order_by().distinct()
        for space_id, value in pairs:
            found[str(value)] += per_space[space_id]
        return found


SOURCES: tuple[_Source, ...] = (
    _PracticeSource(),
    _ProcessSource(),
    _OutcomeSource(),
    _ThreadSource(),
)


def _text_match(queryset: QuerySet, text: str) -> QuerySet:
    """Wagtail's database search as a queryset (still filterable) with a `_score`.

    It is given the words of the text only: Wagtail writes each into FTS5's MATCH or
    PostgreSQL's to_tsquery, where a quote or other syntax typed along would be read
    as theirs (see search.query_text)."""
    words = search_words(text)
    if not words:  # only punctuation or syntax: nothing to look for
        return queryset.none().annotate(_score=Value(0.0))
    results = queryset.search(" ".join(words), operator="or").annotate_score("_score")
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
    return {
        pk: _better_first(score)
        for pk, score in _text_match(queryset, text).order_by().values_list("pk", "_score")
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
            links.model.objects.filter(**{f"{links.value}__in": values})
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
    """Page ids as one PostgreSQL array parameter, however many there are."""
    return RawSQL("SELECT unnest(%s::bigint[])", (ids,))


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
        wanted = query.offset + query.page_size
        total = 0
        facets: dict[str, Counter] = {name: Counter() for name in FACETS}
        candidates = []
        for position, source in enumerate(SOURCES):
            base = source.base(query.visibility)
            scores: dict[int, float] | None = None
            if query.text:
                base = source.text_match(base, query.text)
                if connection.vendor == "postgresql":
                    # The text match is the costly part (a scan of the search vectors):
                    # run it once, then count, group and order by the ids it found.
                    scores = {
                        pk: _better_first(score)
                        for pk, score in base.order_by().values_list("pk", "_score")
                    }
                    base = source.model.objects.filter(pk__in=_id_array(list(scores)))
                # No page of this type has the words: no totals, counts or hits to
                # look for (a common case: a typo, or a query of only punctuation).
                if not (scores if scores is not None else base.exists()):
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
        hits = self._hits(page, query.text)
        return SearchResults(
            query=query,
            total=total,
            hits=hits,
            facets={
                name: sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: FACETS[name]["size"]]
                for name, counts in facets.items()
            },
            backend=self.name,
        )

    @staticmethod
    def _candidates(
        matching: QuerySet, query: SearchQuery, scores: dict[int, float] | None, position: int
    ) -> list[tuple]:
        """The first offset + page_size pages of one type in the requested order."""
        wanted = query.offset + query.page_size
        by_date = query.sort == "date" or not query.text
        if scores is not None and not by_date:
            ranked = sorted(
                matching.values_list("pk", flat=True), key=lambda pk: (-scores[pk], -pk)
            )
            return [
                (pk, None, scores[pk], position, rank) for rank, pk in enumerate(ranked[:wanted])
            ]
        if by_date:
            order = [F("_published").desc(nulls_last=True)]
            if query.text and scores is None:
                order.append("_score" if connection.vendor == "sqlite" else "-_score")
            matching = matching.order_by(*order, "-pk")
        rows = matching.values_list(
            "pk", "_published", "_score" if scores is None and query.text else "pk"
        )
        found = []
        for rank, (pk, published, value) in enumerate(rows[:wanted]):
            if scores is not None:
                relevance = scores[pk]
            else:
                relevance = _better_first(value) if query.text else 0.0
            found.append((pk, published, relevance, position, rank))
        return found

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
