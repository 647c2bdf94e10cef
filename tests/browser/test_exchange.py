"""The follow-up exchange in a real Chromium: the demo participant posts a follow-up
with an attachment and mentions the host through the completion menu; the host sees
the unread badge, opens the notification and replies; the participant is told.
Fails on any console error, uncaught exception or CSP violation, and on axe-core
violations of the thread page."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from community.exchange.demo import DEMO_SPACE
from learning_processes.models import LearningProcessPage
from tests.browser.conftest import format_violations

pytestmark = pytest.mark.browser


def log_in(page, url, account):
    page.goto(url + "/accounts/login/")
    page.get_by_label("Email").fill(account["email"])
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill(account["password"])
    page.get_by_role("main").get_by_role(
        "button", name=re.compile(r"^(sign|log) in$", re.I)
    ).click()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Log out")
    ).to_be_visible()


def test_participant_posts_with_attachment_host_is_notified_and_replies(
    browser, page, page_problems, demo_site, axe, tmp_path
):
    space = LearningProcessPage.objects.get(slug=DEMO_SPACE)
    threads_url = f"{demo_site.url}/spaces/{space.pk}/threads/"
    log_in(page, demo_site.url, demo_site.accounts["participant"])

    page.goto(threads_url)
    expect(page.get_by_role("heading", name="Follow-up exchange", level=1)).to_be_visible()
    page.get_by_role("link", name="Post a follow-up").click()
    page.get_by_label("Title").fill("Cool roofs on our schools")
    body = page.get_by_label("Your follow-up")
    body.fill("We painted three school roofs white. ")
    body.press_sequentially("@jon")
    menu = page.get_by_role("listbox", name="Members")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("option").first).to_contain_text("Jonas Beispiel (@jonas-beispiel)")
    body.press("Enter")
    body.press_sequentially("what did Leipzig measure?")
    expect(body).to_have_value(
        "We painted three school roofs white. @jonas-beispiel what did Leipzig measure?"
    )
    page.get_by_label("Tags").fill("cool roofs, schools")
    report = tmp_path / "roof-temperatures.csv"
    report.write_text("school,before,after\nNorth,61,38\n", encoding="utf-8")
    page.get_by_label("Attachments").set_input_files(str(report))
    page.get_by_role("button", name="Post", exact=True).click()

    expect(page.get_by_role("heading", name="Cool roofs on our schools", level=1)).to_be_visible()
    opening = page.locator(".post-opening")
    expect(opening.locator(".mention")).to_have_text("@jonas-beispiel")
    download_link = opening.get_by_role("link", name="roof-temperatures.csv")
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename == "roof-temperatures.csv"
    assert Path(download.path()).read_text(encoding="utf-8").startswith("school,before,after")

    violations = axe(page)
    assert violations == [], format_violations(violations)

    # The host, in a browser of their own.
    host_context = browser.new_context(locale="en-US", viewport={"width": 375, "height": 740})
    host_page = host_context.new_page()
    host_page.on("pageerror", lambda error: page_problems.page_errors.append(str(error)))
    try:
        log_in(host_page, demo_site.url, demo_site.accounts["host"])
        nav = host_page.get_by_role("navigation", name="Main")
        badge = nav.get_by_role("link", name=re.compile(r"^Notifications \d+ unread$"))
        expect(badge).to_be_visible()
        badge.click()
        host_page.get_by_role(
            "link", name=re.compile("mentioned you: Cool roofs on our schools")
        ).click()
        expect(host_page.get_by_role("heading", name="Cool roofs on our schools")).to_be_visible()
        host_page.get_by_label("Your reply").fill(
            "Surface temperatures, before and after. @amina-osei"
        )
        host_page.get_by_role("button", name="Post reply").click()
        expect(host_page.get_by_text("Your reply is posted.")).to_be_visible()
        expect(host_page.locator(".thread-replies .post")).to_have_count(1)
        width = host_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"thread page is {width}px wide on a phone"
    finally:
        host_context.close()

    # The participant hears of the reply (as a mention, which wins over "replied").
    page.goto(demo_site.url + "/notifications/")
    expect(
        page.get_by_role("link", name=re.compile("mentioned you: Cool roofs on our schools"))
    ).to_be_visible()
    assert page_problems.all() == [], "\n".join(page_problems.all())
