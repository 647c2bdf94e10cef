from django import template
from django.contrib.auth.models import AbstractBaseUser

from community.exchange.actions import unread_count
from community.people import display_name

register = template.Library()


@register.simple_tag
def person(user: AbstractBaseUser | None) -> str:
    """A person's name as the platform shows it (autoescaped by the template)."""
    return display_name(user)


@register.inclusion_tag("exchange/includes/header_links.html", takes_context=True)
def exchange_header_links(context: template.Context) -> dict:
    """The header's links to the dashboard and notifications, with the unread count."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "unread": unread_count(user)}
