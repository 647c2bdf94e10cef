"""Database fallback for the embedded mode: Wagtail's database search over pages."""

from collections import Counter
from typing import Any

from django.db import connection

from search.backends.base import SearchBackend, SearchHit, SearchResults


class DatabaseSearchBackend(SearchBackend):
    name = "database"

    def ping(self) -> dict[str, Any]:
        return {"backend": self.name, "database": connection.vendor}

    def index_practice(self, page: Any, refresh: bool = False) -> None:
        """Wagtail keeps its own database index up to date on publish."""

    def remove_practice(self, page_id: int) -> None:
        """Nothing to remove: unpublished pages drop out of live() queries."""

    def search_practices(self, text: str, size: int = 10) -> SearchResults:
        from learning_processes.models import PracticePage

        pages = PracticePage.objects.live().public().select_related("topic_field")
        matches = list(pages.search(text)) if text else list(pages.order_by("-first_published_at"))
        facets = {
            "topic_field": Counter(p.topic_field.name for p in matches if p.topic_field_id),
            "country": Counter(str(p.country.code) for p in matches if p.country),
        }
        return SearchResults(
            total=len(matches),
            hits=[
                SearchHit(id=str(p.pk), title=p.title, url=p.url, summary=p.summary)
                for p in matches[:size]
            ],
            facets={name: counts.most_common() for name, counts in facets.items()},
        )
