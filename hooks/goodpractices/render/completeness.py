"""The editors' Completeness page: what each partner's practices still lack (kept out of navigation and search)."""

from __future__ import annotations

from ..completeness import by_partner, field_label, gaps_of
from ..model import Catalog
from . import GeneratedPage, render

PATH = "editors/completeness.md"


def completeness_page(catalog: Catalog) -> GeneratedPage:
    """Return the page: per partner, each practice with missing sections, fields and placeholder sentences."""
    meta = {"title": "Completeness", "description": "For editors: what the practices still lack.",
            "search": {"exclude": True}, "hide": ["navigation"]}
    complete = sum(1 for p in catalog.practices if not gaps_of(p))
    return render("completeness.md.j2", meta, catalog=catalog, groups=by_partner(catalog), complete=complete,
                  field_label=field_label)
