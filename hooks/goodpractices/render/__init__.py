"""Shared rendering tools: one autoescaping Jinja environment, generated pages with HTML slots, number formats."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import icons
from ..countries import COUNTRIES
from ..model import Heading
from ..schema import GENERATED_SECTIONS, STAGES
from ..reader import STAGE_LABELS, money, period
from ..search_index import SearchPage
from .rows import matrix_row, practice_columns, practice_row, stage_cell, transfer_item
from .slots import SLOT, GeneratedPage, marker

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("goodpractices", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


#: Metadata of pages that give search their own sections (GeneratedPage.search): Material's search plugin, which
#: would read the page's HTML again to find them, leaves them out.
OWN_SEARCH: dict[str, Any] = {"search": {"exclude": True}}
#: Metadata of pages whose tab has no other pages: no navigation sidebar, which would stand empty.
NO_NAVIGATION: dict[str, Any] = {"hide": ["navigation"]}

#: The generated sections' headings as Markdown's toc extension writes them, permalink included.
_HEADINGS = {
    anchor: Markup('<h2 id="{0}">{1}<a class="headerlink" href="#{0}" title="Permanent link">&para;</a></h2>')
    .format(anchor, text) for anchor, (text, _field) in GENERATED_SECTIONS.items()
}


def heat(count: int, peak: int) -> int:
    """Return a shade from 0 (none) to 4 (the peak count) for a summary cell."""
    return 0 if count <= 0 or peak <= 0 else max(1, round(4 * count / peak))


ENV.filters.update(
    money=money, period=period, country=COUNTRIES.__getitem__, stage=STAGE_LABELS.__getitem__,
    heat=heat, stage_cell=stage_cell, matrix_row=matrix_row,
    practice_row=practice_row, transfer_item=transfer_item, icon=lambda name: Markup(icons.svg(name)),
)
ENV.globals.update(stages=STAGES, practice_columns=practice_columns)


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
             headings: tuple[Heading, ...], sections: list[str], search: SearchPage | None = None
             ) -> GeneratedPage:
    """Return a page made of Markdown between HTML slots: `before` holds (HTML, indexed) pairs, `after` the
    slots that follow; `headings` are those in `before`, and `sections` the anchors of the generated sections
    in `after`, in order; `search`, the page as search indexes it, if the page says it itself.
    HTML given as UTF-8 bytes becomes the slot itself (a practice's body is not copied)."""
    slots = (tuple(html if isinstance(html, bytes) else html.encode() for html, _ in before)
             + tuple(html.encode() for html in after))
    indexed = frozenset(number for number, (_, searched) in enumerate(before) if searched)
    generated = tuple(Heading(2, anchor, GENERATED_SECTIONS[anchor][0]) for anchor in sections)
    return GeneratedPage(_page_meta(meta | (OWN_SEARCH if search is not None else {})), markdown, slots, indexed,
                         headings + generated, len(before), len(after), search)


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
        return Markup(f"\n{marker(len(slots) - 1)}\n")

    markdown = ENV.get_template(template).render(slot=slot, **context)
    texts = SLOT.split(markdown)[0::2]  # the text around the slots, which are numbered in order
    before = next((i for i, text in enumerate(texts) if text.strip()), len(slots))  # slots before any text
    after = next((i for i, text in enumerate(reversed(texts[before:])) if text.strip()), 0)
    middle = range(before, len(slots) - after)
    markdown = (texts[before] + "".join(marker(i) + texts[i + 1] for i in middle)).strip("\n")
    return GeneratedPage(_page_meta(meta), markdown, tuple(slots), frozenset(searched), before=before, after=after)


def render_html(template: str, **context: Any) -> str:
    """Render a template that is all HTML (for macros in hand-written pages)."""
    return ENV.get_template(template).render(slot=lambda in_content=False, *, caller: caller(), **context)
