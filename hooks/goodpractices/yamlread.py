"""Parse YAML the strict way (1.2-style scalars, no aliases, no tags) and remember every value's line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
    "tag:yaml.org,2002:float": lambda text: float(text.replace(".inf", "inf").replace(".nan", "nan").lower()),
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

    def value(self, node: yaml.Node, path: Path) -> Any:
        if id(node) in self.seen:
            # An alias is the anchored node itself, so its marks point at the anchor: name the key's line.
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


def parse(text: str) -> YamlDoc:
    """Parse one YAML document; syntax errors and refused constructs come back as problems, never raised."""
    doc = YamlDoc(data=None)
    try:
        node = yaml.compose(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or error.context or "invalid YAML"
        doc.problems.append(YamlProblem(line, "yaml", f"{what} (check the indentation; quote values that contain ': ' or ' #')"))
        return doc
    except yaml.YAMLError as error:
        doc.problems.append(YamlProblem(1, "yaml", f"{error} (check the YAML syntax)"))
        return doc
    if node is not None:
        doc.lines[()] = node.start_mark.line + 1
        doc.data = _Builder(doc).value(node, ())
    return doc
