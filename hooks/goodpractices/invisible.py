"""Which characters a reader cannot see, by Unicode property: what texts may not hold, and what comparisons ignore.

Unicode lists them: Default_Ignorable_Code_Point (zero-width spaces and joiners, bidirectional marks, the soft
hyphen, the Hangul fillers, the combining grapheme joiner, variation selectors, tags and the code points kept for
more of them), the format characters (Cf), controls (Cc) and lone surrogates (Cs). Read through the `regex`
library, whose Unicode tables are newer than Python's and name the derived property, which Python's do not.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

#: What a comparison of two texts ignores: every character Unicode says a reader does not see.
_IGNORABLE_CLASS = r"\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Cs}"
_IGNORABLE = regex.compile(f"[{_IGNORABLE_CLASS}]")
#: Of those, what a text may keep: marks that shape the letter before them (variation selectors, the combining
#: grapheme joiner, Mongolian and Khmer marks: all Mn) and the zero-width (non-)joiners that scripts and emoji
#: need between letters. Tab and line breaks are white space.
_KEPT_CLASS = r"\p{Mn}\u200c\u200d\t\n\r"
_KEPT = regex.compile(f"[{_KEPT_CLASS}]")
#: The ignorable characters but those kept, as one class (a set difference): a whole text searched in one call.
_REFUSED = regex.compile(f"(?V1)[[{_IGNORABLE_CLASS}]--[{_KEPT_CLASS}]]")


def ignorable(char: str) -> bool:
    """Tell whether a reader sees nothing of a character (Default_Ignorable_Code_Point, Cf, Cc, Cs)."""
    return _IGNORABLE.match(char) is not None


def refused(char: str) -> bool:
    """Tell whether no text may hold a character: an ignorable one that is not a mark on the letter before it
    nor a joiner (controls, format characters, the Hangul fillers, unassigned ignorable code points)."""
    return ignorable(char) and _KEPT.match(char) is None


def first_refused(text: str) -> str | None:
    """Return the first character of a text that no text may hold (see `refused`), or None."""
    found = _REFUSED.search(text)
    return found.group() if found else None


def any_ignorable(text: str) -> bool:
    """Tell whether a text holds a character that a reader does not see (see `ignorable`)."""
    return _IGNORABLE.search(text) is not None


def visible(text: str) -> bool:
    """Tell whether a text shows anything: a character that is neither white space nor ignorable."""
    return any(not char.isspace() and not ignorable(char) for char in text)


def without_ignorable(text: str) -> str:
    """Return a text without its ignorable characters (white space stays, as a space)."""
    return _IGNORABLE.sub(lambda match: " " if match.group().isspace() else "", text)


@cache
def bmp_ranges(keep: Callable[[str], bool]) -> str:
    """The characters of the Basic Multilingual Plane (surrogates aside) that `keep` holds, as the ranges of a
    regular-expression class ('\\u0000-\\u0008\\u000B…'), for patterns that cannot name a property (JSON Schema's)."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF or not keep(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"\\u{a:04X}" + (f"-\\u{b:04X}" if b > a else "") for a, b in ranges)
