"""Similar practices: the engine's more-like-this, or shared topic and tags in the
database when no engine answers."""

import logging

from django.conf import settings
from django.db.models import Count, Q

from learning_processes.models import PracticePage
from search import engine
from search.serializers import PUBLIC, doc_id

logger = logging.getLogger(__name__)


def engine_neighbours(page: PracticePage, size: int) -> list[int]:
    """Ids of the practices most like this one, by the engine's more-like-this."""
    dsl = engine.dsl_module(settings.SEARCH_ENGINE)
    alias = engine.content_alias()
    search = (
        dsl.Search(index=alias)
        .query(
            dsl.Q(
                "bool",
                must=[
                    dsl.Q(
                        "more_like_this",
                        fields=["title", "summary", "text", "tags"],
                        like=[{"_index": alias, "_id": doc_id("practice", page.pk)}],
                        min_term_freq=1,
                        min_doc_freq=1,
                        max_query_terms=30,
                    )
                ],
                filter=[dsl.Q("term", content_type="practice"), dsl.Q("term", visibility=PUBLIC)],
            )
        )
        .source(False)
        .extra(size=size)
    )
    response = engine.client().search(index=alias, body=search.to_dict())
    return [int(hit["_id"].split("-", 1)[1]) for hit in response["hits"]["hits"]]


def database_neighbours(page: PracticePage, size: int) -> list[int]:
    """Ids of the practices most like this one, from the database alone."""
    tag_ids = list(page.tagged_items.values_list("tag_id", flat=True))
    candidates = PracticePage.objects.live().public().exclude(pk=page.pk)
    if not tag_ids:
        # An empty IN () would empty the whole query, not just the tag condition.
        candidates = candidates.filter(topic_field_id=page.topic_field_id).order_by(
            "-year", "title"
        )
        return list(candidates.values_list("pk", flat=True)[:size])
    shared_tag = Q(tagged_items__tag_id__in=tag_ids)
    candidates = (
        candidates.filter(Q(topic_field_id=page.topic_field_id) | shared_tag)
        .annotate(shared=Count("tagged_items", filter=shared_tag, distinct=True))
        .order_by("-shared", "-year", "title")
    )
    return list(candidates.values_list("pk", flat=True).distinct()[:size])


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
