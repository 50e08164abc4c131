"""MkDocs adapter: validate the practices on config, then hand MkDocs the generated pages. No content logic."""

from __future__ import annotations

import calendar
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from gpkb import catalog as pipeline
from gpkb import macros
from gpkb.problems import ContentError
from gpkb.render import GeneratedPage
from gpkb.render.site import THEME_CSS, generated_files, nav, practice_sources
from gpkb.sanitize import clean
from gpkb.tree import symlinks

log = logging.getLogger("mkdocs.hooks.knowledge_base")


class _Build:
    """What one build (one on_config) knows; replaced at every rebuild of `mkdocs serve`."""

    generated: dict[str, GeneratedPage | str]
    practice_sources: dict[str, str]


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.strict:
        # `-q` raises the log level above WARNING, and MkDocs' strict mode only counts warnings it would show.
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.setLevel(min(mkdocs_log.getEffectiveLevel(), logging.WARNING))
    links = symlinks(Path(config.docs_dir))
    if links:
        raise PluginError("\n".join(f"{link}: is a symbolic link (commit the file itself)" for link in links))
    try:
        catalog, warnings = pipeline.load(Path(config.config_file_path).parent / "practices")
    except ContentError as error:
        raise PluginError(str(error)) from None
    for warning in warnings:
        log.info(str(warning))
    if catalog.last_updated and "SOURCE_DATE_EPOCH" not in os.environ:
        # Same input, same bytes: MkDocs dates the sitemap by this, not by the clock.
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm((*catalog.last_updated.first_day(), 0, 0, 0)))
    _build.practice_sources = practice_sources(catalog)
    _build.generated = generated_files(catalog)
    config.extra_css.append(THEME_CSS)
    config.nav = nav(catalog)
    if "macros" in config.plugins:
        config.plugins["macros"].register_macros(macros.for_catalog(catalog))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in _build.generated.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(f"docs/{src_uri}: would hide the generated page {src_uri} (rename or remove it)")
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
    base = config.extra.get("edit_base")
    if base and page.file.generated_by is None:
        page.edit_url = f"{base}docs/{page.file.src_uri}"
    elif base and page.file.src_uri in _build.practice_sources:
        page.edit_url = base + _build.practice_sources[page.file.src_uri]
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _generated(page)
    if generated is not None:
        html = generated.fill(html)
    if page.file.src_uri in _build.practice_sources:
        html = clean(html)
    return html
