"""Lay data out with the Typst template, in a process of its own, into a PDF file of a folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

from .data import Data
from .parts import Part

TEMPLATE = "document.typ"

#: What a part's process runs: Typst over the folder's template and the data file named, into the PDF file
#: named. Typst reads only inside that folder and uses its own embedded fonts (never the system's: the same
#: bytes everywhere).
_COMPILE = """
import datetime, sys, typst
folder, data, standards, target = sys.argv[1:]
pdf = typst.compile(folder + "/document.typ", root=folder, font_paths=[], ignore_system_fonts=True,
                    timestamp=datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc),
                    pdf_standards=[standards] if standards else [], sys_inputs={"data": data})
open(target, "wb").write(pdf)
"""


def install(folder: Path) -> None:
    """Put the template in the folder the parts are laid out in."""
    (folder / TEMPLATE).write_bytes(resources.files(__package__).joinpath(TEMPLATE).read_bytes())


def compile_part(data: Data, folder: Path, name: str, standards: str = "") -> Part:
    """Lay one part out in a process of its own, into the folder's file `name`, and return it as laid out.

    A fresh process, not a fork: Typst keeps what it laid out in caches for the life of a process (in one
    process memory grew by about 45 MB a part), and a fork would carry the exporter's memory along. The part
    is tagged, and checked against PDF/UA-1 (`standards` "ua-1") where it opens with a level-1 heading.
    The folder holds the template (see install); parts with different names may be laid out at the same
    time."""
    target, source = folder / name, folder / f"{name}.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", "-c", _COMPILE, str(folder), source.name, standards, str(target)],
                          capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")})
    if done.returncode != 0:
        raise RuntimeError(f"Typst could not lay the document out:\n{done.stderr.strip()}")
    return Part.read(target)
