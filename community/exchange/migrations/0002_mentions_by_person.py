"""Mentions are mailed at once unless a member turns that off, a notification mailed on
its own stays out of the digests, and mentions in stored posts name the person by id
(`data-user`), so that posts show the person's current name."""

import re

from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

LEGACY_MENTION = re.compile(r'<span class="mention">@([a-z0-9-]+)</span>')


def _name(user, profiles) -> str:
    # As community.people.display_name named people when the mentions were written.
    name = profiles.get(user.pk, "")
    if name:
        return name
    full_name = f"{user.first_name} {user.last_name}".strip()
    return full_name or (user.email or user.username).split("@")[0]


def _handle(user, profiles) -> str:
    return slugify(_name(user, profiles))[:40].strip("-") or f"member-{user.pk}"


def name_mentioned_people(apps, schema_editor):
    """Each stored mention of a post, by the person its Mention rows (or its author)
    name: a handle is the person's slugified name, "-2" and on for a later namesake.
    A handle no candidate has (the person was renamed since) stays as it was."""
    Post = apps.get_model("exchange", "Post")
    PostRevision = apps.get_model("exchange", "PostRevision")
    Mention = apps.get_model("exchange", "Mention")
    Profile = apps.get_model("community", "Profile")
    User = apps.get_model(settings.AUTH_USER_MODEL)

    posts = Post.objects.filter(body_html__contains='<span class="mention">@')
    revisions = PostRevision.objects.filter(body_html__contains='<span class="mention">@')
    post_ids = set(posts.values_list("pk", flat=True)) | set(
        revisions.values_list("post_id", flat=True)
    )
    if not post_ids:
        return
    candidates: dict[int, set[int]] = {}
    for post_id, user_id in Mention.objects.filter(post_id__in=post_ids).values_list(
        "post_id", "user_id"
    ):
        candidates.setdefault(post_id, set()).add(user_id)
    for post_id, author_id in Post.objects.filter(pk__in=post_ids).values_list("pk", "author_id"):
        if author_id:
            candidates.setdefault(post_id, set()).add(author_id)
    user_ids = set().union(*candidates.values())
    profiles = dict(
        Profile.objects.filter(user_id__in=user_ids).values_list("user_id", "display_name")
    )
    handles = {user.pk: _handle(user, profiles) for user in User.objects.filter(pk__in=user_ids)}

    def rewrite(html: str, post_id: int) -> str:
        by_handle = {handles[pk]: pk for pk in candidates.get(post_id, ()) if pk in handles}

        def by_person(match: re.Match) -> str:
            handle = match.group(1)
            user_id = by_handle.get(handle) or by_handle.get(re.sub(r"-\d+$", "", handle))
            if user_id is None:
                return match.group(0)
            return f'<span class="mention" data-user="{user_id}">@{handle}</span>'

        return LEGACY_MENTION.sub(by_person, html)

    for post in posts.only("pk", "body_html"):
        post.body_html = rewrite(post.body_html, post.pk)
        post.save(update_fields=["body_html"])
    for revision in revisions.only("pk", "post_id", "body_html"):
        revision.body_html = rewrite(revision.body_html, revision.post_id)
        revision.save(update_fields=["body_html"])


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0003_profile_country_list"),
        ("exchange", "0001_threads_posts_notifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="emailed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="notificationpreference",
            name="mentions_at_once",
            field=models.BooleanField(
                default=True, verbose_name="e-mail me at once when I am mentioned"
            ),
        ),
        migrations.RunPython(name_mentioned_people, migrations.RunPython.noop),
    ]
