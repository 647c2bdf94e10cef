"""The follow-up exchange in a real Chromium: the demo participant posts a follow-up
with an attachment and mentions the host through the completion menu; the post shows
the host by name, linked to the profile, and its time with its zone; the host sees
the unread badge, opens the notification and replies; the participant is told. On the
members page a host keeps a mistyped invitation and is offered only the role changes
they may make. Fails on any console error, uncaught exception or CSP violation, and
on axe-core violations."""

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
    # The mention names the host as people know him, linked to his profile.
    expect(opening.locator(".mention")).to_have_text("@Jonas Beispiel")
    expect(opening.get_by_role("link", name="@Jonas Beispiel")).to_have_attribute(
        "href", re.compile(r"^/members/\d+/$")
    )
    # The time says its zone: the participant's profile is in Accra (GMT).
    posted = opening.locator(".post-meta time")
    expect(posted).to_have_text(re.compile(r", \d{2}:\d{2} GMT$"))
    expect(posted).to_have_attribute("datetime", re.compile(r"^\d{4}-\d\d-\d\dT[\d:]+Z$"))
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
        # The host lives in Berlin: his page says CET (or CEST in summer).
        expect(host_page.locator(".thread-replies .post-meta time")).to_have_text(
            re.compile(r"\d{2}:\d{2} CES?T$")
        )
        width = host_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"thread page is {width}px wide on a phone"
        violations = axe(host_page)
        assert violations == [], format_violations(violations)
        host_page.locator(".thread-replies").get_by_role("link", name="@Amina Osei").click()
        expect(host_page.get_by_role("heading", name="Amina Osei", level=1)).to_be_visible()
    finally:
        host_context.close()

    # The participant hears of the reply (as a mention, which wins over "replied").
    page.goto(demo_site.url + "/notifications/")
    expect(
        page.get_by_role("link", name=re.compile("mentioned you: Cool roofs on our schools"))
    ).to_be_visible()
    assert page_problems.all() == [], "\n".join(page_problems.all())


def test_host_keeps_a_mistyped_invitation_and_is_offered_only_the_role_changes_allowed(
    page, page_problems, demo_site, look
):
    """The demo host facilitates "Climate-resilient public spaces": he may not change a
    facilitator's role nor make anyone one; the space's one host keeps the role."""
    log_in(page, demo_site.url, demo_site.accounts["host"])
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Learning processes").click()
    page.get_by_role("main").get_by_role("link", name="Climate-resilient public spaces").click()
    area = page.get_by_role("region", name="Members area")
    area.get_by_role("link", name="All members, invitations and requests").click()
    expect(page.get_by_role("heading", name="Members", level=1)).to_be_visible()

    table = page.locator(".members-table")
    staff_row = table.get_by_role("row", name=re.compile("Clara Brandt"))
    expect(staff_row.get_by_role("combobox")).to_have_count(0)
    expect(staff_row).to_contain_text("Only Connective Cities staff can change this role.")
    host_row = table.get_by_role("row", name=re.compile("Lukas Hartmann"))
    expect(host_row).to_contain_text("Last host: make another member host first.")
    role = table.get_by_role("combobox", name="Role of Ana Ribeiro")
    expect(role).to_have_value("participant")
    options = role.locator("option").all_text_contents()
    assert options == ["Participant", "Host", "Observer"], options
    role.select_option("observer")
    table.get_by_role("row", name=re.compile("Ana Ribeiro")).get_by_role(
        "button", name="Change"
    ).click()
    expect(page.get_by_text("The role was changed.")).to_be_visible()
    expect(table.get_by_role("combobox", name="Role of Ana Ribeiro")).to_have_value("observer")

    # A mistyped address is kept, with the error beside it and the cursor in it.
    page.get_by_label("E-mail address").fill("kofi.mensah@kumasi")
    page.get_by_label("Role", exact=True).select_option("observer")
    page.get_by_role("button", name="Send invitation").click()
    address = page.get_by_label("E-mail address")
    expect(address).to_have_value("kofi.mensah@kumasi")
    expect(address).to_be_focused()
    expect(address).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_email_error")).to_contain_text("valid email address")
    expect(page.get_by_label("Role", exact=True)).to_have_value("observer")
    invite_options = page.get_by_label("Role", exact=True).locator("option").all_text_contents()
    assert "Facilitator" not in invite_options
    look(page, "members page, invitation refused")
    address.fill("kofi.mensah@kumasi.gov.gh")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to kofi.mensah@kumasi.gov.gh.")).to_be_visible()
    expect(page.get_by_label("E-mail address")).to_have_value("")
    look(page, "members page, invitation sent")
