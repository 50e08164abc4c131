"""The GitHub issue form for proposing a practice, generated from the schema and the registries, and the reading
of a submitted form's body (GitHub's `### Label` sections) back into front-matter values and sections."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from .model import Partner, Theme
from .problems import Problem
from .scaffold import SECTION_PROMPTS, amount
from .schema import FIELDS, SECTIONS, STAGES, STATUSES, Field

FORM_PATH = ".github/ISSUE_TEMPLATE/new-practice.yml"
LABEL = "new practice"  # the label the form sets; a maintainer adds ACCEPTED to convert the proposal
ACCEPTED = "practice-accepted"
NO_RESPONSE = "_No response_"
#: Set when the proposal becomes a file, not by the proposer.
NOT_IN_FORM = ("updated",)
CONSENT_ID = "consent"
CONSENT = ("I am allowed to share this text, and I agree that it is published on the good-practices site "
           "and in its PDF under the site's licence.")

#: Help for the fields whose validator hint speaks of files and keys.
FORM_HELP: dict[str, str] = {
    "theme": "The one theme the practice belongs to.",
    "partner": "The project partner that presents the practice.",
    "country": "Where the practice runs, as a two-letter code such as AT or RO; leave empty for the partner's country.",
    "status": "Whether the practice is planned, running or completed.",
}

#: How list-like fields are written in a text area: one entry per line.
LINE_FORMATS: dict[str, str] = {
    "keywords": "One keyword per line.",
    "ids": "One practice id per line (the file name without .md, as in the page address).",
    "transferability": "The partners that took the practice up: one per line, as `partner-key: stage` (the keys "
                       "are in brackets in the Partner list), optionally followed by ` | a short note`. "
                       f"Stages: {', '.join(STAGES)}.",
    "contact": "Up to three lines: `name: …`, `organisation: …`, `email: …` (the name is needed).",
    "links": "One link per line, as `Text of the link | https://address`.",
}


def section_id(section: str) -> str:
    """Return a section's form id, e.g. 'resources-needed'."""
    return re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")


def theme_option(theme: Theme) -> str:
    return f"{theme.title} ({theme.key})"


def partner_option(partner: Partner) -> str:
    return f"{partner.short_name}, {partner.country} ({partner.key})"


def _item(spec: Field, themes: Sequence[Theme], partners: Sequence[Partner]) -> dict[str, Any]:
    """Return the form item of one front-matter field: its id is the field's name."""
    help_text = FORM_HELP.get(spec.name) or spec.hint[0].upper() + spec.hint[1:] + "."
    attributes: dict[str, Any] = {"label": spec.label, "description": help_text}
    if spec.kind in ("theme", "partner", "status"):
        options = ([theme_option(t) for t in themes] if spec.kind == "theme" else
                   [partner_option(p) for p in partners] if spec.kind == "partner" else list(STATUSES))
        item: dict[str, Any] = {"type": "dropdown", "id": spec.name, "attributes": {**attributes, "options": options}}
    elif spec.kind in LINE_FORMATS or spec.max_len > 200:
        attributes["description"] = LINE_FORMATS.get(spec.kind, attributes["description"])
        item = {"type": "textarea", "id": spec.name, "attributes": attributes}
    else:
        item = {"type": "input", "id": spec.name, "attributes": attributes}
    if spec.example is not None and item["type"] != "dropdown":
        example = spec.example
        if spec.kind in LINE_FORMATS:
            example = _example_lines(spec.kind, example)
        item["attributes"]["placeholder"] = str(example)
    item["validations"] = {"required": spec.required}
    return item


def _example_lines(kind: str, example: Any) -> str:
    if kind == "transferability":
        return "\n".join(f"{k}: {v}" for k, v in example.items())
    if kind == "contact":
        return "\n".join(f"{k}: {v}" for k, v in example.items())
    if kind == "links":
        return "\n".join(f"{link['title']} | {link['url']}" for link in example)
    return "\n".join(example)


def issue_form(themes: Sequence[Theme], partners: Sequence[Partner]) -> dict[str, Any]:
    """Return the issue form: an introduction, one item per field, a text area per recommended section, consent."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": (
        "Thank you for proposing a good practice. Fill in what you know: the fields marked required are needed, "
        "the others can be added later. Write plain text; no formatting is needed. A maintainer reviews the "
        "proposal and turns it into a page; you will be asked in this issue if anything is unclear.")}}]
    body += [_item(spec, themes, partners) for spec in FIELDS if spec.name not in NOT_IN_FORM]
    body += [{"type": "textarea", "id": section_id(section),
              "attributes": {"label": section, "description": f"The practice's text: {prompt}"},
              "validations": {"required": section == SECTIONS[0]}} for section, prompt in SECTION_PROMPTS.items()]
    body.append({"type": "checkboxes", "id": CONSENT_ID, "attributes": {
        "label": "Consent", "options": [{"label": CONSENT, "required": True}]}})
    return {"name": "Propose a good practice",
            "description": "Describe a cluster-policy good practice; no git or coding needed.",
            "title": "New practice: ", "labels": [LABEL], "body": body}


def issue_form_yaml(themes: Sequence[Theme], partners: Sequence[Partner]) -> str:
    """Return the form as the committed file holds it."""
    header = ("# Generated from hooks/goodpractices/schema.py and the registries by scripts/generate.py; "
              "do not edit.\n")
    return header + yaml.dump(issue_form(themes, partners), Dumper=yaml.SafeDumper, allow_unicode=True,
                              sort_keys=False, width=100)


@dataclass
class Proposal:
    """What a submitted form says: front-matter values, section texts, and what could not be read."""

    values: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _lines(text: str) -> list[str]:
    """Return the non-empty lines of a text area, without list bullets people may type."""
    return [re.sub(r"^[-*•]\s+", "", line.strip()) for line in text.splitlines() if line.strip()]


def _key(text: str, options: dict[str, str]) -> str:
    """Return the registry key a dropdown choice names; a typed key (or anything else) as written."""
    return options.get(text, text)


def _value(spec: Field, text: str, options: dict[str, str], report: Any) -> Any:
    """Read one field's text as the value the front matter holds; what cannot be read is kept as text for the
    validator to explain."""
    kind = spec.kind
    if kind in ("theme", "partner"):
        return _key(text, options)
    if kind == "amount":
        return amount(text)
    if kind == "keywords" or kind == "ids":
        return _lines(text)
    if kind == "transferability":
        result: dict[str, Any] = {}
        for line in _lines(text):
            entry, _, note = line.partition("|")
            partner, colon, stage = entry.partition(":")
            if not colon:
                report(spec.name, f"'{line}' is not written as 'partner-key: stage' (one partner per line)")
                continue
            stage = stage.strip()
            result[partner.strip()] = {"stage": stage, "note": note.strip()} if note.strip() else stage
        return result
    if kind == "contact":
        contact: dict[str, str] = {}
        for line in _lines(text):
            name, colon, value = line.partition(":")
            if not colon:
                report(spec.name, f"'{line}' is not written as 'name: …', 'organisation: …' or 'email: …'")
                continue
            contact[name.strip().lower()] = value.strip()
        return contact
    if kind == "links":
        links = []
        for line in _lines(text):
            title, bar, url = line.rpartition("|")
            if not bar:
                report(spec.name, f"'{line}' is not written as 'text | https://address' (one link per line)")
                continue
            links.append({"title": title.strip(), "url": url.strip()})
        return links
    return text.strip()


def read_body(body: str, shown: str, themes: Sequence[Theme], partners: Sequence[Partner]) -> Proposal:
    """Read a submitted form's body into a Proposal; problems name the body's lines.

    Only headings that are the form's own labels open a section; a label heading that occurs twice (someone
    typed it into a text area) is refused rather than guessed."""
    specs = {spec.label: spec for spec in FIELDS if spec.name not in NOT_IN_FORM}
    labels = [*specs, *SECTIONS, "Consent"]
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    proposal = Proposal()
    starts: dict[str, int] = {}
    for number, line in enumerate(lines):
        match = re.fullmatch(r"###[ \t]+(.+?)[ \t]*", line)
        label = match.group(1) if match else None
        if label in labels:
            if label in starts:
                name = specs[label].name if label in specs else section_id(label)
                proposal.problems.append(Problem(shown, number + 1, name, f"the heading '### {label}' appears "
                                                 f"twice (remove it from the text; the form uses it)"))
            starts.setdefault(label, number)
    if proposal.problems:
        return proposal
    bounds = sorted(starts.values()) + [len(lines)]
    texts = {label: "\n".join(lines[start + 1: bounds[bounds.index(start) + 1]]).strip()
             for label, start in starts.items()}
    options = {theme_option(t): t.key for t in themes} | {partner_option(p): p.key for p in partners}

    def reporter(label: str) -> Any:
        return lambda name, message: proposal.problems.append(Problem(shown, starts[label] + 1, name, message))

    for label, spec in specs.items():
        text = texts.get(label, NO_RESPONSE)
        if text and text != NO_RESPONSE:
            proposal.values[spec.name] = _value(spec, text, options, reporter(label))
    for section in SECTIONS:
        text = texts.get(section, NO_RESPONSE)
        if text and text != NO_RESPONSE:
            proposal.sections[section] = text
    consent = texts.get("Consent", "")
    if not re.search(r"^- \[[xX]\] ", consent, re.MULTILINE):
        where = starts.get("Consent", 0) + 1
        proposal.problems.append(Problem(shown, where, CONSENT_ID, "the consent box is not ticked (tick it in the "
                                                                   "issue, or ask the proposer to)"))
    return proposal

