"""Turn a submitted "Propose a good practice" issue form into practices/<id>.md, or say why not.

The body is GitHub's Markdown for a form (a `### Label` heading per item, `_No response_` for empty ones). Its
text is untrusted: values are written as quoted YAML text, and the validator checks the file before it is
written, with its own messages."""

from __future__ import annotations

import argparse
import io
import re
import sys
from contextlib import redirect_stderr
from pathlib import Path

from goodpractices import forms, scaffold
from goodpractices.catalog import shown_path
from goodpractices.problems import count

ROOT = Path(__file__).resolve().parent.parent


def comment(messages: str) -> str:
    """Return a Markdown comment for the issue that shows the messages verbatim: in a code fence longer than any
    run of backticks they hold, so text from the form cannot end the fence and be rendered."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", messages)), default=0))
    return ("This proposal could not be turned into a practice file yet. Please edit the issue to correct "
            f"the fields named below, then ask a maintainer to add the label again.\n\n{fence}text\n"
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
    """Read the body named by the arguments and write its practice, or print why not."""
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
    if proposal.problems:
        print("\n".join(map(str, proposal.problems)), file=sys.stderr)
        print(f"{count(proposal.problems)} in the form; nothing was written.", file=sys.stderr)
        return 1
    title = proposal.values.get("title")
    practice_id = scaffold.practice_id(title if isinstance(title, str) else "")
    practice = scaffold.practice_text(proposal.values, proposal.sections)
    exists = scaffold.exists_problem(folder, practice_id)
    problems = [exists] if exists else scaffold.check_new(folder, practice_id, practice)
    for problem in problems:
        print(problem, file=sys.stderr)
    if any(not p.warning for p in problems):
        print(f"{count(problems)}; nothing was written.", file=sys.stderr)
        return 1
    try:
        path = scaffold.write_new(folder, practice_id, practice)
    except FileExistsError:
        print(scaffold.exists_problem(folder, practice_id), file=sys.stderr)
        return 1
    print(shown_path(path, folder.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
