"""Bound a Markdown body before it is rendered: refuse, in linear time, what would make the renderer crawl.

Python-Markdown is quadratic or recursive in several constructs (deep lists and quotes, long emphasis and bracket
runs, many raw tags, definitions, abbreviations, headings, footnotes). Each limit below is far above what a
practice needs and far below where rendering takes a noticeable time; `tests/security/test_5_bounded.py` feeds
each construct past its limit and checks the answer comes in bounded time. Code (fenced, indented or in a code
span) is text: nothing in it is counted. Most bodies keep every limit by counts over the whole text: only their
nesting depth is then measured line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_blocks import LIST_MARKER, Layout, layout, without_code_spans

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
_INLINE_MARKS = "&\\<![*_`"
_INLINE = re.compile(f"[{re.escape(_INLINE_MARKS)}]")
#: Per body: (what is counted, limit, how to fix). Each is at most one a line, unless _within bounds it otherwise.
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


def _depth(text: str, indent: int) -> int:
    """Return how deep a line nests lists or quotes: its indentation in steps of 4 columns, plus every list
    marker and '>' that opens its content ('- - x' and '> 1. > x' nest on one line); `indent` is the line's
    indentation in columns, which the caller has already measured."""
    depth, position = indent // 4, 0
    content = text.lstrip(" \t")
    while position < len(content):
        if content[position] == ">":
            depth, position = depth + 1, position + 1
        elif (marker := LIST_MARKER.match(content, position)) is not None:
            depth, position = depth + 1, marker.end()
        else:
            break
        while position < len(content) and content[position] in " \t":
            position += 1
    return depth


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
    read = layout(body)
    return _too_deep(read) if _within(body, len(read.lines)) else _counted(read)


def _within(body: str, line_count: int) -> bool:
    """Tell whether counts over the whole body, code and all, keep every limit but list and quote depth: what
    _counted counts (text only, never more) is then within them too. Each '<' starts one tag or construct at
    most, each '[' one footnote reference, each line one definition, heading, rule, admonition or fence line."""
    marks = {mark: body.count(mark) for mark in _INLINE_MARKS}
    tags, brackets = marks["<"], marks["["]
    most = dict.fromkeys(PER_BODY, line_count)
    most.update({"raw HTML tags": tags, "'<!' or '<?' constructs": tags, "footnote references '[^'": brackets,
                 "abbreviation definitions '*['": body.count("*[")})
    return (all(most[key] <= limit for key, (limit, _) in PER_BODY.items()) and tags <= MAX_HTML_DEPTH
            and brackets <= MAX_BRACKETS and marks["*"] + marks["_"] <= MAX_EMPHASIS
            and marks["`"] <= MAX_BACKTICKS and sum(marks.values()) <= MAX_INLINE)


def _deep(depth: int) -> str:
    """The message for lists or quotes nested `depth` levels deep."""
    return f"nests lists or quotes {depth} levels deep (keep it to {MAX_DEPTH})"


def _too_deep(read: Layout) -> list[Overrun]:
    """Return the first text line that nests lists or quotes past the limit, if any."""
    for offset, (text, kind) in enumerate(zip(read.lines, read.kinds)):
        if kind >= 0 and (depth := _depth(text, kind)) > MAX_DEPTH:
            return [Overrun(offset, _deep(depth))]
    return []


def _counted(read: Layout) -> list[Overrun]:
    """Return every limit the body goes past, counted line by line (text only: code is skipped)."""
    found: list[Overrun] = []
    reported: set[str] = set()

    def report(key: str, offset: int, message: str) -> None:
        if key not in reported:
            reported.add(key)
            found.append(Overrun(offset, message))

    def count(key: str, hits: int, offset: int) -> None:
        if not hits:  # a limit is reported when first passed: no new hits, nothing new to say
            return
        counts[key] += hits
        limit, fix = PER_BODY[key]
        if counts[key] > limit:
            report(key, offset, f"has more than {limit:,} {key} ({fix})")

    counts = dict.fromkeys(PER_BODY, 0)
    paragraph = _Counts()
    nesting = _Nesting()
    for offset, (text, indent) in enumerate(zip(read.lines, read.kinds)):
        count("code fence lines", text[:3] in ("```", "~~~"), offset)
        if indent < 0:  # blank or code: the paragraph ends, and nothing in code counts
            paragraph = _Counts(offset + 1)
            continue
        prose = without_code_spans(text) if "`" in text else text
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
            report("depth", offset, _deep(depth))
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
