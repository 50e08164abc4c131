"""Name the YAML mistakes people make (a tab, a stray '#', a space before a field, an unquoted ': ') in their words.

The parser's own messages ("found character that cannot start any token", "did not find expected key") speak of
tokens; a person needs the line to change and what to type."""

from __future__ import annotations

import re

_COMMENTED_KEY = re.compile(r"^[ \t]*#[ \t]*([^\s#:][^:#]*?):(?:[ \t]|$)")
_INDENTED_KEY = re.compile(r"^( +)([^\s#:-][^:#]*?):(?:[ \t]|$)")
#: The longest line whose value is searched for an unquoted ': ' (the search is quadratic in the line).
_PLAIN_LINE = 2_000
_KEY_VALUE = re.compile(r"^([ \t]*(?:- +)?)([^\s#:'\"{\[][^:#]*?):[ \t]+(.*)$")


def plain_mistake(text: str, line: int) -> tuple[int, str | None, str] | None:
    """Name the mistake people make that broke the YAML at or before `line` (1-based), in their words: a tab
    in the indentation, a '#' left in front of a field whose lines below were uncommented, a field that starts
    with a space, or ': ' inside a value that is not in quotes. Return (line, field or None for the field that
    holds the line, message), or None if it is none of these."""
    lines = text.split("\n")
    last = min(line, len(lines))
    for number in range(1, last + 1):
        current = lines[number - 1]
        indent = current[:len(current) - len(current.lstrip(" \t"))]
        if "\t" in indent and current.strip() and not current.lstrip().startswith("#"):
            key = _INDENTED_KEY.match(current.replace("\t", " "))
            if key and not _opens_block(lines[:number - 1]):
                name = key.group(2)
                return (number, name, f"'{name}:' starts with a tab, which YAML does not allow (remove it: each "
                                      "field starts at the beginning of its line)")
            return (number, None, "a tab is used to indent this line, which YAML does not allow "
                               "(indent with spaces, two per level)")
        dash = re.match(r"^[ ]*(?:-[ ]*)*-[ ]*\t", current)
        if dash:
            return (number, None, "a tab follows the '-' of this list item, which YAML does not allow (write "
                                  "one space after the '-')")
    previous, before, before_number = "", "", 0  # the last line with text; the last one that is not a comment
    for number in range(1, min(last + 1, len(lines)) + 1):
        current = lines[number - 1]
        if not current.strip():
            continue
        comment = current.lstrip().startswith("#")
        commented = _COMMENTED_KEY.match(previous)
        if (current[:1] == " " or re.match(r"-(?:[ \t]|$)", current)) and commented and not comment:
            key = commented.group(1).strip()
            spaced = " and the space after it" if re.match(r"[ \t]*#[ \t]", previous) else ""
            return (before_number, key, f"'{key}:' still has a '#' in front of it, but the lines below "
                               f"it do not (remove the '#'{spaced}, so that the line starts with "
                               f"'{key}:'; or put '#' in front of the lines below too)")
        indented = _INDENTED_KEY.match(current)
        if (indented and not comment and before and before[:1] not in " \t-"
                and not before.rstrip().endswith(":")):
            key = indented.group(2)
            spaces = len(indented.group(1))
            return (number, key, f"'{key}:' starts with {'a space' if spaces == 1 else f'{spaces} spaces'}"
                               f", so it reads as part of the field above (remove {'it' if spaces == 1 else 'them'}: "
                               "each field starts at the beginning of its line)")
        previous, before_number = current, number
        if not comment:
            before = current
    current = lines[last - 1] if lines else ""
    pair = _KEY_VALUE.match(current) if len(current) <= _PLAIN_LINE else None  # the search below is quadratic
    if pair:
        value = pair.group(3)
        inner = re.search(r"(?:^|[{,]\s*)([^\s:{},]+):\s+([^{},\"']*:\s[^{},]*)", value)
        if inner and value.startswith("{"):
            key, text_value = inner.group(1), inner.group(2).strip()
            return (last, None, f"the {key} '{text_value}' holds ': ', which YAML reads as a new field "
                               f"(put it in double quotes: {key}: \"{text_value}\")")
        if re.search(r":(?:\s|$)", value) and value[:1] not in "\"'{[|>":
            key = pair.group(2)
            return (last, None, f"the value holds ': ', which YAML reads as a new field (put the whole "
                               f"value in double quotes: {key}: \"{value.rstrip()}\")")
    return None


def _opens_block(lines: list[str]) -> bool:
    """Say whether the last line with text (not a comment) above opens a block ('contact:') or is inside one,
    so that an indented line below it belongs to a field rather than starting one."""
    for line in reversed(lines):
        if line.strip() and not line.lstrip().startswith("#"):
            return line[:1] in " \t-" or line.rstrip().endswith(":")
    return False


#: Lines people write for the '---' that opens or closes the fields: too few dashes, or a word processor's dash.
_ALMOST_FENCE = re.compile(r"^[ \t]*(?:-{1,2}|[—–]+-*|-+[—–]+|- - -|_{3,}|\*{3,})[ \t]*$")


def fence_problem(text: str, opened: bool) -> tuple[int, str]:
    """Say where the '---' line that opens (opened=False) or closes (opened=True) the fields is missing or
    mistyped, as (line, message) in the file's words."""
    lines = text.split("\n")
    start = 1 if opened else 0
    for number, line in enumerate(lines[start:], start=start + 1):
        if _ALMOST_FENCE.match(line):
            which = "close" if opened or number > 1 and _first_text(lines) < number else "open"
            return number, (f"'{line.strip()}' is not the line of three hyphens that {which}s the fields "
                            "(write '---'; a word processor may have turned them into a dash)")
        if opened and re.match(r"^#{1,6}[ \t]", line):
            return number, (f"the fields are not closed before '{line.strip()[:40]}' (add a line '---' after the "
                            "last field)")
    if not opened:
        first = _first_text(lines)
        if first > 1 and lines[first - 1].strip() == "---":
            return 1, (f"starts with {first - 1} empty line{'s' if first > 2 else ''} before '---' (delete "
                       f"{'them' if first > 2 else 'it'}: '---' must be the very first line)")
        if first and re.match(r"^[A-Za-z_][\w-]*:", lines[first - 1]):
            return first, "the line '---' that opens the fields is missing (add a line '---' above this one)"
        return 1, "missing (start the file with a line '---', the fields, and another line '---')"
    return 1, "not closed (add a line '---' after the last field)"


def _first_text(lines: list[str]) -> int:
    """Return the number of the first line that holds text (0 if none)."""
    return next((number for number, line in enumerate(lines, start=1) if line.strip()), 0)
