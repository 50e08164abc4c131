"""HTML for the cells and rows of long tables: Python filters, since a table has a row per practice.

Jinja's loops and macro calls took several times as long per cell; the tables around the rows stay in the
templates. Every text from the front matter goes through markupsafe's escape."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from ..countries import COUNTRIES
from ..matrix import Row
from ..model import Catalog, Partner, Practice, Transfer
from ..reader import ORIGIN, STAGE_LABELS, STAGE_SYMBOLS, period, status


#: The columns of a theme's practice table; phones show each as a label before its cell.
PRACTICE_COLUMNS = ("Practice", "Presented by", "Country", "Period", "Status")
#: The columns a table leaves out when no practice in it has a value: column → what the practice says there.
_OPTIONAL: dict[str, Callable[[Practice], str | None]] = {"Period": period, "Status": status}

_ORIGIN = f'<span class="gp-stage gp-stage--origin"><span aria-hidden="true">{ORIGIN[0]}</span> {ORIGIN[1]}</span>'


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

    Partner and practice pages and the legends show these; the matrices show the compact cells of matrix_row."""
    return Markup(_stage(cell))


def transfer_anchor(t: Transfer) -> str:
    """Return the id of a transfer's entry in a list of transfers (ids and keys never hold '--')."""
    return f"gp-transfer-{t.practice}--{t.partner}"


def _compact(cell: Transfer | str | None, notes: dict[tuple[str, str], int], partner: Partner) -> str:
    """Return a matrix cell: the stage's symbol (its word for screen readers, and shown on phones, where the
    matrix reads as a list), and a link to its note, if any; the partner's name labels it on phones."""
    if cell is None:
        return '<td class="gp-cell--empty"></td>'
    stage = "origin" if cell == "origin" else cell.stage  # type: ignore[union-attr]
    symbol, label = ORIGIN if stage == "origin" else (STAGE_SYMBOLS[stage], STAGE_LABELS[stage])
    html = (f'<span class="gp-stage gp-stage--{stage}" title="{label}"><span aria-hidden="true">{symbol}</span>'
            f'<span class="gp-sr"> {label}</span></span>')
    if isinstance(cell, Transfer) and (cell.practice, cell.partner) in notes:
        number = notes[cell.practice, cell.partner]
        html += (f'<a class="gp-note-mark" href="#{transfer_anchor(cell)}" title="{escape(cell.note)}">'
                 f'<span class="gp-sr"> note </span>{number}</a>')
    return f'<td data-label="{escape(partner.short_name)}">{html}</td>'


def matrix_row(row: Row, root: str, notes: dict[tuple[str, str], int], partners: Sequence[Partner]) -> Markup:
    """Return a practice's row of a transferability matrix: its title, a compact cell per partner (with its
    note's number, listed below the matrix), its total."""
    cells = "".join(_compact(cell, notes, partner) for cell, partner in zip(row.cells, partners))
    link = f'<a href="{escape(root)}{escape(row.practice.url)}">{escape(row.practice.title)}</a>'
    return Markup(f'<tr><th scope="row">{link}</th>{cells}<td class="gp-total" data-label="Transfers">{row.total}'
                  '</td></tr>')


def _who(partner: Partner) -> str:
    return f"{escape(partner.short_name)} ({escape(partner.country)})"


def transfer_item(t: Transfer, catalog: Catalog, root: str, number: int | None) -> Markup:
    """Return a transfer as a line of the list of transfers: 'Practice, VLAIO (BE) → INMA (RO): implemented —
    note', with its note's number as in the matrix."""
    practice = catalog.practice[t.practice]
    link = f'<a href="{escape(root)}{escape(practice.url)}">{escape(practice.title)}</a>'
    taker = f'<a href="{escape(root)}partners/{escape(t.partner)}.html">{_who(catalog.partner[t.partner])}</a>'
    note = f" — {escape(t.note)}" if t.note else ""
    mark = f' <span class="gp-note-no">[{number}]</span>' if number else ""
    return Markup(f'<li id="{transfer_anchor(t)}">{link}, {_who(catalog.partner[practice.partner])} → {taker}: '
                  f'<span class="gp-stage gp-stage--{t.stage}">{STAGE_LABELS[t.stage].lower()}</span>{note}{mark}</li>')


def practice_columns(practices: Sequence[Practice]) -> tuple[str, ...]:
    """Return the columns of a table of these practices: Period and Status only when some practice has one."""
    return tuple(column for column in PRACTICE_COLUMNS
                 if column not in _OPTIONAL or any(_OPTIONAL[column](p) for p in practices))


def practice_row(practice: Practice, catalog: Catalog, root: str, columns: Sequence[str] = PRACTICE_COLUMNS
                 ) -> Markup:
    """Return a practice's row in a theme's table: title and summary, presenter, country, and the period and
    status where `columns` (practice_columns) has them."""
    title = f'<a href="{escape(root)}{escape(practice.url)}"><strong>{escape(practice.title)}</strong></a>'
    partner = f'<a href="{escape(root)}partners/{escape(practice.partner)}.html">' \
              f'{escape(catalog.partner[practice.partner].short_name)}</a>'
    cells = {"Practice": f'{title}<br><span class="gp-row-summary">{escape(practice.summary)}</span>',
             "Presented by": partner, "Country": escape(COUNTRIES[practice.country]),
             "Period": escape(period(practice) or "—"), "Status": escape(status(practice) or "—")}
    return Markup("<tr>" + "".join(f'<td data-label="{label}">{cells[label]}</td>' for label in columns) + "</tr>")
