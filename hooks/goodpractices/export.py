"""The catalogue as data for downloads and other tools: practices.json, practices.csv and transferability.csv.

Each is written to a binary stream as it is made, a practice at a time: at 5,000 practices practices.json is
about 30 MB, which a build need not hold in memory."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from .countries import COUNTRIES
from .model import Catalog
from .reader import record
from .schema import FIELDS
from .siteinfo import SiteInfo

#: Spreadsheets (Excel above all) read a CSV file as UTF-8 only when it starts with a byte-order mark.
BOM = "\ufeff"
#: Joins the items of a list in one CSV cell.
JOIN = "; "


def header(catalog: Catalog, info: SiteInfo) -> dict[str, Any]:
    """Return what describes the whole download: the site, its content's date, the count and the licence."""
    return {"site": info.name, "url": info.url, "built": info.updated.iso() if info.updated else None,
            "count": len(catalog.practices), "licence": {"name": info.licence.name, "url": info.licence.url}}


def write_practices_json(catalog: Catalog, info: SiteInfo, out: BinaryIO) -> None:
    """Write {"header": …, "practices": […]} with one practice per line (its record and its body's sections
    as text), sorted by id: a change to a practice is one changed line in a diff, each line can be read on its
    own, and json's C encoder does the work (it has none for `indent`)."""
    out.write(f'{{"header": {json.dumps(header(catalog, info), ensure_ascii=False)},\n"practices": '.encode())
    for number, p in enumerate(catalog.practices):
        out.write(b",\n" if number else b"[\n")
        out.write(json.dumps(record(p) | {"sections": [vars(s) for s in p.sections]}, ensure_ascii=False).encode())
    out.write(b"\n]}\n" if catalog.practices else b"[]}\n")


def _cell(text: str) -> str:
    """Defuse spreadsheet formulas in untrusted text (OWASP CSV injection): prefix them with a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _write_csv(rows: Iterable[list[Any]], out: BinaryIO) -> None:
    """Write rows as CSV for spreadsheets: UTF-8 with a byte-order mark, CRLF line ends, formulas defused."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        text.write(BOM)
        writer = csv.writer(text)
        for row in rows:
            writer.writerow(["" if value is None else _cell(value) if isinstance(value, str) else value
                             for value in row])
    finally:
        text.detach()  # the stream stays open: it is the caller's


TRANSFER_COLUMNS = ["practice_id", "practice_title", "theme", "presenting_partner", "presenting_country",
                    "taking_up_partner", "taking_up_country", "stage", "note"]


def write_transfers_csv(catalog: Catalog, out: BinaryIO) -> None:
    """Write one CSV row per transfer, by practice: the practice's id, title and theme, who presents it and
    where, who takes it up and where, the stage and the note."""
    def row(t: Any) -> list[Any]:
        practice = catalog.practice[t.practice]
        giver, taker = catalog.partner[practice.partner], catalog.partner[t.partner]
        return [t.practice, practice.title, catalog.theme[practice.theme].title, giver.short_name,
                COUNTRIES[giver.country], taker.short_name, COUNTRIES[taker.country], t.stage, t.note]
    _write_csv([TRANSFER_COLUMNS, *(row(t) for t in catalog.transfers)], out)


def _flat(value: Any) -> Any:
    """Return a record's value as one spreadsheet cell: lists joined, maps as 'key: value'."""
    if isinstance(value, list):
        return JOIN.join(str(_flat(item)) for item in value)
    if isinstance(value, dict):
        if set(value) == {"stage", "note"}:
            return value["stage"] + (f" ({value['note']})" if value["note"] else "")
        if set(value) == {"title", "url"}:
            return f"{value['title']} <{value['url']}>"
        return JOIN.join(f"{key}: {_flat(item)}" if "title" not in value else str(_flat(item))
                         for key, item in value.items() if item is not None)
    return value


def write_practices_csv(catalog: Catalog, out: BinaryIO) -> None:
    """Write one CSV row per practice: `id`, then every front-matter field of the downloads in the schema's order."""
    names = [field.name for field in FIELDS if field.listed("data")]
    _write_csv([["id", *names], *([p.id, *(_flat(record(p)[name]) for name in names)]
                                  for p in catalog.practices)], out)
