import pytest

from tests.servers import daphne_server


@pytest.fixture
def asgi_server(settings):
    """A real daphne process serving the project, sharing the test database and Redis."""
    with daphne_server() as address:
        yield address
