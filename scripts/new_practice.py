"""Start a new practice file: practices/<id>.md with valid front matter and the recommended sections.

On a terminal it asks for what the flags do not give, checks each answer as it is given, and offers the optional
parts (contact, links, transfers, inspired by); otherwise it takes flags only and never waits for input.
The values are checked by the validator, with its messages, before anything is written; an existing file is
never overwritten."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from goodpractices import interview, scaffold
from goodpractices.plaintext import plain_value
from goodpractices.problems import count
from goodpractices.schema import FIELDS, FIELDS_BY_NAME, SECTIONS

ROOT = Path(__file__).resolve().parent.parent
SIMPLE = ("text", "theme", "partner", "country", "date", "end", "status", "amount", "number", "url")
LISTS = ("keywords", "ids")
CONTACT = ("name", "organisation", "email")


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
        if field.kind in ("amount", "number"):
            values[field.name] = scaffold.amount(raw)
        elif field.kind in LISTS:
            values[field.name] = [plain_value(item) for text in raw for item in text.split(",") if item.strip()]
        elif field.kind == "transferability":
            values[field.name] = {partner: stage for partner, stage in raw}
        elif field.kind == "links":
            values[field.name] = [{"title": title, "url": url} for title, url in raw]
        else:
            values[field.name] = plain_value(raw)
    return values


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
    talk = interview.Interview(themes, partners, interview.existing_ids(folder), ask,
                               lambda text: print(text, file=sys.stderr))
    for name in ("theme", "partner", "country"):  # names people see ('P6', a title, 'Austria') stand for keys
        if isinstance(values.get(name), str):
            values[name] = talk.read(name, values[name])
    if interactive:
        talk.run(values, [name for name in interview.SIMPLE if name not in values
                          or FIELDS_BY_NAME[name].required and not values.get(name)])
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
        print(f"Please correct: {', '.join(FIELDS_BY_NAME[name].label for name in fields)}", file=sys.stderr)
        for name in fields:
            values.pop(name, None)
        talk.run(values, [name for name in fields if name in interview.SIMPLE], offer_parts=False)
    try:
        path = scaffold.write_new(folder, practice_id, scaffold.practice_text(values, sections))
    except FileExistsError:
        print(scaffold.exists_problem(folder, practice_id), file=sys.stderr)
        return 1
    print(scaffold.catalog.shown_path(path, folder.parent))
    print("Now replace the placeholder paragraph under each heading with the practice's text (or delete the "
          "heading): a pull request that still holds one is refused.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
