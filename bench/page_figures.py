"""What a person's browser fetches and sees for one page: bytes on the wire, the
header's height, where the first result starts, what sticks out sideways, and axe.

One measuring step for `bench/pages.py --browser` (which prints the figures) and
`tests/browser/test_page_budgets.py` (which checks them against the budgets below),
so the figures in a closing note and the ones the suite enforces are the same.

"On the wire" counts response bodies as production sends them: a body that arrived
uncompressed but would travel compressed there (HTML through GZipMiddleware; CSS, JS
and SVG precompressed by WhiteNoise's manifest storage, which the development and
test settings leave out) is counted gzipped; images and anything already encoded
are counted as they came. Headers are left out. The page is loaded once with an empty
cache and the figure is everything it fetched until the network fell quiet, so
lazy images below the first screen do not count, as they would not for the person.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from typing import Any

# The budgets of the front door (issue "A front door people want to use").
HOME_WIRE_BUDGET = 60 * 1024  # the home page at 375 px, images included
PAGE_WIRE_BUDGET = 200 * 1024  # any other page
HEADER_HEIGHT_BUDGET = 64  # px, at 375x800
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 800}

# A result on the search page, or a card on a listing: the first one must start
# inside the first screen on a phone.
FIRST_RESULT = "main li.hit, main .listing-results li.card"

# The front door's pages, as a visitor; the thread and the live room come signed in
# (member_pages).
BROWSER_PAGES = [
    "/",
    "/practices/",
    "/practices/market-waste-composting-kumasi/",
    "/learning-processes/circular-waste-management/",
    "/search/?q=waste",
]


def member_pages() -> list[str]:
    """A demo thread with replies and a demo live room the participant may enter."""
    from community.exchange.models import Thread
    from community.live.models import VirtualSession

    participant = "participant@example.org"
    thread = (
        Thread.objects.filter(space__memberships__user__email=participant)
        .order_by("-reply_count", "pk")
        .first()
    )
    session = (
        VirtualSession.objects.filter(space__memberships__user__email=participant)
        .order_by("pk")
        .first()
    )
    pages = []
    if thread is not None:
        pages.append(thread.get_absolute_url())
    if session is not None:
        pages.append(session.get_absolute_url())
    return pages


COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")


@dataclass
class PageFigures:
    path: str
    width: int
    status: int
    wire_bytes: int = 0  # everything the page fetched, as production sends it
    image_bytes: int = 0  # of which images
    html_bytes: int = 0  # of which the document itself
    requests: int = 0
    header_height: float = 0.0
    first_result_top: float | None = None  # None: the page shows no result list
    overflow: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)  # ids of axe's violations

    @property
    def without_images(self) -> int:
        return self.wire_bytes - self.image_bytes


def _wire_size(response: Any) -> tuple[int, bool]:
    """The body's size as production would send it, and whether it is an image."""
    headers = response.headers
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    is_image = kind.startswith("image/")
    if response.status in (204, 304) or 300 <= response.status < 400:
        return 0, is_image
    try:
        body = response.body()
    except Exception:  # a body the browser dropped (e.g. a navigation away)
        return 0, is_image
    if headers.get("content-encoding"):
        sizes = response.request.sizes()
        return int(sizes.get("responseBodySize") or len(body)), is_image
    if kind.startswith(COMPRESSIBLE):
        return len(gzip.compress(body, compresslevel=6)), is_image
    return len(body), is_image


HEADER_HEIGHT_JS = """() => {
    const header = document.querySelector('body > header, header');
    return header ? header.getBoundingClientRect().height : 0;
}"""

FIRST_RESULT_JS = """(selector) => {
    const first = document.querySelector(selector);
    return first ? first.getBoundingClientRect().top + window.scrollY : null;
}"""


def measure(
    browser: Any,
    base_url: str,
    path: str,
    *,
    viewport: dict[str, int] = PHONE,
    storage_state: Any = None,
    axe_source: str | None = None,
) -> PageFigures:
    """Open `path` in a fresh context (empty cache) at `viewport` and take its figures.

    `storage_state` carries a signed-in person's cookies; `axe_source` (axe.min.js)
    adds axe's violations (WCAG 2.0/2.1 A and AA and best practices)."""
    from tests.browser.conftest import AXE_TAGS, horizontal_overflow

    context = browser.new_context(viewport=viewport, locale="en-US", storage_state=storage_state)
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    try:
        response = page.goto(base_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        figures = PageFigures(
            path=path, width=viewport["width"], status=response.status if response else 0
        )
        for item in responses:
            size, is_image = _wire_size(item)
            figures.wire_bytes += size
            figures.requests += 1
            if is_image:
                figures.image_bytes += size
            if item.request.is_navigation_request() and item.url.startswith(base_url + path):
                figures.html_bytes += size
        figures.header_height = page.evaluate(HEADER_HEIGHT_JS)
        figures.first_result_top = page.evaluate(FIRST_RESULT_JS, FIRST_RESULT)
        figures.overflow = horizontal_overflow(page)
        if axe_source is not None:
            page.evaluate(axe_source)
            figures.axe = page.evaluate(
                """async (tags) => (await window.axe.run(document, {
                    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
                })).violations.map((v) => v.id)""",
                AXE_TAGS,
            )
        return figures
    finally:
        context.close()


def signed_in_state(browser: Any, base_url: str, email: str, password: str) -> Any:
    """The cookies of a person signed in through the login form."""
    context = browser.new_context(viewport=DESKTOP, locale="en-US")
    page = context.new_page()
    try:
        page.goto(base_url + "/accounts/login/")
        page.locator("input[name=login]").fill(email)
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state("load")
        return context.storage_state()
    finally:
        context.close()


def over_budget(figures: PageFigures, *, home: bool) -> list[str]:
    """What breaks the front door's budgets, in words for a failure message."""
    problems = []
    budget = HOME_WIRE_BUDGET if home and figures.width == PHONE["width"] else PAGE_WIRE_BUDGET
    where = f"{figures.path} at {figures.width} px"
    if figures.status != 200:
        problems.append(f"{where}: status {figures.status}")
    if figures.wire_bytes > budget:
        problems.append(f"{where}: {figures.wire_bytes} bytes on the wire, budget {budget}")
    if figures.width == PHONE["width"]:
        if figures.header_height > HEADER_HEIGHT_BUDGET:
            problems.append(
                f"{where}: header {figures.header_height:.0f} px tall,"
                f" budget {HEADER_HEIGHT_BUDGET}"
            )
        top = figures.first_result_top
        if top is not None and top >= PHONE["height"]:
            problems.append(f"{where}: first result starts at {top:.0f} px, below the screen")
    if figures.overflow:
        problems.append(f"{where}: sticks out sideways: {', '.join(figures.overflow)}")
    if figures.axe:
        problems.append(f"{where}: axe violations: {', '.join(figures.axe)}")
    return problems
