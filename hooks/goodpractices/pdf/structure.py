"""The structure trees of a join: each part's read once, and one tree built for the joined PDF from the slices'."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

from .parts import Part, Slice

#: The structure elements a join renames, by (object number, generation) in their part.
Renamed = tuple[tuple[int, int], ...]


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
class Layout:
    """What a join needs of a part's structure tree, read once for all the documents that take from it: each
    top-level element's place (index of its Document element, index under it), its first page and the
    elements at or below it that a join renames, and where each parent-tree key's value is."""

    elements: list[tuple[int, int, int, Renamed]]
    parents: dict[int, tuple[int, ...]]

    @classmethod
    def read(cls, pdf: Pdf) -> Layout:
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
            Source(part).pdf.close()


class Source:
    """A part opened for joining, with its layout. Joins only read it, but for cutting its top-level
    elements' links to its Document element."""

    def __init__(self, part: Part) -> None:
        self.part = part
        self.pdf = Pdf.open(part.path, access_mode=pikepdf.AccessMode.stream)  # read, not mapped into memory
        if part.layout is None:
            part.layout = Layout.read(self.pdf)
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


class Tree:
    """The joined PDF's one structure tree, filled slice by slice: each slice's elements, in order, under one
    Document element, with the slices' parent-tree keys and element ids made unique."""

    def __init__(self, out: Pdf, first: Source) -> None:
        """Start the tree, with the role map of the document's first part."""
        self.out = out
        self.root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        if first.root is not None and "/RoleMap" in first.root:
            self.root.RoleMap = copy(out, first.root.RoleMap)
        self.document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root, K=Array()))
        self.nums: list = []  # a list, not an Array: extending a direct Array copies it (quadratic)
        self.ids: dict[str, Dictionary] = {}
        self.key = 0

    def add(self, source: Source, piece: Slice, number: int, first: int) -> None:
        """Add the elements of slice `number`, whose pages are the joined PDF's last, from index `first`."""
        out = self.out
        chosen = source.elements(piece.start, piece.stop)
        for element, _ in chosen:  # cut the link to the part's Document element: it holds every other page
            if "/P" in element:
                del element["/P"]
        for element, renamed in chosen:
            element_copy = copy(out, element)
            element_copy.P = self.document
            self.document.K.append(element_copy)
            for objgen in renamed:  # qpdf gives the copy it has made of an element below, not a new one
                _rename(out.copy_foreign(source.pdf.get_object(objgen)), f"{number}-", self.ids)
        for page in out.pages[first:]:
            holders = [(page.obj, "/StructParents")] + [(a, "/StructParent") for a in page.obj.get("/Annots", [])]
            for holder, name in holders:
                if name in holder:
                    self.nums.extend([self.key, copy(out, source.parent(int(holder[name])))])
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


def copy(out: Pdf, value: object) -> object:
    """Return a value of another PDF for `out`: indirect objects through qpdf's copier, the rest rebuilt."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, Dictionary):
        return Dictionary({key: copy(out, item) for key, item in value.items()})
    if isinstance(value, Array):
        return Array([copy(out, item) for item in value])
    return value
