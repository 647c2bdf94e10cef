"""Logging in and signing up through django-allauth's forms in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import format_violations
from tests.browser.steps import link_in, mail_to, main_nav

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]

PASSWORD = "a-long-test-password-1"


def test_participant_logs_in_through_the_form(page, page_problems, demo_site):
    participant = demo_site.accounts["participant"]
    page.goto(demo_site.url + "/accounts/login/")
    expect(main_nav(page).get_by_role("link", name="Log in")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")

    page.get_by_label("Email").fill(participant["email"])
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill(participant["password"])
    page.get_by_role("main").get_by_role("button", name="Log in").click()

    expect(main_nav(page).get_by_role("link", name="Log out")).to_be_visible()
    expect(main_nav(page).get_by_role("link", name="Log in")).to_have_count(0)
    assert page.url.rstrip("/") == demo_site.url.rstrip("/"), f"landed on {page.url}"
    assert page_problems.all() == [], "\n".join(page_problems.all())


def test_signup_with_mismatched_passwords_shows_error_and_keeps_what_was_typed(
    page, page_problems, demo_site
):
    email = "new.member@example.org"
    page.goto(demo_site.url + "/accounts/signup/")

    page.get_by_label("Name").fill("Neema Mollel")
    page.get_by_label("Email").fill(email)
    # allauth's labels read "Password" and "Password (again)".
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill("a-long-test-password-1")
    page.get_by_label(re.compile(r"^password \(again\):?$", re.I)).fill("a-different-password-2")
    page.get_by_role("main").get_by_role("button", name=re.compile(r"^sign up$", re.I)).click()

    page.wait_for_load_state("load")
    assert page.url.endswith("/accounts/signup/"), f"a failed sign-up stays on the form: {page.url}"
    expect(page.get_by_text(re.compile(r"same password", re.I))).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value(email)
    expect(page.get_by_label("Name")).to_have_value("Neema Mollel")
    assert page_problems.all() == [], "\n".join(page_problems.all())

    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email=email).exists()


@pytest.mark.parametrize("width", [375, 1280])
def test_new_member_signs_up_with_a_name_and_finds_the_account_page(browser, demo_site, axe, width):
    """Sign-up -> the link in the e-mail -> the account page -> the profile, with clicks
    only after the first page; every page in the site's layout and free of axe
    violations."""
    email = f"lerato.{width}@example.org"
    context = browser.new_context(locale="en-US", viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(demo_site.url + "/")
        main_nav(page).get_by_role("link", name="Sign up").click()
        main = page.get_by_role("main")
        expect(main.get_by_text("Sign in")).to_have_count(0)
        main.get_by_label("Name").fill("Lerato Mokoena")
        main.get_by_label("Email").fill(email)
        main.get_by_label(re.compile(r"^password:?$", re.I)).fill(PASSWORD)
        main.get_by_label(re.compile(r"^password \(again\):?$", re.I)).fill(PASSWORD)
        assert axe(page) == [], format_violations(axe(page))
        main.get_by_role("button", name="Sign up").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Verify your e-mail address")

        (message,) = mail_to(email, containing="/accounts/confirm-email/")
        assert message.body.startswith("Hello Lerato Mokoena,")
        page.goto(link_in(message, "/accounts/confirm-email/"))
        expect(page.get_by_role("main")).to_contain_text("Lerato Mokoena")
        page.get_by_role("main").get_by_role("button", name="Yes, confirm").click()
        expect(page.get_by_text("You are logged in as Lerato Mokoena.")).to_be_visible()

        main_nav(page).get_by_role("link", name="Account", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Account")
        expect(main).to_contain_text("Lerato Mokoena")
        expect(main).to_contain_text(email)
        menu = page.get_by_role("navigation", name="Account")
        for name in ("My spaces", "My proposals", "Password", "Two-factor authentication"):
            expect(menu.get_by_role("link", name=name)).to_be_visible()
        violations = axe(page)
        assert violations == [], format_violations(violations)
        assert page.evaluate("document.documentElement.scrollWidth") <= width

        main.get_by_role("link", name="Edit my profile").click()
        expect(page.get_by_label("Display name")).to_have_value("Lerato Mokoena")
        menu.get_by_role("link", name="My spaces").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("My spaces")
        main_nav(page).get_by_role("link", name="Log out").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Log out")
    finally:
        context.close()
