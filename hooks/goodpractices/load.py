"""Read practice and registry files: bytes to text, front matter to values with their lines; nothing else."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from .invisible import any_ignorable, ignorable
from .problems import Problem
from .schema import ID_PATTERN, MAX_FILE_BYTES, MAX_ID_CHARS, WINDOWS_DEVICES
from .yamlplain import fence_problem
from .yamlread import YamlDoc, character_name, parse

_HANDLER = YAMLHandler()  # its boundary pattern, ^-{3,}\s*$ per line, runs in linear time (see the tests)

#: Ids whose pages would stand where the site keeps pages of its own.
SITE_PAGES = frozenset({"index"})
#: Ids no practice may take: the site's own pages, and Windows' device names (no file there may be named so).
RESERVED_IDS = SITE_PAGES | WINDOWS_DEVICES


@dataclass(frozen=True)
class Source:
    """One practice file as read: id, shown path, front matter values with their file lines, and body."""

    id: str
    path: str
    data: dict[str, Any]
    lines: dict[tuple[str | int, ...], int]
    body: str
    body_line: int
    refused: frozenset[str] = frozenset()

    def line(self, *path: str | int) -> int:
        """Return the file line of the deepest known part of `path` (line 1 for the whole file)."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def suggest_id(stem: str) -> str:
    """Turn a file stem into the nearest valid id, e.g. 'My_Practice' into 'my-practice'."""
    return "-".join(re.findall(r"[a-z0-9]+", stem.lower())) or "practice"


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode strict UTF-8, or say which line holds the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        return None, [Problem(shown, line, "encoding", f"byte 0x{byte:02x} is not UTF-8 (save the file as UTF-8)")]
    # A byte-order mark at the start is how editors on Windows mark UTF-8: accepted, and not part of the text.
    return text.removeprefix("\ufeff").replace("\r\n", "\n"), []


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """Read a file's bytes, refusing symbolic links, anything but a plain file, and files over the size limit."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            return None, [Problem(shown, 1, "file", "is a symbolic link (commit the file itself, not a link)")]
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(shown, 1, "file", "is not a plain file (commit a text file)")]
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
            size = os.fstat(file.fileno()).st_size
    except OSError as error:
        return None, [Problem(shown, 1, "file", f"cannot be read: {error.strerror} (check its permissions)")]
    if len(raw) > MAX_FILE_BYTES:
        size = max(size, len(raw))
        return None, [Problem(shown, 1, "file", f"is {size:,} bytes (keep it under {MAX_FILE_BYTES:,} bytes)")]
    return raw, []


def _name_problem(name: str) -> str | None:
    """Say what is wrong with a practice file's name, or None."""
    stem, _, suffix = name.rpartition(".")
    # 'new.md.txt' is 'new.md' with an extension that an editor added (and may hide): the id is 'new'.
    doubled = re.fullmatch(r"(.+?)(?:\.md)+\.[^.]+", name, re.IGNORECASE)
    # 'new.md.md' and 'new.txt.md': an extension typed (or added by an editor) before the real one.
    before = re.fullmatch(r"(.+?)((?:\.(?:md|markdown|txt|text|docx?|odt|rtf))+)\.md", name, re.IGNORECASE)
    doubled = doubled or before
    fix = f"rename it to '{suggest_id(doubled.group(1) if doubled else stem or suffix)}.md'"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return f"'{name}' is not valid UTF-8 ({fix})"
    suspect = any_ignorable(name) or not name.isprintable()  # line and paragraph separators are not printable
    odd = next((char for char in name if ignorable(char) or unicodedata.category(char) in ("Zl", "Zp")), None
               ) if suspect else None
    if odd is not None:
        return f"'{name}' contains the character {character_name(odd)} ({fix})"
    if name != name.strip():
        where = "ends" if name[-1].isspace() else "starts"
        return f"'{name}' {where} with a space ({fix})"
    device = name.split(".")[0].rstrip(" ").lower()
    if device in WINDOWS_DEVICES:
        return (f"'{name}' is named like the Windows device {device.upper()}, which no file on Windows may be, "
                "whatever its extension (choose a descriptive id)")
    if suffix != "md" and doubled:
        return f"'{name}' ends in .{suffix} after .md ({fix}; your editor may hide the '.{suffix}')"
    if suffix != "md":
        return f"'{name}' does not end in .md ({fix})"
    if before:
        extra = before.group(2)
        what = "ends in .md twice" if extra.lower() == ".md" else f"has {extra} before .md"
        return f"'{name}' {what} ({fix})"
    if stem in SITE_PAGES:
        return f"'{stem}' is reserved for a page of the site (choose a descriptive id)"
    if not ID_PATTERN.fullmatch(stem):
        return f"'{stem}' is not a valid id ({fix}: lowercase words joined by single hyphens)"
    if len(stem) > MAX_ID_CHARS:
        return (f"'{stem[:40]}…' is {len(stem):,} characters long (keep ids to {MAX_ID_CHARS}: its page, "
                f"practices/<id>.html, must fit the path limits of Windows and of every file system)")
    return None


def _yaml_problems(doc: YamlDoc, shown: str, offset: int) -> list[Problem]:
    return [Problem(shown, p.line + offset, p.field, p.message) for p in doc.problems]


def parse_practice(raw: bytes, shown: str, name: str) -> tuple[Source | None, list[Problem]]:
    """Split a practice file's bytes into front matter and body; a Source only if the YAML could be read."""
    stem = name.rpartition(".")[0]
    wrong_name = _name_problem(name)
    problems = [Problem(shown, 1, "file name", wrong_name)] if wrong_name else []
    text, decode_problems = decode(raw, shown)
    if text is None:
        return None, problems + decode_problems
    if not text.strip():
        return None, problems + [Problem(shown, 1, "file", "is empty (start with front matter between two '---' lines)")]
    if not _HANDLER.detect(text):
        line, message = fence_problem(text, opened=False)
        return None, problems + [Problem(shown, line, "front matter", message)]
    try:
        front, body = _HANDLER.split(text)
    except ValueError:
        line, message = fence_problem(text, opened=True)
        return None, problems + [Problem(shown, line, "front matter", message)]
    front_start = text.index(front) if front else text.index("\n") + 1
    offset = text.count("\n", 0, front_start)
    closing = text.find("\n", front_start + len(front)) + 1 or len(text)
    body, body_line = text[closing:], text.count("\n", 0, closing) + 1
    doc = parse(front)
    problems += _yaml_problems(doc, shown, offset)
    if doc.data is None and not doc.problems:
        problems.append(Problem(shown, 1, "front matter", "is empty (add the required fields)"))
    elif doc.data is not None and not isinstance(doc.data, dict):
        problems.append(Problem(shown, doc.line() + offset, "front matter", "must be a mapping of 'field: value' lines"))
    if not isinstance(doc.data, dict):
        return None, problems
    lines = {path: line + offset for path, line in doc.lines.items()}
    return Source(stem, shown, doc.data, lines, body, body_line, frozenset(doc.refused)), problems


def read_registry(path: Path, shown: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Read a registry (themes.yml, partners.yml): a mapping of keys to mappings, with lines."""
    if not path.exists():
        return None, [Problem(shown, 1, "file", "is missing (restore it from the repository)")]
    raw, problems = read_bytes(path, shown)
    if raw is None:
        return None, problems
    text, problems = decode(raw, shown)
    if text is None:
        return None, problems
    doc = parse(text)
    problems = _yaml_problems(doc, shown, 0)
    if not isinstance(doc.data, dict):
        if not problems:
            problems.append(Problem(shown, 1, "file", "must be a mapping of keys to entries"))
        return None, problems
    return doc, problems
