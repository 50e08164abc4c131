"""Say a problem in the issue form's words (its label, no file, line or field name), or name the form's label
beside the field in the validator's `path:line: field: ...` lines."""

from __future__ import annotations

import dataclasses
import re

from .problems import Problem
from .schema import FIELDS_BY_NAME, SECTIONS

#: Fields the form does not ask for (set when the proposal becomes a file).
NOT_IN_FORM = ("updated",)
CONSENT = "Consent"


def form_label(field: str, section: str | None = None) -> str | None:
    """Return the form's label for a problem's field ('Budget (EUR)' for budget_eur; a body problem's section),
    or None for what the form has no item for (the file, its YAML)."""
    if field == "body":
        return section if section in SECTIONS else SECTIONS[0]
    if field in SECTIONS:
        return field
    if field in FIELDS_BY_NAME and field not in NOT_IN_FORM:
        return FIELDS_BY_NAME[field].label
    return CONSENT if field == "consent" else None


def with_label(problem: Problem, section: str | None = None) -> Problem:
    """Return the problem with the form's label beside its field where the two differ, e.g.
    `budget_eur ("Budget (EUR)" in the form)`, for the validator's lines; a missing section is labelled by its
    own name, not by the section the line falls in."""
    missing = re.match(r"has no '## (.+?)' section", problem.message) if problem.field == "body" else None
    if missing and section in SECTIONS:  # labelled by the section above the line: correct it
        section = missing.group(1)
    label = form_label(problem.field, section) if problem.field != "body" or section in SECTIONS else None
    if label is None or label.casefold() == problem.field.replace("_", " ").casefold():
        return problem
    return dataclasses.replace(problem, field=f'{problem.field} ("{label}" in the form)')


def form_message(problem: Problem, section: str | None = None, helps: dict[str, str] | None = None) -> str:
    """Return `Label: what is wrong (how to fix)` in the form's words: no path, no line, no field name, and the
    form's own help (`helps`, by field) where the validator's speaks of YAML."""
    label = form_label(problem.field, section) or "The proposal"
    message = problem.message
    spec = FIELDS_BY_NAME.get(problem.field)
    help_text = (helps or {}).get(problem.field) or (spec.hint if spec else "")
    help_text = help_text[:1].lower() + help_text[1:].rstrip(".")
    missing = re.fullmatch(r"missing \(add [a-z_]+: .*\)", message, re.DOTALL)
    if missing:
        message = f"has no answer, and one is needed ({help_text})"
    elif spec is not None and spec.hint in message:
        message = message.replace(spec.hint, help_text)
    if section is not None:
        message = message.removeprefix(f"the '{section}' section ")
        # the form has a box, not a heading, and the Description must be answered
        message = message.replace(", or delete the heading and the placeholder)",
                                  ")" if section == SECTIONS[0] else ", or leave the answer empty)")
    message = re.sub(r"\(a short keyword\)$", f"({help_text})", message)
    message = re.sub(r"practices/([^\s:]+?)\.md", r"the practice '\1'", message)
    message = message.replace("; write a YAML list, not a comma-separated text", "")
    message = message.replace("(add name: the contact person's name)", "(add a line 'name: …' with the contact "
                              "person's name)")
    message = message.replace("(use the id of an existing practice", "(write the end of the page address of one of "
                              "this site's practices")
    message = message.replace("is not an ISO 3166-1 alpha-2 country code", "is not a country name or code we know")
    for name, field in FIELDS_BY_NAME.items():
        if "_" in name:
            message = re.sub(rf"\b{name}\b", f"'{field.label}'", message)
    return f"{label}: {message}"
