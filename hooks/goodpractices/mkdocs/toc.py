"""A generated page's headings (in its slots) as MkDocs table-of-contents links."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.toc import AnchorLink

from ..model import Heading


def toc_links(headings: tuple[Heading, ...]) -> list[AnchorLink]:
    """Nest headings into table-of-contents links, each under the nearest heading of a higher level before it."""
    top: list[AnchorLink] = []
    open_links: list[AnchorLink] = []
    for heading in headings:
        link = AnchorLink(str(escape(heading.title)), str(escape(heading.anchor)), heading.level)
        while open_links and open_links[-1].level >= heading.level:
            open_links.pop()
        (open_links[-1].children if open_links else top).append(link)
        open_links.append(link)
    return top
