"""Wagtail loads `wagtail_hooks` from an app's root only: the review of topic proposals
registers its admin views in `learning_processes.calls.wagtail_hooks`, imported here."""

from learning_processes.calls import wagtail_hooks  # noqa: F401
