"""The library in figures, as plain data: practices per theme, country, partner and year, transfers per stage
and per pair of countries, and completeness per partner.

Every number is counted here from the catalogue, the way the explore page counts its facets (the same
`by_theme`, `by_partner` and practice countries), so the figures page, its CSV files and the PDF's appendix
agree with the explore page.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from .completeness import gaps_of
from .countries import COUNTRIES
from .explore import Facets
from .model import Catalog
from .reader import STAGE_LABELS
from .schema import STAGES


@dataclass(frozen=True)
class Row:
    """One bar: its label, its count, the page it links to (site-relative, if any), and for a share the whole."""

    label: str
    value: int
    link: str | None = None
    total: int | None = None

    @property
    def percent(self) -> int | None:
        """Return value as a whole percentage of total (None when the row is a count)."""
        return None if self.total is None else (round(100 * self.value / self.total) if self.total else 0)


@dataclass(frozen=True)
class Figure:
    """One figure: a key (its anchor and CSV name), title, a sentence on what is counted, and its rows."""

    key: str
    title: str
    about: str
    label: str  # the header of the label column
    unit: str  # the header of the count column
    rows: tuple[Row, ...]
    ranked: bool = False  # rows sorted by count, most first (a chart may then show the first ones only)

    @property
    def csv_name(self) -> str:
        """Return the file name of the figure's CSV, in the figures folder."""
        return f"{self.key}.csv"

    @property
    def shares(self) -> bool:
        """Whether the rows are shares of a whole (drawn as percentages), not counts."""
        return any(row.total is not None for row in self.rows)


def _themes(catalog: Catalog) -> Figure:
    rows = tuple(Row(t.title, len(catalog.by_theme[t.key]), f"themes/{t.key}.html") for t in catalog.themes)
    return Figure("practices-per-theme", "Practices per theme", "How many practices each theme holds.",
                  "Theme", "Practices", rows)


def _countries(catalog: Catalog) -> Figure:
    counts = Counter(p.country for p in catalog.practices)
    rows = tuple(Row(COUNTRIES[c], counts[c]) for c in Facets(catalog).countries)
    return Figure("practices-per-country", "Practices per country",
                  "Where the practices run: each practice's country (its partner's unless it says otherwise).",
                  "Country", "Practices", rows)


def _partners(catalog: Catalog) -> Figure:
    rows = tuple(Row(f"{p.short_name} ({p.code})", len(catalog.by_partner[p.key]), f"partners/{p.key}.html")
                 for p in catalog.partners)
    return Figure("practices-per-partner", "Practices per partner", "How many practices each partner presents.",
                  "Partner", "Practices", rows)


def _years(catalog: Catalog) -> Figure:
    counts = Counter(p.start.year for p in catalog.practices if p.start)
    rows = [Row(str(year), counts[year]) for year in Facets(catalog).years]
    undated = sum(1 for p in catalog.practices if not p.start)
    if undated:
        rows.append(Row("No start date", undated))
    return Figure("practices-per-year", "Practices per start year",
                  "When the practices started (every year from the first to the last, and those with no date).",
                  "Start year", "Practices", tuple(rows))


def _stages(catalog: Catalog) -> Figure:
    counts = Counter(t.stage for t in catalog.transfers)
    rows = tuple(Row(STAGE_LABELS[s], counts[s]) for s in STAGES)
    return Figure("transfers-per-stage", "Transfers per stage",
                  "How far each recorded transfer got, from first interest to implementation.", "Stage",
                  "Transfers", rows)


def _country_pairs(catalog: Catalog) -> Figure:
    counts = Counter((catalog.partner[catalog.practice[t.practice].partner].country,
                      catalog.partner[t.partner].country) for t in catalog.transfers)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], COUNTRIES[item[0][0]], COUNTRIES[item[0][1]]))
    rows = tuple(Row(f"{COUNTRIES[a]} → {COUNTRIES[b]}", n) for (a, b), n in ordered)
    return Figure("transfers-per-country-pair", "Transfers per pair of countries",
                  "From the presenting partner's country to the taking-up partner's, most transfers first.",
                  "Countries", "Transfers", rows, ranked=True)


def _completeness(catalog: Catalog) -> Figure:
    rows = []
    for p in catalog.partners:
        practices = catalog.by_partner[p.key]
        rows.append(Row(f"{p.short_name} ({p.code})", sum(1 for x in practices if not gaps_of(x)),
                        f"partners/{p.key}.html", len(practices)))
    return Figure("completeness-per-partner", "Completeness per partner",
                  "The share of each partner's practices that lack no recommended section, no expected field and "
                  "hold no placeholder sentence.", "Partner", "Complete practices", tuple(rows))


def figures(catalog: Catalog) -> tuple[Figure, ...]:
    """Return every figure of the library, in the order the page shows them."""
    return (_themes(catalog), _countries(catalog), _partners(catalog), _years(catalog), _stages(catalog),
            _country_pairs(catalog), _completeness(catalog))


def csv_text(figure: Figure) -> str:
    """Return a figure's data as CSV (UTF-8 with a byte-order mark, for spreadsheets; RFC 4180 line ends)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([figure.label, figure.unit, *(("Practices", "Percent") if figure.shares else ())])
    for row in figure.rows:
        writer.writerow([row.label, row.value, *((row.total, row.percent) if figure.shares else ())])
    return "\ufeff" + out.getvalue()
