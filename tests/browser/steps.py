"""Steps that several browser journeys take the way a person does: through the
navigation, the log-in form and the links in their e-mail."""

import re
import time
from typing import Any

from django.core import mail
from playwright.sync_api import expect


def main_nav(page: Any) -> Any:
    """The header's main navigation. On a phone it sits behind the "Menu" button,
    which a person presses first; on a wide screen it is always shown."""
    page.wait_for_load_state()
    menu_button = page.locator("header details > summary")
    if menu_button.is_visible() and page.locator("header details[open]").count() == 0:
        menu_button.click()
    return page.get_by_role("navigation", name="Main")


def log_in(page: Any, account: dict[str, str]) -> None:
    """From the current page, by the header's "Log in" link and the form."""
    main_nav(page).get_by_role("link", name="Log in").click()
    page.get_by_label("Email").fill(account["email"])
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill(account["password"])
    page.get_by_role("main").get_by_role("button", name=re.compile(r"^log in$", re.I)).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    expect(main_nav(page).get_by_role("link", name="Log out")).to_be_visible()


def log_out(page: Any) -> None:
    main_nav(page).get_by_role("link", name="Log out").click()
    page.get_by_role("main").get_by_role("button", name=re.compile(r"^log out$", re.I)).click()
    page.wait_for_url(lambda url: "/accounts/logout/" not in url)
    expect(main_nav(page).get_by_role("link", name="Log in")).to_be_visible()


def mail_to(address: str, *, containing: str = "", timeout: float = 10.0) -> list[Any]:
    """The messages sent to `address` (whose body contains `containing`), waiting a
    little: mail leaves through the outbox's background task."""
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in mail.outbox if address in m.to and containing in m.body]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def link_in(message: Any, path: str) -> str:
    """The first absolute link in an e-mail's text whose path starts with `path`."""
    match = re.search(rf"(https?://[^\s/]+{re.escape(path)}[^\s]*)", message.body)
    assert match, f"no link to {path} in:\n{message.body}"
    return match.group(1)
