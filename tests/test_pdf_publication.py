"""The PDFs as a publication: a colophon in every document, a partner's whole story, running footers on one line
inside their box, no page that holds only a heading or one table row, and an independent PDF/UA-1 checker."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import export_pdf  # a script, on pytest's path
import page as page_validation
import pikepdf
import pytest
from conftest import ROOT, Project, practice
from goodpractices import catalog as pipeline
from goodpractices.pdf.document import document, everything
from goodpractices.siteinfo import site_info
from pikepdf import Array, Dictionary
from pypdf import PdfReader
from test_pdf import ARTIFACTS, _png, flat, outline

URL = "https://clusterix2.github.io/good-practices/"
FUNDER = "CLUSTERIX 2.0 is an Interreg Europe project, co-financed by the European Regional Development Fund."
LOGO_ALT = "Interreg Europe, co-funded by the European Union"
#: 150 characters, the longest title the contract allows: no running footer can hold it whole.
LONG = ("An exceptionally long practice title that goes on and on about regional cluster support, "
        "peer learning, staff exchanges and monitoring, without end")[:150]
#: The page margins of document.typ: 2.2 cm left and right, 2.4 cm at the bottom.
SIDE, BOTTOM = 2.2 / 2.54 * 72, 2.4 / 2.54 * 72


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """INMA (the longest legal name) presents a practice with the longest title and takes up two others, at two
    stages; Region Skåne presents nothing and takes one up; the funder has a logo."""
    project = Project(tmp_path_factory.mktemp("publication") / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "\n  funder:\n", f"\n  funder:\n    logo: assets/funder-logo.png\n    logo_alt: {LOGO_ALT}\n"))
    (project.docs / "assets").mkdir(exist_ok=True)
    (project.docs / "assets" / "funder-logo.png").write_bytes(_png(24, 8))
    project.add("long-one.md", practice(
        title=LONG, theme="cmo-services", partner="inma", extra="updated: '2026-05-17'\n"
        "transferability:\n  vlaio: {stage: implemented, note: Taken over whole}\n",
        body="## Description\n\n| Step | Who |\n|---|---|\n| Call | Ministry |\n| Award | Agency |\n"))
    project.add("vlaio-scheme.md", practice(
        title="Flemish cluster scheme", theme="cmo-services", partner="vlaio",
        extra="transferability:\n  inma: {stage: in-action-plan, note: Written into the regional action plan}\n"
              "  region-skane: {stage: assessed, note: Compared with Skåne's own calls}\n"))
    project.add("ecoplus-visits.md", practice(
        title="Company visits by cluster managers", theme="sme-innovation", partner="ecoplus",
        extra="transferability:\n  inma: implemented\n"))
    for number in range(3):
        project.add(f"filler-{number}.md", practice(
            title=f"Filler practice number {number}", theme="digitalisation", partner="ecoplus"))
    return project


def export(corpus: Project, *args: str) -> int:
    return export_pdf.main([*args, "--chunk", "2", "--practices", str(corpus.practices),
                            "--config-file", str(corpus.root / "mkdocs.yml"),
                            "--downloads", str(corpus.root / "downloads")])


@pytest.fixture(scope="module")
def documents(corpus: Project) -> list[Path]:
    """Every document `--all` writes, and a one-practice document."""
    assert export(corpus, "--all") == 0
    assert export(corpus, "--practice", "long-one") == 0
    return sorted((corpus.root / "downloads").glob("*.pdf"))


def text_of(path: Path) -> str:
    return flat("\n".join(page.extract_text() for page in PdfReader(path).pages))


def test_all_writes_a_document_for_every_partner_with_a_story(corpus: Project, documents: list[Path]):
    catalog = pipeline.load(corpus.practices, trees=True)[0]
    names = {path.name for path in documents}
    assert names == {s.file_name for s in everything(catalog)} | {"practice-long-one.pdf"}
    assert {"partner-inma.pdf", "partner-region-skane.pdf", "partner-vlaio.pdf"} <= names  # Skåne: uptake only


def test_every_document_carries_the_colophon(documents: list[Path]):
    for path in documents:
        text = text_of(path)
        for said in ("About this publication", "Published by CLUSTERIX 2.0 partners, in CLUSTERIX 2.0 good practices",
                     f"Online edition {URL}", f"This document {URL}downloads/{path.name}"
                     if not path.name.startswith("practice-") else f"This practice {URL}practices/long-one.html",
                     "Licence CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), for the text and the data",
                     f"Funding {FUNDER}", "How to cite CLUSTERIX 2.0 partners (2026). ",
                     "Content as of 17 May 2026"):  # the latest date, also where no practice of its own has one
            assert said in text, (path.name, said)
        with pikepdf.open(path) as pdf:
            figures = [str(e.get("/Alt", "")) for e in _elements(pdf.Root.StructTreeRoot) if _role(pdf, e) == "/Figure"]
            assert LOGO_ALT in figures, path.name
        if not path.name.startswith("practice-"):
            reader = PdfReader(path)
            assert f"Online edition, with full-text search: {URL}" in flat(reader.pages[0].extract_text())
            assert flat(reader.pages[1].extract_text()).startswith("About this publication")


def test_the_colophon_dates_and_cites_the_document():
    catalog = pipeline.load(ROOT / "practices", trees=True)[0]
    selection = next(s for s in everything(catalog) if s.kind == "partner" and s.key == "inma")
    newest = max(p.updated for p in selection.practices if p.updated)
    info = site_info("Site", "https://example.org/kb", {}, catalog)
    data = document(catalog, selection, "Site", "The partners", lambda src, alt: None, info=info)
    name = catalog.partner["inma"].name
    assert data.colophon["cite"] == (f"The partners ({newest.year}). Good practices of {name}."
                                        f" Site, content as of {newest.label()}. "
                                        "https://example.org/kb/downloads/partner-inma.pdf")
    assert data.colophon["funder"] is None and data.colophon["licence"]["name"] == "CC BY 4.0"
    bare = document(catalog, selection, "Site", "The partners", lambda src, alt: None)
    assert bare.colophon["address"] is None and bare.cover["url"] is None


def test_a_partners_document_is_its_story(documents: list[Path]):
    path = next(p for p in documents if p.name == "partner-inma.pdf")
    reader = PdfReader(path)
    cover = flat(reader.pages[0].extract_text())
    assert "1 practice presented 2 practices taken up 3 transfers 2 partners to or from" in cover
    entries = outline(reader)
    titles = [title for title, _, _ in entries]
    assert titles.index("Practices taken up from others") == titles.index("Appendix A: Transferability matrix") - 1
    starts = {title: page for title, page, _ in entries}
    uptake = flat(reader.pages[starts["Practices taken up from others"]].extract_text())
    assert "Company visits by cluster managers ecoplus ● Implemented" in uptake, uptake
    assert "Flemish cluster scheme VLAIO ◑ In action plan Written into the regional action plan" in uptake
    matrix = flat(reader.pages[starts["Appendix A: Transferability matrix"]].extract_text())
    for title in (LONG[:40], "Flemish cluster scheme", "Company visits by cluster managers"):
        assert title in matrix, title
    heads = " ".join(w[3] for w in _words(path)[starts["Appendix A: Transferability matrix"]][2])
    assert "P11 Region Skåne" in heads  # it took up a practice INMA took up too: the row is whole
    skane = next(p for p in documents if p.name == "partner-region-skane.pdf")
    assert "0 practices presented 1 practice taken up 1 transfer" in flat(PdfReader(skane).pages[0].extract_text())
    assert "Flemish cluster scheme VLAIO ◔ Assessed Compared with Skåne's own calls" in text_of(skane)


def _words(path: Path) -> list[tuple[float, float, list[tuple[float, float, float, str]]]]:
    """Return each page's width, height and words (xMin, yMin, xMax, text), as poppler's pdftotext finds them."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for size, body in re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', html, re.S):
        height = float(re.search(r'<page width="' + re.escape(size) + r'" height="([\d.]+)"', html)[1])
        words = [(float(a), float(b), float(c), w) for a, b, c, w in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', body)]
        pages.append((float(size), height, words))
    return pages


def test_running_footers_stay_on_one_line_inside_their_box(documents: list[Path]):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    cut = 0
    for path in documents:
        for number, (width, height, words) in enumerate(_words(path), 1):
            footer = [w for w in words if w[1] > height - BOTTOM]
            if number == 1 and not path.name.startswith("practice-"):
                assert footer == [], path.name  # the cover has none
                continue
            assert footer, (path.name, number)
            assert len({round(w[1]) for w in footer}) == 1, (path.name, number, footer)  # one line
            assert max(w[2] for w in footer) <= width - SIDE + 0.5, (path.name, number, footer)
            assert min(w[0] for w in footer) >= SIDE - 0.5, (path.name, number)
            assert footer[-1][3] == str(number) and footer[-2][3] == "Page", (path.name, number)
            line = " ".join(w[3] for w in footer[:-2])
            cut += line.endswith("…")
            assert "National Institute" not in line, (path.name, number)  # a partner by its short name
    assert cut >= 3  # the longest title's pages: cut with an ellipsis, in the catalogue, its theme and partner


def _role(pdf: pikepdf.Pdf, element: Dictionary) -> str:
    roles = pdf.Root.StructTreeRoot.get("/RoleMap", Dictionary())
    return str(roles.get(str(element.S), element.S))


def _elements(node: Dictionary):
    kids = node.get("/K")
    for kid in (list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []):
        if isinstance(kid, Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)


def _blocks(pdf: pikepdf.Pdf, page: pikepdf.Page) -> list[tuple[str, tuple[int, int]]]:
    """Return what a page's tagged content belongs to: its heading, its table row (header or data), or else its
    top-level element; artifacts (footers, page numbers) are not content."""
    tree = pdf.Root.StructTreeRoot
    parents = dict(pikepdf.NumberTree(tree.ParentTree).items())
    found = set()
    for element in parents.get(int(page.obj.get("/StructParents", -1)), Array()):
        if not isinstance(element, Dictionary):
            continue
        node, block = element, None
        while isinstance(node, Dictionary) and "/S" in node and str(node.S) != "/Document":
            role = _role(pdf, node)
            if block is None and re.fullmatch(r"/H\d", role):
                block = ("heading", node.objgen)
            elif block is None and role == "/TR":
                header = all(_role(pdf, c) == "/TH" for c in _elements(node) if c.get("/P") == node)
                block = ("header row" if header else "row", node.objgen)
            top, node = node, node.get("/P")
        found.add(block or ("block", top.objgen))
    return sorted(found)


def test_no_page_holds_only_a_heading_or_one_table_row(documents: list[Path], tmp_path: Path):
    real = tmp_path / "real"
    assert export_pdf.main(["--all", "--downloads", str(real)]) == 0
    for path in [*documents, *sorted(real.glob("*.pdf"))]:
        with pikepdf.open(path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                kinds = [kind for kind, _ in _blocks(pdf, page)]
                content = [k for k in kinds if k != "header row"]
                assert content, (path.name, number)
                assert set(content) != {"heading"}, (path.name, number, "only a heading")
                assert not (content.count("row") == 1 and set(content) <= {"heading", "row"}), (
                    path.name, number, "one table row")


def _failures(path: Path) -> list[str]:
    report = page_validation.validate_pdf(path, profile="ua1")
    return [f"{path.name}: {f.rule_id}: {f.message}" for f in report.failures] + (
        [] if report.is_compliant and report.rules.failed == 0 else [f"{path.name}: not conformant"])


def test_every_pdf_passes_an_independent_pdf_ua_1_checker(documents: list[Path]):
    """page-validation (profile ua1) besides Typst's own check and tests/pdf_ua.py: 0 failed rules, on this
    corpus's documents and on every PDF `make site` makes from the project's own practices."""
    with tempfile.TemporaryDirectory() as folder:
        assert export_pdf.main(["--all", "--downloads", folder]) == 0
        made = sorted(Path(folder).glob("*.pdf"))
        assert len(made) > 10
        problems = [line for path in [*documents, *made] for line in _failures(path)]
    assert problems == []


def test_make_site_lays_out_the_same_bytes_as_export_all(corpus: Project, tmp_path: Path):
    """`make site` lays the PDFs out inside the build (scripts/build.py --pdfs, the plugin): the same documents,
    byte for byte, as `export_pdf.py --all`, so what is checked above is what the site publishes."""
    out = tmp_path / "all"
    assert export_pdf.main(["--all", "--practices", str(corpus.practices), "--config-file",
                            str(corpus.root / "mkdocs.yml"), "--downloads", str(out)]) == 0
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--pdfs", "-f",
                           str(corpus.root / "mkdocs.yml"), "-d", str(site)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    made = {p.name: p.read_bytes() for p in (site / "downloads").glob("*.pdf")}
    assert made == {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    assert "partner-region-skane.pdf" in made


def test_the_independent_checker_fails_a_broken_pdf(documents: list[Path], tmp_path: Path):
    """The checker is not a formality: the catalogue without its language or its title fails it."""
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(documents[0]) as pdf:
        del pdf.Root.Lang
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            del xmp["dc:title"]
        pdf.save(broken)
    assert _failures(broken)


def test_matrix_heads_print_each_partners_name_whole(documents: list[Path], corpus: Project):
    catalog = pipeline.load(corpus.practices, trees=True)[0]
    path = next(p for p in documents if p.name == "good-practices.pdf")
    index = dict((t, p) for t, p, _ in outline(PdfReader(path)))["Appendix A: Transferability matrix"]
    words = [w[3] for w in _words(path)[index][2]]
    text = " ".join(words)
    for partner in catalog.partners:
        assert f"{partner.code} {partner.short_name}" in text, partner.short_name
    assert not any(w.endswith("-") for w in words)


def test_a_wrong_site_setting_stops_the_export_before_any_pdf(corpus: Project, tmp_path: Path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text((corpus.root / "mkdocs.yml").read_text().replace(
        "  licence:\n    name: CC BY 4.0\n", "  licence:\n    name: 5\n"))
    out = tmp_path / "downloads"
    assert export_pdf.main(["--practices", str(corpus.practices), "--config-file", str(config),
                            "--downloads", str(out)]) == 1
    assert capsys.readouterr().err == ("mkdocs.yml: extra.licence.name: expected text (a licence name such as "
                                       "CC BY 4.0): no PDF was written.\n")
    assert not out.exists()


def test_a_partners_pages_as_png_for_people_to_look_at(documents: list[Path]):
    """Page images under tests/artifacts/: INMA's cover, colophon, uptake and matrix, and the one-practice
    document's last page (its colophon), with the longest title cut in its footer."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    path = next(p for p in documents if p.name == "partner-inma.pdf")
    starts = {title: page for title, page, _ in outline(PdfReader(path))}
    lone = next(p for p in documents if p.name == "practice-long-one.pdf")
    pages = {"cover": (path, 0), "colophon": (path, 1), "uptake": (path, starts["Practices taken up from others"]),
             "matrix": (path, starts["Appendix A: Transferability matrix"]),
             "practice-end": (lone, len(PdfReader(lone).pages) - 1)}
    ARTIFACTS.mkdir(exist_ok=True)
    for name, (pdf, index) in pages.items():
        stem = ARTIFACTS / f"pdf-partner-{name}"
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                        str(pdf), str(stem)], check=True)
        assert stem.with_suffix(".png").stat().st_size > 5000


def test_the_plugins_licence_wins_over_extras_as_in_the_site_build(corpus: Project, tmp_path: Path, capsys):
    config = tmp_path / "mkdocs.yml"
    text = (corpus.root / "mkdocs.yml").read_text()
    for setting, said in (("CC0 1.0", "Licence CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/)"),
                          ("{name: 7}", None)):
        config.write_text(text.replace("\n  - goodpractices:\n", f"\n  - goodpractices:\n      licence: {setting}\n"))
        out = tmp_path / "one.pdf"
        code = export_pdf.main(["--practice", "long-one", "--practices", str(corpus.practices), "--config-file",
                                str(config), "-o", str(out)])
        if said:
            assert code == 0 and said in text_of(out)
        else:
            assert code == 1
            assert capsys.readouterr().err == ("mkdocs.yml: plugins.goodpractices.licence.name: expected text (a "
                                               "licence name such as CC BY 4.0): no PDF was written.\n")


def test_a_chapter_opener_lists_its_practices(documents: list[Path], corpus: Project):
    """An opener is no longer a page nine-tenths blank: it lists the chapter's practices, each linked."""
    catalog = pipeline.load(corpus.practices, trees=True)[0]
    path = next(p for p in documents if p.name == "good-practices.pdf")
    reader = PdfReader(path)
    for title, page, children in outline(reader)[2:]:
        theme = next((t for t in catalog.themes if t.title == title), None)
        if theme is None:
            continue
        opener = flat(reader.pages[page].extract_text())
        count = len(catalog.by_theme[theme.key])
        assert f"{count} practice{'s' if count != 1 else ''} in this chapter:" in opener, title
        for p in catalog.by_theme[theme.key]:
            assert flat(p.title)[:60] in opener and flat(p.summary)[:40] in opener, p.id
        links = [a.get_object() for a in reader.pages[page].get("/Annots", [])]
        assert len([a for a in links if a.get("/A", {}).get("/S") == "/GoTo"]) == count, title
