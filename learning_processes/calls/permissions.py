"""Who may review and decide on topic proposals (the staff permissions the admin's
review pages, its listing and the actions all ask)."""

from django.contrib.auth.models import User


def can_review(user: User) -> bool:
    return user.is_active and user.has_perm("learning_processes.review_topicproposal")


def can_decide(user: User) -> bool:
    return user.is_active and user.has_perm("learning_processes.decide_topicproposal")
