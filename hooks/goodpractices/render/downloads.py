"""The Downloads page (the PDFs with their pages and sizes, the data files, the offline zip) and PDF links."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model import Catalog
from ..pdf.listing import SITE_ZIP, Download
from . import NO_NAVIGATION, GeneratedPage, render

#: The data files at the site's top, as the page lists them: name → what it holds.
DATA_FILES = {
    "practices.csv": "every practice's facts, one per row, for spreadsheets (CSV)",
    "transferability.csv": "every recorded transfer, one per row (CSV)",
    "practices.json": "every practice's facts and text by section, one per line (JSON)",
    "practice.schema.json": "the JSON schema of a practice's front matter",
}
#: The folder the offline zip unpacks into: its name without .zip (scripts/build.py --zip writes it so).
SITE_FOLDER = SITE_ZIP.removesuffix(".zip")
#: Where scripts/build.py --zip writes the zip's size into the page, once the zip is made.
ZIP_SIZE = '<span class="gp-size" data-gp-zip-size></span>'
#: What the offline zip's own copy of the page says in place of the zip's paragraph (it holds no zip).
ZIP_BLOCK = ('<div class="gp-site-zip">', "</div>")
OFFLINE_NOTE = ('<div class="gp-site-zip"><p>You are reading the offline copy of this site, unpacked from '
                f"{SITE_ZIP}: pages and search work from this folder, with no network.</p></div>")


def size_label(size: int) -> str:
    """Return a file's size for readers, as the PDFs' are shown: '1 KB', '340 KB' or '12.5 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def downloads_page(catalog: Catalog, files: tuple[Download, ...], data: dict[str, int],
                   figures: tuple[tuple[str, str, int], ...] = ()) -> GeneratedPage:
    """Return the Downloads page: the PDFs (without them, a preview, it says how they are made), the data files
    with their sizes (`data`: name → bytes; `figures`: each figure's CSV, title and bytes) and the offline zip."""
    rows = [(name, DATA_FILES[name], size_label(data[name])) for name in DATA_FILES if name in data] + [
        (name, f"the numbers of the figure “{title}” (CSV)", size_label(size)) for name, title, size in figures]
    return render("downloads.md.j2", {"title": "Downloads", "description": "PDFs, data and an offline copy.",
                                      **NO_NAVIGATION}, catalog=catalog, files=files, site_zip=SITE_ZIP,
                  site_folder=SITE_FOLDER, data=rows, zip_size=Markup(ZIP_SIZE),
                  zip_block=tuple(map(Markup, ZIP_BLOCK)))


def pdf_link(files: tuple[Download, ...], kind: str, key: str, root: str) -> Markup:
    """Return a paragraph linking the PDF of the catalogue, a theme or a partner, or nothing if there is none."""
    found = next((d for d in files if d.kind == kind and d.key == key), None)
    if found is None:
        return Markup("")
    what = {"catalogue": "The whole catalogue", "theme": "This theme", "partner": "This partner's practices"}[kind]
    return Markup('<p class="gp-pdf"><a href="{0}downloads/{1}" download>{2} as a PDF</a> '
                  '<span class="gp-muted">({3} pages, {4})</span></p>').format(
        Markup(escape(root)), found.name, what, found.pages, found.size_label)
