"""The header in a real Chromium: one line and at most 64 px tall on a phone, its menu
opening and closing by click and by keyboard with and without JavaScript, the
navigation inline on a wide screen, the language switcher in the header, nothing
sideways at 320 px, and no axe violations (checked where JavaScript runs: axe needs
it, and the markup is the server's either way)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import format_violations, horizontal_overflow
from tests.browser.steps import log_in

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]

PHONE = {"width": 375, "height": 800}
WIDE = {"width": 1280, "height": 800}


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def context_for(request, browser):
    """`context_for(viewport)`: a fresh page, with JavaScript on or off."""
    contexts = []

    def make(viewport):
        context = browser.new_context(
            locale="en-US", viewport=viewport, java_script_enabled=request.param
        )
        contexts.append(context)
        return context.new_page()

    make.javascript = request.param
    yield make
    for context in contexts:
        context.close()


def menu_button(page):
    """The menu's <summary>: a button to assistive technology, which Playwright's role
    queries do not map."""
    return page.locator("header details > summary", has_text="Menu")


def practices_link(page):
    return page.get_by_role("navigation", name="Main").get_by_role("link", name="Practices")


def test_phone_header_is_one_line_and_its_menu_opens_and_closes(context_for, demo_site, axe):
    page = context_for(PHONE)
    page.goto(demo_site.url + "/practices/")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 64, f"the header is {header['height']}px tall at 375px"
    brand = page.locator("header .brand").bounding_box()
    button = menu_button(page)
    box = button.bounding_box()
    assert box["y"] < brand["y"] + brand["height"] and brand["y"] < box["y"] + box["height"]
    expect(practices_link(page)).to_be_hidden()
    # axe needs JavaScript; the markup it checks is the server's either way.
    if context_for.javascript:
        violations = axe(page)
        assert violations == [], format_violations(violations)

    # By click.
    button.click()
    expect(practices_link(page)).to_be_visible()
    expect(page.get_by_label("Language")).to_be_visible()
    if context_for.javascript:
        violations = axe(page)
        assert violations == [], format_violations(violations)
    button.click()
    expect(practices_link(page)).to_be_hidden()

    # By keyboard, from a fresh page: the skip link, the logo, then the menu button.
    page.goto(demo_site.url + "/practices/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(practices_link(page)).to_be_visible()
    page.keyboard.press("Tab")
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Learning processes")
    ).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Space")
    expect(practices_link(page)).to_be_hidden()
    if context_for.javascript:
        page.keyboard.press("Enter")
        expect(practices_link(page)).to_be_visible()
        page.keyboard.press("Escape")
        expect(practices_link(page)).to_be_hidden()
        expect(button).to_be_focused()


def test_wide_header_shows_the_navigation_inline(context_for, demo_site, axe):
    page = context_for(WIDE)
    page.goto(demo_site.url + "/")
    expect(menu_button(page)).to_be_hidden()
    expect(practices_link(page)).to_be_visible()
    expect(page.get_by_label("Language")).to_be_visible()
    practices_link(page).click()
    expect(page).to_have_url(demo_site.url + "/practices/")
    if context_for.javascript:
        violations = axe(page)
        assert violations == [], format_violations(violations)


def test_language_switcher_in_the_header_keeps_the_page(context_for, demo_site):
    page = context_for(PHONE)
    page.goto(demo_site.url + "/practices/?topic=municipal-services")
    menu_button(page).click()
    page.get_by_label("Language").select_option("de")
    if not context_for.javascript:
        page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    assert page.url == demo_site.url + "/practices/?topic=municipal-services"
    page.locator("header details > summary").click()
    expect(page.get_by_label("Sprache")).to_have_value("de")


def thread_and_room_paths() -> list[str]:
    from community.exchange.models import Thread
    from community.live.models import VirtualSession

    thread = Thread.objects.get(title="Welcome to the follow-up exchange")
    room = VirtualSession.objects.filter(space=thread.space).order_by("pk").first()
    return [thread.get_absolute_url(), room.get_absolute_url()]


def test_nothing_scrolls_sideways_at_320_px(page, demo_site, axe):
    log_in_page = "/accounts/login/"
    paths = [
        "/",
        "/practices/",
        "/practices/market-waste-composting-kumasi/",
        "/learning-processes/participatory-budgeting/",
        "/search/?q=waste",
        log_in_page,
        "/accounts/signup/",
    ]
    page.set_viewport_size({"width": 320, "height": 700})
    for path in paths:
        page.goto(demo_site.url + path)
        assert horizontal_overflow(page) == [], f"{path} sticks out at 320px"
        assert page.locator("header.site-header").bounding_box()["height"] <= 64, path
    page.goto(demo_site.url + log_in_page)
    log_in(page, demo_site.accounts["participant"])
    for path in thread_and_room_paths():
        page.goto(demo_site.url + path)
        assert horizontal_overflow(page) == [], f"{path} sticks out at 320px"
        violations = axe(page)
        assert violations == [], f"{path}:\n" + format_violations(violations)
