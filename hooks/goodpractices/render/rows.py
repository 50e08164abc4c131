"""HTML for the cells and rows of long tables: Python filters, since a table has a row per practice.

Jinja's loops and macro calls took several times as long per cell; the tables around the rows stay in the
templates. Every text from the front matter goes through markupsafe's escape."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..countries import COUNTRIES
from ..matrix import Row
from ..model import Catalog, Practice, Transfer
from ..schema import STAGES

STAGE_LABELS = {
    "interested": "Interested",
    "assessed": "Assessed",
    "in-action-plan": "In action plan",
    "implemented": "Implemented",
}
STAGE_SYMBOLS = {"interested": "○", "assessed": "◔", "in-action-plan": "◑", "implemented": "●"}
assert tuple(STAGE_LABELS) == tuple(STAGE_SYMBOLS) == STAGES


_ORIGIN = '<span class="gp-stage gp-stage--origin"><span aria-hidden="true">★</span> Origin</span>'


def _stage(cell: Transfer | str | None) -> str:
    """Return the HTML of stage_cell."""
    if cell is None:
        return ""
    if cell == "origin":
        return _ORIGIN
    stage, note = (cell, "") if isinstance(cell, str) else (cell.stage, cell.note)
    title = f' title="{escape(note)}"' if note else ""  # the stage is a key of STAGES, the note is text
    return (f'<span class="gp-stage gp-stage--{stage}"{title}><span aria-hidden="true">{STAGE_SYMBOLS[stage]}</span>'
            f' {STAGE_LABELS[stage]}</span>')


def stage_cell(cell: Transfer | str | None) -> Markup:
    """Return a transfer's stage in symbol and words (its note as tooltip), a stage's, the origin's, or nothing.

    The matrices show one for every practice and partner."""
    return Markup(_stage(cell))


def matrix_row(row: Row, root: str) -> Markup:
    """Return a practice's row of a transferability matrix: its title, a cell per partner, its total."""
    cells = "".join(f"<td>{_stage(cell)}</td>" for cell in row.cells)
    link = f'<a href="{escape(root)}{escape(row.practice.url)}">{escape(row.practice.title)}</a>'
    return Markup(f'<tr><th scope="row">{link}</th>{cells}<td class="gp-total">{row.total}</td></tr>')


def practice_row(practice: Practice, catalog: Catalog, root: str) -> Markup:
    """Return a practice's row in a theme's table: title and summary, presenter, country, period, status."""
    title = f'<a href="{escape(root)}{escape(practice.url)}"><strong>{escape(practice.title)}</strong></a>'
    partner = f'<a href="{escape(root)}partners/{escape(practice.partner)}.html">' \
              f'{escape(catalog.partner[practice.partner].short_name)}</a>'
    cells = (f'{title}<br><span class="gp-muted">{escape(practice.summary)}</span>', partner,
             escape(COUNTRIES[practice.country]), escape(practice.period or "—"),
             escape((practice.status or "—").capitalize()))
    return Markup("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
