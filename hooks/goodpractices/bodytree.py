"""A practice body's cleaned HTML read once into a small tree, which its text, search passages and PDF blocks read.

The sanitiser (sanitize.clean) writes the body's HTML; this parses that HTML once, at check time, with Python's
HTML parser (a tokenizer as HTML defines it, so nothing depends on how the sanitiser quotes attributes).
text.py reads the tree for the downloads' sections and the search's passages, pdf/blocks.py for the PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements that have no end tag.
VOID = frozenset({"br", "hr", "img", "wbr"})
#: Links the Markdown extensions add for moving about a web page (a heading's permalink mark, a footnote's way
#: back), not for reading: neither the text, the search nor the PDF keeps them.
FURNITURE = frozenset({"headerlink", "footnote-backref"})


@dataclass(slots=True)
class Element:
    """One element of the body: its tag, attributes and children (elements or text, entities decoded)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        """Return all the text inside, as written."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self) -> list[str]:
        """Return the element's class names."""
        return self.attrs.get("class", "").split()

    def furniture(self) -> bool:
        """Tell whether the element is a link for moving about the page, not for reading (FURNITURE)."""
        return self.tag == "a" and not FURNITURE.isdisjoint(self.classes())


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("body", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    """Parse a body's cleaned HTML into an element tree under a `body` element."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.root
