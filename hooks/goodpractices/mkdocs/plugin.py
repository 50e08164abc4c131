"""The MkDocs plugin: check the practices on config, then hand MkDocs the generated pages. No content logic.

Registered by entry point as `goodpractices`: a project that installs this package writes
`plugins: [goodpractices]` in its mkdocs.yml. Everything one build knows is on the plugin object (set in
on_config); the checked practices a preview keeps between rebuilds live from on_startup to on_shutdown (MkDocs
keeps the same plugin object across the rebuilds of `mkdocs serve` because it has on_startup).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .. import catalog as pipeline
from .. import macros
from ..background import fork_pool
from ..memory import return_large_blocks
from ..model import Catalog
from ..pdf.listing import Download, make_downloads
from ..problems import ContentError
from ..render import GeneratedPage
from ..render.fragments import once_per_folder
from ..render.site import THEME_CSS, generated_files, late_html, nav, practice_sources, tab_of
from ..siteinfo import SiteInfo, settings_in_force, site_info
from ..tree import symlinks
from . import search
from .config import GoodPracticesConfig
from .page import SlotPage
from .state import Build, ContentDate
from .toc import toc_links

log = logging.getLogger("mkdocs.plugins.goodpractices")


class GoodPracticesPlugin(BasePlugin[GoodPracticesConfig]):
    """Validate the practices, generate their pages and files, and fill the pages' slots as MkDocs writes them."""

    def __init__(self) -> None:
        self.cache: pipeline.Cache | None = None  # checked practices, kept between the rebuilds of `mkdocs serve`
        self.build: Build | None = None
        self.date = ContentDate()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.cache = pipeline.Cache() if command == "serve" else None
        return_large_blocks()

    def on_shutdown(self) -> None:
        self.cache = None
        self._end()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
                 ) -> LiveReloadServer:
        server.watch(str(self._folder(config)))  # an edited practice rebuilds the preview, with no `watch:` needed
        return server

    def _folder(self, config: MkDocsConfig) -> Path:
        """Return the practices folder (the `practices` setting, beside mkdocs.yml)."""
        return Path(config.config_file_path).parent / self.config.practices

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._end()  # a rebuild of `mkdocs serve` after a failed one starts clean
        if config.strict:
            # `-q` raises the log level above WARNING, and MkDocs' strict mode only counts warnings it would show.
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.setLevel(min(mkdocs_log.getEffectiveLevel(), logging.WARNING))
        links = symlinks(Path(config.docs_dir))
        if links:
            raise PluginError("\n".join(f"{link}: is a symbolic link (commit the file itself)" for link in links))
        pool = fork_pool() if self.cache is None else None  # a one-off build's worker process (background.py)
        try:
            catalog = self._catalog(self._folder(config), pool)
        except Exception:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            raise
        # Same input, same bytes: MkDocs dates the sitemap by this (from the content), never by the clock.
        self.date.lend(pipeline.source_date_epoch(catalog))
        settings, where = settings_in_force(self.config, config.extra)
        try:  # the footer, page heads and downloads say what the site is: its address, licence, funder, date
            config.extra["site_info"] = info = site_info(config.site_name, config.site_url, settings, catalog, where)
        except ValueError as error:
            raise PluginError(str(error)) from None
        build = self.build = Build({}, practice_sources(catalog), settings.get("edit_base"), late_html(catalog),
                                   pool)
        build.pdfs = self._pdfs(catalog, config, Path(build.data.name) / "pdf", info) if self.config.pdfs else ()
        build.generated = generated_files(catalog, info, Path(build.data.name), build.late, build.pdfs)
        catalog = catalog.without_bodies()  # the pages hold what they need of the bodies until they are written
        build.late = dataclasses.replace(build.late, catalog=catalog)  # its lists need no body
        config.extra_css.append(THEME_CSS)
        config.nav = nav(catalog)
        if "macros" in config.plugins:
            config.plugins["macros"].register_macros(macros.for_catalog(catalog, build.late, build.pdfs))
        return config

    def _catalog(self, folder: Path, pool: Executor | None) -> Catalog:
        """Read and check the practices once for this build (the worker process, if any, checks half of them)."""
        try:
            catalog, warnings = pipeline.load(folder, self.cache, pool, trees=self.config.pdfs)
        except ContentError as error:
            raise PluginError(str(error)) from None
        for warning in warnings:
            log.info(str(warning))
        return catalog

    def _pdfs(self, catalog: Catalog, config: MkDocsConfig, folder: Path, info: SiteInfo) -> tuple[Download, ...]:
        """Lay out every PDF from this build's catalogue into `folder`, each with the site's colophon (`info`);
        the Downloads page lists them."""
        from ..pdf.write import Site  # noqa: PLC0415 (a preview, which makes no PDF, loads no PDF engine)

        author = config.site_author or config.copyright or config.site_name
        try:
            made = make_downloads(catalog, Site(config.site_name, author, Path(config.docs_dir), info), folder)
        except RuntimeError as error:  # e.g. a site image Typst cannot read
            raise PluginError(f"PDF export: {error}") from None
        log.info("Laid out %d PDFs from the catalogue", len(made))
        return made

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for src_uri, content in self._build().generated.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri}: would hide the generated page {src_uri} (rename or remove it)")
            if isinstance(content, Path):  # a PDF or a data download, copied as it is
                files.append(File.generated(config, src_uri, abs_src_path=str(content)))
                continue
            text = content.markdown if isinstance(content, GeneratedPage) else content
            file = File.generated(config, src_uri, content=text)
            files.append(file)
            if isinstance(content, GeneratedPage) and not content.markdown:
                SlotPage(None, file, config)  # becomes file.page, which MkDocs then renders
        build = self._build()
        build.index = search.start(config, Path(build.data.name) / "search", files, build.generated, build.pool)
        if build.index is not None:
            search.replace_worker(files, config)
        return files

    def _build(self) -> Build:
        if self.build is None:
            raise PluginError("goodpractices: a page event came before on_config (is the plugin enabled?)")
        return self.build

    def _generated(self, page: Page) -> GeneratedPage | None:
        """Return the generated page behind `page`, if it is one."""
        content = self._build().generated.get(page.file.src_uri) if page.file.generated_by else None
        return content if isinstance(content, GeneratedPage) else None

    @event_priority(100)  # before mkdocs-macros and the tags plugin read the metadata
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self._generated(page)
        if generated is not None:
            page.meta = dict(generated.meta)  # includes render_macros: false, whatever the source says
            if markdown == generated.markdown:  # MkDocs' metadata reader made an equal copy: keep one in memory
                markdown = generated.markdown
        build = self._build()
        if build.edit_base and page.file.generated_by is None:
            page.edit_url = f"{build.edit_base}docs/{page.file.src_uri}"
        elif build.edit_base and page.file.src_uri in build.practice_sources:
            page.edit_url = build.edit_base + build.practice_sources[page.file.src_uri]
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self._generated(page)
        if generated is not None:
            html = generated.content(html)
            if generated.headings:  # headings inside slots: a practice's body, and the sections made from its fields
                page.toc = TableOfContents(list(page.toc) + toc_links(generated.headings))
                if page.present_anchor_ids is not None:
                    page.present_anchor_ids.update(heading.anchor for heading in generated.headings)
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["once_per_folder"] = once_per_folder()
        return env

    @event_priority(50)  # before the search plugin reads the page's content
    def _start_page(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                  nav: Navigation) -> dict[str, Any]:
        build = self._build()
        # A Markdown page's late HTML (the home's map) is in its content, searched, only while it is rendered.
        filled = build.late.fill(page.content) if page.content is not None else None
        if filled is not page.content:
            build.unfilled, page.content = page.content, filled
        # A practice or partner page shows its tab (Themes, Partners) as active while it is rendered.
        tab = tab_of(page.file.src_uri)
        build.tab = next((item for item in nav.items if item.title == tab), None) if tab else None
        if build.tab is not None:
            build.tab.active = True
        return context

    @event_priority(-100)  # after Material's search plugin has read the page
    def _index(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
               nav: Navigation) -> dict[str, Any]:
        index = self._build().index
        if index is not None:
            search.add(index[0], config)
        return context

    on_page_context = CombinedEvent(_start_page, _index)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        build = self._build()
        if build.tab is not None:
            build.tab.active, build.tab = False, None
        if build.unfilled is not None:  # MkDocs keeps every page's content to the end: it keeps the markers
            page.content, build.unfilled = build.unfilled, None
        generated = self._generated(page)
        if generated is not None:
            output = generated.output(output)
            del build.generated[page.file.src_uri]  # written: its slots are not needed again
        return build.late.fill(output)  # what a generated page's slots hold, which search does not read

    @event_priority(-100)  # after Material's search plugin has written its (empty) index
    def _write_index(self, *, config: MkDocsConfig) -> None:
        index = self._build().index
        if index is not None:
            search.finish(*index, config)

    @event_priority(-1000)  # last: every other plugin's on_post_build may still date what it writes
    def _finish(self, *, config: MkDocsConfig) -> None:
        self._end()

    on_post_build = CombinedEvent(_write_index, _finish)

    def on_build_error(self, *, error: Exception) -> None:
        self._end()

    def _end(self) -> None:
        """Forget this build: its temporary downloads, and the date it lent the environment."""
        if self.build is not None:
            self.build.close()
            self.build = None
        self.date.take_back()
