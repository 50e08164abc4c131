"""Promise 4: every problem of every file at once, sorted; a failed build leaves the previous site untouched."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, VALID, practice


def build_script(project, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "-f", str(project.root / "mkdocs.yml"),
                           *args], capture_output=True, text=True)


def test_five_broken_files_are_all_reported_sorted_and_the_old_site_survives(project):
    project.add("good.md", VALID)
    assert build_script(project).returncode == 0
    site = project.root / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    project.add("e-five.md", practice(title="Tiny"))
    project.add("a-one.md", b"\xff\xfe not text")
    project.add("d-four.md", practice("status: done\n", title="Fourth title here"))
    project.add("b-two.md", "---\ntitle: [unclosed\n---\n")
    project.add("c-three.md", practice(theme="nowhere", title="Third title here"))
    done = build_script(project)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.startswith("practices/")]
    assert [line.split(": ")[0] for line in lines] == [
        "practices/a-one.md:1", "practices/b-two.md:3", "practices/c-three.md:3", "practices/d-four.md:6",
        "practices/e-five.md:2",
    ]
    assert "build failed: site/ was left as it was" in done.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_warning_fails_the_build_whatever_the_verbosity(project):
    project.add("good.md", VALID)
    (project.docs / "broken.md").write_text("# Broken\n\n[missing](nowhere.md)\n")
    for flags in ((), ("-q",), ("-v",)):
        done = project.build(*flags)
        assert done.returncode == 1, flags
    assert build_script(project).returncode == 1


def test_a_check_that_fails_on_one_file_is_reported_and_the_others_still_are(check, monkeypatch):
    from goodpractices import catalog

    real = catalog.check_practice

    def failing(source, ctx):  # noqa: ANN001, ANN202
        if source.id == "broken":
            raise ValueError("unexpected input")
        return real(source, ctx)

    monkeypatch.setattr(catalog, "check_practice", failing)
    problems = check({"broken.md": practice(title="The broken practice"), "other.md": practice("budget_eur: x\n")})
    assert "practices/broken.md:1: file: could not be checked (ValueError; please report this file to the " \
           "maintainers)" in problems
    assert any(p.startswith("practices/other.md:6: budget_eur:") for p in problems)
