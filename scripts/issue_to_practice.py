"""Turn a submitted "Propose a good practice" issue form into practices/<id>.md, or say why not.

The body is GitHub's Markdown for a form (a `### Label` heading per item, `_No response_` for empty ones). Its
text is untrusted: values are written as quoted YAML text, and the validator checks the file before it is
written, as a proposal (no placeholder or sample may stay). Every problem of every answer is told at once, in the
form's own words: its labels, never a file, a line or a field's internal name."""

from __future__ import annotations

import argparse
import dataclasses
import io
import re
import sys
from contextlib import redirect_stderr
from pathlib import Path

from goodpractices import forms, proposal, scaffold, vocabulary
from goodpractices.catalog import shown_path
from goodpractices.load import parse_practice
from goodpractices.problems import Problem, plural
from goodpractices.proposal import section_at
from goodpractices.schema import FIELDS, SECTIONS

ROOT = Path(__file__).resolve().parent.parent


def comment(messages: str) -> str:
    """Return a Markdown comment for the issue that shows the messages verbatim: in a code fence longer than any
    run of backticks they hold, so text from the form cannot end the fence and be rendered."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", messages)), default=0))
    return ("This proposal could not be turned into a page yet. Please edit the issue to correct the answers "
            f"named below (all of them are listed), then ask a maintainer to add the label again.\n\n{fence}text\n"
            f"{messages.rstrip()}\n{fence}\n")


def main(argv: list[str] | None = None) -> int:
    """Write the practice and print its path (exit 0), or print every problem (exit 1); 2 for usage."""
    cli = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("body", type=Path, help="a file holding the issue's body ('-' for standard input)")
    cli.add_argument("--practices", type=Path, default=ROOT / "practices", help="the practices folder")
    cli.add_argument("--updated", help="the date to record as `updated` (YYYY-MM-DD), e.g. the day of conversion")
    cli.add_argument("--comment", type=Path, help="if the form is refused, also write the messages as a Markdown "
                                                  "comment for the issue into this file")
    args = cli.parse_args(argv)
    if args.comment is None:
        return convert(cli, args)
    messages = io.StringIO()
    with redirect_stderr(messages):
        code = convert(cli, args)
    sys.stderr.write(messages.getvalue())
    if code == 1:
        args.comment.write_text(comment(messages.getvalue()), encoding="utf-8")
    return code


def convert(cli: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Read the body named by the arguments and write its practice, or print, in the form's words, every
    problem of every answer at once."""
    if str(args.body) == "-":
        text, shown = sys.stdin.read(), "issue body"
    else:
        try:
            text, shown = args.body.read_text(encoding="utf-8"), args.body.as_posix()
        except (OSError, UnicodeDecodeError) as error:
            cli.error(f"cannot read {args.body}: {error}")
    folder: Path = args.practices
    themes, partners, problems = scaffold.registries(folder)
    if problems:
        print("\n".join(map(str, problems)), file=sys.stderr)
        return 1
    proposal = forms.read_body(text, shown, themes, partners)
    if args.updated:
        proposal.values["updated"] = args.updated
    title = proposal.values.get("title")
    practice_id = scaffold.practice_id(title if isinstance(title, str) else "")
    practice = scaffold.practice_text(proposal.values, proposal.sections)
    found = list(proposal.problems)
    if not any("appears twice" in p.message for p in found):  # the answers could be told apart: check them
        found += checked(folder, practice_id, practice)
    helps = forms.help_texts()
    said: list[tuple[int, str]] = []
    unanswered = {p.field for p in found if p.message.startswith("has no answer")}
    for problem in found:
        if problem.warning or problem.field == "body" and SECTIONS[0] in unanswered:
            continue  # an empty text is said once, as the Description without an answer
        section = problem.field if problem.field in SECTIONS else section_at(practice, problem.line)
        message = vocabulary.form_message(problem, section, helps)
        if message not in (m for _, m in said):
            said.append((ORDER.index(message.split(":", 1)[0]) if message.split(":", 1)[0] in ORDER else 0,
                         message))
    if said:
        print("\n".join(message for _, message in sorted(said, key=lambda item: item[0])), file=sys.stderr)
        print(f"{plural(len(said), 'answer')} to correct; nothing was written.", file=sys.stderr)
        return 1
    try:
        path = scaffold.write_new(folder, practice_id, practice)
    except FileExistsError:
        print(f"Title: {taken(practice_id)}", file=sys.stderr)
        return 1
    print(shown_path(path, folder.parent))
    return 0


#: The form's labels in the form's order, to list the problems as the proposer reads the form.
ORDER = ["The proposal", *(f.label for f in FIELDS if f.name not in vocabulary.NOT_IN_FORM), *SECTIONS,
         vocabulary.CONSENT]


def taken(practice_id: str) -> str:
    return (f"another practice already has the page address this title gives, '{practice_id}' (choose another "
            "title)")


def checked(folder: Path, practice_id: str, practice: str) -> list[Problem]:
    """Check the file the form gives as the validator would once it is in the folder, and as a proposal; a title
    whose page address is taken is said, and every other answer is still checked (under a free address)."""
    said: list[Problem] = []
    free = practice_id
    if scaffold.exists_problem(folder, practice_id):
        said = [Problem("", 1, "title", taken(practice_id))]
        free = next(name for name in (f"proposal-{n}" for n in range(1, 10_000))
                    if name not in practice and not scaffold.exists_problem(folder, name))
    library = scaffold.check_new(folder, free, practice)
    if said:  # the title is said once, as the address it gives
        library = [p for p in library if p.field != "title" or "already the title" not in p.message]
    shown = f"{practice_id}.md"
    source, _ = parse_practice(practice.encode("utf-8"), shown, shown)
    own = proposal.check_source(source, source.body) if source is not None else []
    target = {p.path for p in library} or {shown}
    own = [dataclasses.replace(p, path=next(iter(target))) for p in own]
    return said + proposal.merged(library, own)


if __name__ == "__main__":
    raise SystemExit(main())
