from typing import Any

from learning_processes.models import PracticePage
from search.queries import SearchQuery, SearchResults


class SearchBackend:
    """What the rest of the site may ask of search."""

    name = "base"

    def ping(self) -> dict[str, Any]:
        """Describe the engine; raise if it does not answer."""
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def suggest(self, prefix: str, visibility: tuple[str, ...] = ("public",)) -> list[dict]:
        raise NotImplementedError

    def more_like_this(self, page: PracticePage, size: int) -> list[int]:
        """Ids of the published practices most like `page`, best first (at most `size`;
        the rule is search.similar's)."""
        raise NotImplementedError
