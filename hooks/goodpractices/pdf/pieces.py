"""A document's pieces in page order, the data Typst lays each of its own out from, its contents and outline."""

from __future__ import annotations

from dataclasses import dataclass

from .data import Chapter, Data, Document, Entry

#: The headings of a document's colophon (after its cover) and of a partner's uptake of others' practices.
COLOPHON, UPTAKE = "About this publication", "Practices taken up from others"


@dataclass(frozen=True)
class Piece:
    """A piece of a document, on pages of its own: one of its own ("front", a chapter's "opener", "uptake",
    "appendix") or a "practice" (laid out once for every document that holds it)."""

    kind: str
    chapter: Chapter | None = None
    practice: Data | None = None

    @property
    def own(self) -> bool:
        return self.kind != "practice"


def plan(doc: Document) -> list[Piece]:
    """Return a document's pieces in page order."""
    pieces = [Piece("front")] if doc.cover is not None else []
    for chapter in doc.chapters:
        if chapter.opener:
            pieces.append(Piece("opener", chapter))
        pieces.extend(Piece("practice", practice=p) for p in chapter.practices)
    if doc.uptake is not None:
        pieces.append(Piece("uptake"))
    if doc.matrix is not None or doc.partners is not None:
        pieces.append(Piece("appendix"))
    return pieces


def _closing(doc: Document) -> list[tuple[str, str]]:
    """The entries after the chapters, as (title, label): a partner's uptake, then the appendices."""
    found = [(UPTAKE, "uptake")] if doc.uptake is not None else []
    for title, label, present in (("Appendix A: Transferability matrix", "appendix-matrix", doc.matrix),
                                  ("Appendix B: Partner directory", "appendix-partners", doc.partners),
                                  ("Appendix C: Map of partners and transfers", "appendix-map", doc.map),
                                  ("Appendix D: The library in figures", "appendix-figures", doc.figures)):
        if present is not None:
            found.append((title, label))
    return found


def _toc(doc: Document, pages: dict[str, int] | None) -> list[Data]:
    """The contents' entries; page numbers blank until the pieces are laid out."""
    entries = []
    for chapter in doc.chapters:
        entries.append((1, chapter.title, "t-" + chapter.key))
        entries.extend((2, p["title"], "p-" + p["id"]) for p in chapter.practices)
    entries += [(1, title, label) for title, label in _closing(doc)]
    return [{"level": level, "title": title, "target": target, "page": str(pages[target]) if pages else ""}
            for level, title, target in entries]


def piece_data(doc: Document, piece: Piece, ns: str, pages: dict[str, int] | None) -> Data:
    """The template's data for one of a document's own pieces, its labels prefixed with `ns`; `pages` gives
    the contents' page numbers (None: blank)."""
    data: Data = {"kind": piece.kind, "ns": ns}
    if piece.kind == "front":
        data.update(label=doc.meta.kind, cover=doc.cover, colophon=doc.colophon, toc=_toc(doc, pages),
                    heading=COLOPHON)
    elif piece.kind == "opener":
        chapter = piece.chapter
        # The opener lists its practices, so that its page says what the chapter holds.
        data["chapter"] = {"key": chapter.key, "title": chapter.title, "question": chapter.question,
                           "description": chapter.description, "count": chapter.count,
                           "list": [{k: p[k] for k in ("id", "title", "partner", "place", "summary")}
                                    for p in chapter.practices]}
    elif piece.kind == "uptake":
        data.update(uptake=doc.uptake, heading=UPTAKE, legend=doc.matrix["legend"])
    else:
        data.update(matrix=doc.matrix, partners=doc.partners, map=doc.map, figures=doc.figures)
    return data


def anchor(doc: Document, piece: Piece, ns: str) -> str:
    """Return the label of an own piece's first heading: on its first page, or (the colophon's) the page
    after the cover's."""
    if piece.kind == "front":
        return ns + "colophon"
    if piece.kind == "opener":
        return ns + "t-" + piece.chapter.key
    if piece.kind == "uptake":
        return ns + "uptake"
    return ns + ("appendix-matrix" if doc.matrix is not None else "appendix-partners")


def weight(doc: Document) -> int:
    """A document's own pieces' size: its matrix rows (each practice once, each practice taken up once)."""
    return sum(chapter.count for chapter in doc.chapters) + len(doc.uptake or ())


def outline(doc: Document) -> list[Entry]:
    """The document's outline: its colophon and contents, theme › practice, a partner's uptake, then the
    appendices."""
    entries = [Entry(COLOPHON, "colophon"), Entry("Contents", "contents")] if doc.cover is not None else []
    entries += [Entry(chapter.title, "t-" + chapter.key if chapter.opener else "p-" + chapter.practices[0]["id"],
                      [Entry(p["title"], "p-" + p["id"]) for p in chapter.practices]) for chapter in doc.chapters]
    return entries + [Entry(title, label) for title, label in _closing(doc)]
