"""MkDocs hook: the header search's sharded index (search_index.py) and its worker, in place of Material's lunr
index and worker; search from a folder too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from goodpractices.offline import write_index_script
from goodpractices.search_index import IndexBuilder
from goodpractices.search_worker import theme_files_replaced, worker_script

#: The index of the build under way (None between builds): pages are added as they are rendered.
_BUILD: IndexBuilder | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    global _BUILD
    _BUILD = IndexBuilder(Path(config.site_dir) / "search")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Serve our worker under the name of Material's search worker (which the theme's pages point to), and
    leave out lunr and the old worker's source map: nothing of them is used any more."""
    worker, dropped = theme_files_replaced(list(files.src_uris))
    for uri in dropped:
        files.remove(files.src_uris[uri])
    if worker is not None:
        files.remove(files.src_uris[worker])
        files.append(File.generated(config, worker, content=worker_script(worker)))
    return files


@event_priority(-100)  # after the search plugin has added the page's entries to its index
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Index the page's search entries and take them out of Material's index, which is left empty."""
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    if index is not None and _BUILD is not None:
        _BUILD.add(index.entries)
        index.entries.clear()
    return context


@event_priority(-100)  # after the search plugin has written its (now empty) index
def on_post_build(config: MkDocsConfig) -> None:
    global _BUILD
    if _BUILD is not None:
        _BUILD.write()
        _BUILD = None
    write_index_script(Path(config.site_dir))
