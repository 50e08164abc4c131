"""The practice front-matter contract: every field, its rule and its help, in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal[
    "text", "theme", "partner", "country", "date", "end", "status", "amount",
    "keywords", "ids", "transferability", "contact", "links",
]

# Each pattern runs in linear time (no nested or overlapping repeats; the tests feed each its worst case).
# Python code uses ID_PATTERN and DATE_PATTERN with fullmatch: `$` alone also matches before a final line break.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
#: name@domain.tld, the domain with a dot that has something on each side (use with match; the lookahead holds
#: the end): possessive and lazy repeats keep it linear.
EMAIL_PATTERN = re.compile(r"^[^@\s<>]++@(?=[^@\s<>]++\Z)[^@\s<>]+?\.[^@\s<>]")

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
}

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

FIELDS_BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}

#: Extra advice for keys that people tend to add but that the contract forbids.
FORBIDDEN_HINTS: dict[str, str] = {
    "render_macros": "remove it; practice pages are never rendered as templates",
    "tags": "use keywords",
    "id": "remove it; the id is the file name",
}


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a practice's front matter, derived from FIELDS."""
    date = {"type": ["string", "integer"], "pattern": DATE_PATTERN.pattern}
    kinds: dict[str, dict[str, Any]] = {
        "theme": {"type": "string", "$comment": "a key of practices/themes.yml"},
        "partner": {"type": "string", "$comment": "a key of practices/partners.yml"},
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "date": date,
        "end": {"anyOf": [date, {"const": "ongoing"}]},
        "status": {"enum": list(STATUSES)},
        "amount": {"type": "number", "minimum": 0},
        "keywords": {"type": "array", "uniqueItems": True,
                     "items": {"type": "string", "minLength": 1, "maxLength": KEYWORD_MAX}},
        "ids": {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": ID_PATTERN.pattern}},
        "transferability": {
            "type": "object",
            "additionalProperties": {"anyOf": [
                {"enum": list(STAGES)},
                {"type": "object", "required": ["stage"], "additionalProperties": False,
                 "properties": {"stage": {"enum": list(STAGES)}, "note": {"type": "string"}}},
            ]},
        },
        "contact": {"type": "object", "required": ["name"], "additionalProperties": False,
                    "properties": {"name": {"type": "string"}, "organisation": {"type": "string"},
                                   "email": {"type": "string", "format": "email"}}},
        "links": {"type": "array", "items": {
            "type": "object", "required": ["title", "url"], "additionalProperties": False,
            "properties": {"title": {"type": "string"}, "url": {"type": "string", "pattern": "^https?://"}}}},
    }
    properties: dict[str, Any] = {}
    for field in FIELDS:
        if field.kind == "text":
            prop: dict[str, Any] = {"type": "string", "minLength": field.min_len, "maxLength": field.max_len}
        else:
            prop = dict(kinds[field.kind])
        prop["description"] = field.rule.replace("`", "")
        if field.example is not None:
            prop["examples"] = [field.example]
        properties[field.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Good practice front matter",
        "type": "object",
        "required": [field.name for field in FIELDS if field.required],
        "additionalProperties": False,
        "properties": properties,
    }


def field_reference_markdown() -> str:
    """Return the field reference as a Markdown table, for the contributors' documentation."""
    rows = ["| field | required | rule |", "|---|---|---|"]
    rows += [f"| `{f.name}` | {'yes' if f.required else 'no'} | {f.rule} |" for f in FIELDS]
    return "\n".join(rows) + "\n"
