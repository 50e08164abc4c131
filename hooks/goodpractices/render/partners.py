"""The partner directory and one page per partner: what it presents and what it took up."""

from __future__ import annotations

from ..model import Catalog, Partner
from ..matrix import TAKEN_UP_MEANS, taken_up
from . import NO_NAVIGATION, GeneratedPage, render
from .late import Late


def partners_index(catalog: Catalog, late: Late) -> GeneratedPage:
    """Return the directory of partners, with the map of partners and transfers."""
    return render("partners_index.md.j2", {"title": "Partners", "description": "The partners of CLUSTERIX 2.0.",
                                           **NO_NAVIGATION},
                  catalog=catalog, taken_up=taken_up(catalog), taken_up_means=TAKEN_UP_MEANS,
                  map=late.map_marker("../"))


def partner_page(catalog: Catalog, partner: Partner, late: Late, pdf: str = "") -> GeneratedPage:
    """Return a partner's page: the organisation, its PDF's link, its practices by theme, its uptake of
    others', and the map with its own transfers highlighted."""
    presented = [(t, [p for p in catalog.by_partner[partner.key] if p.theme == t.key]) for t in catalog.themes]
    taken = sorted(catalog.transfers_to[partner.key], key=lambda t: (-t.rank, catalog.practice[t.practice].title))
    return render("partner.md.j2", {"title": partner.short_name, "description": partner.name, **NO_NAVIGATION},
                  catalog=catalog, partner=partner, taken=taken, pdf=pdf,
                  map=late.map_marker("../", partner.key),
                  presented=[(theme, practices) for theme, practices in presented if practices])
