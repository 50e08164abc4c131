"""Check and build the registries: themes.yml and partners.yml."""

from __future__ import annotations

import re
from typing import Any

from . import icons
from .countries import COUNTRIES
from .geo import FRAME
from .load import Source
from .model import Partner, Theme
from .problems import Problem
from .schema import ID_PATTERN
from .checker import Checker, describe
from .yamlread import YamlDoc

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ICON = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


def _entries(doc: YamlDoc, shown: str) -> tuple[Checker, list[tuple[str, dict[str, Any], Checker]]]:
    """Split a registry into (key, fields, checker) triples, reporting bad keys and non-mapping entries."""
    whole = Checker(Source("", shown, {}, doc.lines, "", 1))
    entries = []
    for key, value in doc.data.items():
        lines = {path[1:]: line for path, line in doc.lines.items() if path[:1] == (key,)}
        lines[()] = doc.lines[(key,)]
        checker = Checker(Source(key, shown, {}, {(key, *p): line for p, line in lines.items()}, "", 1))
        if not ID_PATTERN.match(key):
            checker.report((key,), "is not a valid key (use lowercase words joined by single hyphens)")
        elif isinstance(value, dict):
            entries.append((key, value, checker))
            continue
        else:
            checker.report((key,), f"expected a mapping of fields, got {describe(value)}")
        whole.problems += checker.problems
    return whole, entries


def _text(checker: Checker, key: str, fields: dict[str, Any], name: str, required: bool = True) -> str | None:
    if name not in fields:
        if required:
            checker.report((key,), f"{name}: missing (add {name}: …)")
        return None
    return checker.text((key, name), fields[name], f"plain text for {name}", max_len=400)


def build_themes(doc: YamlDoc, shown: str) -> tuple[tuple[Theme, ...], list[Problem]]:
    """Return the themes in file order, and the problems of themes.yml."""
    whole, entries = _entries(doc, shown)
    themes = []
    for key, fields, checker in entries:
        for unknown in set(fields) - {"title", "question", "description", "icon", "color"}:
            checker.unknown((key, unknown), unknown, ("title", "question", "description", "icon", "color"))
        title, question, description = (_text(checker, key, fields, name) for name in ("title", "question", "description"))
        icon, color = _text(checker, key, fields, "icon", False), _text(checker, key, fields, "color", False)
        if icon is None and color is None:
            checker.report((key,), "has neither icon nor color (add icon: material/… or color: '#rrggbb')")
        if icon is not None and not (_ICON.match(icon) and icons.exists(icon)):
            checker.report((key, "icon"), f"'{icon}' is not an icon of the theme (write e.g. material/chart-line)")
        if color is not None and not _COLOR.match(color):
            checker.report((key, "color"), f"'{color}' is not a colour (write '#rrggbb')")
        whole.problems += checker.problems
        if not checker.problems and title and question and description:
            themes.append(Theme(key, title, question, description, icon, color))
    return tuple(themes), whole.problems


#: What a partner's coordinates may be: within the frame of the map's outlines (geo.FRAME), and how to write them.
_DEGREES = {"latitude": (FRAME[1], FRAME[3], "degrees north, e.g. 48.2047"),
            "longitude": (FRAME[0], FRAME[2], "degrees east, west negative, e.g. 15.6256")}


def _place(checker: Checker, key: str, fields: dict[str, Any]) -> tuple[float | None, float | None]:
    """Return a partner's (latitude, longitude) for the map, both or neither, or report why not."""
    given = [name for name in _DEGREES if name in fields]
    if len(given) == 1:
        other = "longitude" if given[0] == "latitude" else "latitude"
        checker.report((key, given[0]), f"{other}: missing (add {other}: … beside {given[0]}, or remove both)")
        return None, None
    values = []
    for name in given:
        low, high, how = _DEGREES[name]
        value = fields[name]
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+,\d+\s*", value):  # a decimal comma, as Europe writes
            checker.report((key, name), f"{name}: expected a number, got '{value.strip()}' with a decimal comma "
                                        f"(write a point: {value.strip().replace(',', '.')})")
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            checker.report((key, name), f"{name}: expected a number, got {describe(value)} (write {how})")
        elif not low <= value <= high:
            checker.report((key, name), f"{name}: {value} is outside the map, which spans {low:g} to {high:g} "
                                        f"(write {how})")
        else:
            values.append(float(value))
    return (values[0], values[1]) if len(values) == 2 else (None, None)


def build_partners(doc: YamlDoc, shown: str) -> tuple[tuple[Partner, ...], list[Problem]]:
    """Return the partners sorted by number, and the problems of partners.yml."""
    whole, entries = _entries(doc, shown)
    known = ("number", "name", "short_name", "country", "region", "latitude", "longitude", "website", "lead", "note",
             "extended_phase")
    partners, numbers = [], {}
    for key, fields, checker in entries:
        for unknown in set(fields) - set(known):
            checker.unknown((key, unknown), unknown, known)
        number = fields.get("number")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            checker.report((key, "number"), f"expected a whole number ≥ 1, got {describe(number)} (write the P-number)")
        elif number in numbers:
            checker.report((key, "number"), f"{number} is also the number of '{numbers[number]}' (numbers are unique)")
        else:
            numbers[number] = key
        name, short_name, region = (_text(checker, key, fields, n) for n in ("name", "short_name", "region"))
        country = fields.get("country")
        if country not in COUNTRIES:
            checker.report((key, "country"), f"{describe(country) if not isinstance(country, str) else repr(country)} "
                                              "is not an ISO 3166-1 alpha-2 code (write e.g. 'AT')")
        website, note = _text(checker, key, fields, "website", False), _text(checker, key, fields, "note", False)
        if website is not None and not re.match(r"^https?://[^\s/]+", website):
            checker.report((key, "website"), f"'{website}' is not an http(s) URL (write https://…)")
        flags = {}
        for flag, default in (("lead", False), ("extended_phase", True)):
            flags[flag] = fields.get(flag, default)
            if not isinstance(flags[flag], bool):
                checker.report((key, flag), f"expected true or false, got {describe(flags[flag])}")
        place = _place(checker, key, fields)
        whole.problems += checker.problems
        if not checker.problems:
            partners.append(Partner(key, number, name, short_name, country, region, website,
                                    flags["lead"], note, flags["extended_phase"], *place))
    return tuple(sorted(partners, key=lambda p: p.number)), whole.problems
