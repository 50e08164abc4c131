"""The map of partners and transfers drawn as SVG, and described in words, for the web pages and the PDF alike.

The SVG is a picture (`role="img"`, named by its title and described by its desc); its links live in the list
beside it on a page (render/partnermap.py). Styles are SVG attributes, not CSS, so that the PDF (Typst draws the
same SVG) looks like the page. Nothing is fetched.
"""

from __future__ import annotations

from markupsafe import escape

from ..countries import COUNTRIES
from ..model import Catalog
from ..partnermap import CROWDED, FONT, HEIGHT, MARKER, WIDTH, Arrow, Layout
from ..reader import STAGE_LABELS
from ..schema import STAGES

#: Each stage's line: colour, dash pattern (SVG units, '' for solid) and whether its arrowhead is filled.
STAGE_STYLES = {
    "interested": ("#8c9eff", "1.5 3.5", False),
    "assessed": ("#5c6bc0", "6 3.5", False),
    "in-action-plan": ("#3949ab", "13 3.5", True),
    "implemented": ("#1a237e", "", True),
}
#: The stages' dash patterns in words, for the legend and the PDF's caption: the map does not rely on colour.
STAGE_LINES = {"interested": "dotted line, open head", "assessed": "short dashes, open head",
               "in-action-plan": "long dashes, filled head", "implemented": "solid line, filled head"}
#: Country fills: a partner's country, another country; the sea.
LAND, PARTNER_LAND, SEA = "#e4e6ec", "#c5cae9", "#f3f6fa"


def _head(stage: str) -> str:
    colour, _, filled = STAGE_STYLES[stage]
    paint = f'fill="{colour}"' if filled else f'fill="none" stroke="{colour}" stroke-width="0.9"'
    return (f'<marker id="gp-map-head-{stage}" viewBox="0 0 6 6" refX="0.5" refY="3" markerWidth="3.6" '
            f'markerHeight="3.6" orient="auto" markerUnits="strokeWidth"><path d="M0.5 0.5L5.5 3L0.5 5.5'
            f'{"z" if filled else ""}" {paint}/></marker>')


def stages_in_words(arrow: Arrow) -> str:
    """Return how many practices an arrow stands for, at which stages: '2 practices, implemented' or, for a pair's
    arrow on a crowded map, '5 practices: 1 interested, 4 implemented'."""
    n = len(arrow.transfers)
    counts = {s: sum(t.stage == s for t in arrow.transfers) for s in STAGE_STYLES}
    if counts[arrow.stage] == n:
        return f"{n} practice{'s' if n != 1 else ''}, {STAGE_LABELS[arrow.stage].lower()}"
    return f"{n} practices: " + ", ".join(f"{c} {STAGE_LABELS[s].lower()}" for s, c in counts.items() if c)


def description(catalog: Catalog, layout: Layout, highlight: str | None = None) -> str:
    """Return what the map shows, in words (the SVG's desc and the PDF figure's alternative text)."""
    transfers = sum(len(a.transfers) for a in layout.arrows)
    text = (f"Map of Europe with {len(layout.markers)} partner{'s' if len(layout.markers) != 1 else ''} marked "
            f"where they are and {transfers} recorded transfer{'s' if transfers != 1 else ''} drawn as "
            f"{len(layout.arrows)} arrow{'s' if len(layout.arrows) != 1 else ''} from the presenting to the "
            "taking-up partner, one per pair"
            f"{'' if layout.by_stage else ' (at the stage most of its transfers reached)'}"
            f"{' and stage' if layout.by_stage else ''}, wider for more practices; "
            + "; ".join(f"{STAGE_LABELS[s].lower()}: {STAGE_LINES[s]}" for s in STAGE_STYLES) + ".")
    if highlight is not None and highlight != _on_map(layout, highlight):
        text += (f" {catalog.partner[highlight].short_name} is not on it (no coordinates): its transfers are in the "
                 "list beside it.")
    elif highlight is not None:
        text += f" The transfers of {catalog.partner[highlight].short_name} stand out; the others are faded."
    return text


def _on_map(layout: Layout, highlight: str | None) -> str | None:
    """Return the partner to highlight if it has a marker (a partner without coordinates has none to stand out)."""
    return highlight if any(m.partner.key == highlight for m in layout.markers) else None


def svg(catalog: Catalog, layout: Layout, highlight: str | None = None, font: str = "sans-serif",
        ids: bool = True) -> str:
    """Return the map as an SVG element (`ids=False`: a standalone picture for the PDF, with no ARIA)."""
    partner_countries = {p.country for p in catalog.partners}
    described = escape(description(catalog, layout, highlight))
    highlight = _on_map(layout, highlight)
    name = "Map of the partners and the transfers between them"
    if highlight is not None:
        name += f", {catalog.partner[highlight].short_name} highlighted"
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" class="gp-map__svg" '
            f'font-family="{escape(font)}"'
            + (' role="img" aria-labelledby="gp-map-title gp-map-desc">'
               f'<title id="gp-map-title">{escape(name)}</title><desc id="gp-map-desc">{described}</desc>'
               if ids else f'><title>{escape(name)}</title><desc>{described}</desc>'))
    parts = [head, "<defs>" + "".join(_head(s) for s in STAGE_STYLES) + "</defs>",
             f'<rect width="{WIDTH:g}" height="{HEIGHT:g}" fill="{SEA}"/>',
             '<g stroke="#ffffff" stroke-width="0.7" stroke-linejoin="round">']
    for code, country, d in layout.countries:
        fill = PARTNER_LAND if code in partner_countries else LAND
        parts.append(f'<path fill="{fill}" d="{d}"><title>{escape(country)}</title></path>')
    strong = 0.9 if len(layout.arrows) <= CROWDED else 0.6
    parts.append('</g><g fill="none" stroke-linecap="round">')
    def mine_of(arrow: Arrow) -> bool:
        return highlight is None or highlight in (arrow.source.key, arrow.target.key)

    for arrow in sorted(layout.arrows, key=mine_of):  # the highlighted partner's arrows on top (a stable sort)
        colour, dash, _ = STAGE_STYLES[arrow.stage]
        mine = mine_of(arrow)
        n = len(arrow.transfers)
        title = f"{arrow.source.short_name} → {arrow.target.short_name}: {stages_in_words(arrow)}"
        parts.append(f'<path class="gp-map__arrow" data-from="{arrow.source.key}" data-to="{arrow.target.key}" '
                     f'data-stage="{arrow.stage}" data-count="{n}" d="{arrow.path}" stroke="{colour}" '
                     f'stroke-width="{arrow.width:g}"' + (f' stroke-dasharray="{dash}"' if dash else "")
                     + f' marker-end="url(#gp-map-head-{arrow.stage})" opacity="{strong if mine else 0.1}">'
                     f"<title>{escape(title)}</title></path>")
    parts.append('</g><g stroke="#ffffff" stroke-width="1.5">')
    for m in layout.markers:
        mine = highlight is None or m.partner.key == highlight
        radius = MARKER * (1.5 if highlight == m.partner.key else 1)
        fill = "#c2185b" if highlight == m.partner.key else "#283593" if mine else "#7f8596"
        place = f"{m.partner.region}, {COUNTRIES[m.partner.country]}"
        parts.append(f'<circle class="gp-map__marker" data-partner="{m.partner.key}" cx="{m.x:g}" cy="{m.y:g}" '
                     f'r="{radius:g}" fill="{fill}">'
                     f"<title>{escape(m.partner.short_name)} ({m.partner.code}), {escape(place)}</title></circle>")
    parts.append(f'</g><g font-size="{FONT:g}" fill="#1f2a44" stroke="#ffffff" stroke-width="3" '
                 'stroke-linejoin="round" paint-order="stroke">')
    for m in layout.markers:
        if m.label:
            text, x, y, anchor = m.label
            weight = ' font-weight="bold"' if highlight == m.partner.key else ""
            parts.append(f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}"{weight}>{escape(text)}</text>')
    parts.append("</g></svg>")
    return "\n".join(parts)  # a line each: the text of one element is not glued to the next's in the search index
