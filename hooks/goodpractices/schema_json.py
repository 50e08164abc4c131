"""The JSON Schema of a practice's front matter, for editors: derived from schema.FIELDS and the registry keys."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from .invisible import bmp_ranges, ignorable
from .schema import (EMAIL_SCHEMA_PATTERN, FIELDS, FIRST_YEAR, ID_PATTERN, KEYWORD_MAX, LAST_YEAR, MAX_AMOUNT, STAGES,
                     STATUSES, invisible)


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
    number = {"type": "number", "minimum": 0, "exclusiveMaximum": MAX_AMOUNT}
    url = _trimmed(_URL, 2000, "a full address starting with https://")
    kinds: dict[str, dict[str, Any]] = {
        "theme": {"enum": list(themes)},
        "partner": {"enum": list(partners)},
        "country": {"enum": list(COUNTRIES)},
        "date": date,
        "end": {"anyOf": [*date["anyOf"], {"const": "ongoing"}]},
        "status": {"enum": list(STATUSES)},
        "amount": number,
        "number": number,
        "url": url,
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
            "properties": {"title": _text(1, 200), "url": url}}},
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
