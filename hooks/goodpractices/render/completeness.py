"""The editors' Completeness page: what each partner's practices still lack (kept out of navigation and search)."""

from __future__ import annotations

from ..completeness import by_partner, field_label
from ..model import Catalog
from . import GeneratedPage, render

PATH = "editors/completeness.md"


def completeness_page(catalog: Catalog) -> GeneratedPage:
    """Return the page: per partner, each practice with missing sections, fields and placeholder sentences."""
    meta = {"title": "Completeness", "description": "For editors: what the practices still lack.",
            "search": {"exclude": True}, "hide": ["navigation"]}
    groups = by_partner(catalog)
    complete = len(catalog.practices) - sum(len(gaps) for _, gaps in groups)
    return render("completeness.md.j2", meta, catalog=catalog, groups=groups, complete=complete,
                  field_label=field_label)
