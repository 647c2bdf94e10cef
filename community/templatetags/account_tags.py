from typing import TypedDict

from django import template
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The account menu: the account page first, then each part it gathers. allauth's
# pages (e-mail, password, two-factor authentication) sit under the same menu.
ACCOUNT_MENU = (
    ("community:account", _("Overview")),
    ("community:profile_edit", _("My profile")),
    ("community:my_spaces", _("My spaces")),
    ("proposals:mine", _("My proposals")),
    ("exchange:notification_settings", _("E-mail notifications")),
    ("account_email", _("E-mail address")),
    ("account_change_password", _("Password")),
    ("mfa_index", _("Two-factor authentication")),
    ("community:my_data", _("My data")),
)


class MenuItem(TypedDict):
    url: str
    label: str | Promise
    current: bool


@register.inclusion_tag("community/account/menu.html", takes_context=True)
def account_menu(context: template.Context) -> dict:
    """The menu's links; the one whose address is the longest start of the current
    path is marked current (the two-factor set-up pages belong to its entry)."""
    request = context.get("request")
    path = request.path if request is not None else ""
    items: list[MenuItem] = [
        {"url": reverse(name), "label": label, "current": False} for name, label in ACCOUNT_MENU
    ]
    matching = [item for item in items if path.startswith(item["url"])]
    current = max(matching, key=lambda item: len(item["url"]), default=None)
    for item in items:
        item["current"] = item is current
    return {"items": items}
