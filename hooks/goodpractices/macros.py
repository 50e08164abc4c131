"""The macros that hand-written docs/ pages may call: figures and tables derived from the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import escape

from .model import Catalog
from .pdf.listing import Download
from .render.downloads import pdf_link
from .render import render_html
from .render.late import Late
from .render.themes import theme_cards
from .schema import field_reference_markdown


#: The most practices `recent()` lists: the macros keep these, not the whole catalogue, for the rest of the build.
RECENT_MAX = 50


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Return a Markdown table; registry text is escaped (keys, already plain, come as code spans)."""
    def cell(text: str) -> str:
        return text if text.startswith("`") else str(escape(text)).replace("|", "&#124;")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(text) for text in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def for_catalog(catalog: Catalog, late: Late, pdfs: tuple[Download, ...] = ()) -> dict[str, Callable[..., Any]]:
    """Return the macros, with what they show taken from this build's catalogue (and its PDFs) now; the map
    is `late`'s marker, which the page gets the map for as it is written."""
    figures = {
        "practices": len(catalog.practices),
        "partners": len(catalog.partners),
        "countries": len({p.country for p in catalog.partners} | {p.country for p in catalog.practices}),
        "themes": len(catalog.themes),
        "transfers": len(catalog.transfers),
    }
    cards = theme_cards(catalog, "")
    dated = sorted((p for p in catalog.practices if p.updated), key=lambda p: (p.updated, p.id), reverse=True)
    dated_apart = len({p.updated for p in dated}) > 1
    latest = Catalog(catalog.themes, catalog.partners, tuple(dated[:RECENT_MAX]))

    def field_reference() -> str:
        """The table of front-matter fields, from the schema."""
        return field_reference_markdown()

    def theme_keys() -> str:
        """The table of theme keys and titles, from themes.yml."""
        return _table(("theme", "title"), [(f"`{t.key}`", t.title) for t in catalog.themes])

    def partner_keys() -> str:
        """The table of partner keys, names and countries, from partners.yml."""
        return _table(("partner", "organisation", "country"),
                      [(f"`{p.key}`", p.name, p.country) for p in catalog.partners])

    def count(what: str) -> int:
        """How many practices, partners, countries, themes or transfers the catalogue holds."""
        return figures[what]

    def themes() -> str:
        """The six theme cards."""
        return cards

    def recent(limit: int = 5) -> str:
        """The most recently updated practices, newest first (at most RECENT_MAX); nothing when the dated
        practices all have the same date (or none has one): such a list would tell a reader nothing."""
        if not 0 < limit <= RECENT_MAX:
            raise ValueError(f"recent() lists 1 to {RECENT_MAX} practices, not {limit}")
        if not dated_apart:
            return ""
        return render_html("recent.md.j2", catalog=latest, practices=latest.practices[:limit], root="")

    def catalogue_pdf() -> str:
        """A link to the whole catalogue's PDF (none in a preview, which makes no PDF)."""
        return str(pdf_link(pdfs, "catalogue", "", ""))

    def partner_map() -> str:
        """The map of partners and the transfers between them, its legend and the same facts as a list."""
        return str(late.map_marker(""))

    return {"partner_map": partner_map, "catalogue_pdf": catalogue_pdf, "field_reference": field_reference, "count": count, "themes": themes,
            "recent": recent, "theme_keys": theme_keys, "partner_keys": partner_keys}
