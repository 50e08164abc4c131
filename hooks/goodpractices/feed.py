"""The Atom feed (RFC 4287), feed.xml: the newest practices by their `updated` date, to follow from a feed reader.

Written with the standard library's ElementTree, which escapes every text and attribute value. The same catalogue
gives the same bytes: the feed's own date is its newest entry's, never the clock. With `site_url` set, links
and ids are the pages' published addresses; without it, links are relative to feed.xml (which sits at the site's
root) and ids are tag: URIs (RFC 4151) made from the site's name and each practice's id, so they never change.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

from .catalog import FIXED_EPOCH
from .model import Catalog, PartialDate, Practice
from .siteinfo import SiteInfo

ATOM = "http://www.w3.org/2005/Atom"
PATH = "feed.xml"
MEDIA_TYPE = "application/atom+xml"
#: The most entries the feed holds.
ENTRIES = 50
#: The year in tag: ids (RFC 4151 asks for a date at which the name was the minter's): fixed, so ids never change.
TAG_YEAR = 2026
#: What XML 1.0 cannot hold, even escaped, and the C1 controls it discourages (feed readers take them for
#: Windows-1252 letters). Validation refuses control characters already: this keeps the feed well-formed whatever.
_NOT_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    """Return text as XML holds it: line ends as XML reads them (a lone CR would come back as LF), and what
    XML cannot hold as U+FFFD."""
    return _NOT_XML.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def _stamp(date: PartialDate | None) -> str:
    """Return a date as an RFC 3339 timestamp: its first day, at midnight UTC (no date: the fixed epoch)."""
    seconds = calendar.timegm((*date.first_day(), 0, 0, 0)) if date else FIXED_EPOCH
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def newest(catalog: Catalog, count: int = ENTRIES) -> list[Practice]:
    """Return the practices that have an `updated` date, newest first (then by id), at most `count`."""
    dated = sorted((p for p in catalog.practices if p.updated),
                   key=lambda p: (tuple(-n for n in p.updated.first_day()), p.id))  # type: ignore[union-attr]
    return dated[:count]


def _tag_authority(name: str) -> str:
    """Return the site's name as a tag: authority name (RFC 4151: letters, digits and inner hyphens)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "good-practices"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


def feed_xml(catalog: Catalog, info: SiteInfo) -> bytes:
    """Return feed.xml: the site, then its newest practices, each with its title, summary, theme and presenting
    partner (as categories and as author) and a link to its page."""
    base = info.url or ""
    authority = _tag_authority(info.name)

    def address(path: str) -> str:
        return base + path

    def ident(path: str) -> str:
        return address(path) if info.url else f"tag:{authority},{TAG_YEAR}:{path or 'home'}"

    entries = newest(catalog)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "en"})  # Atom is the default namespace of the file
    _sub(feed, "title", info.name)
    _sub(feed, "subtitle", "The newest good practices, by the date they were last updated.")
    _sub(feed, "id", ident(""))
    _sub(feed, "updated", _stamp(entries[0].updated if entries else None))
    _sub(feed, "link", rel="self", type=MEDIA_TYPE, href=address(PATH))
    _sub(feed, "link", rel="alternate", type="text/html", href=address("index.html"))
    _sub(_sub(feed, "author"), "name", info.name)
    if info.licence.name:
        _sub(feed, "rights", f"Content and data: {info.licence.name}")
    for practice in entries:
        theme, partner = catalog.theme[practice.theme], catalog.partner[practice.partner]
        entry = _sub(feed, "entry")
        _sub(entry, "title", practice.title)
        _sub(entry, "id", ident(practice.url))
        _sub(entry, "updated", _stamp(practice.updated))
        _sub(entry, "link", rel="alternate", type="text/html", href=address(practice.url))
        _sub(_sub(entry, "author"), "name", partner.name)
        _sub(entry, "category", term=theme.key, label=theme.title,
             **({"scheme": address("themes/index.html")} if info.url else {}))
        _sub(entry, "category", term=partner.key, label=partner.name,
             **({"scheme": address("partners/index.html")} if info.url else {}))
        _sub(entry, "summary", practice.summary, type="text")
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode").encode() + b"\n"
