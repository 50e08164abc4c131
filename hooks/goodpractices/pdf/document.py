"""What one PDF holds, as plain data for the Typst template: cover, chapters of practices, appendices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..bodytree import Element
from ..countries import COUNTRIES
from ..draw import chart as charts, map as partnermap
from ..model import Catalog, PartialDate, Practice, Transfer
from ..reader import ORIGIN, STAGE_LABELS, STAGE_SYMBOLS, glance, place, unrecorded
from ..related import Related, related_practices
from ..figures import figures
from ..geo import CREDIT
from ..partnermap import layout as map_layout
from ..siteinfo import SiteInfo
from .blocks import ImageFetcher, body_blocks
from .data import Chapter, Document, Meta

#: The most practice keywords a theme, partner or practice document lists in its metadata.
KEYWORDS_MAX = 30


@dataclass(frozen=True)
class Selection:
    """Which practices a document holds, and what it is called: the catalogue, a theme, a partner or one
    practice."""

    kind: str  # "catalogue", "theme", "partner" or "practice"
    key: str
    title: str
    practices: tuple[Practice, ...]
    #: What the running footers say: short enough for one line (a partner's short name, not its legal one).
    running: str = ""
    #: A partner's uptake of other partners' practices, as its web page lists it.
    taken: tuple[Transfer, ...] = ()

    @property
    def file_name(self) -> str:
        """Return the document's file name in downloads/."""
        return "good-practices.pdf" if self.kind == "catalogue" else f"{self.kind}-{self.key}.pdf"


def catalogue(catalog: Catalog) -> Selection:
    """The whole catalogue."""
    return Selection("catalogue", "", "Good practices in cluster policy", catalog.practices)


def theme(catalog: Catalog, key: str) -> Selection:
    """One theme's practices."""
    return Selection("theme", key, catalog.theme[key].title, catalog.by_theme[key])


def partner(catalog: Catalog, key: str) -> Selection:
    """One partner's story: the practices it presents, and those of others it took up (with stage and note)."""
    found = catalog.partner[key]
    taken = tuple(sorted(catalog.transfers_to[key], key=lambda t: (-t.rank, catalog.practice[t.practice].title)))
    return Selection("partner", key, f"Good practices of {found.name}", catalog.by_partner[key],
                     f"Good practices of {found.short_name}", taken)


def practice(catalog: Catalog, key: str) -> Selection:
    """One practice."""
    return Selection("practice", key, catalog.practice[key].title, (catalog.practice[key],))


def everything(catalog: Catalog) -> list[Selection]:
    """The catalogue, then every theme and every partner that has practices (what `--all` writes)."""
    return [catalogue(catalog),
            *(theme(catalog, t.key) for t in catalog.themes if catalog.by_theme[t.key]),
            *(partner(catalog, p.key) for p in catalog.partners
              if catalog.by_partner[p.key] or catalog.transfers_to[p.key])]


def _stage(stage: str) -> list[str]:
    return [STAGE_SYMBOLS[stage], STAGE_LABELS[stage]]


def _practice(catalog: Catalog, p: Practice, images: ImageFetcher, related: tuple[Related, ...]) -> dict[str, Any]:
    """A practice's data: the same in every document that holds it (see engine.py)."""
    partner = catalog.partner[p.partner]

    def ref(other: Practice) -> dict[str, Any]:
        return {"id": other.id, "title": other.title, "partner": catalog.partner[other.partner].short_name}

    contact = p.contact
    return {
        "id": p.id, "title": p.title, "theme": catalog.theme[p.theme].title,
        "partner": f"{partner.short_name} ({partner.code})", "place": place(p), "summary": p.summary,
        "unrecorded": ", ".join(unrecorded(p)),
        "glance": [[row.label, row.value] for row in glance(catalog, p, "pdf")],
        "body": body_blocks(_tree(p), images),
        "links": [{"title": link.title, "url": link.url} for link in p.links],
        "contact": None if contact is None else {"name": contact.name, "organisation": contact.organisation,
                                                 "email": contact.email},
        "inspired_by": [ref(catalog.practice[i]) for i in p.inspired_by],
        "inspired": [ref(other) for other in catalog.inspired[p.id]],
        "related": [ref(catalog.practice[r.id]) | {"reason": r.reason} for r in related],
        "transfers": [{"partner": f"{catalog.partner[t.partner].short_name} ({catalog.partner[t.partner].code})",
                       "stage": _stage(t.stage), "note": t.note or ""} for t in p.transfers],
    }


def _tree(p: Practice) -> Element:
    """Return the practice body's tree, which only a catalogue loaded for PDFs keeps."""
    if p.tree is None:
        raise ValueError(f"{p.source}: the catalogue was loaded without the bodies' trees (load it with trees=True "
                         "to lay out PDFs)")
    return p.tree


def _plural(n: int, word: str, words: str) -> list[Any]:
    return [n, word if n == 1 else words]


def _counts(catalog: Catalog, selection: Selection, whole: bool) -> list[list[Any]]:
    practices = selection.practices
    if selection.kind == "partner":  # its story: what it presented, what it took up, and transfers both ways
        given = sum(len(p.transfers) for p in practices)
        others = {t.partner for p in practices for t in p.transfers} | {
            catalog.practice[t.practice].partner for t in selection.taken}
        return [_plural(len(practices), "practice presented", "practices presented"),
                _plural(len(selection.taken), "practice taken up", "practices taken up"),
                _plural(given + len(selection.taken), "transfer", "transfers"),
                _plural(len(others), "partner to or from", "partners to or from")]
    partners = catalog.partners if whole else {catalog.partner[p.partner] for p in practices}
    countries = {p.country for p in partners} | {p.country for p in practices}
    transfers = sum(len(p.transfers) for p in practices)
    return [[len(practices), "practices" if len(practices) != 1 else "practice"],
            [len(partners), "partners" if len(partners) != 1 else "partner"],
            [len(countries), "countries" if len(countries) != 1 else "country"],
            [transfers, "transfers" if transfers != 1 else "transfer"]]


def _keywords(catalog: Catalog, selection: Selection) -> list[str]:
    """The document's keywords: the subject, then the themes (or a smaller selection's own keywords)."""
    general = ["cluster policy", "good practices", "Interreg Europe"]
    if selection.kind == "catalogue":
        return general + [t.title for t in catalog.themes]
    return general + sorted({k for p in selection.practices for k in p.keywords})[:KEYWORDS_MAX]


#: The font of the map's and the charts' labels in the PDF: one the template embeds.
SVG_FONT = "Libertinus Serif"


def _map(catalog: Catalog, selection: Selection) -> dict[str, Any] | None:
    """The map of partners and transfers, as SVG for the catalogue and partner documents (a partner's own
    transfers highlighted), with its alternative text and its legend and credit in words."""
    if selection.kind not in ("catalogue", "partner"):
        return None
    drawn = map_layout(catalog)
    if not drawn.markers:
        return None
    highlight = selection.key if selection.kind == "partner" else None
    legend = "; ".join(f"{STAGE_SYMBOLS[s]} {STAGE_LABELS[s].lower()}: {partnermap.STAGE_LINES[s]}"
                       for s in partnermap.STAGE_STYLES)
    return {"svg": partnermap.svg(catalog, drawn, highlight, font=SVG_FONT, ids=False),
            "alt": partnermap.description(catalog, drawn, highlight),
            "caption": "Arrows run from the presenting to the taking-up partner, one per pair"
                       + (" and stage" if drawn.by_stage else " (at the stage most of its transfers reached)")
                       + f", wider for more practices. {legend}. {CREDIT}",
            "unplaced": [p.short_name for p in drawn.unplaced]}


def _figures(catalog: Catalog) -> list[dict[str, Any]]:
    """The library in figures (the catalogue's appendix): each chart as SVG, with its table."""
    return [{"key": f.key, "title": f.title, "about": f.about, "svg": charts.chart(f, font=SVG_FONT, ids=False),
             "alt": charts.description(f), "header": [f.label, f.unit] + (["Practices", "Share"] if f.shares else []),
             "rows": [[r.label, str(r.value)] + ([str(r.total), f"{r.percent}%"] if f.shares else [])
                      for r in f.rows]} for f in figures(catalog)]


def _colophon(selection: Selection, site_name: str, author: str, info: SiteInfo | None,
              newest: PartialDate | None, logo: ImageFetcher) -> dict[str, Any]:
    """Who made the document, under which licence, with whose funding, from content of which date, where
    the live version is and how to cite it (the site's footer says the same, from the same SiteInfo)."""
    url = info.url if info else None
    # `--all` publishes the catalogue, theme and partner PDFs in downloads/; a practice's is its web page.
    page = selection.practices[0].url if selection.kind == "practice" else f"downloads/{selection.file_name}"
    address = f"{url}{page}" if url else None
    newest = newest or (info.updated if info else None)  # no dated practice here: the library's latest date
    date = newest.label() if newest else None
    title = selection.title if selection.kind != "catalogue" else "Good practices in cluster policy"
    cite = (f"{author} ({newest.year if newest else 'n.d.'}). {title}. {site_name}"
            + (f", content as of {date}" if date else "") + "." + (f" {address}" if address else ""))
    funder = info.funder if info else None
    return {"site": site_name, "url": url, "address": address, "lone": selection.kind == "practice",
            "author": author, "date": date, "cite": cite,
            "licence": None if info is None else {"name": info.licence.name, "url": info.licence.url},
            "funder": None if funder is None or not (funder.statement or funder.logo) else {
                "statement": funder.statement, "url": funder.url, "alt": funder.logo_alt,
                "logo": logo(funder.logo, funder.logo_alt) if funder.logo else None}}


def _no_logo(src: str, alt: str) -> None:
    return None


def _uptake(catalog: Catalog, selection: Selection) -> list[dict[str, Any]]:
    """A partner's uptake of other partners' practices: practice, who presented it, stage and note."""
    return [{"id": t.practice, "title": catalog.practice[t.practice].title,
             "partner": catalog.partner[catalog.practice[t.practice].partner].short_name,
             "stage": _stage(t.stage), "note": t.note or ""} for t in selection.taken]


def document(catalog: Catalog, selection: Selection, site_name: str, author: str,
             images: ImageFetcher, made: dict[str, dict[str, Any]] | None = None, *,
             info: SiteInfo | None = None, logo: ImageFetcher | None = None) -> Document:
    """Return everything the template prints for `selection` (its parts JSON-ready data); `made` keeps each
    practice's data for the next document that holds it. `info` (mkdocs.yml's, through siteinfo.py) gives
    the colophon its address, licence and funder; `logo` fetches the funder's logo from the docs folder."""
    practices = selection.practices
    made = {} if made is None else made
    missing = [p for p in practices if p.id not in made]  # a run's first document makes most of them
    related = related_practices(catalog, missing) if missing else {}
    newest = max((p.updated for p in practices if p.updated), default=None)
    single = selection.kind == "practice"
    chapters = []
    for t in catalog.themes:
        members = [p for p in practices if p.theme == t.key]
        if members:
            chapters.append(Chapter(t.key, t.title, t.question, t.description, [
                made.get(p.id) or made.setdefault(p.id, _practice(catalog, p, images, related[p.id]))
                for p in members], opener=not single))
    whole = selection.kind == "catalogue"
    partners = catalog.partners if whole else tuple(
        sorted({catalog.partner[p.partner] for p in practices} | {catalog.partner[t.partner] for p in practices
                                                                  for t in p.transfers}
               | {catalog.partner[catalog.practice[t.practice].partner] for t in selection.taken}
               | {catalog.partner[other.partner] for t in selection.taken
                  for other in catalog.practice[t.practice].transfers}, key=lambda x: x.number))
    columns = [p.key for p in partners]
    rows = []
    for chapter in chapters:
        for entry in chapter.practices:
            p = catalog.practice[entry["id"]]
            cells = {t.partner: _stage(t.stage) for t in p.transfers}
            cells[p.partner] = list(ORIGIN)
            rows.append({"id": p.id, "title": p.title, "theme": chapter.title,
                         "cells": [cells.get(key, []) for key in columns]})
    for t in selection.taken:  # the partner's own column: its uptake of others' practices
        p = catalog.practice[t.practice]
        cells = {other.partner: _stage(other.stage) for other in p.transfers}
        cells[p.partner] = list(ORIGIN)
        rows.append({"id": p.id, "title": p.title, "theme": catalog.theme[p.theme].title,
                     "cells": [cells.get(key, []) for key in columns]})
    kinds = {"catalogue": "Catalogue", "theme": "Theme", "partner": "Partner", "practice": "Practice"}
    return Document(
        meta=Meta(title=f"{site_name}: {selection.title}" if not whole else site_name,
                  subject=selection.title, author=author, lang="en",
                  keywords=_keywords(catalog, selection), kind=kinds[selection.kind]),
        cover=None if single else {"site": site_name, "title": selection.title,
                                   "running": selection.running or selection.title,
                                   "date": newest.label() if newest else None, "url": info.url if info else None,
                                   "counts": _counts(catalog, selection, whole)},
        colophon=_colophon(selection, site_name, author, info, newest, logo or _no_logo),
        chapters=chapters,
        uptake=_uptake(catalog, selection) if selection.kind == "partner" else None,
        matrix=None if single else {
            "partners": [{"code": p.code, "short": p.short_name} for p in partners], "rows": rows,
            "legend": [[*_stage(s)] for s in STAGE_LABELS] + [list(ORIGIN)]},
        partners=None if single else [
            {"code": p.code, "name": p.name, "short": p.short_name, "country": COUNTRIES[p.country],
             "region": p.region, "website": p.website, "lead": p.lead,
             "practices": len(catalog.by_partner[p.key])} for p in partners],
        map=_map(catalog, selection),
        figures=_figures(catalog) if whole else None,
    )
