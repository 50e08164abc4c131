"""Join slices of laid-out parts into one PDF: pages, one structure tree, page numbers, outline and links.

Why a join: a practice's pages are the same in every document that holds it, so compiling in pieces lets
each practice be laid out once for the catalogue and every theme and partner document (and Typst, which
keeps a whole compile in memory with a time per practice that grows with it, lays out small parts); only a
document's own pieces (front, openers, appendices) are laid out for it. What a join keeps of the pieces:
their pages; the structure elements on those pages (never a part's whole tree), under one Document
element, with parent-tree keys and element ids (and the table headers naming them) made unique; the
role map, language, tagging, viewer preferences and XMP of the first part. What it adds: the page
numbers, stamped on from the numbers pages as artifacts; the links made to point at pages inside the
document, or at the catalogue for a practice outside it; the outline; the practices' named pages; the
document's own metadata and page count (finish.py).

pikepdf (qpdf) does the copying: its objects live in C++, where pypdf's Python objects took about 1.2 MB and
55 ms of CPU per practice to join (at 300 practices: 392 MB, 16.6 s, against 7.5 s to lay them out). A part
is opened from its file for the slices that follow one another in a document and closed after them: qpdf
reads a copied stream's data from the file when it writes, so only the copies stay in memory, not every
part's parsed objects beside them."""

from __future__ import annotations

from typing import BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from .data import Entry, Meta
from .finish import finish
from .parts import Numbers, Place, Slice
from .structure import Source, Tree, copy

#: The resource name of the stamped page number on a practice's page.
NUMBER = Name("/GpPageNumber")


def _stamp(out: Pdf, numbers: Numbers, opened: Pdf, wraps: tuple[pikepdf.Stream, pikepdf.Stream],
           page: pikepdf.Page, number: int) -> None:
    """Draw the numbers page of `number` (only "Page N" in the footer, an artifact; `opened` is the numbers
    part) over a page, between the two `wraps` streams every stamped page shares."""
    box = page.mediabox
    source = opened.pages[numbers.page(number, box[2] - box[0] > box[3] - box[1])].obj
    contents = source.Contents if isinstance(source.Contents, Array) else [source.Contents]
    form = out.make_stream(b"\n".join(c.read_bytes() for c in contents), Type=Name.XObject, Subtype=Name.Form,
                           BBox=copy(out, source.MediaBox), Resources=copy(out, source.Resources))
    resources = Dictionary(dict(page.obj.get("/Resources", Dictionary()).items()))  # its own: it may be shared
    xobjects = Dictionary(dict(resources.get("/XObject", Dictionary()).items()))
    xobjects[NUMBER] = form
    resources.XObject = xobjects
    page.obj.Resources = resources
    page.contents_add(wraps[0], prepend=True)
    page.contents_add(wraps[1])


def _inherit(out: Pdf, first: Pdf) -> None:
    """Give the joined PDF the settings and document information of its first part."""
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
        if key in first.Root:
            out.Root[key] = copy(out, first.Root[key])
    for key, value in first.docinfo.items():
        out.docinfo[key] = copy(out, value)


def join(slices: list[Slice], outline: list[Entry], meta: Meta, numbers: Numbers, stream: BinaryIO) -> None:
    """Write the slices to `stream` as one PDF with the given outline and metadata; pages of slices that ask
    for it get their page number from the numbers pages."""
    out = Pdf.new()
    places: dict[str, Place] = {}
    stamps = Source(numbers.part)
    wraps = (out.make_stream(b"q\n"), out.make_stream(b"Q\n/Artifact BMC q " + bytes(NUMBER) + b" Do Q EMC\n"))
    source = Source(slices[0].part)
    tree = Tree(out, source)
    _inherit(out, source.pdf)
    for number, piece in enumerate(slices):
        if piece.part is not source.part:
            source.pdf.close()
            source = Source(piece.part)
        base = len(out.pages)
        out.pages.extend(source.pdf.pages[piece.start:piece.stop])
        for name, (index, left, top) in piece.part.places.items():
            if piece.holds(index) and name.startswith(piece.ns):
                places[name[len(piece.ns):]] = (base + index - piece.start, left, top)
        tree.add(source, piece, number, base)
        if piece.stamp:
            for index, page in enumerate(out.pages[base:], base):
                _stamp(out, numbers, stamps.pdf, wraps, page, index + 1)
    source.pdf.close()
    stamps.pdf.close()
    tree.finish()
    finish(out, places, outline, meta, stream)
    out.close()
