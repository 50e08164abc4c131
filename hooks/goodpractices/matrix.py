"""Who took up what: the transferability matrix and the theme × partner summary, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Catalog, Partner, Practice, Theme, Transfer

#: Stages that count as "taken up" in the summary and the partner directory.
TAKEN_UP = ("in-action-plan", "implemented")
#: What the "taken up" figures count, in words, for the pages that show them.
TAKEN_UP_MEANS = "practices of other partners put into an action plan or implemented"


def taken_up(catalog: Catalog) -> dict[str, int]:
    """Return, for each partner key, how many practices it has taken up (a stage in TAKEN_UP)."""
    return {key: sum(t.stage in TAKEN_UP for t in transfers) for key, transfers in catalog.transfers_to.items()}


@dataclass(frozen=True)
class Row:
    """One practice across all partners: a transfer, 'origin' or nothing per partner."""

    practice: Practice
    cells: tuple[Transfer | str | None, ...]
    total: int


@dataclass(frozen=True)
class Group:
    """The rows of one theme."""

    theme: Theme
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Matrix:
    """Practices (grouped by theme) × partners, with row, column and grand totals of transfers."""

    partners: tuple[Partner, ...]
    groups: tuple[Group, ...]
    column_totals: tuple[int, ...]
    total: int

    @property
    def transfers(self) -> tuple[Transfer, ...]:
        """Return the transfers in the matrix's order: by row, then by partner."""
        return tuple(cell for group in self.groups for row in group.rows for cell in row.cells
                     if isinstance(cell, Transfer))

    @property
    def notes(self) -> dict[tuple[str, str], int]:
        """Return {(practice id, partner key): note number, from 1} for the transfers with a note, in order."""
        noted = (t for t in self.transfers if t.note)
        return {(t.practice, t.partner): number for number, t in enumerate(noted, 1)}


def matrix(catalog: Catalog, themes: tuple[Theme, ...] | None = None) -> Matrix:
    """Build the matrix for the given themes (all by default); empty themes are left out."""
    partners = catalog.partners
    groups = []
    for theme in themes or catalog.themes:
        rows = []
        for practice in catalog.by_theme[theme.key]:
            by_partner = {t.partner: t for t in practice.transfers}
            cells = tuple("origin" if p.key == practice.partner else by_partner.get(p.key) for p in partners)
            rows.append(Row(practice, cells, len(by_partner)))
        if rows:
            groups.append(Group(theme, tuple(rows)))
    columns = tuple(
        sum(isinstance(row.cells[i], Transfer) for group in groups for row in group.rows) for i in range(len(partners))
    )
    return Matrix(partners, tuple(groups), columns, sum(columns))


@dataclass(frozen=True)
class Summary:
    """For each theme and partner: how many of the theme's practices the partner took up."""

    partners: tuple[Partner, ...]
    rows: tuple[tuple[Theme, tuple[int, ...], int], ...]
    column_totals: tuple[int, ...]
    total: int
    peak: int


def summary(catalog: Catalog) -> Summary:
    """Count transfers at stage in-action-plan or implemented, per theme and partner."""
    partners = catalog.partners
    rows = []
    for theme in catalog.themes:
        counts = tuple(
            sum(1 for t in catalog.transfers_to[p.key]
                if t.stage in TAKEN_UP and catalog.practice[t.practice].theme == theme.key)
            for p in partners
        )
        rows.append((theme, counts, sum(counts)))
    columns = tuple(sum(row[1][i] for row in rows) for i in range(len(partners)))
    peak = max((n for row in rows for n in row[1]), default=0)
    return Summary(partners, tuple(rows), columns, sum(columns), peak)
