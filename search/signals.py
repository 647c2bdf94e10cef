"""Search subscribes to content changes; the content apps never import search.

Each handler only writes an outbox row in the transaction of the change.
"""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search.indexing import enqueue_index
from search.serializers import INDEXED_MODELS


def _enqueue(instance: Page) -> None:
    if type(instance) in INDEXED_MODELS:
        enqueue_index(instance)


def _enqueue_with_descendants(instance: Page) -> None:
    # A moved or renamed page changes the URLs of everything below it.
    _enqueue(instance.specific)
    for page in instance.get_descendants().live().specific():
        _enqueue(page)


def on_published(sender, instance: Page, **kwargs) -> None:
    _enqueue(instance)
    # A process's title and tags appear in the documents of its outcomes.
    if type(instance).__name__ == "LearningProcessPage":
        for child in instance.get_children().live().specific():
            _enqueue(child)


def on_unpublished(sender, instance: Page, **kwargs) -> None:
    _enqueue_with_descendants(instance)


def on_deleted(sender, instance, **kwargs) -> None:
    _enqueue(instance)


def on_moved(sender, instance: Page, **kwargs) -> None:
    _enqueue_with_descendants(instance)


def on_slug_changed(sender, instance: Page, **kwargs) -> None:
    _enqueue_with_descendants(instance)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="search_on_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_on_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_on_moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="search_on_slug_changed")
    for model in INDEXED_MODELS:
        post_delete.connect(
            on_deleted, sender=model, dispatch_uid=f"search_on_deleted_{model.__name__}"
        )
