"""Ids in URLs are bounded: a number no database row can have answers 404, never 500.

`<int:...>` let any run of digits reach the views, and the database refused it
(OverflowError on SQLite, "out of range" on PostgreSQL). Every id segment of the
project's URL patterns uses the `id` converter (connective_site/converters.py).
"""

import importlib
from types import ModuleType

import pytest
from django.urls import URLResolver, reverse
from django.urls.exceptions import NoReverseMatch

from connective_site.converters import MAX_DATABASE_ID, DatabaseIdConverter

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
PROJECT_URLCONFS = [
    "connective_site.urls",
    "community.urls",
    "community.exchange.urls",
    "community.live.urls",
    "learning_processes.calls.urls",
    "search.urls",
]


def test_id_converter_accepts_ids_up_to_the_largest_integer_column():
    converter = DatabaseIdConverter()
    assert converter.to_python("1") == 1
    assert converter.to_python(str(MAX_DATABASE_ID)) == MAX_DATABASE_ID
    with pytest.raises(ValueError):
        converter.to_python(str(MAX_DATABASE_ID + 1))


def test_links_to_real_ids_are_built_and_links_beyond_the_bound_are_not():
    assert reverse("exchange:threads", args=[MAX_DATABASE_ID]) == (
        f"/spaces/{MAX_DATABASE_ID}/threads/"
    )
    with pytest.raises(NoReverseMatch):
        reverse("exchange:threads", args=[MAX_DATABASE_ID + 1])


def _routes(patterns: list, module: ModuleType, prefix: str = ""):
    """The routes a URLconf module writes itself, with the lists it includes
    (`space_patterns`), but not the URLconfs of Django, Wagtail or allauth."""
    own_lists = [value for value in vars(module).values() if isinstance(value, list)]
    for entry in patterns:
        route = prefix + str(entry.pattern)
        yield route
        if isinstance(entry, URLResolver) and any(entry.urlconf_module is own for own in own_lists):
            yield from _routes(entry.urlconf_module, module, route)


@pytest.mark.parametrize("name", PROJECT_URLCONFS)
def test_every_id_in_the_project_url_patterns_is_bounded(name):
    module = importlib.import_module(name)
    routes = list(_routes(module.urlpatterns, module))
    assert routes
    assert [route for route in routes if "<int:" in route] == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", f"/spaces/{HUGE}/threads/"),
        ("get", f"/spaces/{HUGE}/members/"),
        ("get", f"/spaces/{HUGE}/sessions/"),
        ("get", f"/members/{HUGE}/"),
        ("get", "/spaces/2147483648/threads/"),
        ("get", "/members/2147483648/"),
        ("post", f"/spaces/{HUGE}/members/join/"),
        ("post", f"/proposals/new/{HUGE}/"),
        ("post", "/proposals/new/2147483648/"),
    ],
)
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "participant"])
def test_an_id_beyond_any_database_row_answers_404(client, user_factory, method, path, signed_in):
    if signed_in:
        client.force_login(user_factory())
    response = getattr(client, method)(path)
    assert response.status_code == 404
