"""Lays the places out on the map: where each marker goes, what it looks like, where it
links and what it is called.

Places of the same role in the same country that would overlap at the map's scale
share one marker (ten German hosts on the world map are one square over Germany,
named after all ten), so every marker stays visible and clickable; the plain list
below the map still names each place. A marker's shape tells the role and whether
the country is in the Global South, its colour repeats it (never colour alone).
"""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learning_processes.countries import country_name, is_global_south
from learning_processes.network_map import shapes
from learning_processes.network_map.selectors import HOST, NetworkPlace

# Marker kinds: the shape and the colour (a CSS class) of each.
KIND_HOST = "host"
KIND_SOUTH = "south"
KIND_PARTNER = "partner"
# Markers are drawn in this order, so hosts lie on top.
DRAWING_ORDER = (KIND_PARTNER, KIND_SOUTH, KIND_HOST)
# A marker's radius as a share of the visible map's width.
WORLD_MARKER = 1 / 100
ZOOMED_MARKER = 1 / 70
# A process map shows at least this much of the world's width, so a process whose
# places are all in one region still shows where on Earth that is.
MIN_ZOOM_WIDTH = 380
ASPECT = 2.0  # width / height of a zoomed map


@dataclass
class Marker:
    kind: str
    country: str
    x: float
    y: float
    places: list[NetworkPlace] = field(default_factory=list)
    href: str = ""
    label: str = ""
    symbol: str = ""  # SVG path data of the marker's shape
    target: str = ""  # SVG path data of its larger, invisible clickable area


@dataclass
class MapView:
    view_box: str
    width: float
    height: float
    markers: list[Marker]
    countries_path: str  # the countries that have a marked place, drawn highlighted


def kind_of(place: NetworkPlace) -> str:
    if place.role == HOST:
        return KIND_HOST
    return KIND_SOUTH if is_global_south(place.country) else KIND_PARTNER


def position(place: NetworkPlace) -> tuple[float, float] | None:
    """Its coordinates on the map, else its country's centre; None if neither is known
    (a country too small for the 1:110m shapes: the place is then only in the list)."""
    if place.latitude is not None and place.longitude is not None:
        return shapes.to_map(place.longitude, place.latitude)
    return shapes.country_centroids().get(place.country)


def group(places: list[NetworkPlace], radius: float) -> list[Marker]:
    """Markers for the places: one per place, except that places of one kind and one
    country closer than two radii share the first one's marker."""
    markers: list[Marker] = []
    for place in places:
        point = position(place)
        if point is None:
            continue
        kind = kind_of(place)
        for marker in markers:
            near = math.hypot(marker.x - point[0], marker.y - point[1]) < 2 * radius
            if marker.kind == kind and marker.country == place.country and near:
                marker.places.append(place)
                break
        else:
            markers.append(Marker(kind, place.country, *point, places=[place]))
    return markers


# Markers of neighbouring countries are moved apart until their shapes no longer
# touch (a triangle reaches 1.25 radii from its centre), so each stays clickable at
# its centre, which its neighbour's larger clickable area (1.8 radii) does not reach.
SPACING = 2.6


def spread(markers: list[Marker], radius: float, *, rounds: int = 30) -> None:
    """Nudges overlapping markers apart, each pair by half the missing distance, until
    none overlaps (or `rounds` passes, for a crowd that cannot settle). The plain list
    under the map keeps each place's exact country."""
    least = SPACING * radius
    for _round in range(rounds):
        moved = False
        for i, first in enumerate(markers):
            for second in markers[i + 1 :]:
                dx, dy = second.x - first.x, second.y - first.y
                distance = math.hypot(dx, dy)
                if distance >= least:
                    continue
                if distance == 0:
                    dx, dy, distance = 1.0, 0.0, 1.0  # on top of each other: side by side
                push = (least - distance) / 2 / distance
                first.x, first.y = first.x - dx * push, first.y - dy * push
                second.x, second.y = second.x + dx * push, second.y + dy * push
                moved = True
        if not moved:
            return


def _view(markers: list[Marker], zoom: bool) -> tuple[float, float, float, float]:
    """The visible rectangle (x, y, width, height): the world, or around the markers."""
    top, bottom = shapes.map_top(), shapes.map_bottom()
    if not zoom or not markers:
        return 0, top, shapes.MAP_WIDTH, bottom - top
    xs, ys = [m.x for m in markers], [m.y for m in markers]
    width = max(MIN_ZOOM_WIDTH, (max(xs) - min(xs)) * 1.3, (max(ys) - min(ys)) * 1.3 * ASPECT)
    width = min(width, shapes.MAP_WIDTH)
    height = min(width / ASPECT, bottom - top)
    x = min(max((max(xs) + min(xs) - width) / 2, 0), shapes.MAP_WIDTH - width)
    y = min(max((max(ys) + min(ys) - height) / 2, top), bottom - height)
    return x, y, width, height


def symbol(kind: str, x: float, y: float, r: float) -> str:
    """A square for a host, a triangle for a Global South partner, a circle otherwise."""

    def n(value: float) -> str:
        return f"{value:.1f}".rstrip("0").rstrip(".")

    if kind == KIND_HOST:
        s = r * 0.9
        return f"M{n(x - s)} {n(y - s)}h{n(2 * s)}v{n(2 * s)}h{n(-2 * s)}z"
    if kind == KIND_SOUTH:
        s = r * 1.25
        return f"M{n(x)} {n(y - s)}l{n(s)} {n(1.7 * s)}h{n(-2 * s)}z"
    return f"M{n(x - r)} {n(y)}a{n(r)} {n(r)} 0 1 0 {n(2 * r)} 0a{n(r)} {n(r)} 0 1 0 {n(-2 * r)} 0z"


def _names(places: list[NetworkPlace]) -> list[str]:
    return list(dict.fromkeys(place.name for place in places))


def describe(marker: Marker) -> str:
    """The marker's accessible name: the places, their country, their role, the link."""
    names = _names(marker.places)
    country = country_name(marker.country)
    if marker.kind == KIND_HOST:
        role = ngettext("host", "hosts", len(names))
    elif marker.kind == KIND_SOUTH:
        role = ngettext(
            "partner municipality in the Global South",
            "partner municipalities in the Global South",
            len(names),
        )
    else:
        role = ngettext("partner municipality", "partner municipalities", len(names))
    titles = list(dict.fromkeys(place.process_title for place in marker.places))
    return _("%(places)s, %(country)s: %(role)s (%(processes)s)") % {
        "places": ", ".join(names),
        "country": country,
        "role": role,
        "processes": "; ".join(titles),
    }


def link(marker: Marker, *, index_url: str, current_process: int | None) -> str:
    """The process of the marker's places, or when they belong to several processes (or
    to the one whose page this is), the learning processes filtered by their country."""
    processes = {place.process_id for place in marker.places}
    if len(processes) == 1 and current_process not in processes:
        return marker.places[0].process_url
    if index_url:
        return f"{index_url}?{urlencode({'country': marker.country})}"
    return marker.places[0].process_url


def layout(
    places: list[NetworkPlace],
    *,
    index_url: str,
    current_process: int | None = None,
    zoom: bool = False,
) -> MapView:
    """The map of `places`: the whole world, or (zoom) the region around them."""
    world_radius = shapes.MAP_WIDTH * WORLD_MARKER
    markers = group(places, world_radius)
    x, y, width, height = _view(markers, zoom)
    radius = width * (ZOOMED_MARKER if zoom else WORLD_MARKER)
    if zoom:
        markers = group(places, radius)
    spread(markers, radius)
    markers.sort(key=lambda marker: DRAWING_ORDER.index(marker.kind))
    for marker in markers:
        marker.href = link(marker, index_url=index_url, current_process=current_process)
        marker.label = describe(marker)
        marker.symbol = symbol(marker.kind, marker.x, marker.y, radius)
        marker.target = symbol(KIND_PARTNER, marker.x, marker.y, radius * 1.8)
    countries = dict.fromkeys(marker.country for marker in markers)
    paths = shapes.country_paths()
    return MapView(
        view_box=" ".join(f"{value:.0f}" for value in (x, y, width, height)),
        width=width,
        height=height,
        markers=markers,
        countries_path="".join(paths.get(code, "") for code in countries),
    )
