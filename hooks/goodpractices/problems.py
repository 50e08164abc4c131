"""Problems found in the content, and the one error that carries them all."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .invisible import ignorable

#: Control characters shown as escapes, so that every problem stays on one line.
_VISIBLE = {code: repr(chr(code))[1:-1] for code in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)}
#: A file name or a field printed as it is: words without ':', single spaces between them, not starting with '"'
#: (which starts a quoted name). Anything else (a colon, a space at an end, a control or invisible character) is
#: quoted.
_PLAIN = re.compile(r'[^\s:"][^\s:]*(?: [^\s:]+)*')


def visible(text: str) -> str:
    """Return text as a problem prints it: control characters and line separators as escapes, on one line,
    and a lone surrogate as \\udcff."""
    return text.translate(_VISIBLE).encode("utf-8", "backslashreplace").decode("utf-8")


def shown_name(name: str) -> str:
    """Return a file name or field as a problem prints it: as it is if plain, else in double quotes with JSON's
    escapes, so that `path:line: field: message` always splits the same way (a name holding ': ' or a line
    break cannot pass for another file's problem). 'warning' is quoted too: unquoted, it marks a warning."""
    if _PLAIN.fullmatch(name) and name != "warning" and all(c.isprintable() and not ignorable(c) for c in name):
        return name
    return '"' + "".join(map(_quoted, name)) + '"'


def _quoted(char: str) -> str:
    """One character of a quoted name: JSON's escape for a quote, a backslash, and anything a reader cannot see."""
    if char in '"\\' or not char.isprintable() or ignorable(char):
        return json.dumps(char)[1:-1]  # \n, \u200b, a pair of \uXXXX for a character beyond the BMP
    return char


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
        return f"{shown_name(self.path)}:{self.line}: {level}{shown_name(self.field)}: {visible(self.message)}"


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
