"""A generated page with no Markdown of its own (a practice page: its HTML waits in slots), rendered with none."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class SlotPage(Page):
    """A page MkDocs would render by building a Markdown converter with every extension, for an empty text: a
    thousandth of a second a practice page, a tenth of a plain build's time at 1,000 practices. With no text,
    it is rendered as MkDocs renders an empty one: no content, headings or anchors (the plugin adds the slots')."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
