"""seed_demo builds a small, realistic site and can run twice."""

import pytest
from django.core.management import call_command

from learning_processes.models import LearningProcessPage, PracticePage

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_prints_credentials(capsys):
    call_command("seed_demo")
    first = (LearningProcessPage.objects.count(), PracticePage.objects.count())
    call_command("seed_demo")
    assert (LearningProcessPage.objects.count(), PracticePage.objects.count()) == first
    assert first[0] >= 3 and first[1] >= 4
    out = capsys.readouterr().out
    assert "admin@example.org" in out
    assert "participant@example.org" in out


def test_demo_pages_are_served(client, demo_site):
    for path in [
        "/",
        "/learning-processes/",
        "/practices/",
        "/learning-processes/circular-waste-management/",
    ]:
        assert client.get(path).status_code == 200, path
    html = client.get("/").content.decode()
    assert "Circular municipal waste management" in html


def test_demo_participant_can_log_in(client, demo_site):
    assert client.login(username="participant@example.org", password="connective-demo")


def test_wagtail_admin_is_served_to_the_demo_admin(client, demo_site):
    assert client.get("/admin/").status_code == 302
    client.login(username="admin@example.org", password="connective-admin")
    assert client.get("/admin/").status_code == 200
