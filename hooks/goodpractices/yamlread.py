"""Parse YAML the strict way (1.2-style scalars, no aliases, no tags, bounded) and remember every value's line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from .yamlplain import plain_mistake

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The most characters a YAML text may have: front matter is a few dozen short fields, a registry a few dozen entries.
MAX_YAML_CHARS = 100_000
#: The deepest nesting of lists and mappings (the document's own mapping is level 1; the schema needs 3).
MAX_YAML_DEPTH = 20

#: Characters YAML forbids in a file (it allows tab, line breaks and the printable planes only), and the line
#: breaks other than \n, which YAML counts as lines where no editor shows one.
_UNPRINTABLE = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAKS = frozenset("\r\x85\u2028\u2029")
_CONTROL_NAMES = {0: "NUL", 8: "BACKSPACE", 0x0B: "VERTICAL TAB", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN",
                  0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}

Path = tuple[str | int, ...]


class StrictLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A loader whose implicit types follow the YAML 1.2 core schema: no yes/no/on/off, no timestamps."""

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}


for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    StrictLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))

_SCALARS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": lambda text: int(text, 0) if text[:2] in ("0o", "0x") else int(text),
    "tag:yaml.org,2002:float": lambda text: float(text.lower().replace(".inf", "inf").replace(".nan", "nan")),
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
    "tag:yaml.org,2002:null": lambda text: None,
}


@dataclass(frozen=True)
class YamlProblem:
    """Why a YAML text could not be read, and on which line (1-based, in the YAML text)."""

    line: int
    field: str
    message: str


@dataclass
class YamlDoc:
    """A parsed YAML document: plain Python values and the line of every key and list item."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)

    def refuse(self, line: int, path: Path, message: str) -> None:
        """Record a problem with the value at `path`."""
        self.problems.append(YamlProblem(line, _field(path), message))

    @property
    def refused(self) -> set[str]:
        """Return the top-level keys whose values had problems (their checks would only repeat them)."""
        return {problem.field for problem in self.problems}

    def line(self, *path: str | int) -> int:
        """Return the line of the deepest known part of `path` (the document start if none)."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def character_name(char: str) -> str:
    """Name a character for a message, e.g. 'U+0000 (NUL)' or 'U+200B (ZERO WIDTH SPACE)'."""
    name = _CONTROL_NAMES.get(ord(char)) or unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def top_key(text: str, line: int) -> str | None:
    """Return the top-level key whose value holds `line` (1-based), read from the lines alone; None if unsure."""
    lines = text.split("\n")
    for number in range(min(line, len(lines)) - 1, -1, -1):
        current = lines[number]
        if not current.strip() or current[0] in " \t#" or current.split(None, 1)[0] == "-":
            continue  # a blank line, a comment, or a line inside a value (an indented one, or a list item)
        quote = current[0] if current[0] in "'\"" else ""
        end = current.find(quote, 1) + 1 if quote else 0
        colon = current.find(":", end)
        if colon <= 0 or (colon + 1 < len(current) and current[colon + 1] not in " \t"):
            return None
        key = current[:colon].strip()
        return key[1:-1] if quote and key.endswith(quote) and len(key) > 1 else key
    return None


def _field(path: Path) -> str:
    return str(path[0]) if path else "yaml"


def _type_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "a " + node.tag.rsplit(":", 1)[-1]


class _Builder:
    """Turns a composed node tree into values, refusing aliases, explicit tags and odd keys."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.aliased: set[str] = set()

    def value(self, node: yaml.Node, path: Path) -> Any:
        if id(node) in self.seen:
            # An alias is the anchored node itself, so its marks point at the anchor: name the key's line.
            if _field(path) not in self.aliased:  # once per field: a file of aliases gives one line, not thousands
                self.aliased.add(_field(path))
                where = self.doc.line(*path[:-1]) if path and isinstance(path[-1], int) else self.doc.line(*path)
                self.doc.refuse(where, path, "anchors and aliases (&name, *name) are not allowed "
                                             "(write the value out)")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                return self.bad_tag(node, path)
            items = []
            for index, item in enumerate(node.value):
                self.doc.lines[(*path, index)] = item.start_mark.line + 1
                items.append(self.value(item, (*path, index)))
            return items
        convert = _SCALARS.get(node.tag)
        if convert is None:
            return self.bad_tag(node, path)
        try:
            return convert(node.value)
        except ValueError:
            return node.value

    def bad_tag(self, node: yaml.Node, path: Path) -> None:
        self.doc.refuse(node.start_mark.line + 1, path, f"the tag {node.tag} is not allowed (remove the '!' tag)")
        return None

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any] | None:
        if node.tag != "tag:yaml.org,2002:map":
            return self.bad_tag(node, path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.doc.refuse(line, path, "merge keys (<<) are not allowed (write the keys out)")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.doc.refuse(line, path, f"keys must be text, got {_type_name(key_node)} (quote the key)")
                continue
            key = key_node.value
            if key in result:
                first = self.doc.lines[(*path, key)]
                self.doc.refuse(line, (*path, key), f"duplicate key, first set on line {first} (keep only one)")
                continue
            self.doc.lines[(*path, key)] = line
            result[key] = self.value(value_node, (*path, key))
        return result


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _problem_at(text: str, line: int, message: str) -> YamlProblem:
    """A problem at `line`, named by the top-level field that holds the line ('yaml' if none)."""
    return YamlProblem(line, top_key(text, line) or "yaml", message)


def _measure(text: str) -> YamlProblem | None:
    """Check, in one linear pass before any parsing, what the parser must never see: too much text, or a
    character YAML forbids (reported at its own line)."""
    if len(text) > MAX_YAML_CHARS:
        return _problem_at(text, _line_at(text, MAX_YAML_CHARS), f"the YAML passes {MAX_YAML_CHARS:,} characters "
                           f"here, and has {len(text):,} (keep it under {MAX_YAML_CHARS:,} characters)")
    bad = _UNPRINTABLE.search(text)
    if bad and bad.group() in _BREAKS:
        return _problem_at(text, _line_at(text, bad.start()), f"contains {character_name(bad.group())}, which YAML "
                           "reads as a line break (replace it with a space, or a line break)")
    if bad:
        kind = "control character" if unicodedata.category(bad.group()) == "Cc" else "character"
        return _problem_at(text, _line_at(text, bad.start()), f"contains the {kind} "
                           f"{character_name(bad.group())}, which YAML does not allow (delete it)")
    return None


def _too_deep(text: str) -> YamlProblem | None:
    """Stream the parser's events (no tree, no recursion) and stop at the first list or mapping nested past
    MAX_YAML_DEPTH; the work is linear in the text and ends at the limit however deep the input goes."""
    loader = StrictLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return _problem_at(text, event.start_mark.line + 1, f"nests lists and mappings more than "
                                       f"{MAX_YAML_DEPTH} levels deep (keep it to {MAX_YAML_DEPTH} levels)")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()
    return None


def _escape(text: str, index: int) -> str:
    """Return the backslash escape that the parser stopped in (at or just before `index`), e.g. '\\q'."""
    start = text.rfind("\\", text.rfind("\n", 0, index) + 1, index + 1)
    if start < 0:
        return ""
    letter = text[start + 1:start + 2]
    digits = {"x": 2, "u": 4, "U": 8}.get(letter, 0)
    end = start + 2
    while end < start + 2 + digits and text[end:end + 1] in set("0123456789abcdefABCDEF") - {""}:
        end += 1
    if end < start + 2 + digits and text[end:end + 1] not in ('"', "\n", ""):
        end += 1  # the character that is not a hexadecimal digit
    return text[start:end]


def _syntax(text: str, error: yaml.MarkedYAMLError) -> YamlProblem:
    """Turn a parser error into a problem at its line, named by the field being read when it happened; the
    mistakes people make are named in their words (yamlplain.py)."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    plain = plain_mistake(text, line)
    if plain is not None:
        number, key, message = plain
        return YamlProblem(number, key or top_key(text, number) or "yaml", message)
    what = error.problem or error.context or "invalid YAML"
    owner = error.context_mark or mark
    field = (top_key(text, owner.line + 1) if owner else None) or "yaml"
    escape = _escape(text, mark.index) if mark is not None and ("escape" in what or "hex" in what) else ""
    if escape:
        return YamlProblem(line, field, f"'{escape}' is not a valid escape in double quotes "
                                        "(write \\\\ for a backslash, or put the value in single quotes)")
    return YamlProblem(line, field, f"{what} (check the indentation; quote values that contain ': ' or ' #')")


def parse(text: str) -> YamlDoc:
    """Parse one YAML document; syntax errors, refused constructs and texts past the limits (too long, too
    deep, forbidden characters) come back as problems, never raised, in time linear in the text."""
    doc = YamlDoc(data=None)
    try:
        problem = _measure(text) or _too_deep(text)
        if problem is not None:
            doc.problems.append(problem)
            return doc
        node = yaml.compose(text, Loader=StrictLoader)  # depth is bounded now: its recursion is too
    except yaml.MarkedYAMLError as error:
        doc.problems.append(_syntax(text, error))
        return doc
    except yaml.reader.ReaderError as error:  # a character the reader refuses that _measure let through
        doc.problems.append(_problem_at(text, _line_at(text, error.position),
                                        f"{error.reason} (delete the character U+{error.character:04X})"))
        return doc
    except yaml.YAMLError as error:
        doc.problems.append(YamlProblem(1, "yaml", f"{error} (check the YAML syntax)"))
        return doc
    if node is not None:
        doc.lines[()] = node.start_mark.line + 1
        doc.data = _Builder(doc).value(node, ())
    return doc
