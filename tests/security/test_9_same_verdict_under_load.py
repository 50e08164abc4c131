"""The same verdict from validate.py and from the build, however busy the machine: with another process busy on
every core, the slowest bodies the limits let through pass both, and a body past a limit fails both, with the
same messages. No verdict may hang on the clock (the render limit is a last resort far above these bodies)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from bench_markdown import CASES
from conftest import BODY, ROOT, practice
from goodpractices.markdown_limits import MAX_INLINE

#: The slowest constructs the limits let through (scripts/bench_markdown.py), each filling a body.
WORST = ("emphasis", "tables", "entities")
LABEL = re.compile(r'(:\d+: [^\s:]+) \("[^"]*" in the form\):')
PROBLEM = re.compile(r"(?:\"[^\"]*\"|practices/[^\s:]+):\d+: .*")


@contextmanager
def busy_cores() -> Iterator[None]:
    """Keep another process busy on every core of the machine for the duration."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 2)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def _verdicts(project) -> tuple[tuple[int, list[str]], tuple[int, list[str]]]:
    """Run validate.py and the build on the project; return each one's exit code and problem lines."""
    validated = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "--practices",
                                str(project.practices)], capture_output=True, text=True, timeout=900)
    built = project.build(timeout=900)
    return (validated.returncode, _errors(validated.stdout)), (built.returncode, _errors(built.stderr))


def _errors(output: str) -> list[str]:
    """The error lines of an output, sorted, without what a logger puts before them, nor the form's label that
    validate.py names beside a field (`body ("Description" in the form)`)."""
    found = (PROBLEM.search(line) for line in output.splitlines() if ": warning: " not in line)
    return sorted(LABEL.sub(r"\1:", match.group(0)) for match in found if match)


def test_validate_and_the_build_agree_on_the_slowest_bodies_under_load(project):
    for name in WORST:
        body = BODY + "\n" + CASES[name]()
        project.add(f"worst-{name.replace(' ', '-')}.md", practice(title=f"The worst case of {name}", body=body))
    long_id = ("a-long-id-" * 10)[:99] + "x"
    project.add(f"{long_id}.md", practice(title="A practice with the longest id"))
    with busy_cores():
        validated, built = _verdicts(project)
    assert validated == (0, []) and built == (0, []), (validated, built)
    assert (project.root / "site" / "practices" / f"{long_id}.html").is_file()

    over = "Entities, one too many for a paragraph: " + "&amp;" * (MAX_INLINE + 1)
    project.add("past-a-limit.md", practice(title="Past a limit", body=BODY + "\n" + over + "\n"))
    with busy_cores():
        validated, built = _verdicts(project)
    line = practice(body=BODY).count("\n") + 2
    expected = [f"practices/past-a-limit.md:{line}: body: has more than {MAX_INLINE:,} inline marks ('&', '\\', "
                "'<', '!', '[', '*', '_', '`') in one paragraph (split it into shorter paragraphs)"]
    assert validated == (1, expected) and built == (1, expected), (validated, built)
