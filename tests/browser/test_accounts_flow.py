"""Logging in and signing up through django-allauth's forms in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def test_participant_logs_in_through_the_form(page, page_problems, demo_site):
    participant = demo_site.accounts["participant"]
    page.goto(demo_site.url + "/accounts/login/")
    expect(main_nav(page).get_by_role("link", name="Log in")).to_be_visible()

    page.get_by_label("Email").fill(participant["email"])
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill(participant["password"])
    sign_in = re.compile(r"^(sign|log) in$", re.I)
    page.get_by_role("main").get_by_role("button", name=sign_in).click()

    expect(main_nav(page).get_by_role("link", name="Log out")).to_be_visible()
    expect(main_nav(page).get_by_role("link", name="Log in")).to_have_count(0)
    assert page.url.rstrip("/") == demo_site.url.rstrip("/"), f"landed on {page.url}"
    assert page_problems.all() == [], "\n".join(page_problems.all())


def test_signup_with_mismatched_passwords_shows_error_and_keeps_email(
    page, page_problems, demo_site
):
    email = "new.member@example.org"
    page.goto(demo_site.url + "/accounts/signup/")

    page.get_by_label("Email").fill(email)
    # allauth's labels read "Password:" and "Password (again):".
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill("a-long-test-password-1")
    page.get_by_label(re.compile(r"^password \(again\):?$", re.I)).fill("a-different-password-2")
    page.get_by_role("main").get_by_role("button", name=re.compile(r"^sign up$", re.I)).click()

    page.wait_for_load_state("load")
    assert page.url.endswith("/accounts/signup/"), f"a failed sign-up stays on the form: {page.url}"
    expect(page.get_by_text(re.compile(r"same password", re.I))).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value(email)
    assert page_problems.all() == [], "\n".join(page_problems.all())

    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email=email).exists()
