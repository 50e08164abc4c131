"""Lay a document out with the Typst template, a part at a time, and join the parts into one PDF.

Typst keeps a whole document in memory and its time per practice grows with the document, so a long
document is laid out in parts of at most CHUNK practices: the front (cover and contents), the chapters in
order, then the appendices. Each part starts at the page number the parts before it reached; the contents
are laid out twice, first with blank page numbers (in a column of fixed width, so the number of pages does
not change), then with the numbers the chapters got."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from .join import Part, join

TEMPLATE = "document.typ"
#: The most practices laid out at once (see docs/performance.md for the measurements behind it).
CHUNK = 10

Data = dict[str, Any]


def _starts_document(data: Data) -> bool:
    """Whether a part opens with a level-1 heading, as PDF/UA-1 wants a document to (a part that goes on
    with a chapter begun in the part before does not: it is checked as part of the whole)."""
    return bool(data["toc"] is not None or data["lone"] or data["matrix"] is not None
                or (data["chapters"] and data["chapters"][0]["opener"]))


def _standards(data: Data) -> str:
    return "ua-1" if _starts_document(data) else ""


#: What a part's process runs: Typst over the folder's template and data, into part.pdf. Typst reads only
#: inside that folder and uses its own embedded fonts (never the system's: the same bytes on every machine).
_COMPILE = """
import datetime, sys, typst
folder, standards = sys.argv[1], sys.argv[2]
pdf = typst.compile(folder + "/document.typ", root=folder, font_paths=[], ignore_system_fonts=True,
                    timestamp=datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc),
                    pdf_standards=[standards] if standards else [])
open(folder + "/part.pdf", "wb").write(pdf)
"""


def compile_part(data: Data, folder: Path) -> bytes:
    """Lay one part out in a process of its own and return its PDF.

    A fresh process, not a fork: Typst keeps what it laid out in caches for the life of a process (in one
    process memory grew by about 45 MB a part), and a fork would carry the exporter's memory along. The part
    is tagged, and checked against PDF/UA-1 where it opens a document."""
    (folder / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    template = folder / TEMPLATE
    if not template.exists():
        template.write_bytes(resources.files(__package__).joinpath(TEMPLATE).read_bytes())
    done = subprocess.run([sys.executable, "-I", "-c", _COMPILE, str(folder), _standards(data)],
                          capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")})
    if done.returncode != 0:
        raise RuntimeError(f"Typst could not lay the document out:\n{done.stderr.strip()}")
    return (folder / "part.pdf").read_bytes()


def _empty(doc: Data, first_page: int) -> Data:
    return {"meta": doc["meta"], "cover": None, "toc": None, "chapters": [], "matrix": None, "partners": None,
            "first_page": first_page, "lone": doc["cover"] is None}


def _bodies(doc: Data, chunk: int) -> Iterator[list[Data]]:
    """Yield the chapters of each body part: at most `chunk` practices, a chapter's opener only in its first."""
    part: list[Data] = []
    size = 0
    for chapter in doc["chapters"]:
        practices = chapter["practices"]
        for start in range(0, len(practices), chunk):
            if size and size + min(chunk, len(practices) - start) > chunk:
                yield part
                part, size = [], 0
            piece = practices[start:start + chunk]
            part.append({**chapter, "practices": piece, "opener": chapter["opener"] and start == 0})
            size += len(piece)
    if part:
        yield part


def _toc(doc: Data, pages: dict[str, int] | None) -> list[Data]:
    """The contents' entries; page numbers blank until the chapters are laid out."""
    entries = []
    for chapter in doc["chapters"]:
        entries.append((1, chapter["title"], "t-" + chapter["key"]))
        entries.extend((2, p["title"], "p-" + p["id"]) for p in chapter["practices"])
    if doc["matrix"] is not None:
        entries.append((1, "Appendix A: Transferability matrix", "appendix-matrix"))
    if doc["partners"] is not None:
        entries.append((1, "Appendix B: Partner directory", "appendix-partners"))
    return [{"level": level, "title": title, "target": target, "page": str(pages[target]) if pages else ""}
            for level, title, target in entries]


def render(doc: Data, folder: Path, chunk: int = CHUNK, progress: Callable[[int, int], None] | None = None) -> bytes:
    """Return the PDF of a document's data (see document.py), laid out in parts of at most `chunk` practices."""
    bodies = list(_bodies(doc, chunk))
    steps = len(bodies) + 3
    parts: list[Part] = []

    def lay_out(data: Data) -> Part:
        part = Part.read(compile_part(data, folder), data["first_page"])
        if progress:
            progress(len(parts) + 1, steps)
        return part

    front = None
    if doc["cover"] is not None:
        front = lay_out({**_empty(doc, 1), "cover": doc["cover"], "toc": _toc(doc, None)})
        parts.append(front)
    next_page = 1 + (front.pages if front else 0)
    for chapters in bodies:
        parts.append(lay_out({**_empty(doc, next_page), "chapters": chapters}))
        next_page += parts[-1].pages
    if doc["matrix"] is not None or doc["partners"] is not None:
        parts.append(lay_out({**_empty(doc, next_page), "matrix": doc["matrix"], "partners": doc["partners"]}))
    if front is not None:
        pages = {name: page for part in parts for name, page in part.targets.items()}
        parts[0] = lay_out({**_empty(doc, 1), "cover": doc["cover"], "toc": _toc(doc, pages)})
        if parts[0].pages != front.pages:
            raise RuntimeError("the contents changed length once their page numbers were filled in")
    outline = [(chapter["title"], "t-" + chapter["key"] if chapter["opener"] else "p-" + chapter["practices"][0]["id"],
                [(p["title"], "p-" + p["id"]) for p in chapter["practices"]]) for chapter in doc["chapters"]]
    if doc["matrix"] is not None:
        outline.append(("Appendix A: Transferability matrix", "appendix-matrix", []))
    if doc["partners"] is not None:
        outline.append(("Appendix B: Partner directory", "appendix-partners", []))
    return join(parts, outline)
