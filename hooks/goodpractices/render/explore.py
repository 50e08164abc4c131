"""The /explore page: every facet with its values and counts, the result bar and the empty card list.

The facets are written here with the counts of the whole catalogue, so the page reads right before its script
runs; explore.js then draws the cards from the explore index and keeps counts, URL and results in step."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from markupsafe import escape

from ..countries import COUNTRIES
from ..explore import Facets
from ..model import Catalog
from ..reader import STAGE_LABELS, STATUS_LABELS
from ..schema import STAGES, STATUSES
from . import GeneratedPage, assemble

#: The sort orders, as URL value: label. The first is the default.
SORTS = {"title": "Title (A–Z)", "year-desc": "Start year (newest first)", "year": "Start year (oldest first)",
         "transfers": "Number of transfers (most first)"}


def _value(kind: str, name: str, value: str, label: str, count: int, css: str = "") -> str:
    """One facet value: a checkbox or radio whose accessible name is the label, then the count."""
    classes = "gp-facet__value" + (" gp-facet__value--none" if count == 0 else "")
    checked = " checked" if kind == "radio" and value == "" else ""
    disabled = " disabled" if count == 0 and not checked else ""
    return (f'<li><label class="{classes}"><input type="{kind}" name="{name}" value="{escape(value)}"{checked}'
            f'{disabled}><span class="gp-facet__name{css}">{escape(label)}</span> '
            f'<span class="gp-facet__count">{count}</span></label></li>')


def _fieldset(name: str, legend: str, items: Iterable[str], scroll: bool = False) -> str:
    """A facet; a long one scrolls in its own box, which takes the focus so that keys scroll it too. A facet
    without values (none matches any practice) is left out."""
    items = list(items)
    if not items:
        return ""
    box = ' gp-facet__values--scroll" tabindex="0' if scroll else ""
    return (f'<fieldset class="gp-facet gp-facet--{name}" data-facet="{name}"><legend>{legend}</legend>'
            f'<ul class="gp-facet__values{box}">\n' + "\n".join(items) + "\n</ul></fieldset>")


def _facets(catalog: Catalog) -> str:
    """Return the filter form, with the counts of the whole catalogue; a value that matches no practice of the
    whole library is not offered (a status no practice has, a partner that took nothing up)."""
    practices = catalog.practices
    facets = Facets(catalog)
    countries = Counter(p.country for p in practices)
    statuses = Counter(p.status for p in practices)
    keywords = Counter(k for p in practices for k in p.keywords)
    taken = Counter(t.partner for t in catalog.transfers)
    reached = [sum(1 for p in practices if any(t.rank >= i for t in p.transfers)) for i in range(len(STAGES))]
    years = "".join(f'<option value="{y}">{y}</option>' for y in facets.years)
    parts = [
        '<div class="gp-facet gp-facet--text"><label for="gp-explore-q">Words in title, summary or keywords</label>'
        '<input type="search" id="gp-explore-q" name="text" autocomplete="off" spellcheck="false" '
        'placeholder="e.g. audit, Skåne"></div>',
        _fieldset("theme", "Theme", (_value("checkbox", "theme", t.key, t.title, len(catalog.by_theme[t.key]),
                                            f" gp-dot gp-theme--{t.key}") for t in catalog.themes
                                    if catalog.by_theme[t.key])),
        _fieldset("partner", "Presented by", (_value("checkbox", "partner", p.key, p.short_name,
                                                     len(catalog.by_partner[p.key])) for p in catalog.partners
                                      if catalog.by_partner[p.key])),
        _fieldset("country", "Country", (_value("checkbox", "country", c, COUNTRIES[c], countries[c])
                                         for c in facets.countries)),
        _fieldset("status", "Status", (_value("checkbox", "status", s, STATUS_LABELS[s], statuses[s]) for s in STATUSES
                                       if statuses[s])),
        '<fieldset class="gp-facet gp-facet--year" data-facet="year"><legend>Start year</legend>'
        f'<label for="gp-explore-from">From</label><select id="gp-explore-from" name="from"><option value="">Any'
        f'</option>{years}</select> <label for="gp-explore-to">To</label><select id="gp-explore-to" name="to">'
        f'<option value="">Any</option>{years}</select></fieldset>',
        _fieldset("by", "Taken up by", [_value("radio", "by", "", "Any partner", len(practices))]
                  + [_value("radio", "by", p.key, p.short_name, taken[p.key]) for p in catalog.partners
                     if taken[p.key]]),
        _fieldset("stage", "At stage or further", [_value("radio", "stage", "", "Any stage", len(practices))]
                  + [_value("radio", "stage", s, STAGE_LABELS[s], reached[i]) for i, s in enumerate(STAGES)
                     if reached[i]]),
        _fieldset("keyword", "Keyword", (_value("checkbox", "keyword", k, k, keywords[k]) for k in facets.keywords),
                  scroll=True),
    ]
    return ('<form class="gp-facets" id="gp-explore-filters" aria-label="Filters">\n'
            + "\n".join(parts) + "\n</form>")


def _narrowing(catalog: Catalog) -> str:
    """The facets the intro names: those that have a value for some practice."""
    practices = catalog.practices
    names = (["theme", "partner", "country"] + ["status"] * any(p.status for p in practices)
             + ["start year", "keyword"])
    return ", ".join(names)


def _count(n: int) -> str:
    return f"{n} practice" if n == 1 else f"{n} practices"


def explore_page(catalog: Catalog) -> GeneratedPage:
    """Return the /explore page."""
    sorts = "".join(f'<option value="{key}">{label}</option>' for key, label in SORTS.items())
    n = len(catalog.practices)
    head = ('<h1>Explore the practices</h1>\n'
            f'<p class="gp-explore__intro">All {n:,} practice{"" if n == 1 else "s"} of the library in one list. '
            f'Narrow it down by {_narrowing(catalog)} or uptake by another partner, or by words; every choice is '
            'kept in the address, so the link shares the same selection.</p>')
    app = (
        '<link rel="stylesheet" href="explore.css">\n'
        '<div class="gp-explore" id="gp-explore">\n'
        '<button type="button" class="md-button gp-explore__toggle" aria-expanded="false" '
        'aria-controls="gp-explore-filters">Filters<span class="gp-explore__on"></span></button>\n'
        '<h2 class="gp-sr-only">Filters</h2>\n'
        + _facets(catalog) + '\n'
        '<section class="gp-explore__results" aria-labelledby="gp-explore-results">\n'
        '<h2 class="gp-sr-only" id="gp-explore-results">Results</h2>\n'
        '<div class="gp-explore__bar">'
        '<p class="gp-explore__count" id="gp-explore-count" role="status" tabindex="-1">'
        f'{_count(len(catalog.practices))}</p>'
        f'<span class="gp-explore__sort"><label for="gp-explore-sort">Sort by</label> '
        f'<select id="gp-explore-sort" name="sort">{sorts}</select></span>'
        '<button type="button" class="md-button" id="gp-explore-csv">Download CSV</button>'
        '<button type="button" class="md-button" id="gp-explore-clear" hidden>Clear all filters</button>'
        '</div>\n'
        '<div class="gp-explore__empty" id="gp-explore-empty" hidden><p>No practice matches these filters. '
        '<span id="gp-explore-last"></span></p>'
        '<button type="button" class="md-button md-button--primary" id="gp-explore-undo">Clear last filter</button>'
        '</div>\n'
        '<ol class="gp-cards" id="gp-explore-cards"></ol>\n'
        '<p class="gp-explore__more" id="gp-explore-more" hidden><button type="button" class="md-button">'
        'Show more</button></p>\n'
        '</section>\n</div>\n'
        '<noscript><p>Filtering needs JavaScript. Every practice is also listed on the '
        '<a href="../themes/index.html">theme pages</a>.</p></noscript>\n'
        '<script src="index.js"></script>\n<script src="explore.js"></script>'
    )
    meta = {"title": "Explore", "description": "Filter every practice by theme, partner, country, status, year, "
            "keyword and uptake.", "hide": ["navigation", "toc"]}
    return assemble(meta, "", before=[(head, True), (app, False)], after=[], headings=(), sections=[])
