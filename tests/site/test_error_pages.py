"""Error pages: in the site's layout and the visitor's language, never Django's bare
defaults; the 500 page renders without the database."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, override_settings
from django.urls import path
from django.utils import translation
from django.views.defaults import bad_request

from connective_site.views import permission_denied


def _boom(request):
    raise RuntimeError("deliberate failure for the 500 page")


urlpatterns = [path("boom/", _boom)]
handler500 = "connective_site.views.server_error"


@pytest.mark.django_db
def test_unknown_page_is_a_404_in_the_site_layout():
    response = Client().get("/no-such-page-here/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We cannot find this page" in body
    assert 'class="site-header"' in body
    assert 'role="search"' in body


@pytest.mark.django_db
def test_404_speaks_the_visitors_language():
    response = Client(headers={"accept-language": "de"}).get("/no-such-page-here/")
    assert response.status_code == 404
    assert '<html lang="de">' in response.content.decode()
    assert "Wir finden diese Seite nicht" in response.content.decode()


@pytest.mark.django_db
def test_refusal_is_a_403_in_the_site_layout(user_factory):
    request = RequestFactory().get("/somewhere/")
    request.user = user_factory()
    with translation.override("en"):
        response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    body = response.content.decode()
    assert "You may not open this page" in body
    assert 'class="site-header"' in body


@pytest.mark.django_db(databases=[])
def test_500_page_renders_without_database_or_request():
    with translation.override("en"):
        html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert 'href="/"' in html


@pytest.mark.django_db(databases=[])
def test_500_page_in_german():
    with translation.override("de"):
        html = render_to_string("500.html")
    assert '<html lang="de">' in html
    assert "Etwas ist auf unserer Seite schiefgegangen" in html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_unhandled_error_answers_the_500_page():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    # The reference a person can quote is the id the error was logged with.
    assert response["X-Request-ID"] in body


@pytest.mark.django_db
def test_bad_request_page():
    with translation.override("en"):
        response = bad_request(RequestFactory().get("/"), SuspiciousOperation())
    assert response.status_code == 400
    assert "This request could not be understood" in response.content.decode()


@pytest.mark.django_db
@override_settings(CSRF_FAILURE_VIEW="django.views.csrf.csrf_failure")
def test_stale_form_gets_the_expired_form_page(user_factory):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_factory())
    response = client.post("/members/profile/", {"display_name": "x"})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert "Nothing was saved" in response.content.decode()


@pytest.fixture
def space(demo_site):
    from learning_processes.models import LearningProcessPage

    return LearningProcessPage.objects.live().get(title="Climate-resilient public spaces")


@pytest.mark.django_db
def test_members_only_part_of_a_space_says_what_the_space_is_and_offers_to_join(
    space, user_factory
):
    client = Client()
    client.force_login(user_factory())
    response = client.get(f"/spaces/{space.pk}/sessions/")
    assert response.status_code == 403
    body = response.content.decode()
    assert f"This part of “{space.title}” is for its members" in body
    assert f'action="/spaces/{space.pk}/members/join/"' in body
    assert "Ask to join" in body


@pytest.mark.django_db
def test_a_participant_refused_a_hosts_task_is_not_offered_to_join(space):
    from community.models import Membership, SpaceRole

    participant = Membership.objects.filter(space_id=space.pk, role=SpaceRole.PARTICIPANT).first()
    client = Client()
    client.force_login(participant.user)
    response = client.get(f"/spaces/{space.pk}/sessions/new/")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Only the hosts and facilitators" in body
    assert "Ask to join" not in body
