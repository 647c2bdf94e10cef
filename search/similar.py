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
engine's more-like-this, or the database's full-text search (each backend's
`more_like_this`; `search.service.similar_practices` picks the backend).

Measured on tests/data/similar_practices_judged.json by bench/similar_precision.py.
"""

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Model, prefetch_related_objects
from wagtail.rich_text import get_text_for_indexing

from learning_processes.facets import PRACTICES
from learning_processes.models import PracticePage
from learning_processes.models.practices import PracticeTag

# What one shared label of each kind counts, before its rarity. SDGs come several to
# a practice and are broad: a quarter.
LABEL_WEIGHTS = {"topic_field": 1.0, "tags": 1.0, "sdgs": 0.25, "learning_process": 1.0}
# The text's share of the score; the labels have the rest.
TEXT_SHARE = 0.5
# How many practices, best by labels first, the text then orders.
CANDIDATES = 30


@dataclass(frozen=True)
class _Links:
    """Where the database keeps one kind of label: rows of (practice, value)."""

    model: type[Model]
    practice: str
    value: str
    # From the search document's value to the database's.
    convert: Callable[[Any], Any] = lambda value: value


LINKS = {
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


def _carriers(field: str, values: list[Any]) -> dict[Any, int]:
    """How many practices carry each of the values (one query). Drafts count too: a
    label's rarity needs no precision, and leaving them in spares a join."""
    links = LINKS[field]
    converted = {links.convert(value): value for value in values}
    rows = (
        links.model._default_manager.filter(**{f"{links.value}__in": list(converted)})
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
    for field, found in PRACTICES.labels(page).items():
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
