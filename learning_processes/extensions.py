"""Extension points of the content pages: places on a learning process's or a practice's
page that other apps fill, as Wagtail's hooks let apps fill the admin.

The content app never imports `community` or `search`, nor loads their template tags
(STYLE.md, "Which way imports run"). Instead a page template names a slot,
`{% load page_panels %}{% page_panels "learning_process_members" page %}`, and the apps
that have something to show there register a panel for it from their `AppConfig.ready()`:

    register_panel(
        "learning_process_members", "community/members_area.html", members_area
    )

A panel is rendered exactly as an inclusion tag would render it: `get_context(context,
page)` returns the panel template's context (a fresh one, keeping only the CSRF token of
the page's context). A slot with no panel renders nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template import Context

# The slots the content templates offer.
LEARNING_PROCESS_MEMBERS = "learning_process_members"
PRACTICE_RELATED = "practice_related"
SLOTS = (LEARNING_PROCESS_MEMBERS, PRACTICE_RELATED)


@dataclass(frozen=True)
class Panel:
    template_name: str
    get_context: Callable[[Context, Any], dict[str, Any]]
    order: int = 0


_panels: dict[str, dict[str, Panel]] = {slot: {} for slot in SLOTS}


def register_panel(
    slot: str,
    template_name: str,
    get_context: Callable[[Context, Any], dict[str, Any]],
    *,
    order: int = 0,
) -> None:
    """Show `template_name` in `slot`; registering the same template again replaces it."""
    if slot not in _panels:
        raise ValueError(f"No page slot {slot!r}; the slots are {', '.join(SLOTS)}.")
    _panels[slot][template_name] = Panel(template_name, get_context, order)


def panels(slot: str) -> list[Panel]:
    """The panels of a slot, by their order, then in the order they were registered."""
    return sorted(_panels[slot].values(), key=lambda panel: panel.order)
