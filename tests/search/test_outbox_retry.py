"""A failed outbox run schedules its own retry on a backend that can defer tasks."""

import pytest
from django.test import override_settings

from search.models import IndexOutbox
from search.tasks import process_search_outbox
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db

DEAD_ENGINE = {
    "SEARCH_ENGINE": "opensearch",
    "SEARCH_URL": "http://127.0.0.1:1",
    "SEARCH_TIMEOUT": 1,
}
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_failed_run_keeps_rows_and_schedules_a_retry_at_their_back_off():
    from django_tasks_db.models import DBTaskResult

    with override_settings(**DEAD_ENGINE, TASKS=DB_TASKS):
        practice = PracticeFactory(title="Flood early warning by SMS", country="MZ")
        assert IndexOutbox.objects.pending().filter(object_id=practice.pk).exists()
        assert process_search_outbox.call() == 0
        row = IndexOutbox.objects.get(object_id=practice.pk)
        assert row.attempts == 1 and row.processed_at is None
        retry = DBTaskResult.objects.get(task_path="search.tasks.process_search_outbox")
        assert retry.run_after == row.available_at


def test_with_no_engine_configured_nothing_is_queued(settings):
    settings.SEARCH_ENGINE = "database"
    PracticeFactory(title="Street vendors' market hall", country="KE")
    assert not IndexOutbox.objects.exists()
