"""Start a new practice file: practices/<id>.md with valid front matter and the recommended sections.

On a terminal it asks for what the flags do not give; otherwise it takes flags only and never waits for input.
The values are checked by the validator, with its messages, before anything is written; an existing file is
never overwritten."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from goodpractices import scaffold
from goodpractices.problems import count
from goodpractices.schema import FIELDS, FIELDS_BY_NAME, SECTIONS, STATUSES

ROOT = Path(__file__).resolve().parent.parent
SIMPLE = ("text", "theme", "partner", "country", "date", "end", "status", "amount")
LISTS = ("keywords", "ids")
CONTACT = ("name", "organisation", "email")
#: What a terminal session asks for, in order (the rest can be added to the file later).
ASKED = ("title", "theme", "partner", "summary", "country", "region", "institution", "start", "end", "status",
         "budget_eur", "keywords", "contact")


def flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def parser() -> argparse.ArgumentParser:
    """Return the command line: one flag per field of the schema (lists may be repeated or comma-separated)."""
    cli = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for field in FIELDS:
        help_text = f"{field.hint}{' (required)' if field.required else ''}"
        if field.kind in SIMPLE:
            cli.add_argument(flag(field.name), dest=field.name, metavar=field.name.upper(), help=help_text)
        elif field.kind in LISTS:
            cli.add_argument(flag(field.name), dest=field.name, action="append", metavar="A,B",
                             help=f"{help_text}; comma-separated or repeated")
        elif field.kind == "transferability":
            cli.add_argument(flag(field.name), dest=field.name, action="append", nargs=2,
                             metavar=("PARTNER", "STAGE"), help="a partner that took the practice up, and the stage; "
                             "repeat for each partner")
        elif field.kind == "contact":
            for part in CONTACT:
                cli.add_argument(f"--contact-{part}", dest=f"contact_{part}", metavar=part.upper(),
                                 help=f"the contact's {part}")
        elif field.kind == "links":
            cli.add_argument("--link", dest="links", action="append", nargs=2, metavar=("TITLE", "URL"),
                             help="a link's text and its http(s) address; repeat for each link")
    cli.add_argument("--practices", type=Path, default=ROOT / "practices", help="the practices folder")
    return cli


def values_from(args: argparse.Namespace) -> dict[str, Any]:
    """Return the front-matter values the flags give."""
    values: dict[str, Any] = {}
    for field in FIELDS:
        if field.kind == "contact":
            contact = {part: getattr(args, f"contact_{part}") for part in CONTACT}
            if any(contact.values()):
                values["contact"] = {k: v for k, v in contact.items() if v}
            continue
        raw = getattr(args, field.name)
        if raw is None:
            continue
        if field.kind == "amount":
            values[field.name] = scaffold.amount(raw)
        elif field.kind in LISTS:
            values[field.name] = [item.strip() for text in raw for item in text.split(",") if item.strip()]
        elif field.kind == "transferability":
            values[field.name] = {partner: stage for partner, stage in raw}
        elif field.kind == "links":
            values[field.name] = [{"title": title, "url": url} for title, url in raw]
        else:
            values[field.name] = raw
    return values


def _choose(ask: Callable[[str], str], label: str, choices: list[tuple[str, str]], required: bool) -> str | None:
    """Show a numbered list and return the key chosen by number (or typed), or None to skip."""
    print(f"{label}:")
    for number, (key, name) in enumerate(choices, start=1):
        print(f"  {number:2}. {name} ({key})" if name != key else f"  {number:2}. {key}")
    while True:
        answer = ask(f"{label} (number{'' if required else ', or Enter to skip'}): ").strip()
        if not answer.isdigit():
            return answer or None
        if 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1][0]
        print(f"Choose a number from 1 to {len(choices)}.")


def ask_missing(values: dict[str, Any], names: list[str], ask: Callable[[str], str], themes: Any, partners: Any
                ) -> None:
    """Ask on the terminal for the fields in `names` (required ones until answered; optional ones may be skipped)."""
    for name in names:
        field = FIELDS_BY_NAME[name]
        while True:
            if field.kind in ("theme", "partner", "status"):
                choices = ([(t.key, t.title) for t in themes] if field.kind == "theme" else
                           [(p.key, f"{p.name}, {p.country}") for p in partners] if field.kind == "partner" else
                           [(status, status) for status in STATUSES])
                answer: Any = _choose(ask, field.label, choices, field.required)
            elif field.kind == "contact":
                contact = {part: ask(f"Contact {part} ({'Enter to skip' if part != 'name' else 'Enter for none'}): ")
                           .strip() for part in CONTACT}
                answer = {k: v for k, v in contact.items() if v} or None
            else:
                skip = "" if field.required else ", or Enter to skip"
                hint = "separated by commas" if field.kind in LISTS else field.hint
                answer = ask(f"{field.label} ({hint}{skip}): ").strip() or None
                if answer is not None and field.kind in LISTS:
                    answer = [item.strip() for item in answer.split(",") if item.strip()]
                elif answer is not None and field.kind == "amount":
                    answer = scaffold.amount(answer)
            if answer is not None or not field.required:
                break
            print(f"{field.label} is required.")
        values.pop(name, None)
        if answer is not None:
            values[name] = answer


def main(argv: list[str] | None = None, ask: Callable[[str], str] = input) -> int:
    """Write practices/<id>.md from flags (and answers, on a terminal); print its path. Exit 0 written, 1 the
    values have problems or the file exists, 2 usage."""
    try:
        return _run(argv, ask)
    except (EOFError, KeyboardInterrupt):
        print("\nStopped; nothing was written.", file=sys.stderr)
        return 1


def _run(argv: list[str] | None, ask: Callable[[str], str]) -> int:
    cli = parser()
    args = cli.parse_args(argv)
    folder: Path = args.practices
    themes, partners, problems = scaffold.registries(folder)
    if problems:
        print("\n".join(map(str, problems)), file=sys.stderr)
        return 1
    values = values_from(args)
    values.setdefault("updated", datetime.date.today().isoformat())
    interactive = sys.stdin.isatty()
    if interactive:
        ask_missing(values, [name for name in ASKED if name not in values or FIELDS_BY_NAME[name].required
                             and not values.get(name)], ask, themes, partners)
    missing = [f for f in FIELDS if f.required and not values.get(f.name)]
    if missing:
        cli.error("missing " + ", ".join(f"{flag(f.name)} ({f.hint})" for f in missing)
                  + " (standard input is not a terminal, so nothing is asked)")
    sections = {section: scaffold.placeholder(section) for section in SECTIONS}
    while True:
        practice_id = scaffold.practice_id(str(values["title"]))
        exists = scaffold.exists_problem(folder, practice_id)
        problems = [exists] if exists else scaffold.check_new(folder, practice_id, scaffold.practice_text(values,
                                                                                                          sections))
        errors = [p for p in problems if not p.warning]
        for problem in problems:
            print(problem, file=sys.stderr)
        if not errors:
            break
        fields = sorted({p.field for p in errors if p.field in FIELDS_BY_NAME}, key=list(FIELDS_BY_NAME).index)
        if not interactive or not fields or len(fields) < len({p.field for p in errors}):
            print(f"{count(problems)}; nothing was written.", file=sys.stderr)
            return 1
        print("Please correct:", ", ".join(FIELDS_BY_NAME[name].label for name in fields), file=sys.stderr)
        ask_missing(values, fields, ask, themes, partners)
    try:
        path = scaffold.write_new(folder, practice_id, scaffold.practice_text(values, sections))
    except FileExistsError:
        print(scaffold.exists_problem(folder, practice_id), file=sys.stderr)
        return 1
    print(scaffold.catalog.shown_path(path, folder.parent))
    print("Now replace the placeholder paragraphs under each heading with the practice's text.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
