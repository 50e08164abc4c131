"""Lay a one-practice document out in one compile, whole: its pages number themselves; no pieces, no join."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import BinaryIO

from pikepdf import Pdf

from .beside import Counted
from .data import Document
from .finish import finish
from .parts import Part
from .pieces import COLOPHON, outline
from .typeset import compile_part


def render_whole(doc: Document, folder: Path, name: str) -> Counted:
    """Lay `doc` (one practice, no cover) out into the folder's file `name`, checked against PDF/UA-1, and
    return what writes it finished (links, outline, metadata) with its page count. The template is in the
    folder (typeset.install)."""
    practices = list(doc.practices())
    # A one-practice document has no front: its colophon closes its practice.
    practices[-1] = {**practices[-1], "colophon": {**doc.colophon, "heading": COLOPHON}}
    part = compile_part({"meta": doc.meta.data(), "lone": True,
                         "pieces": [{"kind": "practices", "practices": practices}]}, folder, name, "ua-1")
    return Counted(partial(_write, part, doc), part.pages)


def _write(part: Part, doc: Document, stream: BinaryIO) -> None:
    with Pdf.open(part.path) as pdf:
        finish(pdf, part.places, outline(doc), doc.meta, stream)
