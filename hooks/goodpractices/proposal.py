"""What a proposal may not hold though the library would accept it: placeholders, template samples, a summary
that is not one plain paragraph; and, as warnings, what a word processor left in its text.

A proposal is a practice on its way in: a pull request's changed files (`scripts/validate.py --proposal`, which
the pull request's check runs), a converted issue form and a file `make new` writes. The library itself and
`make site` never run these checks, so an honestly incomplete practice keeps building."""

from __future__ import annotations

import re
from pathlib import Path

from .load import Source, parse_practice
from .names import fold
from .plaintext import pasted_problems, unquoted
from .problems import Problem
from .scaffold import SAMPLES, SECTION_PROMPTS
from .schema import FIELDS_BY_NAME, SECTIONS

#: The opening words of every placeholder the scaffolder and the template write.
PLACEHOLDER = re.compile(r"\breplace this (?:paragraph|title|summary|sentence|text)\b", re.IGNORECASE)
_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t#]*$")
#: Markdown (and HTML) that a summary shows as typed, as (pattern, what it is).
_MARKDOWN = (
    (re.compile(r"\*\*|__"), "bold marks ('**' or '__')"),
    (re.compile(r"(?<![\w*])\*[^\s*][^*\n]*(?<!\s)\*(?![\w*])|(?<![\w_])_[^\s_][^_\n]*(?<!\s)_(?![\w_])"),
     "emphasis marks ('*' or '_' around words)"),
    (re.compile(r"~~"), "strike-through marks ('~~')"),
    (re.compile(r"\[[^\]\n]*\]\([^)\n]*\)"), "a link written as '[text](address)'"),
    (re.compile(r"(?:^|\n)[ \t]*#{1,6}[ \t]"), "a heading ('#')"),
    (re.compile(r"(?:^|\n)[ \t]*(?:[-*+]|[0-9]+[.)])[ \t]"), "a list item"),
    (re.compile(r"(?:^|\n)[ \t]*>"), "a quotation ('>')"),
    (re.compile(r"`"), "code marks ('`')"),
    (re.compile(r"<[A-Za-z/!]"), "an HTML tag ('<')"),
)
#: What to write in place of a sample, per field.
_WRITE = {
    "title": "the practice's own title, 5–150 characters",
    "summary": "one plain paragraph of 50–800 characters: what the practice does, for whom, and why other "
               "regions may want to learn from it",
    "theme": "the key of the practice's theme, from the list above it in the template",
    "partner": "the key of the partner that presents the practice, from the list above it in the template",
}


def _write(name: str) -> str:
    return _WRITE.get(name) or FIELDS_BY_NAME[name].hint


def summary_problems(summary: str) -> list[str]:
    """Say why a summary is not one plain paragraph: paragraphs, Markdown or HTML (messages without the field)."""
    found = []
    paragraphs = [part for part in re.split(r"\n[ \t]*\n", summary.strip()) if part.strip()]
    if len(paragraphs) > 1:
        found.append(f"has {len(paragraphs)} paragraphs (write one paragraph: the summary is shown as one, on "
                     "cards and in lists; the text under Description can have more)")
    for pattern, what in _MARKDOWN:
        if pattern.search(summary):
            found.append(f"holds {what}, which the summary shows as typed (write plain text; formatting is for "
                         "the text under Description)")
            break
    return found


def section_at(text: str, line: int) -> str | None:
    """Return the `##` section of a practice file's text that holds `line` (1-based), or None above the first."""
    section = None
    for number, current in enumerate(text.split("\n")[:line], start=1):
        match = _HEADING.match(current)
        if match and number <= line:
            section = match.group(1)
    return section


def check_source(source: Source, body: str) -> list[Problem]:
    """Return the proposal's own problems: errors for samples, placeholders and the summary; warnings for what a
    word processor left in the text."""
    problems: list[Problem] = []
    for name, value in source.data.items():
        if name not in FIELDS_BY_NAME or not isinstance(value, str):
            continue
        if name in SAMPLES and fold(value) == fold(SAMPLES[name]) or PLACEHOLDER.search(value):
            problems.append(Problem(source.path, source.line(name), name, f"still holds the template's sample "
                                    f"text (write {_write(name)})"))
            continue
        if name == "summary":
            problems += [Problem(source.path, source.line(name), name, message)
                         for message in summary_problems(value)]
        spaces = [found for found in pasted_problems(value) if found.message.startswith("holds a no-break")]
        problems += [Problem(source.path, source.line(name), name, found.message, warning=True)
                     for found in spaces[:1]]  # a no-break space in a title, once per field
        if FIELDS_BY_NAME[name].kind == "text" and unquoted(value) != value.strip():
            problems.append(Problem(source.path, source.line(name), name, f"is wrapped in quotation marks "
                                    f"{value.strip()[0]}…{value.strip()[-1]}, which would be shown as part of it "
                                    "(remove them)", warning=True))
    contact = source.data.get("contact")
    sample = FIELDS_BY_NAME["contact"].example["name"]
    if isinstance(contact, dict) and isinstance(contact.get("name"), str) and fold(contact["name"]) == fold(sample):
        problems.append(Problem(source.path, source.line("contact", "name"), "contact", f"'{contact['name']}' is a "
                                "sample name (write the contact person's own name, or leave the contact out)"))
    section = None
    for number, line in enumerate(body.split("\n"), start=source.body_line):
        heading = _HEADING.match(line)
        if heading:
            section = heading.group(1)
            continue
        if PLACEHOLDER.search(line):
            prompt = SECTION_PROMPTS.get(section or "")
            what = f"write {prompt.rstrip('.')}" if prompt else "write the section's text"
            where = f"the '{section}' section" if section else "the text"
            shown = line.strip() if len(line.strip()) <= 60 else line.strip()[:59] + "…"
            problems.append(Problem(source.path, number, "body", f"{where} still holds the placeholder '{shown}' "
                                    f"({what}, or delete the heading and the placeholder)"))
    problems += [Problem(source.path, source.body_line + found.line - 1, "body", found.message, warning=True)
                 for found in pasted_problems(body)]
    return problems


#: A front-matter line whose unquoted value goes on after ' #': YAML reads the rest as a comment.
_CUT_BY_COMMENT = re.compile(r"^([ \t]*(?:- +)?)([A-Za-z_]+):[ \t]+([^\s\"'#|>\[{&*!][^#\n]*?)[ \t]+#(.*)$")


def comment_cuts(source: Source, text: str) -> list[Problem]:
    """Warn where YAML silently cut a text field's value at ' #' ('title: Cluster #1 programme' is 'Cluster'); a
    comment after a key such as a theme is left alone."""
    problems = []
    lines = text.split("\n")[:max(source.body_line - 1, 0)]
    for number, line in enumerate(lines, start=1):
        match = _CUT_BY_COMMENT.match(line)
        key = match.group(2) if match else ""
        if match and not match.group(1) and key in FIELDS_BY_NAME and FIELDS_BY_NAME[key].kind == "text":
            value, rest = match.group(3).strip(), match.group(4)
            whole = f"{value} #{rest}".strip()
            problems.append(Problem(source.path, number, key, f"'#{rest.rstrip()}' is read as a comment and left "
                                    f"out of the value (put the whole value in double quotes: {key}: "
                                    f"\"{whole}\")", warning=True))
    return problems


def check_file(path: Path, shown: str) -> list[Problem]:
    """Return a practice file's proposal problems (none if it cannot be read: the validator says why)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return []
    source, _ = parse_practice(raw, shown, path.name)
    if source is None:
        return []
    text = raw.decode("utf-8", "replace").removeprefix("\ufeff").replace("\r\n", "\n")
    return check_source(source, source.body) + comment_cuts(source, text)


def merged(library: list[Problem], proposal: list[Problem]) -> list[Problem]:
    """Return the validator's and the proposal's problems together, sorted; where the proposal names a sample on
    a line, the validator's message about the same field and line (e.g. 'not a known theme') is left out."""
    named = {(p.path, p.line, p.field) for p in proposal if not p.warning}
    return sorted([p for p in library if (p.path, p.line, p.field) not in named] + proposal)


assert set(SECTION_PROMPTS) == set(SECTIONS)
