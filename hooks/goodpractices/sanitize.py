"""Decide on a body's rendered HTML: find what is refused, then keep only the allowlist, with content ids prefixed.

Markdown is rendered first, so code is text (escaped) and every way of writing an image, a link or a tag is an
element here. The decision reads the HTML as the sanitiser and browsers do: nh3 (html5ever, a browser's parser)
parses it once keeping every element and attribute, and the elements of that tree are judged; the sanitiser then
keeps only allowlisted tags and attributes, and reports any remote image the decision missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from collections.abc import Callable
from html.parser import HTMLParser

import nh3

from .urls import TABS, local, quoted, scheme_of, where

#: Every id and footnote anchor from content gets this prefix, as GitHub does: no content can shadow the
#: theme's element ids (`__drawer`, `__search`…), its globals, or the sections the page makes itself.
ID_PREFIX = "user-content-"

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "aria-label", "aria-hidden"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope", "style"},  # style: text-align only (STYLES), as the tables extension
    "td": {"colspan", "rowspan", "style"},            # writes a column's alignment
    "ol": {"start"},
    "details": {"open"},
}
STYLES = {"text-align"}
URL_SCHEMES = {"http", "https", "mailto"}
#: Elements refused outright: they run script, load or embed other content, take input, or restyle the page.
REFUSED_TAGS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "textarea", "select", "option", "link", "meta", "base", "svg", "math", "template", "noscript", "video",
    "audio", "source", "track", "picture", "canvas", "portal", "fencedframe", "image", "param", "dialog",
    "xmp", "plaintext", "noembed", "noframes", "isindex", "keygen", "marquee", "slot",
})
#: Attributes whose value is fetched by the browser as the page loads.
FETCHED = frozenset({"src", "srcset", "poster", "background", "lowsrc", "dynsrc", "data", "imagesrcset"})
#: Attributes whose value is a URL followed on a click.
FOLLOWED = frozenset({"href", "action", "formaction", "xlink:href", "cite", "longdesc", "ping", "codebase"})
#: The class names content may keep: those the site's Markdown extensions write, and code languages. The theme
#: acts on others (Material loads a diagram library from the network for `mermaid`, styles `md-*`).
CLASSES = frozenset({
    "admonition", "admonition-title", "footnote", "footnote-ref", "footnote-backref", "headerlink", "toc",
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example", "quote", "cite",
})
_LANGUAGE = re.compile(r"language-[a-z0-9+#._-]{1,30}")
#: Elements whose content a browser reads as text up to their end tag (raw text); html5ever writes it unescaped.
RAW_TEXT = ("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
#: What may name an element in HTML (html5ever lower-cases it), and a URL's scheme (entities decoded, tabs dropped).
_ELEMENT_NAME = re.compile(r"</?([A-Za-z][^\t\n\f\r />]*)")
#: A scheme starts where a run of scheme characters starts: without the look-behind, each letter of a long run
#: would start a new scan to the run's end (quadratic: 60,000 letters took 16 s of CPU).
_SCHEME_LIKE = re.compile(r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*(?=:)")


@dataclass(frozen=True)
class Finding:
    """Something refused in a body: what the message says, and text to look for to find its source line."""

    message: str
    needles: tuple[str, ...]


class _Decisions:
    """Collects what a body's elements refuse, the ids they define and how many level-1 headings there are."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.ids: set[str] = set()
        self.h1 = 0

    def element(self, tag: str, attrs: list[tuple[str, str | None]], raw: str) -> None:
        """Decide on one start tag; `raw` is how it is written (raw HTML passes through Markdown unchanged)."""
        self.tag(tag, raw)
        for name, value in attrs:
            self.attribute(tag, name, value or "", raw)

    def tag(self, tag: str, raw: str = "") -> None:
        """Decide on an element's name."""
        self.h1 += tag == "h1"
        if tag in REFUSED_TAGS:
            self.findings.append(Finding(
                f"has a <{tag}> tag (remove it: practice pages carry no scripts, styles, frames, forms or "
                "embedded media)", (raw, f"<{tag}")))

    def attribute(self, tag: str, name: str, value: str, raw: str = "") -> str:
        """Decide on one attribute of an element (and return its value: nh3 calls this for each it parses)."""
        if name.startswith("on"):
            self.findings.append(Finding(f"has an event-handler attribute {name} on <{tag}> (remove it)",
                                         (raw, name + "=", name)))
        elif name in ("id", "name"):
            self.ids.add(value)
        elif name == "src" and tag == "img":
            if not local(value):
                self.findings.append(_remote(tag, name, value, raw))
        elif name == "src":  # <img> aside, what fetches a src is refused: a src elsewhere is harmless if local
            if value.strip() and not local(value):
                self.findings.append(_remote(tag, name, value, raw))
        elif name in FETCHED and value.strip() and (name != "data" or tag in ("object", "embed")):
            self.findings.append(_remote(tag, name, value, raw))  # srcset, poster…: an image has one local src
        if name in FOLLOWED or (name == "src" and tag != "img"):
            scheme = scheme_of(value)
            if scheme is not None and scheme not in URL_SCHEMES:
                self.findings.append(Finding(f"has a {scheme}: URL in {name}, {quoted(value)} (use an "
                                             "http(s) address)", (value.strip(), raw, f"{scheme}:", scheme)))
            elif scheme is None and value.strip() and not value.strip().startswith("#") and not local(value):
                self.findings.append(Finding(
                    f"links to {quoted(value)}, outside the site (link to a page of the site with a "
                    "relative path, or to a full https:// address)", (raw, value.strip())))
        return value


class _Parser(HTMLParser):
    """Feeds every start tag of any HTML, as written, to the decisions."""

    def __init__(self, decisions: _Decisions) -> None:
        super().__init__(convert_charrefs=True)
        self.decisions = decisions

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.decisions.element(tag, attrs, self.get_starttag_text() or "")

    handle_startendtag = handle_starttag


class _ParsedParser(_Parser):
    """Reads the element names of html5ever's serialisation (as_parsed): what it writes raw in RAW_TEXT elements
    is text, as html5ever read it, so that this parser sees the elements html5ever saw and no other."""

    CDATA_CONTENT_ELEMENTS = RAW_TEXT

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.decisions.tag(tag)

    handle_startendtag = handle_starttag


#: A start tag as Python-Markdown's serializer writes it: lower-case names, every value double-quoted and escaped.
_SERIALIZED_TAG = re.compile(r'<([a-z][a-z0-9]*)((?: [a-z][a-z0-9:_-]*="[^"<>]*")*)(?: /)?>')
_SERIALIZED_ATTRIBUTE = re.compile(r' ([a-z][a-z0-9:_-]*)="([^"]*)"')


@dataclass(frozen=True)
class Inspection:
    """What `inspect` saw in a body's HTML."""

    findings: tuple[Finding, ...]
    ids: frozenset[str]
    h1: int


def _remote(tag: str, name: str, value: str, raw: str = "") -> Finding:
    """A refused image source (`raw`: the start tag as written, if known)."""
    if name == "src" and not value.strip():
        return Finding("has an image without a source (write the path of a picture in docs/assets/, e.g. "
                       "![Text](../assets/photo.png))", (raw, "<img", "!["))
    if name != "src":
        return Finding(f"has a {name} attribute on <{tag}> (give the image one src inside the site)", (raw, name))
    return Finding(f"shows an image from outside the site, {where(value)} (readers' browsers would fetch it; put "
                   "the image in docs/assets/ and link it with a relative path, or link to it instead)",
                   (raw, value.strip(), where(value).rstrip(":"), "!["))


def inspect(html: str, markup: bool = True) -> Inspection:
    """Return what the HTML refuses, in order, the ids it defines and its level-1 headings. Raw HTML is read twice:
    as written, by Python's parser, and as the sanitiser and browsers parse it (html5ever, through as_parsed),
    where content that the first reads as tags is text (<title>, <textarea>, <xmp>, <noscript>…) or the other
    way round (comments closed by '--!>' or '<!-->', <style> in <svg>): what either finds is refused.

    `markup=False` says the Markdown had no raw HTML and no attribute list ('<' and '{' absent): then every tag
    is the serializer's, read exactly by a pattern in a fraction of the HTML parser's time."""
    decisions = _Decisions()
    if markup:  # as written (its start tags help find the line), then as browsers parse it: either may refuse
        parser = _Parser(decisions)
        parser.feed(html)
        parser.close()
        parsed = _Decisions()  # each attribute as html5ever builds it, then the elements it wrote out
        parser = _ParsedParser(parsed)
        parser.feed(as_parsed(html, parsed.attribute))
        parser.close()
        said = {finding.message for finding in decisions.findings}
        decisions.findings += [finding for finding in parsed.findings if finding.message not in said]
        decisions.ids |= parsed.ids
        decisions.h1 = max(decisions.h1, parsed.h1)
    else:
        for tag in _SERIALIZED_TAG.finditer(html):
            attrs = [(name, unescape(value)) for name, value in _SERIALIZED_ATTRIBUTE.findall(tag.group(2))]
            decisions.element(tag.group(1), attrs, "")  # type: ignore[arg-type]
    return Inspection(tuple(decisions.findings), frozenset(decisions.ids), decisions.h1)


def as_parsed(html: str, visit: Callable[[str, str, str], str | None] | None = None) -> str:
    """Return HTML as html5ever parses it (the sanitiser's parser, which parses as browsers do), written out
    again with every element and attribute it found: comments dropped, names in lower case, values quoted,
    entities decoded, text escaped but in RAW_TEXT elements; `visit(tag, name, value)` sees each attribute as
    html5ever built it, even where the writing out loses it (an HTML element inside SVG's <style>)."""
    names = {name.lower() for name in _ELEMENT_NAME.findall(html)} | TAGS | REFUSED_TAGS
    schemes = {scheme.lower() for scheme in _SCHEME_LIKE.findall(unescape(html).translate(TABS))}
    return nh3.clean(html, tags=names, clean_content_tags=set(), attributes={}, generic_attribute_prefixes={""},
                     url_schemes=schemes | URL_SCHEMES, strip_comments=True, link_rel=None, attribute_filter=visit)


def clean(html: str, ids: frozenset[str] = frozenset()) -> tuple[str, list[Finding]]:
    """Keep only allowlisted tags, attributes and URL schemes; prefix ids and links to them (`ids`, from
    `inspect`); drop any image from outside the site and report it. Script and style go with their content."""
    missed: list[Finding] = []

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name == "id":
            return ID_PREFIX + value
        if name == "class":
            kept = [c for c in value.split() if c in CLASSES or (tag == "code" and _LANGUAGE.fullmatch(c)
                                                                   and c != "language-mermaid")]
            return " ".join(kept) or None
        if tag == "img" and name == "src":
            if local(value):
                return value
            missed.append(_remote(tag, name, value))
            return None
        if tag == "a" and name == "href":
            return _link(value, ids)
        return value

    cleaner = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, attribute_filter=attribute,
                          filter_style_properties=STYLES, clean_content_tags={"script", "style"},
                          link_rel="noopener noreferrer")
    return cleaner.clean(html), missed


def _link(href: str, ids: frozenset[str]) -> str:
    """Point a link at a content id by its prefixed name, and a practice's `.md` link at its page."""
    if href.startswith("#"):
        return "#" + ID_PREFIX + href[1:] if href[1:] in ids else href
    if scheme_of(href) is None and not href.startswith("/"):
        path, hash_, fragment = href.partition("#")
        if path.endswith(".md"):
            return path[:-3] + ".html" + hash_ + fragment
    return href
