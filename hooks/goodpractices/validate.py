"""Check one practice (fields, then body) and what spans files; report every problem, keep the clean values."""

from __future__ import annotations

from typing import Any

from .body_checks import check_body
from .checker import Checker, Context, did_you_mean, folded
from .fields import check_field
from .load import Source
from .model import PartialDate
from .problems import Problem
from .schema import FIELDS, FIELDS_BY_NAME

__all__ = ["Context", "check_practice", "check_links_between"]

#: Unknown fields reported one by one; past this, one line says how many more there are.
MAX_UNKNOWN = 20


def check_practice(source: Source, ctx: Context) -> tuple[dict[str, Any], list[Problem]]:
    """Check one practice's front matter and body; return the clean values and the problems."""
    checker = Checker(source)
    data = source.data
    unknown = [key for key in data if key not in FIELDS_BY_NAME]
    for key in unknown[:MAX_UNKNOWN]:
        checker.unknown((key,), key, FIELDS_BY_NAME)
    if len(unknown) > MAX_UNKNOWN:
        rest = unknown[MAX_UNKNOWN]
        checker.report((rest,), f"and {len(unknown) - MAX_UNKNOWN:,} more unknown fields (remove them; known fields: "
                                f"{', '.join(FIELDS_BY_NAME)})")
    clean: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.name in source.refused:
            continue
        if spec.name not in data:
            if spec.required:
                checker.report((spec.name,), f"missing (add {spec.name}: {spec.hint})", line=1)
            continue
        clean[spec.name] = check_field(checker, spec, data[spec.name], ctx, source.id, data.get("partner"))
    start, end = clean.get("start"), clean.get("end")
    if isinstance(start, PartialDate) and isinstance(end, PartialDate) and end.last_day() < start.first_day():
        checker.report(("end",), f"{end.iso()} is before start {start.iso()} (correct start or end)")
    clean["body"] = check_body(checker, source.body, source.body_line)
    return clean, checker.problems


def check_links_between(practices: list[tuple[Source, dict[str, Any]]], changed: frozenset[str] = frozenset()
                        ) -> list[Problem]:
    """Check what spans files: file names that differ by more than case, titles unique once case, width and
    invisible characters are ignored, and `inspired_by` ids that exist. A repeated title (or name) is reported on
    the file that repeats it: a `changed` one (a pull request's) rather than one already in the library."""
    problems: list[Problem] = []
    ids = {source.id for source, _ in practices}
    titles: dict[str, str] = {}
    names: dict[str, str] = {}
    for source, clean in sorted(practices, key=lambda checked: checked[0].path in changed):
        other = names.setdefault(source.path.casefold(), source.path)
        if other != source.path:
            problems.append(Problem(source.path, 1, "file name", f"differs from {other} only in case (Windows and "
                                    "macOS hold one file for both: merge them, or give one another id)"))
        title = clean.get("title")
        if title:
            other = titles.setdefault(folded(title), source.path)
            if other != source.path:
                problems.append(Problem(source.path, source.line("title"), "title",
                                        f"'{title}' is already the title of {other} (give each practice its own title)"))
        for index, target in enumerate(clean.get("inspired_by") or ()):
            if target not in ids:
                problems.append(Problem(source.path, source.line("inspired_by", index), "inspired_by",
                                        f"'{target}' is not a practice (use the id of an existing practice"
                                        f"{did_you_mean(target, ids)})"))
    return problems
