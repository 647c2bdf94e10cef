"""One refusal family, answered once: an uncaught `Refusal` becomes a page with its
message and status (JSON for clients asking for JSON only, the 403 page for refusals
of access), and the live room answers any refusal with one error event."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from community.exchange.actions import ExchangeDenied
from community.live.protocol import ProtocolError, error_event
from community.members.actions import CommunityError
from connective_site.middleware import RefusalMiddleware
from learning_processes.refusals import Refusal


def _answer(exception: Exception, **headers):
    request = RequestFactory().get("/somewhere/", **headers)
    request.user = AnonymousUser()
    return RefusalMiddleware(lambda request: None).process_exception(request, exception)


def test_every_apps_refusal_is_one_family():
    assert issubclass(CommunityError, Refusal)
    assert issubclass(ProtocolError, Refusal)
    assert issubclass(ExchangeDenied, Refusal)


@pytest.mark.django_db
def test_an_uncaught_refusal_is_a_page_with_its_message_and_status():
    response = _answer(CommunityError("This request has already been decided.", "decided"))
    assert response.status_code == 400
    assert "This request has already been decided." in response.content.decode()


def test_a_client_asking_for_json_gets_the_code_and_message():
    response = _answer(Refusal("Too late.", "deadline", status=409), HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert json.loads(response.content) == {"code": "deadline", "message": "Too late."}


@pytest.mark.django_db
def test_a_refusal_of_access_is_the_403_page():
    response = _answer(ExchangeDenied("You may not do this here."))
    assert response.status_code == 403
    assert "You may not open this page" in response.content.decode()


def test_other_exceptions_are_left_to_django():
    assert _answer(ValueError("no")) is None


def test_the_live_room_answers_any_refusal_with_one_error_event():
    assert error_event(CommunityError("Not now.", "busy"), "r1") == {
        "type": "error",
        "code": "busy",
        "message": "Not now.",
        "ref": "r1",
    }
    refused = ProtocolError("rate_limited", "Slow down.", retry_after=1.234, field="text")
    assert error_event(refused) == {
        "type": "error",
        "code": "rate_limited",
        "message": "Slow down.",
        "field": "text",
        "retry_after": 1.2,
    }
