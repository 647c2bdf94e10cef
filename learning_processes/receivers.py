"""Receivers of the app: a new learning process gets its host group; after migrate, the
staff group, its workflow and the taxonomy exist. Connected when
`LearningProcessesConfig.ready` imports this module."""

from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from learning_processes.models import LearningProcessPage, SustainableDevelopmentGoal, TopicField
from learning_processes.roles import ensure_host_group, ensure_staff_workflow
from learning_processes.taxonomy_data import ensure_taxonomy


@receiver(post_save, sender=LearningProcessPage, dispatch_uid="lp_host_group")
def create_host_group(
    sender, instance: LearningProcessPage, created: bool, raw: bool = False, **kwargs
):
    if created and not raw:
        ensure_host_group(instance)


def setup_roles_after_migrate(sender, using="default", **kwargs) -> None:
    """Once Wagtail's permissions exist, make sure the staff group and workflow do."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    if sender.label != "wagtailcore":
        return
    # Page permissions are created per app after migrate; make sure they exist first.
    for label in (
        "wagtailcore",
        "wagtailadmin",
        "wagtailimages",
        "wagtaildocs",
        "learning_processes",
    ):
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    ensure_staff_workflow()
    # A flushed test database loses what the data migrations seeded.
    ensure_taxonomy(TopicField, SustainableDevelopmentGoal)


post_migrate.connect(setup_roles_after_migrate, dispatch_uid="lp_setup_roles")
