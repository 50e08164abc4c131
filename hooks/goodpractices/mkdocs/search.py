"""The header search in the plugin: our worker under the name of Material's, and the sharded index fed page by page.

Material's search plugin stays in charge of the search box, and of reading the pages that do not say their own
sections; its lunr index and worker are not shipped (search_index.py, search_worker.py)."""

from __future__ import annotations

import shutil
from concurrent.futures import Executor, Future
from dataclasses import replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..offline import write_index_script
from ..render import GeneratedPage
from ..search_index import IndexBuilder, Part, index_pages
from ..search_worker import theme_files_replaced, worker_script

#: The practice pages the worker indexes at a time.
CHUNK = 250
#: The key of Material's search plugin in `config.plugins`.
MATERIAL_SEARCH = "material/search"


def start(config: MkDocsConfig, staging: Path, files: Files, generated: dict[str, GeneratedPage | bytes | Path],
          pool: Executor | None) -> tuple[IndexBuilder, list[Future[Part]]] | None:
    """Start the index of the build under way, written into `staging` until the site is (see finish): the pages
    that say their sections themselves (practice pages, whose text is let go of here) are indexed first, in
    the worker process if there is one, while the others are added as they are rendered. Return the index of
    the other pages and the future parts of the first, or None if the site has no search."""
    if MATERIAL_SEARCH not in config.plugins:
        return None
    own = []
    for src_uri, content in generated.items():
        if isinstance(content, GeneratedPage) and content.search is not None:
            own.append((files.src_uris[src_uri].url, content.search))
            generated[src_uri] = replace(content, search=None)
    first: list[Future[Part]] = []
    for at in range(0, len(own), CHUNK):  # the worker takes a few pages at a time: no copy of them all at once
        if pool is not None:
            first.append(pool.submit(index_pages, staging, own[at:at + CHUNK], at))
        else:
            first.append(Future())
            first[-1].set_result(index_pages(staging, own[at:at + CHUNK], at))
    return IndexBuilder(staging, first=len(own)), first


def replace_worker(files: Files, config: MkDocsConfig) -> None:
    """Serve our worker under the name of Material's search worker (which the theme's pages point to), and leave
    out lunr and the old worker's source map: nothing of them is used any more."""
    worker, dropped = theme_files_replaced(list(files.src_uris))
    for uri in dropped:
        files.remove(files.src_uris[uri])
    if worker is not None:
        files.remove(files.src_uris[worker])
        files.append(File.generated(config, worker, content=worker_script(worker)))


def add(index: IndexBuilder, config: MkDocsConfig) -> None:
    """Index a page from the entries Material's search plugin has just made of it, and take them out of its index
    (left empty). A page that says its sections itself has none: the plugin's metadata left it out."""
    entries = getattr(config.plugins[MATERIAL_SEARCH], "search_index", None)
    if entries is not None:
        index.add(entries.entries)
        entries.entries.clear()


def finish(index: IndexBuilder, first: list[Future[Part]], config: MkDocsConfig) -> None:
    """Write the index (the `first` pages, then the others), move it into the site (a build that fails has
    written none of it), and write the script form of Material's (empty) index, which its pages load from a
    folder."""
    index.put_first([part.result() for part in first])
    index.write()
    site = Path(config.site_dir) / "search"
    site.mkdir(parents=True, exist_ok=True)
    for staged in sorted(index.folder.iterdir()):
        if (site / staged.name).is_dir():  # a previous build's (`mkdocs build --dirty`)
            shutil.rmtree(site / staged.name)
        shutil.move(staged, site / staged.name)  # a rename where the two folders share a file system
    write_index_script(Path(config.site_dir))
