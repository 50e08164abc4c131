"""The allowlist that every page rendered from practice content passes through (nh3, i.e. Ammonia)."""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "nav", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "aria-label", "aria-hidden", "role", "tabindex"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto"}


_CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                       clean_content_tags={"script", "style"}, link_rel="noopener noreferrer")


def clean(html: str) -> str:
    """Keep only allowlisted tags, attributes and URL schemes; script and style go with their content."""
    return _CLEANER.clean(html)


def clean_all(pieces: list[str]) -> list[str]:
    """Clean several pieces of HTML (one call for a batch sent to a worker process)."""
    return [clean(piece) for piece in pieces]
