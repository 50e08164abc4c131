"""The projects a size is measured on: the corpus, the full site around it and plain Material on the same pages."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

import make_corpus
from goodpractices import catalog
from goodpractices.siteinfo import mkdocs_settings

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Workspace:
    """The folders of one size's measurements, all under one temporary root."""

    root: Path
    size: int

    @property
    def corpus(self) -> Path:
        """The generated practices folder (with the registries)."""
        return self.root / "corpus"

    @property
    def full(self) -> Path:
        """The temporary copy of the project (A)."""
        return self.root / "full"

    @property
    def baseline(self) -> Path:
        """The plain Material project (B)."""
        return self.root / "baseline"

    def site(self, step: str) -> Path:
        """The output folder of a step."""
        return self.root / f"site-{step}"


def project_config(first_hooks: Sequence[Path] = ()) -> str:
    """Return the repository's mkdocs.yml for a copy of the project in another folder: the hooks, `overrides`
    and `watch` paths made absolute, and `first_hooks` loaded as hooks (the project has none of its own)."""
    text = ((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
            .replace("\n  - hooks/", f"\n  - {ROOT / 'hooks'}/")
            .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
            .replace("  - hooks\n", f"  - {ROOT / 'hooks'}\n"))
    if "\n  - goodpractices:" not in text or "\nhooks:" in text:
        raise RuntimeError("mkdocs.yml no longer lists the goodpractices plugin, or has hooks of its own: "
                           "update scripts/benchmark/projects.py")
    hooks = "".join(f"  - {hook}\n" for hook in first_hooks)
    return text + (f"\nhooks:\n{hooks}" if hooks else "")


def baseline_config() -> str:
    """Return the baseline's mkdocs.yml: Material, search only, the project's Markdown extensions."""
    project = mkdocs_settings(ROOT / "mkdocs.yml")
    config = {
        "site_name": "Baseline",
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": project.get("markdown_extensions", []),
        "nav": [{"Home": "index.md"}],
        "not_in_nav": "/practices/\n",
    }
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def copy_project(folder: Path, practices: Path, first_hooks: Sequence[Path] = ()) -> None:
    """Make `folder` a copy of the project whose practices are `practices`."""
    folder.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(project_config(first_hooks), encoding="utf-8")
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(practices, folder / "practices")


def prepare(ws: Workspace, seed: int) -> None:
    """Write the corpus, the full project around it and the baseline project with the same pages."""
    make_corpus.write_corpus(ws.size, ws.corpus, seed)
    copy_project(ws.full, ws.corpus)
    result = catalog.build(ws.corpus)
    if result.catalog is None or result.problems:
        raise RuntimeError("the corpus does not validate:\n" + "\n".join(map(str, result.problems[:20])))
    pages = ws.baseline / "docs" / "practices"
    pages.mkdir(parents=True)
    (ws.baseline / "mkdocs.yml").write_text(baseline_config(), encoding="utf-8")
    (ws.baseline / "docs" / "index.md").write_text("# Home\n\nThe practices, as plain pages.\n", encoding="utf-8")
    for practice in result.catalog.practices:
        body = make_corpus.body_of(ws.corpus / f"{practice.id}.md")
        (pages / f"{practice.id}.md").write_text(f"# {practice.title}\n\n{body}", encoding="utf-8")


def site_figures(site: Path) -> dict[str, int]:
    """Return the output's total bytes, search index bytes (all of search/) and number of practice pages."""
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    search = site / "search"  # plain Material's search_index.json; the full site's sharded index beside it
    return {
        "output_bytes": total,
        "search_index_bytes": sum(path.stat().st_size for path in search.rglob("*") if path.is_file()),
        "practice_pages": sum(1 for _ in (site / "practices").glob("*.html")),
    }
