"""The practice front-matter contract: every field, its rule and its help, in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, get_args

from .invisible import refused

Kind = Literal[
    "text", "theme", "partner", "country", "date", "end", "status", "amount",
    "keywords", "ids", "transferability", "contact", "links", "number", "url",
]
#: Where a field shows: the page's at-a-glance box, the PDF's, the CSV and JSON downloads, the issue form, the
#: Contributing page's field reference.
Place = Literal["glance", "pdf", "data", "form", "reference"]
EVERYWHERE: frozenset[Place] = frozenset(get_args(Place))
#: The kinds of a plain optional field: one value, which the reader vocabulary (reader.py) writes for people.
PLAIN_KINDS: frozenset[Kind] = frozenset(("text", "date", "amount", "number", "url"))

# Each pattern runs in linear time (no nested or overlapping repeats; the tests feed each its worst case).
# Python code uses ID_PATTERN and DATE_PATTERN with fullmatch: `$` alone also matches before a final line break.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The longest id: its page, practices/<id>.html, must fit the limits of every system that holds the site or its
#: sources (255 bytes a name; 260 characters a whole path on Windows, the site's folder included).
MAX_ID_CHARS = 100
#: Names Windows gives to devices, whatever the extension (con.md, nul.html): no file there may be named so.
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))})
DATE_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits only
#: name@domain.tld, the domain with a dot that has something on each side (use with match; the lookahead holds
#: the end): possessive and lazy repeats keep it linear.
EMAIL_PATTERN = re.compile(r"^[^@\s<>]++@(?=[^@\s<>]++\Z)[^@\s<>]+?\.[^@\s<>]")
#: The same language as JSON Schema's (ECMA-262) patterns can write it, for editors; tests check they agree.
EMAIL_SCHEMA_PATTERN = r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+"

STAGES: tuple[str, ...] = ("interested", "assessed", "in-action-plan", "implemented")
STATUSES: tuple[str, ...] = ("planned", "ongoing", "completed")

#: The sections of the Interreg Europe good-practice template, recommended in every body.
SECTIONS: tuple[str, ...] = (
    "Description",
    "Resources needed",
    "Evidence of success",
    "Difficulties encountered",
    "Potential for learning or transfer",
)

#: The sections a practice page makes from the front matter, as anchor: (heading, field); a body may not have them.
GENERATED_SECTIONS: dict[str, tuple[str, str]] = {
    "links": ("Links", "links"),
    "contact": ("Contact", "contact"),
    "connections": ("Connections", "inspired_by"),
    "transferability": ("Transferability", "transferability"),
    "related": ("Related practices", "keywords"),
}

#: The optional fields stakeholders rely on; the editors' completeness report lists practices without them.
EXPECTED_FIELDS: tuple[str, ...] = ("start", "status", "contact", "budget_eur")

#: Words that stand in for missing facts (the template's own, and those written while facts are gathered); the
#: editors' completeness report lists every sentence still holding one, as a whole word in any case.
PLACEHOLDER_WORDS = ("replace this paragraph", "replace this sentence", "replace this text", "not yet documented",
                     "not yet been documented", "still to be added", "no specific difficulties have been recorded",
                     "todo", "tbd", "lorem ipsum")
PLACEHOLDERS = re.compile(r"\b(?:" + "|".join(map(re.escape, PLACEHOLDER_WORDS)) + r")\b", re.IGNORECASE)

MAX_FILE_BYTES = 1_000_000
#: Dates are years FIRST_YEAR–LAST_YEAR, which every writer (the zip's timestamps stop at 2107) can hold.
FIRST_YEAR, LAST_YEAR = 1950, 2100
#: Amounts stay below this, so that they are exact as floats and in JavaScript (2**53 is about 9e15).
MAX_AMOUNT = 10**15
KEYWORD_MAX = 40


@dataclass(frozen=True)
class Field:
    """One front-matter field: its name, whether it is required, its kind and limits, and its help."""

    name: str
    kind: Kind
    required: bool
    rule: str
    hint: str
    example: Any = None
    min_len: int = 1
    max_len: int = 200
    #: Where a plain optional field (of PLAIN_KINDS) shows, with no code of its own: declaring it here is the
    #: whole change. Empty for the built-in fields, which each output places itself (all are in the form, the
    #: field reference and the downloads).
    shows: frozenset[Place] = frozenset()

    def __post_init__(self) -> None:
        if self.shows and (self.required or self.kind not in PLAIN_KINDS):
            raise ValueError(f"{self.name}: only an optional field of a plain kind can say where it shows")

    def listed(self, place: Place) -> bool:
        """Tell whether the field is listed in the form, the field reference or the downloads (`place`)."""
        return place in self.shows if self.shows else place in ("form", "reference", "data")

    @property
    def label(self) -> str:
        """Return the field's name for people, e.g. 'Budget (EUR)' for budget_eur."""
        return LABELS.get(self.name, self.name.replace("_", " ").capitalize())


FIELDS: tuple[Field, ...] = (
    Field("title", "text", True,
          "5–150 characters; unique across practices (ignoring case, width and invisible characters)",
          "a short descriptive title, 5–150 characters", "Cluster management excellence programme",
          min_len=5, max_len=150),
    Field("theme", "theme", True, "one key of `themes.yml` (exactly one, not a list)",
          "exactly one theme key", "cmo-services"),
    Field("partner", "partner", True, "key of `partners.yml`: the partner that presents the practice",
          "the key of the presenting partner", "ecoplus"),
    Field("summary", "text", True, "plain text, 50–800 characters",
          "one plain-text paragraph of 50–800 characters",
          "What the practice does, for whom, and why it is worth a look for other regions.",
          min_len=50, max_len=800),
    Field("country", "country", False, "ISO 3166-1 alpha-2 code; defaults to the partner's (`NO` is Norway)",
          "a two-letter ISO 3166-1 code such as AT", "AT"),
    Field("region", "text", False, "text, up to 200 characters", "the region's name", "Lower Austria"),
    Field("institution", "text", False, "text, up to 200 characters",
          "the institution that runs the practice", "ecoplus"),
    Field("start", "date", False,
          f"`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, quoted or not; years {FIRST_YEAR}–{LAST_YEAR}",
          "a date as YYYY, YYYY-MM or YYYY-MM-DD", "2017-05"),
    Field("end", "end", False, "like `start`, or `ongoing`; not before `start`",
          "a date as YYYY, YYYY-MM or YYYY-MM-DD, or ongoing", "ongoing"),
    Field("status", "status", False, "one of `planned`, `ongoing`, `completed`",
          "one of: " + ", ".join(STATUSES), "ongoing"),
    Field("budget_eur", "amount", False, f"a finite number ≥ 0 and below {MAX_AMOUNT:,} (euros)",
          "a number of euros without spaces, e.g. 900000",
          900000),
    Field("keywords", "keywords", False,
          f"a YAML list of distinct short strings (up to {KEYWORD_MAX} characters each)",
          "a YAML list such as [clusters, funding]", ["clusters", "funding"], max_len=KEYWORD_MAX),
    Field("inspired_by", "ids", False, "list of ids of other practices, which must exist",
          "a YAML list of practice ids (file names without .md)", ["flemish-cluster-programme"]),
    Field("transferability", "transferability", False,
          "map of partner key → stage, or → `{stage, note}`; stages in order: "
          + ", ".join(f"`{s}`" for s in STAGES) + "; a partner cannot list itself",
          "a map such as {vlaio: assessed}", {"vlaio": "assessed"}),
    Field("contact", "contact", False, "`{name, organisation, email}`; `name` required",
          "a map with name and optionally organisation and email", {"name": "Jane Doe", "organisation": "ecoplus"}),
    Field("links", "links", False, "list of `{title, url}`; http(s) URLs only",
          "a YAML list of {title, url} with http(s) URLs",
          [{"title": "Project page", "url": "https://www.interregeurope.eu/clusterix2"}]),
    Field("updated", "date", False,
          f"a date `YYYY-MM-DD` ({FIRST_YEAR}–{LAST_YEAR}): when the entry was last revised",
          "a full date as YYYY-MM-DD", "2026-11-21"),
)

#: Field names for people where the capitalised name would not do (forms, prompts).
LABELS: dict[str, str] = {"budget_eur": "Budget (EUR)", "inspired_by": "Inspired by", "updated": "Last updated"}

FIELDS_BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}


def plain_fields(place: Place | None = None) -> tuple[Field, ...]:
    """Return the plain optional fields that show in `place` (all of them with None), in the schema's order."""
    return tuple(f for f in FIELDS if f.shows and (place is None or place in f.shows))


#: Extra advice for keys that people tend to add but that the contract forbids.
FORBIDDEN_HINTS: dict[str, str] = {
    "render_macros": "remove it; practice pages are never rendered as templates",
    "tags": "use keywords",
    "id": "remove it; the id is the file name",
}


#: Format characters that some scripts need between letters: zero-width non-joiner and joiner.
JOINERS = frozenset("\u200c\u200d")


def invisible(char: str) -> bool:
    """Tell whether no text may hold a character, by Unicode property (invisible.py): a control (but tab and line
    breaks), a lone surrogate, a format character other than the joiners, a Hangul filler, an unassigned
    default-ignorable code point."""
    return refused(char)


def field_reference_markdown() -> str:
    """Return the field reference as a Markdown table for the Contributing page (fieldguide.py words it)."""
    from .fieldguide import reference_table  # noqa: PLC0415 (only the docs need it)

    return reference_table()
