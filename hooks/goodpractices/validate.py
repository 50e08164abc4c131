"""Check front matter against the schema and the registries; report every problem, keep the clean values."""

from __future__ import annotations

import calendar
import difflib
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .countries import COUNTRIES
from .load import Source
from .model import Contact, Link, PartialDate, Transfer
from .problems import Problem
from .schema import (
    DATE_PATTERN, EMAIL_PATTERN, FIELDS, FIELDS_BY_NAME, FORBIDDEN_HINTS, GENERATED_SECTIONS, ID_PATTERN, SECTIONS,
    STAGES, STATUSES, Field,
)

Path = tuple[str | int, ...]


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


def quote(value: Any) -> str:
    """Show a value in a message: text in quotes, anything else by its type."""
    return f"'{value}'" if isinstance(value, str) else describe(value)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return '; did you mean 'x'?' for a close choice, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def valid_date(text: str) -> bool:
    """Tell whether text is YYYY, YYYY-MM or YYYY-MM-DD with a real month and day."""
    match = DATE_PATTERN.match(text)
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
            self.report(path, f"expected text, got {describe(value)} ({hint})")
            return None
        text = " ".join(value.split())
        if not text:
            self.report(path, f"is empty ({hint})")
            return None
        if not min_len <= len(text) <= max_len:
            self.report(path, f"is {len(text)} characters long, expected {min_len}–{max_len} ({hint})")
            return None
        return text

    def key(self, path: Path, value: Any, choices: tuple[str, ...], what: str, hint: str) -> str | None:
        """Return value if it is one of `choices`, or report it with a suggestion."""
        if isinstance(value, list):
            self.report(path, f"expected one {what} key, got a list ({hint})")
            return None
        if not isinstance(value, str) or value not in choices:
            shown = quote(value)
            self.report(path, f"{shown} is not a known {what} (use one of: {', '.join(sorted(choices))}"
                              f"{did_you_mean(str(value), choices)})")
            return None
        return value

    def date(self, path: Path, value: Any, hint: str, *, full: bool = False) -> PartialDate | None:
        """Return a PartialDate from YYYY, YYYY-MM or YYYY-MM-DD (text or a bare year), or report why not."""
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(text, str) or not valid_date(text) or (full and len(text) != 10):
            shown = quote(text if isinstance(text, str) else value)
            self.report(path, f"{shown} is not a valid date (write {hint})")
            return None
        return PartialDate.parse(text)

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


def _distinct(checker: Checker, path: Path, values: list[Any], clean: Callable[[Path, Any], str | None]
              ) -> tuple[str, ...]:
    """Clean each list item and report repeats (case-insensitive)."""
    seen: dict[str, int] = {}
    result: list[str] = []
    for index, value in enumerate(values):
        item = clean((*path, index), value)
        if item is None:
            continue
        folded = item.casefold()
        if folded in seen:
            checker.report((*path, index), f"'{item}' is listed twice (keep one)")
            continue
        seen[folded] = index
        result.append(item)
    return tuple(result)


def _url(checker: Checker, path: Path, value: Any) -> str | None:
    url = checker.text(path, value, "an http(s) URL such as https://example.org/page", max_len=2000)
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        checker.report(path, f"'{url}' is not an http(s) URL (write a full address starting with https://)")
        return None
    return url


def _check_field(checker: Checker, spec: Field, value: Any, ctx: Context, practice_id: str, partner: Any
                 ) -> Any:
    """Return the clean value of one field, reporting what is wrong with it."""
    path: Path = (spec.name,)
    hint = spec.hint
    kind = spec.kind
    if kind == "text":
        return checker.text(path, value, hint, spec.min_len, spec.max_len)
    if kind in ("theme", "partner"):
        return checker.key(path, value, ctx.themes if kind == "theme" else ctx.partners, kind, hint)
    if kind == "country":
        if not isinstance(value, str) or value not in COUNTRIES:
            shown = quote(value)
            return checker.report(path, f"{shown} is not an ISO 3166-1 alpha-2 country code ({hint})")
        return value
    if kind == "date":
        return checker.date(path, value, hint, full=spec.name == "updated")
    if kind == "end":
        return "ongoing" if value == "ongoing" else checker.date(path, value, hint)
    if kind == "status":
        return checker.key(path, value, STATUSES, "status", hint)
    if kind == "amount":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value < 0:
            shown = quote(value)
            return checker.report(path, f"{shown} is not a number ≥ 0 ({hint})")
        return value
    if kind == "keywords":
        values = checker.items(path, value, hint)
        return None if values is None else _distinct(
            checker, path, values, lambda p, v: checker.text(p, v, "a short keyword", max_len=spec.max_len))
    if kind == "ids":
        values = checker.items(path, value, hint)
        return None if values is None else _distinct(checker, path, values, lambda p, v: _own_id(checker, p, v,
                                                                                                   practice_id))
    if kind == "transferability":
        return _transferability(checker, value, ctx, practice_id, partner)
    if kind == "contact":
        return _contact(checker, value)
    return _links(checker, value)


def _own_id(checker: Checker, path: Path, value: Any, practice_id: str) -> str | None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        shown = quote(value)
        checker.report(path, f"{shown} is not a practice id (write the file name without .md)")
        return None
    if value == practice_id:
        checker.report(path, "a practice cannot be inspired by itself (remove it)")
        return None
    return value


def _transferability(checker: Checker, value: Any, ctx: Context, practice_id: str, partner: Any
                     ) -> tuple[Transfer, ...] | None:
    hint = FIELDS_BY_NAME["transferability"].hint
    entries = checker.mapping(("transferability",), value, None, hint)
    if entries is None:
        return None
    stages = ", ".join(STAGES)
    transfers = []
    for key, entry in entries.items():
        path: Path = ("transferability", key)
        if key not in ctx.partners:
            checker.key(path, key, ctx.partners, "partner", hint)
            continue
        if key == partner:
            checker.report(path, f"'{key}' presents this practice and cannot take it up (remove the entry)")
            continue
        note = None
        if isinstance(entry, dict):
            fields = checker.mapping(path, entry, ("stage", "note"), f"a map {{stage, note}}; stages: {stages}")
            if fields is None or "stage" not in fields:
                checker.report(path, f"has no stage (add stage: one of {stages})")
                continue
            if "note" in fields:
                note = checker.text((*path, "note"), fields["note"], "a short plain-text note", max_len=500)
            entry, path = fields["stage"], (*path, "stage")
        if entry not in STAGES:
            shown = quote(entry)
            checker.report(path, f"{shown} is not a stage (use one of: {stages}"
                                 f"{did_you_mean(str(entry), STAGES)})")
            continue
        transfers.append(Transfer(practice_id, key, entry, note))
    return tuple(transfers)


def _contact(checker: Checker, value: Any) -> Contact | None:
    fields = checker.mapping(("contact",), value, ("name", "organisation", "email"), FIELDS_BY_NAME["contact"].hint)
    if fields is None:
        return None
    if "name" not in fields:
        checker.report(("contact",), "has no name (add name: the contact person's name)")
        return None
    name = checker.text(("contact", "name"), fields["name"], "the contact person's name")
    organisation = email = None
    if "organisation" in fields:
        organisation = checker.text(("contact", "organisation"), fields["organisation"], "the organisation's name")
    if "email" in fields:
        email = checker.text(("contact", "email"), fields["email"], "an e-mail address")
        if email is not None and not EMAIL_PATTERN.match(email):
            checker.report(("contact", "email"), f"'{email}' is not an e-mail address (write name@example.org)")
            email = None
    return None if name is None else Contact(name, organisation, email)


def _links(checker: Checker, value: Any) -> tuple[Link, ...] | None:
    hint = FIELDS_BY_NAME["links"].hint
    items = checker.items(("links",), value, hint)
    if items is None:
        return None
    links = []
    for index, item in enumerate(items):
        path: Path = ("links", index)
        fields = checker.mapping(path, item, ("title", "url"), "a map {title, url}")
        if fields is None:
            continue
        missing = [key for key in ("title", "url") if key not in fields]
        if missing:
            checker.report(path, f"has no {' or '.join(missing)} (give each link a title and a url)")
            continue
        title = checker.text((*path, "title"), fields["title"], "the link's text")
        url = _url(checker, (*path, "url"), fields["url"])
        if title and url:
            links.append(Link(title, url))
    return tuple(links)


_UNSAFE_TAG = re.compile(
    r"<\s*/?\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|"
    r"link|meta|base|svg|math|template|noscript)\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-z][^>]*?[\s/\"']on[a-z]+\s*=", re.IGNORECASE)
_BAD_URL = re.compile(r"(?:href|src|action|formaction|xlink:href|poster|background)=[\"']?(?:javascript|vbscript|data):"
                      r"|\]\(<?(?:javascript|vbscript|data):|^\[[^\]]+\]:<?(?:javascript|vbscript|data):", re.IGNORECASE)
_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(?:https?:)?//|<img\b[^>]*\ssrc\s*=\s*[\"']?\s*(?:https?:)?//",
                           re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
#: 'script:' or 'data:' written backwards, invisible characters allowed between the letters (where a _BAD_URL
#: match must be). Backwards, the pattern starts with ':', which the regex engine finds fast.
_SCHEME_BACKWARDS = re.compile(
    "|".join(r"[\x00-\x20\x7f]*".join(word[::-1]) for word in ("script:", "data:")), re.IGNORECASE)


def _may_hold_unsafe_html(body: str) -> bool:
    """Tell whether any line of the body could fail check_html, looking at the whole text at once.

    Each test accepts whatever a line's test would (patterns may also match across lines), so a body that
    passes here needs no line-by-line look."""
    plain = html.unescape(body)
    return bool(_UNSAFE_TAG.search(body) or _HANDLER.search(body) or _SCHEME_BACKWARDS.search(plain[::-1])
                or ("![" in plain or "<" in plain) and _REMOTE_IMAGE.search(plain))


def check_html(checker: Checker, body: str, line: int) -> None:
    """Refuse raw HTML that can carry script, script URLs (even entity-encoded) and remote images."""
    if not _may_hold_unsafe_html(body):
        return
    for number, text in enumerate(body.split("\n"), start=line):
        if "<" not in text and ":" not in text and "&" not in text:
            continue
        plain = html.unescape(text)  # entities hide nothing from URL checks; in text they stay text
        tag = _UNSAFE_TAG.search(text)
        if tag:
            checker.report(("body",), f"has a <{tag.group(1).lower()}> tag (remove it: practice pages carry no "
                                      "scripts, styles, frames or forms)", line=number)
        if _HANDLER.search(text):
            checker.report(("body",), "has an HTML event-handler attribute such as onclick (remove it)", line=number)
        if _BAD_URL.search(_INVISIBLE.sub("", plain)):
            checker.report(("body",), "has a javascript:, vbscript: or data: link (use an http(s) address)",
                           line=number)
        if _REMOTE_IMAGE.search(plain):
            checker.report(("body",), "shows an image from another server (readers' browsers would call it; "
                                      "describe it in words or link to it instead)", line=number)


MAX_BRACKETS = 250
MAX_DEPTH = 10
_QUOTES = re.compile(r"^\s*((?:>\s*)+)")
#: A line nested deeper than MAX_DEPTH starts with more than MAX_DEPTH blanks or '>' (a tab is 4 columns at most).
#: Searched in "\n" + body: a pattern that starts with a newline is found faster than one at '^'.
_DEEP = re.compile(rf"\n(?:[^\S\n]|>){{{MAX_DEPTH + 1},}}")


def check_shape(checker: Checker, body: str, line: int) -> None:
    """Refuse Markdown that would make the renderer crawl or recurse: bracket storms and very deep nesting."""
    if body.count("[") <= MAX_BRACKETS and not _DEEP.search("\n" + body):
        return  # the common case, decided without looking at each line
    start, brackets = line, 0
    for number, text in enumerate(body.split("\n"), start=line):
        if not text.strip():
            start, brackets = number + 1, 0
            continue
        brackets += text.count("[")
        if brackets > MAX_BRACKETS:
            checker.report(("body",), f"has more than {MAX_BRACKETS} '[' in one paragraph (split it, or write "
                                      "brackets as \\[)", line=start)
            start, brackets = number + 1, -len(body)
        indent = len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip(" "))
        quotes = _QUOTES.match(text)
        depth = max(indent // 4, quotes.group(1).count(">") if quotes else 0)
        if depth > MAX_DEPTH:
            checker.report(("body",), f"nests lists or quotes {depth} levels deep (keep it to {MAX_DEPTH})",
                           line=number)
            return


_HEADING = re.compile(r"\n(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)  # in "\n" + text, like _DEEP
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


_GENERATED = {heading.casefold(): name for heading, name in GENERATED_SECTIONS.values()}


def check_body(checker: Checker, body: str, line: int) -> None:
    """Require a body; warn for each missing recommended section; refuse a level-1 heading and the sections
    that the page makes itself."""
    if not body.strip():
        checker.report(("body",), "is empty (write the practice in Markdown below the front matter)", line=line)
        return
    fenced = "```" in body or "~~~" in body
    prose = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), body) if fenced else body
    check_html(checker, prose, line)
    check_shape(checker, body, line)
    headings = {}
    for match in _HEADING.finditer("\n" + prose):
        level, title = len(match.group(1)), html.unescape(match.group(2)).strip()
        where = line + prose.count("\n", 0, match.start())
        if level == 1:
            checker.report(("body",), f"has a level-1 heading '{title}' (the title comes from the front matter; "
                                      f"use '##' for sections)", line=where)
        elif title.casefold() in _GENERATED:
            checker.report(("body",), f"has a '{title}' section, which the page makes from the front matter "
                                      f"(use the {_GENERATED[title.casefold()]} field, or name the section otherwise)",
                           line=where)
        headings.setdefault(title.casefold(), where)
    for section in SECTIONS:
        if section.casefold() not in headings:
            checker.report(("body",), f"has no '## {section}' section (recommended by the Interreg Europe "
                                      f"good-practice template)", line=line, warning=True)


def check_practice(source: Source, ctx: Context) -> tuple[dict[str, Any], list[Problem]]:
    """Check one practice's front matter and body; return the clean values and the problems."""
    checker = Checker(source)
    data = source.data
    for key in data:
        if key not in FIELDS_BY_NAME:
            checker.unknown((key,), key, FIELDS_BY_NAME)
    clean: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.name in source.refused:
            continue
        if spec.name not in data:
            if spec.required:
                checker.report((spec.name,), f"missing (add {spec.name}: {spec.hint})", line=1)
            continue
        clean[spec.name] = _check_field(checker, spec, data[spec.name], ctx, source.id, data.get("partner"))
    start, end = clean.get("start"), clean.get("end")
    if isinstance(start, PartialDate) and isinstance(end, PartialDate) and end.last_day() < start.first_day():
        checker.report(("end",), f"{end.iso()} is before start {start.iso()} (correct start or end)")
    check_body(checker, source.body, source.body_line)
    return clean, checker.problems


def check_links_between(practices: list[tuple[Source, dict[str, Any]]]) -> list[Problem]:
    """Check what spans files: unique titles and `inspired_by` ids that exist."""
    problems: list[Problem] = []
    ids = {source.id for source, _ in practices}
    titles: dict[str, str] = {}
    for source, clean in practices:
        title = clean.get("title")
        if title:
            other = titles.setdefault(title.casefold(), source.path)
            if other != source.path:
                problems.append(Problem(source.path, source.line("title"), "title",
                                        f"'{title}' is already the title of {other} (give each practice its own title)"))
        for index, target in enumerate(clean.get("inspired_by") or ()):
            if target not in ids:
                problems.append(Problem(source.path, source.line("inspired_by", index), "inspired_by",
                                        f"'{target}' is not a practice (use the id of an existing practice"
                                        f"{did_you_mean(target, ids)})"))
    return problems
