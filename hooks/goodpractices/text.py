"""A practice body's cleaned HTML as plain text, section by section (one section per level-2 heading)."""

from __future__ import annotations

import re
from html import unescape

from .model import Section

#: Elements that start a new line of text; list items also get a dash.
_BLOCKS = {"p", "div", "li", "dt", "dd", "tr", "pre", "blockquote", "h1", "h3", "h4", "h5", "h6", "table", "ul",
           "ol", "dl", "figure", "figcaption", "hr", "details", "summary"}
#: Elements that end a paragraph of text.
_PARAGRAPH_ENDS = {"p", "pre", "blockquote", "table", "ul", "ol", "dl", "h3", "h4", "h5", "h6"}
#: Elements that have no end tag.
_VOID = {"br", "hr", "img"}
#: Links the Markdown extensions add for navigation, not for reading.
FURNITURE = {"headerlink", "footnote-backref"}
#: A tag as the sanitiser writes it: every attribute as name="value" with `"` escaped in the value, `<` escaped
#: in text, no comments; what lies between two tags is text.
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>"]*(?:"[^"]*"[^>"]*)*)>')
_CLASS = re.compile(r'\sclass="([^"]*)"')
_SPACE = re.compile(r"\s{2,}|[^\S ]")  # what is not already one space
_BLANKS = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")
_GAPS = re.compile(r"\n{3,}")


def _tidy(parts: list[str]) -> str:
    lines = (line.strip() for line in _BLANKS.sub(" ", "".join(parts)).split("\n"))
    return _GAPS.sub("\n\n", "\n".join(lines)).strip()


def sections(html: str) -> list[Section]:
    """Return the body's sections as plain text, paragraphs separated by blank lines; an empty lead-in is left out.

    `html` is the sanitiser's output (sanitize.clean), whose serialisation a pattern reads exactly."""
    found: list[tuple[list[str], list[str]]] = [([], [])]  # (title parts, text parts)
    in_title = False
    skip = 0  # depth inside furniture
    cells = 0  # cells so far in the table row
    pre = 0  # depth inside <pre>, where line breaks are kept
    at = 0
    for tag in (*_TAG.finditer(html), None):
        data = html[at:tag.start() if tag else len(html)]
        if data and not skip:
            data = unescape(data)
            found[-1][0 if in_title else 1].append(data if pre else _SPACE.sub(" ", data))
        if tag is None:
            break
        at = tag.end()
        end, name = tag.group(1), tag.group(2).lower()
        if end:
            if skip:
                skip -= 1
            elif name == "h2":
                in_title = False
            else:
                pre -= name == "pre" and pre > 0
                if name in _PARAGRAPH_ENDS:
                    found[-1][1].append("\n\n")
            continue
        if skip or name == "a" and FURNITURE.intersection(_classes(tag.group(3))):
            skip += name not in _VOID
            continue
        pre += name == "pre"
        if name == "h2":
            found.append(([], []))
            in_title = True
        elif name in _BLOCKS or name == "br":
            text = found[-1][1]
            # A paragraph inside a list item starts on the dash's line.
            if not "".join(text[-3:]).rstrip(" ").endswith("\n-"):
                text.append("\n- " if name == "li" else "\n")
            cells = 0
        elif name in ("td", "th"):
            found[-1][1].append(" | " if cells else "")
            cells += 1
    result = [Section(_tidy(title), _tidy(text)) for title, text in found]
    return [s for i, s in enumerate(result) if i or s.text]


def _classes(attributes: str) -> list[str]:
    match = _CLASS.search(attributes)
    return match.group(1).split() if match else []
