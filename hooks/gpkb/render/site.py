"""Every generated file of the site, as a map from its path in the docs tree to its content."""

from __future__ import annotations

from ..model import Catalog
from .practice import practice_page

THEME_CSS = "assets/gpkb-themes.css"


def theme_css(catalog: Catalog) -> str:
    """Return the stylesheet that gives each theme its colour."""
    rules = [f".gp-theme--{t.key} {{ --gp-theme-color: {t.color}; }}" for t in catalog.themes if t.color]
    return "\n".join(rules) + "\n"


def edit_sources(catalog: Catalog) -> dict[str, str]:
    """Return {docs-relative page path: repository path of the file to edit} for generated pages."""
    return {f"practices/{p.id}.md": p.source for p in catalog.practices}


def generated_files(catalog: Catalog) -> dict[str, str]:
    """Return {docs-relative path: content} for every page and file generated from the catalogue, sorted."""
    files = {f"practices/{p.id}.md": practice_page(catalog, p) for p in catalog.practices}
    files[THEME_CSS] = theme_css(catalog)
    return dict(sorted(files.items()))
