from django_tasks import default_task_backend, task

from search.indexing import process_outbox
from search.models import IndexOutbox


@task()
def process_search_outbox() -> int:
    """Drain what is due. Rows that failed wait for their back-off; where the task
    backend can defer (the database worker in production) the task schedules its
    own retry, so a recovered engine catches up without anyone re-running it."""
    processed = 0
    while True:
        result = process_outbox()
        processed += result.processed
        if result.failed or not result.processed:
            break
    retry_at = (
        IndexOutbox.objects.pending()
        .order_by("available_at")
        .values_list("available_at", flat=True)
        .first()
    )
    if retry_at is not None and default_task_backend.supports_defer:
        process_search_outbox.using(run_after=retry_at).enqueue()
    return processed
