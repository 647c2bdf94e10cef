"""Elasticsearch 9's own parsers accept every request body the project sends.

No Elasticsearch node runs here or in CI (the full-stack pass uses OpenSearch),
and test_contract.py only proves that both DSLs serialise alike. This test
records the bodies the engine backend really sends, through its own methods and
a client that only listens, and parses them with the server jar's
SearchSourceBuilder and SearchModule (tools/elasticsearch/check.sh): an unknown
query, aggregation, suggester or parameter fails here. The index definition's
settings are validated as index-scoped settings and its mappings parsed by a
MapperService; the analysis chains, runtime behaviour and scoring are not
checked (see the README).

Marked `search_engine` so it runs once, in the full-stack pass: it needs Java
21+ and Maven rather than a node, and a machine without them fails, never skips.
The first run builds the check with Maven (about 35 s when it downloads the
server jar, under 10 s from a warm Maven cache); later runs take seconds.
"""

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from search.backends.engine import EngineSearchBackend
from search.documents import content_document
from search.engine import ENGINES, content_alias
from search.queries import SearchQuery
from search.similar import Label

pytestmark = pytest.mark.search_engine

CHECK = Path(__file__).resolve().parents[2] / "tools" / "elasticsearch" / "check.sh"
# A cold build resolves the server jar and its dependencies; a warm check is one JVM.
CHECK_TIMEOUT = 900

NO_HITS = {"hits": {"total": {"value": 0}, "hits": []}}
PRACTICE_HITS = {
    "hits": {
        "total": {"value": 2},
        "hits": [{"_id": "practice-11", "_score": 3.5}, {"_id": "practice-12", "_score": 1.25}],
    }
}
TEXT_QUERY = SearchQuery(
    text="waste composting",
    filters={"country": ("GH", "KE"), "sdgs": ("11", "12"), "topic_field": ("Municipal services",)},
    page=2,
    page_size=5,
    visibility=("public", "space:7"),
)


@dataclass
class ListeningClient:
    """Stands in for the engine's client: keeps each search body the backend sends
    and gives the next of `answers` (an exception is raised), then no hits."""

    answers: list[Any] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)

    def search(self, *, index: str, body: dict[str, Any]) -> Any:
        assert index == content_alias()
        # What the client would put on the wire, not the live dict the backend may reuse.
        self.bodies.append(json.loads(json.dumps(body)))
        answer = self.answers.pop(0) if self.answers else NO_HITS
        if isinstance(answer, Exception):
            raise answer
        return answer


class ListenedBackend(EngineSearchBackend):
    def __init__(self, engine: str, client: ListeningClient) -> None:
        super().__init__(engine)
        self.listening = client

    @property
    def client(self) -> Any:
        return self.listening


def sent_bodies(engine: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, Any]]:
    """Name → body of every search the engine backend sends for `engine`'s DSL."""
    # Each backend's client, with the names of the bodies it should have been sent.
    pending: list[tuple[list[str], ListeningClient]] = []

    def listen(names: list[str], answers: list[Any] | None = None) -> ListenedBackend:
        backend = ListenedBackend(engine, ListeningClient(answers=list(answers or [])))
        pending.append((names, backend.listening))
        return backend

    # Few hits: the cheap first try, then the tolerant query with did-you-mean.
    listen(["text-first-try", "text-tolerant-did-you-mean"]).search(TEXT_QUERY)
    # Too many clauses for the engine: asked again without phrase synonyms (then, with
    # few hits, the tolerant query as above).
    too_large = RuntimeError("too_many_nested_clauses: maxClauseCount is set to 1024")
    reduced = ["text-first-try-too-large", "text-first-try-reduced", "text-tolerant-after-reduced"]
    listen(reduced, [too_large]).search(TEXT_QUERY)
    listen(["browse"]).search(SearchQuery(filters={"region": ("Africa",)}))
    listen(["date-first-try", "date-tolerant"]).search(SearchQuery(text="flood", sort="date"))
    listen(["type-ahead"]).suggest("compo", ("public", "space:7"))

    # Similar practices: the labels come from the database; the body only needs their shape.
    labels = [
        Label("topic_field", "Municipal services", 1.4),
        Label("tags", "composting", 2.1),
        Label("sdgs", 11, 0.3),
        Label("learning_process", "5", 1.2),
    ]
    monkeypatch.setattr("search.backends.engine.weighted_labels", lambda page: labels)
    practice = SimpleNamespace(
        pk=10,
        title="Composting market waste",
        summary="Organic waste from the market is composted.",
        challenge="<p>The market's waste went to an open dump.</p>",
    )
    listen(["similar-candidates", "similar-more-like-this"], [PRACTICE_HITS]).more_like_this(
        practice, 4
    )

    bodies: dict[str, dict[str, Any]] = {}
    for names, client in pending:
        assert len(client.bodies) == len(names), (names, client.bodies)
        bodies.update(zip(names, client.bodies, strict=True))
    return bodies


@dataclass(frozen=True)
class CheckResult:
    returncode: int
    verdicts: dict[str, dict[str, Any]]
    stderr: str


def run_check(directory: Path) -> CheckResult:
    """tools/elasticsearch/check.sh on `directory`: each file's verdict by its name."""
    done = subprocess.run(
        ["bash", str(CHECK), str(directory)],
        capture_output=True,
        text=True,
        timeout=CHECK_TIMEOUT,
        check=False,
    )
    # 0: all parsed, 1: some did not; anything else is a check that could not run
    # (no Java 21+, no Maven, a failed build), which must fail the test, not skip it.
    assert done.returncode in (0, 1), f"the check did not run:\n{done.stderr}"
    verdicts = {}
    for line in done.stdout.splitlines():
        verdict = json.loads(line)
        verdicts[verdict["file"]] = verdict
    return CheckResult(done.returncode, verdicts, done.stderr)


def write_bodies(directory: Path, bodies: dict[str, dict[str, Any]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, body in bodies.items():
        (directory / f"{name}.json").write_text(json.dumps(body, indent=2), encoding="utf-8")


def test_elasticsearch_parses_every_body_the_project_sends(tmp_path, monkeypatch):
    bodies: dict[str, dict[str, Any]] = {}
    for engine in ENGINES:
        for name, body in sent_bodies(engine, monkeypatch).items():
            bodies[f"{engine}-{name}.search"] = body
        index = content_document(EngineSearchBackend(engine).dsl, "cc-check-content")
        bodies[f"{engine}-content.index"] = index._index.to_dict()
    # Each part that could be refused is really in what is checked.
    sent = json.dumps(bodies)
    for part in ('"post_filter"', '"aggs"', '"phrase"', '"collate"', '"highlight"'):
        assert part in sent, part
    for part in ('"bool_prefix"', '"more_like_this"', '"search_as_you_type"'):
        assert part in sent, part
    # The retry reads the title phrase with the index analyser, a parameter the others lack.
    assert '"analyzer"' in json.dumps(bodies["elasticsearch-text-first-try-reduced.search"])
    write_bodies(tmp_path, bodies)

    result = run_check(tmp_path)

    assert set(result.verdicts) == {f"{name}.json" for name in bodies}, result.stderr
    refused = {
        name: verdict["error"] or verdict["deprecations"]
        for name, verdict in result.verdicts.items()
        if not verdict["ok"]
    }
    assert not refused, json.dumps(refused, indent=2)
    assert result.returncode == 0


def test_the_check_refuses_what_elasticsearch_would_refuse(tmp_path):
    accepted = {"query": {"match_all": {}}}
    write_bodies(
        tmp_path,
        {
            "accepted.search": accepted,
            "unknown-query.search": {"query": {"fuzzy_wuzzy": {"title": "waste"}}},
            "unknown-aggregation.search": {"aggs": {"c": {"histogramm": {"field": "year"}}}},
            "unknown-parameter.search": {"query": {"match": {"title": {"query": "a", "boots": 2}}}},
            "deprecated.search": {"query": {"match_all": {}}, "_source": {"include": ["title"]}},
            "unknown-setting.index": {"settings": {"number_of_shardz": 1}, "mappings": {}},
            "unknown-field-type.index": {"mappings": {"properties": {"year": {"type": "integr"}}}},
            "undefined-analyzer.index": {
                "mappings": {"properties": {"title": {"type": "text", "analyzer": "cc_missing"}}}
            },
        },
    )

    result = run_check(tmp_path)

    assert result.returncode == 1
    assert result.verdicts.pop("accepted.search.json")["ok"] is True
    assert all(not verdict["ok"] for verdict in result.verdicts.values()), result.verdicts
    assert "unknown query [fuzzy_wuzzy]" in result.verdicts["unknown-query.search.json"]["error"]
    assert "histogramm" in result.verdicts["unknown-aggregation.search.json"]["error"]
    assert "boots" in result.verdicts["unknown-parameter.search.json"]["error"]
    assert result.verdicts["deprecated.search.json"]["deprecations"]
    assert "number_of_shardz" in result.verdicts["unknown-setting.index.json"]["error"]
    assert "[integr]" in result.verdicts["unknown-field-type.index.json"]["error"]
    assert "[cc_missing]" in result.verdicts["undefined-analyzer.index.json"]["error"]
