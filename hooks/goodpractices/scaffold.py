"""Make a new practice file from values (the scaffolder's and the issue form's), check it with the validator, and
write it without overwriting anything; also the commented template that contributors download."""

from __future__ import annotations

import dataclasses
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import catalog
from .load import RESERVED_IDS, read_registry
from .model import Partner, Theme
from .problems import Problem
from .registry import build_partners, build_themes
from .fieldguide import plain_rule
from .schema import FIELDS, SECTIONS
from .yamlwrite import block

#: Letters that Unicode does not decompose into ASCII ones.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                          "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "ð": "d", "ı": "i"})
ID_MAX = 60
#: Where the site offers the template for download (a .txt file: a .md file would become a page).
TEMPLATE_FILE = "practice-template.txt"

#: What each recommended section asks for, in the template and the scaffolded file.
SECTION_PROMPTS: dict[str, str] = {
    "Description": "what the practice is, who runs it, for whom, and how it works.",
    "Resources needed": "the budget, staff and other resources it takes.",
    "Evidence of success": "the results so far, with figures where you have them.",
    "Difficulties encountered": "what was hard, and how it was handled.",
    "Potential for learning or transfer": "why other regions could learn from it, and what they would need.",
}
assert tuple(SECTION_PROMPTS) == SECTIONS


#: The downloadable template's values for the required fields: samples to replace, which a proposal may not keep
#: (the theme and the partner are no keys, so that a template saved unchanged is refused everywhere).
SAMPLES: dict[str, str] = {
    "title": "Replace this title: the practice's name in a few words",
    "theme": "choose one theme key from the list above",
    "partner": "choose one partner key from the list above",
    "summary": "Replace this summary: what the practice does, for whom, and why other regions may want to learn "
               "from it, in one plain paragraph.",
}


def placeholder(section: str) -> str:
    """Return the sentence that stands in a section until its text is written (the report finds it)."""
    return f"Replace this paragraph: {SECTION_PROMPTS[section]}"


def amount(text: str) -> int | float | str:
    """Read a budget typed as digits (with an optional decimal point); anything else stays text, for the validator
    to explain (a typed '900 000' or '1,5' is not guessed at)."""
    plain = text.strip()
    if re.fullmatch(r"[0-9]+", plain):
        return int(plain)
    return float(plain) if re.fullmatch(r"[0-9]*\.[0-9]+", plain) else plain


def practice_id(title: str) -> str:
    """Return the id (file name) a title gives: ASCII, lowercase, words joined by hyphens, at most ID_MAX long."""
    ascii_text = unicodedata.normalize("NFKD", title.translate(_LETTERS)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        if result and len(result) + 1 + len(word) > ID_MAX:
            break
        result = f"{result}-{word}" if result else word[:ID_MAX]
    result = result or "practice"
    return f"{result}-practice" if result in RESERVED_IDS else result


def practice_text(values: dict[str, Any], sections: dict[str, str]) -> str:
    """Return a practice file: front matter in the schema's field order (unknown names after them, for the
    validator to name), then the given sections under their `##` headings."""
    order = [f.name for f in FIELDS]
    ordered = {name: values[name] for name in order if values.get(name) not in (None, "", [], {})}
    ordered |= {name: value for name, value in values.items() if name not in order}
    body = "".join(f"\n## {title}\n\n{text.strip()}\n" for title, text in sections.items() if text.strip())
    return f"---\n{block(ordered)}\n---\n{body}"


#: The Contributing page's words for a field, where the template says it otherwise (its lists are below the line).
_TEMPLATE_RULES = {
    "theme": "The key of the one theme the practice belongs to, from the list below.",
    "partner": "The key of the partner that presents the practice, from the list below.",
    "transferability": "The partners that took the practice up, each by its key, with the furthest stage it "
                       "reached: interested, assessed, in-action-plan or implemented (a partner cannot list itself).",
    "keywords": "A few words or short phrases that help people find the practice, up to 40 characters each.",
    "inspired_by": "Other practices of this site that inspired this one, by the last part of their page address.",
}


def template_text(themes: Sequence[Theme], partners: Sequence[Partner]) -> str:
    """Return the downloadable template: every field with its rule as a comment, the optional ones commented out."""
    lines = ["---", "# A new good practice. Save this file as practices/<id>.md, where <id> is the title in",
             "# lowercase words joined by hyphens. Lines starting with # are comments: keep or delete them.",
             "# Fill in the required fields; for an optional field, remove the # in front of its line."]
    choices = {"theme": [f"{t.key} ({t.title})" for t in themes],
               "partner": [f"{p.key} ({p.short_name})" for p in partners]}
    for field in FIELDS:
        lines.append("")
        rule = _TEMPLATE_RULES.get(field.name) or plain_rule(field)
        lines.append(f"# {field.name} ({'required' if field.required else 'optional'}): {rule}")
        lines += [f"#   {choice}" for choice in choices.get(field.name, ())]
        example = block({field.name: SAMPLES.get(field.name, field.example)})
        lines += example.split("\n") if field.required else [f"# {line}" for line in example.split("\n")]
    lines.append("---")
    body = "".join(f"\n## {section}\n\n{placeholder(section)}\n" for section in SECTIONS)
    return "\n".join(lines) + "\n" + body


def registries(folder: Path) -> tuple[tuple[Theme, ...], tuple[Partner, ...], list[Problem]]:
    """Read and check themes.yml and partners.yml only (not the practices)."""
    found: list[Any] = []
    problems: list[Problem] = []
    for name, build in (("themes.yml", build_themes), ("partners.yml", build_partners)):
        shown = catalog.shown_path(folder / name, folder.parent)
        doc, more = read_registry(folder / name, shown)
        problems += more
        entries, more = build(doc, shown) if doc else ((), [])
        problems += more
        found.append(entries)
    return found[0], found[1], problems


def check_new(folder: Path, practice_id: str, text: str) -> list[Problem]:
    """Check a new practice as the validator would once it is in `folder`, against the practices already there;
    return its problems (and the registries'), named by the path it will have."""
    target = catalog.shown_path(folder / f"{practice_id}.md", folder.parent)
    with tempfile.TemporaryDirectory() as scratch:
        candidate = Path(scratch) / f"{practice_id}.md"
        candidate.write_text(text, encoding="utf-8")
        shown = catalog.shown_path(candidate, folder.parent)
        result = catalog.build(folder, extra=[candidate])
    registries_shown = {catalog.shown_path(folder / name, folder.parent) for name in catalog.REGISTRIES}
    return [dataclasses.replace(p, path=target) if p.path == shown else p
            for p in result.problems if p.path in {shown} | registries_shown]


def exists_problem(folder: Path, practice_id: str) -> Problem | None:
    """Return a problem if practices/<id>.md already exists: a new practice never overwrites one."""
    path = folder / f"{practice_id}.md"
    if not path.exists() and not path.is_symlink():
        return None
    shown = catalog.shown_path(path, folder.parent)
    return Problem(shown, 1, "title", f"gives the id '{practice_id}', and {shown} already exists "
                                      "(choose another title, or edit that file)")


def write_new(folder: Path, practice_id: str, text: str) -> Path:
    """Write practices/<id>.md; FileExistsError if it exists (never overwrites, even if one appeared meanwhile)."""
    path = folder / f"{practice_id}.md"
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)
    return path
