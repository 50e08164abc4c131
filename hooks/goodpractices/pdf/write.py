"""Make documents' PDFs together and put each in place whole: written beside its target, then renamed."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Catalog
from .beside import Counted, Writer
from .document import Selection, document
from .engine import CHUNK, render_all
from .images import Images


@dataclass(frozen=True)
class Site:
    """What the documents take from the site: its name, its author, and the docs folder images come from."""

    name: str
    author: str
    docs: Path | None


def pdfs(catalog: Catalog, selections: list[Selection], site: Site, chunk: int = CHUNK,
         progress: Callable[[int, int], None] | None = None) -> Iterator[tuple[Selection, Counted]]:
    """Yield each selection with what writes its PDF, in order (write each before taking the next); the
    practices they share are laid out once. `progress(done, total)` is told of each step (a part laid out,
    a document joined)."""
    with tempfile.TemporaryDirectory(prefix="gp-pdf-") as folder:
        images, made = Images(site.docs, Path(folder)), {}
        docs = [document(catalog, selection, site.name, site.author, images, made) for selection in selections]
        yield from zip(selections, render_all(docs, Path(folder), chunk, progress))


def pdf_bytes(catalog: Catalog, selection: Selection, site: Site, chunk: int = CHUNK,
              progress: Callable[[int, int], None] | None = None) -> bytes:
    """Return the PDF of `selection`."""
    buffer = io.BytesIO()
    for _, write in pdfs(catalog, [selection], site, chunk, progress):
        write(buffer)
    return buffer.getvalue()


def write_file(write: Writer, target: Path) -> None:
    """Write a PDF to `target` whole; a failure leaves whatever was there before."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
