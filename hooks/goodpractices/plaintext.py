"""Make text pasted from a word processor plain: bullet lines as a Markdown list, odd spaces, quotes around it all.

The issue-form converter and `make new` clean what they are given; `pasted_problems` names what is left in a
file that only a person can fix (the validator warns about it)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Bullets that word processors paste at the start of a list item.
BULLETS = "•◦▪▫‣⁃●○■□–—·\uf0b7\uf0a7\uf0d8"  # the last three: Word's Symbol and Wingdings bullets, as pasted
_BULLET_LINE = re.compile(rf"^([ \t]*)[{BULLETS}][ \t\u00a0]*(?=\S)")
#: Spaces that look like a space but are not one (no-break, narrow no-break, figure, thin, ideographic ...).
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
#: Characters that take no room: zero-width space, word joiner, byte-order mark in the middle of a text, and the
#: soft hyphen a word processor puts where it may break a word.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad]")
#: Quotation marks a word processor puts around a whole value, as (opening, closing) pairs.
_QUOTES = (("“", "”"), ("„", "“"), ("‘", "’"), ("«", "»"), ("»", "«"), ("‚", "‘"), ('"', '"'), ("'", "'"))


def spaces(text: str) -> str:
    """Return text with odd spaces as plain spaces and zero-width characters removed."""
    return _ZERO_WIDTH.sub("", _SPACES.sub(" ", text))


def unquoted(text: str) -> str:
    """Return a one-line value without the quotation marks around all of it, e.g. '“Smart vouchers”'."""
    value = text.strip()
    for opening, closing in _QUOTES:
        inner = value[len(opening):-len(closing)]
        if (len(value) > 2 and value.startswith(opening) and value.endswith(closing)
                and opening not in inner and closing not in inner):
            return inner.strip()
    return value


def bullets(text: str) -> str:
    """Return text whose pasted bullet lines ('• item', '– item') are a Markdown list ('- item'), with a blank
    line before and after the list, as Markdown needs."""
    lines = text.split("\n")
    result: list[str] = []
    in_list = False
    for line in lines:
        match = _BULLET_LINE.match(line)
        if match:
            if not in_list and result and result[-1].strip():
                result.append("")
            result.append(f"{match.group(1)}- {line[match.end():].rstrip()}")
            in_list = True
            continue
        if in_list and line.strip() and not line[:1].isspace():
            result.append("")
        in_list = in_list and (not line.strip() or line[:1].isspace())
        result.append(line)
    return "\n".join(result)


def inline_bullets(text: str) -> str:
    """Return text whose bullets run together on one line ('• one • two') split onto lines of their own."""
    lines = []
    for line in text.split("\n"):
        first = re.match(rf"^[ \t]*([{BULLETS}])[ \t\u00a0]", line)
        lines.append(re.sub(rf"[ \t]+(?={re.escape(first.group(1))}[ \t\u00a0])", "\n", line) if first else line)
    return "\n".join(lines)


def plain_value(text: str) -> str:
    """Clean a one-line (or one-paragraph) value: odd spaces, and quotation marks around all of it."""
    return unquoted(spaces(text))


def plain_section(text: str) -> str:
    """Clean a section's text: odd spaces, and bullets (also run together on a line) as a Markdown list."""
    return bullets(inline_bullets(spaces(text))).strip()


@dataclass(frozen=True)
class Pasted:
    """Something pasted that a file still holds: its line (in the text given) and what to do about it."""

    line: int
    message: str


def pasted_problems(text: str) -> list[Pasted]:
    """Name, line by line, what a word processor left in a Markdown text: bullets that Markdown does not read
    as a list, no-break or zero-width spaces."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        bullet = _BULLET_LINE.match(line)
        if bullet:
            char = line[len(bullet.group(1))]
            shown = f"the bullet U+{ord(char):04X}" if unicodedata.category(char) == "Co" else f"'{char}'"
            found.append(Pasted(number, f"the line starts with {shown}, which is not a list item on the page "
                                        "(write '- ' instead, after a blank line)"))
        odd = _SPACES.search(line) or _ZERO_WIDTH.search(line)
        if odd and odd.group() == "\u00ad":
            found.append(Pasted(number, "holds a soft hyphen (U+00AD), pasted from a word processor (retype the "
                                        "word that holds it)"))
        elif odd:
            name = "a zero-width character" if _ZERO_WIDTH.match(odd.group()) else "a no-break space"
            found.append(Pasted(number, f"holds {name} (U+{ord(odd.group()):04X}), pasted from a word processor "
                                        "(retype the spaces on this line)"))
    return found
