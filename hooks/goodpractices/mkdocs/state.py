"""What one build knows (set in on_config, gone after on_post_build), and the content's date lent to MkDocs."""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pdf.listing import Download
from ..render import GeneratedPage
from ..render.late import Late
from ..search_index import IndexBuilder, Part

#: The variable MkDocs (and the reproducible-builds convention) dates a build by: the sitemap's dates, the
#: pages' `update_date` and the gzip header of sitemap.xml.gz.
EPOCH = "SOURCE_DATE_EPOCH"


@dataclass
class Build:
    """One build's generated files and practice sources; a rebuild of `mkdocs serve` makes a new one."""

    generated: dict[str, GeneratedPage | bytes | Path]
    practice_sources: dict[str, str]
    edit_base: str | None
    late: Late  # the map and related practices, put into each page as its content or output is made
    #: The worker process of a one-off build (background.py): it checks half the practices, then indexes the
    #: practice pages for search while the pages are rendered; shut down with the build.
    pool: Executor | None = None
    pdfs: tuple[Download, ...] = ()
    #: The header search's index of the pages rendered, and the future index of the practice pages, which come
    #: first (mkdocs/search.py); None without search.
    index: tuple[IndexBuilder, list[Future[Part]]] | None = None
    #: The generated downloads (data files, PDFs) until MkDocs has copied them into the site, and the search
    #: index until the pages are written.
    data: tempfile.TemporaryDirectory[str] = field(
        default_factory=lambda: tempfile.TemporaryDirectory(prefix="goodpractices-data-"))
    tab: Any = None  # the navigation item shown as active while a page outside the navigation is rendered
    unfilled: str | None = None  # the content of the page being rendered, with its late markers, put back after

    def close(self) -> None:
        """Stop the worker process; remove the temporary downloads (MkDocs copied them before it wrote the pages)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.data.cleanup()


class ContentDate:
    """Date the build by its content, for as long as it runs, without changing the process for good.

    MkDocs reads SOURCE_DATE_EPOCH from the environment whenever it dates something, so the content's date is
    set there from on_config to the build's end, then taken away; a date the user set is left alone. Each
    build of `mkdocs serve` thus gets its own content's date, not the first one's."""

    def __init__(self) -> None:
        self.lent: str | None = None  # the value this object put in the environment, while it is there

    def lend(self, epoch: int) -> None:
        """Set SOURCE_DATE_EPOCH to `epoch` for this build, unless the user has set it."""
        self.take_back()
        if EPOCH not in os.environ:
            self.lent = os.environ[EPOCH] = str(epoch)

    def take_back(self) -> None:
        """Remove what `lend` set (if something else changed it since, leave that)."""
        if self.lent is not None and os.environ.get(EPOCH) == self.lent:
            del os.environ[EPOCH]
        self.lent = None
