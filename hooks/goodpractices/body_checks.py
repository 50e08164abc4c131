"""Check a practice body: bounded, rendered once, safe, sectioned; keep its cleaned HTML and headings."""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from . import body_markdown
from .body_markdown import RenderTimeout, render
from .bodytree import Element, parse
from .checker import Checker, folded
from .completeness import placeholder_sentences
from .invisible import any_ignorable
from .markdown_blocks import code_masked
from .markdown_limits import overruns
from .model import Heading, Passage
from .sanitize import ID_PREFIX, Finding, clean, inspect
from .schema import GENERATED_SECTIONS, SECTIONS
from .text import passages

#: Section titles compare as titles do (checker.folded): case, width and invisible characters ignored, so that
#: '## Con&shy;tact' or '## Contact\u200b' is the page's own 'Contact' section too.
_GENERATED = {folded(heading): name for heading, name in GENERATED_SECTIONS.values()}
#: The recommended sections, each with its title as compared.
_RECOMMENDED = tuple((section, folded(section)) for section in SECTIONS)
#: A heading's anchor goes into the page's table of contents: plain names only.
_ANCHOR = re.compile(r"[\w.:-]+")


def _plain(anchor: str) -> bool:
    """Tell whether an anchor is a plain name: word characters, '.', ':' or '-', none of them invisible (the Hangul
    fillers are letters to `\\w`, and Default_Ignorable)."""
    return _ANCHOR.fullmatch(anchor) is not None and not any_ignorable(anchor)
#: Python-Markdown's placeholder for a piece of HTML it keeps aside (an entity, a raw tag).
_STASHED = re.compile("\x02wzxhzdk:[0-9]+\x03")
#: Refusals reported for one body, at most: a body with thousands of them gets a count of the rest.
MAX_FINDINGS = 20
#: The rendered HTML of a body, at most: a short body may multiply (a long definition used many times).
MAX_HTML_CHARS = 1_000_000


@dataclass(frozen=True)
class Body:
    """A body as pages show it: cleaned HTML (UTF-8) and its headings (anchors prefixed like the HTML's ids);
    and what else is needed of it, worked out here (in the worker for half the files) so that the Markdown
    need not be kept: its plain text by heading, for search and the data downloads, and its placeholder
    sentences; and the tree all of it was read from, which the PDF lays out (catalog.check_file drops it for a
    build that makes no PDF)."""

    html: bytes
    headings: tuple[Heading, ...]
    passages: tuple[Passage, ...]
    placeholders: tuple[str, ...]
    tree: Element | None


#: What a source character may stand for once Markdown and HTML have read it: an entity (with or without its ';'),
#: a backslash-escaped punctuation mark, or itself.
_TOKEN = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});?|\\[!-/:-@\[-`{-~]|.",
                    re.DOTALL)


#: An ATX heading line ('## Title ##') and a setext underline ('===' or '---'), as Python-Markdown reads them.
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$")
#: Marks that a heading's text loses when rendered (emphasis, code, links): ignored when heading lines are compared.
_MARKS = re.compile(r"[*_`~\[\]()]")
_SETEXT = re.compile(r" {0,3}(=|-)\1*[ \t]*$")
#: What _squeeze drops of ASCII, as a table for str.translate.
_ASCII_UNSEEN = dict.fromkeys([*range(0x21), 0x7F])


class _Lines:
    """Finds the body line of the first text that a finding names: as written, or once decoded the way Markdown
    and browsers read it (entities, backslash escapes, controls and white space dropped, any case)."""

    def __init__(self, body: str, first: int) -> None:
        self.body, self.first = body, first
        self._texts = [code_masked(body), body]  # outside code first: code is text, never what is refused
        self._folded: dict[int, str] = {}
        self._decoded: dict[int, tuple[str, list[int]]] = {}
        self._headings: tuple[dict[tuple[int, str], int], dict[tuple[bool, str], int]] | None = None

    def __call__(self, needles: tuple[str, ...], after: int = 0) -> int:
        return self.first + self.body.count("\n", 0, max(0, self._at(needles, after)))

    def each(self, needles: tuple[str, ...], times: int) -> list[int]:
        """Return the lines of the first `times` places that hold a needle, a line at most once (the first
        line if none does)."""
        lines, after = [], 0
        for _ in range(times):
            at = self._at(needles, after)
            if at == -1 and lines:
                break
            lines.append(self.first + self.body.count("\n", 0, max(0, at)))
            after = self.body.find("\n", at) + 1
            if at == -1 or after == 0:
                break
        return lines

    def _at(self, needles: tuple[str, ...], after: int) -> int:
        """Return where the first needle found from `after` on starts (outside code first), or -1."""
        for which in range(len(self._texts)):
            for needle in needles:
                at = self._find(needle, which, after)
                if at != -1:
                    return at
        return -1

    def heading(self, level: int, title: str) -> int:
        """Return the line of the first heading of this level and title, written '#' or underlined, else the
        line of the title's text (or the body's first line)."""
        written, underlined = self._headings = self._headings or _heading_lines(self._texts[0].split("\n"))
        wanted = _MARKS.sub("", _squeeze(title))
        found = [written.get((level, wanted)), underlined.get((level == 1, wanted)) if wanted else None]
        lines = [number for number in found if number is not None]
        return self.first + min(lines) if lines else self((f"# {title}", title))

    def _find(self, needle: str, which: int, after: int = 0) -> int:
        """Return where in the body (outside code, or anywhere) a needle starts from `after` on, or -1."""
        if not needle.strip():
            return -1
        text = self._texts[which]
        at = text.find(needle, after)
        if at == -1:
            folded = self._folded.setdefault(which, text.casefold())
            at = folded.find(needle.casefold(), after) if len(folded) == len(text) else -1  # 'ß' folds longer
        if at == -1:
            decoded, starts = self._decode(which)
            found = decoded.find(_squeeze(needle), bisect.bisect_left(starts, after))
            at = starts[found] if found != -1 else -1
        return at

    def _decode(self, which: int) -> tuple[str, list[int]]:
        """Return a text decoded (see the class) and, for each of its characters, where its source starts."""
        if which not in self._decoded:
            parts, starts = [], []
            for token in _TOKEN.finditer(self._texts[which]):
                for char in _squeeze(_decoded(token.group())):
                    parts.append(char)
                    starts.append(token.start())
            self._decoded[which] = "".join(parts), starts
        return self._decoded[which]


def _heading_lines(lines: list[str]) -> tuple[dict[tuple[int, str], int], dict[tuple[bool, str], int]]:
    """Return where headings are written, as {(level, title): first line} for '#' headings and {(underlined
    with '=', title): first line} for underlined ones, titles as compared (decoded, squeezed, without marks)."""
    written: dict[tuple[int, str], int] = {}
    underlined: dict[tuple[bool, str], int] = {}
    for number, text in enumerate(lines):
        atx = _ATX.match(text)
        if atx:
            written.setdefault((len(atx.group(1)), _title(atx.group(2) or "")), number)
        underline = _SETEXT.match(lines[number + 1]) if number + 1 < len(lines) else None
        if underline:
            underlined.setdefault((underline.group(1) == "=", _title(text)), number)
    return written, underlined


def _title(text: str) -> str:
    """Return a heading's source text as titles compare: decoded, squeezed, without the marks rendering drops."""
    return _MARKS.sub("", _squeeze(_decoded(text)))


def _decoded(text: str) -> str:
    """Return source text as Markdown and HTML read it: entities decoded, backslash escapes removed."""
    if "&" not in text and "\\" not in text:  # nothing to decode: every token is one character
        return text
    return "".join(html.unescape(raw) if raw[0] == "&" else raw[1] if raw[0] == "\\" and len(raw) == 2 else raw
                   for raw in _TOKEN.findall(text))


def _squeeze(text: str) -> str:
    """Return text without controls and white space, case-folded: how a needle and the decoded body compare."""
    if text.isascii():  # the controls and white space of ASCII are its first 33 characters and DEL
        return text.translate(_ASCII_UNSEEN).lower()
    return "".join(char for char in text if not char.isspace() and unicodedata.category(char) != "Cc").casefold()


def check_body(checker: Checker, body: str, line: int) -> Body | None:
    """Check a body and return it rendered and cleaned, or None if it cannot be rendered; report every problem
    (refusals at their source lines) and warn for each missing recommended section."""
    if not body.strip():
        checker.report(("body",), "is empty (write the practice in Markdown below the front matter)", line=line)
        return None
    limits = overruns(body)
    for overrun in limits:
        checker.report(("body",), overrun.message, line=line + overrun.offset)
    if limits:
        return None
    try:
        rendered = render(body)
    except RenderTimeout:
        checker.report(("body",), f"takes more than {body_markdown.RENDER_SECONDS} s to render (simplify its Markdown: fewer "
                                  "nested or repeated marks)", line=line)
        return None
    except RecursionError:
        checker.report(("body",), "nests its Markdown too deeply to render (simplify nested lists, quotes or "
                                  "emphasis)", line=line)
        return None
    if len(rendered.html) > MAX_HTML_CHARS:
        checker.report(("body",), f"renders to {len(rendered.html):,} characters of HTML (keep it under "
                                  f"{MAX_HTML_CHARS:,}: repeat long definitions, titles or links less)", line=line)
        return None
    seen = inspect(rendered.html, markup="<" in body or "{" in body)  # raw HTML, attribute lists
    html, missed = clean(rendered.html, seen.ids)
    where = _Lines(body, line)
    first: dict[str, Finding] = {}
    times: Counter[str] = Counter()  # how often the text is written: the most either parser or the sanitiser saw
    for group in (seen.findings, missed):  # one parser may see what the other saw: say it once per place
        for finding in group:
            first.setdefault(finding.message, finding)
        times |= Counter(finding.message for finding in group)
    left, more = MAX_FINDINGS, 0
    for finding in first.values():
        places = where.each(finding.needles, min(times[finding.message], left)) if left else []
        for place in places:
            checker.report(("body",), finding.message, line=place)
        left -= len(places)
        more += times[finding.message] - len(places) if not left else 0
    if more:
        checker.report(("body",), f"has {more:,} more problems like these (correct the ones above first)", line=line)
    _check_headings(checker, rendered.headings, seen.h1, where)
    headings = tuple(Heading(h.level, ID_PREFIX + h.anchor, h.title) for h in rendered.headings
                     if _plain(h.anchor))
    tree = parse(html)  # the one reading of the cleaned HTML
    return Body(html.encode(), headings, passages(tree), placeholder_sentences(body), tree)


def _check_headings(checker: Checker, headings: tuple[Heading, ...], h1: int, where: _Lines) -> None:
    """Refuse level-1 headings and the sections the page makes itself; warn for missing recommended ones."""
    titles = set()
    for heading in headings:
        line, title = where.heading(heading.level, heading.title), folded(heading.title)
        if not _plain(heading.anchor):
            anchor = _STASHED.sub("…", heading.anchor)  # an entity or tag in an attribute list leaves a placeholder
            shown = f"{anchor[:60]!r}" if anchor.strip("…") else "written with entities or HTML"
            checker.report(("body",), f"has a heading id {shown} that is not a plain name (use letters, digits, "
                                      "'-', '_', '.' or ':')", line=where((anchor, f"#{anchor}", heading.title)))
        if heading.level == 1:
            shown = f"'{heading.title}'" if heading.title.strip() else "with no text"
            checker.report(("body",), f"has a level-1 heading {shown} (the title comes from the front "
                                      "matter; use '##' for sections)", line=line)
        elif title in _GENERATED:
            checker.report(("body",), f"has a '{heading.title}' section, which the page makes from the front matter "
                                      f"(use the {_GENERATED[title]} field, or name the section otherwise)", line=line)
        titles.add(title)
    if h1 > sum(heading.level == 1 for heading in headings):  # written as HTML
        checker.report(("body",), "has a level-1 heading <h1> (the title comes from the front matter; use '##' "
                                  "for sections)", line=where(("<h1",)))
    for section, title in _RECOMMENDED:
        if title not in titles:
            checker.report(("body",), f"has no '## {section}' section (recommended by the Interreg Europe "
                                      f"good-practice template)", line=where.first, warning=True)
