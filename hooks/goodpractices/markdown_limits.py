"""Bound a Markdown body before it is rendered: one linear pass that refuses what would make the renderer crawl.

Python-Markdown is quadratic or recursive in several constructs (deep lists and quotes, long emphasis and bracket
runs, many raw tags, definitions, abbreviations, headings, footnotes). Each limit below is far above what a
practice needs and far below where rendering takes a noticeable time; `tests/security/test_5_bounded.py` feeds
each construct past its limit and checks the answer comes in bounded time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MAX_BODY_CHARS = 200_000
MAX_DEPTH = 10  # list and quote nesting
MAX_HTML_DEPTH = 32  # raw HTML elements inside each other
#: Per paragraph (text between blank lines, outside fenced code).
MAX_BRACKETS = 250
MAX_EMPHASIS = 500
MAX_BACKTICKS = 1_000
#: Per body: (what is counted, limit, how to fix).
PER_BODY = {
    "raw HTML tags": (1_000, "write it in Markdown"),
    "'<!' or '<?' constructs": (50, "remove HTML comments and declarations"),
    "definition lines starting with ':'": (300, "use a list"),
    "abbreviation definitions '*['": (50, "spell the terms out"),
    "headings": (300, "split the practice"),
    "footnote references '[^'": (300, "cite fewer notes"),
    "admonitions '!!!'": (200, "use fewer boxes"),
    "code fence lines": (400, "use fewer code blocks"),
}
#: Elements whose end tag may be left out, or that have none: they do not nest.
_FLAT = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "br", "hr", "img",
                   "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param"})


@dataclass(frozen=True)
class Overrun:
    """A limit a body goes past: the body line where it happens (0-based) and the message."""

    offset: int
    message: str


#: A fenced-code opening line as Python-Markdown's fenced_code reads it (no run can backtrack: one pass).
_OPENER = re.compile(r"(`{3,}|~{3,})[ ]*(?:\{[^\n}]*\}|\.?[\w#.+-]*)[ ]*$")


def _fences(lines: list[str]) -> dict[int, int]:
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


def _depth(text: str) -> int:
    """Return how deep a line nests lists or quotes: indentation in steps of 4 columns, or its '>' marks."""
    expanded = text.expandtabs(4)
    indent = len(expanded) - len(expanded.lstrip(" "))
    quotes, position = 0, 0
    while position < len(text) and text[position] in "> \t":
        quotes += text[position] == ">"
        position += 1
    return max(indent // 4, quotes)


def _tags(text: str) -> tuple[int, int]:
    """Return how many raw tags and '<!'/'<?' constructs a line has."""
    tags = specials = 0
    position = text.find("<")
    while position != -1:
        following = text[position + 1: position + 2]
        if following.isalpha() or following == "/":
            tags += 1
        elif following in ("!", "?"):
            specials += 1
        position = text.find("<", position + 1)
    return tags, specials


class _Nesting:
    """Follows how deep raw HTML elements nest, a line at a time."""

    def __init__(self) -> None:
        self.depth = self.deepest = self.line = 0

    def feed(self, text: str, line: int) -> None:
        position = text.find("<")
        while position != -1:
            end = position + 1
            closing = text[end: end + 1] == "/"
            end += closing
            start = end
            while end < len(text) and end - start < 16 and text[end].isalnum():
                end += 1
            name = text[start:end].lower()
            if name and name[0].isalpha() and name not in _FLAT:
                close = text.find(">", end, end + 300)
                if closing:
                    self.depth = max(0, self.depth - 1)
                elif close == -1 or text[close - 1] != "/":
                    self.depth += 1
                    if self.depth > self.deepest:
                        self.deepest, self.line = self.depth, line
            position = text.find("<", end)


def overruns(body: str) -> list[Overrun]:
    """Return every limit the body goes past, each once, in linear time."""
    if len(body) > MAX_BODY_CHARS:
        return [Overrun(0, f"is {len(body):,} characters long (keep it under {MAX_BODY_CHARS:,}: shorten it, or "
                           "link to a longer document)")]
    found: list[Overrun] = []
    reported: set[str] = set()

    def report(key: str, offset: int, message: str) -> None:
        if key not in reported:
            reported.add(key)
            found.append(Overrun(offset, message))

    counts = dict.fromkeys(PER_BODY, 0)
    lines = body.split("\n")
    blocks = _fences(lines)
    start = brackets = emphasis = backticks = 0
    code_until = -1
    nesting = _Nesting()
    for offset, text in enumerate(lines):
        counts["code fence lines"] += text[:3] in ("```", "~~~")
        if counts["code fence lines"] > PER_BODY["code fence lines"][0]:
            report("code fence lines", offset, f"has more than {PER_BODY['code fence lines'][0]} code fence lines "
                                               f"({PER_BODY['code fence lines'][1]})")
        if offset in blocks:
            code_until = blocks[offset]
        if offset <= code_until:  # fenced code is text: nothing in it nests or needs counting
            start, brackets, emphasis, backticks = offset + 1, 0, 0, 0
            continue
        if not text.strip():
            start, brackets, emphasis, backticks = offset + 1, 0, 0, 0
            continue
        brackets += text.count("[")
        emphasis += text.count("*") + text.count("_")
        backticks += text.count("`")
        if brackets > MAX_BRACKETS:
            report("[", start, f"has more than {MAX_BRACKETS} '[' in one paragraph (split it, or write brackets "
                               "as \\[)")
        if emphasis > MAX_EMPHASIS:
            report("*", start, f"has more than {MAX_EMPHASIS} '*' or '_' in one paragraph (split it, or write them "
                               "as \\* and \\_)")
        if backticks > MAX_BACKTICKS:
            report("`", start, f"has more than {MAX_BACKTICKS} '`' in one paragraph (split it, or put the code in "
                               "a fenced block)")
        depth = _depth(text)
        if depth > MAX_DEPTH:
            report("depth", offset, f"nests lists or quotes {depth} levels deep (keep it to {MAX_DEPTH})")
        tags, specials = _tags(text)
        stripped = text.lstrip()
        for key, hit in (("raw HTML tags", tags), ("'<!' or '<?' constructs", specials),
                         ("definition lines starting with ':'", stripped.startswith(":")),
                         ("abbreviation definitions '*['", stripped.startswith("*[")),
                         ("headings", stripped.startswith("#") or stripped.startswith(("===", "---"))),
                         ("footnote references '[^'", text.count("[^")),
                         ("admonitions '!!!'", stripped.startswith("!!!"))):
            counts[key] += hit
            limit, fix = PER_BODY[key]
            if counts[key] > limit:
                report(key, offset, f"has more than {limit:,} {key} ({fix})")
        nesting.feed(text, offset)
    if nesting.deepest > MAX_HTML_DEPTH:
        report("html", nesting.line, f"nests HTML elements {nesting.deepest} deep (keep it to {MAX_HTML_DEPTH})")
    return found
