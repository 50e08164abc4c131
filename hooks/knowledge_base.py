"""MkDocs adapter: validate the practices on config, then hand MkDocs the generated pages. No content logic."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from goodpractices import catalog as pipeline
from goodpractices import macros
from goodpractices.background import fork_pool
from goodpractices.memory import return_large_blocks
from goodpractices.model import Heading
from goodpractices.pdf.listing import downloads
from goodpractices.problems import ContentError
from goodpractices.render import GeneratedPage
from goodpractices.render.fragments import once_per_folder
from goodpractices.render.site import THEME_CSS, generated_files, nav, practice_sources, tab_of
from goodpractices.siteinfo import site_info
from goodpractices.tree import symlinks

log = logging.getLogger("mkdocs.hooks.knowledge_base")


class _Build:
    """What one build (one on_config) knows; replaced at every rebuild of `mkdocs serve`."""

    generated: dict[str, GeneratedPage | bytes | Path]
    practice_sources: dict[str, str]
    tab: Any = None  # the navigation item shown as active while a page outside the navigation is rendered
    data: tempfile.TemporaryDirectory[str] | None = None  # the data downloads, until MkDocs has copied them


_build = _Build()
_cache: pipeline.Cache | None = None  # checked practices, kept between the rebuilds of `mkdocs serve`


def on_startup(command: str, dirty: bool) -> None:
    global _cache
    _cache = pipeline.Cache() if command == "serve" else None
    return_large_blocks()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.strict:
        # `-q` raises the log level above WARNING, and MkDocs' strict mode only counts warnings it would show.
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.setLevel(min(mkdocs_log.getEffectiveLevel(), logging.WARNING))
    links = symlinks(Path(config.docs_dir))
    if links:
        raise PluginError("\n".join(f"{link}: is a symbolic link (commit the file itself)" for link in links))
    # A one-off build forks a worker: it checks (and renders) half the practice files meanwhile.
    pool = fork_pool() if _cache is None else None
    try:
        catalog, warnings = pipeline.load(Path(config.config_file_path).parent / "practices", _cache, pool)
    except ContentError as error:
        raise PluginError(str(error)) from None
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    for warning in warnings:
        log.info(str(warning))
    if "SOURCE_DATE_EPOCH" not in os.environ:
        # Same input, same bytes: MkDocs dates the sitemap by this (from the content), never by the clock.
        os.environ["SOURCE_DATE_EPOCH"] = str(pipeline.source_date_epoch(catalog))
    try:  # the footer, page heads and downloads say what the site is: its address, licence, funder, date
        config.extra["site_info"] = info = site_info(config.site_name, config.site_url, config.extra, catalog)
    except ValueError as error:
        raise PluginError(str(error)) from None
    _build.practice_sources = practice_sources(catalog)
    # `make site` lays the PDFs out first and names their folder; a preview makes none.
    pdf_folder = os.environ.get("GOODPRACTICES_PDFS")
    pdfs = downloads(Path(pdf_folder), catalog) if pdf_folder else ()
    _remove_data()
    _build.data = tempfile.TemporaryDirectory(prefix="goodpractices-data-")
    _build.generated = generated_files(catalog, info, Path(_build.data.name), pdfs)
    catalog = catalog.without_bodies()  # the pages hold what they need of the bodies until they are written
    config.extra_css.append(THEME_CSS)
    config.nav = nav(catalog)
    if "macros" in config.plugins:
        config.plugins["macros"].register_macros(macros.for_catalog(catalog, pdfs))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in _build.generated.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(f"docs/{src_uri}: would hide the generated page {src_uri} (rename or remove it)")
        if isinstance(content, Path):  # a PDF or a data download, copied as it is
            files.append(File.generated(config, src_uri, abs_src_path=str(content)))
            continue
        text = content.markdown if isinstance(content, GeneratedPage) else content
        files.append(File.generated(config, src_uri, content=text))
    return files


def _generated(page: Page) -> GeneratedPage | None:
    """Return the generated page behind `page`, if it is one."""
    content = _build.generated.get(page.file.src_uri) if page.file.generated_by else None
    return content if isinstance(content, GeneratedPage) else None


@event_priority(100)  # before mkdocs-macros and the tags plugin read the metadata
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _generated(page)
    if generated is not None:
        page.meta = dict(generated.meta)  # includes render_macros: false, whatever the source says
        if markdown == generated.markdown:  # MkDocs' metadata reader made an equal copy: keep one in memory
            markdown = generated.markdown
    base = config.extra.get("edit_base")
    if base and page.file.generated_by is None:
        page.edit_url = f"{base}docs/{page.file.src_uri}"
    elif base and page.file.src_uri in _build.practice_sources:
        page.edit_url = base + _build.practice_sources[page.file.src_uri]
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _generated(page)
    if generated is not None:
        html = generated.content(html)
        if generated.headings:  # headings inside slots: a practice's body, and the sections made from its fields
            page.toc = TableOfContents(list(page.toc) + _toc(generated.headings))
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.update(heading.anchor for heading in generated.headings)
    return html


def _toc(headings: tuple[Heading, ...]) -> list[AnchorLink]:
    """Nest headings into table-of-contents links, each under the nearest heading of a higher level before it."""
    top: list[AnchorLink] = []
    open_links: list[AnchorLink] = []
    for heading in headings:
        link = AnchorLink(str(escape(heading.title)), str(escape(heading.anchor)), heading.level)
        while open_links and open_links[-1].level >= heading.level:
            open_links.pop()
        (open_links[-1].children if open_links else top).append(link)
        open_links.append(link)
    return top


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["once_per_folder"] = once_per_folder()
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    # A practice or partner page shows its tab (Themes, Partners) as active while it is rendered.
    tab = tab_of(page.file.src_uri)
    _build.tab = next((item for item in nav.items if item.title == tab), None) if tab else None
    if _build.tab is not None:
        _build.tab.active = True
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _build.tab is not None:
        _build.tab.active, _build.tab = False, None
    generated = _generated(page)
    if generated is not None:
        output = generated.output(output)
        del _build.generated[page.file.src_uri]  # written: its slots are not needed again
    return output


def _remove_data() -> None:
    if _build.data is not None:
        _build.data.cleanup()
        _build.data = None


def on_post_build(config: MkDocsConfig) -> None:
    _remove_data()  # MkDocs copied the files before it wrote the pages


def on_build_error(error: Exception) -> None:
    _remove_data()

