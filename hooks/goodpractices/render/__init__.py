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
from ..model import Heading
from ..schema import GENERATED_SECTIONS, STAGES
from .rows import PRACTICE_COLUMNS, STAGE_LABELS, matrix_row, practice_row, stage_cell, transfer_item

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("goodpractices", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


#: Metadata of practice pages: where the same words match, search lists a practice above the theme, partner,
#: transferability and docs pages (Material's per-page `search.boost`; the others keep the default, 1).
SEARCH_FIRST: dict[str, Any] = {"search": {"boost": 2}}
#: Metadata of pages whose tab has no other pages: no navigation sidebar, which would stand empty.
NO_NAVIGATION: dict[str, Any] = {"hide": ["navigation"]}

#: Slot markers carry a per-process token, so practice content cannot forge one; none reaches the output.
_TOKEN = secrets.token_hex(8)
_SLOT = re.compile(rf"<!--goodpractices:slot:{_TOKEN}:(\d+)-->")
#: The generated sections' headings as Markdown's toc extension writes them, permalink included.
_HEADINGS = {
    anchor: Markup('<h2 id="{0}">{1}<a class="headerlink" href="#{0}" title="Permanent link">&para;</a></h2>')
    .format(anchor, text) for anchor, (text, _field) in GENERATED_SECTIONS.items()
}


def _marker(number: int) -> str:
    return f"<!--goodpractices:slot:{_TOKEN}:{number}-->"


def money(amount: int | float) -> str:
    """Format euros for readers: '900 000 EUR', '1 250.50 EUR'."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return text.replace(",", "\u202f") + " EUR"


def heat(count: int, peak: int) -> int:
    """Return a shade from 0 (none) to 4 (the peak count) for a summary cell."""
    return 0 if count <= 0 or peak <= 0 else max(1, round(4 * count / peak))


ENV.filters.update(
    money=money, country=COUNTRIES.__getitem__, stage=STAGE_LABELS.__getitem__,
    heat=heat, stage_cell=stage_cell, matrix_row=matrix_row,
    practice_row=practice_row, transfer_item=transfer_item, icon=lambda name: Markup(icons.svg(name)),
)
ENV.globals.update(stages=STAGES, practice_columns=PRACTICE_COLUMNS)


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the catalogue: metadata, Markdown for MkDocs, and trusted HTML for its slots.

    Markdown carries the headings (so the table of contents and anchors work) and the practice body; the
    generated HTML (escaped by the templates) waits in slots, put back after Markdown so it is not parsed again.
    Slots before the first and after the last Markdown text leave no marker in it (`before` and `after` count
    them): Markdown would pass each marker through its raw-HTML parser, which costs a tenth of a page's time.
    Indexed slots go into the page content that MkDocs keeps and the search plugin reads; the others go
    straight into the written page, so search and memory only hold what readers search for. Slots wait as
    UTF-8 bytes: a str with one '◔' or '–' takes two bytes for every character, and all pages wait at once.
    """

    meta: dict[str, Any]
    markdown: str
    slots: tuple[bytes, ...] = ()
    indexed: frozenset[int] = frozenset()
    #: Headings inside slots, in order: the table of contents lists them after Markdown's.
    headings: tuple[Heading, ...] = ()
    before: int = 0
    after: int = 0

    def content(self, html: str) -> str:
        """Return the page content: the rendered Markdown between the slots that come before and after it, with
        the indexed slots filled in and markers left for the others."""
        pieces = _SLOT.split(html)  # text, slot number, text, …
        for i in range(1, len(pieces), 2):
            pieces[i] = self._filled(int(pieces[i]))
        before = [self._filled(number) for number in range(self.before)]
        after = [self._filled(number) for number in range(len(self.slots) - self.after, len(self.slots))]
        return "\n".join([*before, "".join(pieces), *after] if html else [*before, *after])

    def _filled(self, number: int) -> str:
        """Return an indexed slot's HTML, or the marker that `output` fills."""
        return self.slots[number].decode() if number in self.indexed else _marker(number)

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


def _page_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Escape the text values of a generated page's metadata and set `render_macros: false`: no generated page
    is a template."""
    return {key: _plain(value) for key, value in meta.items()} | {"render_macros": False}


def heading(anchor: str) -> str:
    """Return a generated section's heading (see schema.GENERATED_SECTIONS), like Markdown's with its permalink."""
    return str(_HEADINGS[anchor])


def assemble(meta: dict[str, Any], markdown: str, before: list[tuple[str | bytes, bool]], after: list[str],
             headings: tuple[Heading, ...], sections: list[str]) -> GeneratedPage:
    """Return a page made of Markdown between HTML slots: `before` holds (HTML, indexed) pairs, `after` the
    slots that follow; `headings` are those in `before`, and `sections` the anchors of the generated sections
    in `after`, in order. HTML given as UTF-8 bytes becomes the slot itself (a practice's body is not copied)."""
    slots = (tuple(html if isinstance(html, bytes) else html.encode() for html, _ in before)
             + tuple(html.encode() for html in after))
    indexed = frozenset(number for number, (_, searched) in enumerate(before) if searched)
    generated = tuple(Heading(2, anchor, GENERATED_SECTIONS[anchor][0]) for anchor in sections)
    return GeneratedPage(_page_meta(meta), markdown, slots, indexed, headings + generated, len(before), len(after))


def render(template: str, meta: dict[str, Any], **context: Any) -> GeneratedPage:
    """Render a template into a page; `{% call slot() %}…{% endcall %}` blocks become slots, not searched, and
    `{% call slot(search=True) %}` ones slots in the page content (searched, and seen by the theme, e.g. a <h1>).

    Text values of `meta` are escaped, and `render_macros: false` is always set: no generated page is a template.
    """
    slots: list[bytes] = []
    searched: set[int] = set()

    def slot(search: bool = False, *, caller: Callable[[], str]) -> Markup:
        slots.append(str(caller()).strip("\n").encode())
        if search:
            searched.add(len(slots) - 1)
        return Markup(f"\n{_marker(len(slots) - 1)}\n")

    markdown = ENV.get_template(template).render(slot=slot, **context)
    texts = _SLOT.split(markdown)[0::2]  # the text around the slots, which are numbered in order
    before = next((i for i, text in enumerate(texts) if text.strip()), len(slots))  # slots before any text
    after = next((i for i, text in enumerate(reversed(texts[before:])) if text.strip()), 0)
    middle = range(before, len(slots) - after)
    markdown = (texts[before] + "".join(_marker(i) + texts[i + 1] for i in middle)).strip("\n")
    return GeneratedPage(_page_meta(meta), markdown, tuple(slots), frozenset(searched), before=before, after=after)


def render_html(template: str, **context: Any) -> str:
    """Render a template that is all HTML (for macros in hand-written pages)."""
    return ENV.get_template(template).render(slot=lambda in_content=False, *, caller: caller(), **context)
