"""A path that climbs out of /static/ or /media/ answers 400 or 404 in every mode, never
a 500 and never the file: WhiteNoise with DEBUG off (production, the test settings),
WhiteNoise reading the finders with DEBUG on, the development URLconf's media route, and
development's `runserver`, which leaves static files to WhiteNoise."""

import importlib.util
from pathlib import Path

import pytest
from channels.testing import HttpCommunicator
from django.conf import settings
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
from django.core.asgi import get_asgi_application
from django.core.management import get_commands, load_command_class
from django.test import Client, override_settings
from django.urls import clear_url_caches

from connective_site.settings import base as base_settings

pytestmark = pytest.mark.django_db

# From STATICFILES_DIRS (site/connective_site/static) or MEDIA_ROOT (var/media), the
# project's files are one to four levels up; settings/base.py is one level up from static.
TARGETS = ["manage.py", "settings/base.py", "connective_site/settings/base.py", "pyproject.toml"]
CLIMBS = ["..{sep}" * depth + "{target}" for depth in (1, 2, 3, 4)]
SEPARATORS = ["/", "%2F", "%2f", "%5c", "\\"]
DOTS = ["..", "%2e%2e", ".%2e"]


def traversal_paths() -> list[str]:
    paths = []
    for prefix in ("/static/", "/media/", "/static/css/"):
        for target in TARGETS:
            for climb in CLIMBS:
                for sep in SEPARATORS:
                    for dots in DOTS:
                        path = climb.format(sep=sep, target=target).replace("..", dots)
                        paths.append(prefix + path)
    # An absolute path after the prefix, and a NUL byte.
    paths += ["/static//etc/passwd", "/static/%2fetc%2fpasswd", "/media/%2fetc%2fpasswd"]
    paths += ["/static/%00", "/static/..%00/manage.py", "/media/%00"]
    return paths


PATHS = traversal_paths()


def _openings() -> list[bytes]:
    """The first bytes of each file a traversal aims at (a debug page may name
    settings, but never holds these)."""
    repo = Path(settings.BASE_DIR)
    files = [repo / "manage.py", repo / "pyproject.toml", Path(base_settings.__file__)]
    return [file.read_bytes()[:200] for file in files] + [b"root:x:0:0"]


SECRETS = _openings()


def assert_refused(path: str, status: int, body: bytes) -> None:
    assert status in (400, 404), (path, status)
    assert not any(secret in body for secret in SECRETS), path


def test_the_targets_exist_so_a_leak_would_show():
    repo = Path(settings.BASE_DIR)
    assert (repo / "manage.py").exists()
    assert (repo / "pyproject.toml").exists()
    assert (Path(settings.STATICFILES_DIRS[0]).parent / "settings" / "base.py").exists()


def test_traversal_is_refused_with_debug_off():
    client = Client(raise_request_exception=False)
    for path in PATHS:
        response = client.get(path)
        assert_refused(path, response.status_code, response.content)


@override_settings(DEBUG=True)
def test_traversal_is_refused_with_debug_on_where_whitenoise_reads_the_finders():
    client = Client(raise_request_exception=False)  # a new handler: WhiteNoise in DEBUG mode
    assert client.get("/static/css/site.css").status_code == 200
    for path in PATHS:
        response = client.get(path)
        assert_refused(path, response.status_code, response.content)


@pytest.fixture
def media_root(tmp_path):
    """The project's URLconf as `make run` loads it (DEBUG on adds the media route),
    serving a media folder next to a file that must stay out of reach."""
    (tmp_path / "beside-media.txt").write_text("not a media file")
    media = tmp_path / "media"
    media.mkdir()
    (media / "photo.txt").write_text("a media file")
    with override_settings(DEBUG=True, MEDIA_ROOT=media):
        spec = importlib.util.find_spec("connective_site.urls")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        with override_settings(ROOT_URLCONF=module):
            clear_url_caches()
            yield media
    clear_url_caches()


def test_traversal_is_refused_by_the_development_media_route(media_root):
    client = Client(raise_request_exception=False)
    assert client.get("/media/photo.txt").status_code == 200
    for path in [*PATHS, "/media/..%2Fbeside-media.txt", "/media/../beside-media.txt"]:
        response = client.get(path)
        assert_refused(path, response.status_code, response.content)
        assert b"not a media file" not in response.content


async def asgi_get(app, path: str) -> tuple[int, bytes]:
    """One GET through an ASGI application; the path arrives decoded, as servers pass it."""
    communicator = HttpCommunicator(app, "GET", path)
    await communicator.send_input({"type": "http.request", "body": b""})
    start = await communicator.receive_output(timeout=10)
    body = b""
    while True:
        chunk = await communicator.receive_output(timeout=10)
        body += chunk.get("body", b"")
        if not chunk.get("more_body", False):
            break
    await communicator.wait()
    return start["status"], body


def test_runserver_leaves_static_files_to_whitenoise():
    """Django's static handler, which `runserver` puts in front of the application
    when DEBUG is on, lets the finders' SuspiciousFileOperation through: a 500 for
    /static/..%2Fmanage.py. WhiteNoise serves static files in development too."""
    app_name = get_commands()["runserver"]
    command = load_command_class(app_name, "runserver")
    options = vars(command.create_parser("manage.py", "runserver").parse_args([]))

    with override_settings(DEBUG=True):
        served = command.get_application(options)

    assert not isinstance(served, ASGIStaticFilesHandler)


# WhiteNoise hands Django a file iterator; under ASGI Django reads it in a thread and says so.
@pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators")
async def test_traversal_is_refused_through_the_asgi_application_with_debug_on():
    with override_settings(DEBUG=True):
        app = get_asgi_application()  # its WhiteNoise reads the finders, as in development
        assert (await asgi_get(app, "/static/css/site.css"))[0] == 200
        for path in PATHS:
            if path.startswith("/static/"):
                assert_refused(path, *await asgi_get(app, path))
