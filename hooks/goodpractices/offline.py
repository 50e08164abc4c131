"""The search index as a script, so that search works on a site opened from a folder (file://)."""

from __future__ import annotations

import shutil
from pathlib import Path


def write_index_script(site_dir: Path) -> None:
    """Write search/search_index.js, `var __index = ` and the JSON index, as Material's offline plugin does,
    but streamed: that plugin reads the whole index into memory and copies it once more, which at thousands of
    practices is the build's largest allocation. Material's scripts load this file on file:// URLs."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return
    with index.open("rb") as source, index.with_suffix(".js").open("wb") as script:
        script.write(b"var __index = ")
        shutil.copyfileobj(source, script)
