from django import template
from django.contrib.auth.models import AnonymousUser, User
from django.utils.safestring import SafeString

from community.exchange.actions import unread_count
from community.exchange.mentions import mentioned_people, with_people
from community.members.people import display_name

register = template.Library()


@register.simple_tag
def person(user: User | None) -> str:
    """A person's name as the platform shows it (autoescaped by the template)."""
    return display_name(user)


@register.simple_tag(takes_context=True)
def post_body(context: template.Context, html: str) -> SafeString:
    """A post's HTML with its mentions shown as the people they name (see `mentions`).
    A page of posts puts `mentioned_people` in its context, resolved for all of them
    at once; a page with a single post leaves it out and the post resolves its own."""
    people = context.get("mentioned_people")
    if people is None:
        request = context.get("request")
        people = mentioned_people([html], getattr(request, "user", None) or AnonymousUser())
    return with_people(html, people)


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
    """The exchange's block in the members area of a process page: the latest threads.
    Shown only to people who entered the space; two queries (role, threads)."""
    from community.exchange.models import Thread
    from community.exchange.permissions import can_post
    from community.permissions import space_access

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"space": space, "threads": [], "may_post": False}
    may_post = can_post(space_access(user, space))
    threads = list(
        Thread.objects.listed()
        .filter(space=space)
        .select_related("author__profile")
        .order_by("-is_pinned", "-last_activity_at", "-pk")[:5]
    )
    return {"space": space, "threads": threads, "may_post": may_post}
