"""The 17 Sustainable Development Goals by their official numbers and short names."""

from django.db import migrations

SDGS = [
    (1, "No Poverty"),
    (2, "Zero Hunger"),
    (3, "Good Health and Well-being"),
    (4, "Quality Education"),
    (5, "Gender Equality"),
    (6, "Clean Water and Sanitation"),
    (7, "Affordable and Clean Energy"),
    (8, "Decent Work and Economic Growth"),
    (9, "Industry, Innovation and Infrastructure"),
    (10, "Reduced Inequalities"),
    (11, "Sustainable Cities and Communities"),
    (12, "Responsible Consumption and Production"),
    (13, "Climate Action"),
    (14, "Life Below Water"),
    (15, "Life on Land"),
    (16, "Peace, Justice and Strong Institutions"),
    (17, "Partnerships for the Goals"),
]


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
