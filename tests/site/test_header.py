"""The site's header: our own logo, the main navigation behind a "Menu" disclosure that
works without JavaScript, and the language switcher in the header (no longer in the
footer), posting to set_language with the page to come back to."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def header_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_header_carries_the_logo_and_the_site_name_as_the_home_link():
    soup = header_of(Client().get("/accounts/login/"))
    brand = soup.select_one("header .brand")
    assert brand["href"] == "/"
    assert brand.get_text(strip=True) == "Connective Cities"
    # A static file, not inline SVG: no page of ours carries <svg> where people's
    # text could put one (tests/exchange/test_xss.py); the name says it all, so alt="".
    mark = brand.select_one("img.brand-mark")
    assert mark is not None and mark["alt"] == "" and mark["src"].endswith(".svg")
    assert soup.select_one('link[rel="icon"]')["href"].endswith(".svg")


def test_main_navigation_sits_in_a_menu_disclosure_that_needs_no_script():
    soup = header_of(Client().get("/accounts/login/"))
    menu = soup.select_one("header details.site-menu")
    assert menu is not None and not menu.has_attr("open")
    assert menu.select_one("summary").get_text(strip=True) == "Menu"
    nav = menu.select_one('nav[aria-label="Main"]')
    links = [a.get_text(strip=True) for a in nav.select("a")]
    assert links == [
        "Learning processes",
        "Practices",
        "Calls",
        "Search",
        "Members",
        "Log in",
        "Sign up",
    ]
    # The enhancement is an external file: the policy forbids inline scripts.
    scripts = soup.select("script")
    assert scripts and all(script.get("src") for script in scripts)


def test_language_switcher_is_in_the_header_and_keeps_the_page():
    soup = header_of(Client().get("/members/?country=KE"))
    form = soup.select_one("header form.header-language")
    assert form["action"] == reverse("set_language") and form["method"] == "post"
    assert form.select_one('input[name="next"]')["value"] == "/members/?country=KE"
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is not None
    options = {o["value"]: o.get_text(strip=True) for o in form.select("select option")}
    assert options == {"en": "English", "de": "Deutsch"}
    assert form.select_one("label").get_text(strip=True) == "Language"
    assert soup.select_one("footer form") is None


def test_switching_language_from_the_header_returns_to_the_same_page():
    client = Client()
    response = client.post(
        reverse("set_language"), {"language": "de", "next": "/accounts/login/?next=/account/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/account/"
    soup = header_of(client.get(response["Location"]))
    assert soup.html["lang"] == "de"
    assert soup.select_one("header form.header-language label").get_text(strip=True) == "Sprache"
    assert soup.select_one('header select option[value="de"]').has_attr("selected")


def test_signed_in_header_keeps_the_exchange_links_with_the_unread_count(user_factory):
    client = Client()
    client.force_login(user_factory())
    soup = header_of(client.get("/account/"))
    account_links = [a.get_text(" ", strip=True) for a in soup.select("header .nav-account a")]
    assert account_links == ["My spaces", "What's new", "Notifications", "Account", "Log out"]
    assert soup.select_one("header a.notifications-link") is not None
