"""The catalogue as data for downloads and other tools: one record per practice, CSV of transfers, JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .model import Catalog, Practice


def record(practice: Practice) -> dict[str, Any]:
    """Return a practice's id, URL and front matter with defaults filled in and dates as text."""
    fields: dict[str, Any] = {
        "title": practice.title, "theme": practice.theme, "partner": practice.partner,
        "summary": practice.summary, "country": practice.country, "region": practice.region,
        "institution": practice.institution,
        "start": practice.start.iso() if practice.start else None,
        "end": "ongoing" if practice.ongoing else (practice.end.iso() if practice.end else None),
        "status": practice.status, "budget_eur": practice.budget_eur,
        "keywords": list(practice.keywords), "inspired_by": list(practice.inspired_by),
        "transferability": {t.partner: {"stage": t.stage, "note": t.note} for t in practice.transfers},
        "contact": vars(practice.contact) if practice.contact else None,
        "links": [vars(link) for link in practice.links],
        "updated": practice.updated.iso() if practice.updated else None,
    }
    return {"id": practice.id, "url": practice.url, **fields}


def practices_json(catalog: Catalog) -> str:
    """Return every practice's record as a JSON list sorted by id, one practice per line: a change to a
    practice is one changed line in a diff, and json's C encoder does the work (it has none for `indent`)."""
    records = ",\n".join(json.dumps(record(p), ensure_ascii=False) for p in catalog.practices)
    return f"[\n{records}\n]\n" if records else "[]\n"


def _cell(text: str) -> str:
    """Defuse spreadsheet formulas in untrusted text (OWASP CSV injection): prefix them with a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def transfers_csv(catalog: Catalog) -> str:
    """Return one CSV row per transfer: practice id, partner key, stage, note (with a header row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["practice", "partner", "stage", "note"])
    for transfer in catalog.transfers:
        writer.writerow([transfer.practice, transfer.partner, transfer.stage, _cell(transfer.note or "")])
    return out.getvalue()
