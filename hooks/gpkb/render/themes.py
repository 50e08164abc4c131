"""The themes index and one page per theme: its question, practices and matrix."""

from __future__ import annotations

from ..matrix import matrix
from ..model import Catalog, Theme
from . import page, render


def themes_index(catalog: Catalog) -> str:
    """Return the page with one card per theme."""
    return page({"title": "Themes", "description": "The six themes of the good practices."},
                theme_cards(catalog, "../", intro=True))


def theme_cards(catalog: Catalog, root: str, intro: bool = False) -> str:
    """Return the grid of theme cards (for the themes index and the home page)."""
    return render("themes_index.md.j2", catalog=catalog, root=root, intro=intro)


def theme_page(catalog: Catalog, theme: Theme) -> str:
    """Return a theme's page: question, description, practices and who took them up."""
    body = render("theme.md.j2", catalog=catalog, theme=theme, practices=catalog.by_theme[theme.key],
                  m=matrix(catalog, (theme,)))
    return page({"title": theme.title, "description": theme.question}, body)
