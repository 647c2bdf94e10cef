"""The network map: the projection, the decoding of the country shapes, the places it
marks (published and public only, nothing private), its markup and its cost."""

import gzip
import math
import re
import struct

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from learning_processes.network_map import shapes
from learning_processes.network_map.drawing import SPACING, WORLD_MARKER, layout
from learning_processes.network_map.selectors import HOST, PARTNER, NetworkPlace, network
from tests.factories import LearningProcessFactory, add_partners, process_index


@pytest.fixture(autouse=True)
def _english_and_empty_cache():
    from django.utils import translation

    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


def render(source: str, **context) -> str:
    return Template("{% load network_map %}" + source).render(Context(context))


# --- Projection --------------------------------------------------------------------


def test_equal_earth_matches_the_published_extent():
    assert shapes.equal_earth(0, 0) == (0.0, 0.0)
    assert shapes.equal_earth(180, 0)[0] == pytest.approx(2.70663, abs=1e-5)
    assert shapes.equal_earth(0, 90)[1] == pytest.approx(1.31736, abs=1e-5)


def test_equal_earth_is_symmetric_about_the_equator_and_the_prime_meridian():
    x, y = shapes.equal_earth(30, 45)
    assert shapes.equal_earth(-30, -45) == pytest.approx((-x, -y))


def test_the_map_runs_from_the_date_line_to_the_date_line_with_north_at_the_top():
    assert shapes.to_map(-180, 0)[0] == pytest.approx(0)
    assert shapes.to_map(180, 0)[0] == pytest.approx(shapes.MAP_WIDTH)
    assert shapes.to_map(0, 90)[1] == pytest.approx(0)
    assert shapes.to_map(7.1, 50.7)[1] < shapes.to_map(36.8, -1.3)[1]  # Bonn above Nairobi


# --- Decoding the shapefile ---------------------------------------------------------


def _dbf(fields: list[tuple[str, int]], rows: list[list[str]]) -> bytes:
    header_length = 32 + 32 * len(fields) + 1
    record_length = 1 + sum(length for _, length in fields)
    data = bytearray(
        struct.pack("<BBBBIHH20x", 3, 126, 1, 1, len(rows), header_length, record_length)
    )
    for name, length in fields:
        data += struct.pack("<11sc4xB15x", name.encode(), b"C", length)
    data += b"\r"
    for row in rows:
        data += b" " + b"".join(
            value.encode().ljust(length) for value, (_, length) in zip(row, fields, strict=True)
        )
    return bytes(data)


def _shp(records: list[list[list[tuple[float, float]]]]) -> bytes:
    body = bytearray()
    for number, rings in enumerate(records, 1):
        if not rings:
            content = struct.pack("<i", 0)
        else:
            points = [point for ring in rings for point in ring]
            starts, position = [], 0
            for ring in rings:
                starts.append(position)
                position += len(ring)
            content = struct.pack("<i4dii", 5, 0, 0, 0, 0, len(rings), len(points))
            content += struct.pack(f"<{len(rings)}i", *starts)
            content += struct.pack(f"<{2 * len(points)}d", *(c for point in points for c in point))
        body += struct.pack(">ii", number, len(content) // 2) + content
    return bytes(struct.pack(">i20xi", 9994, (100 + len(body)) // 2) + bytes(72) + body)


def test_dbf_records_are_read_by_field_name():
    data = _dbf([("ISO_A2", 3), ("NAME", 10)], [["KE", "Kenya"], ["-99", "Somaliland"]])
    assert shapes.read_dbf(data) == [
        {"ISO_A2": "KE", "NAME": "Kenya"},
        {"ISO_A2": "-99", "NAME": "Somaliland"},
    ]


def test_polygons_are_read_ring_by_ring_and_a_null_shape_has_none():
    outer = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0)]
    hole = [(2.0, 2.0), (3.0, 2.0), (3.0, 3.0), (2.0, 2.0)]
    assert shapes.read_polygons(_shp([[outer, hole], [], [hole]])) == [[outer, hole], [], [hole]]


def test_the_shipped_shapes_name_every_country_we_mark_and_leave_out_antarctica():
    codes = {shape.code for shape in shapes.country_shapes()}
    assert {"DE", "KE", "VN", "BR", "FR", "NO"} <= codes  # France and Norway despite "-99"
    assert "AQ" not in codes
    # Northernmost land (Greenland, ~83.6° N) starts the map, not the pole.
    assert shapes.map_top() == pytest.approx(shapes.to_map(0, 83.6)[1], abs=3)


def test_a_country_centre_lies_in_the_country():
    (left, top), (right, bottom) = shapes.to_map(5.9, 55.1), shapes.to_map(15.0, 47.3)
    x, y = shapes.country_centroids()["DE"]
    assert left < x < right and top < y < bottom
    # France's centre is in Europe, not pulled towards French Guiana.
    assert shapes.country_centroids()["FR"][0] > shapes.to_map(-5, 46)[0]


def test_simplification_drops_points_on_a_straight_line_and_keeps_corners():
    line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (2.0, 5.0)]
    assert shapes.simplify(line, tolerance=0.5) == [(0.0, 0.0), (2.0, 0.0), (2.0, 5.0)]


def test_a_ring_becomes_a_short_relative_path_in_whole_units():
    ring = ((10.2, 20.4), (30.0, 20.0), (30.0, 40.0), (10.2, 20.4))
    assert shapes.ring_path(ring) == "M10 20l20 0 0 20z"
    assert shapes.ring_path(((1.0, 1.0), (1.2, 1.1), (1.0, 1.0))) == ""  # too small to draw


def test_the_world_weighs_less_than_25_kb_gzipped():
    land = shapes.land_path().encode()
    assert len(gzip.compress(land)) < 25_000
    assert re.fullmatch(rb"(M\d+ \d+l[-\d ]+z)+", land)


# --- The places ---------------------------------------------------------------------


def test_the_network_has_published_public_processes_only(db):
    shown = add_partners(LearningProcessFactory(title="Waste"), ("Kumasi", "GH"))
    LearningProcessFactory(title="Draft", publish=False)
    hidden = add_partners(LearningProcessFactory(title="Private"), ("Lyon", "FR"))
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    titles = {place.process_title for place in network().places}
    assert titles == {"Waste"}
    assert [(p.name, p.role) for p in network().places] == [("Bonn", HOST), ("Kumasi", "partner")]
    assert network().places[0].process_url == shown.url


def test_a_partner_added_in_an_unpublished_draft_is_not_on_the_map(db):
    process = add_partners(LearningProcessFactory(title="Waste"), ("Kumasi", "GH"))
    from learning_processes.models import PartnerMunicipality

    process.partners.add(PartnerMunicipality(name="Pune", country="IN"))
    process.save_revision()  # not published
    assert "Pune" not in {place.name for place in network().places}


def test_no_contact_details_reach_the_map(db):
    process = add_partners(
        LearningProcessFactory(
            contact_name="Anna Becker", contact_email="anna.becker@bonn.example"
        ),
        ("Kumasi", "GH"),
    )
    html = render("{% network_map %}") + render(
        "{% process_map p ps %}", p=process, ps=process.partners.all()
    )
    assert "Anna Becker" not in html and "anna.becker" not in html


def test_the_cached_network_is_forgotten_when_a_process_is_unpublished(db):
    process = add_partners(LearningProcessFactory(title="Waste"), ("Kumasi", "GH"))
    assert network().places
    process.unpublish()
    assert not network().places


def test_the_cached_network_is_forgotten_when_a_process_is_restricted(db):
    process = add_partners(LearningProcessFactory(title="Waste"), ("Kumasi", "GH"))
    assert network().places
    PageViewRestriction.objects.create(page=process, restriction_type="password", password="x")
    assert not network().places


def test_a_place_is_marked_at_its_coordinates_else_at_its_country_centre(db):
    process = LearningProcessFactory(host_latitude=50.7374, host_longitude=7.0982)
    add_partners(process, ("Kisumu", "KE"))
    view = layout(list(network().places), index_url="")
    host, partner = sorted(view.markers, key=lambda marker: marker.kind != "host")
    assert (host.x, host.y) == pytest.approx(shapes.to_map(7.0982, 50.7374))
    assert (partner.x, partner.y) == pytest.approx(shapes.country_centroids()["KE"])


def test_hosts_that_would_overlap_share_one_marker_named_after_all(db):
    process_index()
    for city, (lat, lon) in {"Bonn": (50.74, 7.10), "Siegburg": (50.80, 7.21)}.items():
        LearningProcessFactory(host_city=city, host_latitude=lat, host_longitude=lon)
    (marker,) = layout(list(network().places), index_url="/learning-processes/").markers
    assert "Bonn, Siegburg, Germany: hosts" in marker.label
    assert marker.href == "/learning-processes/?country=DE"


def test_markers_of_neighbouring_countries_are_moved_apart_until_they_no_longer_touch():
    # Kisumu (Kenya) and Kampala (Uganda) lie about 250 km apart: on the world map
    # their triangles overlapped and Kampala's covered Kisumu's centre.
    places = [
        NetworkPlace(name, country, PARTNER, lat, lon, number, name, f"/p/{number}/")
        for number, (name, country, lat, lon) in enumerate(
            [
                ("Kisumu", "KE", -0.09, 34.77),
                ("Kampala", "UG", 0.35, 32.58),
                ("Entebbe", "UG", 0.05, 32.46),
            ]
        )
    ]
    view = layout(places, index_url="/learning-processes/")
    radius = shapes.MAP_WIDTH * WORLD_MARKER
    assert len(view.markers) == 2  # Kampala and Entebbe share one
    first, second = view.markers
    assert math.hypot(first.x - second.x, first.y - second.y) >= SPACING * radius - 0.01
    for marker in view.markers:  # still near where they are
        place = marker.places[0]
        x, y = shapes.to_map(place.longitude, place.latitude)
        assert math.hypot(marker.x - x, marker.y - y) < SPACING * radius


def test_the_network_is_read_in_a_few_queries_and_then_from_the_cache(
    db, django_assert_max_num_queries, django_assert_num_queries
):
    for number in range(5):
        add_partners(LearningProcessFactory(), (f"City {number}", "KE"), ("Lyon", "FR"))
    cache.clear()
    with django_assert_max_num_queries(6):
        render("{% network_map %}")
    with django_assert_num_queries(0):
        render("{% network_map %}")


# --- The markup ---------------------------------------------------------------------


@pytest.fixture
def two_processes(db):
    process_index()
    waste = add_partners(
        LearningProcessFactory(title="Waste", host_city="Leipzig"),
        ("Kumasi", "GH"),
        ("Lyon", "FR"),
    )
    heat = add_partners(
        LearningProcessFactory(
            title="Heat", host_city="Dresden", host_latitude=51.05, host_longitude=13.74
        ),
        ("Kisumu", "KE"),
    )
    return waste, heat


def test_the_map_is_a_labelled_group_of_links_each_with_a_title(two_processes):
    html = render("{% network_map %}")
    assert re.search(r'<svg[^>]+role="group"[^>]+aria-labelledby="network-map-caption"', html)
    assert 'id="network-map-caption"' in html
    links = re.findall(
        r'<a href="([^"]+)" class="network-map-marker[^"]*" aria-label="([^"]+)">'
        r"\s*<title>([^<]+)</title>",
        html,
    )
    assert len(links) == 4  # Leipzig and Dresden overlap at world scale: one marker
    assert all(label == title for _, label, title in links)
    kumasi = next(link for link in links if link[1].startswith("Kumasi"))
    assert kumasi[0] == two_processes[0].url
    assert kumasi[1] == "Kumasi, Ghana: partner municipality in the Global South (Waste)"


def test_the_global_south_is_told_by_shape_class_and_legend(two_processes):
    html = render("{% network_map %}")
    assert html.count("network-map-marker network-map-south") == 2  # Kumasi, Kisumu
    assert html.count("network-map-marker network-map-partner") == 1  # Lyon
    assert html.count("network-map-marker network-map-host") == 1
    legend = re.search(r'<ul class="network-map-legend">(.*?)</ul>', html, re.S).group(1)
    for words in ("Host (Germany)", "Partner municipality in the Global South", "elsewhere"):
        assert words in legend


def test_the_same_places_are_offered_as_a_plain_list(two_processes):
    html = render("{% network_map %}")
    listed = re.search(r'<details class="network-map-list">(.*?)</details>', html, re.S).group(1)
    assert "The 5 places on the map as a list" in listed
    for name in ("Leipzig", "Dresden", "Kumasi", "Lyon", "Kisumu"):
        assert f"<strong>{name}</strong>" in listed
    assert listed.count("Global South") == 2


def test_a_process_map_shows_its_own_places_around_their_region(two_processes):
    waste, _ = two_processes
    html = render("{% process_map p ps %}", p=waste, ps=waste.partners.all())
    assert "Kisumu" not in html and "Kumasi" in html
    x, y, width, height = (float(v) for v in re.search(r'viewBox="([^"]+)"', html).group(1).split())
    assert width < shapes.MAP_WIDTH
    # Its own page is not linked: the markers lead to the processes of their country.
    assert f'href="{waste.url}"' not in html
    assert 'href="/learning-processes/?country=GH"' in html


def test_the_process_page_shows_the_map_in_a_constant_number_of_queries(two_processes, client):
    waste, _ = two_processes

    def queries() -> int:
        client.get(waste.url)  # warms the caches of Wagtail and of the network
        with CaptureQueriesContext(connection) as captured:
            response = client.get(waste.url)
        assert response.status_code == 200
        assert b'class="network-map"' in response.content
        return len(captured)

    before = queries()
    add_partners(waste, ("Pune", "IN"), ("Accra", "GH"), ("Lima", "PE"))
    assert queries() <= before
    assert "Lima" in client.get(waste.url).content.decode()


def test_a_country_too_small_for_the_shapes_is_listed_but_not_marked(db):
    process = add_partners(LearningProcessFactory(title="Islands"), ("Apia", "WS"))
    html = render("{% process_map p ps %}", p=process, ps=process.partners.all())
    assert "<strong>Apia</strong>" in html and 'aria-label="Apia' not in html


def test_markers_stay_round_numbers():
    assert all(math.isfinite(value) for value in shapes.to_map(0, 0))
