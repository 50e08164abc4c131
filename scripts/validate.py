"""Check practice files against the content contract and print every problem in one run."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from goodpractices import catalog
from goodpractices.background import fork_pool
from goodpractices.problems import count

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Print `path:line: field: what is wrong (how to fix)` per problem; exit 1 on any error, else 0."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="practice files to report on (default: all)")
    parser.add_argument("--practices", type=Path, default=ROOT / "practices", help="the practices folder")
    args = parser.parse_args(argv)
    folder = args.practices
    extra = [p for p in args.paths if p.resolve().parent != folder.resolve()]
    with fork_pool() or contextlib.nullcontext() as pool:  # a worker process checks half the files
        result = catalog.build(folder, extra=extra, pool=pool)
    problems = result.problems
    if args.paths:
        shown = {catalog.shown_path(p, folder.parent) for p in args.paths}
        registries = {catalog.shown_path(folder / name, folder.parent) for name in catalog.REGISTRIES}
        problems = tuple(p for p in problems if p.path in shown | registries)
    for problem in problems:
        print(problem)
    errors = sum(not p.warning for p in problems)
    checked = len(args.paths) if args.paths else len(catalog.practice_files(folder))
    print(f"{count(problems)} in {checked} practice file{'s' if checked != 1 else ''}.", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
