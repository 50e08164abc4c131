"""What every document's PDF gets last, joined or laid out whole: links resolved, outline, metadata, named pages."""

from __future__ import annotations

import base64
import hashlib
from typing import BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, String

from .data import Entry, Meta
from .parts import Place

#: How the template marks a link inside the document: this prefix, then the name of its target.
GOTO = "gp-goto:"
#: The document a link to a practice outside a theme or partner document opens, beside it in downloads/.
CATALOGUE = "good-practices.pdf"


def _destination(out: Pdf, place: Place) -> Array:
    index, left, top = place
    return Array([out.pages[index].obj, Name.XYZ, left, top, None])


def _links(out: Pdf, places: dict[str, Place]) -> None:
    """Point each link the template marked as internal at its target's page and place; a practice that is
    not in the document at its page in the catalogue beside it, by the name the catalogue gives it."""
    for page in out.pages:
        for annot in page.obj.get("/Annots", []):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(GOTO):
                target = uri[len(GOTO):]
                if target in places:
                    annot.A = Dictionary(S=Name.GoTo, D=_destination(out, places[target]))
                else:
                    annot.A = Dictionary(S=Name.GoToR, F=String(CATALOGUE), D=String(target))


def _describe(out: Pdf, meta: Meta) -> None:
    """Give the document its own title, subject, author, keywords and page count, and identifiers made from
    its title (the same on every export)."""
    out.Root.PageMode = Name.UseOutlines
    keywords = ", ".join(meta.keywords)
    out.docinfo.Title, out.docinfo.Author = String(meta.title), String(meta.author)
    out.docinfo.Subject, out.docinfo.Keywords = String(meta.subject), String(keywords)
    identity = base64.b64encode(hashlib.sha256(meta.title.encode()).digest()[:16]).decode()
    with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:title"] = meta.title
        xmp["dc:description"] = meta.subject
        xmp["dc:creator"] = [meta.author]
        xmp["pdf:Keywords"] = keywords
        xmp["{http://ns.adobe.com/xap/1.0/t/pg/}NPages"] = str(len(out.pages))
        for key in ("DocumentID", "InstanceID"):
            xmp["{http://ns.adobe.com/xap/1.0/mm/}" + key] = identity


def _outline(out: Pdf, outline: list[Entry], places: dict[str, Place]) -> None:
    """Make the outline the given one (in place of any the PDF had)."""
    with out.open_outline() as tree:
        tree.root.clear()
        for entry in outline:
            item = OutlineItem(entry.title, _destination(out, places[entry.target]))
            item.children.extend(OutlineItem(c.title, _destination(out, places[c.target])) for c in entry.children)
            tree.root.append(item)


def finish(out: Pdf, places: dict[str, Place], outline: list[Entry], meta: Meta, stream: BinaryIO) -> None:
    """Resolve the links, set outline and metadata, name each practice's page (for links from the theme and
    partner documents: no other name is kept) and write the PDF to `stream`, the same bytes every time."""
    _links(out, places)
    _outline(out, outline, places)
    _describe(out, meta)
    names = pikepdf.NameTree.new(out)
    for name in sorted(places):
        if name.startswith("p-"):
            names[name] = _destination(out, places[name])
    out.Root.Names = Dictionary(Dests=names.obj)
    out.save(stream, deterministic_id=True, fix_metadata_version=False,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
