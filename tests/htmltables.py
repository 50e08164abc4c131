"""Read the tables of a built page as rows of cell texts (and cell links), for assertions."""

from __future__ import annotations

from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self, css_class: str | None) -> None:
        super().__init__()
        self.css_class = css_class
        self.tables: list[list[list[str]]] = []
        self.links: list[list[list[str]]] = []
        self.depth = 0
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table":
            if self.depth or self.css_class is None or self.css_class in (attributes.get("class") or "").split():
                if not self.depth:
                    self.tables.append([])
                    self.links.append([])
                self.depth += 1
        elif self.depth and tag == "tr":
            self.tables[-1].append([])
            self.links[-1].append([])
        elif self.depth and tag in ("td", "th"):
            self.cell = []
        elif self.depth and tag == "br" and self.cell is not None:
            self.cell.append(" ")
        elif self.depth and tag == "a" and self.cell is not None:
            self.links[-1][-1].append(attributes.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "table":
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def tables(html: str, css_class: str | None = None) -> list[list[list[str]]]:
    """Return every table (or those with `css_class`) as a list of rows of cell texts."""
    parser = _Tables(css_class)
    parser.feed(html)
    return parser.tables
