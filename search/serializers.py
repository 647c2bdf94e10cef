"""Turn content pages and follow-up threads into the plain dicts search documents hold.

`INDEXED_MODELS` is the list of what search indexes; `document_for()` returns
None for anything that must not be found (draft, unpublished, private, deleted or
hidden). What each is filed under (topic, SDGs, tags, places, year) comes from
its content type's facets (learning_processes.facets, community.exchange.facets),
which the listings and the database fallback use too. A members-only thread is
indexed with its space (`visibility` "space:<id>"), and every query is filtered by
what the viewer may see.
"""

from typing import Any

from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from community.exchange.facets import THREADS
from community.exchange.models import Thread, Visibility
from learning_processes.facets import OUTCOMES, PRACTICES, PROCESSES
from learning_processes.models import LearningProcessPage, OutcomePage, PracticePage
from search.snippets import shorten

PUBLIC = "public"
# As long as a practice's summary may be.
SUMMARY_LENGTH = 600


def space_visibility(space_id: int) -> str:
    """The visibility value of members-only content of one space."""
    return f"space:{space_id}"


def _plain(*values: Any) -> str:
    # Not strip_tags: "<p>Kumasi.</p><p>Residents" must not become "Kumasi.Residents".
    return "\n".join(get_text_for_indexing(str(v)) for v in values if v)


def _common(page: Page, content_type: str) -> dict[str, Any]:
    return {
        "content_type": content_type,
        "title": page.title,
        "url": page.url,
        "published_at": page.last_published_at or page.first_published_at,
        "visibility": PUBLIC,
        "revision": page.live_revision_id,
    }


def practice_to_document(page: PracticePage) -> dict[str, Any]:
    process = page.learning_process
    return {
        **_common(page, "practice"),
        **PRACTICES.document(page),
        "summary": page.summary,
        "text": _plain(
            page.challenge, page.approach, page.results, page.resources_needed, page.transferability
        ),
        "city": page.city,
        "learning_process_title": process.title if process else None,
    }


def process_to_document(page: LearningProcessPage) -> dict[str, Any]:
    return {
        **_common(page, "learning_process"),
        **PROCESSES.document(page),
        "summary": page.summary,
        "text": _plain(page.background, page.learning_goals, page.contribution, page.host_name),
        "city": page.host_city,
        "learning_process_title": page.title,
    }


def outcome_to_document(page: OutcomePage) -> dict[str, Any]:
    process = page.get_parent().specific
    return {
        **_common(page, "outcome"),
        **OUTCOMES.document(page, process=process),
        "summary": shorten(get_text_for_indexing(str(page.results)), SUMMARY_LENGTH),
        "text": _plain(page.results, page.lessons_learned, page.next_steps),
        "city": process.host_city,
        "learning_process_title": process.title,
    }


def thread_to_document(thread: Thread) -> dict[str, Any]:
    """A follow-up thread: its title, opening post and visible replies, filed under its
    space's topic, SDGs and places like the learning process itself."""
    space = thread.space
    posts = sorted(
        (p for p in thread.posts.all() if p.deleted_at is None and p.hidden_at is None),
        key=lambda p: (not p.is_opening, p.created_at, p.pk),
    )
    opening = posts[0] if posts and posts[0].is_opening else None
    return {
        "content_type": "thread",
        "title": thread.title,
        "url": thread.get_absolute_url(),
        "published_at": thread.created_at,
        "visibility": PUBLIC
        if thread.visibility == Visibility.PUBLIC
        else space_visibility(thread.space_id),
        "revision": None,
        "summary": shorten(get_text_for_indexing(opening.body_html), SUMMARY_LENGTH)
        if opening
        else "",
        "text": _plain(*(p.body_html for p in posts)),
        **THREADS.document(thread),
        "city": space.host_city,
        "learning_process_title": space.title,
    }


INDEXED_MODELS: dict[type, tuple[str, Any]] = {
    PracticePage: ("practice", practice_to_document),
    LearningProcessPage: ("learning_process", process_to_document),
    OutcomePage: ("outcome", outcome_to_document),
    Thread: ("thread", thread_to_document),
}


def doc_id(content_type: str, pk: int) -> str:
    return f"{content_type}-{pk}"


def is_indexed(model: type) -> bool:
    return model in INDEXED_MODELS


def document_for(obj: Page | Thread) -> dict[str, Any] | None:
    """The document body for a page or thread, or None when it must not be searchable."""
    content_type, serialize = INDEXED_MODELS[type(obj)]
    if isinstance(obj, Thread):
        listed = obj.deleted_at is None and obj.hidden_at is None
        return serialize(obj) if listed and obj.space.live else None
    if not obj.live or obj.get_view_restrictions().exists():
        return None
    return serialize(obj)


def searchable_threads():
    """Threads that belong in the index: listed, in a published space."""
    return (
        Thread.objects.listed()
        .filter(space__live=True)
        .select_related("space__topic_field")
        .prefetch_related("posts", "tagged_items__tag", "space__sdgs", "space__partners")
    )


def searchable_querysets():
    """Every page that should be in the index, with what the serializers read."""
    yield (
        PracticePage.objects.live()
        .public()
        .select_related("topic_field", "learning_process")
        .prefetch_related("sdgs", "tagged_items__tag")
    )
    yield (
        LearningProcessPage.objects.live()
        .public()
        .select_related("topic_field")
        .prefetch_related("sdgs", "tagged_items__tag", "partners")
    )
    yield OutcomePage.objects.live().public()
    yield searchable_threads()
