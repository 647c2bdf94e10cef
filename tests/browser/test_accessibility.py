"""Accessibility of the public pages in a real Chromium: axe-core (WCAG 2.1 A/AA
and best practices), keyboard entry through the skip link, landmarks, headings,
a phone-sized viewport, and a page that runs clean under its own strict CSP."""

import pytest

from tests.browser.conftest import format_violations

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]

PAGES = [
    pytest.param("/", id="home"),
    pytest.param("/accounts/login/", id="login"),
    pytest.param("/accounts/signup/", id="signup"),
    pytest.param("/learning-processes/", id="learning-processes"),
    pytest.param("/practices/", id="practices"),
    # A completed process from the demo content, with the pages below it.
    pytest.param("/learning-processes/participatory-budgeting/", id="learning-process"),
    pytest.param(
        "/learning-processes/participatory-budgeting/dialogue-event/", id="dialogue-event"
    ),
    pytest.param(
        "/learning-processes/participatory-budgeting/online-exchange-participation-platforms/",
        id="follow-up-activity",
    ),
    pytest.param("/learning-processes/participatory-budgeting/outcomes/", id="outcome"),
    pytest.param("/practices/market-waste-composting-kumasi/", id="practice"),
    # Filters set: the chips, the selected options and pagination links.
    pytest.param(
        "/practices/?topic=municipal-services&region=global_south", id="practices-filtered"
    ),
    # Search without a query needs no index; a page of results needs the engine's
    # index in the full-stack run, so tests/browser/test_journeys.py checks that one.
    pytest.param("/search/", id="search"),
]


def open_page(page, demo_site, path: str):
    response = page.goto(demo_site.url + path, wait_until="load")
    assert response is not None and response.status == 200, (
        f"GET {path} answered {response.status if response else 'nothing'}"
    )
    return response


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(page, page_problems, axe, demo_site, path):
    open_page(page, demo_site, path)
    violations = axe(page)
    assert violations == [], (
        f"axe found {len(violations)} accessibility violation(s) on {path}:\n"
        + format_violations(violations)
    )
    # Also proves that running axe-core did not trip the page's CSP.
    assert page_problems.all() == [], f"problems on {path}:\n" + "\n".join(page_problems.all())


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors_or_csp_violations(page, page_problems, demo_site, path):
    response = open_page(page, demo_site, path)
    csp = response.header_value("content-security-policy") or ""
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp, (
        f"{path} is not served under the strict policy: {csp!r}"
    )
    page.wait_for_load_state("networkidle")
    assert page_problems.all() == [], f"problems on {path}:\n" + "\n".join(page_problems.all())


@pytest.mark.parametrize("path", PAGES)
def test_skip_link_is_first_focusable_element(page, demo_site, path):
    open_page(page, demo_site, path)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({tag: document.activeElement.tagName, href: document.activeElement.getAttribute('href'),"
        " text: document.activeElement.textContent.trim()})"
    )
    assert focused["href"] == "#main", f"first Tab on {path} focused {focused}"
    skip_link = page.locator(":focus")
    assert skip_link.is_visible()
    assert skip_link.bounding_box()["y"] >= 0, "the focused skip link is still off screen"
    # Following it moves the focus to the main landmark.
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", PAGES)
def test_one_main_landmark_and_one_h1(page, demo_site, path):
    open_page(page, demo_site, path)
    assert page.get_by_role("main").count() == 1, f"{path} must have exactly one main landmark"
    headings = page.get_by_role("heading", level=1)
    assert headings.count() == 1, f"{path} has h1s: {headings.all_inner_texts()}"
    assert headings.inner_text().strip(), f"the h1 on {path} is empty"


def test_home_page_has_no_horizontal_scroll_on_a_phone(page, page_problems, axe, demo_site):
    page.set_viewport_size({"width": 375, "height": 667})
    open_page(page, demo_site, "/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375, f"the home page is {scroll_width}px wide at a 375px viewport"
    violations = axe(page)
    assert violations == [], "axe at 375x667:\n" + format_violations(violations)
    assert page_problems.all() == [], "\n".join(page_problems.all())


def test_harness_reports_csp_violations(page, page_problems, demo_site):
    """The recorder itself works: an inline script injected into a page under the
    strict policy is blocked and reported, so a clean run above means clean."""
    open_page(page, demo_site, "/")
    ran = page.evaluate(
        """() => {
            window.__inlineRan = false;
            const script = document.createElement('script');
            script.textContent = 'window.__inlineRan = true;';
            document.body.appendChild(script);
            return window.__inlineRan;
        }"""
    )
    assert ran is False, "an inline script ran despite the page's CSP"
    for _ in range(20):  # the violation event reaches the test asynchronously
        if page_problems.csp_violations:
            break
        page.wait_for_timeout(100)
    assert any("script-src" in v for v in page_problems.csp_violations), page_problems.all()
    assert any("Content Security Policy" in m for m in page_problems.console_errors), (
        page_problems.all()
    )


def test_harness_axe_reports_violations(page, axe, demo_site):
    """axe-core really runs on the page: an image without alternative text and an
    unlabelled field injected into the home page are reported."""
    open_page(page, demo_site, "/")
    page.evaluate(
        """() => {
            const main = document.getElementById('main');
            const img = document.createElement('img');
            img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
            main.appendChild(img);
            main.appendChild(document.createElement('input'));
        }"""
    )
    found = {violation["id"] for violation in axe(page)}
    assert {"image-alt", "label"} <= found, found
