"""Receivers of the call: a deleted attachment's private file goes with it. Connected
when `LearningProcessesConfig.ready` imports this module."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from learning_processes.calls.models import ProposalAttachment


@receiver(post_delete, sender=ProposalAttachment, dispatch_uid="lp_attachment_file")
def delete_attachment_file(sender, instance: ProposalAttachment, **kwargs) -> None:
    """A deleted attachment (or proposal, or account) takes its private file with it,
    once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
