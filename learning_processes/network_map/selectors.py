"""The places the network map marks: each published, public learning process's host and
partner municipalities. Contact people, e-mail addresses and anything of a draft or of a
process behind a view restriction never reach the map.

The whole network is read in three queries and kept in the cache until a learning
process is published, unpublished, moved, deleted or restricted (see `receivers`).
"""

from dataclasses import dataclass

from django.core.cache import cache

from learning_processes.countries import code_of
from learning_processes.models import (
    LearningProcessIndexPage,
    LearningProcessPage,
    PartnerMunicipality,
)

HOST = "host"
PARTNER = "partner"
HOST_COUNTRY = "DE"  # every host is German (see MISSION: hosts are German municipalities)
CACHE_KEY = "network-map:places"
CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class NetworkPlace:
    """A municipality on the map: a process's host or one of its partners."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    role: str  # HOST or PARTNER
    latitude: float | None
    longitude: float | None
    process_id: int
    process_title: str
    process_url: str


@dataclass(frozen=True)
class Network:
    places: tuple[NetworkPlace, ...]
    # The learning process listing, whose country filter a marker of several processes
    # links to ("" when the site has none).
    index_url: str


def host_place(process: LearningProcessPage, url: str) -> NetworkPlace:
    return NetworkPlace(
        process.host_city,
        HOST_COUNTRY,
        HOST,
        process.host_latitude,
        process.host_longitude,
        process.pk,
        process.title,
        url,
    )


def partner_place(partner: PartnerMunicipality, process: LearningProcessPage, url: str):
    return NetworkPlace(
        partner.name,
        code_of(partner.country),
        PARTNER,
        partner.latitude,
        partner.longitude,
        process.pk,
        process.title,
        url,
    )


def process_places(
    process: LearningProcessPage, partners: list[PartnerMunicipality]
) -> list[NetworkPlace]:
    """One process's host and partners (as the page shows them, drafts included in a
    preview: the page itself decides who may see it)."""
    url = process.url or ""
    return [host_place(process, url), *(partner_place(p, process, url) for p in partners)]


def _read_network() -> Network:
    processes = list(
        LearningProcessPage.objects.live()
        .public()
        .only("title", "url_path", "host_city", "host_latitude", "host_longitude")
        .order_by("title")
    )
    partners: dict[int, list[PartnerMunicipality]] = {}
    for partner in PartnerMunicipality.objects.filter(page__in=processes).order_by(
        "page_id", "sort_order"
    ):
        partners.setdefault(partner.page_id, []).append(partner)
    places = [
        place
        for process in processes
        for place in process_places(process, partners.get(process.pk, []))
    ]
    index = LearningProcessIndexPage.objects.live().public().only("url_path").first()
    return Network(tuple(places), (index.url or "") if index else "")


def network() -> Network:
    """Every published, public learning process's places; cached."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = _read_network()
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def forget_network() -> None:
    cache.delete(CACHE_KEY)
