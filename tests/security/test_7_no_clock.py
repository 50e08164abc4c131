"""Promise 7, without SOURCE_DATE_EPOCH: every timestamp comes from the content (the latest `updated` date) or, with
none, a fixed epoch; never from the clock, so two builds give the same bytes on any day."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT, VALID, practice

ENV = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}


def build(project, folder: str, *extra: str, env: dict[str, str] = ENV) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "-f", str(project.root / "mkdocs.yml"),
                           "-d", str(project.root / folder), *extra], env={**env, "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("updated", "day", "epoch"), [
    (None, "1980-01-01", 315532800),
    ("2026-11-21", "2026-11-21", 1795219200),
])
def test_the_sitemap_is_dated_by_the_content_not_the_clock(project, updated, day, epoch):
    config = project.root / "mkdocs.yml"
    if "\nsite_url:" not in config.read_text():  # the sitemap lists pages (and their dates) only with a site URL
        config.write_text(config.read_text() + "\nsite_url: https://example.org/\n")
    project.add("a.md", VALID)
    project.add("b.md", practice(f"updated: {updated}\n" if updated else "", title="A second practice"))
    done = build(project, "site", "--zip", str(project.root / "site.zip"))
    assert done.returncode == 0, done.stderr
    site = project.root / "site"
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", (site / "sitemap.xml").read_text())) == {day}
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(packed[4:8], "little") == epoch  # the gzip header's time
    assert gzip.decompress(packed) == (site / "sitemap.xml").read_bytes()


def test_two_builds_without_source_date_epoch_are_identical(project):
    project.add("a.md", VALID)
    trees = []
    for folder in ("one", "two"):
        assert build(project, folder).returncode == 0
        root = project.root / folder
        trees.append({p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()})
    assert trees[0] == trees[1]
