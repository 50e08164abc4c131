"""Turn a submitted "Propose a good practice" issue form into practices/<id>.md, or say why not.

The body is GitHub's Markdown for a form (a `### Label` heading per item, `_No response_` for empty ones). Its
text is untrusted: values are written as quoted YAML text, and the validator checks the file before it is
written, with its own messages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goodpractices import forms, scaffold
from goodpractices.catalog import shown_path
from goodpractices.problems import count

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Write the practice and print its path (exit 0), or print every problem (exit 1); 2 for usage."""
    cli = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("body", type=Path, help="a file holding the issue's body ('-' for standard input)")
    cli.add_argument("--practices", type=Path, default=ROOT / "practices", help="the practices folder")
    cli.add_argument("--updated", help="the date to record as `updated` (YYYY-MM-DD), e.g. the day of conversion")
    args = cli.parse_args(argv)
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
