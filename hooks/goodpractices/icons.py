"""Material for MkDocs' bundled icons, read as inline SVG (no icon font, nothing fetched)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _path(name: str):  # noqa: ANN202 - a Traversable
    return files("material").joinpath("templates", ".icons", *f"{name}.svg".split("/"))


def exists(name: str) -> bool:
    """Tell whether `name` (e.g. 'material/chart-line') is an icon Material ships."""
    return ".." not in name and _path(name).is_file()


@cache
def svg(name: str) -> str:
    """Return the icon's SVG markup (trusted: it comes from the theme package, not from content)."""
    return _path(name).read_text(encoding="utf-8").strip()
