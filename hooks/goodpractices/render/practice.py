"""The page of one practice: header, at-a-glance box, the partner's body, links, connections, uptake.

Written in Python rather than as a Jinja template: a library has a page per practice, thousands of them, and
Jinja took twice as long for each. Every value from the front matter goes through `escape`."""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import escape

from ..model import Catalog, Partner, Practice, Theme
from ..reader import GlanceRow, glance, place, unrecorded
from ..related import Related
from ..search_index import SearchPage
from . import GeneratedPage, assemble, heading
from .rows import stage_cell


def practice_page(catalog: Catalog, practice: Practice, related: str = "") -> GeneratedPage:
    """Return a practice's page; the body goes in as the pipeline rendered and cleaned it, never as a template.
    `related` lists the practices like it, last, with why (`related_list`, or the marker that stands for it)."""
    theme, partner = catalog.theme[practice.theme], catalog.partner[practice.partner]
    inspired_by = [catalog.practice[i] for i in practice.inspired_by]
    inspired = catalog.inspired[practice.id]
    after = {anchor: html for anchor, html in (
        ("links", _links(practice)),
        ("contact", _contact(practice)),
        ("connections", _connections(catalog, inspired_by, inspired)),
        ("transferability", _transferability(catalog, practice)),
        ("related", related),
    ) if html}
    header = _header(practice, theme, partner)
    return assemble(
        {"title": practice.title, "description": practice.summary, "tags": list(practice.keywords)},
        "",
        # Only the title goes into the page content MkDocs keeps (the theme looks there for a <h1>): search has
        # the page from `_search`, so the header and the body wait in slots until the page is written.
        before=[(_top(theme, partner), False), (f"<h1>{escape(practice.title)}</h1>", True),
                (_keywords(practice), False), (header, False),
                (_glance(catalog, practice), False), (_unrecorded(practice), False),
                (practice.body_html, False)],
        after=[heading(anchor) + "\n" + html for anchor, html in after.items()],
        headings=practice.headings, sections=list(after), search=_search(practice, header),
    )


def _search(p: Practice, header: str) -> SearchPage:
    """The page as search indexes it: its title, keywords and header, and its body's passages, worked out when
    the body was checked."""
    return SearchPage(p.title, p.keywords, header, p.passages)


def _top(theme: Theme, partner: Partner) -> str:
    """The breadcrumbs: the practice's theme under Themes, and its partner."""
    return (f'<nav class="gp-breadcrumbs" aria-label="Breadcrumbs"><a href="../themes/index.html">Themes</a> &rsaquo; '
            f'<a href="../themes/{theme.key}.html">{escape(theme.title)}</a> &middot; '
            f'<a href="../partners/{partner.key}.html">{escape(partner.short_name)}</a></nav>')


def _keywords(p: Practice) -> str:
    """The keywords as Material's tags, below the title, as the author wrote them, each leading to the explore
    page with that keyword chosen (search reads them from the `tags` metadata)."""
    tags = "".join(f'<a class="md-tag" href="../explore/index.html?keyword={escape(quote(keyword, safe=""))}">'
                   f'{escape(keyword)}</a>' for keyword in p.keywords)
    return f'<nav class="md-tags" aria-label="Keywords">{tags}</nav>' if tags else ""


def _header(p: Practice, theme: Theme, partner: Partner) -> str:
    """What search finds besides the title and the body: the theme, presenter, place and summary."""
    return (f'<p class="gp-badges"><a class="gp-theme gp-theme--{theme.key}" href="../themes/{theme.key}.html">'
            f'{escape(theme.title)}</a> <span class="gp-presented">Presented by '
            f'<a href="../partners/{partner.key}.html">{escape(partner.short_name)}</a>, project partner '
            f'{escape(partner.code)} '
            f'&middot; {escape(place(p, ", "))}</span></p>\n'
            f'<p class="gp-summary">{escape(p.summary)}</p>')


def _glance(catalog: Catalog, p: Practice) -> str:
    """The at-a-glance box: the facts of the front matter, and who took the practice up (reader.glance)."""
    dl = "".join(f"<dt>{escape(row.label)}</dt><dd>{_value(row)}</dd>\n" for row in glance(catalog, p))
    return ('<div class="admonition abstract gp-glance">\n<p class="admonition-title">At a glance</p>\n'
            f"<dl>\n{dl}</dl>\n</div>")


def _value(row: GlanceRow) -> str:
    """An at-a-glance value, as a link where it leads somewhere."""
    return f'<a href="{escape(row.link)}">{escape(row.value)}</a>' if row.link else str(escape(row.value))


def _unrecorded(p: Practice) -> str:
    """One plain line naming what the practice does not record yet (the PDF prints the same words)."""
    missing = unrecorded(p)
    return f'<p class="gp-unrecorded">Not yet recorded: {escape(", ".join(missing))}.</p>' if missing else ""


def _links(p: Practice) -> str:
    items = "".join(f'<li><a href="{escape(link.url)}">{escape(link.title)}</a></li>\n' for link in p.links)
    return f'<ul class="gp-links">\n{items}</ul>' if items else ""


def _contact(p: Practice) -> str:
    c = p.contact
    if c is None:
        return ""
    organisation = f", {escape(c.organisation)}" if c.organisation else ""
    email = f' &middot; <a href="mailto:{escape(c.email)}">{escape(c.email)}</a>' if c.email else ""
    return f'<p class="gp-contact">{escape(c.name)}{organisation}{email}</p>'


def _connections(catalog: Catalog, inspired_by: list[Practice], inspired: tuple[Practice, ...]) -> str:
    parts = []
    for label, css, others in (("Inspired by", "gp-inspired-by", inspired_by), ("Inspired", "gp-inspired", inspired)):
        if others:
            items = "".join(f'<li><a href="{other.id}.html">{escape(other.title)}</a> '
                            f'({escape(catalog.partner[other.partner].short_name)})</li>\n' for other in others)
            parts.append(f'<p>{label}:</p>\n<ul class="{css}">\n{items}</ul>')
    return "\n".join(parts)


def related_list(catalog: Catalog, related: tuple[Related, ...]) -> str:
    """The practices like this one, each with its partner and what it shares with this one."""
    items = "".join(f'<li><a href="{r.id}.html">{escape(other.title)}</a> '
                    f'({escape(catalog.partner[other.partner].short_name)}) &mdash; '
                    f'<span class="gp-related__why">{escape(r.reason)}</span></li>\n'
                    for r, other in ((r, catalog.practice[r.id]) for r in related))
    return f'<ul class="gp-related">\n{items}</ul>' if items else ""


def _transferability(catalog: Catalog, p: Practice) -> str:
    notes = any(t.note for t in p.transfers)  # a Note column only when some transfer has a note
    rows = "".join(
        f'<tr><td data-label="Partner"><a href="../partners/{t.partner}.html">{escape(partner.short_name)}</a> '
        f'({escape(partner.code)})</td><td data-label="Stage">{stage_cell(t)}</td>'
        + (f'<td data-label="Note">{escape(t.note or "")}</td>' if notes else "") + '</tr>\n'
        for t, partner in ((t, catalog.partner[t.partner]) for t in p.transfers))
    head = "<thead><tr><th>Partner</th><th>Stage</th>" + ("<th>Note</th>" if notes else "") + "</tr></thead>"
    if not rows:
        return '<p class="gp-none">There are no transfers recorded yet.</p>'
    return f'<div class="gp-stack">\n<table>\n{head}\n<tbody>\n{rows}</tbody>\n</table>\n</div>'
