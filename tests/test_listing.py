"""The PDFs a build makes, as the Downloads page lists them: every document of `--all`, with the page count the
layout gave it (no file read back), checked against the files themselves."""

from __future__ import annotations

from pathlib import Path

from conftest import Project, practice
from pypdf import PdfReader

from goodpractices import catalog as pipeline
from goodpractices.pdf.document import everything
from goodpractices.pdf.listing import make_downloads
from goodpractices.pdf.write import Site


def test_every_document_is_listed_with_the_pages_and_size_of_its_file(project: Project, tmp_path: Path):
    project.add("a.md", practice())
    project.add("b.md", practice(title="A practice with a longer body", partner="inma", theme="sme-innovation",
                                 body="## Description\n\n" + "A long paragraph that fills pages. " * 900))
    catalog = pipeline.load(project.practices, trees=True)[0]
    made = make_downloads(catalog, Site("Site", "Author", None), tmp_path / "pdf")
    assert [d.name for d in made] == [s.file_name for s in everything(catalog)]
    assert [(d.kind, d.key) for d in made] == [(s.kind, s.key) for s in everything(catalog)]
    titles = {d.name: d.title for d in made}
    assert titles["partner-inma.pdf"] == catalog.partner["inma"].name  # a partner's document by its name
    assert titles["good-practices.pdf"] == "Good practices in cluster policy"
    for download in made:
        assert download.path == tmp_path / "pdf" / download.name
        assert download.pages == len(PdfReader(download.path).pages), download.name
        assert download.size == download.path.stat().st_size
    pages = {d.name: d.pages for d in made}
    assert pages["partner-inma.pdf"] > pages["partner-ecoplus.pdf"]  # the long body takes more pages
