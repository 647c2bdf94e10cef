from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str
    url: str
    summary: str = ""
    highlight: str = ""
    score: float | None = None


@dataclass
class SearchResults:
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


class SearchBackend:
    """What the rest of the site may ask of search."""

    name = "base"

    def ping(self) -> dict[str, Any]:
        """Describe the engine; raise if it does not answer."""
        raise NotImplementedError

    def setup(self) -> None:
        """Create what the engine needs (indices, aliases); idempotent."""

    def index_practice(self, page: Any) -> None:
        raise NotImplementedError

    def remove_practice(self, page_id: int) -> None:
        raise NotImplementedError

    def search_practices(self, text: str, size: int = 10) -> SearchResults:
        raise NotImplementedError
