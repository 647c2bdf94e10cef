"""The autosave script in a real Chromium: it carries the proposal's version from one
save to the next, so a page's own saves never collide, and when another tab saved in
between it shows the refusal instead of "saved" and stops, with nothing overwritten."""

import re
import time

import pytest
from playwright.sync_api import expect

from learning_processes.calls import actions
from learning_processes.models import CallPage, TopicProposal

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]


def log_in(page, base_url: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email").fill("participant@example.org")
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill("connective-demo")
    sign_in = re.compile(r"^(sign|log) in$", re.I)
    page.get_by_role("main").get_by_role("button", name=sign_in).click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/)"))


def title_of(proposal: TopicProposal) -> str:
    return TopicProposal.objects.get(pk=proposal.pk).title


def wait_for(condition, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_autosave_follows_its_own_saves_and_stops_at_another_tabs(
    page, page_problems, demo_site, settings
):
    from django.contrib.auth import get_user_model

    settings.PROPOSAL_AUTOSAVE_SECONDS = 5
    participant = get_user_model().objects.get(username="participant@example.org")
    call = next(c for c in CallPage.objects.order_by("-year") if c.is_open())
    draft = actions.do_start_proposal(call=call, applicant=participant)
    log_in(page, demo_site.url)
    page.goto(f"{demo_site.url}/proposals/{draft.pk}/edit/")
    status = page.locator("[data-autosave-status]")

    # Two autosaves in a row from the same page: the second follows the first.
    page.fill("#id_title", "First autosave")
    expect(status).to_contain_text("Draft saved automatically", timeout=15_000)
    page.fill("#id_title", "Second autosave")
    assert wait_for(lambda: title_of(draft) == "Second autosave")

    # Another tab saves; this page's next autosave is refused and says why. (A real
    # second tab, not a save from the test thread: in the embedded mode the live
    # server shares the test's SQLite connection, and two threads' transactions on
    # one connection trip over each other's savepoints.)
    other_tab = page.context.new_page()
    other_tab.goto(f"{demo_site.url}/proposals/{draft.pk}/edit/")
    other_tab.fill("#id_title", "Saved in another tab")
    other_tab.get_by_role("button", name="Save draft").click()
    expect(other_tab.get_by_text(re.compile(r"Draft saved at \d\d:\d\d"))).to_be_visible()
    other_tab.close()
    assert title_of(draft) == "Saved in another tab"
    page.fill("#id_title", "Typed in the older tab")
    expect(status).to_contain_text("changed in another tab or window", timeout=15_000)
    assert title_of(draft) == "Saved in another tab"
    expect(page.locator("#id_title")).to_have_value("Typed in the older tab")

    # "Save draft" shows the same refusal with the typed text; saving again replaces.
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile("changed in another tab or window"))).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Typed in the older tab")
    assert title_of(draft) == "Saved in another tab"
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"Draft saved at \d\d:\d\d"))).to_be_visible()
    assert title_of(draft) == "Typed in the older tab"
    assert page_problems.all() == [] or all("409" in p for p in page_problems.all())
