"""Every generated file of the site, as a map from its path in the docs tree to its content."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..export import practices_json, transfers_csv
from ..model import Catalog
from ..schema import json_schema
from . import GeneratedPage
from ..pdf.listing import Download
from .downloads import downloads_page, pdf_link
from .partners import partner_page, partners_index
from .practice import practice_page
from .themes import theme_page, themes_index
from .transferability import transferability_page

THEME_CSS = "assets/goodpractices-themes.css"


def theme_css(catalog: Catalog) -> str:
    """Return the stylesheet that gives each theme its colour."""
    rules = [f".gp-theme--{t.key} {{ --gp-theme-color: {t.color}; }}" for t in catalog.themes if t.color]
    return "\n".join(rules) + "\n"


def practice_sources(catalog: Catalog) -> dict[str, str]:
    """Return {docs-relative path of each practice page: repository path of its source file}."""
    return {f"practices/{p.id}.md": p.source for p in catalog.practices}


def nav(catalog: Catalog) -> list[dict[str, Any]]:
    """Return the site navigation (tabs), built from the model.

    Material renders the whole navigation into every page, so it lists sections, not the many pages below
    them: practice and partner pages are reached from the theme, partner and matrix pages and from search."""
    return [
        {"Home": "index.md"},
        {"Themes": ["themes/index.md", *(f"themes/{t.key}.md" for t in catalog.themes)]},
        {"Partners": "partners/index.md"},
        {"Transferability": "transferability/index.md"},
        {"Downloads": "downloads/index.md"},
        {"About": ["about.md", "contributing.md", "security.md", "performance.md"]},
    ]


def generated_files(catalog: Catalog, pdfs: tuple[Download, ...] = ()) -> dict[str, GeneratedPage | bytes | Path]:
    """Return {docs-relative path: page, a file's UTF-8 bytes, or a file to copy} for everything generated from
    the catalogue (and the PDFs made for it, if any), sorted."""
    files: dict[str, GeneratedPage | bytes] = {
        f"practices/{p.id}.md": practice_page(catalog, p) for p in catalog.practices}
    files["themes/index.md"] = themes_index(catalog)
    files.update({f"themes/{t.key}.md": theme_page(catalog, t, pdf_link(pdfs, "theme", t.key, "../"))
                  for t in catalog.themes})
    files["partners/index.md"] = partners_index(catalog)
    files.update({f"partners/{p.key}.md": partner_page(catalog, p, pdf_link(pdfs, "partner", p.key, "../"))
                  for p in catalog.partners})
    files["downloads/index.md"] = downloads_page(catalog, pdfs)
    files.update({f"downloads/{pdf.name}": pdf.path for pdf in pdfs})
    files["transferability/index.md"] = transferability_page(catalog)
    files["transferability.csv"] = transfers_csv(catalog).encode()
    files["practices.json"] = practices_json(catalog).encode()
    files["practice.schema.json"] = (json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n").encode()
    files[THEME_CSS] = theme_css(catalog).encode()
    return dict(sorted(files.items()))
