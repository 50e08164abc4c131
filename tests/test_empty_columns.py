"""A column that is empty for every row is not shown: the Note column of a practice's transfers and of a
partner's uptake, on the web page and in the PDF, appears only when some row has a note."""

from __future__ import annotations

import re
from pathlib import Path

import export_pdf  # a script, on pytest's path
import pytest
from conftest import Project, practice
from goodpractices.render.site import late_html
from goodpractices import catalog as pipeline
from goodpractices.render.partners import partner_page
from goodpractices.render.practice import practice_page
from pages import assembled
from pypdf import PdfReader
from test_pdf import flat, outline


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """VLAIO's practice is taken up by Westpannon and INMA, neither with a note; ecoplus's by INMA, with one."""
    project = Project(tmp_path_factory.mktemp("columns") / "project")
    project.add("no-notes.md", practice(
        title="A scheme taken up without notes", theme="cmo-services", partner="vlaio",
        extra="transferability:\n  westpannon: assessed\n  inma: {stage: implemented}\n"))
    project.add("with-note.md", practice(
        title="A scheme taken up with a note", theme="sme-innovation", partner="ecoplus",
        extra="transferability:\n  inma: {stage: interested, note: Discussed with the regional ministry}\n"))
    return project


def _heads(html: str, after: str) -> list[str]:
    """Return the column heads of the first table after the heading `after`."""
    table = html[html.index(after):].split("<table", 1)[1].split("</thead>", 1)[0]
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]


def test_web_pages_show_a_note_column_only_where_some_row_has_a_note(project: Project):
    catalog, _ = pipeline.load(project.practices)
    page = assembled(practice_page(catalog, catalog.practice["no-notes"]))
    assert _heads(page, 'id="transferability"') == ["Partner", "Stage"]
    assert page.count('data-label="Note"') == 0
    assert _heads(assembled(practice_page(catalog, catalog.practice["with-note"])), 'id="transferability"') == [
        "Partner", "Stage", "Note"]
    westpannon = assembled(partner_page(catalog, catalog.partner["westpannon"], late_html(catalog)))
    assert _heads(westpannon, "Practices taken up from others") == ["Practice", "Presented by", "Stage"]
    inma = assembled(partner_page(catalog, catalog.partner["inma"], late_html(catalog)))  # one of its two rows has a note: the column stays
    assert _heads(inma, "Practices taken up from others") == ["Practice", "Presented by", "Stage", "Note"]
    assert "Discussed with the regional ministry" in inma


def _pages(path: Path, title: str) -> str:
    reader = PdfReader(path)
    starts = {entry: page for entry, page, _ in outline(reader)}
    start = starts[title]
    end = min([p for p in starts.values() if p > start], default=len(reader.pages))
    return flat(" ".join(reader.pages[i].extract_text() for i in range(start, end)))


def test_pdfs_show_a_note_column_only_where_some_row_has_a_note(project: Project, tmp_path: Path):
    args = ["--practices", str(project.practices), "--config-file", str(project.root / "mkdocs.yml"),
            "--downloads", str(tmp_path)]
    for key in ("westpannon", "inma"):
        assert export_pdf.main(["--partner", key, *args]) == 0
    assert export_pdf.main(["--practice", "no-notes", *args]) == 0
    assert export_pdf.main(["--practice", "with-note", *args]) == 0
    uptake = _pages(tmp_path / "partner-westpannon.pdf", "Practices taken up from others")
    assert "Practice Presented by Stage A scheme taken up without notes" in uptake, uptake
    assert "Note" not in uptake
    uptake = _pages(tmp_path / "partner-inma.pdf", "Practices taken up from others")
    assert "Practice Presented by Stage Note" in uptake and "Discussed with the regional ministry" in uptake
    alone = flat(" ".join(p.extract_text() for p in PdfReader(tmp_path / "practice-no-notes.pdf").pages))
    assert "Partner Stage Westpannon" in alone and "Partner Stage Note" not in alone, alone
    noted = flat(" ".join(p.extract_text() for p in PdfReader(tmp_path / "practice-with-note.pdf").pages))
    assert "Partner Stage Note" in noted
