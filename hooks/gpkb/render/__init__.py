"""Shared rendering tools: one autoescaping Jinja environment, generated pages with HTML slots, number formats."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import icons
from ..countries import COUNTRIES
from ..schema import STAGES

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

_SLOT = re.compile(r"<!--gpkb:slot:(\d+)-->")


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
    """

    meta: dict[str, Any]
    markdown: str
    slots: tuple[str, ...] = ()

    def fill(self, html: str) -> str:
        """Put the slots' HTML back into the page's rendered HTML."""
        return _SLOT.sub(lambda match: self.slots[int(match.group(1))], html) if self.slots else html


def _plain(value: Any) -> Any:
    """Escape text values: MkDocs and Material print titles and descriptions without escaping them."""
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def render(template: str, meta: dict[str, Any], **context: Any) -> GeneratedPage:
    """Render a template into a page; `{% call slot() %}…{% endcall %}` blocks become slots.

    Text values of `meta` are escaped, and `render_macros: false` is always set: no generated page is a template.
    """
    slots: list[str] = []

    def slot(caller: Callable[[], str]) -> Markup:
        slots.append(str(caller()).strip("\n"))
        return Markup(f"\n<!--gpkb:slot:{len(slots) - 1}-->\n")

    markdown = ENV.get_template(template).render(slot=slot, **context)
    meta = {key: _plain(value) for key, value in meta.items()} | {"render_macros": False}
    return GeneratedPage(meta, markdown, tuple(slots))


def render_html(template: str, **context: Any) -> str:
    """Render a template that is all HTML (for macros in hand-written pages)."""
    return ENV.get_template(template).render(slot=lambda caller: caller(), **context)
