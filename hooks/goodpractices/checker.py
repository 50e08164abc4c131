"""The checking tools every rule uses: a Checker that records problems at their lines, and message helpers."""

from __future__ import annotations

import calendar
import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .invisible import first_refused, visible, without_ignorable
from .load import Source
from .model import PartialDate
from .names import suggestion
from .problems import Problem
from .schema import DATE_PATTERN, FIRST_YEAR, FORBIDDEN_HINTS, LAST_YEAR
from .yamlread import character_name

Path = tuple[str | int, ...]

#: The longest value a message shows; longer ones are cut with an ellipsis.
_SHOWN = 80


def describe(value: Any) -> str:
    """Name a YAML value's type for a message: 'text', 'a number', 'a list', …"""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "a mapping"


def colon_in(path: Path, value: Any) -> str | None:
    """Name the ': ' that made a text a mapping ('- smart: specialisation' in a list), or None if it is not one."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((key, inner),) = value.items()
    if not isinstance(key, str) or inner is None or isinstance(inner, (dict, list)):
        return None
    whole = f"{key}: {inner if not isinstance(inner, bool) else str(inner).lower()}"
    dash = "- " if path and isinstance(path[-1], int) else ""
    return (f"'{whole}' holds ': ', which YAML reads as a new field (put it in double quotes: {dash}\"{whole}\")")


def quote(value: Any) -> str:
    """Show a value in a message: text in quotes (cut if long), anything else by its type; never empty quotes."""
    if not isinstance(value, str):
        return describe(value)
    if not value.strip():
        return "an empty text" if not value else "a text of white space only"
    return f"'{value}'" if len(value) <= _SHOWN else f"'{value[:_SHOWN - 1]}…'"


def folded(text: str) -> str:
    """Return the form under which two texts count as the same: NFKC, without any character Unicode calls
    ignorable or format or control (zero-width, bidirectional, joiners, fillers, variation selectors, the
    combining grapheme joiner), case-folded, with single spaces."""
    text = without_ignorable(unicodedata.normalize("NFKC", text))
    return " ".join(without_ignorable(unicodedata.normalize("NFKC", text.casefold())).split())


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return '; did you mean 'x'?' for the choice written in another case, or a close one, or ''."""
    choices = list(choices)
    same = [choice for choice in choices if choice.casefold() == word.casefold()]
    close = same or difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def valid_date(text: str) -> bool:
    """Tell whether text is YYYY, YYYY-MM or YYYY-MM-DD with a real month and day."""
    match = DATE_PATTERN.fullmatch(text)
    if not match:
        return False
    try:
        date = PartialDate.parse(text)
        if date.month is not None and not 1 <= date.month <= 12:
            return False
        return date.day is None or 1 <= date.day <= calendar.monthrange(date.year, date.month or 1)[1]
    except ValueError:
        return False


@dataclass(frozen=True)
class Context:
    """What a practice is checked against: the registry keys."""

    themes: tuple[str, ...]
    partners: tuple[str, ...]
    #: Every name people see for a theme or partner, folded, with its key (names.py): for suggestions.
    theme_names: tuple[tuple[str, str], ...] = ()
    partner_names: tuple[tuple[str, str], ...] = ()


@dataclass
class Checker:
    """Checks one mapping (a practice's front matter, a registry entry) and collects its problems."""

    source: Source
    problems: list[Problem] = field(default_factory=list)

    def report(self, path: Path, message: str, *, line: int | None = None, warning: bool = False) -> None:
        """Record a problem at the line of `path` (or `line`), named by its top-level field."""
        where = self.source.line(*path) if line is None else line
        self.problems.append(Problem(self.source.path, where, str(path[0]), message, warning))

    def text(self, path: Path, value: Any, hint: str, min_len: int = 1, max_len: int = 200) -> str | None:
        """Return trimmed text of min_len–max_len characters on one or more lines, or report why not."""
        if not isinstance(value, str):
            self.report(path, colon_in(path, value) or f"expected text, got {describe(value)} ({hint})")
            return None
        hidden = first_refused(value)
        if hidden is not None:
            kind = "control" if unicodedata.category(hidden) == "Cc" else "invisible"
            self.report(path, f"contains the {kind} character {character_name(hidden)} (delete it)")
            return None
        text = " ".join(value.split())
        if not text:
            self.report(path, f"is empty ({hint})")
            return None
        if not visible(text):
            self.report(path, f"shows nothing: it holds only invisible characters such as "
                              f"{character_name(text[0])} ({hint})")
            return None
        if not min_len <= len(text) <= max_len:
            self.report(path, f"is {len(text)} characters long, expected {min_len}–{max_len} ({hint})")
            return None
        return text

    def key(self, path: Path, value: Any, choices: tuple[str, ...], what: str, hint: str,
            names: tuple[tuple[str, str], ...] = ()) -> str | None:
        """Return value if it is one of `choices`, or report it with a suggestion (from `names` too)."""
        if isinstance(value, list):
            self.report(path, f"expected one {what} key, got a list ({hint})")
            return None
        if not isinstance(value, str) or value not in choices:
            shown = quote(value)
            named = suggestion(value, names) if isinstance(value, str) and names else None
            hint_text = f"; did you mean '{named}'?" if named else did_you_mean(str(value), choices)
            self.report(path, f"{shown} is not a known {what} (use one of: {', '.join(sorted(choices))}"
                              f"{hint_text})")
            return None
        return value

    def date(self, path: Path, value: Any, hint: str, *, full: bool = False) -> PartialDate | None:
        """Return a PartialDate from YYYY, YYYY-MM or YYYY-MM-DD (text or a bare year), or report why not."""
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(text, str) or not valid_date(text) or (full and len(text) != 10):
            shown = quote(text if isinstance(text, str) else value)
            self.report(path, f"{shown} is not a valid date (write {hint})")
            return None
        date = PartialDate.parse(text)
        if not FIRST_YEAR <= date.year <= LAST_YEAR:
            self.report(path, f"'{text}' is not between {FIRST_YEAR} and {LAST_YEAR} "
                              f"(write the real date, {hint})")
            return None
        return date

    def unknown(self, path: Path, key: str, known: Iterable[str]) -> None:
        """Report a key that the contract does not know."""
        known = list(known)
        hint = FORBIDDEN_HINTS.get(key) if len(path) == 1 else None
        suggestion = did_you_mean(key, known).lstrip("; ")
        fix = hint or suggestion or f"remove it; known fields: {', '.join(known)}"
        self.report(path, f"unknown field ({fix})")

    def mapping(self, path: Path, value: Any, known: Iterable[str] | None, hint: str) -> dict[str, Any] | None:
        """Return value if it is a mapping (with only `known` keys, if given: the others are reported)."""
        if not isinstance(value, dict):
            self.report(path, f"expected a mapping, got {describe(value)} ({hint})")
            return None
        if known is not None:
            known = list(known)
            for key in value:
                if key not in known:
                    self.unknown((*path, key), key, known)
        return value

    def items(self, path: Path, value: Any, hint: str) -> list[Any] | None:
        """Return value if it is a YAML list, else report (a comma-separated string gets its own advice)."""
        if isinstance(value, list):
            return value
        extra = "; write a YAML list, not a comma-separated text" if isinstance(value, str) else ""
        self.report(path, f"expected a list, got {describe(value)} ({hint}{extra})")
        return None
