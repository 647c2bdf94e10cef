"""A host invites a new participant by e-mail; the invitee signs up, verifies the
address and lands in the space, in a real Chromium."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import format_violations

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]

INVITEE = "ines.invited@example.org"
PASSWORD = "compost-in-kumasi-2026"


def link_in(body: str, path: str) -> str:
    match = re.search(rf"(https?://[^\s]+{path}[^\s]+)", body)
    assert match, body
    return match.group(1)


def test_host_invites_a_participant_who_signs_up_and_lands_in_the_space(
    page, browser, page_problems, demo_site, axe
):
    host = demo_site.accounts["host"]
    page.goto(demo_site.url + "/accounts/login/")
    page.get_by_label("Email").fill(host["email"])
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill(host["password"])
    page.get_by_role("main").get_by_role(
        "button", name=re.compile(r"^(sign|log) in$", re.I)
    ).click()
    expect(page.get_by_role("link", name="Log out")).to_be_visible()

    page.goto(demo_site.url + "/learning-processes/circular-waste-management/")
    area = page.get_by_role("region", name="Members area")
    expect(area.get_by_text("You take part as Host")).to_be_visible()
    area.get_by_role("link", name="All members, invitations and requests").click()
    violations = axe(page)
    assert violations == [], format_violations(violations)
    page.get_by_label("E-mail address").fill(INVITEE)
    page.get_by_label("Role", exact=True).select_option("participant")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"Invitation sent to {INVITEE}")).to_be_visible()

    invitation = [message for message in mail.outbox if message.to == [INVITEE]]
    assert len(invitation) == 1
    invitation_url = link_in(invitation[0].body, "/invitations/")

    # The invitee, in a browser of their own.
    context = browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    invitee = context.new_page()
    try:
        invitee.goto(invitation_url)
        expect(invitee.get_by_role("heading", level=1)).to_contain_text(
            "Circular municipal waste management"
        )
        invitee.get_by_role("main").get_by_role("link", name="Sign up").click()
        invitee.get_by_label("Name").fill("Kofi Mensah")
        invitee.get_by_label("Email").fill(INVITEE)
        invitee.get_by_label(re.compile(r"^password:?$", re.I)).fill(PASSWORD)
        invitee.get_by_label(re.compile(r"^password \(again\):?$", re.I)).fill(PASSWORD)
        invitee.get_by_role("main").get_by_role(
            "button", name=re.compile(r"^sign up$", re.I)
        ).click()
        expect(invitee.get_by_role("heading", level=1)).to_contain_text(re.compile("verify", re.I))

        verification = [m for m in mail.outbox if m.to == [INVITEE] and m is not invitation[0]]
        assert verification, "a verification e-mail was sent"
        invitee.goto(link_in(verification[-1].body, "/accounts/confirm-email/"))
        invitee.get_by_role("main").get_by_role("button", name="Confirm").click()

        # Verified and signed in, the invitee is back at the invitation.
        invitee.get_by_role("button", name="Accept the invitation").click()
        expect(invitee.get_by_text(re.compile("Welcome to Circular municipal"))).to_be_visible()
        area = invitee.get_by_role("region", name="Members area")
        expect(area.get_by_text("You take part as Participant")).to_be_visible()
        expect(area.get_by_text("Jonas Beispiel")).to_be_visible()
        assert invitee.url.rstrip("/").endswith("/learning-processes/circular-waste-management")
    finally:
        context.close()
    assert page_problems.all() == [], "\n".join(page_problems.all())

    from community.models import Membership

    membership = Membership.objects.get(user__email=INVITEE)
    assert (membership.space.slug, membership.role) == ("circular-waste-management", "participant")
    assert membership.user.profile.display_name == "Kofi Mensah"


def test_directory_finds_peers_by_expertise_and_country_on_a_phone(
    browser, page_problems, demo_site, axe
):
    context = browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        participant = demo_site.accounts["participant"]
        phone.goto(demo_site.url + "/accounts/login/")
        phone.get_by_label("Email").fill(participant["email"])
        phone.get_by_label(re.compile(r"^password:?$", re.I)).fill(participant["password"])
        phone.get_by_role("main").get_by_role(
            "button", name=re.compile(r"^(sign|log) in$", re.I)
        ).click()
        phone.goto(demo_site.url + "/members/")
        phone.get_by_role("textbox", name="Expertise").fill("urban heat")
        phone.get_by_role("combobox", name="Country").select_option(label="India")
        phone.get_by_role("button", name="Search").click()
        results = phone.locator(".member-card")
        expect(results).to_have_count(1)
        expect(results.first).to_contain_text("Priya Shah")
        violations = axe(phone)
        assert violations == [], format_violations(violations)
        # No sideways scrolling on a phone.
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

        phone.goto(demo_site.url + "/members/profile/")
        violations = axe(phone)
        assert violations == [], format_violations(violations)
    finally:
        context.close()
