"""The PDFs made for a catalogue, as the Downloads page lists them: file, title, pages and size."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Catalog
from .document import everything

if TYPE_CHECKING:  # a site build without PDFs, such as a preview, loads neither Typst nor qpdf
    from .write import Site

#: The offline copy of the whole site, beside the PDFs in downloads/ (made by `make site`).
SITE_ZIP = "good-practices-site.zip"


@dataclass(frozen=True)
class Download:
    """One PDF in downloads/: what it holds, and how long and large it is."""

    name: str
    kind: str  # "catalogue", "theme" or "partner"
    key: str
    title: str
    path: Path
    pages: int
    size: int

    @property
    def size_label(self) -> str:
        """Return the size for readers, e.g. '340 KB' or '12.5 MB'."""
        if self.size < 1_000_000:
            return f"{max(1, round(self.size / 1000))} KB"
        return f"{self.size / 1_000_000:.1f} MB"


def make_downloads(catalog: Catalog, site: Site, folder: Path, chunk: int | None = None,
                   progress: Callable[[int, int], None] | None = None) -> tuple[Download, ...]:
    """Lay out every PDF that `--all` makes (the catalogue, each theme, each partner) from `catalog` into
    `folder`, and return them in that order, with the pages the layout gave each (no file is read back)."""
    from .engine import CHUNK  # noqa: PLC0415 (see TYPE_CHECKING above)
    from .write import pdfs, write_file  # noqa: PLC0415

    found = []
    selections = everything(catalog)
    for selection, write in pdfs(catalog, selections, site, chunk or CHUNK, progress):
        path = folder / selection.file_name
        write_file(write, path)
        title = catalog.partner[selection.key].name if selection.kind == "partner" else selection.title
        found.append(Download(selection.file_name, selection.kind, selection.key, title, path, write.pages,
                              path.stat().st_size))
    return tuple(found)
