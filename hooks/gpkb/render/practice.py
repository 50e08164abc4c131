"""The page of one practice: header, at-a-glance box, the partner's body, links, connections, uptake."""

from __future__ import annotations

from markupsafe import Markup

from ..model import Catalog, Practice
from . import GeneratedPage, render


def practice_page(catalog: Catalog, practice: Practice) -> GeneratedPage:
    """Return a practice's page; the body goes in as written Markdown, never as a template."""
    return render(
        "practice.md.j2",
        {"title": practice.title, "description": practice.summary, "tags": list(practice.keywords)},
        p=practice,
        theme=catalog.theme[practice.theme],
        partner=catalog.partner[practice.partner],
        partners=catalog.partner,
        inspired_by=[catalog.practice[i] for i in practice.inspired_by],
        inspired=catalog.inspired[practice.id],
        transfers=practice.transfers,
        body=Markup(practice.body.strip()),
    )
