"""Every page the build writes passes the Nu Html Checker (vnu-jar from package.json, run with Java): no error in
the markup this project writes. Material's own templates make three kinds of error, listed below once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = [
    pytest.mark.skipif(shutil.which("java") is None,
                       reason="no Java to run the Nu Html Checker (.ci/run installs default-jre-headless)"),
]

#: The errors that Material for MkDocs' own templates make (9.8.1), by message, with the start of the element
#: each comes from and why it is not ours. Everything else the checker reports fails the test.
MATERIAL = {
    ("Attribute “autocomplete” is only allowed when the input type is",
     '<input class="md-toggle" data-md-toggle='):
        "base.html: the drawer and search toggles are checkboxes with autocomplete=off, which Material sets so "
        "that Firefox does not restore them open on Back",
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     '<label class="md-nav__title" for="__toc">'):
        "partials/toc.html: the table of contents' title names the __toc toggle, which Material writes only in "
        "the navigation entry of a page in the navigation (not on practice, partner or editors' pages)",
    ("Bad value “” for attribute “tabindex” on element “label”",
     '<label class="md-nav__link'):
        "partials/nav-item.html: section labels get tabindex=\"{{ tabindex }}\", empty when the section is not "
        "navigable",
}


def material(message: dict) -> bool:
    """Tell whether an error is one of Material's own (MATERIAL)."""
    extract = message.get("extract", "")
    return any(message["message"].startswith(text) and element in extract for text, element in MATERIAL)


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """The real site and every error the checker reports on its pages."""
    if not VNU.is_file():
        pytest.fail(f"{VNU.name} is missing: run `make .venv/.installed` (npm ci installs vnu-jar)")
    folder = tmp_path_factory.mktemp("vnu")
    site = folder / "site"  # as `make site` builds it: with the PDFs (the Downloads page lists them) and the zip
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--pdfs", "--site-dir", str(site),
                           "--zip", str(folder / "good-practices-site.zip")], capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=900)
    assert done.returncode == 0, done.stderr
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                           str(site)], capture_output=True, text=True, timeout=600)
    report = json.loads(done.stderr)
    return site, [m for m in report["messages"] if m["type"] == "error" or m.get("subType") == "fatal"]


def test_every_page_is_checked(findings):
    site, _ = findings
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40 and (site / "404.html") in pages and (site / "explore" / "index.html") in pages
    assert "data-gp-zip-size> (" in (site / "downloads" / "index.html").read_text()  # the page make site writes


def test_no_error_in_the_markup_this_project_writes(findings):
    site, errors = findings
    ours = [(Path(m["url"].removeprefix("file:")).relative_to(site).as_posix(), m.get("lastLine"), m["message"],
             m.get("extract", "").strip()) for m in errors if not material(m)]
    assert ours == []


def test_the_list_of_materials_errors_is_current(findings):
    """Each listed error still occurs: when Material fixes one, it leaves the list."""
    _, errors = findings
    seen = Counter(next(key for key in MATERIAL if m["message"].startswith(key[0]) and key[1] in m.get("extract", ""))
                   for m in errors if material(m))
    assert set(seen) == set(MATERIAL)


def test_the_checker_finds_an_error_we_would_make(tmp_path: Path):
    """The checker runs and reports: a page with a duplicate id and a stray end tag fails."""
    if not VNU.is_file():
        pytest.fail(f"{VNU.name} is missing: run `make .venv/.installed`")
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
                    '<body><p id="a">one</p><p id="a">two</p></div></body></html>')
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(page)],
                          capture_output=True, text=True, timeout=120)
    messages = [m["message"] for m in json.loads(done.stderr)["messages"]]
    assert any("Duplicate ID “a”" in m for m in messages) and any("Stray end tag “div”" in m for m in messages)
