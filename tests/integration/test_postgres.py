"""The suite runs on PostgreSQL, migrations included."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_database_is_a_real_postgresql_server():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 130000


def test_every_migration_is_applied_on_postgresql():
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert plan == []


def test_data_migration_seeded_the_four_topic_fields():
    from learning_processes.models import TopicField

    assert list(TopicField.objects.values_list("slug", flat=True)) == [
        "integrated-urban-development",
        "municipal-services",
        "good-urban-governance",
        "local-economic-development",
    ]


def test_demo_pages_are_served_from_postgresql(client, demo_site):
    response = client.get("/practices/market-waste-composting-kumasi/")
    assert response.status_code == 200
    assert "Composting market waste" in response.content.decode()
