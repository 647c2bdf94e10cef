"""One journey per role, walked as its people walk it: by clicks from the page where
they would start (no typed URL after the first), with axe, a check that nothing
sticks out sideways and a screenshot at 375 and 1280 px on every page (`look`).

`make screenshots` runs these journeys and writes the gallery (var/screenshots/).
"""

import re

import pytest
from playwright.sync_api import expect

from connective_site.home.demo_data import PRACTICES, PROCESSES
from tests.browser.steps import main_nav

pytestmark = pytest.mark.browser

PROCESS = next(p for p in PROCESSES if p["slug"] == "circular-waste-management")
PRACTICE_TITLES = {p["title"] for p in PRACTICES}
TOPIC_LABEL = "Municipal services"
TOPIC_PRACTICES = {p["title"] for p in PRACTICES if p["topic"] == "municipal-services"}


def test_visitor(page, look, demo_site):
    """A visitor looks for how other cities solved a problem: the practice library and
    its filters, a practice and those like it, search, a learning process, in English
    and in German."""
    page.goto(demo_site.url + "/")
    look(page, "Home")

    main_nav(page).get_by_role("link", name="Practices").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    look(page, "Practice library")

    form = page.locator("form.filter-form")
    form.get_by_label("Topic field").select_option(label=TOPIC_LABEL)
    form.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state("load")
    cards = page.locator("main .cards .card h3")
    shown = set(cards.all_inner_texts())
    assert shown and shown <= TOPIC_PRACTICES, shown - TOPIC_PRACTICES
    look(page, "Practices of one topic field")

    first = sorted(shown)[0]
    page.get_by_role("main").get_by_role("link", name=first, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first)
    look(page, "A practice")

    similar = page.get_by_role("region", name=re.compile("similar", re.I))
    similar_links = similar.get_by_role("link")
    assert similar_links.count() >= 1
    similar_title = similar_links.first.inner_text()
    assert similar_title in PRACTICE_TITLES, similar_title
    similar_links.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(similar_title)

    main_nav(page).get_by_role("link", name="Search").click()
    page.get_by_role("main").get_by_role("searchbox").fill("waste pickers")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    page.wait_for_load_state("load")
    expect(page.locator("#results-heading")).to_contain_text("result")
    look(page, "Search results")

    main_nav(page).get_by_role("link", name="Learning processes").click()
    page.get_by_role("main").get_by_role("link", name=PROCESS["title"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PROCESS["title"])
    members_area = page.get_by_role("region", name="Members area")
    expect(members_area.get_by_role("link", name="Log in to take part")).to_be_visible()
    look(page, "Learning process")

    page.get_by_label("Language").select_option("de")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("banner").get_by_role("link", name="Lernprozesse")).to_be_visible()
    look(page, "Learning process, in German")
