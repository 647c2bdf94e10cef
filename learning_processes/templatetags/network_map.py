"""`{% load network_map %}`: the map of the network, drawn on the server as SVG.

`{% network_map %}` shows every published learning process's host and partners on the
world map (the home page); `{% process_map page partners %}` one process's, around
their region (the process page, given the partners it already loaded).
"""

from django import template

from learning_processes.countries import country_name
from learning_processes.network_map import shapes
from learning_processes.network_map.drawing import KIND_SOUTH, kind_of, layout
from learning_processes.network_map.selectors import network, process_places

register = template.Library()
TEMPLATE = "learning_processes/includes/network_map.html"


def _context(places, *, index_url: str, current_process=None, zoom: bool) -> dict:
    view = layout(places, index_url=index_url, current_process=current_process, zoom=zoom)
    listed = [
        {
            "place": place,
            "country": country_name(place.country),
            "south": kind_of(place) == KIND_SOUTH,
        }
        for place in places
    ]
    return {
        "map": view,
        "land": shapes.land_path(),
        "places": listed,
        "zoomed": zoom,
        "current_process": current_process,
    }


@register.inclusion_tag(TEMPLATE)
def network_map() -> dict:
    current = network()
    return _context(list(current.places), index_url=current.index_url, zoom=False)


@register.inclusion_tag(TEMPLATE)
def process_map(process, partners) -> dict:
    places = process_places(process, list(partners))
    return _context(places, index_url=network().index_url, current_process=process.pk, zoom=True)
