"""A practice body's safe HTML as a small tree of blocks and inlines (plain data the Typst template lays out).

The tree is data, never markup: the template places each string as text, so nothing a partner writes is ever
read as Typst code. Tags the tree has no kind for keep their text and lose their meaning."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from ..text import FURNITURE

Node = dict[str, Any]

_VOID = {"br", "hr", "img", "wbr"}
_INLINE = {"a", "abbr", "b", "br", "code", "del", "em", "i", "img", "ins", "kbd", "mark", "s", "small", "span",
           "strong", "sub", "sup", "u"}
_STYLE = {"b": "strong", "strong": "strong", "em": "em", "i": "em", "del": "strike", "s": "strike",
          "sub": "sub", "sup": "sup", "u": "underline", "ins": "underline", "mark": "highlight"}


@dataclass
class Element:
    """One parsed HTML element: its tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        """Return all the text inside, as written."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("body", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
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
    """Parse HTML into an element tree under a `body` element."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.root


#: Given an image's src and alt text, return the name the template loads it by, or None to leave it out.
ImageFetcher = Callable[[str, str], str | None]


def _no_images(src: str, alt: str) -> str | None:
    return None


#: Styles inside styles and quotes inside quotes that the layout nests; deeper ones keep their text, unwrapped. The
#: document goes to Typst as JSON, which it reads to 128 levels: emphasis 120 deep, which the validator accepts
#: (Markdown's '*a *a … b … c* c*'), failed the PDF build; a body's lists, quotes and raw HTML stay far within.
MAX_STYLES, MAX_QUOTES = 8, 12


class _Converter:
    def __init__(self, images: ImageFetcher) -> None:
        self.images = images
        self.level = 1  # of the last heading: the body's levels never skip one (PDF/UA wants none skipped)
        self.styles = self.quotes = 0  # how deep the node being converted is in each

    def inlines(self, nodes: list[Element | str], pre: bool = False) -> list[Node]:
        out: list[Node] = []
        for node in nodes:
            if isinstance(node, str):
                text = node if pre else " ".join(node.split()) if node.strip() else (" " if node else "")
                if not pre and node[:1].isspace() and node.strip():
                    text = " " + text
                if not pre and node[-1:].isspace() and node.strip():
                    text += " "
                if text:
                    out.append({"k": "text", "s": text})
                continue
            tag = node.tag
            if tag == "br":
                out.append({"k": "br"})
            elif tag in ("code", "kbd"):
                out.append({"k": "code", "s": node.text()})
            elif tag == "a" and FURNITURE.intersection(node.attrs.get("class", "").split()):
                continue  # a heading's permalink mark or a footnote's way back: page furniture, not text
            elif tag == "a":
                href = node.attrs.get("href", "")
                children = self.inlines(node.children, pre)
                if href.startswith(("http://", "https://", "mailto:")):
                    out.append({"k": "link", "url": href, "c": children})
                else:  # an anchor inside the page, such as a footnote: its text only
                    out.extend(children)
            elif tag == "img":
                out.extend(self.image(node))
            elif tag in _STYLE and self.styles < MAX_STYLES:
                self.styles += 1
                out.append({"k": _STYLE[tag], "c": self.inlines(node.children, pre)})
                self.styles -= 1
            elif tag in _STYLE:
                out.extend(self.inlines(node.children, pre))
            elif tag in _INLINE:
                out.extend(self.inlines(node.children, pre))
            else:  # a block where text was expected (e.g. a paragraph in a table cell): its inline content
                out.extend(self.inlines(node.children, pre))
                out.append({"k": "text", "s": " "})
        return out

    def image(self, node: Element) -> list[Node]:
        alt = node.attrs.get("alt", "")
        name = self.images(node.attrs.get("src", ""), alt)
        if name is None:
            return [{"k": "text", "s": f"[image: {alt}]"}] if alt else []
        return [{"k": "image", "src": name, "alt": alt or "Image"}]

    def blocks(self, nodes: list[Element | str]) -> list[Node]:
        out: list[Node] = []
        loose: list[Element | str] = []

        def flush() -> None:
            content = _trim(self.inlines(loose))
            if content:
                out.append({"k": "par", "c": content})
            loose.clear()

        for node in nodes:
            if isinstance(node, str) or node.tag in _INLINE:
                loose.append(node)
                continue
            flush()
            out.extend(self.block(node))
        flush()
        return out

    def block(self, node: Element) -> list[Node]:
        tag = node.tag
        if tag == "p":
            content = _trim(self.inlines(node.children))
            return [{"k": "par", "c": content}] if content else []
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.level = min(max(int(tag[1]), 2), self.level + 1)
            return [{"k": "heading", "level": self.level, "c": _trim(self.inlines(node.children))}]
        if tag in ("ul", "ol"):
            items = [self.blocks(li.children) for li in node.children if isinstance(li, Element) and li.tag == "li"]
            start = node.attrs.get("start", "1")
            return [{"k": "list", "ordered": tag == "ol", "start": int(start) if start.isdigit() else 1,
                     "items": items}] if items else []
        if tag == "pre":
            return [{"k": "code", "s": node.text().rstrip("\n")}]
        if tag == "blockquote" and self.quotes < MAX_QUOTES:
            self.quotes += 1
            quote = [{"k": "quote", "c": self.blocks(node.children)}]
            self.quotes -= 1
            return quote
        if tag == "hr":
            return [{"k": "rule"}]
        if tag == "table":
            return self.table(node)
        if tag == "dl":
            items = []
            for child in node.children:
                if isinstance(child, Element) and child.tag == "dt":
                    items.append({"term": _trim(self.inlines(child.children)), "defs": []})
                elif isinstance(child, Element) and child.tag == "dd" and items:
                    items[-1]["defs"].append(self.blocks(child.children))
            return [{"k": "terms", "items": items}] if items else []
        if tag == "div" and "admonition" in node.attrs.get("class", "").split():
            title = next((c for c in node.children if isinstance(c, Element) and c.tag == "p"
                          and "admonition-title" in c.attrs.get("class", "").split()), None)
            rest = [c for c in node.children if c is not title]
            return [{"k": "note", "title": _trim(self.inlines(title.children)) if title else [],
                     "c": self.blocks(rest)}]
        return self.blocks(node.children)  # div, details, figure, nav…: their content

    def table(self, node: Element) -> list[Node]:
        rows: list[tuple[Element, bool]] = []  # each row, and whether it heads the table

        def collect(element: Element, in_head: bool) -> None:
            for child in element.children:
                if isinstance(child, Element) and child.tag == "tr":
                    rows.append((child, in_head or all(isinstance(c, str) or c.tag == "th" for c in child.children)))
                elif isinstance(child, Element) and child.tag in ("thead", "tbody", "tfoot"):
                    collect(child, child.tag == "thead")

        collect(node, False)
        header = next((i for i, (_row, head) in enumerate(rows) if not head), len(rows))
        cells = [[_trim(self.inlines(c.children)) for c in row.children if isinstance(c, Element)
                  and c.tag in ("td", "th")] for row, _head in rows]
        width = max((len(r) for r in cells), default=0)
        if not width:
            return []
        cells = [r + [[] for _ in range(width - len(r))] for r in cells]
        return [{"k": "table", "columns": width, "header": header, "rows": cells}]


def _trim(nodes: list[Node]) -> list[Node]:
    """Drop the spaces at both ends of a run of inlines."""
    while nodes and nodes[0]["k"] == "text" and not nodes[0]["s"].strip():
        nodes.pop(0)
    while nodes and nodes[-1]["k"] == "text" and not nodes[-1]["s"].strip():
        nodes.pop()
    if nodes and nodes[0]["k"] == "text":
        nodes[0] = {"k": "text", "s": nodes[0]["s"].lstrip()}
    if nodes and nodes[-1]["k"] == "text":
        nodes[-1] = {"k": "text", "s": nodes[-1]["s"].rstrip()}
    return nodes


def body_blocks(html: str, images: ImageFetcher = _no_images) -> list[Node]:
    """Return the blocks of a body's safe HTML; `images` decides which images come along."""
    return _Converter(images).blocks(parse(html).children)
