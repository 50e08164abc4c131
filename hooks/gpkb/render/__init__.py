"""Shared rendering tools: one autoescaping Jinja environment, generated pages with HTML slots, number formats."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import icons
from ..countries import COUNTRIES
from ..schema import GENERATED_SECTIONS, STAGES

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("gpkb", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

STAGE_LABELS = {
    "interested": "Interested",
    "assessed": "Assessed",
    "in-action-plan": "In action plan",
    "implemented": "Implemented",
}
STAGE_SYMBOLS = {"interested": "○", "assessed": "◔", "in-action-plan": "◑", "implemented": "●"}
assert tuple(STAGE_LABELS) == tuple(STAGE_SYMBOLS) == STAGES

#: Metadata of pages that list practices: the practices' own pages are what search should find.
LISTING: dict[str, Any] = {"search": {"exclude": True}}

#: Slot markers carry a per-process token, so practice content cannot forge one; none reaches the output.
_TOKEN = secrets.token_hex(8)
_SLOT = re.compile(rf"<!--gpkb:slot:{_TOKEN}:(\d+)-->")
#: A section heading as Markdown's toc extension writes it, permalink included.
_HEADING = Markup('<h2 id="{anchor}">{text}<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h2>')


def _marker(number: int) -> str:
    return f"<!--gpkb:slot:{_TOKEN}:{number}-->"


def money(amount: int | float) -> str:
    """Format euros for readers: '900 000 EUR', '1 250.50 EUR'."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return text.replace(",", "\u202f") + " EUR"


def heat(count: int, peak: int) -> int:
    """Return a shade from 0 (none) to 4 (the peak count) for a summary cell."""
    return 0 if count <= 0 or peak <= 0 else max(1, round(4 * count / peak))


ENV.filters.update(
    money=money, country=COUNTRIES.__getitem__, stage=STAGE_LABELS.__getitem__, symbol=STAGE_SYMBOLS.__getitem__,
    heat=heat, icon=lambda name: Markup(icons.svg(name)),
)
ENV.globals.update(stages=STAGES)


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the catalogue: metadata, Markdown for MkDocs, and trusted HTML for its slots.

    Markdown carries the headings (so the table of contents and anchors work) and the practice body; the
    generated HTML (escaped by the templates) waits in slots, put back after Markdown so it is not parsed again.
    Indexed slots go into the page content that MkDocs keeps and the search plugin reads; the others go
    straight into the written page, so search and memory only hold what readers search for. Slots wait as
    UTF-8 bytes: a str with one '◔' or '–' takes two bytes for every character, and all pages wait at once.
    """

    meta: dict[str, Any]
    markdown: str
    slots: tuple[bytes, ...] = ()
    indexed: frozenset[int] = frozenset()
    #: Headings inside slots, as (anchor, heading): the table of contents lists them after Markdown's.
    headings: tuple[tuple[str, str], ...] = ()

    def content(self, html: str, clean: Callable[[str], str] | None = None) -> str:
        """Return the page content: the rendered Markdown, passed through `clean` between the slots if given,
        with the indexed slots filled in and markers left for the others."""
        pieces = _SLOT.split(html)  # text, slot number, text, …
        for i in range(0, len(pieces), 2):
            if clean is not None and pieces[i].strip():
                pieces[i] = clean(pieces[i])
        for i in range(1, len(pieces), 2):
            number = int(pieces[i])
            pieces[i] = self.slots[number].decode() if number in self.indexed else _marker(number)
        return "".join(pieces)

    def output(self, html: str) -> str:
        """Put the remaining slots into the written page."""
        return _SLOT.sub(lambda match: self.slots[int(match.group(1))].decode(), html) if self.slots else html


def _plain(value: Any) -> Any:
    """Escape text values: MkDocs and Material print titles and descriptions without escaping them."""
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def render(template: str, meta: dict[str, Any], **context: Any) -> GeneratedPage:
    """Render a template into a page; `{% call slot() %}…{% endcall %}` blocks become slots, and
    `{% call slot(indexed=True) %}` ones are also searched (the page's own heading and summary).

    Text values of `meta` are escaped, and `render_macros: false` is always set: no generated page is a template.
    """
    slots: list[bytes] = []
    searched: set[int] = set()
    headings: list[tuple[str, str]] = []

    def slot(caller: Callable[[], str], indexed: bool = False) -> Markup:
        slots.append(str(caller()).strip("\n").encode())
        if indexed:
            searched.add(len(slots) - 1)
        return Markup(f"\n{_marker(len(slots) - 1)}\n")

    def heading(anchor: str) -> Markup:
        """A section heading made from the front matter, like Markdown's with its permalink."""
        text = GENERATED_SECTIONS[anchor][0]
        headings.append((anchor, text))
        return _HEADING.format(anchor=anchor, text=text)

    markdown = ENV.get_template(template).render(slot=slot, heading=heading, **context).lstrip("\n")
    meta = {key: _plain(value) for key, value in meta.items()} | {"render_macros": False}
    return GeneratedPage(meta, markdown, tuple(slots), frozenset(searched), tuple(headings))


def render_html(template: str, **context: Any) -> str:
    """Render a template that is all HTML (for macros in hand-written pages)."""
    return ENV.get_template(template).render(slot=lambda caller: caller(), **context)
