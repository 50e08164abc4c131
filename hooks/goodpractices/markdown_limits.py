"""Bound a Markdown body before it is rendered: one linear pass that refuses what would make the renderer crawl.

Python-Markdown is quadratic or recursive in several constructs (deep lists and quotes, long emphasis and bracket
runs, many raw tags, definitions, abbreviations, headings, footnotes). Each limit below is far above what a
practice needs and far below where rendering takes a noticeable time; `tests/security/test_5_bounded.py` feeds
each construct past its limit and checks the answer comes in bounded time. Code (fenced, indented or in a code
span) is text: nothing in it is counted.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MAX_BODY_CHARS = 200_000
MAX_DEPTH = 10  # list and quote nesting
MAX_HTML_DEPTH = 32  # raw HTML elements inside each other
#: Per paragraph (text between blank lines, outside code).
MAX_BRACKETS = 250
MAX_EMPHASIS = 500
MAX_BACKTICKS = 1_000
#: Inline marks per paragraph: every character that can start an inline construct ('&' of an entity, '\\' of an
#: escape, '<', '!', '[', '*', '_', '`'). Python-Markdown re-scans a paragraph's text after each inline match, so
#: its time grows with (marks in a paragraph) x (paragraph length): one 200,000-character paragraph of entities
#: took 2.3 s of CPU, the same marks split into paragraphs of 2,000 take 0.1 s (scripts/bench_markdown.py).
MAX_INLINE = 2_000
_INLINE = re.compile(r"[&\\<!\[*_`]")
#: Per body: (what is counted, limit, how to fix).
PER_BODY = {
    "raw HTML tags": (1_000, "write it in Markdown"),
    "'<!' or '<?' constructs": (50, "remove HTML comments and declarations"),
    "definition lines starting with ':'": (300, "use a list"),
    "abbreviation definitions '*['": (50, "spell the terms out"),
    "headings": (300, "split the practice"),
    "horizontal rules": (300, "use headings to separate the parts"),
    "footnote references '[^'": (300, "cite fewer notes"),
    "admonitions '!!!'": (200, "use fewer boxes"),
    "code fence lines": (400, "use fewer code blocks"),
}
#: Elements that have no end tag: they do not nest.
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track",
                   "wbr", "param"})
#: A fenced-code opening line as Python-Markdown's fenced_code reads it (no run can backtrack: one pass).
_OPENER = re.compile(r"(`{3,}|~{3,})[ ]*(?:\{[^\n}]*\}|\.?[\w#.+-]*)[ ]*$")
#: A list marker at the start of a line's content: '-', '*', '+', '1.' or '1)', then a space.
_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
#: A setext underline ('=' or '-', one or more): each heading or rule splits the rest of its block anew, quadratic.
_UNDERLINE = re.compile(r"(?:=+|-+) *$")


def _rule(content: str) -> bool:
    """Tell whether a line's content could be a horizontal rule: three or more of one of '-', '_', '*' and spaces."""
    marks = content.rstrip(" ")
    return marks[:1] in ("-", "_", "*") and marks.count(marks[0]) >= 3 and not marks.replace(marks[0], "").strip(" ")


@dataclass(frozen=True)
class Overrun:
    """A limit a body goes past: the body line where it happens (0-based) and the message."""

    offset: int
    message: str


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


def _indent(text: str) -> int:
    """Return a line's indentation in columns (a tab is 4)."""
    expanded = text.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _depth(text: str, indent: int) -> int:
    """Return how deep a line nests lists or quotes: its indentation in steps of 4 columns, plus every list
    marker and '>' that opens its content ('- - x' and '> 1. > x' nest on one line); `indent` is the line's
    indentation in columns, which the caller has already measured."""
    depth, position = indent // 4, 0
    content = text.lstrip(" \t")
    while position < len(content):
        if content[position] == ">":
            depth, position = depth + 1, position + 1
        elif (marker := _MARKER.match(content, position)) is not None:
            depth, position = depth + 1, marker.end()
        else:
            break
        while position < len(content) and content[position] in " \t":
            position += 1
    return depth


def _without_code_spans(text: str, masked: bool = False) -> str:
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
    """Follows how deep raw HTML elements nest, a line at a time, as a browser would: an end tag closes the
    nearest open element of its name (a stray one closes nothing), and '<x/>' opens x unless x is void. A name
    followed by anything but a space, '/' or '>' is no tag (Markdown's autolinks: '<https://…>', '<a@b.org>')."""

    def __init__(self) -> None:
        self.open: list[str] = []
        self.deepest = self.line = 0

    def feed(self, text: str, line: int) -> None:
        position = text.find("<")
        while position != -1:
            end = position + 1
            closing = text[end: end + 1] == "/"
            end += closing
            start = end
            while end < len(text) and (text[end].isalnum() or text[end] == "-"):
                end += 1
            name = text[start:end].lower()
            tag = end == len(text) or text[end] in " \t/>"  # not an autolink: '<https://…>', '<a@b.org>'
            if tag and name and name[0].isalpha() and name not in _VOID:
                if not closing:
                    self.open.append(name)
                    if len(self.open) > self.deepest:
                        self.deepest, self.line = len(self.open), line
                else:  # look back no further than the limit: past it, the body is refused anyway
                    window = self.open[-MAX_HTML_DEPTH - 1:]
                    if name in window:
                        del self.open[len(self.open) - 1 - window[::-1].index(name):]
            position = text.find("<", end)


@dataclass
class _Counts:
    """What one paragraph holds so far, and where it starts."""

    start: int = 0
    brackets: int = 0
    emphasis: int = 0
    backticks: int = 0
    inline: int = 0


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

    def count(key: str, hits: int, offset: int) -> None:
        counts[key] += hits
        limit, fix = PER_BODY[key]
        if counts[key] > limit:
            report(key, offset, f"has more than {limit:,} {key} ({fix})")

    counts = dict.fromkeys(PER_BODY, 0)
    lines = body.split("\n")
    fences = _fences(lines)
    paragraph = _Counts()
    code_until, blank_before, in_list = -1, True, False
    nesting = _Nesting()
    for offset, text in enumerate(lines):
        count("code fence lines", text[:3] in ("```", "~~~"), offset)
        if offset in fences:
            code_until = fences[offset]
        indent = _indent(text)
        if not text.strip():
            paragraph, blank_before = _Counts(offset + 1), True
            continue
        indented_code = indent >= 4 and not in_list and (blank_before or paragraph.start == offset)
        if offset <= code_until or indented_code:  # code is text: nothing in it nests or needs counting
            paragraph, blank_before = _Counts(offset + 1), blank_before and indented_code
            continue
        if indent < 4:
            in_list = _MARKER.match(text.lstrip(" \t")) is not None or (in_list and not blank_before)
        blank_before = False
        prose = _without_code_spans(text) if "`" in text else text
        paragraph.brackets += prose.count("[")
        paragraph.emphasis += prose.count("*") + prose.count("_")
        paragraph.backticks += text.count("`")
        paragraph.inline += len(_INLINE.findall(text))
        if paragraph.brackets > MAX_BRACKETS:
            report("[", paragraph.start, f"has more than {MAX_BRACKETS} '[' in one paragraph (split it, or write "
                                         "brackets as \\[)")
        if paragraph.emphasis > MAX_EMPHASIS:
            report("*", paragraph.start, f"has more than {MAX_EMPHASIS} '*' or '_' in one paragraph (split it, or "
                                         "write them as \\* and \\_)")
        if paragraph.backticks > MAX_BACKTICKS:
            report("`", paragraph.start, f"has more than {MAX_BACKTICKS} '`' in one paragraph (split it, or put "
                                         "the code in a fenced block)")
        if paragraph.inline > MAX_INLINE:
            report("inline", paragraph.start, f"has more than {MAX_INLINE:,} inline marks ('&', '\\', '<', '!', '[', "
                                              "'*', '_', '`') in one paragraph (split it into shorter paragraphs)")
        depth = _depth(text, indent)
        if depth > MAX_DEPTH:
            report("depth", offset, f"nests lists or quotes {depth} levels deep (keep it to {MAX_DEPTH})")
        tags, specials = _tags(prose)
        content = text.lstrip(" \t")
        count("raw HTML tags", tags, offset)
        count("'<!' or '<?' constructs", specials, offset)
        count("definition lines starting with ':'", content.startswith(":"), offset)
        count("abbreviation definitions '*['", content.startswith("*["), offset)
        heading = indent < 4 and (content.startswith(("#", "===", "---")) or _UNDERLINE.match(text) is not None)
        count("headings", heading, offset)
        count("horizontal rules", indent < 4 and not heading and _rule(content), offset)
        count("footnote references '[^'", prose.count("[^"), offset)
        count("admonitions '!!!'", content.startswith("!!!"), offset)
        nesting.feed(prose, offset)
    if nesting.deepest > MAX_HTML_DEPTH:
        report("html", nesting.line, f"nests HTML elements {nesting.deepest} deep (keep it to {MAX_HTML_DEPTH})")
    return found


def code_masked(body: str) -> str:
    """Return the body with its code (fenced and indented blocks, code spans, which may run over the lines of a
    paragraph) as spaces, every line where it was: code is text, so a message looks for what it names there last."""
    lines = body.split("\n")
    fences = _fences(lines)
    code_until, blank_before, in_list, start = -1, True, False, 0
    paragraph: list[int] = []

    def mask_spans() -> None:  # the paragraph's code spans, once it ends
        masked = _without_code_spans("\n".join(lines[number] for number in paragraph), masked=True)
        for number, text in zip(paragraph, masked.split("\n")):
            lines[number] = text
        paragraph.clear()

    for offset, text in enumerate(lines):
        if offset in fences:
            code_until = fences[offset]
        indent, blank = _indent(text), not text.strip()
        indented_code = not blank and indent >= 4 and not in_list and (blank_before or start == offset)
        if blank or offset <= code_until or indented_code:
            mask_spans()
            lines[offset] = " " * len(text)
            blank_before, start = blank or (blank_before and indented_code), offset + 1
            continue
        if indent < 4:
            in_list = _MARKER.match(text.lstrip(" \t")) is not None or (in_list and not blank_before)
        blank_before = False
        paragraph.append(offset)
    mask_spans()
    return "\n".join(lines)

