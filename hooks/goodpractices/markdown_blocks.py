"""Read a body's lines as Python-Markdown's blocks do: text, blank, or code (fenced, indented, code spans).

The limits (markdown_limits.py) count only text, and a finding's source line is looked for outside code first
(body_checks.py): both read the same layout of the same body, worked out once (the last body's is kept).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

#: A fenced-code opening line as Python-Markdown's fenced_code reads it (no run can backtrack: one pass).
_OPENER = re.compile(r"(`{3,}|~{3,})[ ]*(?:\{[^\n}]*\}|\.?[\w#.+-]*)[ ]*$")
#: A list marker at the start of a line's content: '-', '*', '+', '1.' or '1)', then a space.
LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
#: How a layout marks a line that is not text: blank, or code (in a fenced block, or indented code).
BLANK, CODE = -1, -2


@dataclass(frozen=True)
class Layout:
    """A body's lines and what each is: text (its indentation in columns, a tab 4), BLANK or CODE."""

    lines: tuple[str, ...]
    kinds: tuple[int, ...]


def _fences(lines: tuple[str, ...]) -> dict[int, int]:
    """Return the fenced code blocks as {opening line: closing line}: an opener counts only if the same fence
    closes it later, as in Python-Markdown, so text that only looks like a fence is still counted."""
    closers: dict[str, list[int]] = {}
    for number, text in enumerate(lines):
        if text[:3] in ("```", "~~~"):
            closers.setdefault(text.rstrip(" "), []).append(number)
    blocks: dict[int, int] = {}
    after = -1
    for number, text in enumerate(lines):
        if number <= after or text[:3] not in ("```", "~~~"):
            continue
        opener = _OPENER.match(text)
        if opener is None:
            continue
        ends = closers.get(opener.group(1), [])
        at = bisect.bisect_right(ends, number)
        if at < len(ends):
            blocks[number] = after = ends[at]
    return blocks


def _indent(text: str) -> int:
    """Return a line's indentation in columns (a tab is 4)."""
    if text[:1] not in (" ", "\t"):
        return 0
    expanded = text.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


@lru_cache(maxsize=1)
def layout(body: str) -> Layout:
    """Return a body's lines and what each is: code is what a fenced block holds, and lines indented 4 columns
    after a blank line or a block's end (outside lists); a paragraph is the text lines between the others."""
    lines = tuple(body.split("\n"))
    fences = _fences(lines)
    kinds: list[int] = []
    code_until, blank_before, in_list, start = -1, True, False, 0  # start: the current paragraph's first line
    for offset, text in enumerate(lines):
        if offset in fences:
            code_until = fences[offset]
        if not text.strip():
            kinds.append(BLANK)
            blank_before, start = True, offset + 1
            continue
        indent = _indent(text)
        indented_code = indent >= 4 and not in_list and (blank_before or start == offset)
        if offset <= code_until or indented_code:
            kinds.append(CODE)
            blank_before, start = blank_before and indented_code, offset + 1
            continue
        if indent < 4:
            in_list = LIST_MARKER.match(text.lstrip(" \t")) is not None or (in_list and not blank_before)
        blank_before = False
        kinds.append(indent)
    return Layout(lines, tuple(kinds))


def without_code_spans(text: str, masked: bool = False) -> str:
    """Return a line without its code spans (a backtick run up to the next run of the same length), or with each
    as spaces (`masked`; line breaks kept, for a paragraph's lines joined)."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", text)]
    if len(runs) < 2:
        return text
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    kept, position, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later < len(same):
            closing = runs[same[later]]
            kept.append(text[position:start])
            kept.append(re.sub(r"[^\n]", " ", text[start:closing[1]]) if masked else "")
            position, index = closing[1], same[later] + 1
        else:
            index += 1
    return "".join(kept) + text[position:]


def code_masked(body: str) -> str:
    """Return the body with its code (fenced and indented blocks, code spans, which may run over the lines of a
    paragraph) as spaces, every line where it was: code is text, so a message looks for what it names there last."""
    read = layout(body)
    lines = list(read.lines)
    paragraph: list[int] = []

    def mask_spans() -> None:  # the paragraph's code spans, once it ends (a span needs two backtick runs)
        if sum(lines[number].count("`") for number in paragraph) > 1:
            masked = without_code_spans("\n".join(lines[number] for number in paragraph), masked=True)
            for number, text in zip(paragraph, masked.split("\n")):
                lines[number] = text
        paragraph.clear()

    for offset, kind in enumerate(read.kinds):
        if kind >= 0:
            paragraph.append(offset)
            continue
        mask_spans()
        lines[offset] = " " * len(lines[offset])
    mask_spans()
    return "\n".join(lines)
