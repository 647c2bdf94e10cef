from django_tasks import task

from search.indexing import process_outbox


@task()
def process_search_outbox() -> int:
    """Drain what is due; rows that fail stay for the next run (see search_index --worker)."""
    return process_outbox().processed
