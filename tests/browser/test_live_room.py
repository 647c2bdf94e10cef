"""A live session in two Chromium pages: the demo host facilitates, the demo
participant takes part. Chat (each message with its time), a raised hand called by
the facilitator, a question, a poll, a message pinned through its compact menu and
one removed and put back with the keyboard (Undo), over a real daphne process on the
Redis layer, without a CSP violation; after the facilitator ends the session its
minutes are on its page and in the space's exchange."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import CSP_LISTENER, format_violations
from tests.servers import daphne_server

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.redis]

PARTICIPANT_NAME = "Amina Osei"  # the demo participant's profile
# What the room and the minutes thread load; daphne (DEBUG off) serves static files
# from STATIC_ROOT.
ROOM_ASSETS = (
    "css/site.css",
    "img/favicon.svg",
    "img/logo_mark.svg",
    "js/site.js",
    "live/live.css",
    "live/live.js",
    "exchange/exchange.css",
    "exchange/exchange.js",
)


@pytest.fixture
def room_server(demo_site, tmp_path: Path):
    static_root = tmp_path / "static"
    for asset in ROOM_ASSETS:
        target = static_root / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(finders.find(asset), target)
    with daphne_server({"STATIC_ROOT": str(static_root)}) as server:
        yield f"http://{server}"


def open_as(browser, base_url: str, email: str, problems: list[str]):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    context = browser.new_context(locale="en-US", viewport={"width": 1000, "height": 900})
    context.set_default_timeout(20_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    context.expose_binding(
        "__reportCspViolation", lambda _source, report: problems.append(f"CSP: {report}")
    )
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    return page


def test_facilitator_and_participant_hold_a_session(browser, room_server, axe, look):
    from community.live.models import VirtualSession
    from demo.live import LIVE

    session = VirtualSession.objects.get(title=LIVE)
    url = room_server + session.get_absolute_url()
    problems: list[str] = []
    host = open_as(browser, room_server, "host@example.org", problems)
    participant = open_as(browser, room_server, "participant@example.org", problems)
    for page in (host, participant):
        page.goto(url)
        expect(page.locator("#live-status")).to_have_text("Connected: live")
    presence = host.locator("#live-presence")
    expect(presence).to_contain_text(PARTICIPANT_NAME)

    # Chat.
    message_box = participant.get_by_role("textbox", name="Message", exact=True)
    message_box.fill("Greetings from Kumasi, can you hear us?")
    participant.get_by_role("button", name="Send").click()
    expect(host.locator("#live-chat")).to_contain_text("Greetings from Kumasi, can you hear us?")
    # Each message says when it was written, in the reader's zone (the zone is named once).
    for page in (host, participant):
        said = page.locator("#live-chat li", has_text="Greetings from Kumasi")
        expect(said.locator("time")).to_have_text(re.compile(r"^\d\d:\d\d$"))
        expect(said.locator("time")).to_have_attribute("datetime", re.compile(r"Z$"))
    expect(host.locator(".live-zone-note")).to_have_text(re.compile(r"^Times in CES?T$"))
    expect(participant.locator(".live-zone-note")).to_have_text("Times in GMT")  # Accra

    # A raised hand, called by the facilitator.
    participant.get_by_role("button", name="Raise hand").click()
    expect(host.locator("#live-hands")).to_contain_text(PARTICIPANT_NAME)
    expect(participant.get_by_role("button", name="Lower hand")).to_be_visible()
    host.get_by_role("button", name="Call the next person").click()
    expect(participant.locator("#live-notice")).to_contain_text("your turn")
    expect(host.locator("#live-hands li")).to_have_count(0)

    # A poll: opened by the facilitator, answered by the participant, results live.
    host.get_by_label("Poll question").fill("Which service goes first?")
    host.get_by_label("Options, one per line").fill("Birth certificates\nWaste fees")
    host.get_by_role("button", name="Open the poll").click()
    participant.get_by_label("Waste fees · 0 (0%)").check()
    participant.get_by_role("button", name="Vote").click()
    expect(host.locator("#live-polls")).to_contain_text("Waste fees · 1 (100%)")
    expect(participant.get_by_role("button", name="Vote")).to_have_count(0)

    # The participant sees no facilitator controls; the page passes axe.
    expect(participant.get_by_role("button", name="Call the next person")).to_be_hidden()
    expect(participant.get_by_role("button", name="End the session")).to_be_hidden()
    expect(participant.locator("#live-chat .live-menu")).to_have_count(0)
    violations = axe(participant)
    assert violations == [], format_violations(violations)

    # A question, answered; the greeting pinned.
    participant.get_by_label("Your question").fill("Who pays for the shade trees?")
    participant.get_by_role("button", name="Ask").click()
    question = host.locator("#live-questions li", has_text="Who pays for the shade trees?")
    question.get_by_role("button", name="Mark answered").click()
    expect(
        participant.locator("#live-questions li", has_text="Who pays for the shade trees?")
    ).to_contain_text("answered")
    # Facilitator tools sit in one small menu per message.
    greeting = host.locator("#live-chat li", has_text="Greetings from Kumasi")
    expect(greeting.get_by_role("button", name="Pin")).to_be_hidden()
    greeting.locator("summary").click()
    greeting.get_by_role("button", name="Pin").click()
    expect(participant.locator("#live-pinned")).to_contain_text("Greetings from Kumasi")

    # A message removed by mistake, put back with the keyboard alone.
    message_box.fill("Our budget sheet: see the shared folder")
    participant.get_by_role("button", name="Send").click()
    sheet = host.locator("#live-chat li", has_text="Our budget sheet")
    menu = sheet.locator("summary")
    expect(menu).to_have_text(re.compile(f"Actions for the message of {PARTICIPANT_NAME}"))
    menu.focus()
    host.keyboard.press("Enter")
    look(host, "live room, a message's menu open")
    host.keyboard.press("Tab")
    host.keyboard.press("Tab")
    expect(sheet.get_by_role("button", name="Remove")).to_be_focused()
    host.keyboard.press("Enter")
    expect(participant.locator("#live-chat")).not_to_contain_text("Our budget sheet")
    undo = host.get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    expect(host.get_by_role("status").filter(has_text="removed for everyone")).to_have_text(
        f"Message of {PARTICIPANT_NAME} removed for everyone."
    )
    look(host, "live room, undo offered")
    host.keyboard.press("Enter")
    expect(participant.locator("#live-chat li", has_text="Our budget sheet")).to_have_count(1)
    expect(host.get_by_role("status").filter(has_text="back")).to_have_text(
        "The message is back in the chat."
    )
    expect(sheet.locator("summary")).to_be_focused()  # where the keyboard was
    look(participant, "live room, participant")

    # The facilitator ends the session; both rooms say so, and the minutes follow.
    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="End the session").click()
    for page in (host, participant):
        expect(page.locator("#live-notice")).to_contain_text("The session has ended")
        expect(page.get_by_role("button", name="Send")).to_be_hidden()
    participant.reload()
    minutes = participant.locator("#minutes")
    expect(minutes).to_contain_text("2 people took part")
    expect(minutes).to_contain_text(PARTICIPANT_NAME)
    expect(minutes).to_contain_text("Greetings from Kumasi, can you hear us?")
    expect(minutes).to_contain_text("Who pays for the shade trees?")
    expect(minutes).to_contain_text("answered")
    expect(minutes).to_contain_text("Which service goes first?")
    minutes.get_by_role("link", name="Discuss the minutes in the exchange").click()
    expect(participant.locator("main")).to_contain_text("Who pays for the shade trees?")
    assert problems == [], "\n".join(problems)
