"""Write front-matter values as YAML that reads back as the same values: every text double-quoted, whatever it holds."""

from __future__ import annotations

import re
from typing import Any

import yaml

_PLAIN_KEY = re.compile(r"^[a-z][a-z0-9_-]*$")


def scalar(value: Any) -> str:
    """Return one value as a YAML scalar: text always double-quoted (escapes for what YAML cannot show), numbers
    as written; so neither `NO`, `2019`, `{{ x }}` nor `: #` can change meaning or break the file."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"front matter holds no {type(value).__name__} values")
    if isinstance(value, (int, float)):
        return repr(value)
    text = yaml.dump(str(value), Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True, width=1 << 30)
    return text.removesuffix("\n...\n").rstrip("\n")


def key(name: str) -> str:
    """Return a mapping key: bare if it is a plain lowercase word, else quoted."""
    return name if _PLAIN_KEY.fullmatch(name) else scalar(name)  # fullmatch: "$" would allow a final "\n"


def block(values: dict[str, Any], indent: int = 0) -> str:
    """Return a mapping as block-style YAML lines (lists of mappings as `- key: value` items)."""
    pad = " " * indent
    lines: list[str] = []
    for name, value in values.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key(name)}:")
            lines.append(block(value, indent + 2))
        elif isinstance(value, (list, tuple)):
            lines.append(f"{pad}{key(name)}:")
            for item in value:
                if isinstance(item, dict):
                    first, *rest = block(item, indent + 4).split("\n")
                    lines.append(f"{pad}  - {first.lstrip()}")
                    lines.extend(rest)
                else:
                    lines.append(f"{pad}  - {scalar(item)}")
        else:
            lines.append(f"{pad}{key(name)}: {scalar(value)}")
    return "\n".join(lines)


def inline(value: Any) -> str:
    """Return a value in YAML's one-line flow style, as people write short examples: `[clusters, funding]`."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inline(item) for item in value) + "]"
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z][\w .@-]*", value) and yaml.safe_load(value) == value:
        return value
    return scalar(value) if isinstance(value, str) else repr(value)
