"""The Wagtail admin carries the site's name and logo, not Wagtail's."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_admin_login_is_branded_with_the_sites_name_and_logo():
    body = Client().get("/admin/login/").content.decode()
    assert "Sign in to Connective Cities" in body
    assert "<title>Sign in - Connective Cities</title>" in body
    assert 'src="/static/img/logo.svg" alt="Connective Cities"' in body
    assert 'href="/static/img/favicon.svg"' in body
    assert "wagtailadmin/images/favicon.ico" not in body


def test_admin_sidebar_shows_the_sites_logo(user_factory):
    client = Client()
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    body = client.get("/admin/").content.decode()
    assert "<title>Dashboard - Connective Cities</title>" in body
    logo = body.split("data-wagtail-sidebar-branding-logo>", 1)[1].split("</template>", 1)[0]
    assert 'src="/static/img/logo.svg"' in logo
