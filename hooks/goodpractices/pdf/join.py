"""Join slices of laid-out parts into one PDF: pages, one structure tree, page numbers, outline and links.

pikepdf (qpdf) does the copying: its objects live in C++, where pypdf's Python objects took about 1.2 MB and
55 ms of CPU per practice to join (at 300 practices: 392 MB, 16.6 s, against 7.5 s to lay them out). A slice
takes only its pages and the structure elements on them: never a part's whole structure tree, which would
bring the part's other pages along as objects nothing reaches. A part is opened from its file for the slices
that follow one another in a document and closed after them: qpdf reads a copied stream's data from the
file when it writes, so only the copies stay in memory, not every part's parsed objects beside them."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, String

#: How the template marks a link inside the document: this prefix, then the name of its target.
GOTO = "gp-goto:"
#: The document a link to a practice outside a theme or partner document opens, beside it in downloads/.
CATALOGUE = "good-practices.pdf"
#: The resource name of the stamped page number on a practice's page.
NUMBER = Name("/GpPageNumber")

#: (title, target, [(title, target) of each entry below it]) for each top-level outline entry.
Outline = list[tuple[str, str, list[tuple[str, str]]]]
#: Where a named target is: page index (in its part, or in the joined document), and the x and y of its top left.
Place = tuple[int, float | None, float | None]
#: The structure elements a join renames, by (object number, generation) in their part.
Renamed = tuple[tuple[int, int], ...]


@dataclass
class Part:
    """A laid-out part: its PDF file, its page count, and where its named targets are."""

    path: Path
    pages: int
    places: dict[str, Place] = field(default_factory=dict)
    wide: frozenset[int] = frozenset()  # the indexes of its landscape pages
    layout: _Layout | None = None  # read the first time the part is opened for a join

    @classmethod
    def read(cls, path: Path) -> Part:
        """Read a part's page count and named destinations (Typst makes one for each label)."""
        with Pdf.open(path) as source:
            boxes = [page.mediabox for page in source.pages]
            wide = frozenset(i for i, box in enumerate(boxes) if box[2] - box[0] > box[3] - box[1])
            part = cls(path, len(boxes), wide=wide)
            names = source.Root.get("/Names")
            if names is not None and "/Dests" in names:
                index = {page.objgen: i for i, page in enumerate(source.pages)}
                for name, dest in pikepdf.NameTree(names.Dests).items():
                    dest = dest.get("/D", dest) if isinstance(dest, Dictionary) else dest
                    left, top = (_number(dest[2]), _number(dest[3])) if len(dest) > 3 else (None, None)
                    part.places[str(name)] = (index[dest[0].objgen], left, top)
        return part


@dataclass(frozen=True)
class Numbers:
    """The numbers pages, which show only "Page k" where the footer puts it: page k upright is page
    `upright` + k - 1 of the part; `wide` gives the page of each number needed on a landscape page."""

    part: Part
    upright: int
    wide: dict[int, int]

    def page(self, number: int, landscape: bool) -> int:
        return self.wide[number] if landscape else self.upright + number - 1


@dataclass(frozen=True)
class Slice:
    """Pages [start, stop) of a part; `stamp`: print the page number on them from the numbers pages; `ns`:
    the prefix of the document's own names in the part (another document's are left out)."""

    part: Part
    start: int
    stop: int
    stamp: bool
    ns: str = ""


def _number(value: object) -> float | None:
    """Return a destination's coordinate (pikepdf gives numbers as int or Decimal, null as None)."""
    return None if value is None else float(value)


def _pairs(tree: Dictionary, path: tuple[int, ...] = ()) -> Iterator[tuple[int, tuple[int, ...]]]:
    """Yield the keys of a number tree with where each value is: the kid indexes down to its /Nums, then the
    value's index there."""
    if "/Nums" in tree:
        nums = tree.Nums
        for i in range(0, len(nums), 2):
            yield int(nums[i]), (*path, i + 1)
    for number, kid in enumerate(tree.get("/Kids", [])):
        yield from _pairs(kid, (*path, number))


def _value(tree: Dictionary, path: tuple[int, ...]) -> object:
    for number in path[:-1]:
        tree = tree.Kids[number]
    return tree.Nums[path[-1]]


def _children(node: Dictionary) -> list:
    children = node.get("/K")
    return list(children) if isinstance(children, Array) else [children] if children is not None else []


def _page_of(element: Dictionary, index: dict) -> int | None:
    """Return the index of the first page an element's content is on: the /Pg of its first descendant that
    has one (down the first children, which is where it is in Typst's trees; breadth first otherwise)."""
    node = element
    while isinstance(node, Dictionary):
        if "/Pg" in node:
            return index.get(node.Pg.objgen)
        children = node.get("/K")
        node = children[0] if isinstance(children, Array) and len(children) else children
    queue = [element]
    while queue:
        node = queue.pop(0)
        if isinstance(node, Dictionary):
            if "/Pg" in node:
                return index.get(node.Pg.objgen)
            queue.extend(_children(node))
    return None


def _holding_ids(root: Dictionary, tops: list) -> set[tuple[int, int]]:
    """Return the top-level elements (children of the `tops`, the Document elements) that hold an element
    with an id, found from the id tree up, not by walking every element down."""
    if "/IDTree" not in root:
        return set()
    documents, found = {top.objgen for top in tops if isinstance(top, Dictionary)}, set()
    for _, node in pikepdf.NameTree(root.IDTree).items():
        while "/P" in node and node.P.objgen not in documents:
            node = node.P
        found.add(node.objgen)
    return found


@dataclass
class _Layout:
    """What a join needs of a part's structure tree, read once for all the documents that take from it: each
    top-level element's place (index of its Document element, index under it), its first page and the
    elements at or below it that a join renames, and where each parent-tree key's value is."""

    elements: list[tuple[int, int, int, Renamed]]
    parents: dict[int, tuple[int, ...]]

    @classmethod
    def read(cls, pdf: Pdf) -> _Layout:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return cls([], {})
        index = {page.objgen: i for i, page in enumerate(pdf.pages)}
        tops = _children(root)
        ids = _holding_ids(root, tops)
        elements, page = [], 0
        for t, top in enumerate(tops):
            for k, kid in enumerate(_children(top)):
                if isinstance(kid, Dictionary):
                    found = _page_of(kid, index)
                    page = page if found is None else found  # an element with no content goes with the one before
                    elements.append((t, k, page, _renamed(kid) if kid.objgen in ids else ()))
        parents = dict(_pairs(root.ParentTree)) if "/ParentTree" in root else {}
        return cls(elements, parents)


def read_layouts(parts: list[Part]) -> None:
    """Read each part's layout now, once, so that a process forked after this has it too."""
    for part in parts:
        if part.layout is None and part.pages:
            _Source(part).pdf.close()


class _Source:
    """A part opened for joining, with its layout. Joins only read it, but for cutting its top-level
    elements' links to its Document element."""

    def __init__(self, part: Part) -> None:
        self.part = part
        self.pdf = Pdf.open(part.path, access_mode=pikepdf.AccessMode.stream)  # read, not mapped into memory
        if part.layout is None:
            part.layout = _Layout.read(self.pdf)
        self.layout = part.layout
        self.root = self.pdf.Root.get("/StructTreeRoot")

    def elements(self, start: int, stop: int) -> list[tuple[Dictionary, Renamed]]:
        """Return the top-level elements whose content starts on pages [start, stop), each with the elements
        under it to rename."""
        tops = _children(self.root) if self.root is not None else []
        return [(tops[t].K[k], renamed) for t, k, page, renamed in self.layout.elements if start <= page < stop]

    def parent(self, key: int) -> object:
        """Return a parent-tree value, made indirect so that qpdf copies it in one call."""
        value = _value(self.root.ParentTree, self.layout.parents[key])
        return value if value.is_indirect else self.pdf.make_indirect(value)


class _Tree:
    """The joined PDF's one structure tree, filled slice by slice: each slice's elements, in order, under one
    Document element, with the slices' parent-tree keys and element ids made unique."""

    def __init__(self, out: Pdf, first: _Source) -> None:
        """Start the tree, with the role map of the document's first part."""
        self.out = out
        self.root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        if first.root is not None and "/RoleMap" in first.root:
            self.root.RoleMap = _copy(out, first.root.RoleMap)
        self.document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root, K=Array()))
        self.nums: list = []  # a list, not an Array: extending a direct Array copies it (quadratic)
        self.ids: dict[str, Dictionary] = {}
        self.key = 0

    def add(self, source: _Source, piece: Slice, number: int, first: int) -> None:
        """Add the elements of slice `number`, whose pages are the joined PDF's last, from index `first`."""
        out = self.out
        chosen = source.elements(piece.start, piece.stop)
        for element, _ in chosen:  # cut the link to the part's Document element: it holds every other page
            if "/P" in element:
                del element["/P"]
        for element, renamed in chosen:
            copy = _copy(out, element)
            copy.P = self.document
            self.document.K.append(copy)
            for objgen in renamed:  # qpdf gives the copy it has made of an element below, not a new one
                _rename(out.copy_foreign(source.pdf.get_object(objgen)), f"{number}-", self.ids)
        for page in out.pages[first:]:
            holders = [(page.obj, "/StructParents")] + [(a, "/StructParent") for a in page.obj.get("/Annots", [])]
            for holder, name in holders:
                if name in holder:
                    self.nums.extend([self.key, _copy(out, source.parent(int(holder[name])))])
                    holder[name] = self.key
                    self.key += 1

    def finish(self) -> None:
        """Put the tree in the joined PDF."""
        tree = self.root
        tree.K = Array([self.document])
        tree.ParentTree = self.out.make_indirect(Dictionary(Nums=Array(self.nums)))
        tree.ParentTreeNextKey = self.key
        if self.ids:
            names = [item for name in sorted(self.ids) for item in (String(name), self.ids[name])]
            tree.IDTree = Dictionary(Names=Array(names))
        self.out.Root.StructTreeRoot = tree


def _attributes(node: Dictionary) -> list:
    attributes = node.get("/A")
    return list(attributes) if isinstance(attributes, Array) else [attributes]


def _renamed(element: Dictionary) -> Renamed:
    """Return the elements at and below `element` that a join renames: those with an id, and those whose
    table header references name ids."""
    found, stack = [], [element]
    while stack:
        node = stack.pop()
        if not isinstance(node, Dictionary) or "/S" not in node:
            continue
        if "/ID" in node or any(isinstance(a, Dictionary) and "/Headers" in a for a in _attributes(node)):
            found.append(node.objgen)
        stack.extend(_children(node))
    return tuple(found)


def _rename(node: Dictionary, prefix: str, ids: dict) -> None:
    """Prefix an element's id and the ids its table header references name."""
    if "/ID" in node:
        node.ID = String(prefix + str(node.ID))
        ids[str(node.ID)] = node
    for attribute in _attributes(node):
        if isinstance(attribute, Dictionary) and "/Headers" in attribute:
            attribute.Headers = Array([String(prefix + str(h)) for h in attribute.Headers])


def _copy(out: Pdf, value: object) -> object:
    """Return a value of another PDF for `out`: indirect objects through qpdf's copier, the rest rebuilt."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, Dictionary):
        return Dictionary({key: _copy(out, item) for key, item in value.items()})
    if isinstance(value, Array):
        return Array([_copy(out, item) for item in value])
    return value


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


def _stamp(out: Pdf, numbers: Numbers, opened: Pdf, wraps: tuple[pikepdf.Stream, pikepdf.Stream],
           page: pikepdf.Page, number: int) -> None:
    """Draw the numbers page of `number` (only "Page N" in the footer, an artifact; `opened` is the numbers
    part) over a page, between the two `wraps` streams every stamped page shares."""
    box = page.mediabox
    source = opened.pages[numbers.page(number, box[2] - box[0] > box[3] - box[1])].obj
    contents = source.Contents if isinstance(source.Contents, Array) else [source.Contents]
    form = out.make_stream(b"\n".join(c.read_bytes() for c in contents), Type=Name.XObject, Subtype=Name.Form,
                           BBox=_copy(out, source.MediaBox), Resources=_copy(out, source.Resources))
    resources = Dictionary(dict(page.obj.get("/Resources", Dictionary()).items()))  # its own: it may be shared
    xobjects = Dictionary(dict(resources.get("/XObject", Dictionary()).items()))
    xobjects[NUMBER] = form
    resources.XObject = xobjects
    page.obj.Resources = resources
    page.contents_add(wraps[0], prepend=True)
    page.contents_add(wraps[1])


def _item(out: Pdf, title: str, place: Place) -> OutlineItem:
    return OutlineItem(title, _destination(out, place))


def _metadata(out: Pdf, first: Pdf, meta: dict, pages: int) -> None:
    """Give the document the settings of its first part, and its own title, subject, author, keywords and
    page count."""
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
        if key in first.Root:
            out.Root[key] = _copy(out, first.Root[key])
    out.Root.PageMode = Name.UseOutlines
    for key, value in first.docinfo.items():
        out.docinfo[key] = _copy(out, value)
    keywords = ", ".join(meta["keywords"])
    out.docinfo.Title, out.docinfo.Author = String(meta["title"]), String(meta["author"])
    out.docinfo.Subject, out.docinfo.Keywords = String(meta["subject"]), String(keywords)
    identity = base64.b64encode(hashlib.sha256(meta["title"].encode()).digest()[:16]).decode()
    with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:title"] = meta["title"]
        xmp["dc:description"] = meta["subject"]
        xmp["dc:creator"] = [meta["author"]]
        xmp["pdf:Keywords"] = keywords
        xmp["{http://ns.adobe.com/xap/1.0/t/pg/}NPages"] = str(pages)
        for key in ("DocumentID", "InstanceID"):  # from the title: the same on every export
            xmp["{http://ns.adobe.com/xap/1.0/mm/}" + key] = identity


def join(slices: list[Slice], outline: Outline, meta: dict, numbers: Numbers, stream: BinaryIO) -> None:
    """Write the slices to `stream` as one PDF with the given outline and metadata; pages of slices that ask
    for it get their page number from the numbers pages."""
    out = Pdf.new()
    places: dict[str, Place] = {}
    stamps = _Source(numbers.part)
    wraps = (out.make_stream(b"q\n"), out.make_stream(b"Q\n/Artifact BMC q " + bytes(NUMBER) + b" Do Q EMC\n"))
    source = _Source(slices[0].part)
    tree = _Tree(out, source)
    _metadata(out, source.pdf, meta, sum(piece.stop - piece.start for piece in slices))
    for number, piece in enumerate(slices):
        if piece.part is not source.part:
            source.pdf.close()
            source = _Source(piece.part)
        base = len(out.pages)
        out.pages.extend(source.pdf.pages[piece.start:piece.stop])
        for name, (index, left, top) in piece.part.places.items():
            if piece.start <= index < piece.stop and name.startswith(piece.ns):
                places[name[len(piece.ns):]] = (base + index - piece.start, left, top)
        tree.add(source, piece, number, base)
        if piece.stamp:
            for index, page in enumerate(out.pages[base:], base):
                _stamp(out, numbers, stamps.pdf, wraps, page, index + 1)
    source.pdf.close()
    stamps.pdf.close()
    tree.finish()
    _links(out, places)
    with out.open_outline() as outline_tree:
        for title, target, children in outline:
            item = _item(out, title, places[target])
            item.children.extend(_item(out, t, places[name]) for t, name in children)
            outline_tree.root.append(item)
    names = pikepdf.NameTree.new(out)
    for name in sorted(places):
        if name.startswith("p-"):  # a practice's page, for links from the theme and partner documents
            names[name] = _destination(out, places[name])
    out.Root.Names = Dictionary(Dests=names.obj)
    out.save(stream, deterministic_id=True, fix_metadata_version=False,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    out.close()
