"""The map of partners and transfers as plain data: projected outlines, markers, labels and arrows.

Europe is drawn in a Lambert azimuthal equal-area projection centred on 10° E, 52° N (the centre of the EU's
ETRS89-LAEA grid, on a sphere), framed on the partners that have coordinates. Transfers are drawn as one curved
arrow per presenting partner, taking-up partner and stage, wider for more practices (up to the busiest arrow's
width); an arrow back bends the other way. On a crowded map (more than BY_PAIR such arrows) there is one arrow a
pair, at the stage most of its transfers reached: 11 partners who all took up each other's practices at every
stage give 110 arrows, not 440. Labels go where they overlap no other label or marker (the first free of eight
places, or the partner's code, or none: the list beside the map has them all).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .geo import clip, europe
from .model import Catalog, Partner, Transfer
from .schema import STAGES

#: The sphere's radius (km), the projection's centre (degrees) and the map's width (SVG units).
RADIUS = 6371.0
CENTRE = (10.0, 52.0)
WIDTH, HEIGHT = 800.0, 620.0
#: Above this many arrows, they are drawn thinner (and the renderer fainter), so that crossings stay readable.
CROWDED = 40
#: Above this many arrows of a pair and a stage, one arrow a pair: a map on which every partner took up practices
#: of every other at every stage (11 partners: 440 arrows) reads better as 110 arrows, and weighs a quarter.
BY_PAIR = 150
#: How far outside the map's edges the outlines are cut (SVG units): the cut never shows, not even its stroke.
EDGE = 4.0
#: A marker's radius and the labels' font size (SVG units).
MARKER, FONT = 5.5, 12.0
#: Partners closer than this (SVG units) are joined by a loop, not a curve that their markers would hide.
LOOP = 4 * MARKER


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Return a point's place in km east and north of the projection's centre (spherical LAEA)."""
    lam, phi = math.radians(longitude - CENTRE[0]), math.radians(latitude)
    phi0 = math.radians(CENTRE[1])
    k = math.sqrt(2 / (1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)))
    return (RADIUS * k * math.cos(phi) * math.sin(lam),
            RADIUS * k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam)))


@dataclass(frozen=True)
class Frame:
    """Where projected km land in the SVG: x = left + scale·east, y = top − scale·north."""

    left: float
    top: float
    scale: float

    def place(self, longitude: float, latitude: float) -> tuple[float, float]:
        """Return a point's place on the map, in SVG units."""
        east, north = project(longitude, latitude)
        return self.left + self.scale * east, self.top - self.scale * north


@dataclass(frozen=True)
class Marker:
    """A partner's marker, and its label if one fits (text, x, y, text-anchor)."""

    partner: Partner
    x: float
    y: float
    label: tuple[str, float, float, str] | None


@dataclass(frozen=True)
class Arrow:
    """The transfers from one partner to another at one stage (or, on a crowded map, at any stage: `stage` is the
    one most of them reached), as one curved arrow (SVG path data)."""

    source: Partner
    target: Partner
    stage: str
    transfers: tuple[Transfer, ...]
    path: str
    width: float


@dataclass(frozen=True)
class Layout:
    """Everything the map draws: the frame, the countries (ISO code, name, path data), markers and arrows."""

    frame: Frame
    countries: tuple[tuple[str, str, str], ...]
    markers: tuple[Marker, ...]
    arrows: tuple[Arrow, ...]
    unplaced: tuple[Partner, ...]  # partners without coordinates: in the list, not on the map
    by_stage: bool = True  # an arrow a pair and stage; False: one a pair (a crowded map, see BY_PAIR)
    unmapped: tuple[Arrow, ...] = ()  # transfers from or to a partner without coordinates: listed, not drawn


def _frame(points: list[tuple[float, float]]) -> Frame:
    """Fit the partners' projected points, with a margin, into the map's fixed width and height."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) * WIDTH / HEIGHT, 900.0)
    scale = WIDTH / (span * 1.3)
    middle = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
    return Frame(WIDTH / 2 - scale * middle[0], HEIGHT / 2 + scale * middle[1], scale)


def _outline(frame: Frame, rings: tuple[tuple[tuple[float, float], ...], ...]) -> str:
    """Return a country's path data in whole SVG units, relative moves, only the rings that reach the map, cut
    just outside its edges (what lies beyond is never seen, and would only weigh)."""
    parts = []
    for ring in rings:
        points = [frame.place(lon, lat) for lon, lat in ring]
        if (max(x for x, _ in points) < 0 or min(x for x, _ in points) > WIDTH
                or max(y for _, y in points) < 0 or min(y for _, y in points) > HEIGHT):
            continue
        points = clip(points, (-EDGE, -EDGE, WIDTH + EDGE, HEIGHT + EDGE))
        whole = [(round(x), round(y)) for x, y in points]
        whole = [p for i, p in enumerate(whole) if i == 0 or p != whole[i - 1]]
        if len(whole) < 3:
            continue
        steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(whole, whole[1:])]
        parts.append(f"M{whole[0][0]} {whole[0][1]}l" + " ".join(steps) + "z")
    return "".join(parts).replace(" -", "-")


def _labels(placed: list[tuple[Partner, float, float]]) -> list[Marker]:
    """Place each partner's label where it overlaps no marker and no label placed before it."""
    boxes = [(x - MARKER, y - MARKER, x + MARKER, y + MARKER) for _, x, y in placed]
    markers = []
    for partner, x, y in placed:
        label = None
        for text in (partner.short_name, partner.code):
            width, gap = 0.55 * FONT * len(text), MARKER * 1.5 + 2
            places = ((x + gap, y + FONT / 3, "start"), (x - gap, y + FONT / 3, "end"),
                      (x, y - gap - 2, "middle"), (x, y + gap + FONT - 2, "middle"),
                      (x + gap, y - gap, "start"), (x - gap, y - gap, "end"),
                      (x + gap, y + gap + FONT / 2, "start"), (x - gap, y + gap + FONT / 2, "end"))
            for lx, ly, anchor in places:
                left = lx - {"start": 0, "middle": width / 2, "end": width}[anchor]
                box = (left, ly - FONT * 0.8, left + width, ly + FONT * 0.25)
                inside = box[0] >= 2 and box[2] <= WIDTH - 2 and box[1] >= 2 and box[3] <= HEIGHT - 2
                if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                                      for b in boxes):
                    boxes.append(box)
                    label = (text, round(lx, 1), round(ly, 1), anchor)
                    break
            if label:
                break
        markers.append(Marker(partner, round(x, 1), round(y, 1), label))
    return markers


def _curve(a: tuple[float, float], b: tuple[float, float], bend: float, end_gap: float) -> str:
    """Return a quadratic curve from a to b bent to the right of its direction, its ends clear of the markers."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    control = ((a[0] + b[0]) / 2 - dy * bend, (a[1] + b[1]) / 2 + dx * bend)

    def toward(p: tuple[float, float], gap: float) -> tuple[float, float]:
        cx, cy = control[0] - p[0], control[1] - p[1]
        d = math.hypot(cx, cy) or 1.0
        return p[0] + cx / d * gap, p[1] + cy / d * gap

    start, end = toward(a, MARKER + 1.5), toward(b, min(end_gap, length / 3))
    return "M{:.1f} {:.1f}Q{:.1f} {:.1f} {:.1f} {:.1f}".format(*start, *control, *end)


def _loop(a: tuple[float, float], b: tuple[float, float], bend: float, end_gap: float, above: bool) -> str:
    """Return a loop from a to b, two partners at (nearly) one place, which a curve between them would hide under
    their markers: out of a, up (or down, for the way back) and into b, taller for each further stage."""
    rise = (-1 if above else 1) * (LOOP + 100 * bend)
    out, back = (a[0] - 0.6 * LOOP, a[1] + rise), (b[0] + 0.6 * LOOP, b[1] + rise)

    def toward(p: tuple[float, float], c: tuple[float, float], gap: float) -> tuple[float, float]:
        d = math.hypot(c[0] - p[0], c[1] - p[1]) or 1.0
        return p[0] + (c[0] - p[0]) / d * gap, p[1] + (c[1] - p[1]) / d * gap

    start, end = toward(a, out, MARKER + 1.5), toward(b, back, end_gap)
    return "M{:.1f} {:.1f}C{:.1f} {:.1f} {:.1f} {:.1f} {:.1f} {:.1f}".format(*start, *out, *back, *end)


def _by_pair(groups: dict[tuple[str, str, int], list[Transfer]]) -> dict[tuple[str, str, int], list[Transfer]]:
    """Return one group a pair, at the stage most of its transfers reached (the further on a tie)."""
    pairs_only: dict[tuple[str, str], list[Transfer]] = defaultdict(list)
    for (source, target, _rank), transfers in sorted(groups.items()):
        pairs_only[source, target] += transfers
    return {(source, target, max(range(len(STAGES)), key=lambda r: (sum(t.rank == r for t in ts), r))): ts
            for (source, target), ts in pairs_only.items()}


def layout(catalog: Catalog) -> Layout:
    """Return the map of the catalogue's partners and transfers (same catalogue, same layout)."""
    located = [p for p in catalog.partners if p.latitude is not None and p.longitude is not None]
    unplaced = tuple(p for p in catalog.partners if p not in located)
    if not located:
        return Layout(Frame(0, 0, 1), (), (), (), unplaced)
    frame = _frame([project(p.longitude, p.latitude) for p in located])  # type: ignore[arg-type]
    points = {p.key: frame.place(p.longitude, p.latitude) for p in located}  # type: ignore[arg-type]
    countries = tuple((c.code, c.name, d) for c in europe() if (d := _outline(frame, c.rings)))
    groups: dict[tuple[str, str, int], list[Transfer]] = defaultdict(list)
    elsewhere: dict[tuple[str, str, int], list[Transfer]] = defaultdict(list)  # a partner without coordinates
    for practice in catalog.practices:
        for t in practice.transfers:
            drawn = practice.partner in points and t.partner in points
            (groups if drawn else elsewhere)[practice.partner, t.partner, t.rank].append(t)
    by_stage = len(groups) <= BY_PAIR
    if not by_stage:
        groups, elsewhere = _by_pair(groups), _by_pair(elsewhere)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    arrows = []
    crowded = len(groups) > CROWDED
    most = max((len(ts) for ts in groups.values()), default=1)
    for (source, target, rank), transfers in sorted(groups.items(), key=lambda item: (
            catalog.partner[item[0][0]].number, catalog.partner[item[0][1]].number, item[0][2])):
        bend = 0.12 + 0.08 * pairs[source, target]
        pairs[source, target] += 1
        base, span = (1.0, 3.0) if crowded else (2.0, 4.0)  # widths from base (one practice) to base + span (most)
        width = base + (span * math.log2(len(transfers)) / math.log2(most) if most > 1 else 0)
        a, b, gap = points[source], points[target], MARKER + 1.5 + 3.6 * width
        path = (_loop(a, b, bend, gap, catalog.partner[source].number < catalog.partner[target].number)
                if math.dist(a, b) < LOOP else _curve(a, b, bend, gap))
        arrows.append(Arrow(catalog.partner[source], catalog.partner[target], STAGES[rank], tuple(transfers),
                            path, round(width, 1)))
    markers = _labels([(p, *points[p.key]) for p in located])
    unmapped = tuple(Arrow(catalog.partner[source], catalog.partner[target], STAGES[rank], tuple(transfers), "", 0.0)
                     for (source, target, rank), transfers in sorted(elsewhere.items(), key=lambda item: (
                         catalog.partner[item[0][0]].number, catalog.partner[item[0][1]].number, item[0][2])))
    return Layout(frame, countries, tuple(markers), tuple(arrows), unplaced, by_stage, unmapped)
