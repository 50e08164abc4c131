"""Generated pages read without MkDocs: a page's Markdown with its slots filled in, and a hand-made catalogue."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, practice
from goodpractices import catalog as pipeline
from goodpractices.model import Catalog
from goodpractices.render.slots import SLOT, GeneratedPage


def assembled(page: GeneratedPage) -> str:
    """Return the page as its Markdown with every slot's HTML in place (the practice page, all slots, is its HTML);
    no slot marker is left (each carries a per-process token, so none may reach a golden file)."""
    text = page.output(page.content(page.markdown))
    assert not SLOT.search(text) and "goodpractices:slot" not in text
    return text


def load_practices(folder: Path, files: dict[str, str]) -> Catalog:
    """Write the real registries and `files` ({id: practice text}) into `folder` and return their catalogue."""
    folder.mkdir(parents=True)
    for name in ("themes.yml", "partners.yml"):
        (folder / name).write_bytes((ROOT / "practices" / name).read_bytes())
    for name, text in files.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return pipeline.load(folder)[0]


#: A title and texts a reader could type to break the page: markup, quotes and an ampersand.
HOSTILE = 'A <script>alert("x")</script> "quoted" & co title'
HAND_MADE = {
    "hostile": practice(
        "keywords: [audits, \"<b>bold</b>\"]\nregion: South Tyrol\nstart: 2017-05\nend: ongoing\nstatus: ongoing\n"
        "budget_eur: 900000\ninstitution: \"Agency <i>&</i> Co\"\n"
        "transferability:\n  inma: implemented\n  vlaio: {stage: assessed, note: \"Compared <em>here</em> & \\\"there\\\"\"}\n"
        "contact: {name: Jane Doe, organisation: NOI, email: jane@example.org}\n"
        "links:\n  - {title: \"Project <page>\", url: 'https://example.org/a?x=1&y=2'}\nupdated: 2026-01-02\n",
        title=f"'{HOSTILE}'", theme="sme-innovation", partner="noi-techpark",
        summary="A summary with <tags> & \"quotes\" that is long enough for the fifty-character minimum."),
    "plain": practice("inspired_by: [hostile]\ntransferability:\n  noi-techpark: in-action-plan\n  ecoplus: interested\n",
                      title="Plain competence matching", theme="sme-innovation", partner="inma"),
    "dated": practice("start: 2019\nend: 2021-06\nupdated: 2025-11-30\n",
                      title="Dated metal printing network", theme="3d-printing", partner="rda-ostrava"),
}
