"""The map of partners and transfers: coordinates checked, markers where the partners are, an arrow for every
transfer, the list beside it the same as the catalogue, legible at 40 partners and 300 transfers."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT, Project, build_corpus, practice
from goodpractices import catalog as pipeline
from goodpractices import geo
from goodpractices.draw.map import STAGE_LINES, STAGE_STYLES, svg
from goodpractices.partnermap import CENTRE, HEIGHT, MARKER, RADIUS, WIDTH, layout, project
from goodpractices.render.partnermap import as_list, degrees
from goodpractices.schema import STAGES
import mapscale
from mapscale import scale_catalog

CORPUS = {
    "alpha-audits": practice("transferability:\n  inma: implemented\n  vlaio: assessed\n  westpannon: interested\n",
                             title="Alpha innovation audits", theme="sme-innovation", partner="noi-techpark"),
    "beta-matching": practice("transferability:\n  noi-techpark: in-action-plan\n  ecoplus: interested\n",
                              title="Beta competence matching", theme="sme-innovation", partner="inma"),
    "gamma-monitoring": practice("country: NO\ntransferability:\n  inma: implemented\n  rda-ostrava: assessed\n",
                                 title="Gamma cluster monitoring", theme="monitoring-evaluation", partner="noi-techpark"),
    "delta-test-users": practice("transferability:\n  southern-denmark: implemented\n  inma: implemented\n",
                                 title="Delta <public> test users", theme="public-private-innovation",
                                 partner="ecoplus"),
    "epsilon-printing": practice(title="Epsilon metal printing network", theme="3d-printing", partner="rda-ostrava"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.Catalog]:
    project = Project(tmp_path_factory.mktemp("map") / "project")
    (project.docs / "index.md").write_text("# Home\n\n{{ partner_map() }}\n")
    return build_corpus(project, CORPUS)


def page(site: Path, url: str) -> str:
    return (site / url).read_text(encoding="utf-8")


def the_svg(html: str) -> str:
    return re.search(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 620".*?</svg>', html, re.S).group(0)


# --- partners.yml: coordinates --------------------------------------------------------------------------------

PARTNER = "test:\n  number: 1\n  name: Test agency\n  short_name: Test\n  country: AT\n  region: Lower Austria\n"


@pytest.mark.parametrize(("lines", "expected"), [
    ("  latitude: 48.2\n", "practices/partners.yml:7: test: longitude: missing (add longitude: … beside latitude, "
                           "or remove both)"),
    ("  longitude: 15.6\n", "practices/partners.yml:7: test: latitude: missing (add latitude: … beside longitude, "
                            "or remove both)"),
    ("  latitude: north\n  longitude: 15.6\n",
     "practices/partners.yml:7: test: latitude: expected a number, got text (write degrees north, e.g. 48.2047)"),
    ("  latitude: 48.2\n  longitude: true\n", "practices/partners.yml:8: test: longitude: expected a number, got "
                                              "true (a yes/no value) (write degrees east, west negative, e.g. 15.6256)"),
    ("  latitude: 95\n  longitude: 15.6\n", "practices/partners.yml:7: test: latitude: 95 is outside the map, which "
                                            "spans 27 to 72 (write degrees north, e.g. 48.2047)"),
    ("  latitude: 48.2\n  longitude: -75.5\n", "practices/partners.yml:8: test: longitude: -75.5 is outside the map, "
                                               "which spans -30 to 50 (write degrees east, west negative, e.g. 15.6256)"),
    ("  latitude: 26.9\n  longitude: -15.4\n", "practices/partners.yml:7: test: latitude: 26.9 is outside the map, "
                                              "which spans 27 to 72 (write degrees north, e.g. 48.2047)"),
    ("  latitude: 48.2\n  longitude: 15,6256\n", "practices/partners.yml:8: test: longitude: expected a number, got "
                                                "'15,6256' with a decimal comma (write a point: 15.6256)"),
    ("  latitude: ' 48,2'\n  longitude: 15.6\n", "practices/partners.yml:7: test: latitude: expected a number, got "
                                                  "'48,2' with a decimal comma (write a point: 48.2)"),
    ("  latitude: .nan\n  longitude: 15.6\n", "practices/partners.yml:7: test: latitude: nan is outside the map, "
                                              "which spans 27 to 72 (write degrees north, e.g. 48.2047)"),
])
def test_coordinate_rules(project, lines, expected):
    (project.practices / "partners.yml").write_text(PARTNER + lines)
    assert [str(p) for p in pipeline.build(project.practices).problems] == [expected]


def test_every_problem_of_the_coordinates_is_reported_in_one_run(project):
    (project.practices / "partners.yml").write_text(
        PARTNER + "  latitude: 100\n  longitude: 200\n" + PARTNER.replace("test:", "other:").replace("1", "2")
        + "  latitude: 1\n")
    assert [p.line for p in pipeline.build(project.practices).problems] == [7, 8, 15]


def _inside(point: tuple[float, float], ring: tuple[tuple[float, float], ...]) -> bool:
    """Ray casting: whether a (longitude, latitude) point is inside a ring."""
    x, y = point
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def test_each_real_partner_is_placed_inside_its_own_country():
    found = pipeline.build(ROOT / "practices").catalog
    outlines = {c.code: c for c in geo.europe()}
    assert all(p.latitude is not None for p in found.partners)
    for p in found.partners:
        assert any(_inside((p.longitude, p.latitude), ring) for ring in outlines[p.country].rings), p.key


#: Seats of regions that Interreg Europe covers, at the edges of its area (name, country, latitude, longitude).
EDGES = (("Las Palmas de Gran Canaria", "ES", 28.10, -15.41), ("Santa Cruz de Tenerife", "ES", 28.47, -16.25),
         ("Ponta Delgada", "PT", 37.74, -25.67), ("Funchal", "PT", 32.65, -16.91), ("Nicosia", "CY", 35.17, 33.36),
         ("Valletta", "MT", 35.90, 14.51), ("Tromsø", "NO", 69.65, 18.96), ("Oulu", "FI", 65.01, 25.47),
         ("Reykjavík", "IS", 64.15, -21.94), ("Heraklion", "GR", 35.34, 25.13), ("Lisbon", "PT", 38.72, -9.14))


@pytest.mark.parametrize(("city", "country", "latitude", "longitude"), EDGES)
def test_partners_at_the_edges_of_the_programme_area_are_accepted_and_drawn(project, city, country, latitude,
                                                                               longitude):
    (project.practices / "partners.yml").write_text(PARTNER.replace("AT", country).replace("Lower Austria", city)
                                                    + f"  latitude: {latitude}\n  longitude: {longitude}\n")
    built = pipeline.build(project.practices)
    assert [str(p) for p in built.problems] == []
    drawn = layout(built.catalog)
    assert [(m.partner.key, 0 < m.x < WIDTH and 0 < m.y < HEIGHT) for m in drawn.markers] == [("test", True)]
    outline = {c.code: c for c in geo.europe()}.get(country)
    if country != "MT":  # Malta is smaller than the outlines' smallest island; a port may be just off the simple coast
        assert any(_inside((longitude, latitude), ring) or min(math.dist((longitude, latitude), point)
                                                              for point in ring) < 0.3 for ring in outline.rings), city


def test_the_committed_outlines_keep_shared_borders_and_every_partner_country():
    countries = {c.code: c for c in geo.europe()}
    assert {"AT", "IT", "HU", "RO", "SE", "CZ", "DK", "FR", "BE", "PT", "IS", "GR"} <= set(countries)
    border = {pt for ring in countries["AT"].rings for pt in ring} & {pt for ring in countries["DE"].rings for pt in ring}
    assert len(border) > 10  # neighbours share the same simplified border points
    assert geo.simplify([(0, 0), (1, 0.001), (2, 0)], 0.01) == [(0, 0), (2, 0)]
    assert geo.simplify([(0, 0), (1, 0.5), (2, 0)], 0.01) == [(0, 0), (1, 0.5), (2, 0)]


# --- the map on the pages ----------------------------------------------------------------------------------------


def _expected_place(longitude: float, latitude: float) -> tuple[float, float]:
    """Where LAEA puts a point, from spherical trigonometry alone: the great-circle distance c from the centre
    and the initial bearing θ give a plane distance of 2R·sin(c/2) along θ (east = sin θ, north = cos θ)."""
    lon0, lat0 = map(math.radians, CENTRE)
    lon, lat = math.radians(longitude), math.radians(latitude)
    c = math.acos(math.sin(lat0) * math.sin(lat) + math.cos(lat0) * math.cos(lat) * math.cos(lon - lon0))
    bearing = math.atan2(math.sin(lon - lon0) * math.cos(lat),
                         math.cos(lat0) * math.sin(lat) - math.sin(lat0) * math.cos(lat) * math.cos(lon - lon0))
    distance = 2 * RADIUS * math.sin(c / 2)
    return distance * math.sin(bearing), distance * math.cos(bearing)


def test_markers_are_where_the_partners_are(built):
    site, catalog = built
    html = page(site, "partners/index.html")
    markers = {m.group(1): (float(m.group(2)), float(m.group(3))) for m in re.finditer(
        r'<circle class="gp-map__marker" data-partner="([^"]+)" cx="([^"]+)" cy="([^"]+)"', html)}
    assert set(markers) == {p.key for p in catalog.partners}
    frame = layout(catalog).frame
    for key in ("vlaio", "north-east-rda"):  # two checked by computed position, the others by the same frame
        p = catalog.partner[key]
        east, north = _expected_place(p.longitude, p.latitude)
        assert markers[key] == pytest.approx((frame.left + frame.scale * east, frame.top - frame.scale * north), abs=0.06)
        assert project(p.longitude, p.latitude) == pytest.approx((east, north), abs=1e-6)
    # west is left, north is up, and every marker is on the map
    assert markers["vlaio"][0] < markers["ecoplus"][0] < markers["inma"][0]
    assert markers["region-skane"][1] < markers["rda-ostrava"][1] < markers["inma"][1]
    assert all(0 < x < WIDTH and 0 < y < HEIGHT for x, y in markers.values())


def _arrows(html: str) -> Counter:
    return Counter({(m.group(1), m.group(2), m.group(3)): int(m.group(4)) for m in re.finditer(
        r'class="gp-map__arrow" data-from="([^"]+)" data-to="([^"]+)" data-stage="([^"]+)" data-count="(\d+)"', html)})


def test_every_transfer_is_an_arrow_styled_by_its_stage(built):
    site, catalog = built
    expected = Counter((catalog.practice[t.practice].partner, t.partner, t.stage) for t in catalog.transfers)
    for url in ("index.html", "partners/index.html", "partners/ecoplus.html"):
        assert _arrows(page(site, url)) == expected, url
    html = page(site, "partners/index.html")
    for stage, (colour, dash, _) in STAGE_STYLES.items():
        for arrow in re.findall(rf'<path class="gp-map__arrow"[^>]*data-stage="{stage}"[^>]*>', html):
            assert f'stroke="{colour}"' in arrow and f'marker-end="url(#gp-map-head-{stage})"' in arrow
            assert (f'stroke-dasharray="{dash}"' in arrow) == bool(dash)
    # the legend names every stage and its line in words: not colour alone
    legend = unescape(re.search(r'<ul class="gp-map__legend".*?</ul>', html, re.S).group(0))
    assert all(words in legend for words in STAGE_LINES.values())
    assert "Natural Earth (public domain)" in html


def test_the_map_is_named_described_and_listed_with_links(built):
    site, catalog = built
    html = page(site, "partners/index.html")
    drawn = the_svg(html)
    assert 'role="img" aria-labelledby="gp-map-title gp-map-desc"' in drawn
    assert "<script" not in drawn and "http" not in drawn.replace("http://www.w3.org/2000/svg", "")
    desc = re.search(r'<desc id="gp-map-desc">(.*?)</desc>', drawn).group(1)
    assert f"{len(catalog.partners)} partners" in desc and f"{len(catalog.transfers)} recorded transfers" in desc
    listed = re.search(r'<details class="gp-map__list".*?</details>', html, re.S).group(0)
    for partner in catalog.partners:
        assert f'<a href="../partners/{partner.key}.html">{partner.short_name}</a> ({partner.code})' in listed
    assert listed_transfers(listed) == sorted((catalog.practice[t.practice].partner, t.partner, t.practice)
                                              for t in catalog.transfers)
    assert "Delta &lt;public&gt; test users" in listed  # practice text is escaped


def listed_transfers(listed: str) -> list[tuple[str, str, str]]:
    """Return (from, to, practice) for every practice named in the list, checking each arrow's count."""
    found = []
    for block in listed.split('<li><a href="../partners/')[1:]:
        source = block.split(".html", 1)[0]
        for count, target, rest in re.findall(r'<li data-count="(\d+)">→ <a href="\.\./partners/([^"]+)\.html">'
                                              r"[^<]*</a>: (.*?)</li>", block):
            practices = re.findall(r'<a href="\.\./practices/([^"]+)\.html">', rest)
            assert len(practices) == int(count) or "more (<a href" in rest
            found += [(source, target, p) for p in practices]
    return sorted(found)


def test_a_partner_page_highlights_its_own_transfers(built):
    site, catalog = built
    html = page(site, "partners/inma.html")
    for arrow in re.findall(r'<path class="gp-map__arrow"[^>]*>', html):
        mine = 'data-from="inma"' in arrow or 'data-to="inma"' in arrow
        assert ('opacity="0.9"' in arrow) == mine
    assert re.search(r'data-partner="inma" cx="[^"]+" cy="[^"]+" r="8.25" fill="#c2185b"', html)
    assert "INMA highlighted" in html
    listed = re.search(r'<details class="gp-map__list" open>.*?</details>', html, re.S).group(0)
    assert listed_transfers(listed) == sorted((catalog.practice[t.practice].partner, t.partner, t.practice)
                                              for t in catalog.transfers
                                              if "inma" in (t.partner, catalog.practice[t.practice].partner))


def test_a_partner_without_coordinates_is_listed_not_drawn(tmp_path):
    project = Project(tmp_path / "project")
    registry = project.practices / "partners.yml"
    registry.write_text(re.sub(r"(vlaio:\n(?:  .*\n)*?)  latitude: .*\n  longitude: .*\n", r"\1",
                               registry.read_text(encoding="utf-8")), encoding="utf-8")
    site, catalog = build_corpus(project, CORPUS)
    html = page(site, "partners/index.html")
    assert 'data-partner="vlaio"' not in html and 'data-to="vlaio"' not in html
    assert "VLAIO</a> (P9) · Flanders, Belgium · not on the map (no coordinates)" in html
    assert sum(_arrows(html).values()) == len(catalog.transfers) - 1
    # not drawn, but listed: the list beside the map holds every transfer of the catalogue, VLAIO's too
    listed = re.search(r'<details class="gp-map__list".*?</details>', html, re.S).group(0)
    assert listed_transfers(listed) == sorted((catalog.practice[t.practice].partner, t.partner, t.practice)
                                              for t in catalog.transfers)
    assert f"{len(catalog.partners)} partners, {len(catalog.transfers)} transfers</summary>" in listed
    # VLAIO's own page: nothing to highlight, so nothing is faded, and the map says why VLAIO is not on it
    own = the_svg(page(site, "partners/vlaio.html"))
    assert "VLAIO highlighted" not in own and 'opacity="0.1"' not in own and 'fill="#7f8596"' not in own
    assert "VLAIO is not on it (no coordinates): its transfers are in the list beside it." in own
    assert "stand out" not in own


@pytest.mark.parametrize(("size", "transfers"), [(11, 12), (40, 300)])  # an arrow a pair and stage; one a pair
def test_every_transfer_is_listed_whichever_partners_lack_coordinates(size, transfers):
    full = scale_catalog(size, transfers, seed=1)
    partners = tuple(dataclasses.replace(p, latitude=None, longitude=None) if p.number in (2, 7) else p
                     for p in full.partners)
    catalog = pipeline.Catalog(full.themes, partners, full.practices)
    drawn = layout(catalog)
    lost = {"agency-2", "agency-7"}
    assert drawn.by_stage == (transfers == 12)
    assert not {a.source.key for a in drawn.arrows} & lost and not {a.target.key for a in drawn.arrows} & lost
    every = sorted((catalog.practice[t.practice].partner, t.partner, t.practice) for t in catalog.transfers)
    listed = as_list(catalog, drawn, "../")
    assert sum(map(int, re.findall(r'<li data-count="(\d+)">', listed))) == len(catalog.transfers)
    assert f"{size} partners, {len(catalog.transfers)} transfers</summary>" in listed
    if drawn.by_stage:  # few enough to name every one (a crowded map's list names up to 3 an arrow)
        assert listed_transfers(listed) == every
    for key in sorted(lost):  # a partner's own list: each of its transfers, named
        own = as_list(catalog, drawn, "../", highlight=key)
        assert listed_transfers(own) == [t for t in every if key in t[:2]], key


def test_coordinates_in_the_list_say_north_or_south_and_east_or_west():
    catalog = scale_catalog(40, 0)
    listed = as_list(catalog, layout(catalog), "../")
    assert "Dublin, Ireland · 53.35° N, 6.26° W" in listed and "Porto, Portugal · 41.15° N, 8.61° W" in listed
    assert "Vienna, Austria · 48.21° N, 16.37° E" in listed
    assert "-" not in "".join(re.findall(r"\d+\.\d+° [NSEW]", listed)) and "° N, -" not in listed
    assert degrees(-33.87, "N", "S") == "33.87° S" and degrees(0.0, "E", "W") == "0.00° E"


# --- the held-out scale -----------------------------------------------------------------------------------------


def test_legible_and_small_at_40_partners_and_300_transfers():
    catalog = scale_catalog(40, 300)
    drawn = layout(catalog)
    picture = svg(catalog, drawn)
    assert len(picture.encode()) < 200_000
    assert sum(_arrows(picture).values()) == 300 == sum(len(a.transfers) for a in drawn.arrows)
    assert len(drawn.markers) == 40
    assert all(0 < m.x < WIDTH and 0 < m.y < HEIGHT for m in drawn.markers)
    # labels overlap neither each other nor a marker; most partners get their name or code
    boxes = []
    for m in drawn.markers:
        if m.label:
            text, x, y, anchor = m.label
            width = 0.55 * 12 * len(text)
            left = x - {"start": 0, "middle": width / 2, "end": width}[anchor]
            boxes.append((left, y - 9.6, left + width, y + 3))
    assert len(boxes) >= 36
    for i, a in enumerate(boxes):
        assert not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for b in boxes[i + 1:])
        assert not any(a[0] < m.x + MARKER and m.x - MARKER < a[2] and a[1] < m.y + MARKER and m.y - MARKER < a[3]
                       for m in drawn.markers)
    # an arrow there and one back bend to opposite sides, so they never lie on top of each other
    assert len({a.path for a in drawn.arrows}) == len(drawn.arrows)


def test_a_crowded_map_draws_one_arrow_a_pair_at_its_commonest_stage():
    catalog = scale_catalog(11, 200, seed=5)
    drawn = layout(catalog)
    assert not drawn.by_stage
    pairs = Counter((catalog.practice[t.practice].partner, t.partner) for t in catalog.transfers)
    assert {(a.source.key, a.target.key): len(a.transfers) for a in drawn.arrows} == pairs
    for arrow in drawn.arrows:
        stages = Counter(t.stage for t in arrow.transfers)
        assert stages[arrow.stage] == max(stages.values())
    picture = svg(catalog, drawn)
    assert "one per pair (at the stage most of its transfers reached)" in picture
    mixed = next(a for a in drawn.arrows if len({t.stage for t in a.transfers}) > 1)
    words = ", ".join(f"{n} {s.replace('-', ' ')}" for s, n in sorted(Counter(t.stage for t in mixed.transfers).items(),
                                                                      key=lambda item: STAGES.index(item[0])))
    assert f"<title>{mixed.source.short_name} → {mixed.target.short_name}: {len(mixed.transfers)} practices: " \
           f"{words}</title>" in picture


def test_same_catalogue_same_map():
    catalog = scale_catalog(40, 300, seed=3)
    assert svg(catalog, layout(catalog)) == svg(scale_catalog(40, 300, seed=3), layout(scale_catalog(40, 300, seed=3)))


def _curve_points(path: str, steps: int = 20) -> list[tuple[float, float]]:
    """Return points along an arrow's path (one quadratic or cubic Bézier curve)."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    ends = list(zip(numbers[::2], numbers[1::2]))
    n = len(ends) - 1
    return [tuple(sum(math.comb(n, i) * (1 - s) ** (n - i) * s ** i * p[axis] for i, p in enumerate(ends))
                  for axis in (0, 1)) for s in (k / steps for k in range(steps + 1))]


@pytest.mark.parametrize("offset", [(0.0, 0.0), (0.01, 0.02), (0.1, 0.05)])  # one place, next door, the next town
def test_partners_at_nearly_one_place_get_arrows_that_show_beyond_their_markers(offset):
    full = scale_catalog(6, 20, seed=1)
    first = full.partners[0]
    partners = tuple(dataclasses.replace(p, latitude=first.latitude + offset[0], longitude=first.longitude + offset[1])
                     if p.number == 2 else p for p in full.partners)
    catalog = pipeline.Catalog(full.themes, partners, full.practices)
    drawn = layout(catalog)
    between = [a for a in drawn.arrows if {a.source.key, a.target.key} == {"agency-1", "agency-2"}]
    assert between and len({a.path for a in between}) == len(between)
    places = [(m.x, m.y) for m in drawn.markers if m.partner.key in ("agency-1", "agency-2")]
    for arrow in between:
        farthest = max(min(math.dist(point, place) for place in places) for point in _curve_points(arrow.path))
        assert farthest > 3 * MARKER, (arrow.path, places)


def test_land_runs_off_the_map_uncut_when_partners_are_as_far_apart_as_the_programme_allows(monkeypatch):
    """The outlines are cut to a frame of their own (geo.OUTLINES), wider than where partners may be: with partners
    from the Canaries and the Azores to Lapland, Iceland and Cyprus, no cut of that frame comes into view."""
    monkeypatch.setattr(mapscale, "CITIES", mapscale.CITIES[:29] + EDGES)
    catalog = scale_catalog(40, 300, seed=11)
    drawn = layout(catalog)
    west, south, east, north = geo.OUTLINES
    edge = [(x / 4, y) for x in range(int(west * 4), int(east * 4) + 1) for y in (south, north)]
    edge += [(x, y / 4) for y in range(int(south * 4), int(north * 4) + 1) for x in (west, east)]
    in_view = [(lon, lat) for lon, lat in edge
               if 0 <= drawn.frame.place(lon, lat)[0] <= WIDTH and 0 <= drawn.frame.place(lon, lat)[1] <= HEIGHT]
    assert in_view == []
    # every outline is cut just outside the map, so a map this wide still weighs less than 200 KB
    assert len(svg(catalog, drawn).encode()) < 200_000
    starts = [(int(x), int(y)) for _, _, d in drawn.countries for x, y in re.findall(r"M(-?\d+) ?(-?\d+)", d)]
    assert len(starts) >= len(drawn.countries)
    assert all(-5 <= x <= WIDTH + 5 and -5 <= y <= HEIGHT + 5 for x, y in starts)


@pytest.mark.parametrize("partners, transfers, each", [(40, 300, 2), (11, 200, 10)])
def test_the_list_links_every_practice_of_every_transfer(partners, transfers, each):
    """The list beside the map holds what the arrows aggregate: every transfer's practice, linked to its page, and
    every partner linked to its own, beside the whole map and beside each partner's (11 partners and 200 transfers
    put many practices on one arrow)."""
    catalog = scale_catalog(partners, transfers, seed=5, each=each)
    drawn = layout(catalog)
    assert max(len(a.transfers) for a in drawn.arrows) > (3 if each > 2 else 1)
    whole = as_list(catalog, drawn, "")
    expected = Counter(catalog.practice[t.practice].url for t in catalog.transfers)
    assert Counter(re.findall(r'<a href="(practices/[^"]+\.html)">', whole)) == expected
    assert set(re.findall(r'<a href="partners/([^"]+)\.html">', whole)) == {p.key for p in catalog.partners}
    for partner in catalog.partners[:5]:
        own = as_list(catalog, drawn, "../", highlight=partner.key)
        mine = Counter(catalog.practice[t.practice].url for t in catalog.transfers
                       if partner.key in (t.partner, catalog.practice[t.practice].partner))
        assert Counter(re.findall(r'<a href="\.\./(practices/[^"]+\.html)">', own)) == mine


def test_pages_hold_the_maps_place_until_written_and_no_marker_reaches_the_site(built):
    """A partner page waits with a marker where its map goes (not the figure, over a megabyte at 5,000
    practices); the marker becomes the figure for that page, and none is left in the built site."""
    from goodpractices.related import RelatedTable
    from goodpractices.render.late import Late
    from goodpractices.render.partners import partner_page
    from goodpractices.render.partnermap import figure
    from goodpractices.render.slots import LATE_START

    site, catalog = built
    late = Late(catalog, layout(catalog), RelatedTable.of((), {}))
    waiting = b"".join(partner_page(catalog, catalog.partner["inma"], late).slots).decode()
    assert "gp-map__list" not in waiting and waiting.count(LATE_START) == 1
    drawn = figure(catalog, layout(catalog), "../", "inma")
    assert late.fill(waiting) == waiting.replace(late.map_marker("../", "inma"), drawn)
    assert Late(catalog, layout(pipeline.Catalog(catalog.themes, (), ())), late.related).map_marker("") == ""
    pages = list(site.rglob("*.html"))
    assert pages and not [p for p in pages if LATE_START in p.read_text(encoding="utf-8")]
    assert "gp-map__list" in page(site, "index.html") and "gp-map__list" in page(site, "partners/inma.html")
