"""Lay out one document's data with the Typst template, in a private folder, and return the PDF's bytes."""

from __future__ import annotations

import datetime
import json
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import typst

TEMPLATE = "document.typ"
#: The PDF's dates: fixed, so the same input gives the same bytes.
EPOCH = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)


def render(data: dict[str, Any], folder: Path) -> bytes:
    """Compile the template over `data` in `folder` (which may already hold the images the data names).

    Typst reads only inside that folder, uses its own embedded fonts (never the system's: the same bytes on
    every machine), and checks the PDF against PDF/UA-1."""
    (folder / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    template = folder / TEMPLATE
    template.write_bytes(resources.files(__package__).joinpath(TEMPLATE).read_bytes())
    return typst.compile(str(template), root=str(folder), font_paths=[], ignore_system_fonts=True,
                         timestamp=EPOCH, pdf_standards=["ua-1"])


def render_fresh(data: dict[str, Any]) -> bytes:
    """Compile in a temporary folder of its own (for data without images)."""
    with tempfile.TemporaryDirectory(prefix="gp-pdf-") as folder:
        return render(data, Path(folder))
