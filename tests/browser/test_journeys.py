"""Visitor journeys through the public site in a real Chromium: from the home page
to a learning process and its outcome, the practice library's filters, search
with highlights and facets, the filter form by keyboard alone, and the listing
and the search page at a phone's width.

Expectations come from the demo data itself (demo.pages and its YAML),
not from the pages under test, so a listing that shows the wrong practices fails.
Every journey also fails on a console error, an uncaught exception or a CSP
violation anywhere along the way.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from demo.pages import PRACTICES, PROCESSES
from learning_processes.countries import is_global_south
from tests.browser.conftest import format_violations

pytestmark = pytest.mark.browser

# A completed process with an outcome and practices linked to it.
PROCESS = next(p for p in PROCESSES if p["slug"] == "participatory-budgeting")
PROCESS_PRACTICES = sorted(p["title"] for p in PRACTICES if p["process"] == PROCESS["slug"])

PRACTICE_TITLES = {p["slug"]: p["title"] for p in PRACTICES}

# The practice filters used below: a topic field and the Global South region.
TOPIC_SLUG, TOPIC_LABEL = "municipal-services", "Municipal services"
REGION_VALUE, REGION_LABEL = "global_south", "Global South"
TOPIC_PRACTICES = {p["title"] for p in PRACTICES if p["topic"] == TOPIC_SLUG}
FILTERED_PRACTICES = {
    p["title"] for p in PRACTICES if p["topic"] == TOPIC_SLUG and is_global_south(p["country"])
}
FILTERED_LISTING = f"/practices/?topic={TOPIC_SLUG}&region={REGION_VALUE}"

SEARCH_TERM = "waste"
SEARCH_BOX = "Search practices, learning processes and outcomes"
PHONE = {"width": 375, "height": 667}


def query_of(url: str) -> dict[str, list[str]]:
    """The URL's query, without the empty values a GET form submits for unset fields."""
    return parse_qs(urlsplit(url).query)


def path_of(url: str) -> str:
    return urlsplit(url).path


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def assert_no_problems(page_problems, where: str) -> None:
    assert page_problems.all() == [], f"problems {where}:\n" + "\n".join(page_problems.all())


def assert_no_horizontal_scroll(page, where: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    if width > viewport:
        # Name the elements that stick out, for the failure message.
        wide = page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
                .slice(0, 8)
                .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
                    + `${el.className && typeof el.className === 'string'
                        ? '.' + el.className.trim().split(/\\s+/).join('.') : ''}`
                    + ` (right edge ${Math.round(el.getBoundingClientRect().right)}px)`)""",
            viewport,
        )
        pytest.fail(
            f"{where} is {width}px wide at a {viewport}px viewport; wider elements: {wide}",
            pytrace=False,
        )


def results_count(page) -> int:
    heading = page.locator("#results-heading").inner_text()
    match = re.match(r"\s*(\d+)\s", heading)
    assert match, f"no count in the results heading {heading!r}"
    return int(match.group(1))


# --- (a) From the home page to an outcome, then the practice library's filters ---------


def test_visitor_follows_a_learning_process_to_its_outcome_and_filters_practices(
    page, page_problems, demo_site
):
    page.goto(demo_site.url + "/")
    main = page.get_by_role("main")

    # Home page -> all learning processes -> the process, by following links.
    main.get_by_role("link", name="All learning processes").click()
    expect(page).to_have_url(re.compile(r"/learning-processes/$"))
    page.get_by_role("main").get_by_role("link", name=PROCESS["title"], exact=True).click()
    expect(page).to_have_url(re.compile(rf"/learning-processes/{PROCESS['slug']}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(PROCESS["title"])

    # Its phase, in the page header.
    phase = page.locator(".detail-header .badge.phase")
    expect(phase).to_have_text("Completed")
    expect(phase).to_have_class(re.compile(r"\bphase-completed\b"))

    # The timeline: from the proposal to the outcome, in date order.
    timeline = page.locator("ol.timeline")
    expect(page.get_by_role("heading", name="Timeline", level=2)).to_be_visible()
    kinds = timeline.locator("li .timeline-kind").all_inner_texts()
    assert kinds[:3] == ["Proposal", "Selection", "Dialogue event"], kinds
    assert kinds.count("Follow-up activity") == len(PROCESS["activities"]), kinds
    assert kinds[-1] == "Outcome", kinds
    dates = timeline.locator("time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert len(dates) == len(kinds), f"every timeline entry is dated: {dates} / {kinds}"
    assert dates == sorted(dates), f"the timeline is not in date order: {dates}"

    # Open the outcome from the timeline.
    outcome_title = f"Outcomes: {PROCESS['title']}"
    timeline.locator("li.timeline-outcome").get_by_role("link", name=outcome_title).click()
    expect(page).to_have_url(re.compile(rf"/learning-processes/{PROCESS['slug']}/outcomes/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(outcome_title)
    expect(page.get_by_role("main").get_by_role("link", name=PROCESS["title"])).to_have_attribute(
        "href", f"/learning-processes/{PROCESS['slug']}/"
    )

    # Its results ...
    results = page.locator("section", has=page.get_by_role("heading", name="Results", exact=True))
    expect(results).to_be_visible()
    first_result = PROCESS["outcome"]["results"][0]
    expect(results).to_contain_text(first_result[:60])

    # ... and the practices linked to it, each a link to its page.
    linked = page.locator(
        "section", has=page.get_by_role("heading", name="Linked practices", exact=True)
    )
    links = linked.get_by_role("link")
    assert sorted(links.all_inner_texts()) == PROCESS_PRACTICES
    for href in links.evaluate_all("as => as.map(a => a.getAttribute('href'))"):
        assert re.fullmatch(r"/practices/[\w-]+/", href), href
    assert_no_problems(page_problems, "from the home page to the outcome")

    # The practice library, filtered with the form: a topic field and a region.
    main_nav(page).get_by_role("link", name="Practices").click()
    expect(page).to_have_url(re.compile(r"/practices/$"))
    assert results_count(page) == len(PRACTICES)
    form = page.locator("form.filter-form")
    form.get_by_label("Topic field").select_option(label=TOPIC_LABEL)
    form.get_by_label("Region").select_option(label=REGION_LABEL)
    form.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state("load")

    query = query_of(page.url)
    assert query.get("topic") == [TOPIC_SLUG] and query.get("region") == [REGION_VALUE], page.url
    # The form shows what is applied.
    expect(form.get_by_label("Topic field")).to_have_value(TOPIC_SLUG)
    expect(form.get_by_label("Region")).to_have_value(REGION_VALUE)
    assert results_count(page) == len(FILTERED_PRACTICES)
    chips = page.locator(".active-filters a.chip")
    expect(chips).to_have_count(2)

    # Every card on every page matches both filters; the pages carry the filters.
    seen: list[str] = []
    visited_pages = 0
    while True:
        visited_pages += 1
        cards = page.locator("ul.cards > li.card")
        assert cards.count() > 0, f"an empty page of results at {page.url}"
        for card in cards.all():
            title = card.get_by_role("heading", level=3).inner_text().strip()
            expect(card.locator(".meta")).to_contain_text(TOPIC_LABEL)
            expect(card.locator(".badge-south")).to_have_text(REGION_LABEL)
            seen.append(title)
        next_link = page.get_by_role("navigation", name="Pages of results").get_by_role(
            "link", name="Next page"
        )
        if next_link.count() == 0:
            break
        next_link.click()
        page.wait_for_load_state("load")
        query = query_of(page.url)
        assert query.get("topic") == [TOPIC_SLUG], f"page {visited_pages + 1} lost the topic"
        assert query.get("region") == [REGION_VALUE], f"page {visited_pages + 1} lost the region"
        assert query.get("page") == [str(visited_pages + 1)], page.url
        expect(form.get_by_label("Topic field")).to_have_value(TOPIC_SLUG)
        expect(form.get_by_label("Region")).to_have_value(REGION_VALUE)
        expect(page.locator(".pagination [aria-current='page']")).to_contain_text(
            str(visited_pages + 1)
        )
        assert results_count(page) == len(FILTERED_PRACTICES)
    assert len(seen) == len(set(seen)), f"a practice was listed twice: {seen}"
    assert set(seen) == FILTERED_PRACTICES
    assert visited_pages > 1, "the demo's filtered listing should span several pages"

    # A chip removes just its filter (and goes back to the first page).
    page.get_by_role("link", name=f"Remove filter Region: {REGION_LABEL}").click()
    page.wait_for_load_state("load")
    query = query_of(page.url)
    assert query == {"topic": [TOPIC_SLUG]}, page.url
    expect(form.get_by_label("Region")).to_have_value("")
    expect(form.get_by_label("Topic field")).to_have_value(TOPIC_SLUG)
    expect(chips).to_have_count(1)
    assert results_count(page) == len(TOPIC_PRACTICES)
    assert_no_problems(page_problems, "in the practice library")


# --- (b) Search: highlights, a facet, and a result's page ------------------------------


def test_visitor_searches_filters_by_region_and_opens_a_practice(page, page_problems, search_index):
    page.goto(search_index.url + "/")
    main_nav(page).get_by_role("link", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/$"))

    main = page.get_by_role("main")
    # The type-ahead makes the search box a combobox.
    main.get_by_role("combobox", name=SEARCH_BOX).fill(SEARCH_TERM)
    main.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_load_state("load")
    assert query_of(page.url) == {"q": [SEARCH_TERM]}, page.url
    expect(page.locator(".message.notice")).to_have_count(0)  # not the reduced search
    total = results_count(page)
    assert total > 0

    # Highlighted matches.
    hits = page.locator("ol.hits > li.hit")
    expect(hits.first).to_be_visible()
    marks = page.locator("ol.hits mark")
    expect(marks.first).to_be_visible()
    # The term itself is marked; an engine may also mark its stems and synonyms.
    marked = [text.lower() for text in marks.all_inner_texts()]
    assert any(SEARCH_TERM in text for text in marked), f"{SEARCH_TERM!r} is not marked: {marked}"

    # The region facet: a link that adds the filter to the URL.
    region_facet = page.locator(
        "details.facet", has=page.get_by_role("heading", name="Region", exact=True)
    )
    if region_facet.get_attribute("open") is None:
        region_facet.locator("summary").click()
    option_item = region_facet.locator(
        "li", has=page.get_by_role("link", name=REGION_LABEL, exact=True)
    )
    option = option_item.get_by_role("link")
    expected = int(option_item.locator(".count").inner_text().strip())
    option.click()
    page.wait_for_load_state("load")
    assert query_of(page.url) == {"q": [SEARCH_TERM], "region": [REGION_VALUE]}, page.url
    assert results_count(page) == expected <= total
    expect(page.get_by_role("link", name=f"Remove filter Region: {REGION_LABEL}")).to_be_visible()
    region_facet = page.locator(
        "details.facet", has=page.get_by_role("heading", name="Region", exact=True)
    )
    expect(region_facet.locator("a[aria-current='true']")).to_have_text(REGION_LABEL)
    expect(page.locator("ol.hits mark").first).to_be_visible()
    # The search box and the hidden field keep the query and the filter for the next search.
    expect(page.get_by_role("combobox", name=SEARCH_BOX)).to_have_value(SEARCH_TERM)
    expect(page.locator("form.search-form input[type=hidden][name=region]")).to_have_value(
        REGION_VALUE
    )

    # Open a practice from the results.
    practice_link = page.locator("ol.hits a[href^='/practices/']").first
    expect(practice_link).to_be_visible()
    shown_title = practice_link.inner_text().strip()
    href = practice_link.get_attribute("href")
    slug = href.strip("/").split("/")[-1]
    assert slug in PRACTICE_TITLES, f"the result links to {href}, not a demo practice"
    practice_link.click()
    page.wait_for_load_state("load")
    assert path_of(page.url) == href
    expect(page.get_by_role("heading", level=1)).to_have_text(PRACTICE_TITLES[slug])
    facts = page.locator("dl.facts")
    expect(facts.locator("div", has=page.locator("dt", has_text="Region"))).to_contain_text(
        REGION_LABEL
    )
    assert_no_problems(page_problems, "on the search journey")
    # The result named the page it led to (its highlighted title, without the marks).
    assert shown_title == PRACTICE_TITLES[slug], (
        f"the search result for {href} reads {shown_title!r}, "
        f"but the practice is {PRACTICE_TITLES[slug]!r}"
    )


def test_search_results_page_has_no_axe_violations(page, page_problems, axe, search_index):
    """The results page needs the index in the full-stack run, so it is checked here
    rather than in test_accessibility.py."""
    path = f"/search/?q={SEARCH_TERM}&region={REGION_VALUE}"
    response = page.goto(search_index.url + path, wait_until="load")
    assert response is not None and response.status == 200
    assert results_count(page) > 0
    violations = axe(page)
    assert violations == [], (
        f"axe found {len(violations)} accessibility violation(s) on {path}:\n"
        + format_violations(violations)
    )
    assert_no_problems(page_problems, f"on {path}")


# --- (c) The practice filters by keyboard alone ----------------------------------------


def focused(page) -> dict:
    return page.evaluate(
        "({id: document.activeElement.id, tag: document.activeElement.tagName,"
        " text: (document.activeElement.textContent || '').trim()})"
    )


def tab_to(page, predicate, what: str, limit: int = 40) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = focused(page)
        if predicate(current):
            return current
    pytest.fail(f"{limit} Tabs did not reach {what}; focus is on {focused(page)}", pytrace=False)


def choose_by_keyboard(page, select_id: str, label: str, limit: int = 80) -> None:
    """Move through a focused select's options with the arrow key until `label`."""
    select = page.locator(f"#{select_id}")
    for _ in range(limit):
        if select.evaluate("s => s.selectedOptions[0].label") == label:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"ArrowDown never selected {label!r} in #{select_id}", pytrace=False)


def test_practice_filters_work_with_the_keyboard_alone(page, page_problems, demo_site):
    page.goto(demo_site.url + "/practices/")

    # Skip link, then into the main content.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    tab_to(page, lambda f: f["id"] == "id_topic", "the topic field select")
    choose_by_keyboard(page, "id_topic", TOPIC_LABEL)
    # The fields come in the visual order, each reachable in turn.
    for field_id in ("id_sdg", "id_country", "id_region"):
        page.keyboard.press("Tab")
        assert focused(page)["id"] == field_id, f"expected #{field_id}, got {focused(page)}"
    choose_by_keyboard(page, "id_region", REGION_LABEL)
    # Still on the listing: choosing an option does not submit the form.
    assert path_of(page.url) == "/practices/" and query_of(page.url) == {}, page.url

    button = tab_to(
        page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Apply filters", "Apply filters"
    )
    assert button["text"] == "Apply filters"
    # A visible focus indicator on the button.
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),"
        " shadow: s.boxShadow}; })()"
    )
    assert (outline["style"] != "none" and outline["width"] > 0) or outline["shadow"] != "none", (
        f"the focused Apply filters button shows no focus indicator: {outline}"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")

    query = query_of(page.url)
    assert query.get("topic") == [TOPIC_SLUG] and query.get("region") == [REGION_VALUE], page.url
    assert results_count(page) == len(FILTERED_PRACTICES)
    expect(page.locator("#id_topic")).to_have_value(TOPIC_SLUG)
    expect(page.locator("#id_region")).to_have_value(REGION_VALUE)

    # A chip is reachable and works by keyboard too.
    chip_name = f"Remove filter Region: {REGION_LABEL}"
    tab_to(page, lambda f: f["tag"] == "A" and f["text"].startswith(chip_name), "the region chip")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert query_of(page.url) == {"topic": [TOPIC_SLUG]}, page.url
    assert_no_problems(page_problems, "while filtering by keyboard")


# --- At a phone's width -----------------------------------------------------------------


def test_filtered_listing_has_no_horizontal_scroll_on_a_phone(page, page_problems, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(demo_site.url + FILTERED_LISTING, wait_until="load")
    assert results_count(page) == len(FILTERED_PRACTICES)
    assert_no_horizontal_scroll(page, FILTERED_LISTING)
    assert_no_problems(page_problems, f"on {FILTERED_LISTING}")


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/search/", id="empty"),
        pytest.param(f"/search/?q={SEARCH_TERM}", id="results"),
        pytest.param(f"/search/?q={SEARCH_TERM}&region={REGION_VALUE}", id="filtered"),
    ],
)
def test_search_page_has_no_horizontal_scroll_on_a_phone(page, page_problems, search_index, path):
    page.set_viewport_size(PHONE)
    page.goto(search_index.url + path, wait_until="load")
    if "q=" in path:
        assert results_count(page) > 0
    assert_no_horizontal_scroll(page, path)
    assert_no_problems(page_problems, f"on {path}")
