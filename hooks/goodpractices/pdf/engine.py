"""Lay documents out with the Typst template, each practice once whatever documents hold it, and join them.

A practice's pages do not depend on the document they are in: their footer leaves the page number out (it
is stamped on when a document is joined, from the "numbers" pages) and a reference to another practice is a
link whether that practice is in the document or not (join.py points it at the page, or at the catalogue).
So the practices are laid out once, in parts of at most CHUNK practices (Typst keeps a whole document in
memory and its time per practice grows with the document), and a theme or partner document made beside the
catalogue takes its practices' pages from the catalogue's parts. What is each document's own (its front,
chapter openers and appendices, small) is laid out for all documents in one compile, twice: first to learn
how many pages each piece takes (the contents' page numbers are blank, in a column of fixed width), then
with the page numbers every piece starts at and the contents' numbers filled in. On two cores, for many
documents: the first of those compiles runs beside the practices' parts, and the documents are joined by
two processes (beside.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from .beside import Beside, Counted, Writer, shares
from .join import Numbers, Part, Slice, join, read_layouts

TEMPLATE = "document.typ"
#: The most practices laid out at once (see docs/performance.md for the measurements behind it).
CHUNK = 10

Data = dict[str, Any]


#: What a part's process runs: Typst over the folder's template and the data file named, into the PDF file
#: named. Typst reads only inside that folder and uses its own embedded fonts (never the system's: the same
#: bytes everywhere).
_COMPILE = """
import datetime, sys, typst
folder, data, standards, target = sys.argv[1:]
pdf = typst.compile(folder + "/document.typ", root=folder, font_paths=[], ignore_system_fonts=True,
                    timestamp=datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc),
                    pdf_standards=[standards] if standards else [], sys_inputs={"data": data})
open(target, "wb").write(pdf)
"""


def compile_part(data: Data, folder: Path, name: str, standards: str = "") -> Path:
    """Lay one part out in a process of its own, into the folder's file `name`, and return its path.

    A fresh process, not a fork: Typst keeps what it laid out in caches for the life of a process (in one
    process memory grew by about 45 MB a part), and a fork would carry the exporter's memory along. The part
    is tagged, and checked against PDF/UA-1 (`standards` "ua-1") where it opens with a level-1 heading.
    The folder holds the template (render_all puts it there); parts with different names may be laid out at
    the same time."""
    target, source = folder / name, folder / f"{name}.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", "-c", _COMPILE, str(folder), source.name, standards, str(target)],
                          capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")})
    if done.returncode != 0:
        raise RuntimeError(f"Typst could not lay the document out:\n{done.stderr.strip()}")
    return target


@dataclass(frozen=True)
class _Span:
    """Where a practice's pages are: pages [start, stop) of a laid-out part."""

    part: Part
    start: int
    stop: int

    @property
    def pages(self) -> int:
        return self.stop - self.start


def _practice_parts(docs: list[Data], folder: Path, chunk: int, step: Callable[[], None]
                    ) -> dict[tuple[str, bool], _Span]:
    """Lay every practice of the documents out once, in parts of at most `chunk`; return where each one's
    pages are, by (id, whether it is a one-practice document's, whose title is its top heading)."""
    entries: dict[tuple[str, bool], Data] = {}
    for doc in docs:
        for chapter in doc["chapters"]:
            for p in chapter["practices"]:
                entries.setdefault((p["id"], _lone(doc)), p)
    groups: list[list[tuple[str, bool]]] = []
    for key in entries:
        if not groups or len(groups[-1]) == chunk or groups[-1][0][1] != key[1]:
            groups.append([])
        groups[-1].append(key)
    spans = {}
    for number, group in enumerate(groups):
        lone = group[0][1]
        data = {"meta": docs[0]["meta"], "lone": lone,
                "pieces": [{"kind": "practices", "practices": [entries[key] for key in group]}]}
        part = Part.read(compile_part(data, folder, f"practices-{number}.pdf", "ua-1" if lone else ""))
        starts = [part.places["p-" + key[0]][0] for key in group] + [part.pages]
        for key, start, stop in zip(group, starts, starts[1:]):
            spans[key] = _Span(part, start, stop)
        step()
    return spans


def _lone(doc: Data) -> bool:
    """Whether a document is one practice, without cover or chapters."""
    return doc["cover"] is None


#: A document's sequence: its own pieces ("front", "opener" with its chapter, "appendix") and its practices
#: ("practice" with its data), in page order.
Plan = list[tuple[str, Data | None]]


def _plan(doc: Data) -> Plan:
    plan: Plan = [("front", None)] if doc["cover"] is not None else []
    for chapter in doc["chapters"]:
        if chapter["opener"]:
            plan.append(("opener", chapter))
        plan.extend(("practice", p) for p in chapter["practices"])
    if doc["matrix"] is not None or doc["partners"] is not None:
        plan.append(("appendix", None))
    return plan


def _toc(doc: Data, pages: dict[str, int] | None) -> list[Data]:
    """The contents' entries; page numbers blank until the pieces are laid out."""
    entries = []
    for chapter in doc["chapters"]:
        entries.append((1, chapter["title"], "t-" + chapter["key"]))
        entries.extend((2, p["title"], "p-" + p["id"]) for p in chapter["practices"])
    if doc["matrix"] is not None:
        entries.append((1, "Appendix A: Transferability matrix", "appendix-matrix"))
    if doc["partners"] is not None:
        entries.append((1, "Appendix B: Partner directory", "appendix-partners"))
    entries += [(1, title, label) for title, label, _ in _more_appendices(doc)]
    return [{"level": level, "title": title, "target": target, "page": str(pages[target]) if pages else ""}
            for level, title, target in entries]


def _piece(doc: Data, kind: str, item: Data | None, ns: str, pages: dict[str, int] | None) -> Data:
    """The data of one of a document's own pieces, its labels prefixed with `ns`."""
    piece: Data = {"kind": kind, "ns": ns}
    if kind == "front":
        piece.update(label=doc["meta"]["kind"], cover=doc["cover"], toc=_toc(doc, pages))
    elif kind == "opener":
        piece["chapter"] = {k: item[k] for k in ("key", "title", "question", "description", "count")}
    else:
        piece.update(matrix=doc["matrix"], partners=doc["partners"], map=doc.get("map"), figures=doc.get("figures"))
    return piece


def _anchor(piece: Data) -> str:
    """Return the label of a piece's first heading: on its first page, or the page after the cover's."""
    if piece["kind"] == "front":
        return piece["ns"] + "contents"
    if piece["kind"] == "opener":
        return piece["ns"] + "t-" + piece["chapter"]["key"]
    return piece["ns"] + ("appendix-matrix" if piece["matrix"] is not None else "appendix-partners")


@dataclass
class _Laid:
    """Documents' own pieces laid out: the PDF, where each piece's pages start in it (and where they end),
    and where the numbers pages are."""

    part: Part
    starts: list[int]
    numbers: Numbers | None = None


def _lay_pieces(docs: list[Data], plans: list[Plan], folder: Path, pages: list[dict[str, int]] | None = None,
                numbers: tuple[int, list[int]] = (0, [])) -> _Laid:
    """Lay out every document's own pieces in one compile (`pages` None), or only their fronts with the
    contents' page numbers (`pages`: each document's targets' numbers) and then the numbers pages: `numbers`
    upright ones from 1, and a landscape one for each number in the list."""
    pieces = [_piece(doc, kind, item, f"d{d}/", pages[d] if pages else None)
              for d, (doc, plan) in enumerate(zip(docs, plans)) for kind, item in plan
              if kind != "practice" and (pages is None or kind == "front")]
    upright, wide = numbers
    if upright:
        pieces.append({"kind": "numbers", "count": upright, "landscape": wide})
    headed = any(piece["kind"] != "numbers" for piece in pieces)
    part = Part.read(compile_part({"meta": docs[0]["meta"], "lone": False, "pieces": pieces}, folder,
                                  f"pieces-{'fronts' if pages else 'all'}.pdf", "ua-1" if headed else ""))
    starts = [part.places[_anchor(piece)][0] - (piece["kind"] == "front") for piece in pieces
              if piece["kind"] != "numbers"]
    if not upright:
        return _Laid(part, starts + [part.pages])
    first = part.pages - upright - len(wide)
    return _Laid(part, starts + [first], Numbers(part, first, {k: first + upright + i for i, k in enumerate(wide)}))


def render_all(docs: list[Data], folder: Path, chunk: int = CHUNK,
               progress: Callable[[int, int], None] | None = None) -> Iterator[Counted]:
    """Yield what writes the PDF of each document's data (see document.py), in order: call each before
    taking the next."""
    plans = [_plan(doc) for doc in docs]
    practices = len({(p["id"], _lone(doc)) for doc in docs for c in doc["chapters"] for p in c["practices"]})
    total = -(-practices // chunk) + 2 + len(docs)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    (folder / TEMPLATE).write_bytes(resources.files(__package__).joinpath(TEMPLATE).read_bytes())
    own = any(kind != "practice" for plan in plans for kind, _ in plan)
    if own and len(docs) > 1:
        # Many documents' own pieces are laid out beside the practices (two Typst processes at once); one
        # document's are small, and laying them out after keeps its peak memory to one Typst process.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pieces = pool.submit(_lay_pieces, docs, plans, folder)
            spans = _practice_parts(docs, folder, chunk, step)
            first = pieces.result()
    else:
        spans = _practice_parts(docs, folder, chunk, step)
        first = _lay_pieces(docs, plans, folder) if own else _Laid(Part(Path(), 0), [0])
    step()
    yield from _joined(docs, plans, folder, spans, first, step)


def _joined(docs: list[Data], plans: list[Plan], folder: Path, spans: dict[tuple[str, bool], _Span],
            first: _Laid, step: Callable[[], None]) -> Iterator[Counted]:
    """Yield each document joined from its own pieces (laid out in `first`) and its practices.

    Every page but a front's gets its number stamped on, so only the fronts are laid out again, once the
    contents' page numbers are known."""
    named: dict[str, list[tuple[str, int]]] = {}  # each document's own names and their pages, by prefix
    for name, (index, _x, _y) in first.part.places.items():
        prefix, _, rest = name.partition("/")
        named.setdefault(prefix + "/", []).append((rest, index))
    pages, lengths, wide, fronts, piece = [], [], set(), [], 0
    for d, (doc, plan) in enumerate(zip(docs, plans)):
        targets, page = {}, 1
        for kind, item in plan:
            if kind == "practice":
                targets["p-" + item["id"]] = page
                page += spans[(item["id"], _lone(doc))].pages
                continue
            start, stop = first.starts[piece], first.starts[piece + 1]
            for name, index in named.get(f"d{d}/", ()):
                if start <= index < stop:
                    targets[name] = page + index - start
            wide.update(page + index - start for index in first.part.wide if start <= index < stop)
            if kind == "front":
                fronts.append(stop - start)
            page += stop - start
            piece += 1
        pages.append(targets)
        lengths.append(page - 1)
    second = _lay_pieces(docs, plans, folder, pages, (max(lengths), sorted(wide)))
    step()
    if [b - a for a, b in zip(second.starts, second.starts[1:])] != fronts:
        raise RuntimeError("the contents changed length once their page numbers were filled in")
    writers = list(_each(docs, plans, spans, first, second))
    marks = shares(lengths)
    beside = None
    if any(marks):
        read_layouts([*{id(span.part): span.part for span in spans.values()}.values(), first.part, second.part])
        beside = Beside(folder, {d: w for d, (w, m) in enumerate(zip(writers, marks)) if m})
    try:
        for d, (write, mark) in enumerate(zip(writers, marks)):
            yield Counted(beside.writer(d) if beside is not None and mark else write, lengths[d])
            step()
    finally:
        if beside is not None:
            beside.close()


def _each(docs: list[Data], plans: list[Plan], spans: dict[tuple[str, bool], _Span], first: _Laid, second: _Laid
          ) -> Iterator[Writer]:
    """Yield what joins each document from its fronts (laid out the second time), its other pieces (the
    first time) and its practices' pages, every page but the front's numbered from the numbers pages."""
    piece = front = 0
    for d, (doc, plan) in enumerate(zip(docs, plans)):
        slices = []
        for kind, item in plan:
            if kind == "practice":
                span = spans[(item["id"], _lone(doc))]
                slices.append(Slice(span.part, span.start, span.stop, True))
            elif kind == "front":
                slices.append(Slice(second.part, second.starts[front], second.starts[front + 1], False, f"d{d}/"))
                front += 1
            else:
                slices.append(Slice(first.part, first.starts[piece], first.starts[piece + 1], True, f"d{d}/"))
            piece += kind != "practice"
        yield partial(join, slices, _outline(doc), doc["meta"], second.numbers)


def _more_appendices(doc: Data) -> list:
    """The appendices after the partner directory, as (title, label, no children): the map, the figures."""
    found = []
    if doc.get("map") is not None:
        found.append(("Appendix C: Map of partners and transfers", "appendix-map", []))
    if doc.get("figures") is not None:
        found.append(("Appendix D: The library in figures", "appendix-figures", []))
    return found


def _outline(doc: Data) -> list:
    """The document's outline: theme › practice, then the appendices."""
    outline = [(chapter["title"], "t-" + chapter["key"] if chapter["opener"] else "p-" + chapter["practices"][0]["id"],
                [(p["title"], "p-" + p["id"]) for p in chapter["practices"]]) for chapter in doc["chapters"]]
    if doc["matrix"] is not None:
        outline.append(("Appendix A: Transferability matrix", "appendix-matrix", []))
    if doc["partners"] is not None:
        outline.append(("Appendix B: Partner directory", "appendix-partners", []))
    outline += _more_appendices(doc)
    return outline
