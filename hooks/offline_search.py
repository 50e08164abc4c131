"""MkDocs hook: write search/search_index.js once the search plugin has written its index (search from a folder)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from goodpractices.offline import write_index_script


@event_priority(-100)  # after the search plugin
def on_post_build(config: MkDocsConfig) -> None:
    write_index_script(Path(config.site_dir))
