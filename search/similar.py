"""Similar practices, by one rule on the engine and in the database.

Two signals, counted half each:

- Labels: the topic field, tags, SDGs and learning process a practice is filed under
  (fields of its search document). A shared label counts its kind's weight times its
  rarity among the published practices, so a tag on a handful of practices
  ("stormwater") says more than one on a quarter of them ("participation"), and an
  SDG most practices name (11, sustainable cities) says little.
- Text: how well another practice matches what this one is about: its title, summary
  and challenge, the problem it answers. The approach, resources and lessons tell how,
  in words many unrelated practices share ("residents' committees", "local
  caretakers", "a long-term bank loan").

The labels pick the candidates (the first CANDIDATES by label score); the text
orders them. Each signal is divided by its best value among the candidates, so
neither's scale decides. Only the text match differs between the backends: the
engine's more-like-this, or the database's full-text search.

Measured on tests/data/similar_practices_judged.json by bench/similar_precision.py.
"""

import logging
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Model,
    QuerySet,
    Value,
    When,
    prefetch_related_objects,
)
from wagtail.rich_text import get_text_for_indexing

from learning_processes.models import PracticePage
from learning_processes.models.practices import PracticeTag
from search import engine
from search.backends.database import text_scores
from search.serializers import PUBLIC, doc_id, practice_labels

logger = logging.getLogger(__name__)

# What one shared label of each kind counts, before its rarity. SDGs come several to
# a practice and are broad: a quarter.
LABEL_WEIGHTS = {"topic_field": 1.0, "tags": 1.0, "sdgs": 0.25, "learning_process": 1.0}
# The text's share of the score; the labels have the rest.
TEXT_SHARE = 0.5
# How many practices, best by labels first, the text then orders.
CANDIDATES = 30
# The engine's text match: the 25 terms of the text that set it apart, each found in
# at least one other document; one shared term is enough to score (the default, 30 %
# of them, left most practices of the demo library with no match at all).
MORE_LIKE_THIS = {
    "fields": ["title", "summary", "text"],
    "min_term_freq": 1,
    "min_doc_freq": 2,
    "max_query_terms": 25,
    "minimum_should_match": "1",
}


@dataclass(frozen=True)
class _Links:
    """Where the database keeps one kind of label: rows of (practice, value)."""

    model: type[Model]
    practice: str
    value: str
    # From the search document's value to the database's.
    convert: Callable[[Any], Any] = lambda value: value


_LINKS = {
    "topic_field": _Links(PracticePage, "pk", "topic_field__name"),
    "learning_process": _Links(PracticePage, "pk", "learning_process_id", int),
    "tags": _Links(PracticeTag, "content_object_id", "tag__name"),
    "sdgs": _Links(
        PracticePage.sdgs.through, "practicepage_id", "sustainabledevelopmentgoal__number"
    ),
}


@dataclass(frozen=True)
class Label:
    """A value a practice is filed under (as its search document holds it) and what
    sharing it is worth."""

    field: str
    value: str | int
    weight: float


def _published() -> QuerySet:
    # Built once per call: `public()` reads the view restrictions when it is called.
    return PracticePage.objects.live().public()


def _carriers(field: str, values: list[Any]) -> dict[Any, int]:
    """How many practices carry each of the values (one query). Drafts count too: a
    label's rarity needs no precision, and leaving them in spares a join."""
    links = _LINKS[field]
    converted = {links.convert(value): value for value in values}
    rows = (
        links.model.objects.filter(**{f"{links.value}__in": list(converted)})
        .order_by()  # a page's default ordering would split the groups
        .values_list(links.value)
        .annotate(n=Count("pk"))
    )
    return {converted[value]: n for value, n in rows}


def weighted_labels(page: PracticePage) -> list[Label]:
    """The page's labels, each weighted by its kind times ln(1 + N / n): N practices, n
    of them carrying the label. A label no other practice carries is left out: it
    cannot make any of them similar."""
    # One query for the tags (a preview's unsaved ones stay as they are).
    prefetch_related_objects([page], "tagged_items__tag")
    values: dict[str, list[Any]] = defaultdict(list)
    for field, found in practice_labels(page).items():
        for value in found if isinstance(found, list) else [found]:
            if value not in (None, ""):
                values[field].append(value)
    if not values:
        return []
    total = PracticePage.objects.count()
    # The page's own stored labels are among the carriers; a preview's new ones are not.
    own = 1 if page.pk else 0
    labels = []
    for field, field_values in values.items():
        carriers = _carriers(field, field_values)
        for value in field_values:
            n = carriers.get(value, 0)
            if n > own:
                labels.append(Label(field, value, LABEL_WEIGHTS[field] * math.log(1 + total / n)))
    return labels


def about_text(page: PracticePage) -> str:
    """What the practice is about: its title, summary and challenge."""
    return "\n".join([page.title, page.summary, get_text_for_indexing(str(page.challenge))])


def rank(labels: dict[int, float], text: dict[int, float], size: int) -> list[int]:
    """The candidates (label scores, best first) by half their label score and half
    their text score, each divided by its best; equals keep the labels' order."""
    best_label = max(labels.values(), default=0.0)
    best_text = max(text.values(), default=0.0)

    def score(pk: int) -> float:
        value = (1 - TEXT_SHARE) * labels[pk] / best_label if best_label > 0 else 0.0
        if best_text > 0:
            value += TEXT_SHARE * max(text.get(pk, 0.0), 0.0) / best_text
        return value

    return sorted(labels, key=score, reverse=True)[:size]


# --- the engine -----------------------------------------------------------------------


def _engine_scores(dsl: Any, query: Any, size: int, **clauses: list) -> dict[int, float]:
    """Practice id → score of the first `size` published practices matching `query`."""
    alias = engine.content_alias()
    public_practices = [dsl.Q("term", content_type="practice"), dsl.Q("term", visibility=PUBLIC)]
    search = (
        dsl.Search(index=alias)
        .query(
            dsl.Q(
                "bool",
                must=[query],
                filter=[*public_practices, *clauses.pop("filter", [])],
                **clauses,
            )
        )
        .sort("_score", {"year": "desc"}, {"title.raw": "asc"})
        .source(False)
        .extra(size=size, track_scores=True)
    )
    response = engine.client().search(index=alias, body=search.to_dict())
    return {int(hit["_id"].split("-", 1)[1]): hit["_score"] for hit in response["hits"]["hits"]}


def engine_neighbours(page: PracticePage, size: int) -> list[int]:
    """Ids of the practices most like this one, asked of the engine: the candidates by
    their shared labels (each a constant score of its weight), then more-like-this."""
    dsl = engine.dsl_module(settings.SEARCH_ENGINE)
    labels = weighted_labels(page)
    if not labels:
        return []
    shared = dsl.Q(
        "bool",
        should=[
            dsl.Q(
                "constant_score",
                filter=dsl.Q("term", **{label.field: label.value}),
                boost=label.weight,
            )
            for label in labels
        ],
        minimum_should_match=1,
    )
    candidates = _engine_scores(
        dsl, shared, CANDIDATES, must_not=[dsl.Q("ids", values=[doc_id("practice", page.pk)])]
    )
    if not candidates:
        return []
    text = _engine_scores(
        dsl,
        dsl.Q("more_like_this", like=[about_text(page)], **MORE_LIKE_THIS),
        len(candidates),
        filter=[dsl.Q("ids", values=[doc_id("practice", pk) for pk in candidates])],
    )
    return rank(candidates, text, size)


# --- the database ---------------------------------------------------------------------


def _shared_labels(labels: list[Label]) -> QuerySet:
    """SQL: a row (practice, weight) for every label of `labels` a practice carries.

    Read from the link tables: scoring every practice with a subquery per kind took
    1.2 s at 20,000 practices; summing these rows takes 0.2 s at 100,000."""
    by_field: dict[str, list[Label]] = defaultdict(list)
    for label in labels:
        by_field[label.field].append(label)
    parts = []
    for field, field_labels in by_field.items():
        links = _LINKS[field]
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


def database_neighbours(page: PracticePage, size: int) -> list[int]:
    """Ids of the practices most like this one, from the database alone: the candidates
    by their shared labels, then Wagtail's full-text search on them."""
    labels = weighted_labels(page)
    if not labels:
        return []
    published = _published()
    candidates = _label_candidates(page, labels, published)
    if not candidates:
        return []
    text = text_scores(published.filter(pk__in=list(candidates)), about_text(page))
    return rank(candidates, text, size)


def similar_practices(page: PracticePage, size: int = 4) -> list[PracticePage]:
    ids: list[int] = []
    if settings.SEARCH_ENGINE in engine.ENGINES:
        try:
            ids = engine_neighbours(page, size)
        except Exception:  # noqa: BLE001 - a missing neighbour list must not break the page
            logger.warning("similar practices: engine did not answer", exc_info=True)
    if not ids:
        ids = database_neighbours(page, size)
    found = PracticePage.objects.live().public().select_related("topic_field").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
