"""One journey per role, walked as its people walk it: by clicks from the page where
they would start (no typed URL after the first), with axe, a check that nothing
sticks out sideways and a screenshot at 375 and 1280 px on every page (`look`).

`make screenshots` runs these journeys and writes the gallery (var/screenshots/).
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from demo.calls import APPLICANTS, CLOSED_PROPOSALS
from demo.pages import PRACTICES, PROCESSES
from tests.browser.conftest import format_violations
from tests.browser.steps import link_in, log_in, mail_to, main_nav

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
    page.get_by_role("main").get_by_role(
        "combobox", name="Search practices, learning processes and outcomes"
    ).fill("waste pickers")
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

    # Picking a language sends the form by itself (the button is there for keyboards
    # and for pages without JavaScript).
    page.get_by_label("Language").select_option("de")
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


def test_participant(browser, page, page_problems, demo_site, axe, look, tmp_path):
    """A practitioner continues the exchange after the event: from "My spaces" to the
    space's threads, a follow-up with an attachment that mentions the host through the
    completion menu; the host hears of it at once (e-mail and the unread badge), opens
    it and replies; the participant is told, and finds the e-mail settings."""
    page.goto(demo_site.url + "/")
    log_in(page, demo_site.accounts["participant"])
    main_nav(page).get_by_role("link", name="My spaces").click()
    look(page, "My spaces")
    page.get_by_role("main").get_by_role("link", name="Threads").first.click()
    expect(page.get_by_role("heading", name="Follow-up exchange", level=1)).to_be_visible()
    look(page, "Threads of a space")
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

    look(page, "A new thread")
    # A mention is e-mailed at once (the digest is for everything else).
    (mentioned,) = mail_to(demo_site.accounts["host"]["email"], containing="Cool roofs")
    assert link_in(mentioned, "/spaces/").startswith(demo_site.url)

    # The host, in a browser of their own.
    host_context = browser.new_context(locale="en-US", viewport={"width": 375, "height": 740})
    host_page = host_context.new_page()
    host_page.on("pageerror", lambda error: page_problems.page_errors.append(str(error)))
    try:
        host_page.goto(demo_site.url + "/")
        log_in(host_page, demo_site.accounts["host"])
        nav = main_nav(host_page)
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
    main_nav(page).get_by_role("link", name=re.compile(r"^Notifications")).click()
    expect(
        page.get_by_role("link", name=re.compile("mentioned you: Cool roofs on our schools"))
    ).to_be_visible()
    look(page, "Notifications")
    main_nav(page).get_by_role("link", name="Account").click()
    page.get_by_role("main").get_by_role("link", name="E-mail notifications").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    look(page, "E-mail notification settings")


def test_host(page, demo_site, look):
    """A host looks after the members of a space: from the learning process's members
    area to the members page. The demo host facilitates "Climate-resilient public
    spaces": he may not change a facilitator's role nor make anyone one, and the space's
    one host keeps the role; a mistyped invitation is kept with its error, then sent."""
    page.goto(demo_site.url + "/")
    log_in(page, demo_site.accounts["host"])
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Learning processes").click()
    page.get_by_role("main").get_by_role("link", name="Climate-resilient public spaces").click()
    look(page, "Learning process, as its facilitator")
    area = page.get_by_role("region", name="Members area")
    area.get_by_role("link", name="All members, invitations and requests").click()
    expect(page.get_by_role("heading", name="Members", level=1)).to_be_visible()
    look(page, "Members of a space")

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


WAITING = next(p for p in CLOSED_PROPOSALS if "decision" not in p)
REASON = "Ranked first: a clear municipal task, with partners in Zambia and Ghana."


def applicant_email(data: dict) -> str:
    return APPLICANTS[data["applicant"]][0]


def test_staff(page, look, demo_site, browser):
    """Connective Cities staff review a closed call in the Wagtail admin by clicks alone:
    from the listing to a proposal, score it, decide, publish the call's decisions; only
    then do the applicants hear of them, once each, and the call page list the selected
    topic.

    axe runs on each admin page's `main` (our columns, forms and notes), not on Wagtail's
    own markup around it, where it finds what is Wagtail's to fix: the sidebar's two
    search landmarks share a name (landmark-unique); after a filtered listing, its "There
    are 3 matches" is an `<h2 role="alert">` (aria-allowed-role) and the success message,
    while it slides in, fails colour contrast. So the listing after publishing is checked
    on its table. The public call page is checked whole.
    """
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
