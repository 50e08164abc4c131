"""Join laid-out parts into one PDF: pages, one structure tree (tags), the outline and the internal links."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pypdf import PdfReader, PdfWriter
from pypdf.generic import Fit
from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, IndirectObject, NameObject, NullObject,
                           NumberObject, TextStringObject)

#: How the template marks a link inside the document: this prefix, then the name of its target.
GOTO = "gp-goto:"

#: (title, target, [(title, target) of each entry below it]) for each top-level outline entry.
Outline = list[tuple[str, str, list[tuple[str, str]]]]


@dataclass
class Part:
    """A laid-out part: its PDF, the page number it starts at, and where its named targets are."""

    reader: PdfReader
    first_page: int
    pages: int
    targets: dict[str, int] = field(default_factory=dict)  # name → printed page number
    places: dict[str, tuple[int, float | None, float | None]] = field(default_factory=dict)  # name → (index, x, y)

    @classmethod
    def read(cls, pdf: bytes, first_page: int) -> Part:
        """Read a part's PDF and its named destinations (Typst makes one for each label)."""
        reader = PdfReader(io.BytesIO(pdf))
        part = cls(reader, first_page, len(reader.pages))
        for name, dest in reader.named_destinations.items():
            index = reader.get_destination_page_number(dest)
            part.targets[str(name)] = first_page + index
            part.places[str(name)] = (first_page - 1 + index, dest.left, dest.top)
        return part


def _coordinate(value: float | None) -> FloatObject | NullObject:
    return NullObject() if value is None else FloatObject(value)


def _destination(writer: PdfWriter, place: tuple[int, float | None, float | None]) -> ArrayObject:
    index, left, top = place
    return ArrayObject([writer.pages[index].indirect_reference, NameObject("/XYZ"), _coordinate(left),
                        _coordinate(top), NullObject()])


def _fit(place: tuple[int, float | None, float | None]) -> Fit:
    return Fit.xyz(left=place[1], top=place[2])


def _pairs(tree: DictionaryObject) -> list:
    """Return the (key, value) pairs of a number tree, in order."""
    if "/Nums" in tree:
        nums = tree["/Nums"]
        return [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
    return [pair for kid in tree.get("/Kids", []) for pair in _pairs(kid.get_object())]


def _structure(writer: PdfWriter, parts: list[Part]) -> None:
    """Give the joined PDF one structure tree: each part's elements, in order, under one Document element,
    with the parts' parent-tree keys and element ids made unique."""
    first = parts[0].reader.root_object["/StructTreeRoot"]
    kids, nums, ids = ArrayObject(), ArrayObject(), {}
    tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    tree_ref = writer._add_object(tree)
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                 NameObject("/S"): NameObject("/Document"), NameObject("/P"): tree_ref,
                                 NameObject("/K"): kids})
    document_ref = writer._add_object(document)
    offset = index = 0
    for number, part in enumerate(parts):
        source = part.reader.root_object["/StructTreeRoot"]
        clone = source.indirect_reference.clone(writer).get_object()
        for top in clone["/K"]:
            for kid in top.get_object().get("/K", []):
                if isinstance(kid, IndirectObject):
                    kid.get_object()[NameObject("/P")] = document_ref
                kids.append(kid)
        for key, value in _pairs(clone["/ParentTree"].get_object()):
            nums.extend([NumberObject(key + offset), value])
        for page, original in zip(writer.pages[index:index + part.pages], part.reader.pages):
            if "/StructParents" in original:  # pypdf leaves the key out of the copy
                page[NameObject("/StructParents")] = NumberObject(int(original["/StructParents"]) + offset)
            for annot in page.get("/Annots", []):
                annot = annot.get_object()
                if "/StructParent" in annot:
                    annot[NameObject("/StructParent")] = NumberObject(int(annot["/StructParent"]) + offset)
        _rename_ids(clone["/K"], f"{number}-", ids)
        offset += int(source.get("/ParentTreeNextKey", 0))
        index += part.pages
    tree[NameObject("/K")] = ArrayObject([document_ref])
    tree[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))
    tree[NameObject("/ParentTreeNextKey")] = NumberObject(offset)
    if "/RoleMap" in first:
        tree[NameObject("/RoleMap")] = first["/RoleMap"].clone(writer)
    if ids:
        names = ArrayObject()
        for name in sorted(ids):
            names.extend([TextStringObject(name), ids[name]])
        tree[NameObject("/IDTree")] = DictionaryObject({NameObject("/Names"): names})
    writer._root_object[NameObject("/StructTreeRoot")] = tree_ref


def _rename_ids(kids: ArrayObject, prefix: str, ids: dict) -> None:
    """Prefix the ids of a part's structure elements (and the table headers naming them), collecting them."""
    stack = list(kids)
    while stack:
        ref = stack.pop()
        if not isinstance(ref, IndirectObject):
            continue
        element = ref.get_object()
        if not isinstance(element, DictionaryObject) or "/S" not in element:
            continue
        if "/ID" in element:
            element[NameObject("/ID")] = TextStringObject(prefix + str(element["/ID"]))
            ids[str(element["/ID"])] = ref
        attributes = element.get("/A")
        for attribute in attributes if isinstance(attributes, ArrayObject) else [attributes]:
            attribute = attribute.get_object() if attribute is not None else None
            if isinstance(attribute, DictionaryObject) and "/Headers" in attribute:
                attribute[NameObject("/Headers")] = ArrayObject(
                    TextStringObject(prefix + str(h)) for h in attribute["/Headers"])
        children = element.get("/K")
        if isinstance(children, ArrayObject):
            stack.extend(children)
        elif isinstance(children, IndirectObject):
            stack.append(children)


def _links(writer: PdfWriter, places: dict[str, tuple[int, float | None, float | None]]) -> None:
    """Point each link the template marked as internal at its target's page and place."""
    for page in writer.pages:
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            action = annot.get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if uri.startswith(GOTO):
                annot[NameObject("/A")] = DictionaryObject({
                    NameObject("/S"): NameObject("/GoTo"),
                    NameObject("/D"): _destination(writer, places[uri[len(GOTO):]])})


def join(parts: list[Part], outline: Outline) -> bytes:
    """Return the parts as one PDF with the given outline; document settings come from the first part."""
    writer = PdfWriter()
    for part in parts:
        writer.append(part.reader, import_outline=False)
    places = {name: place for part in parts for name, place in part.places.items()}
    _structure(writer, parts)
    _links(writer, places)
    for title, target, children in outline:
        parent = writer.add_outline_item(title=title, page_number=places[target][0], fit=_fit(places[target]))
        for child_title, child_target in children:
            writer.add_outline_item(title=child_title, page_number=places[child_target][0], parent=parent,
                                    fit=_fit(places[child_target]))
    source = parts[0].reader.root_object
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
        if key in source:
            writer._root_object[NameObject(key)] = source[key].clone(writer) if key != "/Metadata" else \
                source.raw_get(key).clone(writer)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    writer.add_metadata({key: value for key, value in (parts[0].reader.metadata or {}).items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
