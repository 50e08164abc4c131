"""The explore index: the catalogue as a compact script (`explore/index.js`) that the /explore page loads.

Browsers refuse `fetch()` on a site opened from a folder, so the data is a script that sets one global. Each
practice is one array in the order of `FIELDS`, the practices in title order; themes, partners, countries,
statuses, keywords and stages are written once and referred to by their position, which keeps the index under
600 bytes per practice."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

from .countries import COUNTRIES
from .folding import LETTERS, fold
from .model import Catalog, Practice
from .reader import STAGE_LABELS, STATUS_LABELS, end, period
from .schema import STAGES, STATUSES

#: The global that explore/index.js sets and explore/explore.js reads.
GLOBAL = "goodpracticesExplore"

#: The fields of a practice's array, in order.
FIELDS = ("id", "title", "theme", "partner", "country", "status", "start", "end", "period", "summary",
          "keywords", "transfers")


@dataclass(frozen=True)
class Facets:
    """The values of every facet of the explore page, in the order the page lists them."""

    catalog: Catalog

    @cached_property
    def countries(self) -> tuple[str, ...]:
        """The practices' country codes, by English name."""
        return tuple(sorted({p.country for p in self.catalog.practices}, key=COUNTRIES.__getitem__))

    @cached_property
    def keywords(self) -> tuple[str, ...]:
        """Every keyword used, sorted without regard to case."""
        return tuple(sorted({k for p in self.catalog.practices for k in p.keywords}, key=lambda k: (k.casefold(), k)))

    @cached_property
    def years(self) -> tuple[int, ...]:
        """Every year from the earliest start year to the latest (none if no practice has a start date)."""
        starts = [p.start.year for p in self.catalog.practices if p.start]
        return tuple(range(min(starts), max(starts) + 1)) if starts else ()


def _row(p: Practice, position: dict[str, dict[str, int]]) -> list[object]:
    """Return a practice's array, in the order of FIELDS."""
    transfers: list[int] = []
    for t in p.transfers:
        transfers += [position["partner"][t.partner], t.rank]
    return [
        p.id, p.title, position["theme"][p.theme], position["partner"][p.partner], position["country"][p.country],
        STATUSES.index(p.status) if p.status else -1, p.start.iso() if p.start else "",
        end(p) or "", period(p) or "", p.summary,
        [position["keyword"][k] for k in p.keywords], transfers,
    ]


def _title_order(p: Practice) -> tuple[str, str, str]:
    """The page's default order: by title, ignoring case and accents (the page need not sort at start)."""
    return fold(p.title), p.title, p.id


def index_data(catalog: Catalog) -> dict[str, object]:
    """Return the explore index as plain data."""
    facets = Facets(catalog)
    position = {
        "theme": {t.key: i for i, t in enumerate(catalog.themes)},
        "partner": {p.key: i for i, p in enumerate(catalog.partners)},
        "country": {c: i for i, c in enumerate(facets.countries)},
        "keyword": {k: i for i, k in enumerate(facets.keywords)},
    }
    return {
        "fields": list(FIELDS),
        "themes": [[t.key, t.title] for t in catalog.themes],
        "partners": [[p.key, p.short_name] for p in catalog.partners],
        "countries": [[c, COUNTRIES[c]] for c in facets.countries],
        "statuses": [[s, STATUS_LABELS[s]] for s in STATUSES],
        "stages": [[s, STAGE_LABELS[s]] for s in STAGES],
        "keywords": list(facets.keywords),
        "fold": LETTERS,
        "practices": [_row(p, position) for p in sorted(catalog.practices, key=_title_order)],
    }


def index_script(catalog: Catalog) -> str:
    """Return explore/index.js: one practice per line, in title order, so that a changed practice is one
    changed line (two if its title moves it)."""
    data = index_data(catalog)
    practices = data.pop("practices")

    def dump(value: object) -> str:
        # U+2028 and U+2029 are line ends to older JavaScript engines: keep them escaped.
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")

    head = dump(data)[:-1]
    rows = ",\n".join(dump(row) for row in practices)
    return f'window.{GLOBAL} = {head},"practices":[\n{rows}\n]}};\n'
