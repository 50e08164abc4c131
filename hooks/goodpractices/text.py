"""A practice body's HTML as plain text, section by section (one section per level-2 heading)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .model import Section

#: Elements that start a new line of text; list items also get a dash.
_BLOCKS = {"p", "div", "li", "dt", "dd", "tr", "pre", "blockquote", "h1", "h3", "h4", "h5", "h6", "table", "ul",
           "ol", "dl", "figure", "figcaption", "hr", "details", "summary"}
#: Links the Markdown extensions add for navigation, not for reading.
_FURNITURE = {"headerlink", "footnote-backref"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[list[str], list[str]]] = [([], [])]  # (title parts, text parts)
        self.in_title = False
        self.skip = 0  # depth inside furniture
        self.cells = 0  # cells so far in the table row
        self.pre = 0  # depth inside <pre>, where line breaks are kept

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if self.skip or tag == "a" and classes & _FURNITURE:
            self.skip += tag not in ("br", "hr", "img")
            return
        self.pre += tag == "pre"
        if tag == "h2":
            self.sections.append(([], []))
            self.in_title = True
        elif tag in _BLOCKS or tag == "br":
            text = self.sections[-1][1]
            # A paragraph inside a list item starts on the dash's line.
            if not "".join(text[-3:]).rstrip(" ").endswith("\n-"):
                text.append("\n- " if tag == "li" else "\n")
            self.cells = 0
        elif tag in ("td", "th"):
            self.sections[-1][1].append(" | " if self.cells else "")
            self.cells += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        self.pre -= tag == "pre" and self.pre > 0
        if tag == "h2":
            self.in_title = False
        elif tag in ("p", "pre", "blockquote", "table", "ul", "ol", "dl", "h3", "h4", "h5", "h6"):
            self.sections[-1][1].append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.pre:
            data = re.sub(r"\s+", " ", data)
        if not self.skip:
            self.sections[-1][0 if self.in_title else 1].append(data)


def _tidy(parts: list[str]) -> str:
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def sections(html: str) -> list[Section]:
    """Return the body's sections as plain text, paragraphs separated by blank lines; an empty lead-in is left out."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    found = [Section(_tidy(title), _tidy(text)) for title, text in reader.sections]
    return [s for i, s in enumerate(found) if i or s.text]
