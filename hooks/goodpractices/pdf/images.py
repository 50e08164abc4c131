"""The only way a picture gets into a PDF: an image of the site's own docs folder, copied beside the template."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Formats Typst reads, by how their files begin (vector SVG is left out: it could name other files).
MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff", ".gif": b"GIF8",
         ".webp": b"RIFF"}
SUFFIXES = tuple(MAGIC)


def site_file(src: str, docs: Path, page_folder: str = "practices") -> Path | None:
    """Return the file of `docs` an image src of a page in `page_folder` names, or None if it names anything
    else: a URL with a scheme or host (http, file, data…), an absolute path, a path leaving the folder (also
    through a symbolic link), a missing file or one of another format."""
    parts = urlsplit(src)
    if not src or parts.scheme or parts.netloc or parts.query or "\\" in src:
        return None
    path = unquote(parts.path)
    if not path or path.startswith("/") or "\x00" in path or Path(path).suffix.lower() not in SUFFIXES:
        return None
    root = docs.resolve()
    target = (root / page_folder / path).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target


class Images:
    """Copies the site images a document uses into its build folder, under names made from their bytes."""

    def __init__(self, docs: Path | None, folder: Path) -> None:
        self.docs = docs
        self.folder = folder

    def __call__(self, src: str, alt: str, page_folder: str = "practices") -> str | None:
        """Return the name the template loads the image by, or None to print the alt text instead."""
        found = site_file(src, self.docs, page_folder) if self.docs else None
        if found is None:
            return None
        data = found.read_bytes()
        if not data.startswith(MAGIC[found.suffix.lower()]):  # not what its name says: words instead
            return None
        name = f"img-{hashlib.blake2b(data, digest_size=12).hexdigest()}{found.suffix.lower()}"
        target = self.folder / name
        if not target.exists():
            target.write_bytes(data)  # the bytes checked, not the file again
        return name

    def logo(self, src: str, alt: str) -> str | None:
        """Return the name of a file of the docs folder itself (mkdocs.yml's funder logo), as for a page's image."""
        return self(src, alt, ".")
