"""The home page in a browser, as a visitor and as a participant, on a phone and a
desk: the way in works (search, topic fields), nothing scrolls sideways, axe finds
nothing."""

import pytest

from tests.browser.conftest import format_violations
from tests.browser.steps import log_in

pytestmark = pytest.mark.browser

WIDTHS = [pytest.param(375, id="phone"), pytest.param(1280, id="desk")]


@pytest.mark.parametrize("width", WIDTHS)
def test_home_page_is_accessible_and_fits_the_screen(page, page_problems, axe, demo_site, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(demo_site.url + "/", wait_until="load")
    assert page.get_by_role("search").is_visible()
    assert page.locator(".home-topic").count() == 4
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = axe(page)
    assert violations == [], format_violations(violations)
    assert page_problems.all() == []


def test_a_topic_field_leads_to_its_practices(page, demo_site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_site.url + "/", wait_until="load")
    page.locator(".home-topic h3 a").first.click()
    page.wait_for_url("**/practices/?topic=*")
    assert page.locator(".card").count() > 0


def test_the_search_box_searches(page, demo_site):
    page.goto(demo_site.url + "/", wait_until="load")
    page.locator("#id_q").fill("waste")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=waste")


@pytest.mark.parametrize("width", WIDTHS)
def test_participant_sees_the_home_page_without_violations(page, axe, demo_site, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(demo_site.url + "/", wait_until="load")
    if width < 600:
        page.set_viewport_size({"width": 1280, "height": 800})  # the menu inline to log in
    log_in(page, demo_site.accounts["participant"])
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(demo_site.url + "/", wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = axe(page)
    assert violations == [], format_violations(violations)
