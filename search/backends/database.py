"""Database fallback: Wagtail's database search (PostgreSQL full-text search on
PostgreSQL, a simpler search on SQLite), answering the same SearchQuery.

Matching pages are turned into the same documents the engine holds, and the
filters, facets and sorting are applied to those, so both backends agree on
what a filter means. Used in the embedded mode and when the engine is down.
"""

import re
from collections import Counter
from typing import Any

from django.db import connection
from django.utils.html import escape

from search.backends.base import SearchBackend
from search.documents import FACETS
from search.queries import SearchHit, SearchQuery, SearchResults
from search.serializers import INDEXED_MODELS, PUBLIC, doc_id, searchable_querysets

MAX_CANDIDATES = 2000


def _values(doc: dict[str, Any], field: str) -> list[str]:
    value = doc.get(field)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _mark(text: str, terms: list[str]) -> str:
    """The whole text, escaped, with the terms marked; "" when nothing matches."""
    if not text or not terms:
        return ""
    pattern = re.compile("|".join(re.escape(escape(t)) for t in terms), re.IGNORECASE)
    escaped = escape(text)
    if not pattern.search(escaped):
        return ""
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)


def _highlight(text: str, terms: list[str], size: int = 160) -> str:
    """A fragment of about `size` characters around the first match, marked."""
    if not text or not terms:
        return ""
    match = re.search("|".join(re.escape(t) for t in terms), text, re.IGNORECASE)
    if not match:
        return ""
    start = max(0, match.start() - size // 3)
    return _mark(text[start : start + size], terms)


class DatabaseSearchBackend(SearchBackend):
    name = "database"

    def ping(self) -> dict[str, Any]:
        return {"backend": self.name, "database": connection.vendor}

    @staticmethod
    def _score(page) -> float:
        """Comparable across page types; SQLite's bm25() is lower for better matches."""
        score = float(getattr(page, "_score", 0.0) or 0.0)
        return -score if connection.vendor == "sqlite" else score

    def _documents(self, text: str, visibility: tuple[str, ...]) -> list[tuple[str, dict, float]]:
        docs = []
        for queryset in searchable_querysets():
            content_type, serialize = INDEXED_MODELS[queryset.model]
            if text:
                results = queryset.search(text, operator="or").annotate_score("_score")
                pages = list(results[:MAX_CANDIDATES])
            else:
                pages = list(queryset[:MAX_CANDIDATES])
            for page in pages:
                doc = serialize(page)
                if doc.get("visibility", PUBLIC) in visibility:
                    docs.append((doc_id(content_type, page.pk), doc, self._score(page)))
        return docs

    def search(self, query: SearchQuery) -> SearchResults:
        docs = self._documents(query.text, query.visibility)
        active = {n: set(v) for n, v in query.filters.items() if v and n in FACETS}

        def passes(doc: dict, skip: str | None = None) -> bool:
            return all(
                set(_values(doc, FACETS[name]["field"])) & values
                for name, values in active.items()
                if name != skip
            )

        facets = {}
        for name, spec in FACETS.items():
            counts = Counter(
                value
                for _, doc, _ in docs
                if passes(doc, skip=name)
                for value in _values(doc, spec["field"])
            )
            facets[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: spec["size"]]
        matching = [(i, d, s) for i, d, s in docs if passes(d)]
        if query.sort == "date" or not query.text:
            matching.sort(key=lambda item: str(item[1].get("published_at") or ""), reverse=True)
        else:
            matching.sort(key=lambda item: -item[2])
        terms = [t for t in re.findall(r"\w+", query.text) if len(t) > 2]
        page = matching[query.offset : query.offset + query.page_size]
        hits = [
            SearchHit(
                id=identifier,
                content_type=doc["content_type"],
                title=doc["title"],
                url=doc["url"],
                summary=doc.get("summary") or "",
                highlights=[
                    h
                    for h in [
                        _highlight(doc.get("summary") or "", terms),
                        _highlight(doc.get("text") or "", terms),
                    ]
                    if h
                ],
                title_highlight=_mark(doc["title"], terms),
                score=score,
                source=doc,
            )
            for identifier, doc, score in page
        ]
        return SearchResults(
            query=query, total=len(matching), hits=hits, facets=facets, backend=self.name
        )

    def suggest(self, prefix: str, visibility: tuple[str, ...] = ("public",)) -> list[dict]:
        prefix = prefix.strip().lower()
        if not prefix:
            return []
        found = []
        for queryset in searchable_querysets():
            content_type, serialize = INDEXED_MODELS[queryset.model]
            for page in queryset.filter(title__icontains=prefix).order_by("title")[:8]:
                found.append({"title": page.title, "url": page.url, "type": content_type})
        found.sort(key=lambda s: (not s["title"].lower().startswith(prefix), s["title"]))
        return found[:8]
