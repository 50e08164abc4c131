"""MkDocs hook: accent-free forms of words in the search index, and search/search_index.js once the search plugin
has written its index (search from a folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from goodpractices.folding import folded_forms
from goodpractices.offline import write_index_script

#: The search index fields that hold the folded forms of the title's and the text's words; mkdocs.yml declares
#: them to the search plugin with the weights of `title` and `text`.
FOLDED = {"title": "title_folded", "text": "text_folded"}


@event_priority(-100)  # after the search plugin has added the page's sections to its index
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Give each of the page's search entries the folded forms of its accented words ('Skåne' → 'skane'), so that
    a query typed without accents finds them; the shown title and text stay as written."""
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    for entry in reversed(index.entries if index is not None else []):
        if entry["location"].split("#")[0] != page.url:  # the page's entries are the last ones
            break
        for field, folded in FOLDED.items():
            forms = folded_forms(entry[field])
            if forms:
                entry[folded] = forms
    return context


@event_priority(-100)  # after the search plugin
def on_post_build(config: MkDocsConfig) -> None:
    write_index_script(Path(config.site_dir))
