"""Check a practice's Markdown body: present, safe to publish, of a shape the renderer handles, and sectioned."""

from __future__ import annotations

import html
import re

from .checker import Checker
from .schema import GENERATED_SECTIONS, SECTIONS


_UNSAFE_TAG = re.compile(
    r"<\s*/?\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|"
    r"link|meta|base|svg|math|template|noscript)\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-z][^>]*?[\s/\"']on[a-z]+\s*=", re.IGNORECASE)
_BAD_URL = re.compile(r"(?:href|src|action|formaction|xlink:href|poster|background)=[\"']?(?:javascript|vbscript|data):"
                      r"|\]\(<?(?:javascript|vbscript|data):|^\[[^\]]+\]:<?(?:javascript|vbscript|data):", re.IGNORECASE)
_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(?:https?:)?//|<img\b[^>]*\ssrc\s*=\s*[\"']?\s*(?:https?:)?//",
                           re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
#: 'script:' or 'data:' written backwards, invisible characters allowed between the letters (where a _BAD_URL
#: match must be). Backwards, the pattern starts with ':', which the regex engine finds fast.
_SCHEME_BACKWARDS = re.compile(
    "|".join(r"[\x00-\x20\x7f]*".join(word[::-1]) for word in ("script:", "data:")), re.IGNORECASE)


def _may_hold_unsafe_html(body: str) -> bool:
    """Tell whether any line of the body could fail check_html, looking at the whole text at once.

    Each test accepts whatever a line's test would (patterns may also match across lines), so a body that
    passes here needs no line-by-line look."""
    plain = html.unescape(body)
    return bool(_UNSAFE_TAG.search(body) or _HANDLER.search(body) or _SCHEME_BACKWARDS.search(plain[::-1])
                or ("![" in plain or "<" in plain) and _REMOTE_IMAGE.search(plain))


def check_html(checker: Checker, body: str, line: int) -> None:
    """Refuse raw HTML that can carry script, script URLs (even entity-encoded) and remote images."""
    if not _may_hold_unsafe_html(body):
        return
    for number, text in enumerate(body.split("\n"), start=line):
        if "<" not in text and ":" not in text and "&" not in text:
            continue
        plain = html.unescape(text)  # entities hide nothing from URL checks; in text they stay text
        tag = _UNSAFE_TAG.search(text)
        if tag:
            checker.report(("body",), f"has a <{tag.group(1).lower()}> tag (remove it: practice pages carry no "
                                      "scripts, styles, frames or forms)", line=number)
        if _HANDLER.search(text):
            checker.report(("body",), "has an HTML event-handler attribute such as onclick (remove it)", line=number)
        if _BAD_URL.search(_INVISIBLE.sub("", plain)):
            checker.report(("body",), "has a javascript:, vbscript: or data: link (use an http(s) address)",
                           line=number)
        if _REMOTE_IMAGE.search(plain):
            checker.report(("body",), "shows an image from another server (readers' browsers would call it; "
                                      "describe it in words or link to it instead)", line=number)


MAX_BRACKETS = 250
MAX_DEPTH = 10
_QUOTES = re.compile(r"^\s*((?:>\s*)+)")
#: A line nested deeper than MAX_DEPTH starts with more than MAX_DEPTH blanks or '>' (a tab is 4 columns at most).
#: Searched in "\n" + body: a pattern that starts with a newline is found faster than one at '^'.
_DEEP = re.compile(rf"\n(?:[^\S\n]|>){{{MAX_DEPTH + 1},}}")


def check_shape(checker: Checker, body: str, line: int) -> None:
    """Refuse Markdown that would make the renderer crawl or recurse: bracket storms and very deep nesting."""
    if body.count("[") <= MAX_BRACKETS and not _DEEP.search("\n" + body):
        return  # the common case, decided without looking at each line
    start, brackets = line, 0
    for number, text in enumerate(body.split("\n"), start=line):
        if not text.strip():
            start, brackets = number + 1, 0
            continue
        brackets += text.count("[")
        if brackets > MAX_BRACKETS:
            checker.report(("body",), f"has more than {MAX_BRACKETS} '[' in one paragraph (split it, or write "
                                      "brackets as \\[)", line=start)
            start, brackets = number + 1, -len(body)
        indent = len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip(" "))
        quotes = _QUOTES.match(text)
        depth = max(indent // 4, quotes.group(1).count(">") if quotes else 0)
        if depth > MAX_DEPTH:
            checker.report(("body",), f"nests lists or quotes {depth} levels deep (keep it to {MAX_DEPTH})",
                           line=number)
            return


_HEADING = re.compile(r"\n(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)  # in "\n" + text, like _DEEP
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


_GENERATED = {heading.casefold(): name for heading, name in GENERATED_SECTIONS.values()}


def check_body(checker: Checker, body: str, line: int) -> None:
    """Require a body; warn for each missing recommended section; refuse a level-1 heading and the sections
    that the page makes itself."""
    if not body.strip():
        checker.report(("body",), "is empty (write the practice in Markdown below the front matter)", line=line)
        return
    fenced = "```" in body or "~~~" in body
    prose = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), body) if fenced else body
    check_html(checker, prose, line)
    check_shape(checker, body, line)
    headings = {}
    for match in _HEADING.finditer("\n" + prose):
        level, title = len(match.group(1)), html.unescape(match.group(2)).strip()
        where = line + prose.count("\n", 0, match.start())
        if level == 1:
            checker.report(("body",), f"has a level-1 heading '{title}' (the title comes from the front matter; "
                                      f"use '##' for sections)", line=where)
        elif title.casefold() in _GENERATED:
            checker.report(("body",), f"has a '{title}' section, which the page makes from the front matter "
                                      f"(use the {_GENERATED[title.casefold()]} field, or name the section otherwise)",
                           line=where)
        headings.setdefault(title.casefold(), where)
    for section in SECTIONS:
        if section.casefold() not in headings:
            checker.report(("body",), f"has no '## {section}' section (recommended by the Interreg Europe "
                                      f"good-practice template)", line=line, warning=True)
