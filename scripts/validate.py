"""Check practice files against the content contract and print every problem in one run.

Inside GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as a workflow command
(`::error file=…,line=…,title=…::…`), so it shows on the pull request's changed lines. With --report, print
instead what each partner's practices still lack (sections, expected fields, placeholder sentences).

With --proposal (the pull request's check), the named files are checked as a proposal: against the whole
library, each problem on the named file, and with the scaffold's and the template's placeholders and sample
values as errors. Without it, the named files get the proposal's warnings only (text pasted from a word
processor), so that an honestly incomplete practice in the library still passes."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from goodpractices import catalog, completeness, proposal, vocabulary
from goodpractices.background import fork_pool
from goodpractices.problems import Problem, count, shown_name, visible

ROOT = Path(__file__).resolve().parent.parent


def _escape(text: str, *, prop: bool = False) -> str:
    """Escape text for a workflow command: its data, or (prop=True) a property value."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def annotation(problem: Problem) -> str:
    """Return the GitHub Actions workflow command that shows a problem on its file and line."""
    level = "warning" if problem.warning else "error"
    # The file as it is, for GitHub to find it; the title and message as the problem prints them (an odd field
    # quoted, control characters as escapes), so that no name can add a property or end the command.
    return (f"::{level} file={_escape(problem.path, prop=True)},line={problem.line},"
            f"title={_escape(shown_name(problem.field), prop=True)}::{_escape(visible(problem.message))}")


def _section(problem: Problem, texts: dict[str, str], root: Path) -> str | None:
    """Return the section of its file that holds a body problem's line (files read once each)."""
    if problem.field != "body":
        return None
    if problem.path not in texts:
        try:
            texts[problem.path] = (root / problem.path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            texts[problem.path] = ""
    return proposal.section_at(texts[problem.path], problem.line)


def main(argv: list[str] | None = None) -> int:
    """Print `path:line: field: what is wrong (how to fix)` per problem; exit 1 on any error, else 0."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="practice files to report on (default: all)")
    parser.add_argument("--practices", type=Path, default=ROOT / "practices", help="the practices folder")
    parser.add_argument("--report", action="store_true",
                        help="list, per partner, the practices that lack sections, expected fields or real text")
    parser.add_argument("--proposal", action="store_true",
                        help="check the named files as a proposal (what a pull request adds or changes): the "
                             "scaffold's and the template's placeholders and samples are errors too")
    args = parser.parse_args(argv)
    folder = args.practices
    extra = [p for p in args.paths if p.resolve().parent != folder.resolve()]
    shown = {catalog.shown_path(p, folder.parent): p for p in args.paths}
    with fork_pool() or contextlib.nullcontext() as pool:  # a worker process checks half the files
        result = catalog.build(folder, extra=extra, pool=pool, changed=frozenset(shown))
    problems = list(result.problems)
    if args.paths:
        registries = {catalog.shown_path(folder / name, folder.parent) for name in catalog.REGISTRIES}
        # a proposal that removes or renames a practice breaks the references to it in files it does not change
        broken = [p for p in problems if args.proposal and p.field == "inspired_by" and not p.warning]
        problems = [p for p in problems if p.path in shown.keys() | registries or p in broken]
        own = [problem for name, path in shown.items() for problem in proposal.check_file(path, name)]
        problems = proposal.merged(problems, own if args.proposal else [p for p in own if p.warning])
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    texts: dict[str, str] = {}
    for problem in problems:
        if args.report and problem.warning:
            continue  # the report says the same, per partner
        problem = vocabulary.with_label(problem, _section(problem, texts, folder.parent))
        print(problem)
        if annotate:
            print(annotation(problem))
    errors = sum(not p.warning for p in problems)
    if args.report and result.catalog is not None:
        print(completeness.report(result.catalog), end="")
        return 0
    checked = len(args.paths) if args.paths else len(catalog.practice_files(folder))
    print(f"{count(problems)} in {checked} practice file{'s' if checked != 1 else ''}.", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
