"""One journey per role, walked as its people walk it: by clicks from the page where
they would start (no typed URL after the first), with axe, a check that nothing
sticks out sideways and a screenshot at 375 and 1280 px on every page (`look`).

`make screenshots` runs these journeys and writes the gallery (var/screenshots/).
"""

import re

import pytest
from playwright.sync_api import expect

from connective_site.home.demo_data import PRACTICES, PROCESSES
from tests.browser.steps import link_in, mail_to, main_nav

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


APPLICANT = {
    "name": "Katrin Vogel",
    "email": "katrin.vogel@jena.example",
    "password": "cool-classrooms-2026",
}


def sign_up(page, look, person: dict[str, str]) -> None:
    """From the header's "Sign up" to a confirmed, signed-in account, through the
    link in the confirmation e-mail."""
    main_nav(page).get_by_role("link", name="Sign up").click()
    main = page.get_by_role("main")
    main.get_by_label(re.compile(r"^(display )?name", re.I)).fill(person["name"])
    main.get_by_label("Email").fill(person["email"])
    main.get_by_label(re.compile(r"^password:?$", re.I)).fill(person["password"])
    main.get_by_label(re.compile(r"^password \(again\):?$", re.I)).fill(person["password"])
    look(page, "Sign up")
    main.get_by_role("button", name=re.compile(r"^sign up$", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("verify", re.I))
    look(page, "Verify your e-mail address")
    (confirmation,) = mail_to(person["email"], containing="/accounts/confirm-email/")
    assert person["name"] in confirmation.body or "Connective Cities" in confirmation.body
    page.goto(link_in(confirmation, "/accounts/confirm-email/"))
    look(page, "Confirm the e-mail address")
    page.get_by_role("main").get_by_role("button", name="Confirm").click()
    expect(main_nav(page).get_by_role("link", name="Log out")).to_be_visible()


def test_applicant(page, look, demo_site):
    """A municipal practitioner signs up, finds the open call, drafts and submits a topic
    proposal, and finds it again under "My proposals"."""
    from learning_processes.models import CallPage

    call = next(c for c in CallPage.objects.order_by("-year") if c.is_open())
    page.goto(demo_site.url + "/")
    sign_up(page, look, APPLICANT)

    main_nav(page).get_by_role("link", name="Calls").click()
    look(page, "Calls")
    page.get_by_role("main").get_by_role("link", name=call.title).click()
    look(page, "The open call")
    page.get_by_role("button", name="Start a proposal").click()
    page.wait_for_url(re.compile(r"/proposals/\d+/edit/$"))
    look(page, "An empty proposal")

    page.fill("#id_organisation", "City of Jena")
    page.select_option("#id_organisation_type", "city")
    page.fill("#id_city", "Jena")
    page.fill("#id_title", "Cooling schools in summer")
    page.fill("#id_topic_background", "Classrooms reach 35 °C in June; we need cheap fixes.")
    page.fill("#id_contact_name", APPLICANT["name"])
    page.fill("#id_contact_email", APPLICANT["email"])
    page.fill("#id_learning_and_contribution", "How partners keep classrooms cool; our data.")
    page.fill("#id_knowledge_transfer", "School facility managers work on real buildings.")
    page.select_option("#id_topic_field", label="Integrated urban development")
    page.get_by_role("checkbox", name=re.compile(r"^SDG 11\b")).check()
    page.fill("#id_partners-0-name", "Kumasi")
    page.select_option("#id_partners-0-country", "GH")
    page.check("#id_confirms_backing")
    page.check("#id_confirms_follow_up")
    page.get_by_role("button", name="Submit proposal").click()
    expect(page.locator("#error-summary")).to_contain_text("at least two countries")
    expect(page.locator("#id_partners-0-name")).to_have_value("Kumasi")
    look(page, "A refused proposal, with what was typed")

    page.fill("#id_partners-1-name", "Pune")
    page.select_option("#id_partners-1-country", "IN")
    page.get_by_role("button", name="Submit proposal").click()
    expect(page.get_by_text(re.compile("Your proposal is submitted"))).to_be_visible()
    look(page, "The submitted proposal")

    main_nav(page).get_by_role("link", name="Account").click()
    look(page, "Account")
    page.get_by_role("main").get_by_role("link", name="My proposals").first.click()
    row = page.get_by_role("row", name=re.compile("Cooling schools"))
    expect(row.get_by_text("Submitted")).to_be_visible()
    look(page, "My proposals")
