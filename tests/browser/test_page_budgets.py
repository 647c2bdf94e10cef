"""The front door's budgets, in a real Chromium: bytes on the wire (the home page at
most 60 KB at 375 px with its pictures, no page over 200 KB), a header at most 64 px
tall on a phone, the first search result and the first card of a listing inside the
first screen, nothing sticking out sideways, and no axe violation, at 375 and 1280 px.

The figures come from the same step that `bench/pages.py --browser` prints
(bench/page_figures.py), so a closing note's table and this test agree.
"""

from typing import Any

import pytest

from bench.page_figures import (
    BROWSER_PAGES,
    DESKTOP,
    PHONE,
    PageFigures,
    measure,
    member_pages,
    over_budget,
    signed_in_state,
)

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]


def _figures(browser: Any, demo_site: Any, axe_source: str) -> list[PageFigures]:
    account = demo_site.accounts["participant"]
    state = signed_in_state(browser, demo_site.url, account["email"], account["password"])
    members = member_pages()
    assert len(members) == 2, f"the demo has no thread or live room for the participant: {members}"
    rows = [(path, None) for path in BROWSER_PAGES] + [(path, state) for path in members]
    return [
        measure(
            browser,
            demo_site.url,
            path,
            viewport=viewport,
            storage_state=storage,
            axe_source=axe_source,
        )
        for path, storage in rows
        for viewport in (PHONE, DESKTOP)
    ]


def test_front_door_pages_keep_their_budgets(browser, search_index, axe_source):
    # search_index: the demo content, findable by whichever search answers (the engine
    # in the full-stack run), so the search page has results to place.
    figures = _figures(browser, search_index, axe_source)
    problems = [problem for row in figures for problem in over_budget(row, home=row.path == "/")]
    assert problems == [], "over budget:\n" + "\n".join(problems)
    # The listings' first results were measured, not skipped for want of a match.
    measured = {row.path for row in figures if row.first_result_top is not None}
    assert {"/practices/", "/search/?q=waste"} <= measured, measured


def test_the_budget_check_catches_a_page_over_budget():
    """The check itself: a heavy home page, a tall header and a result below the
    screen are each named."""
    heavy = PageFigures(
        path="/",
        width=375,
        status=200,
        wire_bytes=61 * 1024,
        header_height=117,
        first_result_top=900,
    )
    problems = over_budget(heavy, home=True)
    assert len(problems) == 3, problems
    assert (
        over_budget(PageFigures(path="/", width=1280, status=200, wire_bytes=61 * 1024), home=True)
        == []
    )
