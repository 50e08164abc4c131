"""The PDFs made for a catalogue, as the Downloads page lists them: file, title, pages and size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Catalog
from .document import everything

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


def downloads(folder: Path, catalog: Catalog) -> tuple[Download, ...]:
    """Return the PDFs of `folder` that `--all` makes for this catalogue (others are left out), in its order."""
    import pikepdf  # noqa: PLC0415 (a site build without PDFs, such as a preview, need not load it)

    found = []
    for selection in everything(catalog):
        path = folder / selection.file_name
        if path.is_file():
            title = catalog.partner[selection.key].name if selection.kind == "partner" else selection.title
            with pikepdf.open(path) as pdf:
                pages = len(pdf.pages)
            found.append(Download(selection.file_name, selection.kind, selection.key, title, path, pages,
                                  path.stat().st_size))
    return tuple(found)
