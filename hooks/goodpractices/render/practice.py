"""The page of one practice: header, at-a-glance box, the partner's body, links, connections, uptake.

Written in Python rather than as a Jinja template: a library has a page per practice, thousands of them, and
Jinja took twice as long for each. Every value from the front matter goes through `escape`."""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import escape

from ..completeness import gaps_of
from ..countries import COUNTRIES
from ..model import Catalog, Partner, Practice, Theme
from ..related import Related
from . import SEARCH_FIRST, GeneratedPage, assemble, heading, money
from .rows import STAGE_LABELS, stage_cell


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
    return assemble(
        {"title": practice.title, "description": practice.summary, "tags": list(practice.keywords), **SEARCH_FIRST},
        "",
        before=[(_top(theme, partner), False), (f"<h1>{escape(practice.title)}</h1>", True),
                (_keywords(practice), False), (_header(practice, theme, partner), True),
                (_glance(catalog, practice, partner), False), (_unrecorded(practice), False),
                (practice.body_html, True)],
        after=[heading(anchor) + "\n" + html for anchor, html in after.items()],
        headings=practice.headings, sections=list(after),
    )


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


def _place(p: Practice, separator: str) -> str:
    country = escape(COUNTRIES[p.country])
    return f"{country}{separator}{escape(p.region)}" if p.region else str(country)


def _header(p: Practice, theme: Theme, partner: Partner) -> str:
    """What search finds besides the title and the body: the theme, presenter, place and summary."""
    return (f'<p class="gp-badges"><a class="gp-theme gp-theme--{theme.key}" href="../themes/{theme.key}.html">'
            f'{escape(theme.title)}</a> <span class="gp-presented">Presented by '
            f'<a href="../partners/{partner.key}.html">{escape(partner.short_name)}</a>, project partner '
            f'{escape(partner.code)} '
            f'&middot; {_place(p, ", ")}</span></p>\n'
            f'<p class="gp-summary">{escape(p.summary)}</p>')


def _glance(catalog: Catalog, p: Practice, partner: Partner) -> str:
    """The at-a-glance box: the facts of the front matter, and who took the practice up."""
    rows = [("Presented by", f"{escape(partner.name)} (project partner {escape(partner.code)})"),
            ("Institution", escape(p.institution) if p.institution else None),
            ("Country", _place(p, " &middot; ")),
            ("Period", escape(p.period) if p.period else None),
            ("Status", escape(p.status.capitalize()) if p.status else None),
            ("Budget", escape(money(p.budget_eur)) if p.budget_eur is not None else None),
            ("Keywords", escape(", ".join(p.keywords)) if p.keywords else None),
            ("Taken up by", ", ".join(f"{escape(catalog.partner[t.partner].short_name)} "
                                      f"({STAGE_LABELS[t.stage].lower()})" for t in p.transfers) or None),
            ("Last updated", escape(p.updated.label()) if p.updated else None)]
    dl = "".join(f"<dt>{name}</dt><dd>{value}</dd>\n" for name, value in rows if value is not None)
    return ('<div class="admonition abstract gp-glance">\n<p class="admonition-title">At a glance</p>\n'
            f"<dl>\n{dl}</dl>\n</div>")


#: Expected fields named as the at-a-glance box names them, where that is not the field's own name.
READER_NAMES = {"start": "period", "budget_eur": "budget"}


def unrecorded(p: Practice) -> list[str]:
    """What the practice does not record yet, as a reader names it: the recommended sections its body lacks and
    the expected fields (schema.SECTIONS and schema.EXPECTED_FIELDS, as the completeness report finds them)."""
    gaps = gaps_of(p)
    return [section[:1].lower() + section[1:] for section in gaps.sections] + [
        READER_NAMES.get(field, field) for field in gaps.fields]


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
