"""Shared fixtures, and the rule that a test about a real service never skips.

A test marked `postgres`, `redis` or `search_engine` fails (it does not skip)
when that service is not configured, so a CI run without the service is red.
`tools/test.sh` deselects those tests in the embedded pass, after they ran in
the full-stack pass.
"""

import pytest
from django.conf import settings


def _service_problem(marker: str) -> str | None:
    if (
        marker == "postgres"
        and settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    ):
        return "needs PostgreSQL: set DATABASE_URL=postgres://... (make services)"
    if marker == "redis" and not settings.REDIS_URL:
        return "needs Redis: set REDIS_URL=redis://... (make services)"
    if marker == "search_engine" and settings.SEARCH_ENGINE not in ("opensearch", "elasticsearch"):
        return "needs a search engine: set SEARCH_ENGINE=opensearch and SEARCH_URL (make services)"
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in ("postgres", "redis", "search_engine"):
        if item.get_closest_marker(marker):
            problem = _service_problem(marker)
            if problem:
                pytest.fail(f"{item.nodeid} {problem}", pytrace=False)


@pytest.fixture
def user_factory(django_user_model):
    from allauth.account.models import EmailAddress

    counter = iter(range(1, 10_000))

    def make(email: str | None = None, password: str = "a-long-test-password", **extra):
        email = email or f"member{next(counter)}@example.org"
        user = django_user_model.objects.create_user(
            username=email, email=email, password=password, **extra
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, seeded once per module and rolled back after it.

    Each test still runs in its own savepoint inside, so what a test changes is
    undone. Not for modules with transactional tests.
    """
    from django.db import transaction

    from demo.seed import seed_demo

    with django_db_blocker.unblock(), transaction.atomic():
        yield seed_demo()
        transaction.set_rollback(True)


@pytest.fixture(scope="session", autouse=True)
def _end_stray_connections(request):
    """Connections left open in threads the run does not own (consumers under Channels'
    communicator, executor threads) would keep PostgreSQL from dropping the test
    database at the end of the run; they are ended first."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        yield
        return
    request.getfixturevalue("django_db_setup")  # so this is torn down before it
    yield
    from django.db import connection

    with request.getfixturevalue("django_db_blocker").unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            # Only the run's own connections: a server process such as autovacuum
            # belongs to the superuser, and ending it is refused.
            " AND backend_type = 'client backend' AND usename = current_user"
        )
