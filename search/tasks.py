from django_tasks import task

from outbox.tasks import drain_and_reschedule
from search.indexing import drain_outbox
from search.models import IndexOutbox


@task()
def process_search_outbox() -> int:
    """Drain what is due, then schedule the next retry where the task backend can
    defer, so a recovered engine catches up without anyone re-running it."""
    result = drain_and_reschedule(process_search_outbox, IndexOutbox.objects.all(), drain_outbox)
    return result.processed
