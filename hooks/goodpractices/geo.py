"""Europe's country outlines for the map: made from Natural Earth's TopoJSON by the generator, read back here.

`scripts/generate.py` turns world-atlas's `countries-50m.json` (Natural Earth 1:50m, public domain) into the
committed `europe.json`: the arcs decoded, each simplified once (Douglas–Peucker, so that two neighbours keep
the same border), the rings cut to a frame around Europe (OUTLINES) and rounded to 0.01°. The build only reads
that file: no network, no npm, and the same bytes every time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .countries import code_for

#: The committed outlines, beside this module.
TABLE = "europe.json"
#: The file of the world-atlas package it is made from, and what the map credits.
SOURCE = "node_modules/world-atlas/countries-50m.json"
CREDIT = "Country outlines: Natural Earth (public domain), 1:50m, via world-atlas 2.0.2."
#: Where partners may be placed, in degrees: west, south, east, north.
FRAME = (-30.0, 27.0, 50.0, 72.0)
#: The frame the outlines are cut to: wider than FRAME, so that a map framed on partners as far apart as the
#: Canaries, Lapland and Cyprus shows land running off its edges, not cut along a meridian or a parallel.
OUTLINES = (-75.0, 12.0, 85.0, 84.0)
#: How far a simplified arc may stray from the original, and the smallest island kept, in degrees (²).
TOLERANCE = 0.04
MIN_AREA = 0.02
#: Natural Earth's short names that are not CLDR names (those with no ISO code, e.g. N. Cyprus, get none).
_NAMES = {"Bosnia and Herz.": "BA", "Macedonia": "MK", "Faeroe Is.": "FO", "Åland": "AX", "Vatican": "VA",
          "Turkey": "TR", "Palestine": "PS"}

Point = tuple[float, float]


@dataclass(frozen=True)
class Country:
    """A country's outline: ISO code ('' if it has none), name, and rings of (longitude, latitude) points."""

    code: str
    name: str
    rings: tuple[tuple[Point, ...], ...]


def _decode(topology: dict) -> list[list[Point]]:
    """Return the topology's arcs as absolute (longitude, latitude) points (quantized, delta-encoded)."""
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


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker: the fewest points of `points`, ends kept, that stray no more than `tolerance`."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        worst, index = 0.0, 0
        for i in range(first + 1, last):
            px, py = points[i]
            distance = (abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length
                        else math.hypot(px - ax, py - ay))
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep) if kept]


def clip(ring: list[Point], frame: tuple[float, float, float, float]) -> list[Point]:
    """Cut a ring to the frame (Sutherland–Hodgman, one side at a time)."""
    west, south, east, north = frame
    sides = ((0, west, True), (0, east, False), (1, south, True), (1, north, False))
    for axis, limit, above in sides:
        def inside(p: Point) -> bool:
            return p[axis] >= limit if above else p[axis] <= limit

        result: list[Point] = []
        for i, current in enumerate(ring):
            previous = ring[i - 1]
            if inside(current) != inside(previous):
                t = (limit - previous[axis]) / (current[axis] - previous[axis])
                cut = (previous[0] + t * (current[0] - previous[0]), previous[1] + t * (current[1] - previous[1]))
                result.append((limit, cut[1]) if axis == 0 else (cut[0], limit))
            if inside(current):
                result.append(current)
        ring = result
        if not ring:
            break
    return ring


def _area(ring: Sequence[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]]))) / 2


def _rings(geometry: dict, arcs: list[list[Point]]) -> Iterator[list[Point]]:
    """Return a (Multi)Polygon's rings from its arc indexes (~i is arc i reversed)."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    for polygon in polygons:
        for indexes in polygon:
            ring: list[Point] = []
            for index in indexes:
                arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                ring += arc[1:] if ring else arc
            yield ring


def outlines(topology: dict) -> list[Country]:
    """Return the countries of a world-atlas topology that reach into the frame, simplified and cut to it."""
    arcs = [simplify(arc, TOLERANCE) for arc in _decode(topology)]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        rings = []
        for ring in _rings(geometry, arcs):
            cut = [(round(x, 2), round(y, 2)) for x, y in clip(ring[:-1], OUTLINES)]
            cut = [p for i, p in enumerate(cut) if p != cut[i - 1]]
            if len(cut) >= 3 and _area(cut) >= MIN_AREA:
                rings.append(tuple(cut))
        if rings:
            name = geometry["properties"]["name"]
            countries.append(Country(_NAMES.get(name) or code_for(name) or "", name, tuple(rings)))
    return sorted(countries, key=lambda c: (c.name, c.code))


def table_text(topology: dict) -> str:
    """Return europe.json as scripts/generate.py writes it: one country per line, each ring a flat list."""
    lines = [json.dumps({"code": c.code, "name": c.name,
                         "rings": [[v for point in ring for v in point] for ring in c.rings]},
                        ensure_ascii=False, separators=(",", ":")) for c in outlines(topology)]
    head = json.dumps({"credit": CREDIT, "frame": OUTLINES}, separators=(",", ":"))[:-1]
    return head + ',"countries":[\n' + ",\n".join(lines) + "\n]}\n"


@cache
def europe() -> tuple[Country, ...]:
    """Return the committed outlines (read once: they are the same for every build)."""
    data = json.loads(resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8"))
    return tuple(Country(c["code"], c["name"], tuple(tuple(zip(r[0::2], r[1::2])) for r in c["rings"]))
                 for c in data["countries"])
