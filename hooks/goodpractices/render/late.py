"""What pages show but hold only as a marker until each is rendered: the map's figure, related practices.

The home, Partners and partner pages show the map and its list, which at 5,000 practices links some 7,700
transfers (over a megabyte a page); every practice page lists its related practices (6.7 MB in all). Made when
the catalogue was read, each page held its copy until it was written, and the home's map was held by its macro
and MkDocs' copy of the page's Markdown and content too. A page holds a late marker instead, which `fill`
replaces by the HTML made then from the build's one layout of the map and its compact table of related
practices: in a generated page's output (its slots are not searched), and in a Markdown page's content only
while the page is rendered (the home's map, searched as before). Measured (`scripts/bench.py --ablate`,
2026-12-06, 5,000 practices, one run): the map took 4.6% of peak memory before, 1.6% since; related
practices 2.3% before, 0.9% since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Catalog
from ..partnermap import Layout
from ..related import RelatedTable
from .partnermap import figure
from .practice import related_list
from .slots import LATE, LATE_START, late_marker

#: The kinds of late HTML, as their markers name them.
MAP, RELATED = "map", "related"


@dataclass(frozen=True)
class Late:
    """The build's late HTML: the map's layout, the related practices, and the catalogue their links name."""

    catalog: Catalog
    layout: Layout
    related: RelatedTable

    def map_marker(self, root: str, highlight: str | None = None) -> Markup:
        """Return what a page holds where the map goes, its links from `root` (nothing if no partner is on the
        map)."""
        return Markup(late_marker(f"{MAP}|{root}|{highlight or ''}")) if self.layout.markers else Markup("")

    def related_marker(self, position: int) -> str:
        """Return what the page of the practice at `position` holds where its related practices go (nothing if
        none is related to it)."""
        return late_marker(f"{RELATED}|{position}") if self.related.has(position) else ""

    def fill(self, html: str) -> str:
        """Return a page with each late marker replaced by the HTML it stands for."""
        if LATE_START not in html:  # most pages hold none: one fast scan, no regular expression
            return html
        return LATE.sub(self._made, html)

    def _made(self, match: re.Match[str]) -> str:
        kind, _, argument = match.group(1).partition("|")
        if kind == MAP:
            root, highlight = argument.split("|")
            return str(figure(self.catalog, self.layout, root, highlight or None))
        if kind == RELATED:
            return related_list(self.catalog, self.related.row(int(argument)))
        raise ValueError(f"no late HTML is named {kind!r}")
