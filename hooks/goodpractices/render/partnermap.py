"""The map on a page: its SVG (draw/map.py), its legend, and the same facts as a list of links.

Every partner is named with where it is, and every transfer with its practice and stage."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..countries import COUNTRIES
from ..draw.map import STAGE_LINES, STAGE_STYLES, stages_in_words, svg
from ..geo import CREDIT
from ..model import Catalog
from ..partnermap import Arrow, Layout
from ..reader import STAGE_LABELS, STAGE_SYMBOLS
from ..schema import STAGES


def legend() -> str:
    """Return the legend: a sample of each stage's line, its symbol and its name (not colour alone)."""
    items = []
    for stage, (colour, dash, filled) in STAGE_STYLES.items():
        head = "z" if filled else ""
        paint = f'fill="{colour}"' if filled else f'fill="none" stroke="{colour}" stroke-width="1.5"'
        sample = (f'<svg class="gp-map__sample" width="48" height="12" viewBox="0 0 48 12" aria-hidden="true">'
                  f'<path d="M2 6H36" stroke="{colour}" stroke-width="2.2" stroke-linecap="round"'
                  + (f' stroke-dasharray="{dash}"' if dash else "")
                  + f'/><path d="M36 1L46 6L36 11{head}" {paint}/></svg>')
        items.append(f'<li>{sample} <span aria-hidden="true">{STAGE_SYMBOLS[stage]}</span> {STAGE_LABELS[stage]}'
                     f' <span class="gp-muted">({STAGE_LINES[stage]})</span></li>')
    return ('<ul class="gp-map__legend" aria-label="Legend of the map">' + "".join(items)
            + '<li><span class="gp-muted">An arrow runs from the partner that presents practices to the one that '
              'takes them up; the wider it is, the more practices.</span></li></ul>')


def _partner_link(catalog: Catalog, key: str, root: str) -> str:
    p = catalog.partner[key]
    return f'<a href="{root}partners/{p.key}.html">{escape(p.short_name)}</a>'


def _arrow_item(catalog: Catalog, arrow: Arrow, root: str) -> str:
    """One arrow in words: to whom, how many practices at which stage, and which, each linked to its page."""
    n = len(arrow.transfers)
    practices = ", ".join(f'<a href="{root}{catalog.practice[t.practice].url}">'
                          f"{escape(catalog.practice[t.practice].title)}</a>" for t in arrow.transfers)
    return (f'<li data-count="{n}">→ {_partner_link(catalog, arrow.target.key, root)}: '
            f'<span aria-hidden="true">{STAGE_SYMBOLS[arrow.stage]}</span> {stages_in_words(arrow)}: {practices}</li>')


def degrees(value: float, positive: str, negative: str) -> str:
    """Return a latitude or longitude as people write it: '48.20° N', '8.61° W' (not '-8.61° E')."""
    return f"{abs(value):.2f}° {positive if value >= 0 else negative}"


def as_list(catalog: Catalog, layout: Layout, root: str, highlight: str | None = None) -> str:
    """Return the map's facts as a list, arrow by arrow: every partner and where it is, then each arrow from it
    (to whom, at which stage, how many practices and which, every practice linked); a partner page's list holds
    its own arrows only."""
    from_partner: dict[str, list[Arrow]] = {}
    every = sorted((*layout.arrows, *layout.unmapped), key=lambda a: (a.target.number, STAGES.index(a.stage)))
    for arrow in every:  # those of a partner without coordinates too: the list holds every transfer
        if highlight in (None, arrow.source.key, arrow.target.key):
            from_partner.setdefault(arrow.source.key, []).append(arrow)
    items = []
    for partner in catalog.partners:
        arrows = from_partner.get(partner.key, [])
        if highlight is not None and not arrows and partner.key != highlight:
            continue
        where = f"{escape(partner.region)}, {escape(COUNTRIES[partner.country])}"
        if partner.latitude is not None and partner.longitude is not None:
            where += f" · {degrees(partner.latitude, 'N', 'S')}, {degrees(partner.longitude, 'E', 'W')}"
        else:
            where += " · not on the map (no coordinates)"
        item = f"<li>{_partner_link(catalog, partner.key, root)} ({partner.code}) · {where}"
        if arrows:
            item += '<ul class="gp-map__transfers">' + "".join(
                _arrow_item(catalog, arrow, root) for arrow in arrows) + "</ul>"
        items.append(item + "</li>")
    total = sum(len(a.transfers) for a in every if highlight in (None, a.source.key, a.target.key))
    return (f'<details class="gp-map__list"{" open" if highlight else ""}><summary>The map as a list: '
            f"{len(items)} partner{'s' if len(items) != 1 else ''}, {total} transfer{'s' if total != 1 else ''}"
            "</summary><p class=\"gp-muted\">Each partner and where it is, then each arrow from it: to whom, "
            "how far, and which practices.</p><ul>" + "".join(items) + "</ul></details>")


def figure(catalog: Catalog, layout: Layout, root: str, highlight: str | None = None) -> Markup:
    """Return the map, its legend, its credit and its list, as two lines of HTML (no blank line)."""
    if not layout.markers:
        return Markup("")
    return Markup('<figure class="gp-map">' + svg(catalog, layout, highlight)
                  + f'<figcaption>{legend()}<p class="gp-map__credit gp-muted">{escape(CREDIT)} Markers: '
                    "partners' seats, from partners.yml.</p></figcaption></figure>\n"
                  + as_list(catalog, layout, root, highlight))
