"""The 17 Sustainable Development Goals by their official numbers and short names."""

from django.db import migrations

from learning_processes.taxonomy_data import SDGS


def seed(apps, schema_editor):
    Goal = apps.get_model("learning_processes", "SustainableDevelopmentGoal")
    for number, name in SDGS:
        Goal.objects.update_or_create(number=number, defaults={"name": name})


def unseed(apps, schema_editor):
    apps.get_model("learning_processes", "SustainableDevelopmentGoal").objects.filter(
        number__in=[n for n, _ in SDGS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("learning_processes", "0002_seed_topic_fields")]

    operations = [migrations.RunPython(seed, unseed)]
