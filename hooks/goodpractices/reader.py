"""What people read of a practice, for every output: stage words, money, place, the at-a-glance rows, the record.

The web pages, the PDF, the explore index, the downloads, the map and the figures all take their words from
here, so that they say the same thing the same way; a plain optional field the schema declares (schema.py's
`shows`) is written here for each of them, with no code of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .completeness import gaps_of
from .countries import COUNTRIES
from .model import Catalog, PartialDate, Practice
from .schema import STAGES, STATUSES, Field, Place, plain_fields

STAGE_LABELS = {
    "interested": "Interested",
    "assessed": "Assessed",
    "in-action-plan": "In action plan",
    "implemented": "Implemented",
}
STAGE_SYMBOLS = {"interested": "○", "assessed": "◔", "in-action-plan": "◑", "implemented": "●"}
assert tuple(STAGE_LABELS) == tuple(STAGE_SYMBOLS) == STAGES
#: A practice's status as readers see it: 'Planned', 'Ongoing', 'Completed'.
STATUS_LABELS = {status: status.capitalize() for status in STATUSES}
#: The presenting partner's place in a row of stages: symbol and word.
ORIGIN = ("★", "Origin")

#: Expected fields named as the at-a-glance box names them, where that is not the field's own name.
READER_NAMES = {"start": "period", "budget_eur": "budget"}


def number(value: int | float) -> str:
    """Format a number for readers, thousands apart by a narrow space: '900 000', '1 250.50'."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return text.replace(",", "\u202f")


def money(amount: int | float) -> str:
    """Format euros for readers: '900 000 EUR', '1 250.50 EUR'."""
    return number(amount) + " EUR"


def place(p: Practice, separator: str = " · ") -> str:
    """Return where a practice runs: its country's name, and its region if it gives one."""
    return COUNTRIES[p.country] + (f"{separator}{p.region}" if p.region else "")


def period(p: Practice) -> str | None:
    """Return the period for readers, e.g. 'May 2017 – ongoing', or None if unknown."""
    start = p.start.label() if p.start else None
    until = "ongoing" if p.ongoing else (p.end.label() if p.end else None)
    if start and until:
        return f"{start} – {until}"
    if start:
        return f"since {start}"
    return f"until {until}" if until else None


def status(p: Practice) -> str | None:
    """Return a practice's status as readers see it ('Planned', 'Ongoing', 'Completed'), or None if not given."""
    return STATUS_LABELS[p.status] if p.status else None


def end(p: Practice) -> str | None:
    """Return a practice's end as its front matter writes it: 'ongoing', a date such as '2021-06', or None."""
    return "ongoing" if p.ongoing else (p.end.iso() if p.end else None)


def shown(field: Field, value: Any) -> str:
    """Return a plain field's clean value as people read it: a date in words, an amount in euros."""
    if isinstance(value, PartialDate):
        return value.label()
    if field.kind in ("amount", "number"):
        return money(value) if field.kind == "amount" else number(value)
    return str(value)


def data(value: Any) -> Any:
    """Return a plain field's clean value as the downloads hold it: a date as written, anything else as it is."""
    return value.iso() if isinstance(value, PartialDate) else value


@dataclass(frozen=True)
class GlanceRow:
    """One line of the at-a-glance box: what it is, its value in words, and the address it leads to, if any."""

    label: str
    value: str
    link: str | None = None


def glance(catalog: Catalog, p: Practice, where: Place = "glance") -> tuple[GlanceRow, ...]:
    """Return the at-a-glance rows of a practice's page ('glance') or PDF ('pdf'): the facts of its front matter
    that it gives, and who took it up."""
    partner = catalog.partner[p.partner]
    rows: list[tuple[str, str | None, str | None]] = [
        ("Presented by", f"{partner.name} (project partner {partner.code})", None),
        ("Institution", p.institution, None),
        ("Country", place(p), None),
        ("Period", period(p), None),
        ("Status", status(p), None),
        ("Budget", money(p.budget_eur) if p.budget_eur is not None else None, None),
        ("Keywords", ", ".join(p.keywords) or None, None),
        ("Taken up by", ", ".join(f"{catalog.partner[t.partner].short_name} ({STAGE_LABELS[t.stage].lower()})"
                                  for t in p.transfers) or None, None),
        *((f.label, shown(f, value), value if f.kind == "url" else None)
          for f in plain_fields(where) if (value := p.value(f.name)) is not None),
        ("Last updated", p.updated.label() if p.updated else None, None),
    ]
    return tuple(GlanceRow(label, value, link) for label, value, link in rows if value)


def unrecorded(p: Practice) -> list[str]:
    """What the practice does not record yet, as a reader names it: the recommended sections its body lacks and
    the expected fields (schema.SECTIONS and schema.EXPECTED_FIELDS, as the completeness report finds them)."""
    gaps = gaps_of(p)
    return [section[:1].lower() + section[1:] for section in gaps.sections] + [
        READER_NAMES.get(field, field) for field in gaps.fields]


def record(practice: Practice) -> dict[str, Any]:
    """Return a practice's id, URL and front matter with defaults filled in and dates as text (the downloads')."""
    fields: dict[str, Any] = {
        "title": practice.title, "theme": practice.theme, "partner": practice.partner,
        "summary": practice.summary, "country": practice.country, "region": practice.region,
        "institution": practice.institution,
        "start": data(practice.start),
        "end": end(practice),
        "status": practice.status, "budget_eur": practice.budget_eur,
        "keywords": list(practice.keywords), "inspired_by": list(practice.inspired_by),
        "transferability": {t.partner: {"stage": t.stage, "note": t.note} for t in practice.transfers},
        "contact": vars(practice.contact) if practice.contact else None,
        "links": [vars(link) for link in practice.links],
        "updated": data(practice.updated),
        **{f.name: data(practice.value(f.name)) for f in plain_fields("data")},
    }
    return {"id": practice.id, "url": practice.url, **fields}
