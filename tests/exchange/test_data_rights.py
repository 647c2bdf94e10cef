"""A person's threads and posts in their data export, and in account deletion: kept
without the author, or deleted without taking other people's replies with them."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from community.exchange.actions import (
    do_create_thread,
    do_edit_post,
    do_flag_post,
    do_post_reply,
    do_set_email_frequency,
    do_toggle_reaction,
)
from community.exchange.models import Attachment, Post, PostRevision, Thread
from community.members.actions import build_user_data_export, do_delete_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def writing(people):
    mine = do_create_thread(
        space=people.space,
        author=people.participant,
        title="My pilot",
        body="First words",
        tags=["pilot"],
        files=[SimpleUploadedFile("notes.txt", b"notes", content_type="text/plain")],
    )
    do_edit_post(post=mine.posts.get(is_opening=True), editor=people.participant, body="Better")
    answered = do_post_reply(thread=mine, author=people.host, body="Host answer")
    my_reply = do_post_reply(
        thread=mine, author=people.participant, body="My follow-up", parent=answered
    )
    lonely = do_create_thread(
        space=people.space, author=people.participant, title="Nobody answered", body="Echo"
    )
    theirs = do_create_thread(space=people.space, author=people.host, title="Host's", body="Q")
    replied_to = do_post_reply(thread=theirs, author=people.participant, body="My answer")
    do_post_reply(thread=theirs, author=people.facilitator, body="Reply to you", parent=replied_to)
    do_toggle_reaction(post=answered, user=people.participant, kind="thanks")
    do_flag_post(post=answered, reporter=people.participant, reason="other", note="typo")
    do_set_email_frequency(user=people.participant, space=people.space, frequency="weekly")
    return {
        "mine": mine,
        "lonely": lonely,
        "theirs": theirs,
        "my_reply": my_reply,
        "replied_to": replied_to,
    }


def test_the_export_holds_threads_posts_history_reactions_flags_and_settings(
    client, people, writing
):
    data = build_user_data_export(people.participant)
    section = json.loads(json.dumps(data, cls=DjangoJSONEncoder))["exchange"]
    assert [t["title"] for t in section["threads"]] == ["My pilot", "Nobody answered"]
    assert section["threads"][0]["tags"] == ["pilot"]
    texts = [p["text"] for p in section["posts"]]
    assert texts == ["Better", "My follow-up", "Echo", "My answer"]
    assert section["posts"][0]["earlier_versions"][0]["text"] == "First words"
    assert section["posts"][0]["attachments"] == ["notes.txt"]
    assert section["reactions"][0]["kind"] == "thanks"
    assert section["flags"][0]["note"] == "typo"
    assert section["email_settings"] == [{"space": people.space.title, "email": "weekly"}]
    client.force_login(people.participant)
    download = json.loads(client.get(reverse("community:data_export")).content)
    assert download["exchange"]["posts"][1]["text"] == "My follow-up"


def test_deleting_the_account_but_keeping_posts_anonymises_them(client, people, writing):
    do_delete_account(people.participant, keep_anonymised=True)
    assert Post.objects.filter(body="My follow-up", author__isnull=True).exists()
    assert Thread.objects.get(pk=writing["mine"].pk).author is None
    client.force_login(people.host)
    page = client.get(writing["mine"].get_absolute_url()).content.decode()
    assert "Former member" in page and "My follow-up" in page


def test_deleting_the_account_and_its_posts_keeps_what_others_wrote(client, people, writing):
    paths = [a.file.path for a in Attachment.objects.all()]
    do_delete_account(people.participant, keep_anonymised=False)
    # Nobody else wrote in it: gone.
    assert not Thread.objects.filter(pk=writing["lonely"].pk).exists()
    # Others replied: the thread stays, emptied of the person's words.
    mine = Thread.objects.get(pk=writing["mine"].pk)
    assert mine.author is None and mine.title == "Thread by a former member"
    opening = mine.posts.get(is_opening=True)
    assert opening.body == "" and opening.deleted_at is not None
    assert not PostRevision.objects.filter(post=opening).exists()
    assert not Attachment.objects.exists()
    assert Post.objects.filter(body="Host answer").exists()
    assert not Post.objects.filter(body="My follow-up").exists()
    # Their reply that someone answered keeps its place, without text.
    kept = Post.objects.get(pk=writing["replied_to"].pk)
    assert kept.body == "" and kept.author is None
    assert Post.objects.filter(body="Reply to you").exists()
    assert Thread.objects.get(pk=mine.pk).reply_count == 1
    for text in ("First words", "Better", "Echo", "My answer", "My follow-up"):
        assert not Post.objects.filter(body=text).exists()
        assert not PostRevision.objects.filter(body=text).exists()
    client.force_login(people.observer)
    page = client.get(mine.get_absolute_url()).content.decode()
    assert "Host answer" in page and "This post was deleted." in page
    assert paths  # files are removed once the deletion commits (on_commit)


def test_attachment_files_are_removed_after_the_deletion_commits(
    people, writing, django_capture_on_commit_callbacks
):
    import os

    paths = [a.file.path for a in Attachment.objects.all()]
    assert paths and all(os.path.exists(p) for p in paths)
    with django_capture_on_commit_callbacks(execute=True):
        do_delete_account(people.participant, keep_anonymised=False)
    assert not any(os.path.exists(p) for p in paths)


def test_the_members_area_on_the_process_page_shows_the_latest_threads(client, people, writing):
    client.force_login(people.observer)
    page = client.get(people.space.url).content.decode()
    assert "Follow-up exchange" in page
    assert "My pilot" in page and reverse("exchange:threads", args=[people.space.pk]) in page
    client.force_login(people.outsider)
    assert "My pilot" not in client.get(people.space.url).content.decode()
