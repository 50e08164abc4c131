"""Shared fixtures: tiny projects in a temporary folder, built with the real hooks and registries."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmark.projects import project_config

ROOT = Path(__file__).resolve().parent.parent

BODY = """## Description

What the practice does.

## Resources needed

Staff time.

## Evidence of success

Twelve projects.

## Difficulties encountered

None recorded.

## Potential for learning or transfer

High.
"""

#: A valid practice; the tests replace lines of it to break one rule at a time.
VALID = """---
title: A valid practice title
theme: cmo-services
partner: ecoplus
summary: This summary is long enough to pass the fifty-character minimum of the contract.
---

""" + BODY


def practice(extra: str = "", body: str = BODY, **fields: str) -> str:
    """Return a practice file: the valid fields (each overridable, '' drops it) plus `extra` YAML lines."""
    values = {"title": "A valid practice title", "theme": "cmo-services", "partner": "ecoplus",
              "summary": "This summary is long enough to pass the fifty-character minimum of the contract."}
    values.update(fields)
    lines = [f"{key}: {value}" for key, value in values.items() if value != ""]
    return "---\n" + "\n".join(lines) + "\n" + extra + "---\n\n" + body


class Project:
    """A throwaway project: mkdocs.yml using the real hook, the real registries, and given practices."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.practices = root / "practices"
        self.docs = root / "docs"
        self.practices.mkdir(parents=True)
        shutil.copytree(ROOT / "docs", self.docs)
        for name in ("themes.yml", "partners.yml"):
            shutil.copy(ROOT / "practices" / name, self.practices / name)
        (self.docs / "index.md").write_text("# Home\n\nThere are {{ count('practices') }} practices.\n")
        (root / "mkdocs.yml").write_text(project_config())

    def add(self, name: str, text: str | bytes) -> Path:
        """Write practices/<name> and return its path."""
        path = self.practices / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return path

    def build(self, *args: str, site: Path | None = None, timeout: float | None = None
              ) -> subprocess.CompletedProcess[str]:
        """Run `mkdocs build --strict` on the project; return the finished process."""
        return mkdocs_build(self.root, site or self.root / "site", *args, timeout=timeout)


def mkdocs_build(project: Path, site: Path, *args: str, timeout: float | None = None
                 ) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on a project into `site`; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *args],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=timeout,
    )


def build_real_site(folder: Path) -> Path:
    """Build the project's own site with --strict into folder/site and return that path."""
    site = folder / "site"
    done = mkdocs_build(ROOT, site)
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty project (registries only) in a temporary folder."""
    return Project(tmp_path / "project")


@pytest.fixture
def check(project: Project) -> Callable[..., list[str]]:
    """Validate practices given as {file name: text}; return every problem as printed."""
    from goodpractices import catalog

    def run(files: dict[str, str | bytes]) -> list[str]:
        for name, text in files.items():
            project.add(name, text)
        return [str(p) for p in catalog.build(project.practices).problems]

    return run


def build_corpus(project: Project, corpus: dict[str, str]) -> tuple[Path, object]:
    """Add `corpus` ({id: practice text}) to the project, build it with --strict and return its site and
    catalogue."""
    from goodpractices import catalog

    for name, text in corpus.items():
        project.add(f"{name}.md", text)
    done = project.build()
    assert done.returncode == 0, done.stderr
    return project.root / "site", catalog.load(project.practices, trees=True)[0]


@pytest.fixture(scope="module")
def hand_made(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The hand-made catalogue of tests/pages.py (hostile text, a bare practice, a dated one), loaded, no MkDocs."""
    from pages import HAND_MADE, load_practices

    return load_practices(tmp_path_factory.mktemp("hand-made") / "practices", HAND_MADE)
