"""The validated catalogue: frozen themes, partners, practices and transfers, with indexes computed once."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from .bodytree import Element
from .schema import DATE_PATTERN, STAGES

_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, as written: YYYY, YYYY-MM or YYYY-MM-DD."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse a valid YYYY[-MM[-DD]] string (validation has checked it)."""
        match = DATE_PATTERN.match(text)
        if match is None:
            raise ValueError(f"not a date: {text!r}")
        year, month, day = (int(part) if part else None for part in match.groups())
        return cls(int(year or 0), month, day)

    def first_day(self) -> tuple[int, int, int]:
        """Return the earliest day this date can mean."""
        return self.year, self.month or 1, self.day or 1

    def last_day(self) -> tuple[int, int, int]:
        """Return the latest day this date can mean."""
        month = self.month or 12
        return self.year, month, self.day or calendar.monthrange(self.year, month)[1]

    def iso(self) -> str:
        """Return the date as written in the contract, e.g. '2017-05'."""
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n is not None]
        return "-".join(parts)

    def label(self) -> str:
        """Return the date for readers, e.g. 'May 2017' or '3 May 2017'."""
        if self.month is None:
            return str(self.year)
        month = f"{_MONTHS[self.month - 1]} {self.year}"
        return month if self.day is None else f"{self.day} {month}"


@dataclass(frozen=True)
class Theme:
    """One of the project's themes, in registry order."""

    key: str
    title: str
    question: str
    description: str
    icon: str | None
    color: str | None


@dataclass(frozen=True)
class Partner:
    """A project partner, numbered P1…Pn."""

    key: str
    number: int
    name: str
    short_name: str
    country: str
    region: str
    website: str | None
    lead: bool
    note: str | None
    extended_phase: bool
    #: Where the map puts the partner's marker, in decimal degrees (north, east); both or neither.
    latitude: float | None = None
    longitude: float | None = None

    @property
    def code(self) -> str:
        """Return the partner's number as the project writes it, e.g. 'P1'."""
        return f"P{self.number}"


@dataclass(frozen=True)
class Transfer:
    """A partner's uptake of another partner's practice, at one stage."""

    practice: str
    partner: str
    stage: str
    note: str | None

    @property
    def rank(self) -> int:
        """Return the stage's position: 0 for interested … 3 for implemented."""
        return STAGES.index(self.stage)


@dataclass(frozen=True)
class Link:
    """A titled http(s) link."""

    title: str
    url: str


@dataclass(frozen=True)
class Contact:
    """Who to ask about a practice."""

    name: str
    organisation: str | None
    email: str | None


@dataclass(frozen=True)
class Heading:
    """A heading of a practice body: level, anchor (as the page writes it) and plain-text title."""

    level: int
    anchor: str
    title: str


@dataclass(frozen=True)
class Section:
    """A titled part of a practice body as plain text ('' for text before the first heading)."""

    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A part of a practice body as plain text: the lead-in (level 0), or a heading's (its level, anchor and title)."""

    level: int
    anchor: str  # '#' and the heading's id, as the page writes it; '' for the lead-in
    title: str
    text: str


def sections(passages: tuple[Passage, ...]) -> tuple[Section, ...]:
    """Return a body's sections, one per level-2 heading (deeper headings as lines of its text), after the
    lead-in's unless that is empty."""
    found: list[tuple[str, list[str]]] = []
    for passage in passages:
        if passage.level <= 2 or not found:
            found.append((passage.title, [passage.text]))
        else:
            found[-1][1].extend((passage.title, passage.text))
    result = [Section(title, "\n\n".join(part for part in parts if part)) for title, parts in found]
    return tuple(s for i, s in enumerate(result) if i or s.text)


@dataclass(frozen=True)
class Practice:
    """One good practice, validated, with defaults filled in."""

    id: str
    source: str
    title: str
    theme: str
    partner: str
    summary: str
    country: str
    region: str | None
    institution: str | None
    start: PartialDate | None
    end: PartialDate | None
    ongoing: bool
    status: str | None
    budget_eur: int | float | None
    keywords: tuple[str, ...]
    inspired_by: tuple[str, ...]
    transfers: tuple[Transfer, ...]  # by partner number
    contact: Contact | None
    links: tuple[Link, ...]
    updated: PartialDate | None
    #: The body rendered once and cleaned, as UTF-8 (the practice page's slot is this same object): what the
    #: site and the PDF show. The Markdown as written is not kept: all that is needed of it is worked out here.
    body_html: bytes
    headings: tuple[Heading, ...]  # the body's headings, anchors as in body_html
    passages: tuple[Passage, ...]  # the body as plain text, by heading: for search, and the downloads' sections
    placeholders: tuple[str, ...]  # the body's sentences that stand in for missing facts (see completeness.py)
    #: The body's tree (bodytree.py), kept only for a build that lays out PDFs from this catalogue.
    tree: Element | None = None
    #: The plain optional fields the schema declares with where they show (schema.plain_fields), as (name, clean
    #: value) in the schema's order, for those the practice gives: no field of its own is needed for them.
    extra: tuple[tuple[str, Any], ...] = ()

    @property
    def sections(self) -> tuple[Section, ...]:
        """Return the body as plain text by level-2 section, for the data downloads."""
        return sections(self.passages)

    def value(self, name: str) -> Any:
        """Return a plain optional field's clean value (see `extra`), or None if the practice has none."""
        return next((value for key, value in self.extra if key == name), None)

    @property
    def url(self) -> str:
        """Return the page's URL, relative to the site root."""
        return f"practices/{self.id}.html"


@dataclass(frozen=True)
class Catalog:
    """Everything the site shows: themes and partners in registry order, practices sorted by id."""

    themes: tuple[Theme, ...]
    partners: tuple[Partner, ...]
    practices: tuple[Practice, ...]

    def without_bodies(self) -> Catalog:
        """Return the catalogue without its practices' body HTML and text, for what is left to do once the
        pages and downloads made from them exist: 3.6% of peak memory at 1,000 practices, 16.5% at 5,000
        (ablation of 2026-12-02, `bodies-released`)."""
        return Catalog(self.themes, self.partners,
                       tuple(replace(p, body_html=b"", passages=(), tree=None) for p in self.practices))

    @cached_property
    def last_updated(self) -> PartialDate | None:
        """Return the latest `updated` date of any practice, if any has one."""
        return max((p.updated for p in self.practices if p.updated), default=None)

    @cached_property
    def theme(self) -> Mapping[str, Theme]:
        """Return themes by key."""
        return {theme.key: theme for theme in self.themes}

    @cached_property
    def partner(self) -> Mapping[str, Partner]:
        """Return partners by key."""
        return {partner.key: partner for partner in self.partners}

    @cached_property
    def practice(self) -> Mapping[str, Practice]:
        """Return practices by id."""
        return {practice.id: practice for practice in self.practices}

    @cached_property
    def by_theme(self) -> Mapping[str, tuple[Practice, ...]]:
        """Return each theme's practices (every theme present, possibly empty)."""
        return {t.key: tuple(p for p in self.practices if p.theme == t.key) for t in self.themes}

    @cached_property
    def by_partner(self) -> Mapping[str, tuple[Practice, ...]]:
        """Return the practices each partner presents (every partner present)."""
        groups: dict[str, list[Practice]] = {p.key: [] for p in self.partners}
        for practice in self.practices:
            groups[practice.partner].append(practice)
        return {key: tuple(group) for key, group in groups.items()}

    @cached_property
    def transfers(self) -> tuple[Transfer, ...]:
        """Return every transfer, by practice id then partner number."""
        return tuple(t for p in self.practices for t in p.transfers)

    @cached_property
    def transfers_to(self) -> Mapping[str, tuple[Transfer, ...]]:
        """Return the transfers each partner takes up (every partner present)."""
        groups: dict[str, list[Transfer]] = {p.key: [] for p in self.partners}
        for transfer in self.transfers:
            groups[transfer.partner].append(transfer)
        return {key: tuple(group) for key, group in groups.items()}

    @cached_property
    def inspired(self) -> Mapping[str, tuple[Practice, ...]]:
        """Return, for each practice id, the practices that name it in `inspired_by`."""
        groups: dict[str, list[Practice]] = {p.id: [] for p in self.practices}
        for practice in self.practices:
            for source in practice.inspired_by:
                groups[source].append(practice)
        return {key: tuple(group) for key, group in groups.items()}
