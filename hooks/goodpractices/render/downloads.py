"""The Downloads page (the PDFs with their pages and sizes, the data files, the offline zip) and PDF links."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model import Catalog
from ..pdf.listing import SITE_ZIP, Download
from . import NO_NAVIGATION, GeneratedPage, render


def downloads_page(catalog: Catalog, files: tuple[Download, ...]) -> GeneratedPage:
    """Return the Downloads page; without PDFs (a preview) it says how they are made."""
    return render("downloads.md.j2", {"title": "Downloads", "description": "PDFs, data and an offline copy.",
                                      **NO_NAVIGATION}, catalog=catalog, files=files, site_zip=SITE_ZIP)


def pdf_link(files: tuple[Download, ...], kind: str, key: str, root: str) -> Markup:
    """Return a paragraph linking the PDF of the catalogue, a theme or a partner, or nothing if there is none."""
    found = next((d for d in files if d.kind == kind and d.key == key), None)
    if found is None:
        return Markup("")
    what = {"catalogue": "The whole catalogue", "theme": "This theme", "partner": "This partner's practices"}[kind]
    return Markup('<p class="gp-pdf"><a href="{0}downloads/{1}" download>{2} as a PDF</a> '
                  '<span class="gp-muted">({3} pages, {4})</span></p>').format(
        Markup(escape(root)), found.name, what, found.pages, found.size_label)
