"""Another engine, checked: ProperDocs (the maintained fork of MkDocs 1.6) builds the same site as MkDocs, byte
for byte but for the generator tag."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from conftest import Project, practice

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def _build(engine: str, project: Project, site: Path) -> None:
    # No SOURCE_DATE_EPOCH: the plugin dates the build by its content under either engine.
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    done = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-d", str(site)], cwd=project.root,
                          capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1",
                                                               "DISABLE_MKDOCS_2_WARNING": "true"})
    assert done.returncode == 0, f"{engine}: {done.stderr}"


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs_but_for_the_generator_tag(project: Project, tmp_path: Path):
    project.add("p.md", practice('updated: "2026-03-04"\nkeywords: [Skåne, clusters]\ninspired_by: [q]\n'
                                 "transferability:\n  inma: assessed\n"))
    project.add("q.md", practice(title="Second practice in Rhône-Alpes", partner="vlaio"))
    sites = {engine: tmp_path / engine for engine in ("mkdocs", "properdocs")}
    for engine, site in sites.items():
        _build(engine, project, site)
    made = {engine: _files(site) for engine, site in sites.items()}
    assert list(made["mkdocs"]) == list(made["properdocs"])
    assert {"practices/p.html", "themes/cmo-services.html", "sitemap.xml.gz", "search/search_index.json",
            "practices.json", "explore/index.html"} <= set(made["mkdocs"])
    tags = {engine: set() for engine in made}
    for name, content in made["mkdocs"].items():
        other = made["properdocs"][name]
        for engine, text in (("mkdocs", content), ("properdocs", other)):
            tags[engine].update(GENERATOR.findall(text))
        assert GENERATOR.sub(b"", content) == GENERATOR.sub(b"", other), name
    material = version("mkdocs-material")
    assert tags == {"mkdocs": {f"mkdocs-{version('mkdocs')}, mkdocs-material-{material}".encode()},
                    "properdocs": {f"mkdocs-ProperDocs {version('properdocs')}, mkdocs-material-{material}".encode()}}
    assert b"<lastmod>2026-03-04</lastmod>" in made["properdocs"]["sitemap.xml"]
