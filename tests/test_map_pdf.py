"""The map and the figures in print: the catalogue PDF's appendices C and D and each partner PDF's map, drawn as
vector graphics (no picture), tagged, with alternative text, and holding the catalogue's numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import export_pdf  # a script, on pytest's path
import pdf_ua
import pikepdf
import pytest
from conftest import ROOT
from goodpractices import catalog as pipeline
from goodpractices.figures import figures
from goodpractices.draw.map import LAND, PARTNER_LAND
from pypdf import PdfReader


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("map-pdf")
    for args, name in (((), "catalogue.pdf"), (("--partner", "inma"), "inma.pdf")):
        assert export_pdf.main([*args, "-o", str(folder / name), "--practices", str(ROOT / "practices")]) == 0
    return folder


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", ["catalogue.pdf", "inma.pdf"])
def test_the_map_is_an_appendix_drawn_in_vectors(pdfs, name):
    reader = PdfReader(pdfs / name)
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert "Appendix C: Map of partners and transfers" in titles
    index = next(i for i, page in enumerate(reader.pages)
                 if flat(page.extract_text()).startswith("Appendix C: Map of partners and transfers"))
    text = flat(reader.pages[index].extract_text())
    assert "Natural Earth (public domain)" in text and "dotted line, open head" in text
    assert "INMA" in text and "Lund University" in text  # the labels are text, not a picture
    shown = _colours(pdfs / name, index)  # the countries are drawn: partners' and others' land fill a good part
    assert shown[_rgb(LAND)] > 0.05 * sum(shown.values()) and shown[_rgb(PARTNER_LAND)] > 0.01 * sum(shown.values())
    with pikepdf.open(pdfs / name) as pdf:
        page = pdf.pages[index]
        assert page.get_images() == {}  # no picture, not even inside a form: the SVG became paths and text
        assert pdf_ua.problems(pdf) == []
    if name == "inma.pdf":
        assert "INMA highlighted" not in text  # the name is the alternative text, not printed …
        with pikepdf.open(pdfs / name) as pdf:  # … but it is in the structure tree, as a Figure's /Alt
            alts = [str(n.get("/Alt")) for n in _structure(pdf.Root.StructTreeRoot) if n.get("/S") == "/Figure"]
        assert any("The transfers of INMA stand out" in alt for alt in alts)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _colours(path: Path, index: int) -> Counter:
    """Render page `index` (poppler's pdftoppm) and count its pixels by colour."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    number = str(index + 1)
    image = subprocess.run(["pdftoppm", "-r", "36", "-f", number, "-l", number, "-singlefile", str(path)],
                           capture_output=True, check=True).stdout
    _, size, _, pixels = image.split(b"\n", 3)  # a binary PPM: P6, width and height, 255, then RGB bytes
    width, height = map(int, size.split())
    return Counter(tuple(pixels[i:i + 3]) for i in range(0, 3 * width * height, 3))


def _structure(node: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    found, todo = [], [node]
    while todo:
        item = todo.pop()
        kids = item.get("/K")
        if kids is None:
            continue
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                found.append(kid)
                todo.append(kid)
    return found


def test_the_catalogue_appendix_d_holds_the_figures_numbers(pdfs):
    reader = PdfReader(pdfs / "catalogue.pdf")
    start = next(i for i, page in enumerate(reader.pages)
                 if flat(page.extract_text()).startswith("Appendix D: The library in figures"))
    text = flat(" ".join(page.extract_text() for page in reader.pages[start:]))
    found = figures(pipeline.build(ROOT / "practices").catalog)
    for figure in found:
        assert figure.title in text
        for row in figure.rows:
            expected = f"{row.label} {row.value}" + (f" {row.total} {row.percent}%" if figure.shares else "")
            assert expected in text, expected
    with pikepdf.open(pdfs / "catalogue.pdf") as pdf:
        alts = [str(n.get("/Alt")) for n in _structure(pdf.Root.StructTreeRoot) if n.get("/S") == "/Figure"]
    assert sum(1 for alt in alts if re.match(r"Bar chart of .+\. The table after the chart gives every number\.$", alt)
               ) == len(found)
