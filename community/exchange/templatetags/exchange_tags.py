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


@register.inclusion_tag("exchange/includes/space_block.html", takes_context=True)
def exchange_area(context: template.Context, space) -> dict:
    """The exchange's block in the members area of a process page: the latest threads."""
    from community.exchange.actions import can_post
    from community.exchange.selectors import threads_for

    request = context.get("request")
    user = getattr(request, "user", None)
    threads = list(threads_for(space, user)[:5]) if user is not None else []
    return {
        "space": space,
        "threads": threads,
        "may_post": user is not None and can_post(user, space),
    }
