"""MkDocs adapter: validate the practices on config, then hand MkDocs the generated pages. No content logic."""

from __future__ import annotations

import calendar
import gc
import logging
import os
from pathlib import Path

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from goodpractices import catalog as pipeline
from goodpractices import macros
from goodpractices.background import Cleaner, fork_pool
from goodpractices.memory import return_large_blocks
from goodpractices.pdf.listing import downloads
from goodpractices.problems import ContentError
from goodpractices.render import GeneratedPage
from goodpractices.render.fragments import once_per_folder
from goodpractices.render.site import THEME_CSS, generated_files, nav, practice_sources
from goodpractices.tree import symlinks

log = logging.getLogger("mkdocs.hooks.knowledge_base")


class _Build:
    """What one build (one on_config) knows; replaced at every rebuild of `mkdocs serve`."""

    generated: dict[str, GeneratedPage | bytes | Path]
    practice_sources: dict[str, str]
    cleaner: Cleaner = Cleaner(None)  # cleans practice HTML: in a worker in a one-off build, else in place
    cleaned: list[Page]  # practice pages whose content may wait for the worker


_build = _Build()
_cache: pipeline.Cache | None = None  # checked practices, kept between the rebuilds of `mkdocs serve`


def on_startup(command: str, dirty: bool) -> None:
    global _cache
    _cache = pipeline.Cache() if command == "serve" else None
    return_large_blocks()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _cache is None:
        # A one-off build: what exists now, and the catalogue and pages made below, live until it ends. The
        # garbage collector's full passes need not walk them again while the pages are read (see on_env).
        gc.freeze()
    else:
        gc.unfreeze()  # a preview's previous build (see on_env) may be collected now
    if config.strict:
        # `-q` raises the log level above WARNING, and MkDocs' strict mode only counts warnings it would show.
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.setLevel(min(mkdocs_log.getEffectiveLevel(), logging.WARNING))
    links = symlinks(Path(config.docs_dir))
    if links:
        raise PluginError("\n".join(f"{link}: is a symbolic link (commit the file itself)" for link in links))
    # A one-off build forks a worker: it checks half the practice files now, and cleans their HTML later.
    pool = fork_pool() if _cache is None else None
    _build.cleaner, _build.cleaned = Cleaner(pool), []
    try:
        catalog, warnings = pipeline.load(Path(config.config_file_path).parent / "practices", _cache, pool)
    except ContentError as error:
        raise PluginError(str(error)) from None
    for warning in warnings:
        log.info(str(warning))
    if catalog.last_updated and "SOURCE_DATE_EPOCH" not in os.environ:
        # Same input, same bytes: MkDocs dates the sitemap by this, not by the clock.
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm((*catalog.last_updated.first_day(), 0, 0, 0)))
    _build.practice_sources = practice_sources(catalog)
    # `make site` lays the PDFs out first and names their folder; a preview makes none.
    pdf_folder = os.environ.get("GOODPRACTICES_PDFS")
    pdfs = downloads(Path(pdf_folder), catalog) if pdf_folder else ()
    _build.generated = generated_files(catalog, pdfs)
    config.extra_css.append(THEME_CSS)
    config.nav = nav(catalog)
    if "macros" in config.plugins:
        config.plugins["macros"].register_macros(macros.for_catalog(catalog, pdfs))
    if _cache is None:
        gc.freeze()
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in _build.generated.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(f"docs/{src_uri}: would hide the generated page {src_uri} (rename or remove it)")
        if isinstance(content, Path):  # a PDF, copied as it is
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
        practice = page.file.src_uri in _build.practice_sources
        html = generated.content(html, _build.cleaner if practice else None)
        if practice:
            _build.cleaned.append(page)
        for anchor, heading in generated.headings:  # sections made from the front matter, after the body's
            page.toc.items.append(AnchorLink(str(escape(heading)), anchor, 2))
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.add(anchor)
    return html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Practice HTML cleaned by the worker goes in now, after every page is read and before any is written.
    contents = _build.cleaner.fill([page.content or "" for page in _build.cleaned])
    for page, content in zip(_build.cleaned, contents):
        page.content = content
    _build.cleaned = []
    env.globals["once_per_folder"] = once_per_folder()
    # Every page is read now and stays until the build ends: spare the garbage collector from walking them
    # all again at each of its full passes while the pages are written (and at exit).
    gc.freeze()
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    generated = _generated(page)
    if generated is not None:
        output = generated.output(output)
        del _build.generated[page.file.src_uri]  # written: its slots are not needed again
    return output


def on_build_error(error: Exception) -> None:
    _build.cleaner.close()


@event_priority(100)  # before the search plugin serialises its index, the build's largest allocation
def on_post_build(config: MkDocsConfig) -> None:
    gc.collect()  # the garbage of writing the pages goes first (the frozen pages are not walked)
