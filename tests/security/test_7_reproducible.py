"""Promise 7: the same input in different folders, with different hash seeds, gives identical trees and zips."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys

from conftest import ROOT, practice


def test_two_builds_in_different_folders_are_identical(project, tmp_path):
    project.add("p.md", practice("inspired_by: [q]\nkeywords: [b, a]\ntransferability:\n  inma: assessed\n"
                                 "  vlaio: implemented\n"))
    project.add("q.md", practice(title="Second practice", partner="vlaio"))
    twin = tmp_path / "twin"
    shutil.copytree(project.root, twin, symlinks=True)
    trees = []
    for n, root in enumerate((project.root, twin)):
        env = {**os.environ, "PYTHONHASHSEED": str(n + 1), "SOURCE_DATE_EPOCH": "1767225600",
               "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "-f", str(root / "mkdocs.yml"),
                               "--zip", str(root / "dist/site.zip")], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        trees.append(root / "site")
    names = sorted(p.relative_to(trees[0]).as_posix() for p in trees[0].rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(trees[1]).as_posix() for p in trees[1].rglob("*") if p.is_file())
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(names)
    _, mismatch, errors = filecmp.cmpfiles(trees[0], trees[1], names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert (project.root / "dist/site.zip").read_bytes() == (twin / "dist/site.zip").read_bytes()
