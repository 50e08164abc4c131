"""The figures page: each figure of the library as its chart (draw/chart.py), its data table and its CSV file."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..draw.chart import chart
from ..figures import Figure, csv_text, figures
from ..model import Catalog
from . import NO_NAVIGATION, GeneratedPage, render

#: The page, and the folder of its CSV files.
PATH = "figures/index.md"
FOLDER = "figures"


def table(figure: Figure, root: str) -> str:
    """Return a figure's numbers as a table, each partner and theme linking to its page."""
    head = f"<th scope=\"col\">{escape(figure.label)}</th><th scope=\"col\">{escape(figure.unit)}</th>"
    if figure.shares:
        head += '<th scope="col">Practices</th><th scope="col">Share</th>'
    rows = []
    for row in figure.rows:
        label = escape(row.label) if row.link is None else f'<a href="{root}{row.link}">{escape(row.label)}</a>'
        cells = f'<th scope="row">{label}</th><td class="gp-total">{row.value}</td>'
        if figure.shares:
            cells += f'<td>{row.total}</td><td>{row.percent}%</td>'
        rows.append(f"<tr>{cells}</tr>")
    return (f'<div class="gp-table-wrap"><table class="gp-figure-table"><caption>{escape(figure.title)}: the numbers'
            f'</caption><thead><tr>{head}</tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>")


def block(figure: Figure, root: str) -> Markup:
    """Return a figure's chart, table and CSV link as HTML."""
    return Markup(f'<div class="gp-figure-block" id="fig-{figure.key}"><p>{escape(figure.about)}</p>'
                  f'<figure class="gp-chart">{chart(figure)}</figure>{table(figure, root)}'
                  f'<p><a href="{figure.csv_name}" download>Download the numbers as CSV</a> '
                  f'<span class="gp-muted">({figure.csv_name})</span></p></div>')


def figures_page(catalog: Catalog, found: tuple[Figure, ...] | None = None) -> GeneratedPage:
    """Return the figures page (of `found`, the catalogue's figures if already counted)."""
    found = found or figures(catalog)
    return render("figures.md.j2", {"title": "The library in figures", "description": "Practices per theme, "
                                    "country, partner and year, transfers per stage and per pair of countries, and "
                                    "completeness per partner, as charts, tables and CSV files.", **NO_NAVIGATION},
                  catalog=catalog, figures=[(f, block(f, "../")) for f in found])


def figure_files(found: tuple[Figure, ...]) -> dict[str, bytes]:
    """Return the figures' CSV files, by their path in the site."""
    return {f"{FOLDER}/{f.csv_name}": csv_text(f).encode() for f in found}
