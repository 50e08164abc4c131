"""The header search's worker script, with the folding and spelling tables filled in, in place of Material's."""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import spelling
from .folding import LETTERS

ASSET = Path(__file__).parent / "assets" / "search_worker.js"
#: Material's search worker and what only it used: lunr, its languages and the worker's source map.
_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
_DROPPED = re.compile(r"assets/javascripts/(lunr/.*|workers/search\.[0-9a-f]+\.min\.js\.map)")


def worker_script(uri: str) -> bytes:
    """Return the worker for the site path `uri`, reading the index under search/ relative to it."""
    text = ASSET.read_text(encoding="utf-8")
    for name, value in (("LETTERS", LETTERS), ("RULES", spelling.as_data()),
                        ("ROOT", "../" * uri.count("/") + "search/")):
        text = re.sub(rf"/\*{name}\*/(\{{[^\n]*\}}|\"[^\"]*\")", lambda _, v=value: json.dumps(v), text, count=1)
    return text.encode("utf-8")


def theme_files_replaced(uris: list[str]) -> tuple[str | None, list[str]]:
    """Return, among the site's files, Material's search worker (or None) and the files only it used."""
    worker = next((uri for uri in uris if _WORKER.fullmatch(uri)), None)
    return worker, sorted(uri for uri in uris if _DROPPED.fullmatch(uri))
