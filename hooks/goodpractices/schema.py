"""The practice front-matter contract: every field, its rule and its help, in one place."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from .invisible import bmp_ranges, ignorable, refused

Kind = Literal[
    "text", "theme", "partner", "country", "date", "end", "status", "amount",
    "keywords", "ids", "transferability", "contact", "links",
]

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

#: Extra advice for keys that people tend to add but that the contract forbids.
FORBIDDEN_HINTS: dict[str, str] = {
    "render_macros": "remove it; practice pages are never rendered as templates",
    "tags": "use keywords",
    "id": "remove it; the id is the file name",
}


#: Dates as JSON Schema patterns (ASCII digits; real months; days that exist in their month, 29 February in leap years).
def _years(first: int, last: int) -> str:
    """Return a pattern for the years first–last, whole decades as classes: 1950–2100 gives
    '(?:19[5-9][0-9]|20[0-9][0-9]|2100)'."""
    parts, year = [], first
    while year <= last:
        if year % 10 == 0 and year + 9 <= last:
            century, low = divmod(year // 10, 10)
            high = low
            while high < 9 and century * 100 + (high + 1) * 10 + 9 <= last:
                high += 1
            parts.append(f"{century}[{low}-{high}][0-9]")
            year = century * 100 + high * 10 + 10
        else:
            parts.append(str(year))
            year += 1
    return "(?:" + "|".join(parts) + ")"


_YEAR = _years(FIRST_YEAR, LAST_YEAR)
_LEAP = f"(?={_YEAR})(?:[0-9]{{2}}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_MONTH_DAY = ("(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
              "|02-(?:0[1-9]|1[0-9]|2[0-8]))")
_FULL_DATE = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP}-02-29)"
_PARTIAL_DATE = f"{_YEAR}(?:-(?:0[1-9]|1[0-2]))?"
#: An http(s) URL with a host (which may hold a bracketed IPv6 address), as urllib splits it.
_HOST = r"[^/?#\s\[\]]"
_URL = rf"[Hh][Tt][Tt][Pp][Ss]?://(?:{_HOST}+|{_HOST}*\[[0-9A-Fa-f:.]+\]{_HOST}*)(?:[/?#]\S*)?"


#: Format characters that some scripts need between letters: zero-width non-joiner and joiner.
JOINERS = frozenset("\u200c\u200d")


def invisible(char: str) -> bool:
    """Tell whether no text may hold a character, by Unicode property (invisible.py): a control (but tab and line
    breaks), a lone surrogate, a format character other than the joiners, a Hangul filler, an unassigned
    default-ignorable code point."""
    return refused(char)


@cache
def _invisible_class() -> str:
    """The invisible characters of the Basic Multilingual Plane as a regular-expression class, in ranges."""
    return "[" + bmp_ranges(invisible) + "]"


def _text(min_len: int, max_len: int) -> dict[str, Any]:
    """Text of min_len–max_len characters once runs of white space count as one space and the ends are trimmed,
    as the validator counts them (a pattern, since JSON Schema's lengths count every character).

    `patternErrorMessage` is what editors built on VS Code's JSON language service show instead of the pattern."""
    hidden, shown = _invisible_class(), r"[^\s" + bmp_ranges(ignorable) + "]"  # shown: what a reader sees
    return {"type": "string",
            "pattern": rf"^(?![\s\S]*{hidden})(?=[\s\S]*?{shown})"
                       rf"\s*\S(?:\S|\s+(?=\S)){{{min_len - 1},{max_len - 1}}}\s*$",
            "patternErrorMessage": f"Expected text of {min_len}–{max_len} characters, without control or "
                                   "invisible characters."}


def _trimmed(pattern: str, max_len: int, what: str) -> dict[str, Any]:
    """One word matching `pattern` (at most max_len characters), white space allowed around it."""
    return {"type": "string", "pattern": rf"^\s*(?=\S{{1,{max_len}}}\s*$){pattern}\s*$",
            "patternErrorMessage": f"Expected {what}."}


def json_schema(themes: Sequence[str], partners: Sequence[str]) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a practice's front matter, derived from FIELDS and the registry
    keys, for values as YAML 1.2 reads them (an unquoted 2019 is a number, NO is text).

    It accepts every front matter the validator accepts, and rejects what the validator rejects wherever
    JSON Schema can say so; what needs other files (unique titles, existing ids) only the validator checks."""
    from .countries import COUNTRIES  # Babel's data is loaded only by those who need it

    date = {"anyOf": [{"type": "string", "pattern": f"^(?:{_PARTIAL_DATE}|{_FULL_DATE})$",
                       "patternErrorMessage": "Expected a date as YYYY, YYYY-MM or YYYY-MM-DD."},
                      {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}]}
    stage = {"enum": list(STAGES)}
    kinds: dict[str, dict[str, Any]] = {
        "theme": {"enum": list(themes)},
        "partner": {"enum": list(partners)},
        "country": {"enum": list(COUNTRIES)},
        "date": date,
        "end": {"anyOf": [*date["anyOf"], {"const": "ongoing"}]},
        "status": {"enum": list(STATUSES)},
        "amount": {"type": "number", "minimum": 0, "exclusiveMaximum": MAX_AMOUNT},
        "keywords": {"type": "array", "uniqueItems": True, "items": _text(1, KEYWORD_MAX)},
        "ids": {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": ID_PATTERN.pattern}},
        "transferability": {
            "type": "object",
            "propertyNames": {"enum": list(partners)},
            "additionalProperties": {"anyOf": [
                stage,
                {"type": "object", "required": ["stage"], "additionalProperties": False,
                 "properties": {"stage": stage, "note": _text(1, 500)}},
            ]},
        },
        "contact": {"type": "object", "required": ["name"], "additionalProperties": False,
                    "properties": {"name": _text(1, 200), "organisation": _text(1, 200),
                                   "email": _trimmed(EMAIL_SCHEMA_PATTERN, 200,
                                                     "an e-mail address such as name@example.org")}},
        "links": {"type": "array", "items": {
            "type": "object", "required": ["title", "url"], "additionalProperties": False,
            "properties": {"title": _text(1, 200),
                           "url": _trimmed(_URL, 2000, "a full address starting with https://")}}},
    }
    properties: dict[str, Any] = {}
    for field in FIELDS:
        prop = _text(field.min_len, field.max_len) if field.kind == "text" else dict(kinds[field.kind])
        if field.kind == "text":
            prop["patternErrorMessage"] = f"Expected {field.hint}."
        if field.name == "updated":  # the validator wants the day too
            prop = {"type": "string", "pattern": f"^{_FULL_DATE}$",
                    "patternErrorMessage": "Expected a full date as YYYY-MM-DD."}
        prop["description"] = field.rule.replace("`", "")
        if field.example is not None:
            prop["examples"] = [field.example]
        properties[field.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Generated from hooks/goodpractices/schema.py by scripts/generate.py; do not edit.",
        "title": "Good practice front matter",
        "type": "object",
        "required": [field.name for field in FIELDS if field.required],
        "additionalProperties": False,
        "properties": properties,
        # A partner cannot take up its own practice.
        "allOf": [{"if": {"required": ["partner"], "properties": {"partner": {"const": key}}},
                   "then": {"properties": {"transferability": {"not": {"required": [key]}}}}} for key in partners],
    }


def json_schema_text(themes: Sequence[str], partners: Sequence[str]) -> str:
    """Return the JSON Schema as the file practices/practice.schema.json holds it."""
    return json.dumps(json_schema(themes, partners), ensure_ascii=False, indent=2) + "\n"


def field_reference_markdown() -> str:
    """Return the field reference as a Markdown table for the Contributing page (fieldguide.py words it)."""
    from .fieldguide import reference_table  # noqa: PLC0415 (only the docs need it)

    return reference_table()
