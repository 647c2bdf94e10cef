from django_tasks import task

from outbox.tasks import drain_and_reschedule
from search.indexing import drain_outbox
from search.models import IndexOutbox
from search.spelling import refresh_vocabulary


@task()
def process_search_outbox() -> int:
    """Drain what is due, then schedule the next retry where the task backend can
    defer, so a recovered engine catches up without anyone re-running it."""
    result = drain_and_reschedule(process_search_outbox, IndexOutbox.objects.all(), drain_outbox)
    return result.processed


@task()
def refresh_search_vocabulary() -> bool:
    """Read the database index's words for the fallback's stems, synonyms and "did
    you mean" (search.spelling), in the background rather than in a search."""
    return refresh_vocabulary()
