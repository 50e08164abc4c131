"""Material's (empty) search index as a script, which its pages load from a folder (file://) before searching."""

from __future__ import annotations

import shutil
from pathlib import Path


def write_index_script(site_dir: Path) -> None:
    """Write search/search_index.js, `var __index = ` and Material's JSON index, as Material's offline plugin
    does. The index itself is ours (search_index.py), so Material's holds only its settings and no page: its
    scripts still load this file on file:// URLs before they start the search worker, which is ours too."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return
    with index.open("rb") as source, index.with_suffix(".js").open("wb") as script:
        script.write(b"var __index = ")
        shutil.copyfileobj(source, script)
