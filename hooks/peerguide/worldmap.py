"""A map of the Nordic and Baltic countries as SVG paths, from Natural Earth.

The shapes come from the npm package world-atlas (Natural Earth's 1:50m countries as
TopoJSON, public domain; installed by make into node_modules/). Nothing is fetched:
the map is drawn at build time, projected (Lambert azimuthal equal-area, centred on
the region), clipped to the region, simplified, and written as a few kilobytes of
path data. Plain functions; the template (partials/peerguide/network-map.html)
draws the SVG.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .buildcache import remembered
from .cache import cache_dir

DATASET = Path("node_modules") / "world-atlas" / "countries-50m.json"
# Neighbours drawn in grey for context (ISO 3166-1 numeric): Finland, Russia, Belarus,
# Poland, Germany, the United Kingdom, Ireland, the Netherlands, the Faroe Islands, Greenland.
CONTEXT = ("246", "643", "112", "616", "276", "826", "372", "528", "234", "304")
CENTRE = (12.0, 62.0)  # longitude, latitude of the projection's centre
WINDOW = (-25.5, 53.3, 33.0, 71.6)  # the region shown: west, south, east, north
WIDTH = 480.0  # the SVG's viewBox width; the height follows from the region
TOLERANCE = 0.35  # simplification, in viewBox units
SMALLEST = 1.2  # islands smaller than this (viewBox units across) are left out


class MapDataMissing(Exception):
    """The npm package is not installed."""


@dataclass(frozen=True)
class Shape:
    id: str
    path: str  # SVG path data
    label: tuple[float, float] | None = None  # where the name goes, in viewBox units


@dataclass(frozen=True)
class Map:
    width: float
    height: float
    countries: dict[str, Shape]  # by ISO numeric id: the network's countries
    context: tuple[Shape, ...]


def _project(lon: float, lat: float) -> tuple[float, float]:
    lon0, lat0 = (math.radians(v) for v in CENTRE)
    lam, phi = math.radians(lon), math.radians(lat)
    k = math.sqrt(2 / (1 + math.sin(lat0) * math.sin(phi) + math.cos(lat0) * math.cos(phi) * math.cos(lam - lon0)))
    x = k * math.cos(phi) * math.sin(lam - lon0)
    y = k * (math.cos(lat0) * math.sin(phi) - math.sin(lat0) * math.cos(phi) * math.cos(lam - lon0))
    return x, -y


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's delta-encoded, quantised arcs as (longitude, latitude) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list, indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _polygons(geometry: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [[_ring(arcs, ring) for ring in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[_ring(arcs, ring) for ring in polygon] for polygon in geometry["arcs"]]
    return []


def _clip(ring: list[tuple[float, float]], box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a ring inside the rectangle (left, top, right, bottom)."""
    left, top, right, bottom = box
    edges = [
        (lambda p: p[0] >= left, lambda a, b: (left, a[1] + (b[1] - a[1]) * (left - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= right, lambda a, b: (right, a[1] + (b[1] - a[1]) * (right - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= top, lambda a, b: (a[0] + (b[0] - a[0]) * (top - a[1]) / (b[1] - a[1]), top)),
        (lambda p: p[1] <= bottom, lambda a, b: (a[0] + (b[0] - a[0]) * (bottom - a[1]) / (b[1] - a[1]), bottom)),
    ]
    points = ring
    for inside, cross in edges:
        if not points:
            break
        result = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
        points = result
    return points


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, without recursion (Norway's coast has thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1e-12
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / length
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep) if kept]


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        coords = [f"{x:.1f} {y:.1f}" for x, y in ring]
        parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def _area_centre(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, x, y) of a ring's centroid."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if not area:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area), cx / (6 * area), cy / (6 * area)


@functools.lru_cache(maxsize=4)
def region_map(project_root: Path, country_ids: tuple[str, ...], labels: tuple[tuple[float, float] | None, ...]) -> Map:
    """The network's countries (and their neighbours, for context) as SVG paths.
    `labels` are (longitude, latitude) for each country's name, or None for its largest part's centre.
    Kept on disk for the next build (buildcache.py): the same for every build until the data changes."""
    dataset = project_root / DATASET
    if not dataset.is_file():
        raise MapDataMissing(f"{DATASET} is missing: run `make` (it installs the npm packages) or `npm ci`")
    content = dataset.read_bytes()
    return remembered(cache_dir(project_root), "map", [content, repr(country_ids), repr(labels)],
                      lambda: _draw(content, country_ids, labels))


def _draw(content: bytes, country_ids: tuple[str, ...], labels: tuple[tuple[float, float] | None, ...]) -> Map:
    topology = json.loads(content.decode("utf-8"))
    arcs = _decode_arcs(topology)
    geometries = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"]}

    west, south, east, north = WINDOW
    corners = [_project(lon, lat) for lon in (west, CENTRE[0], east) for lat in (south, north)]
    x0, x1 = min(p[0] for p in corners), max(p[0] for p in corners)
    y0, y1 = min(p[1] for p in corners), max(p[1] for p in corners)
    scale = WIDTH / (x1 - x0)
    height = (y1 - y0) * scale

    def to_view(lon: float, lat: float) -> tuple[float, float]:
        x, y = _project(lon, lat)
        return (x - x0) * scale, (y - y0) * scale

    box = (-2.0, -2.0, WIDTH + 2.0, height + 2.0)

    def shape(country_id: str, label: tuple[float, float] | None = None) -> Shape | None:
        geometry = geometries.get(country_id)
        if geometry is None:
            return None
        rings, largest = [], (0.0, 0.0, 0.0)
        for polygon in _polygons(geometry, arcs):
            for ring in polygon:
                projected = _clip([to_view(lon, lat) for lon, lat in ring], box)
                if len(projected) < 3:
                    continue
                xs, ys = [p[0] for p in projected], [p[1] for p in projected]
                if max(xs) - min(xs) < SMALLEST and max(ys) - min(ys) < SMALLEST:
                    continue
                if projected[0] == projected[-1]:
                    projected = projected[:-1]  # rings repeat their first point at the end
                simple = _simplify(projected, TOLERANCE)  # as an open line: its ends are neighbours
                if len(simple) >= 3:
                    rings.append(simple)
                    centre = _area_centre(simple)
                    largest = max(largest, centre)
        if not rings:
            return None
        where = to_view(*label) if label else (largest[1], largest[2])
        return Shape(country_id, _path(rings), (round(where[0], 1), round(where[1], 1)))

    countries = {cid: shape(cid, label) for cid, label in zip(country_ids, labels)}
    missing = [cid for cid, found in countries.items() if found is None]
    if missing:
        raise MapDataMissing(f"{DATASET} has no shape for the countries {', '.join(missing)}")
    context = tuple(s for s in (shape(cid) for cid in CONTEXT if cid not in country_ids) if s)
    return Map(round(WIDTH, 1), round(height, 1), countries, context)
