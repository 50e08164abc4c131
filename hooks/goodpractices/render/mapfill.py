"""The map's figure, put into each page that shows it only when that page is rendered.

The home, Partners and partner pages show the map and its list, which at 5,000 practices links some 7,700
transfers (over a megabyte a page). Made when the catalogue was read, every such page held its copy until it was
written, and the home's was held by its macro and by MkDocs' copy of the page's Markdown too, and went through
Markdown's raw-HTML parser. A page holds a late marker instead (the root its links start from and the partner it
highlights), which `fill` replaces by the figure made then from the build's one layout: in a Markdown page's
content (the home's, searched as before), in a generated page's output (its slot is not searched).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Catalog
from ..partnermap import Layout
from .partnermap import figure
from .slots import LATE, LATE_START, late_marker

#: The late markers' prefix that names the map: map|root|highlighted partner key ('' for none).
KEY = "map"


@dataclass(frozen=True)
class MapFigures:
    """The build's map: its layout and the catalogue whose practices its list links."""

    catalog: Catalog
    layout: Layout

    def marker(self, root: str, highlight: str | None = None) -> Markup:
        """Return what a page holds where the map goes (nothing if no partner is on the map)."""
        if not self.layout.markers:
            return Markup("")
        return Markup(late_marker(f"{KEY}|{root}|{highlight or ''}"))

    def fill(self, html: str) -> str:
        """Return a page with each map marker replaced by the map's figure."""
        if LATE_START not in html:  # most pages: one fast scan, no regular expression
            return html
        return LATE.sub(self._figure, html)

    def _figure(self, match: re.Match[str]) -> str:
        kind, root, highlight = match.group(1).split("|")
        if kind != KEY:
            raise ValueError(f"no late HTML is named {kind!r}")
        return str(figure(self.catalog, self.layout, root, highlight or None))
