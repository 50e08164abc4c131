"""Make one document's PDF and put it in place whole: written beside its target, then renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import Catalog
from .document import Selection, document
from .engine import CHUNK, render
from .images import Images


@dataclass(frozen=True)
class Site:
    """What the documents take from the site: its name, its author, and the docs folder images come from."""

    name: str
    author: str
    docs: Path | None


def pdf_bytes(catalog: Catalog, selection: Selection, site: Site, chunk: int = CHUNK,
              progress: Callable[[int, int], None] | None = None) -> bytes:
    """Return the PDF of `selection`; `progress(done, total)` is told of each part laid out."""
    with tempfile.TemporaryDirectory(prefix="gp-pdf-") as folder:
        data = document(catalog, selection, site.name, site.author, Images(site.docs, Path(folder)))
        return render(data, Path(folder), chunk, progress)


def write_pdf(catalog: Catalog, selection: Selection, site: Site, target: Path, chunk: int = CHUNK,
              progress: Callable[[int, int], None] | None = None) -> None:
    """Write the PDF of `selection` to `target`; a failure leaves whatever was there before."""
    data = pdf_bytes(catalog, selection, site, chunk, progress)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
