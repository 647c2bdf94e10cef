"""Search subscribes to content changes; the content apps never import search.

Each receiver only writes an outbox row in the transaction of the change (and a
published or unpublished page has a task read the database fallback's vocabulary
again); `connect` is called by `SearchConfig.ready`.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from community.exchange.models import Post, Thread
from outbox.tasks import enqueue_on_commit
from search.outbox import enqueue_index, enqueue_index_by_id
from search.serializers import INDEXED_MODELS
from search.spelling import vocabulary_changed
from search.tasks import refresh_search_vocabulary


def _enqueue(instance: Page) -> None:
    if type(instance) in INDEXED_MODELS:
        enqueue_index(instance)


def _enqueue_with_descendants(instance: Page) -> None:
    # A moved or renamed page changes the URLs of everything below it.
    _enqueue(instance.specific)
    for page in instance.get_descendants().live().specific():
        _enqueue(page)


def _enqueue_threads_of(space: Page) -> None:
    for pk in Thread.objects.filter(space_id=space.pk).values_list("pk", flat=True):
        enqueue_index_by_id(Thread, pk)


def _refresh_vocabulary() -> None:
    # The database fallback's stems and corrections learn the page's words, read
    # by a task after the commit (seconds on a large PostgreSQL index).
    vocabulary_changed()
    enqueue_on_commit(refresh_search_vocabulary)


def on_published(sender, instance: Page, **kwargs) -> None:
    _enqueue(instance)
    _refresh_vocabulary()
    # A process's title, topic and places appear in the documents of its outcomes
    # and threads.
    if type(instance).__name__ == "LearningProcessPage":
        for child in instance.get_children().live().specific():
            _enqueue(child)
        _enqueue_threads_of(instance)


def on_unpublished(sender, instance: Page, **kwargs) -> None:
    _enqueue_with_descendants(instance)
    _refresh_vocabulary()
    if type(instance).__name__ == "LearningProcessPage":
        _enqueue_threads_of(instance)


def on_thread_changed(sender, instance: Thread, **kwargs) -> None:
    # Created, retitled, deleted or hidden (moderation saves the thread or its
    # opening post), or removed with its space.
    enqueue_index_by_id(Thread, instance.pk)


def on_post_changed(sender, instance: Post, **kwargs) -> None:
    # A reply, an edit, a deletion or hiding changes the thread's text.
    enqueue_index_by_id(Thread, instance.thread_id)


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
        if issubclass(model, Page):
            post_delete.connect(
                on_deleted, sender=model, dispatch_uid=f"search_on_deleted_{model.__name__}"
            )
    for signal in (post_save, post_delete):
        name = "saved" if signal is post_save else "deleted"
        signal.connect(on_thread_changed, sender=Thread, dispatch_uid=f"search_thread_{name}")
        signal.connect(on_post_changed, sender=Post, dispatch_uid=f"search_thread_post_{name}")
