"""The only way content changes reach search: an outbox row written in the
changing transaction, and a kick of the background task once that commits."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from outbox.tasks import enqueue_on_commit
from search.indexing import engine_enabled
from search.models import IndexOutbox
from search.serializers import INDEXED_MODELS
from search.tasks import process_search_outbox


def enqueue_index(obj: Model) -> None:
    """Record that a page or thread must be re-indexed; call inside the changing
    transaction."""
    enqueue_index_by_id(type(obj), obj.pk)


def enqueue_index_by_id(model: type[Model], pk: int) -> None:
    """The same by id, for what is already gone (a thread whose post was deleted)."""
    if not engine_enabled() or model not in INDEXED_MODELS:
        return
    IndexOutbox.objects.create(content_type=ContentType.objects.get_for_model(model), object_id=pk)
    enqueue_on_commit(process_search_outbox)
