"""Export real PDFs of a small, hostile catalogue and read them back with pypdf: outline, pages, text, tags."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import BinaryIO

import export_pdf  # a script, on pytest's path
import pdf_ua
import pikepdf
import pytest
from conftest import BODY, ROOT, Project, practice
from goodpractices import catalog as pipeline
from goodpractices.body_checks import check_body
from goodpractices.body_markdown import render
from goodpractices.bodytree import parse
from goodpractices.checker import Checker
from goodpractices.figures import figures
from goodpractices.load import Source
from goodpractices.pdf import document, typeset
from goodpractices.pdf.beside import Beside
from goodpractices.pdf.images import Images, site_file
from goodpractices.pdf.write import Site, pdf_bytes
from goodpractices.related import related_practices
from goodpractices.sanitize import clean, inspect
from pypdf import PdfReader
from pikepdf import Array, Dictionary, Name
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

ARTIFACTS = ROOT / "tests" / "artifacts"

#: Laid out two practices at a time, so that every document here is joined from several parts.
CHUNK = ["--chunk", "2"]

HOSTILE = """## Description

#### A heading two levels down

Template-like text `{{ config.site_name }} {% include "x" %}` in code.
Typst-like text: #set page(fill: red) $x^2$ @ref _under_ #"str" = not a heading.

<b>raw bold</b> and a [site link](https://example.org/page).
"""




@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """Seven practices in four themes by four partners, one of them hostile, with transfers and inspiration."""
    project = Project(tmp_path_factory.mktemp("pdf") / "project")
    project.add("rd-now.md", practice(
        title='"R&D <b>now</b>"', theme="cmo-services", partner="ecoplus",
        summary="A summary with an ampersand & angle <brackets> that must stay exactly as written here.",
        extra="keywords: [r&d]\ntransferability:\n  vlaio: implemented\n  inma: {stage: assessed, note: Looked at}\n"
              "contact: {name: Jane Doe, organisation: ecoplus, email: jane@example.org}\n"
              "links:\n  - {title: Project page, url: 'https://example.org/project'}\nupdated: '2026-03-04'\n",
        body=HOSTILE + BODY))
    for number, (theme, partner) in enumerate([("cmo-services", "vlaio"), ("sme-innovation", "inma"),
                                               ("sme-innovation", "ecoplus"), ("3d-printing", "inma"),
                                               ("monitoring-evaluation", "vlaio"), ("cmo-services", "inma")]):
        project.add(f"practice-{number}.md", practice(
            title=f"Practice number {number} about {theme}", theme=theme, partner=partner,
            summary=f"Summary of practice {number}, long enough to pass the fifty-character minimum.",
            extra="inspired_by: [rd-now]\n" if number == 1 else ""))
    return project


@pytest.fixture(scope="module")
def catalog(corpus: Project):
    return pipeline.load(corpus.practices, trees=True)[0]


def export(corpus: Project, *args: str, out: Path | None = None) -> int:
    return export_pdf.main([*args, *CHUNK, "--practices", str(corpus.practices), "--config-file",
                            str(corpus.root / "mkdocs.yml"), "--downloads", str(out or corpus.root / "downloads")])


@pytest.fixture(scope="module")
def downloads(corpus: Project) -> Path:
    """Every document `--all` writes."""
    assert export(corpus, "--all") == 0
    return corpus.root / "downloads"


def outline(reader: PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Return the outline as (title, page index, children) for each top-level entry."""
    entries, items = [], list(reader.outline)
    for i, item in enumerate(items):
        if isinstance(item, list):
            continue
        children = items[i + 1] if i + 1 < len(items) and isinstance(items[i + 1], list) else []
        entries.append((item.title, reader.get_destination_page_number(item),
                        [(c.title, reader.get_destination_page_number(c)) for c in children]))
    return entries


def flat(text: str) -> str:
    return " ".join(text.split())


def test_catalogue_outline_holds_themes_then_practices_in_order_each_on_its_page(downloads: Path, catalog):
    reader = PdfReader(downloads / "good-practices.pdf")
    entries = outline(reader)
    themes = [t for t in catalog.themes if catalog.by_theme[t.key]]
    assert [title for title, _, _ in entries] == ["About this publication", "Contents"] + [t.title for t in themes] + [
        "Appendix A: Transferability matrix", "Appendix B: Partner directory",
        "Appendix C: Map of partners and transfers", "Appendix D: The library in figures"]
    assert [page for _, page, _ in entries[:2]] == [1, 2]  # the colophon after the cover, then the contents
    assert flat(reader.pages[2].extract_text()).startswith("Contents")
    for (title, _page, children), theme in zip(entries[2:], themes):
        assert [c for c, _ in children] == [p.title for p in catalog.by_theme[theme.key]]
        for child, page in children:
            assert flat(child) in flat(reader.pages[page].extract_text()), child
    assert "R&D <b>now</b>" in [c for _, _, children in entries for c, _ in children]


def test_text_holds_every_summary_and_literal_code(downloads: Path, catalog):
    reader = PdfReader(downloads / "good-practices.pdf")
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    for p in catalog.practices:
        assert flat(p.summary) in text, p.id
    assert '{{ config.site_name }} {% include "x" %}' in text
    assert '#set page(fill: red) $x^2$ @ref under #"str" = not a heading.' in text  # _under_ is emphasis
    assert "raw bold" in text
    assert "https://example.org/project" in text  # a link's URL is printed
    assert "Jane Doe" in text and "jane@example.org" in text


def with_body(catalog: pipeline.Catalog, body: str) -> tuple[pipeline.Catalog, pipeline.Practice]:
    """The catalogue with its first practice's body replaced, rendered and cleaned as the pipeline does (no
    validation: what it would refuse goes in all the same)."""
    rendered = render(body)
    html, _ = clean(rendered.html, inspect(rendered.html).ids)
    changed = dataclasses.replace(catalog.practices[0], body_html=html.encode(), headings=(), tree=parse(html))
    return dataclasses.replace(catalog, practices=(changed, *catalog.practices[1:])), changed


def test_script_in_a_code_span_is_printed_and_a_raw_one_dropped(catalog, tmp_path: Path):
    """The PDF prints the body's cleaned HTML: a code span shows its text, raw script and handlers are gone. The
    validator refuses the raw ones, so the cleaned HTML of this body is put in the model directly."""
    body = ('A `<script>alert("code")</script>` span and `#import "/etc/passwd"` too.\n\n'
            '<script>document.title = "pwned"</script>\n\n<p onclick="steal()">Handler</p>\n\n'
            '![outside](../../../../etc/passwd.png) ![remote](https://example.org/x.png) ![file](file:///etc/x.png)\n')
    hostile, changed = with_body(catalog, body)
    pdf = pdf_bytes(hostile, document.practice(hostile, changed.id), Site("Site", "Author", None), chunk=2)
    reader = PdfReader(io.BytesIO(pdf))
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    assert '<script>alert("code")</script>' in text
    assert '#import "/etc/passwd"' in text
    assert "pwned" not in text and "steal" not in text and "Handler" in text
    assert "[image: outside]" in text and "[image: remote]" in text  # shown as words, never fetched
    assert all(not page.images for page in reader.pages)


#: Bodies the validator accepts that nest as deep as it lets them: emphasis in emphasis (up to its 500 marks a
#: paragraph), raw styles and quotes up to the 32 raw elements, Markdown quotes 10 deep.
DEEP_BODIES = [
    "*a " * 120 + "deepest" + " c*" * 120,
    "**a " * 60 + "*b " * 60 + "deepest" + " c*" * 60 + " d**" * 60,
    "<sup>" * 31 + "deepest" + "</sup>" * 31 + " and " + "_a " * 100 + "also" + " b_" * 100,
    "<blockquote>" * 31 + "deepest" + "</blockquote>" * 31,
    "> " * 10 + "<blockquote>" * 20 + "<b>" * 11 + "deepest" + "</b>" * 11 + "</blockquote>" * 20,
    "".join("    " * i + "- x\n" for i in range(9)) + "    " * 9 + "- " + "*a " * 100 + "deepest" + " c*" * 100,
]


@pytest.mark.parametrize("body", DEEP_BODIES, ids=range(len(DEEP_BODIES)))
def test_a_body_nested_as_deep_as_the_validator_accepts_is_laid_out(catalog, body):
    """Typst reads the document as JSON to 128 levels: 120 nested emphases, which validate.py accepts, failed
    the PDF build ('recursion limit exceeded') and so `make site`. Deeper styles and quotes keep their text."""
    checker = Checker(Source("p", "practices/p.md", {}, {}, body, 7))
    check_body(checker, body, 7)
    assert not [str(p) for p in checker.problems if not p.warning]
    deep, changed = with_body(catalog, body)
    pdf = pdf_bytes(deep, document.practice(deep, changed.id), Site("Site", "Author", None), chunk=2)
    text = flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert "deepest" in text


def _png(width: int = 4, height: int = 4) -> bytes:
    """A small grey PNG, written by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_an_image_of_the_site_is_printed_with_its_alt_text(catalog, tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "dot.png").write_bytes(_png())
    hostile, changed = with_body(catalog, "A picture:\n\n![A grey dot](../assets/dot.png)\n")
    pdf = pdf_bytes(hostile, document.practice(hostile, changed.id), Site("Site", "Author", docs))
    reader = PdfReader(io.BytesIO(pdf))
    assert sum(len(page.images) for page in reader.pages) == 1
    assert "[image:" not in reader.pages[0].extract_text()
    with pikepdf.open(io.BytesIO(pdf)) as joined:
        figures = [e for e in pdf_ua._elements(joined.Root.StructTreeRoot) if e.S == "/Figure"]
        assert [str(f.Alt) for f in figures] == ["A grey dot"]
        assert pdf_ua.problems(joined) == []


def test_pages_are_a4_and_footers_carry_title_and_page_number(downloads: Path, catalog):
    reader = PdfReader(downloads / "good-practices.pdf")
    for title, _page, children in outline(reader)[:-4]:
        for child, index in children:
            page = reader.pages[index]
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
            footer = flat(page.extract_text())
            assert footer.endswith(f"Page {index + 1}"), footer[-80:]
            assert footer.count(flat(child)) >= 2  # the heading and the running footer


def test_contents_list_page_numbers_and_link_to_the_practices(downloads: Path, catalog):
    reader = PdfReader(downloads / "good-practices.pdf")
    targets = {title: page for _, _, children in outline(reader) for title, page in children}
    contents = flat(reader.pages[2].extract_text())  # after the cover and the colophon
    assert contents.startswith("Contents")
    for title, page in targets.items():
        assert re.search(re.escape(flat(title)) + r"[ .]*" + str(page + 1) + r"\b", contents), title
    links = [a.get_object() for a in reader.pages[2].get("/Annots", [])]
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    goto = [pages[link["/A"]["/D"][0].idnum] for link in links if link.get("/A", {}).get("/S") == "/GoTo"]
    assert sorted(set(targets.values())) == sorted(set(goto) & set(targets.values()))
    for page in reader.pages:  # no marker link survives the join
        for annot in page.get("/Annots", []):
            assert not str(annot.get_object().get("/A", {}).get("/URI", "")).startswith("gp-goto:")


def test_tagged_with_language_metadata_and_one_consistent_structure_tree(downloads: Path):
    reader = PdfReader(downloads / "good-practices.pdf")
    root = reader.root_object
    assert root["/Lang"] == "en" and root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    meta = reader.metadata
    assert meta.title == "CLUSTERIX 2.0 good practices"
    assert meta.subject and meta.author and "cluster policy" in meta["/Keywords"]
    for path in sorted(downloads.glob("*.pdf")):  # the theme and partner documents too
        reader = PdfReader(path)
        assert reader.root_object["/Lang"] == "en", path.name
        assert {"/Document", "/H1", "/H2", "/P", "/Link", "/Table"} <= _consistent_structure(reader), path.name


def test_every_document_meets_the_checkable_pdf_ua_conditions(corpus: Project, downloads: Path, tmp_path: Path):
    """Typst checks PDF/UA-1 on what it lays out; the joined documents are checked here, whole."""
    assert export(corpus, "--practice", "rd-now", "-o", str(tmp_path / "one.pdf")) == 0
    for path in [*sorted(downloads.glob("*.pdf")), tmp_path / "one.pdf"]:
        with pikepdf.open(path) as pdf:
            assert pdf_ua.problems(pdf) == [], path.name


def test_the_pdf_ua_check_finds_what_breaks_it(downloads: Path):
    """Each condition, broken on purpose in a copy of the catalogue, is reported."""
    with pikepdf.open(downloads / "good-practices.pdf") as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            del xmp["pdfuaid:part"]
        del pdf.Root.ViewerPreferences.DisplayDocTitle
        number, page = next((n, p) for n, p in enumerate(pdf.pages, 1) if "/Annots" in p.obj)
        page.contents_add(pdf.make_stream(b"BT /F1 9 Tf (loose) Tj ET 0 0 5 5 re f"))
        del page.obj.Tabs
        page.obj.Annots[0].StructParent = 10**6
        font = next(iter(page.obj.Resources.Font.values()))
        described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
        for key in ("/FontFile", "/FontFile2", "/FontFile3"):
            if key in described.FontDescriptor:
                del described.FontDescriptor[key]
        elements = list(pdf_ua._elements(pdf.Root.StructTreeRoot))
        heading = next(e for e in elements if e.S == "/H2")
        heading.S = Name("/H4")
        figure = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Figure, P=heading, K=Array()))
        heading.K = Array([*pdf_ua._kids(heading), figure])
        found = pdf_ua.problems(pdf)
    assert "metadata: no PDF/UA identification (pdfuaid:part 1)" in found
    assert "catalog: the viewer is not told to show the title (DisplayDocTitle)" in found
    assert {f"page {number}: Tj outside tagged content and artifacts",
            f"page {number}: f outside tagged content and artifacts",
            f"page {number}: annotations but no tab order S",
            f"page {number}: a link annotation not inside a Link element"} <= set(found)
    assert any(line.endswith("is not embedded") for line in found)
    assert "structure: /H4 follows H1" in found and "structure: a figure without alternative text" in found


def _consistent_structure(reader: PdfReader) -> set[str]:
    """Check that every element of the structure tree is on the document's pages and that the parent tree's
    keys are exactly those the pages and annotations use; return the element kinds."""
    root = reader.root_object
    tree = root["/StructTreeRoot"]
    pages = {p.indirect_reference.idnum for p in reader.pages}
    annots = {a.idnum for p in reader.pages for a in p.get("/Annots", [])}
    stack, kinds = list(tree["/K"]), set()
    while stack:
        item = stack.pop()
        node = item.get_object() if isinstance(item, IndirectObject) else item
        if not isinstance(node, DictionaryObject) or "/MCID" in node:
            continue
        if node.get("/Type") == "/OBJR":
            assert node.raw_get("/Obj").idnum in annots
            continue
        kinds.add(node["/S"])
        if "/Pg" in node:
            assert node.raw_get("/Pg").idnum in pages
        children = node.get("/K")
        stack.extend(children if isinstance(children, ArrayObject) else [children] if children else [])
    nums = tree["/ParentTree"]["/Nums"]
    keys = sorted(int(nums[i]) for i in range(0, len(nums), 2))
    used = sorted([int(p["/StructParents"]) for p in reader.pages if "/StructParents" in p]
                  + [int(a.get_object()["/StructParent"]) for p in reader.pages for a in p.get("/Annots", [])
                     if "/StructParent" in a.get_object()])
    assert keys == used
    return kinds


def test_theme_and_partner_documents_hold_exactly_their_practices(downloads: Path, catalog):
    themes = {t.key for t in catalog.themes if catalog.by_theme[t.key]}
    partners = {p.key for p in catalog.partners if catalog.by_partner[p.key]}
    assert sorted(p.name for p in downloads.glob("*.pdf")) == sorted(
        ["good-practices.pdf"] + [f"theme-{k}.pdf" for k in themes] + [f"partner-{k}.pdf" for k in partners])
    for kind, groups in (("theme", catalog.by_theme), ("partner", catalog.by_partner)):
        for key in themes if kind == "theme" else partners:
            reader = PdfReader(downloads / f"{kind}-{key}.pdf")
            titles = [c for _, _, children in outline(reader) for c, _ in children]
            assert sorted(titles) == sorted(p.title for p in groups[key]), key
            text = flat(reader.pages[0].extract_text())
            assert kind.upper() in text  # its own cover


def test_one_practice_document_is_laid_out_in_one_compile_and_never_joined(corpus: Project, catalog, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch):
    from goodpractices.pdf import engine, whole

    compiles = []

    def counted(data, folder, name, standards=""):
        compiles.append(name)
        return typeset.compile_part(data, folder, name, standards)

    def no_join(*args, **kwargs):
        raise AssertionError("a one-practice document was joined")

    monkeypatch.setattr(engine, "compile_part", counted)
    monkeypatch.setattr(whole, "compile_part", counted)
    monkeypatch.setattr(engine, "join", no_join)
    target = tmp_path / "one.pdf"
    assert export(corpus, "--practice", "rd-now", "-o", str(target)) == 0
    assert len(compiles) == 1
    assert not (corpus.root / "downloads" / "practice-rd-now.pdf").exists()
    assert export(corpus, "--practice", "rd-now", "-o", str(tmp_path / "again.pdf")) == 0
    assert (tmp_path / "again.pdf").read_bytes() == target.read_bytes()  # the same bytes every time
    reader = PdfReader(target)
    entries = outline(reader)  # theme › practice, as in every document
    assert [(title, page) for title, page, _ in entries] == [("Services for cluster management organisations", 0)]
    assert entries[0][2] == [("R&D <b>now</b>", 0)]
    texts = [flat(page.extract_text()) for page in reader.pages]
    assert "R&D <b>now</b>" in texts[0]
    assert "About this publication" in texts[-1]  # its colophon closes it
    for number, text in enumerate(texts, 1):  # its pages number themselves
        assert text.endswith(f"Page {number}") and text.count(f"Page {number}") == 1, text[-60:]
    assert reader.metadata.title.endswith(": R&D <b>now</b>") and reader.metadata.subject == "R&D <b>now</b>"
    remote = sorted(str(a["/D"]) for a in _links(reader) if a["/S"] == "/GoToR")  # other practices: the catalogue's
    assert remote == sorted("p-" + other for other in _referred(catalog, "rd-now"))
    assert all(str(a.get("/URI", "")).startswith(("http", "mailto:")) for a in _links(reader) if a["/S"] == "/URI")
    assert [str(name) for name in reader.named_destinations] == ["p-rd-now"]
    headings = [role for role in _tagged(target) if role in {"/H1", "/H2", "/H3"}]
    assert headings[0] == "/H1" and headings.count("/H1") == 1  # the practice is the top heading
    with pikepdf.open(target) as pdf:
        assert pdf_ua.problems(pdf) == []


def _referred(catalog, key: str) -> list[str]:
    """The practices a practice's page refers to: inspired by, inspired, related; once per reference."""
    related = related_practices(catalog)
    p = catalog.practice[key]
    return [*p.inspired_by, *(q.id for q in catalog.inspired[key]), *(r.id for r in related[key])]


def _tagged(path: Path) -> list[str]:
    """The roles of a PDF's structure elements, in document order."""
    with pikepdf.open(path) as pdf:
        return [str(element.S) for element in pdf_ua._elements(pdf.Root.StructTreeRoot)]


def test_two_exports_are_byte_identical(corpus: Project, tmp_path: Path):
    assert export(corpus, "--theme", "cmo-services", out=tmp_path / "a") == 0
    assert export(corpus, "--theme", "cmo-services", out=tmp_path / "b") == 0
    first, second = (tmp_path / d / "theme-cmo-services.pdf" for d in "ab")
    assert first.read_bytes() == second.read_bytes()


def test_two_all_exports_are_byte_identical(corpus: Project, downloads: Path, tmp_path: Path):
    assert export(corpus, "--all", out=tmp_path) == 0
    for path in _documents(downloads):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_images_only_from_the_site_folder(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n fake")
    (docs / "assets" / "text.png").write_bytes(b"not a picture")
    (tmp_path / "secret.png").write_bytes(b"secret")
    (docs / "assets" / "link.png").symlink_to(tmp_path / "secret.png")
    assert site_file("../assets/ok.png", docs) == (docs / "assets" / "ok.png").resolve()
    for src in ("../../secret.png", "../assets/link.png", "/etc/passwd.png", f"file://{tmp_path}/secret.png",
                "https://example.org/x.png", "//example.org/x.png", "data:image/png;base64,AAAA",
                "..%2F..%2Fsecret.png", "../assets/missing.png", "../assets/ok.png?x=1", "..\\..\\secret.png"):
        assert site_file(src, docs) is None, src
    folder = tmp_path / "build"
    folder.mkdir()
    images = Images(docs, folder)
    assert images("../../secret.png", "alt") is None
    assert images("../assets/text.png", "alt") is None
    name = images("../assets/ok.png", "alt")
    assert (folder / name).read_bytes() == b"\x89PNG\r\n\x1a\n fake"


def test_bad_practice_gives_the_validators_messages_and_no_pdf(tmp_path: Path, capsys):
    project = Project(tmp_path / "bad")
    project.add("good.md", practice())
    project.add("bad.md", practice(theme="no-such-theme"))
    out = tmp_path / "downloads"
    assert export(project, "--all", out=out) == 1
    printed = capsys.readouterr().out
    expected = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "--practices",
                               str(project.practices)], capture_output=True, text=True, cwd=tmp_path)
    assert expected.returncode == 1
    assert printed == expected.stdout
    assert "bad.md" in printed and "theme" in printed
    assert not out.exists() or not any(out.iterdir())


def test_unknown_keys_are_usage_errors(corpus: Project, capsys):
    with pytest.raises(SystemExit) as stopped:
        export(corpus, "--theme", "nope")
    assert stopped.value.code == 2
    assert "no such theme" in capsys.readouterr().err


def test_pages_as_png_for_people_to_look_at(downloads: Path):
    """Page images under tests/artifacts/: the cover, the colophon, the contents, a chapter opener, a practice
    page and the matrix."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    reader = PdfReader(downloads / "good-practices.pdf")
    entries = outline(reader)
    hostile = next(page for _, _, children in entries for title, page in children if title == "R&D <b>now</b>")
    pages = {"cover": 0, "colophon": 1, "contents": 2, "practice": hostile, "matrix": entries[-4][1],
             "map": entries[-2][1], "figures": entries[-1][1], "opener": entries[2][1]}
    ARTIFACTS.mkdir(exist_ok=True)
    for name, index in pages.items():
        stem = ARTIFACTS / f"pdf-{name}"
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                        str(downloads / "good-practices.pdf"), str(stem)], check=True)
        assert stem.with_suffix(".png").stat().st_size > 5000


def test_site_lists_the_pdfs_with_pages_and_sizes_and_links_them(corpus: Project, downloads: Path, catalog,
                                                                 tmp_path: Path):
    import os

    (corpus.docs / "index.md").write_text("# Home\n\n{{ catalogue_pdf() }}\n")
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=corpus.root,
                          capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GOODPRACTICES_MAKE_PDFS": "true"})
    assert done.returncode == 0, done.stderr
    page = (site / "downloads" / "index.html").read_text()
    # the build lays out the same documents as --all (from the catalogue it checked), page counts from the layout
    assert sorted(p.name for p in (site / "downloads").glob("*.pdf")) == sorted(p.name for p in downloads.glob("*.pdf"))
    for pdf in sorted((site / "downloads").glob("*.pdf")):
        pages, size = len(PdfReader(pdf).pages), pdf.stat().st_size
        row = re.search(rf'<tr><td><a href="{re.escape(pdf.name)}" download>.*?</a></td><td>(\d+)</td>'
                        rf'<td>([\d.]+ [KM]B)</td></tr>', page)
        assert row and int(row.group(1)) == pages, pdf.name
        assert row.group(2) == (f"{round(size / 1000)} KB" if size < 1_000_000 else f"{size / 1e6:.1f} MB")
    for data in ("transferability.csv", "practices.json", "good-practices-site.zip"):
        assert data in page
    assert 'href="downloads/good-practices.pdf"' in (site / "index.html").read_text()
    for kind, groups in (("theme", catalog.by_theme), ("partner", catalog.by_partner)):
        for key, members in groups.items():
            html = (site / f"{kind}s" / f"{key}.html").read_text()
            story = bool(members) or (kind == "partner" and bool(catalog.transfers_to[key]))  # its uptake too
            assert (f'href="../downloads/{kind}-{key}.pdf"' in html) == story, (kind, key)


def test_a_preview_makes_no_pdf_and_says_how_to(corpus: Project, tmp_path: Path):
    done = corpus.build(site=tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert not list((tmp_path / "site").rglob("*.pdf"))
    assert "make site" in (tmp_path / "site" / "downloads" / "index.html").read_text()


def test_headings_print_without_their_web_permalink_mark():
    from goodpractices.body_markdown import render

    from goodpractices.pdf.blocks import body_blocks
    from goodpractices.sanitize import clean, inspect

    rendered = render("## Description\n\nText[^1].\n\n[^1]: A note.\n")
    html, _ = clean(rendered.html, inspect(rendered.html).ids)
    assert "headerlink" in html and "footnote-backref" in html
    printed = repr(body_blocks(parse(html)))
    assert "¶" not in printed and "↩" not in printed and "Description" in printed and "A note." in printed


# Theme and partner documents made by --all reuse the catalogue's practice pages (issue 13, speed half).

def _practice_pages(reader: PdfReader) -> dict[str, list[int]]:
    """Return each practice's page indexes: from its bookmark to the next bookmark or the end of its chapter."""
    entries = outline(reader)
    starts = sorted({page for _, page, _ in entries} | {page for _, _, kids in entries for _, page in kids}
                    | {len(reader.pages)})
    return {title: list(range(page, starts[starts.index(page) + 1]))
            for _, _, children in entries for title, page in children}


def _without_number(text: str) -> str:
    return re.sub(r"Page \d+$", "", flat(text))


def _documents(downloads: Path) -> list[Path]:
    return sorted(downloads.glob("*.pdf"))


def test_every_document_numbers_its_own_pages_and_bookmarks_its_practices_titles(downloads: Path):
    for path in _documents(downloads):
        reader = PdfReader(path)
        for title, pages in _practice_pages(reader).items():
            assert flat(title) in flat(reader.pages[pages[0]].extract_text()), (path.name, title)
            for index in pages:
                text = flat(reader.pages[index].extract_text())
                assert text.endswith(f"Page {index + 1}"), (path.name, title, text[-60:])
                assert text.count(f"Page {index + 1}") == 1, (path.name, index)
        contents = flat(reader.pages[2].extract_text())
        for title, pages in _practice_pages(reader).items():  # the contents give this document's numbers
            assert re.search(re.escape(flat(title)) + r"[ .]*" + str(pages[0] + 1) + r"\b", contents), title


def test_a_practices_pages_are_the_catalogues_but_for_the_page_numbers(downloads: Path, catalog):
    catalogue = PdfReader(downloads / "good-practices.pdf")
    pages = _practice_pages(catalogue)
    texts = {title: [_without_number(catalogue.pages[i].extract_text()) for i in indexes]
             for title, indexes in pages.items()}
    compared = 0
    for path in _documents(downloads):
        if path.name == "good-practices.pdf":
            continue
        reader = PdfReader(path)
        for title, indexes in _practice_pages(reader).items():
            assert [_without_number(reader.pages[i].extract_text()) for i in indexes] == texts[title], title
            compared += 1
    assert compared == 2 * len(catalog.practices)  # each practice is in one theme and one partner document


def _reachable(pdf) -> set[tuple[int, int]]:
    """Return the object numbers reachable from the trailer."""
    import pikepdf

    seen: set[tuple[int, int]] = set()
    stack = [pdf.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Object) and item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            stack.extend(item.stream_dict.values() if isinstance(item, pikepdf.Stream) else item.values())
        elif isinstance(item, pikepdf.Array):
            stack.extend(item)
    return seen


def test_a_theme_document_holds_only_its_own_pages_and_elements(downloads: Path, catalog):
    import pikepdf

    for path in _documents(downloads):
        with pikepdf.open(path) as pdf:
            objects = {o.objgen for o in pdf.objects if o.objgen != (0, 0) and not (
                isinstance(o, pikepdf.Stream) and o.get("/Type") in ("/ObjStm", "/XRef"))}  # the file's own
            assert objects <= _reachable(pdf), path.name  # nothing copied in that no one reaches
            pages = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Page"]
            assert len(pages) == len(pdf.pages), path.name
    # Every element of the structure tree is on one of the document's pages, and each practice's title is a
    # heading of it once: no element of another practice comes along (the figures of appendix D are headings too).
    figure_titles = {figure.title for figure in figures(catalog)}
    for path in _documents(downloads):
        reader = PdfReader(path)
        own = {flat(t) for t in _practice_pages(reader)}
        headings = []
        pages = {p.indirect_reference.idnum for p in reader.pages}
        stack = list(reader.root_object["/StructTreeRoot"]["/K"])
        while stack:
            node = stack.pop()
            node = node.get_object() if isinstance(node, IndirectObject) else node
            if not isinstance(node, DictionaryObject) or "/S" not in node:
                continue
            if "/Pg" in node:
                assert node.raw_get("/Pg").idnum in pages
            if node["/S"] == "/H2" and node.get("/T") not in figure_titles:
                headings.append(node)
            children = node.get("/K")
            stack.extend(children if isinstance(children, ArrayObject) else [children] if children else [])
        assert len(headings) == len(own), path.name  # practice titles are the only level-2 headings
    catalogue = (downloads / "good-practices.pdf").stat().st_size
    for kind, groups in (("theme", catalog.by_theme), ("partner", catalog.by_partner)):
        for key, members in groups.items():
            if members and len(members) < len(catalog.practices) / 2:
                assert (downloads / f"{kind}-{key}.pdf").stat().st_size < 0.8 * catalogue, (kind, key)


def _links(reader: PdfReader) -> list[dict]:
    return [a.get_object()["/A"] for page in reader.pages for a in page.get("/Annots", [])
            if "/A" in a.get_object()]


def test_links_stay_clickable_inside_a_document_and_lead_to_the_catalogue_outside_it(downloads: Path, catalog):
    catalogue = PdfReader(downloads / "good-practices.pdf")
    named = {str(k): v for k, v in catalogue.named_destinations.items()}
    for p in catalog.practices:  # the catalogue names each practice's page, for the other documents' links
        page = catalogue.get_destination_page_number(named["p-" + p.id])
        assert flat(p.title) in flat(catalogue.pages[page].extract_text())
    assert {a["/S"] for a in _links(catalogue)} <= {"/GoTo", "/URI"}
    # practice-1 (sme-innovation, inma) is inspired by rd-now (cmo-services, ecoplus): in the theme document
    # the reference leads to the catalogue beside it, at rd-now's page.
    # So do its related practices outside it (related.py): every reference outside leads to the catalogue.
    theme = PdfReader(downloads / "theme-sme-innovation.pdf")
    remote = [(str(a["/F"]), str(a["/D"])) for a in _links(theme) if a["/S"] == "/GoToR"]
    assert ("good-practices.pdf", "p-rd-now") in remote
    assert sorted(remote) == sorted(("good-practices.pdf", "p-" + other)
                                    for other in _outside(catalog, theme="sme-innovation"))
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(theme.pages)}
    inside = [pages[a["/D"][0].idnum] for a in _links(theme) if a["/S"] == "/GoTo"]
    assert inside and all(0 <= i < len(theme.pages) for i in inside)
    ecoplus = PdfReader(downloads / "partner-ecoplus.pdf")  # holds rd-now, which inspired practice-1
    remote = [(str(a["/F"]), str(a["/D"])) for a in _links(ecoplus) if a["/S"] == "/GoToR"]
    assert ("good-practices.pdf", "p-practice-1") in remote
    assert sorted(remote) == sorted(("good-practices.pdf", "p-" + other)
                                    for other in _outside(catalog, partner="ecoplus"))


def _outside(catalog, theme: str | None = None, partner: str | None = None) -> list[str]:
    """The practices a theme's or partner's document refers to that it does not hold: each practice's
    connections (inspired by, inspired) and related practices, once per reference."""
    related = related_practices(catalog)
    held = {p.id for p in catalog.practices if p.theme == theme or p.partner == partner}
    return [other for p in catalog.practices if p.id in held
            for other in (*p.inspired_by, *(q.id for q in catalog.inspired[p.id]), *(r.id for r in related[p.id]))
            if other not in held]


def test_a_theme_made_alone_reads_as_the_one_all_makes(corpus: Project, downloads: Path, tmp_path: Path):
    for flag, key, name in (("--theme", "sme-innovation", "theme-sme-innovation.pdf"),
                            ("--partner", "vlaio", "partner-vlaio.pdf")):
        assert export(corpus, flag, key, out=tmp_path) == 0
        alone, together = PdfReader(tmp_path / name), PdfReader(downloads / name)
        assert [flat(p.extract_text()) for p in alone.pages] == [flat(p.extract_text()) for p in together.pages]
        assert outline(alone) == outline(together)
        assert alone.metadata.title == together.metadata.title


def _without_artifacts(pdf: pikepdf.Pdf) -> None:
    """Leave out of each page what is marked as an artifact: what remains is what the tags give a reader."""
    for page in pdf.pages:
        kept, depth = [], []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BMC", "BDC"):
                depth.append(bool(depth and depth[-1]) or str(operands[0]) == "/Artifact")
            hidden = bool(depth and depth[-1])
            if op == "EMC" and depth:
                depth.pop()
            if not hidden:
                kept.append((operands, operator))
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))


def test_page_numbers_are_printed_as_artifacts_not_read_as_content(corpus: Project, downloads: Path,
                                                                    tmp_path: Path):
    """Stamped on a joined document's pages, or printed by a one-practice document's own: "Page N" is on every
    page, and gone once the artifacts are left out, while the page's words stay."""
    assert export(corpus, "--practice", "practice-1", "-o", str(tmp_path / "one.pdf")) == 0
    for path in (downloads / "theme-cmo-services.pdf", tmp_path / "one.pdf"):
        reader = PdfReader(path)
        practice_pages = [i for pages in _practice_pages(reader).values() for i in pages]
        assert practice_pages, path.name
        with pikepdf.open(path) as pdf:
            _without_artifacts(pdf)
            pdf.save(tmp_path / "bare.pdf")
        bare = PdfReader(tmp_path / "bare.pdf")
        for index in practice_pages:
            printed, read = flat(reader.pages[index].extract_text()), flat(bare.pages[index].extract_text())
            assert printed.endswith(f"Page {index + 1}"), (path.name, index)
            assert f"Page {index + 1}" not in read and len(read) > 50, (path.name, index, read[-60:])


def test_documents_joined_in_one_process_or_two_are_the_same_bytes(corpus: Project, downloads: Path,
                                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Without fork (as on Windows) every document is joined in this process: the same PDFs as with a second
    process joining some of them beside."""
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])
    assert export(corpus, "--all", out=tmp_path) == 0
    assert [p.name for p in _documents(tmp_path)] == [p.name for p in _documents(downloads)]
    for path in _documents(downloads):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_document_joined_beside_arrives_whole_or_its_failure_is_told(tmp_path: Path):
    def good(stream: BinaryIO) -> None:
        stream.write(b"%PDF joined beside")

    def bad(stream: BinaryIO) -> None:
        raise ValueError("a part could not be read")

    beside = Beside(tmp_path, {1: good, 2: bad})
    try:
        out = io.BytesIO()
        beside.writer(1)(out)
        assert out.getvalue() == b"%PDF joined beside"
        with pytest.raises(RuntimeError, match="ValueError: a part could not be read"):
            beside.writer(2)(io.BytesIO())
    finally:
        beside.close()
    assert [p.name for p in tmp_path.iterdir()] == ["joined-error.txt"]  # nothing half-written is left
