"""The programme's four topic fields; staff may edit them afterwards."""

from django.db import migrations

from learning_processes.taxonomy_data import TOPIC_FIELDS


def seed(apps, schema_editor):
    TopicField = apps.get_model("learning_processes", "TopicField")
    for order, (slug, name, examples) in enumerate(TOPIC_FIELDS):
        TopicField.objects.get_or_create(
            slug=slug, defaults={"name": name, "examples": examples, "sort_order": order}
        )


def unseed(apps, schema_editor):
    TopicField = apps.get_model("learning_processes", "TopicField")
    TopicField.objects.filter(slug__in=[slug for slug, _, _ in TOPIC_FIELDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("learning_processes", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
