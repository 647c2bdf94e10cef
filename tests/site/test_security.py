"""Production settings and the headers every response carries."""

import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Only the variables under test reach the process (browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    unwanted = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in unwanted}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="connective_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="connective-cities.example.org",
        SITE_URL="https://connective-cities.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="connective_site.settings.production",
        ALLOWED_HOSTS="connective-cities.example.org",
        SITE_URL="https://connective-cities.example.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="connective_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name" in result.stderr


@pytest.mark.parametrize(
    ("site_url", "message"),
    [
        ("", "SITE_URL must be set"),
        ("http://127.0.0.1:8000", "SITE_URL points to this machine"),
        ("http://localhost:8101", "SITE_URL points to this machine"),
        ("cc.example.org", "SITE_URL must be an http(s) address"),
        ("https://cc.example.org/app", "without a path"),
    ],
)
def test_production_refuses_to_start_without_a_public_site_url(site_url, message):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="connective_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="connective-cities.example.org",
        SITE_URL=site_url,
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_production_runs_on_a_local_site_url_only_when_told_so():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="connective_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="localhost",
        SITE_URL="http://localhost:8000",
        ALLOW_LOCAL_SITE_URL="true",
    )
    assert result.returncode == 0, result.stderr


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/healthz", "/practices/"])
def test_every_response_carries_security_headers(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_pages_travel_compressed_to_browsers_that_accept_it(client, demo_site):
    import gzip

    plain = client.get("/practices/")
    packed = client.get("/practices/", headers={"accept-encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    body = gzip.decompress(packed.content)
    assert b"</html>" in body
    assert len(packed.content) < len(plain.content) / 3
    assert "Content-Security-Policy" in packed  # headers are set as for any page


@pytest.mark.django_db
def test_only_the_wagtail_admin_gets_inline_scripts(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = csp_directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["object-src"] == ["'none'"]


class InlineScriptFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and "src" not in names and names.get("type") != "application/json":
            self._in_inline_script = True
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("inline <style>")
        for name, _ in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name} on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/learning-processes/",
        "/practices/",
    ],
)
def test_public_pages_need_no_inline_scripts_or_styles(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == 200
    finder = InlineScriptFinder()
    finder.feed(response.content.decode())
    assert finder.problems == []


@pytest.mark.django_db
def test_home_page_weighs_under_200_kb(client, demo_site):
    """HTML plus every stylesheet, script and image it links, uncompressed."""
    from django.contrib.staticfiles import finders

    response = client.get("/")
    html = response.content.decode()
    total = len(response.content)
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert any(a.endswith(".css") for a in assets)
    for asset in assets:
        path = finders.find(asset.removeprefix("/static/"))
        assert path, asset
        total += Path(path).stat().st_size
    assert total < 200 * 1024, f"home page weighs {total} bytes"
    assert not re.search(r'(?:href|src)="(?:https?:)?//', html), "no assets from other hosts"


@pytest.mark.django_db
def test_interface_speaks_german_when_asked(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert response["Content-Language"] == "de"
    assert 'lang="de"' in html
    assert "Zum Hauptinhalt springen" in html
    assert "Lernprozesse" in html


@pytest.mark.django_db
def test_language_switch_form_changes_the_interface_language(client, demo_site):
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert "Zum Hauptinhalt springen" in response.content.decode()
