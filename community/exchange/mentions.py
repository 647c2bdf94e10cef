"""Mentions as people, when a post is read.

A post's stored HTML names each mentioned member by id
(`<span class="mention" data-user="42">@ana-souza</span>`, see `markdown`). Reading
it, the handle gives way to the person's name as it is now, linked to their profile
when the reader may see that profile: someone who renames themselves is shown by their
new name in every post, and a handle such as "@ana-souza-2" never reaches a reader.
A page resolves the people of all its posts at once, in one query.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from community.members.people import display_name
from community.models import Profile
from community.permissions import AnyUser

# As the renderer writes it and the sanitiser keeps it (attributes in this order).
MENTION_HTML = re.compile(r'<span class="mention" data-user="(\d+)">([^<]*)</span>')


@dataclass(frozen=True)
class MentionedPerson:
    name: str
    # Empty when the reader may not see the person's profile.
    profile_url: str


def mentioned_ids(html: str) -> set[int]:
    return {int(match.group(1)) for match in MENTION_HTML.finditer(html)}


def mentioned_people(htmls: Iterable[str], viewer: AnyUser | None) -> dict[int, MentionedPerson]:
    """The people the given post bodies mention, with a link to each profile `viewer`
    may see (no links without a viewer: plain text). One query, none when nobody is
    mentioned; people whose account is gone are left out."""
    ids = set().union(*(mentioned_ids(html) for html in htmls))
    if not ids:
        return {}
    users = get_user_model().objects.filter(pk__in=ids, is_active=True).select_related("profile")
    if viewer is not None:
        visible = Profile.objects.visible_to(viewer).filter(user=OuterRef("pk"))
        users = users.annotate(profile_visible=Exists(visible))
    return {
        user.pk: MentionedPerson(
            name=display_name(user),
            profile_url=reverse("community:profile", args=[user.pk])
            if getattr(user, "profile_visible", False)
            else "",
        )
        for user in users
    }


def with_people(
    html: str, people: Mapping[int, MentionedPerson], *, links: bool = True
) -> SafeString:
    """Post HTML (sanitised when it was stored) with each mention shown as the person:
    "@Ana Souza", a link to the profile where `people` has one and `links` is on. A
    mention of someone who is not in `people` stays as it was written."""

    def person(match: re.Match[str]) -> str:
        found = people.get(int(match.group(1)))
        if found is None:
            return match.group(0)
        if links and found.profile_url:
            return format_html(
                '<a class="mention" href="{}">@{}</a>', found.profile_url, found.name
            )
        return format_html('<span class="mention">@{}</span>', found.name)

    # The stored HTML is what the sanitiser let through; only the mentions change.
    return mark_safe(MENTION_HTML.sub(person, html))  # noqa: S308
