"""The network map in a real Chromium, at 375 and 1280 px: on the home page and on a
learning process page, nothing sideways, no axe violation in the map, its markers
clickable (a marker opens its process, or the processes of its country when it has
several), and its list opens without JavaScript. axe runs where JavaScript does (it
needs it); the map is drawn on the server, so its markup is the same either way."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import format_violations, horizontal_overflow

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]

WIDTHS = {"phone": {"width": 375, "height": 800}, "wide": {"width": 1280, "height": 800}}
PROCESS = "/learning-processes/climate-resilient-public-spaces/"


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def sized_page(request, browser):
    cache.clear()  # the network is read from this test's database, not an earlier one's
    context = browser.new_context(locale="en-US", viewport=WIDTHS[request.param])
    yield context.new_page()
    context.close()


def test_home_page_map_fits_passes_axe_and_its_markers_open_their_process(
    sized_page, demo_site, axe
):
    page = sized_page
    page.goto(demo_site.url + "/")
    figure = page.locator("figure.network-map")
    figure.scroll_into_view_if_needed()
    assert horizontal_overflow(page) == []
    violations = axe(page, "figure.network-map")
    assert violations == [], format_violations(violations)
    assert figure.locator("a.network-map-marker").count() >= 20

    # A marker of one process opens it ...
    figure.get_by_role("link", name="Belo Horizonte, Brazil").click()
    expect(page.locator("h1")).to_have_text("Climate-resilient public spaces")
    # ... one whose places take part in several opens the processes of its country.
    page.go_back()
    figure.get_by_role("link", name="Kisumu, Nairobi, Kenya").click()
    expect(page).to_have_url(re.compile(r"/learning-processes/\?country=KE$"))
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Climate-resilient public spaces")).to_be_visible()
    expect(main.get_by_role("link", name="Municipal support for green start-ups")).to_be_visible()


def test_map_list_opens_without_javascript(browser, demo_site):
    cache.clear()
    context = browser.new_context(
        locale="en-US", viewport=WIDTHS["phone"], java_script_enabled=False
    )
    page = context.new_page()
    page.goto(demo_site.url + "/")
    figure = page.locator("figure.network-map")
    expect(figure.locator(".network-map-list li", has_text="Kisumu")).to_be_hidden()
    figure.get_by_text("places on the map as a list").click()
    kisumu = figure.locator(".network-map-list li", has_text="Kisumu").first
    expect(kisumu).to_be_visible()
    kisumu.get_by_role("link", name="Climate-resilient public spaces").click()
    expect(page.locator("h1")).to_have_text("Climate-resilient public spaces")
    context.close()


def test_process_page_map_shows_its_places_and_links_them_to_their_country(
    sized_page, demo_site, axe
):
    page = sized_page
    page.goto(demo_site.url + PROCESS)
    figure = page.locator("figure.network-map")
    figure.scroll_into_view_if_needed()
    assert horizontal_overflow(page) == []
    violations = axe(page, "figure.network-map")
    assert violations == [], format_violations(violations)
    markers = figure.locator("a.network-map-marker")
    assert markers.count() == 5  # Bonn and its four partners

    figure.get_by_role("link", name="Kisumu, Kenya").click()
    assert "country=KE" in page.url
