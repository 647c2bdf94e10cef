"""A space with one member of each role, and the people around it."""

from types import SimpleNamespace

import pytest

from community.members.actions import do_add_member
from community.models import SpaceRole
from learning_processes.roles import ensure_staff_group
from tests.factories import LearningProcessFactory

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture(autouse=True)
def _private_attachments(settings, tmp_path):
    settings.EXCHANGE_ATTACHMENT_ROOT = tmp_path / "private"
    settings.SITE_URL = "https://cc.example.org"


@pytest.fixture
def people(db, user_factory):
    """A space and one person per role: host, facilitator, participant, observer,
    a non-member, platform staff. Everyone but the non-member and staff is a member;
    the members joined long ago, so no new-member limit applies unless a test says so."""
    import datetime as dt

    from django.utils import timezone

    from community.models import Membership

    space = LearningProcessFactory(title="Urban heat action plans")
    other_space = LearningProcessFactory(title="Another process")
    names = {
        "host": ("Hanna", "Host"),
        "facilitator": ("Fatou", "Facilitator"),
        "participant": ("Ana", "Souza"),
        "observer": ("Otto", "Observer"),
        "outsider": ("Nora", "Outsider"),
        "staff": ("Sami", "Staff"),
    }
    users = {
        role: user_factory(f"{role}@example.org", first_name=first, last_name=last)
        for role, (first, last) in names.items()
    }
    for role in ("host", "facilitator", "participant", "observer"):
        do_add_member(space, users[role], SpaceRole(role))
    users["staff"].groups.add(ensure_staff_group())
    Membership.objects.filter(space=space).update(joined_at=timezone.now() - dt.timedelta(days=60))
    return SimpleNamespace(space=space, other_space=other_space, **users)


@pytest.fixture
def pdf_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(name: str = "report.pdf", content: bytes = PDF):
        return SimpleUploadedFile(name, content, content_type="application/pdf")

    return make
