"""Each figure of the library drawn as a small bar chart in SVG, and described in words, for the page and the PDF.

A chart is a picture (`role="img"`, named by its title, described in words by its desc); the table after it
holds the same numbers and the links. Styles are SVG attributes, so the PDF's appendix draws the same SVG.
"""

from __future__ import annotations

import unicodedata

from markupsafe import escape

from ..figures import Figure, Row

#: A chart's width, label column and row height (SVG units); labels wider than their column are cut (the table
#: has them whole).
WIDTH, LABELS, ROW = 640.0, 230.0, 22.0
#: The most bars of a ranked figure's chart (the pairs of countries): its table has every row.
BARS_MAX = 20
BAR, BAR_SHARE = "#3949ab", "#00796b"


#: The widest a character of the charts' 12-unit font is taken to be, to keep each bar's number inside the chart.
CHAR = 7.0


def _width(character: str) -> float:
    """Return a character's width at the charts' 12-unit font, taken generously (the widest sans-serif faces)."""
    if unicodedata.east_asian_width(character) in ("W", "F"):
        return 12.0
    if character in "MWmw@%":
        return 11.5
    if character.isupper():
        return 8.7
    return 3.4 if character == " " else CHAR - 0.3


def cut(label: str, room: float = LABELS - 8) -> str:
    """Return a label as it fits the label column: whole, or cut with an ellipsis."""
    if sum(map(_width, label)) <= room:
        return label
    used, end = _width("…"), 0
    while end < len(label) and used + _width(label[end]) <= room:
        used += _width(label[end])
        end += 1
    return label[:end].rstrip() + "…"


def _number(row_value: int, percent: int | None) -> str:
    return str(row_value) if percent is None else f"{percent}%"


def _value_text(figure: Figure, row: Row) -> str:
    """Return the number written after a bar: '3', or for a share '100% (12 of 12)'."""
    return _number(row.value, row.percent) + (f" ({row.value} of {row.total})" if figure.shares else "")


def bars(figure: Figure) -> tuple[Row, ...]:
    """Return the rows a figure's chart draws: all, or a ranked figure's first BARS_MAX."""
    return figure.rows[:BARS_MAX] if figure.ranked else figure.rows


def description(figure: Figure) -> str:
    """Return what a chart shows, in words: its kind, its largest bars and where to find every number."""
    if not figure.rows:
        return f"{figure.title}: nothing to count yet."
    drawn = bars(figure)
    shown_bars = (f"{len(drawn)} bars" if len(drawn) == len(figure.rows)
                  else f"the {len(drawn)} largest of {len(figure.rows)} as bars")
    key = (lambda r: (r.percent or 0, r.value)) if figure.shares else (lambda r: r.value)
    top = sorted(figure.rows, key=key, reverse=True)[:3]
    shown = "; ".join(f"{r.label}: {_number(r.value, r.percent)}" for r in top)
    return (f"Bar chart of {figure.title.lower()}, {shown_bars}; the largest: {shown}. "
            "The table after the chart gives every number.")


def chart(figure: Figure, font: str = "sans-serif", ids: bool = True) -> str:
    """Return a figure as a horizontal bar chart in SVG (`ids=False`: standalone, for the PDF, with no ARIA)."""
    drawn = bars(figure)
    height = ROW * max(len(drawn), 1) + 8
    peak = 100 if figure.shares else max((r.value for r in figure.rows), default=0) or 1
    # the longest bar ends where the widest number written after a bar still fits inside the chart
    span = WIDTH - LABELS - 8 - CHAR * max((len(_value_text(figure, r)) for r in drawn), default=1)
    name, desc = escape(figure.title), escape(description(figure))
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {height:g}" class="gp-chart__svg" '
            f'font-family="{escape(font)}" font-size="12" fill="#1f2a44"'
            + (f' role="img" aria-labelledby="gp-fig-{figure.key}-t gp-fig-{figure.key}-d"><title '
               f'id="gp-fig-{figure.key}-t">{name}</title><desc id="gp-fig-{figure.key}-d">{desc}</desc>'
               if ids else f"><title>{name}</title><desc>{desc}</desc>"))
    parts = [head, f'<path d="M{LABELS:g} 2V{height - 4:g}" stroke="#9aa0b4" stroke-width="1"/>']
    for i, row in enumerate(drawn):
        y = 4 + i * ROW
        measured = row.percent if figure.shares else row.value
        length = span * (measured or 0) / peak
        label = cut(row.label)
        parts.append(f'<text x="{LABELS - 6:g}" y="{y + 15:g}" text-anchor="end">{escape(label)}</text>'
                     f'<rect class="gp-chart__bar" data-value="{row.value}" x="{LABELS:g}" y="{y + 3:g}" '
                     f'width="{length:.1f}" height="{ROW - 6:g}" fill="{BAR_SHARE if figure.shares else BAR}"/>'
                     f'<text x="{LABELS + length + 5:.1f}" y="{y + 15:g}">{_value_text(figure, row)}</text>')
    parts.append("</svg>")
    return "".join(parts)
