"""The GitHub issue form for proposing a practice, generated from the schema and the registries, and the reading
of a submitted form's body (GitHub's `### Label` sections) back into front-matter values and sections."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import names
from .countries import COUNTRIES, code_for
from .model import Partner, Theme
from .plaintext import BULLETS, plain_section, plain_value, spaces
from .problems import Problem
from .proposal import summary_problems
from .scaffold import SECTION_PROMPTS, amount
from .schema import FIELDS, SECTIONS, STAGES, STATUSES, Field
from .vocabulary import NOT_IN_FORM

FORM_PATH = ".github/ISSUE_TEMPLATE/new-practice.yml"
LABEL = "new practice"  # the label the form sets; a maintainer adds ACCEPTED to convert the proposal
ACCEPTED = "practice-accepted"
NO_RESPONSE = "_No response_"
CONSENT_ID = "consent"
CONSENT = ("I am allowed to share this text, and I agree that it is published on the good-practices site "
           "and in its PDF under the site's licence.")

#: Help for the fields whose validator hint speaks of files and keys.
FORM_HELP: dict[str, str] = {
    "theme": "The one theme the practice belongs to.",
    "partner": "The project partner that presents the practice.",
    "country": "The country where the practice runs, by its name or two-letter code, such as Austria or AT; "
               "leave empty for the partner's country.",
    "budget_eur": "The budget in euros, as a number without spaces or separators, e.g. 900000.",
    "status": "Whether the practice is planned, running or completed.",
}

#: How list-like fields are written in a text area: one entry per line.
LINE_FORMATS: dict[str, str] = {
    "keywords": "One keyword per line (or separated by commas), each up to 40 characters.",
    "ids": "Practices of this site that inspired this one: one per line, by their page address or its last part "
           "(flemish-cluster-programme for …/practices/flemish-cluster-programme.html).",
    "transferability": "The partners that took the practice up: one per line, as `partner: stage`, the partner by "
                       "its name or number as the Partner list shows it (e.g. `RDA Ostrava: assessed` or `P6: "
                       "assessed`), optionally followed by ` | a short note`. "
                       f"Stages, in order: {', '.join(STAGES)}.",
    "contact": "Up to three lines: `name: …`, `organisation: …`, `email: …` (the name is needed).",
    "links": "One link per line, as `Text of the link | https://address`.",
}


#: The words people write at the start of a contact line, and the part each names.
_CONTACT_PARTS = {"name": "name", "organisation": "organisation", "organization": "organisation", "email": "email",
                  "e-mail": "email", "e mail": "email", "mail": "email"}


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


def _form_fields() -> list[Field]:
    """Return the front-matter fields the form asks for, in the schema's order (read when called: a plain field
    the schema declares is asked for too)."""
    return [spec for spec in FIELDS if spec.name not in NOT_IN_FORM and spec.listed("form")]


def issue_form(themes: Sequence[Theme], partners: Sequence[Partner]) -> dict[str, Any]:
    """Return the issue form: an introduction, one item per field, a text area per recommended section, consent."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": (
        "Thank you for proposing a good practice. Fill in what you know: the fields marked required are needed, "
        "the others can be added later. Write plain text; no formatting is needed. A maintainer reviews the "
        "proposal and turns it into a page; you will be asked in this issue if anything is unclear.")}}]
    body += [_item(spec, themes, partners) for spec in _form_fields()]
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


def help_texts() -> dict[str, str]:
    """Return each field's help as the form shows it, by field name."""
    return {spec.name: LINE_FORMATS.get(spec.kind) or FORM_HELP.get(spec.name) or spec.hint for spec in FIELDS}


def _lines(text: str) -> list[str]:
    """Return the non-empty lines of a text area, plain, without the list bullets people type or paste."""
    return [plain_value(re.sub(rf"^(?:[-*]\s+|[{BULLETS}]\s*)", "", line.strip())) for line in spaces(text).splitlines()
            if line.strip()]


@dataclass(frozen=True)
class Registries:
    """What the form's answers name: the themes and partners, and every name people see for them."""

    themes: Sequence[Theme]
    partners: Sequence[Partner]

    def key(self, kind: str, text: str) -> str:
        """Return the key a dropdown choice or a typed name stands for; anything else as written."""
        theme_names, partner_names = names.aliases(self.themes, self.partners)
        return names.key_for(text, theme_names if kind == "theme" else partner_names) or text

    def suggest(self, text: str) -> str:
        """Return '; did you mean …?' with a partner's short name, or ''."""
        key = names.suggestion(text, names.aliases((), self.partners)[1])
        partner = next((p for p in self.partners if p.key == key), None)
        return f"; did you mean '{partner.short_name}'?" if partner else ""


def _transfers(spec: Field, text: str, known: Registries, report: Any) -> dict[str, Any]:
    """Read `partner: stage | note` lines; an unknown partner and a wrong stage on one line are both reported."""
    result: dict[str, Any] = {}
    for line in _lines(text):
        entry, _, note = line.partition("|")
        partner, colon, stage_text = entry.rpartition(":")
        if not colon:
            report(spec.name, f"'{line}' is not written as 'partner: stage' (one partner per line, e.g. "
                              f"'RDA Ostrava: assessed')")
            continue
        key = known.key("partner", partner.strip())
        stage = names.stage_for(stage_text, STAGES)
        if key not in {p.key for p in known.partners}:
            report(spec.name, f"'{partner.strip()}' is not a partner of the project (write its name or number as "
                              f"the Partner list shows it{known.suggest(partner)})")
        if stage is None:
            from .checker import did_you_mean  # noqa: PLC0415 (the checker loads the validator's modules)

            report(spec.name, f"'{stage_text.strip()}' is not a stage, in '{line}' (write one of: "
                              f"{', '.join(STAGES)}{did_you_mean(stage_text.strip(), STAGES)})")
        if key in {p.key for p in known.partners} and stage is not None:
            result[key] = {"stage": stage, "note": note.strip()} if note.strip() else stage
    return result


def _value(spec: Field, text: str, known: Registries, report: Any) -> Any:
    """Read one field's text as the value the front matter holds; what cannot be read is kept as text for the
    validator to explain."""
    kind = spec.kind
    if kind in ("theme", "partner"):
        return known.key(kind, plain_value(text))
    if kind == "country":
        value = plain_value(text)
        return value if value in COUNTRIES else code_for(value) or value
    if kind in ("amount", "number"):
        return amount(plain_value(text))
    if kind == "keywords":
        words = [plain_value(word) for line in _lines(text) for word in re.split(r"[,;]", line) if word.strip()]
        for word in words:
            if len(word) > spec.max_len:
                report(spec.name, f"'{word}' has {len(word)} characters, and a keyword at most {spec.max_len} "
                                  "(one keyword per line, or separated by commas)")
        return [word for word in words if len(word) <= spec.max_len]
    if kind == "ids":
        return [re.sub(r"^.*/|\.html?$|\.md$", "", line.rstrip("/")) for line in _lines(text)]
    if kind == "transferability":
        return _transfers(spec, text, known, report)
    if kind == "contact":
        contact: dict[str, str] = {}
        for line in _lines(text):
            name, colon, value = line.partition(":")
            part = _CONTACT_PARTS.get(" ".join(name.lower().split()))
            if not colon or part is None:
                report(spec.name, f"'{line}' is not written as 'name: …', 'organisation: …' or 'email: …'")
                continue
            contact[part] = value.strip()
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
    if spec.name == "summary":
        value = plain_value(text)
        for message in summary_problems(value):
            report(spec.name, message)
        return value
    return " ".join(plain_value(text).split())


def read_body(body: str, shown: str, themes: Sequence[Theme], partners: Sequence[Partner]) -> Proposal:
    """Read a submitted form's body into a Proposal; problems name the body's lines.

    Only headings that are the form's own labels open a section; a label heading that occurs twice (someone
    typed it into a text area) is refused rather than guessed."""
    specs = {spec.label: spec for spec in _form_fields()}
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
    known = Registries(themes, partners)

    def reporter(label: str) -> Any:
        return lambda name, message: proposal.problems.append(Problem(shown, starts[label] + 1, name, message))

    for label, spec in specs.items():
        text = texts.get(label, NO_RESPONSE)
        if text and text != NO_RESPONSE:
            proposal.values[spec.name] = _value(spec, text, known, reporter(label))
    for section in SECTIONS:
        text = plain_section(texts.get(section, NO_RESPONSE))
        if text and text != NO_RESPONSE:
            proposal.sections[section] = text
    if SECTIONS[0] not in proposal.sections:
        proposal.problems.append(Problem(shown, starts.get(SECTIONS[0], 0) + 1, SECTIONS[0], "has no answer, and "
                                         f"one is needed (the practice's text: {SECTION_PROMPTS[SECTIONS[0]]})"))
    consent = texts.get("Consent", "")
    if not re.search(r"^- \[[xX]\] ", consent, re.MULTILINE):
        where = starts.get("Consent", 0) + 1
        proposal.problems.append(Problem(shown, where, CONSENT_ID, "the box is not ticked (edit the issue and tick "
                                                                   "it: without it the text cannot be published)"))
    return proposal

