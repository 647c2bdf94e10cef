"""A new user proposes a topic to the open demo call in a real Chromium: signs up,
confirms the address, starts a proposal, saves a draft, leaves (the draft autosaves on
the way out), returns, is told what is missing, completes it and submits it.

Every step also fails on a console error, an uncaught exception or a CSP violation.
"""

import re
import time

import pytest
from django.core import mail
from playwright.sync_api import expect

from learning_processes.calls.models import ProposalStatus
from learning_processes.models import CallPage, SustainableDevelopmentGoal, TopicProposal
from tests.browser.conftest import format_violations

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]

EMAIL = "katrin.vogel@example.org"
PASSWORD = "a-long-browser-password-2026"


def assert_no_problems(page_problems, where: str) -> None:
    assert page_problems.all() == [], f"problems {where}:\n" + "\n".join(page_problems.all())


def sign_up_and_confirm(page, base_url: str) -> None:
    page.goto(base_url + "/accounts/signup/")
    page.get_by_label("Name").fill("Katrin Vogel")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill(PASSWORD)
    page.get_by_label(re.compile(r"^password \(again\):?$", re.I)).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=re.compile(r"^sign up$", re.I)).click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    link = None
    for _ in range(50):  # the confirmation mail leaves through the outbox task
        bodies = [m.body for m in mail.outbox if EMAIL in m.to]
        found = [re.search(r"(/accounts/confirm-email/[^\s]+)", body) for body in bodies]
        link = next((match.group(1) for match in found if match), None)
        if link:
            break
        time.sleep(0.1)
    assert link, "no confirmation mail"
    page.goto(base_url + link)
    page.get_by_role("main").get_by_role("button", name=re.compile("confirm", re.I)).click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log out"))


def assert_accessible(axe, page, where: str) -> None:
    violations = axe(page)
    assert violations == [], f"axe on {where}:\n" + format_violations(violations)


def wait_for(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_new_user_drafts_leaves_returns_and_submits_a_proposal(
    page, page_problems, demo_site, settings, axe
):
    settings.PROPOSAL_AUTOSAVE_SECONDS = 5
    call = next(c for c in CallPage.objects.order_by("-year") if c.is_open())
    sign_up_and_confirm(page, demo_site.url)

    # From the site's navigation to the open call, and into a new proposal.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Calls").click()
    page.get_by_role("link", name=call.title).click()
    expect(page.get_by_text("Open", exact=True)).to_be_visible()
    expect(page.locator("[data-part=seconds]")).to_be_visible()
    assert_accessible(axe, page, "the call page")
    page.get_by_role("button", name="Start a proposal").click()
    page.wait_for_url(re.compile(r"/proposals/\d+/edit/$"))
    assert_accessible(axe, page, "the empty proposal form")
    proposal = TopicProposal.objects.get(applicant__email=EMAIL)

    # A first draft; the counter follows what is typed.
    page.fill("#id_organisation", "City of Jena")
    page.select_option("#id_organisation_type", "city")
    page.fill("#id_city", "Jena")
    page.fill("#id_title", "Cooling schools in summer")
    background = "Classrooms reach 35 °C in June.\nWe need cheap fixes."
    page.fill("#id_topic_background", background)
    expect(page.locator("[data-budget-used]")).to_have_text(str(len(background)))
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"Draft saved at \d\d:\d\d"))).to_be_visible()
    proposal.refresh_from_db()
    assert (proposal.title, proposal.city) == ("Cooling schools in summer", "Jena")
    assert proposal.topic_background == background.replace("\n", "\r\n")
    assert_no_problems(page_problems, "saving the draft")

    # Typing and leaving the page: the draft is saved on the way out.
    page.fill("#id_title", "Cooling schools and kindergartens in summer")
    page.get_by_role("link", name="My proposals").first.click()
    assert wait_for(
        lambda: (
            TopicProposal.objects.get(pk=proposal.pk).title
            == "Cooling schools and kindergartens in summer"
        )
    ), "the draft was not saved when the page was left"

    # Back to the draft from "My proposals": everything is still there.
    page.reload()
    row = page.get_by_role("row", name=re.compile("Cooling schools and kindergartens"))
    expect(row.get_by_text("Draft")).to_be_visible()
    row.get_by_role("link", name="Cooling schools and kindergartens in summer").click()
    expect(page.locator("#id_title")).to_have_value("Cooling schools and kindergartens in summer")
    expect(page.locator("#id_topic_background")).to_have_value(background)

    # Completed, but with a single partner: refused with a clear message, nothing lost.
    page.fill("#id_contact_name", "Katrin Vogel")
    page.fill("#id_contact_email", EMAIL)
    page.fill("#id_learning_and_contribution", "How partners keep classrooms cool; our data.")
    page.fill("#id_knowledge_transfer", "School facility managers work on real buildings.")
    page.select_option("#id_topic_field", label="Integrated urban development")
    goal = SustainableDevelopmentGoal.objects.get(number=11)
    page.check(f"input[name=sdgs][value='{goal.pk}']")
    page.fill("#id_partners-0-name", "Kumasi")
    page.select_option("#id_partners-0-country", "GH")
    page.check("#id_confirms_backing")
    page.check("#id_confirms_follow_up")
    page.get_by_role("button", name="Submit proposal").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("at least two countries other than Germany")
    expect(page.locator("#id_partners-0-name")).to_have_value("Kumasi")
    assert_accessible(axe, page, "the form with its error messages")
    expect(page.locator("#id_knowledge_transfer")).to_have_value(
        "School facility managers work on real buildings."
    )

    page.fill("#id_partners-1-name", "Pune")
    page.select_option("#id_partners-1-country", "IN")
    page.get_by_role("button", name="Submit proposal").click()
    page.wait_for_url(re.compile(rf"/proposals/{proposal.pk}/$"))
    expect(page.get_by_text(re.compile("Your proposal is submitted"))).to_be_visible()
    expect(page.get_by_role("heading", name="Cooling schools and kindergartens in summer"))
    assert_accessible(axe, page, "the print view")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert [(p.name, p.country.code) for p in proposal.partners.all()] == [
        ("Kumasi", "GH"),
        ("Pune", "IN"),
    ]

    page.get_by_role("link", name="My proposals").click()
    expect(page.get_by_role("row", name=re.compile("Cooling schools")).get_by_text("Submitted"))
    assert_accessible(axe, page, "My proposals")
    assert_no_problems(page_problems, "on the way to a submitted proposal")


def test_proposal_form_works_on_a_phone(page, page_problems, demo_site):
    from django.contrib.auth import get_user_model

    participant = get_user_model().objects.get(username="participant@example.org")
    draft = TopicProposal.objects.create(
        call=next(c for c in CallPage.objects.order_by("-year") if c.is_open()),
        applicant=participant,
        title="A phone-sized draft",
    )
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(demo_site.url + "/accounts/login/")
    page.get_by_label("Email").fill("participant@example.org")
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill("connective-demo")
    sign_in = re.compile(r"^(sign|log) in$", re.I)
    page.get_by_role("main").get_by_role("button", name=sign_in).click()
    page.goto(f"{demo_site.url}/proposals/{draft.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("A phone-sized draft")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the form is {width}px wide on a 375px phone"
    assert_no_problems(page_problems, "on a phone")
