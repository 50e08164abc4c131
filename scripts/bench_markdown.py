"""Time the slowest bodies that pass markdown_limits, construct by construct, against plain prose of the same size.

Each body fills the body limit with one construct (entities, escapes, emphasis, links, references, nesting,
tables, raw HTML...), packed as densely as the limits let it pass: the worst a person can write of that kind.
Its whole check (check_body: render, inspect, clean, the lines of refusals, placeholder sentences) is timed in
CPU seconds, which the machine's load does not change much, and printed as a ratio to plain prose; the last line
says how far the worst stays below the wall-clock last resort, body_markdown.RENDER_SECONDS. Printed, never
asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from goodpractices import body_markdown  # noqa: E402
from goodpractices.markdown_limits import MAX_BODY_CHARS, overruns  # noqa: E402
from goodpractices.body_checks import check_body  # noqa: E402
from goodpractices.checker import Checker  # noqa: E402
from goodpractices.load import Source  # noqa: E402


def _fill(unit: str, size: int = MAX_BODY_CHARS - 1_000) -> str:
    """Repeat `unit` up to `size` characters (whole units only)."""
    return unit * (size // len(unit))


def _paragraphs(unit: str, per: int) -> str:
    """Paragraphs of `per` units each, filling the body."""
    return _fill(unit * per + "\n\n")


#: Name: the worst body of that construct that the limits let pass.
CASES: dict[str, Callable[[], str]] = {
    "plain prose": lambda: _fill("word "),
    "entities": lambda: _paragraphs("&amp;&#x41;&#65; ", 660),
    "backslash escapes": lambda: _paragraphs("\\. \\! ", 500),
    "emphasis": lambda: _paragraphs("*a* _b_ ", 120),
    "links": lambda: _paragraphs("[a](b) ", 240),
    "images": lambda: _paragraphs("![a](b.png) ", 240),
    "code spans": lambda: _paragraphs("`a` ", 490),
    "reference uses": lambda: ("".join(f"[r{i}]: p{i}.md\n\n" for i in range(240))
                               + _paragraphs("[r1] ", 240)[:MAX_BODY_CHARS - 5_000]),
    "autolinks": lambda: ("<https://a.example/x> " * 50 + "\n\n") * 18 + _fill("word ", 170_000),
    "raw inline HTML": lambda: ("<b>x</b> " * 165 + "\n\n") * 3 + _fill("word ", 190_000),
    "nested lists": lambda: _fill("".join("    " * i + "- x\n" for i in range(10)) + "\n"),
    "nested quotes": lambda: _fill("> " * 10 + "x\n"),
    "tables": lambda: _fill("| a | b | c | d | e |\n|---|---|---|---|---|\n" + "| 1 | 2 | 3 | 4 | 5 |\n" * 50 + "\n"),
    "headings": lambda: "## a\n\ntext\n\n" * 300 + _fill("word ", MAX_BODY_CHARS - 5_000),
    "abbreviations": lambda: "".join(f"*[AB{i}]: thing {i}\n" for i in range(50)) + "\n" + _fill("AB1 AB2 ", 190_000),
    "attribute lists": lambda: _fill("para {: .x }\n\n"),
    "hard breaks": lambda: _paragraphs("x  \n", 1_000),
    "setext headings": lambda: ("x" * 600 + "\n-\n") * 300 + _fill("word ", 15_000),
    "horizontal rules": lambda: ("x" * 600 + "\n- - -\n") * 300 + _fill("word ", 15_000),
    "letters by raw HTML": lambda: "<b>x</b>\n\n" + _fill("a"),
    "placeholders": lambda: _fill("TODO "),
}


def _cpu(body: str) -> float:
    """CPU seconds to check a body as the build does: bound, render, inspect, clean, find lines and placeholders."""
    checker = Checker(Source("p", "practices/p.md", {}, {}, body, 1))
    start = time.process_time()
    check_body(checker, body, 1)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    """Print each construct's CPU time and its ratio to plain prose; 1 if a case does not pass the limits."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per body; the fastest counts (3)")
    args = parser.parse_args(argv)
    bodies = {name: make() for name, make in CASES.items()}
    refused = [f"{name}: {overruns(body)[0].message}" for name, body in bodies.items() if overruns(body)]
    if refused:
        print("\n".join(refused), file=sys.stderr)
        return 1
    times = {name: min(_cpu(body) for _ in range(max(1, args.runs))) for name, body in bodies.items()}
    base = max(times["plain prose"], 1e-3)
    for name, seconds in times.items():
        print(f"{name:18} {len(bodies[name]):8,} chars {seconds:6.3f} s CPU {seconds / base:6.1f}x plain")
    worst = max(times.values())
    print(f"worst {worst:.3f} s: the wall-clock last resort ({body_markdown.RENDER_SECONDS:g} s) is "
          f"{body_markdown.RENDER_SECONDS / worst:.0f}x above it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
