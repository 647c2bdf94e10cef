"""What a follow-up thread is filed under, for search (see learning_processes.facets).

A thread carries its own tags and the year it was opened; its topic, SDGs and places
are those of its space's learning process, so a thread is found where the process is.
"""

from collections import Counter
from datetime import UTC
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear

from community.exchange.models import Thread, ThreadTag
from learning_processes.countries import GERMANY
from learning_processes.facets import (
    PLACES,
    PROCESSES,
    ContentFacets,
    column_counts,
    tag_names,
    tags_link,
    weighted,
)


class ThreadFacets(ContentFacets):
    model = Thread

    def document(self, thread: Thread) -> dict[str, Any]:
        return {
            **PROCESSES.inherited(thread.space),
            "tags": tag_names(thread),
            "year": thread.created_at.year,
        }

    def annotate(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(_year=ExtractYear("created_at", tzinfo=UTC))

    def _match(self, name: str, values: tuple, key: str) -> Q:
        if name == "tags":
            return Q(pk__in=tags_link(ThreadTag, key).owners_with(values))
        if name == "topic_field":
            return Q(**{f"space__topic_field__{key}__in": values})
        if name == "year":
            return Q(_year__in=values)
        if name in ("sdgs", *PLACES):
            spaces = PROCESSES.linked(name, values, key)
            return Q() if spaces is None else Q(space_id__in=spaces)
        return Q()

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        threads = self._items(ids)
        if name == "tags":
            return tags_link(ThreadTag).counts(ids)
        if name == "topic_field":
            return column_counts(threads, "space__topic_field__name")
        if name == "year":
            return column_counts(threads, "_year")
        if name not in ("sdgs", *PLACES):
            return Counter()
        # From the space: threads per space times the space's values.
        per_space = dict(threads.values_list("space_id").annotate(n=Count("pk")).order_by())
        found = weighted(PROCESSES.pairs(name, list(per_space)), per_space)
        if name in PLACES and per_space:
            found["DE" if name == "country" else GERMANY] = sum(per_space.values())
        return found


THREADS = ThreadFacets()
