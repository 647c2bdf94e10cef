"""Kept for migration 0004, which refers to the attachments' storage and upload path
here; the call's models live in `learning_processes.calls.models`."""

from learning_processes.calls.models import PrivateProposalStorage, attachment_path

__all__ = ["PrivateProposalStorage", "attachment_path"]
