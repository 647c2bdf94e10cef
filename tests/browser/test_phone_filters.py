"""Search and the two listings on a phone: the results come first, the filters sit
behind a "Filter (n)" control that opens without JavaScript and stay a panel on wide
screens, active filters are chips above the results, nothing scrolls sideways at
320 px, and the type-ahead is a combobox whose list fits the screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import format_violations, horizontal_overflow
from tests.browser.test_journeys import (
    REGION_LABEL,
    REGION_VALUE,
    SEARCH_TERM,
    TOPIC_LABEL,
    TOPIC_SLUG,
    assert_no_problems,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}
NARROW = {"width": 320, "height": 700}
WIDE = {"width": 1280, "height": 800}

SEARCH = f"/search/?q={SEARCH_TERM}"
# The search's topic-field facet filters by the field's name, the listing by its slug.
SEARCH_FILTERED = f"{SEARCH}&topic_field={TOPIC_LABEL.replace(' ', '+')}&region={REGION_VALUE}"
PRACTICES_FILTERED = f"/practices/?topic={TOPIC_SLUG}&region={REGION_VALUE}"
FIRST_RESULT = {"search": "ol.hits > li.hit", "listing": "ul.cards > li"}

PAGES = [
    pytest.param(SEARCH, "search", 0, id="search"),
    pytest.param(SEARCH_FILTERED, "search", 2, id="search-filtered"),
    pytest.param("/practices/", "listing", 0, id="practices"),
    pytest.param(PRACTICES_FILTERED, "listing", 2, id="practices-filtered"),
    pytest.param("/learning-processes/", "listing", 0, id="learning-processes"),
    pytest.param("/learning-processes/?region=global_south", "listing", 1, id="processes-filtered"),
]


def first_result_top(page, kind: str) -> float:
    first = page.locator(FIRST_RESULT[kind]).first
    expect(first).to_be_visible()
    return first.bounding_box()["y"]


def filter_option(page, kind: str):
    """Something inside the filter panel that a person would use first."""
    if kind == "search":
        return page.locator("aside.facets details.facet").first.get_by_role("link").first
    return page.locator("form.filter-form select").first


@pytest.mark.parametrize(("path", "kind", "active"), PAGES)
def test_first_result_is_inside_the_first_screen_of_a_phone(
    page, page_problems, search_index, path, kind, active
):
    page.set_viewport_size(PHONE)
    page.goto(search_index.url + path, wait_until="load")
    top = first_result_top(page, kind)
    assert top < PHONE["height"], f"the first result of {path} starts {top:.0f} px down"
    # The filters wait behind their control, which comes before the results.
    toggle = page.locator("summary.filter-toggle")
    expect(toggle).to_be_visible()
    assert toggle.bounding_box()["y"] < top
    expect(filter_option(page, kind)).to_be_hidden()
    assert_no_problems(page_problems, f"on {path}")


@pytest.mark.parametrize(("path", "kind", "active"), PAGES)
def test_filter_control_shows_the_active_count_and_opens_without_javascript(
    browser, search_index, path, kind, active
):
    context = browser.new_context(locale="en-US", viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(search_index.url + path, wait_until="load")
        toggle = page.locator("summary.filter-toggle")
        if active:
            expect(toggle).to_have_text(re.compile(rf"^\s*Filter \({active}\b"))
            # Every active filter is a chip above the results, removable in one click.
            chips = page.locator(".active-filters a.chip")
            expect(chips).to_have_count(active)
            assert chips.first.bounding_box()["y"] < first_result_top(page, kind)
        else:
            expect(toggle).to_have_text(re.compile(r"^\s*Filter\s*$"))
            expect(page.locator(".active-filters")).to_have_count(0)
        option = filter_option(page, kind)
        expect(option).to_be_hidden()
        toggle.click()
        expect(option).to_be_visible()
        expect(page.locator("details.filter-panel")).to_have_attribute("open", "")

        # On a wide screen the filters are shown without a click, and the control is not.
        page.set_viewport_size(WIDE)
        page.reload(wait_until="load")
        expect(toggle).to_be_hidden()
        expect(filter_option(page, kind)).to_be_visible()
        if kind == "search":
            # A sidebar: the facets beside the results, not above them.
            facets = page.locator("aside.facets").bounding_box()
            results = page.locator("section.results").bounding_box()
            assert facets["x"] + facets["width"] <= results["x"]
            assert abs(facets["y"] - results["y"]) < 50
    finally:
        context.close()


def test_a_chip_removes_its_filter_on_a_phone(page, page_problems, search_index):
    page.set_viewport_size(PHONE)
    page.goto(search_index.url + SEARCH_FILTERED, wait_until="load")
    page.get_by_role("link", name=f"Remove filter Region: {REGION_LABEL}").click()
    page.wait_for_load_state("load")
    expect(page.locator("summary.filter-toggle")).to_have_text(re.compile(r"^\s*Filter \(1\b"))
    expect(page.locator(".active-filters a.chip")).to_have_count(1)
    assert f"region={REGION_VALUE}" not in page.url
    assert_no_problems(page_problems, "removing a chip")


@pytest.mark.parametrize(
    "path",
    [
        *[pytest.param(p.values[0], id=p.id) for p in PAGES],
        pytest.param("/search/", id="search-start"),
        # A query of one long word, kept in the box and echoed on the page.
        pytest.param("/search/?q=" + "Abfallwirtschaftskonzept" * 8, id="long-word"),
    ],
)
def test_nothing_scrolls_sideways_at_320_px(page, page_problems, search_index, path):
    page.set_viewport_size(NARROW)
    page.goto(search_index.url + path, wait_until="load")
    assert horizontal_overflow(page) == [], f"{path} is wider than 320 px"
    toggle = page.locator("summary.filter-toggle")
    if toggle.count():
        toggle.click()
        assert horizontal_overflow(page) == [], f"{path} with the filters open"
    assert_no_problems(page_problems, f"on {path}")


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["375", "1280"])
@pytest.mark.parametrize(("path", "kind", "active"), PAGES)
def test_filter_panels_have_no_axe_violations(
    page, page_problems, axe, search_index, path, kind, active, viewport
):
    page.set_viewport_size(viewport)
    page.goto(search_index.url + path, wait_until="load")
    states = ["as loaded"]
    violations = axe(page)
    toggle = page.locator("summary.filter-toggle")
    if toggle.is_visible():
        toggle.click()
        states.append("opened")
        violations += axe(page)
    assert violations == [], f"axe on {path} at {viewport['width']} px ({states}):\n" + (
        format_violations(violations)
    )
    assert_no_problems(page_problems, f"on {path}")


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["375", "1280"])
def test_type_ahead_is_a_combobox_that_fits_the_screen(
    page, page_problems, axe, search_index, viewport
):
    page.set_viewport_size(viewport)
    page.goto(search_index.url + "/search/", wait_until="load")
    box = page.get_by_role("combobox", name="Search practices, learning processes and outcomes")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("was", delay=50)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    options = listbox.get_by_role("option")
    assert options.count() > 0
    edges = listbox.bounding_box()
    assert edges["x"] >= 0 and edges["x"] + edges["width"] <= viewport["width"]
    assert horizontal_overflow(page) == []

    # The arrow keys choose an option without leaving the box.
    box.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(box).to_be_focused()
    violations = axe(page)
    assert violations == [], format_violations(violations)

    # Escape closes the list; the arrow key opens it again; Enter opens the chosen page.
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    title = first.inner_text().strip()
    with page.expect_navigation():
        box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_no_problems(page_problems, "using the type-ahead")
