"""Check each front-matter field against its kind in the schema; return the clean value or report why not."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from .checker import Checker, Context, Path, did_you_mean, folded, quote
from .countries import COUNTRIES, code_for
from .model import Contact, Link, Transfer
from .schema import EMAIL_PATTERN, FIELDS_BY_NAME, ID_PATTERN, MAX_AMOUNT, STAGES, STATUSES, Field


def _distinct(checker: Checker, path: Path, values: list[Any], clean: Callable[[Path, Any], str | None]
              ) -> tuple[str, ...]:
    """Clean each list item and report repeats (ignoring case, width and invisible characters)."""
    seen: dict[str, int] = {}
    result: list[str] = []
    for index, value in enumerate(values):
        item = clean((*path, index), value)
        if item is None:
            continue
        key = folded(item)
        if key in seen:
            checker.report((*path, index), f"'{item}' is listed twice (keep one)")
            continue
        seen[key] = index
        result.append(item)
    return tuple(result)


def _url(checker: Checker, path: Path, value: Any) -> str | None:
    url = checker.text(path, value, "an http(s) URL such as https://example.org/page", max_len=2000)
    if url is None:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed '[' in the host
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        checker.report(path, f"'{url}' is not an http(s) URL (write a full address starting with https://)")
        return None
    return url


def check_field(checker: Checker, spec: Field, value: Any, ctx: Context, practice_id: str, partner: Any
                 ) -> Any:
    """Return the clean value of one field, reporting what is wrong with it."""
    path: Path = (spec.name,)
    hint = spec.hint
    kind = spec.kind
    if kind == "text":
        return checker.text(path, value, hint, spec.min_len, spec.max_len)
    if kind in ("theme", "partner"):
        return checker.key(path, value, ctx.themes if kind == "theme" else ctx.partners, kind, hint,
                           ctx.theme_names if kind == "theme" else ctx.partner_names)
    if kind == "country":
        if not isinstance(value, str) or value not in COUNTRIES:
            shown = quote(value)
            code = code_for(value) if isinstance(value, str) else None
            fix = f"; did you mean '{code}'?" if code else ""
            return checker.report(path, f"{shown} is not an ISO 3166-1 alpha-2 country code ({hint}{fix})")
        return value
    if kind == "date":
        return checker.date(path, value, hint, full=spec.name == "updated")
    if kind == "end":
        return "ongoing" if value == "ongoing" else checker.date(path, value, hint)
    if kind == "status":
        return checker.key(path, value, STATUSES, "status", hint)
    if kind in ("amount", "number"):
        return _amount(checker, path, value, hint, "the amount in euros" if kind == "amount" else "a number")
    if kind == "url":
        return _url(checker, path, value)
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


def _amount(checker: Checker, path: Path, value: Any, hint: str, what: str) -> int | float | None:
    """Return a finite number from 0 to below MAX_AMOUNT, or report why not (.inf and .nan are not numbers)."""
    if isinstance(value, float) and not math.isfinite(value):
        return checker.report(path, f"{value} is not a finite number ({hint})")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        return checker.report(path, f"{quote(value)} is not a number ≥ 0 ({hint})")
    if value >= MAX_AMOUNT:
        return checker.report(path, f"is too large (write {what}, below {MAX_AMOUNT:,})")
    return abs(value)  # -0.0 becomes 0.0


def _own_id(checker: Checker, path: Path, value: Any, practice_id: str) -> str | None:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
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
            checker.key(path, key, ctx.partners, "partner", hint, ctx.partner_names)
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
