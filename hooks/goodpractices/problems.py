"""Problems found in the content, and the one error that carries them all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Control characters shown as escapes, so that every problem stays on one line.
_VISIBLE = {code: repr(chr(code))[1:-1] for code in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one line of one file; printed as `path:line: field: what is wrong (how to fix)`."""

    path: str
    line: int
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        level = "warning: " if self.warning else ""
        text = f"{self.path}:{self.line}: {level}{self.field}: {self.message}".translate(_VISIBLE)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone surrogate prints as \udcff


def plural(n: int, word: str) -> str:
    """Return e.g. '1 error' or '2 errors'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def count(problems: Iterable[Problem]) -> str:
    """Say how many errors and warnings there are, e.g. '2 errors, 1 warning'."""
    problems = list(problems)
    warnings = sum(problem.warning for problem in problems)
    return f"{plural(len(problems) - warnings, 'error')}, {plural(warnings, 'warning')}"


class ContentError(Exception):
    """The content has errors: every problem found, sorted by file and line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        errors = [p for p in self.problems if not p.warning]
        super().__init__(
            f"{plural(len(errors), 'error')} in the practices (nothing was built):\n" + "\n".join(map(str, errors))
        )
