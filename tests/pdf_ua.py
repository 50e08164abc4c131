"""The PDF/UA-1 conditions (Matterhorn Protocol) a program can decide, checked on a finished PDF.

Typst checks PDF/UA-1 as it lays a part out, but a joined document is made of parts it never saw whole:
this checks the joined result. It covers identification and metadata (Matterhorn 06, 07), language (11),
content either tagged or an artifact (01), headings starting at H1 without skipping a level (14), figures
with alternative text (13), annotations in the structure with tab order S (28) and embedded fonts (31).
What a person must judge (reading order that makes sense, alt text that says the right thing) it cannot."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name

#: Operators that put something on the page: each must be inside tagged content or an artifact.
MARKS = {"Tj", "TJ", "'", '"', "Do", "INLINE IMAGE", "sh", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*"}


def _kids(node: Dictionary) -> list:
    kids = node.get("/K")
    return list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []


def _elements(tree: Dictionary) -> Iterator[Dictionary]:
    """Yield the structure elements in document order (depth first, children in order)."""
    stack = list(reversed(_kids(tree)))
    while stack:
        node = stack.pop()
        if isinstance(node, Dictionary) and "/S" in node and node.get("/Type") not in ("/MCR", "/OBJR"):
            yield node
            stack.extend(reversed(_kids(node)))


def _marked(page: pikepdf.Page, mcids: Array | None) -> list[str]:
    """Return the painting operators of a page that are neither in an artifact nor in content whose MCID
    the parent tree gives an element."""
    problems, stack = [], []
    properties = page.obj.get("/Resources", Dictionary()).get("/Properties", Dictionary())
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag, mcid = str(operands[0]), None
            if op == "BDC":
                props = operands[1]
                props = properties.get(str(props)) if isinstance(props, Name) else props
                mcid = int(props["/MCID"]) if isinstance(props, Dictionary) and "/MCID" in props else None
            stack.append((tag, mcid))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op in MARKS:
            inside = any(tag == "/Artifact" or (mcid is not None and mcids is not None and mcid < len(mcids)
                                                 and isinstance(mcids[mcid], Dictionary)) for tag, mcid in stack)
            if not inside:
                problems.append(op)
    return problems


def _fonts(resources: Dictionary, seen: set) -> Iterator[tuple[str, Dictionary]]:
    """Yield (name, font) of the fonts a page's resources use, forms' resources included."""
    for name, font in resources.get("/Font", Dictionary()).items():
        if font.objgen not in seen:
            seen.add(font.objgen)
            yield name, font
    for xobject in resources.get("/XObject", Dictionary()).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            yield from _fonts(xobject.Resources, seen)


def problems(pdf: pikepdf.Pdf) -> list[str]:
    """Return what breaks the checked PDF/UA-1 conditions, one line each; none for a conforming PDF."""
    found: list[str] = []
    root = pdf.Root
    xmp = pdf.open_metadata()
    if xmp.get("pdfuaid:part") != "1":
        found.append("metadata: no PDF/UA identification (pdfuaid:part 1)")
    if not xmp.get("dc:title"):
        found.append("metadata: no dc:title")
    if not root.get("/ViewerPreferences", Dictionary()).get("/DisplayDocTitle"):
        found.append("catalog: the viewer is not told to show the title (DisplayDocTitle)")
    if not str(root.get("/Lang", "")):
        found.append("catalog: no document language")
    if not root.get("/MarkInfo", Dictionary()).get("/Marked"):
        found.append("catalog: not marked as tagged")
    tree = root.get("/StructTreeRoot")
    if tree is None:
        return [*found, "catalog: no structure tree"]
    roles = {str(k): str(v) for k, v in tree.get("/RoleMap", Dictionary()).items()}
    parents = {int(k): v for k, v in pikepdf.NumberTree(tree.ParentTree).items()}
    level = 0
    for element in _elements(tree):
        kind = roles.get(str(element.S), str(element.S))
        if kind in {f"/H{n}" for n in range(1, 7)}:
            new = int(kind[2:])
            if new > level + 1:
                found.append(f"structure: {kind} follows H{level}" if level
                             else f"structure: the first heading is {kind}")
            level = new
        if kind == "/Figure" and not str(element.get("/Alt", element.get("/ActualText", ""))).strip():
            found.append("structure: a figure without alternative text")
    seen: set = set()
    for number, page in enumerate(pdf.pages, 1):
        key = page.obj.get("/StructParents")
        mcids = parents.get(int(key)) if key is not None else None
        for op in sorted(set(_marked(page, mcids))):
            found.append(f"page {number}: {op} outside tagged content and artifacts")
        annots = page.obj.get("/Annots", Array())
        if len(annots) and page.obj.get("/Tabs") != "/S":
            found.append(f"page {number}: annotations but no tab order S")
        for annot in annots:
            parent = parents.get(int(annot.get("/StructParent", -1)))
            if annot.get("/Subtype") == "/Link" and (not isinstance(parent, Dictionary)
                                                      or roles.get(str(parent.S), str(parent.S)) != "/Link"):
                found.append(f"page {number}: a link annotation not inside a Link element")
        for name, font in _fonts(page.obj.get("/Resources", Dictionary()), seen):
            if font.get("/Subtype") == "/Type3":
                continue
            described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor", Dictionary())
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                found.append(f"page {number}: font {name} is not embedded")
    return found
