"""A practice body as plain text, passage by passage (one per heading), read from its tree (bodytree.py).

The passages are what search indexes (each heading's own, linked by its anchor); the data downloads group them
into sections, one per level-2 heading (model.sections)."""

from __future__ import annotations

import re
from .bodytree import VOID, Element
from .model import Passage

#: Elements that start a new line of text; list items also get a dash.
_BLOCKS = {"p", "div", "li", "dt", "dd", "tr", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table",
           "ul", "ol", "dl", "figure", "figcaption", "hr", "details", "summary"}
#: Elements that end a paragraph of text.
_PARAGRAPH_ENDS = {"p", "pre", "blockquote", "table", "ul", "ol", "dl", "h2", "h3", "h4", "h5", "h6"}
_HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = re.compile(r"\s{2,}|[^\S ]")  # what is not already one space
_BLANKS = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")
_GAPS = re.compile(r"\n{3,}")


def _tidy(parts: list[str]) -> str:
    lines = (line.strip() for line in _BLANKS.sub(" ", "".join(parts)).split("\n"))
    return _GAPS.sub("\n\n", "\n".join(lines)).strip()


def _opens(element: Element) -> int:
    """Return the level of the passage a heading opens (every level-2 heading, and deeper ones with an id), or 0."""
    level = _HEADINGS.get(element.tag, 0)
    return level if level == 2 or (level and "id" in element.attrs) else 0


class _Reader:
    """Reads a tree in document order into passages (a recursive walk: the tree's depth is bounded by the checks)."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str, list[str], list[str]]] = [(0, "", [], [])]  # level, anchor, title, text
        self.title: Element | None = None  # the heading whose text is being read
        self.cells = 0  # cells so far in the table row
        self.pre = 0  # depth inside <pre>, where line breaks are kept

    def read(self, element: Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                self.found[-1][2 if self.title else 3].append(child if self.pre else _SPACE.sub(" ", child))
            elif not child.furniture():
                self.start(child)
                if child.tag not in VOID:
                    self.read(child)
                    self.end(child)

    def start(self, element: Element) -> None:
        name = element.tag
        self.pre += name == "pre"
        level = _opens(element) if self.title is None else 0
        if level:
            anchor = element.attrs.get("id", "")
            self.found.append((level, f"#{anchor}" if anchor else "", [], []))
            self.title = element
        elif name in _BLOCKS or name == "br":
            text = self.found[-1][3]
            # A paragraph inside a list item starts on the dash's line.
            if not "".join(text[-3:]).rstrip(" ").endswith("\n-"):
                text.append("\n- " if name == "li" else "\n")
            self.cells = 0
        elif name in ("td", "th"):
            self.found[-1][3].append(" | " if self.cells else "")
            self.cells += 1

    def end(self, element: Element) -> None:
        if element is self.title:
            self.title = None
            return
        self.pre -= element.tag == "pre" and self.pre > 0
        if element.tag in _PARAGRAPH_ENDS:
            self.found[-1][3].append("\n\n")


def passages(tree: Element) -> tuple[Passage, ...]:
    """Return the body as passages of plain text, paragraphs separated by blank lines: the lead-in (level 0, no
    anchor or title, maybe empty), then one passage per heading that search can link to (and per level-2 one)."""
    reader = _Reader()
    reader.read(tree)
    return tuple(Passage(level, anchor, _tidy(head), _tidy(text)) for level, anchor, head, text in reader.found)
