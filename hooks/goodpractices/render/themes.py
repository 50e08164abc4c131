"""The themes index and one page per theme: its question, practices and matrix."""

from __future__ import annotations

from ..matrix import matrix
from ..model import Catalog, Theme
from . import GeneratedPage, render, render_html


def themes_index(catalog: Catalog) -> GeneratedPage:
    """Return the page with one card per theme."""
    return render("themes_index.md.j2", {"title": "Themes", "description": "The themes of the good practices."},
                  catalog=catalog, root="../", intro=True)


def theme_cards(catalog: Catalog, root: str) -> str:
    """Return the grid of theme cards as HTML (for the home page)."""
    return render_html("themes_index.md.j2", catalog=catalog, root=root, intro=False)


def theme_page(catalog: Catalog, theme: Theme, pdf: str = "") -> GeneratedPage:
    """Return a theme's page: question, description, its PDF's link, practices and who took them up."""
    return render("theme.md.j2", {"title": theme.title, "description": theme.question}, catalog=catalog,
                  theme=theme, pdf=pdf, practices=catalog.by_theme[theme.key], m=matrix(catalog, (theme,)))
