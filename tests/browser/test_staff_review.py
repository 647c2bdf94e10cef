"""Staff review a closed call in the Wagtail admin by clicks alone: from the listing to a
proposal, score it, decide, publish the call's decisions; only then do the applicants
hear of them, once each, and the call page list the selected topic.

axe runs on each admin page's `main` (our columns, forms and notes), not on Wagtail's own
markup around it, where it finds what is Wagtail's to fix: the sidebar's two search
landmarks share a name (landmark-unique); after a filtered listing, its "There are 3
matches" is an `<h2 role="alert">` (aria-allowed-role) and the success message, while it
slides in, fails colour contrast. So the listing after publishing is checked on its table.
The public call page is checked whole.
"""

import re

import pytest
from playwright.sync_api import expect

from learning_processes.demo_calls import APPLICANTS, CLOSED_PROPOSALS
from tests.browser.steps import mail_to, main_nav

pytestmark = pytest.mark.browser

WAITING = next(p for p in CLOSED_PROPOSALS if "decision" not in p)
REASON = "Ranked first: a clear municipal task, with partners in Zambia and Ghana."


def applicant_email(data: dict) -> str:
    return APPLICANTS[data["applicant"]][0]


def test_staff_score_decide_and_publish_a_closed_call(page, look, demo_site, browser):
    from django.core import mail

    from learning_processes.models import CallPage

    _past, call, _open = CallPage.objects.order_by("year")  # the demo's closed call
    assert not call.is_open() and not call.decisions_published
    staff = demo_site.accounts["staff"]

    page.goto(demo_site.url + "/admin/")
    page.get_by_label("Username").fill(staff["email"])
    page.get_by_label("Password").fill(staff["password"])
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Topic proposals"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Topic proposals")
    look(page, "Topic proposals", axe_context="main")

    # Each row links to its proposal and offers Score and Decide in its "More" menu.
    row = page.get_by_role("row", name=re.compile(re.escape(WAITING["title"])))
    row.get_by_role("button", name=re.compile("More options")).click()
    menu_items = row.get_by_role("link")
    expect(menu_items.filter(has_text="Score")).to_be_visible()
    expect(menu_items.filter(has_text="Decide")).to_be_visible()
    page.keyboard.press("Escape")
    row.get_by_role("link", name=WAITING["title"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(WAITING["title"])
    expect(page.locator("[data-publication-note]")).to_contain_text("not published yet")
    look(page, "A proposal", axe_context="main")

    page.get_by_role("main").get_by_role("link", name="Score", exact=True).click()
    look(page, "Scoring a proposal", axe_context="main")
    for fieldset in page.locator("main fieldset").all():
        fieldset.get_by_role("radio", name="3", exact=True).check()
        expect(fieldset.get_by_role("radio", name="3", exact=True)).to_be_checked()
    page.get_by_role("button", name="Save scores").click()
    expect(page.get_by_text(re.compile("Your scores for .* are saved"))).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("21.0 / 21")

    page.get_by_role("main").get_by_role("link", name="Decide", exact=True).click()
    look(page, "Deciding on a proposal", axe_context="main")
    page.get_by_role("radio", name="Selected", exact=True).check()
    page.get_by_label("Reason").fill(REASON)
    expect(page.get_by_role("radio", name="Selected", exact=True)).to_be_checked()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text(re.compile("The applicant is told when the decisions"))).to_be_visible()
    assert not [m for m in mail.outbox if "Decision on your proposal" in m.subject]

    # Publishing is a header button on the listing; a confirmation says who is told.
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Topic proposals"
    ).click()
    expect(page.get_by_role("row", name=re.compile(WAITING["title"]))).to_contain_text(
        "Selected (not published)"
    )
    page.get_by_role("link", name="Publish decisions").click()
    expect(page.get_by_role("main")).to_contain_text(
        f"{len(CLOSED_PROPOSALS)} applicants will be told by e-mail"
    )
    look(page, "Publishing the decisions", axe_context="main")
    page.get_by_role("button", name="Publish decisions and notify the applicants").click()
    expect(
        page.get_by_text(re.compile("The decisions on the .* call are published"))
    ).to_be_visible()
    expect(page.get_by_role("link", name="Publish decisions")).to_have_count(0)
    look(page, "Decisions published", axe_context="main table.listing")

    for data in CLOSED_PROPOSALS:
        (told,) = mail_to(applicant_email(data), containing=data["title"])
        assert told.body.count("Decision:") == 1
    (selected,) = mail_to(applicant_email(WAITING), containing=REASON)
    assert "You are its host" in selected.body
    assert f"{demo_site.url}/proposals/" in selected.body

    # A visitor now finds the selected topic on the call's page.
    visitor = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 800})
    try:
        public = visitor.new_page()
        public.goto(demo_site.url + "/")
        main_nav(public).get_by_role("link", name="Calls").click()
        public.get_by_role("main").get_by_role("link", name=call.title).click()
        selected_topics = public.get_by_role("region", name="Selected topics")
        expect(selected_topics).to_contain_text(WAITING["title"])
        look(public, "The call with its selected topics")
    finally:
        visitor.close()
