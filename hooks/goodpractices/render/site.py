"""Every generated file of the site, as a map from its path in the docs tree to its content."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from ..explore import index_script
from ..feed import PATH as FEED, feed_xml
from ..export import write_practices_csv, write_practices_json, write_transfers_csv
from ..figures import figures
from ..folding import query_script
from ..model import Catalog
from ..partnermap import layout as map_layout
from ..related import RelatedTable, related_practices
from ..scaffold import TEMPLATE_FILE, template_text
from ..schema_json import json_schema_text
from ..siteinfo import SiteInfo
from . import GeneratedPage
from ..pdf.listing import Download
from .completeness import PATH as COMPLETENESS, completeness_page
from .downloads import DATA_FILES, downloads_page, pdf_link
from .explore import explore_page
from .figures import PATH as FIGURES, figure_files, figures_page
from .late import Late
from .partners import partner_page, partners_index
from .practice import practice_page
from .themes import theme_page, themes_index
from .transferability import transferability_page

THEME_CSS = "assets/goodpractices-themes.css"
#: Folds the accented words of search queries (mkdocs.yml loads it as extra_javascript).
SEARCH_JS = "assets/goodpractices-search.js"
#: The explore page's script and stylesheet, shipped with the package.
ASSETS = resources.files("goodpractices") / "assets"


def theme_css(catalog: Catalog) -> str:
    """Return the stylesheet that gives each theme its colour, with the map's and the figures' rules."""
    rules = [f".gp-theme--{t.key} {{ --gp-theme-color: {t.color}; }}" for t in catalog.themes if t.color]
    return "\n".join(rules) + "\n" + (ASSETS / "figures.css").read_text(encoding="utf-8")


def practice_sources(catalog: Catalog) -> dict[str, str]:
    """Return {docs-relative path of each practice page: repository path of its source file}."""
    return {f"practices/{p.id}.md": p.source for p in catalog.practices}


def nav(catalog: Catalog) -> list[dict[str, Any]]:
    """Return the site navigation (tabs), built from the model.

    Material renders the whole navigation into every page, so it lists sections, not the many pages below
    them: practice and partner pages are reached from the theme, partner and matrix pages and from search."""
    return [
        {"Home": "index.md"},
        {"Explore": "explore/index.md"},
        {"Figures": FIGURES},
        {"Themes": ["themes/index.md", *(f"themes/{t.key}.md" for t in catalog.themes)]},
        {"Partners": "partners/index.md"},
        {"Transferability": "transferability/index.md"},
        {"Downloads": "downloads/index.md"},
        {"About": ["about.md", "contributing.md"]},  # the maintainers' pages are linked from About
    ]


#: The tab that pages outside the navigation belong to, by folder: practices under Themes, partners under Partners.
TABS = {"practices": "Themes", "partners": "Partners"}


def tab_of(src_uri: str) -> str | None:
    """Return the title of the tab to show as active for a page outside the navigation, if it belongs to one."""
    folder, _, name = src_uri.partition("/")
    return TABS.get(folder) if name and name != "index.md" else None


def _written(folder: Path, name: str, write: Callable[[BinaryIO], None]) -> Path:
    """Write a file into `folder` as `write` makes it, and return its path."""
    path = folder / name
    with path.open("wb") as out:
        write(out)
    return path


def late_html(catalog: Catalog) -> Late:
    """Return the build's late HTML (the map, related practices), made into each page as it is rendered."""
    return Late(catalog, map_layout(catalog), RelatedTable.of(catalog.practices, related_practices(catalog)))


def generated_files(catalog: Catalog, info: SiteInfo, folder: Path, late: Late, pdfs: tuple[Download, ...] = ()
                    ) -> dict[str, GeneratedPage | bytes | Path]:
    """Return {docs-relative path: page, a file's UTF-8 bytes, or a file to copy} for everything generated from
    the catalogue (and the PDFs made for it, if any), sorted; the pages hold `late`'s markers. The
    data downloads, the largest files, are written into `folder` as they are made (it must outlive the build's
    copying of files)."""
    files: dict[str, GeneratedPage | bytes | Path] = {
        "practices.json": _written(folder, "practices.json", lambda out: write_practices_json(catalog, info, out)),
        "practices.csv": _written(folder, "practices.csv", lambda out: write_practices_csv(catalog, out)),
        "transferability.csv": _written(folder, "transferability.csv", lambda out: write_transfers_csv(catalog, out)),
    }
    files.update({f"practices/{p.id}.md": practice_page(catalog, p, late.related_marker(n))
                  for n, p in enumerate(catalog.practices)})
    files[FEED] = feed_xml(catalog, info)
    files["themes/index.md"] = themes_index(catalog)
    files.update({f"themes/{t.key}.md": theme_page(catalog, t, pdf_link(pdfs, "theme", t.key, "../"))
                  for t in catalog.themes})
    files["partners/index.md"] = partners_index(catalog, late)
    files.update({f"partners/{p.key}.md": partner_page(catalog, p, late, pdf_link(pdfs, "partner", p.key, "../"))
                  for p in catalog.partners})
    files.update({f"downloads/{pdf.name}": pdf.path for pdf in pdfs})
    files["transferability/index.md"] = transferability_page(catalog, info)
    files[COMPLETENESS] = completeness_page(catalog)
    files[TEMPLATE_FILE] = template_text(catalog.themes, catalog.partners).encode()
    found = figures(catalog)
    files[FIGURES] = figures_page(catalog, found)
    numbers = figure_files(found)
    files.update(numbers)
    files["explore/index.md"] = explore_page(catalog)
    files["explore/index.js"] = index_script(catalog).encode()
    files.update({f"explore/{name}": (ASSETS / name).read_bytes() for name in ("explore.js", "explore.css")})
    files["practice.schema.json"] = json_schema_text([t.key for t in catalog.themes],
                                                     [p.key for p in catalog.partners]).encode()
    files["downloads/index.md"] = downloads_page(catalog, pdfs, {
        name: content.stat().st_size if isinstance(content, Path) else len(content)
        for name, content in files.items() if name in DATA_FILES and not isinstance(content, GeneratedPage)},
        tuple((name, figure.title, len(numbers[name])) for name, figure in zip(numbers, found)))
    files[THEME_CSS] = theme_css(catalog).encode()
    files[SEARCH_JS] = query_script().encode()
    return dict(sorted(files.items()))
