"""Lay documents out with the Typst template, each practice once whatever documents hold it, and join them.

A practice's pages do not depend on the document they are in: their footer leaves the page number out (it
is stamped on when a document is joined, from the "numbers" pages) and a reference to another practice is a
link whether that practice is in the document or not (finish.py points it at the page, or at the catalogue).
So the practices are laid out once, in parts of at most CHUNK practices (Typst keeps a whole document in
memory and its time per practice grows with the document), and a theme or partner document made beside the
catalogue takes its practices' pages from the catalogue's parts. What is each document's own (its front and
colophon, chapter openers, uptake and appendices) is laid out twice: first to learn how many pages each
piece takes (the contents' page numbers are blank, in a column of fixed width), in one compile for each kind
of document, then the fronts alone with the page numbers every piece starts at and the contents' numbers
filled in. On two cores, for many documents: the first compiles run beside the practices' parts, and the
documents are joined by two processes (beside.py). A one-practice document is laid out whole (whole.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .beside import Beside, Counted, Writer, shares
from .data import Data, Document
from .join import join
from .parts import Numbers, Part, Slice, Span
from .pieces import Piece, anchor, outline, piece_data, plan, weight
from .structure import read_layouts
from .typeset import compile_part, install
from .whole import render_whole

#: The most practices laid out at once (see docs/performance.md for the measurements behind it).
CHUNK = 10


def _practice_parts(docs: list[Document], folder: Path, chunk: int, step: Callable[[], None]) -> dict[str, Span]:
    """Lay every practice of the documents out once, in parts of at most `chunk`; return where each one's
    pages are, by id."""
    entries: dict[str, Data] = {}
    for doc in docs:
        for p in doc.practices():
            entries.setdefault(p["id"], p)
    ids, spans = list(entries), {}
    for number, low in enumerate(range(0, len(ids), chunk)):
        group = ids[low:low + chunk]
        part = compile_part({"meta": docs[0].meta.data(), "lone": False,
                             "pieces": [{"kind": "practices", "practices": [entries[i] for i in group]}]},
                            folder, f"practices-{number}.pdf")
        starts = [part.places["p-" + i][0] for i in group] + [part.pages]
        spans.update((i, Span(part, start, stop)) for i, start, stop in zip(group, starts, starts[1:]))
        step()
    return spans


@dataclass
class _Laid:
    """Documents' own pieces laid out: the PDF, where each piece's pages start in it (and where they end),
    and where the numbers pages are."""

    part: Part
    starts: list[int]
    numbers: Numbers | None = None


@dataclass
class _Own:
    """Documents' own pieces laid out the first time: each piece's pages, in order, and the parts."""

    spans: list[Span]
    parts: list[Part]


def _lay_own(docs: list[Document], plans: list[list[Piece]], folder: Path) -> _Own:
    """Lay out every document's own pieces in compiles of one kind of document each (the catalogue, themes,
    partners), none larger than the largest document: Typst's memory grows with a compile's pages, and the
    eighteen documents' pieces in one compile took 432 MB at 300 practices, against 139 MB at most so."""
    own, budget = _Own([], []), max(map(weight, docs))
    runs, load = [], 0
    for d, doc in enumerate(docs):
        load += weight(doc)
        if d == 0 or doc.meta.kind != docs[d - 1].meta.kind or load > budget:
            runs.append(d)
            load = weight(doc)
    for low, high in zip(runs, runs[1:] + [len(docs)]):
        if any(piece.own for pieces in plans[low:high] for piece in pieces):
            laid = _lay_pieces(docs[low:high], plans[low:high], folder, offset=low)
            own.parts.append(laid.part)
            own.spans.extend(Span(laid.part, a, b) for a, b in zip(laid.starts, laid.starts[1:]))
    return own


def _lay_pieces(docs: list[Document], plans: list[list[Piece]], folder: Path,
                pages: list[dict[str, int]] | None = None, numbers: tuple[int, list[int]] = (0, []),
                offset: int = 0) -> _Laid:
    """Lay out the documents' own pieces in one compile (`pages` None; the documents are numbered from
    `offset`), or only their fronts with the contents' page numbers (`pages`: each document's targets'
    numbers) and then the numbers pages: `numbers` upright ones from 1, and a landscape one for each number
    in the list."""
    chosen = [(doc, piece, f"d{offset + d}/", pages[d] if pages else None)
              for d, (doc, pieces) in enumerate(zip(docs, plans)) for piece in pieces
              if piece.own and (pages is None or piece.kind == "front")]
    data = [piece_data(doc, piece, ns, numbered) for doc, piece, ns, numbered in chosen]
    upright, wide = numbers
    if upright:
        data.append({"kind": "numbers", "count": upright, "landscape": wide})
    part = compile_part({"meta": docs[0].meta.data(), "lone": False, "pieces": data}, folder,
                        f"pieces-{'fronts' if pages else offset}.pdf", "ua-1" if chosen else "")
    starts = [part.places[anchor(doc, piece, ns)][0] - (piece.kind == "front") for doc, piece, ns, _ in chosen]
    if not upright:
        return _Laid(part, starts + [part.pages])
    first = part.pages - upright - len(wide)
    return _Laid(part, starts + [first], Numbers(part, first, {k: first + upright + i for i, k in enumerate(wide)}))


def render_all(docs: list[Document], folder: Path, chunk: int = CHUNK,
               progress: Callable[[int, int], None] | None = None) -> Iterator[Counted]:
    """Yield what writes the PDF of each document (see document.py), in order: call each before taking the
    next. A one-practice document is laid out whole; the others are joined from pieces."""
    install(folder)
    joined = [doc for doc in docs if not doc.lone]
    practices = len({p["id"] for doc in joined for p in doc.practices()})
    total = len(docs) + (-(-practices // chunk) + 2 if joined else 0)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    pieces = _render_joined(joined, folder, chunk, step)  # started only when a document is taken from it
    try:
        for number, doc in enumerate(docs):
            if doc.lone:
                yield render_whole(doc, folder, f"whole-{number}.pdf")
                step()
            else:
                yield next(pieces)
    finally:
        pieces.close()


def _render_joined(docs: list[Document], folder: Path, chunk: int, step: Callable[[], None]) -> Iterator[Counted]:
    """Yield what writes each document joined from pieces, in order."""
    plans = [plan(doc) for doc in docs]
    if len(docs) > 1 and any(piece.own for pieces in plans for piece in pieces):
        # Many documents' own pieces are laid out beside the practices (two Typst processes at once); one
        # document's are small, and laying them out after keeps its peak memory to one Typst process.
        with ThreadPoolExecutor(max_workers=1) as pool:
            own = pool.submit(_lay_own, docs, plans, folder)
            spans = _practice_parts(docs, folder, chunk, step)
            first = own.result()
    else:
        spans = _practice_parts(docs, folder, chunk, step)
        first = _lay_own(docs, plans, folder)
    step()
    yield from _joined(docs, plans, folder, spans, first, step)


def _joined(docs: list[Document], plans: list[list[Piece]], folder: Path, spans: dict[str, Span], first: _Own,
            step: Callable[[], None]) -> Iterator[Counted]:
    """Yield each document joined from its own pieces (laid out in `first`) and its practices.

    Every page but a front's gets its number stamped on, so only the fronts are laid out again, once the
    contents' page numbers are known."""
    named: dict[str, list[tuple[str, int]]] = {}  # each document's own names and their pages, by prefix
    for part in first.parts:  # a document's names are all in the part of its kind
        for name, (index, _x, _y) in part.places.items():
            prefix, _, rest = name.partition("/")
            named.setdefault(prefix + "/", []).append((rest, index))
    pages, lengths, wide, fronts, own = [], [], set(), [], iter(first.spans)
    for d, pieces in enumerate(plans):
        targets, page = {}, 1
        for piece in pieces:
            if not piece.own:
                targets["p-" + piece.practice["id"]] = page
                page += spans[piece.practice["id"]].pages
                continue
            span = next(own)
            targets.update((name, page + index - span.start) for name, index in named.get(f"d{d}/", ())
                           if span.holds(index))
            wide.update(page + index - span.start for index in span.part.wide if span.holds(index))
            if piece.kind == "front":
                fronts.append(span.pages)
            page += span.pages
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
        read_layouts([*{id(span.part): span.part for span in spans.values()}.values(), *first.parts, second.part])
        beside = Beside(folder, {d: w for d, (w, m) in enumerate(zip(writers, marks)) if m})
    try:
        for d, (write, mark) in enumerate(zip(writers, marks)):
            yield Counted(beside.writer(d) if beside is not None and mark else write, lengths[d])
            step()
    finally:
        if beside is not None:
            beside.close()


def _each(docs: list[Document], plans: list[list[Piece]], spans: dict[str, Span], first: _Own, second: _Laid
          ) -> Iterator[Writer]:
    """Yield what joins each document from its fronts (laid out the second time), its other pieces (the
    first time) and its practices' pages, every page but the front's numbered from the numbers pages."""
    own, fronts = iter(first.spans), iter(zip(second.starts, second.starts[1:]))
    for d, (doc, pieces) in enumerate(zip(docs, plans)):
        slices = []
        for piece in pieces:
            if not piece.own:
                span = spans[piece.practice["id"]]
                slices.append(Slice(span.part, span.start, span.stop))
                continue
            span = next(own)
            if piece.kind == "front":
                slices.append(Slice(second.part, *next(fronts), stamp=False, ns=f"d{d}/"))
            else:
                slices.append(Slice(span.part, span.start, span.stop, ns=f"d{d}/"))
        yield partial(join, slices, outline(doc), doc.meta, second.numbers)
