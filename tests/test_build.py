"""Build real sites into temporary folders and check what MkDocs wrote: pages, search index, errors."""

from __future__ import annotations

import filecmp
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import markupsafe
import pytest
from conftest import ROOT, VALID, build_real_site, practice
from goodpractices import catalog as pipeline


def search_index(site: Path) -> dict:
    """The pages and sections of the site's search index, as Material's entries were (plain text)."""
    from goodpractices.search_index import entries

    return {"docs": entries(site / "search")}


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site, built once with --strict into a temporary folder."""
    return build_real_site(tmp_path_factory.mktemp("real"))


def test_real_site_has_one_page_per_practice_with_title_and_theme(real_site: Path):
    catalog, warnings = pipeline.load(ROOT / "practices")
    assert all("has no '## " in str(w) for w in warnings), warnings  # only sections with nothing known yet
    assert len(catalog.practices) >= 12
    assert len({p.theme for p in catalog.practices}) == 6
    assert len({p.partner for p in catalog.practices}) >= 8
    pages = sorted(p.stem for p in (real_site / "practices").glob("*.html"))
    assert pages == sorted(p.id for p in catalog.practices)
    for p in catalog.practices:
        html = (real_site / p.url).read_text()
        theme = catalog.theme[p.theme]
        assert h1_text(html) == p.title
        assert re.search(f'<a class="gp-theme gp-theme--{theme.key}" href="../themes/{theme.key}.html"[^>]*>'
                         f'{re.escape(_escape(theme.title))}</a>', html)
        assert f'href="https://github.com/clusterix2/good-practices/edit/main/practices/{p.id}.md"' in html


def test_real_search_index_holds_every_practice(real_site: Path):
    catalog, _ = pipeline.load(ROOT / "practices")
    docs = search_index(real_site)["docs"]
    titles = {d["location"]: d["title"] for d in docs if "#" not in d["location"]}
    for p in catalog.practices:
        assert titles[p.url] == p.title  # plain text: the search worker escapes what it shows
    text = " ".join(d["text"] for d in docs if d["location"].startswith("practices/"))
    assert "IND-AGRO-POL" in text


def test_home_counts_come_from_the_catalogue(real_site: Path):
    catalog, _ = pipeline.load(ROOT / "practices")
    html = (real_site / "index.html").read_text()
    assert f"<strong>{len(catalog.practices)}</strong> practices" in html
    assert "<strong>11</strong> partners" in html
    assert f"<strong>{len(catalog.transfers)}</strong> recorded transfers" in html


def test_field_reference_and_json_schema_are_generated_from_the_schema(real_site: Path):
    from goodpractices.schema import FIELDS

    html = (real_site / "contributing.html").read_text()
    for field in FIELDS:
        assert f"<code>{field.name}</code>" in html
    schema = json.loads((real_site / "practice.schema.json").read_text())
    assert list(schema["properties"]) == [field.name for field in FIELDS]
    assert schema["required"] == ["title", "theme", "partner", "summary"]
    assert schema["additionalProperties"] is False
    assert (real_site / "practice.schema.json").read_bytes() == (ROOT / "practices/practice.schema.json").read_bytes()
    assert 'href="practice.schema.json"' in html


def h1_text(page: str) -> str:
    """Return the text of the page's only h1, entities decoded."""
    (inner,) = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    return html.unescape(inner)


def _escape(text: str) -> str:
    return str(markupsafe.escape(text))


def test_front_matter_text_is_plain_text_everywhere(project):
    project.add("p.md", practice("keywords: ['<i>k</i>']\n", title="'R&D <b>now</b>'",
                                 summary="'Summary with <script>alert(1)</script> markup that must stay text, not code.'"))
    done = project.build()
    assert done.returncode == 0, done.stderr
    page = (project.root / "site/practices/p.html").read_text()
    assert h1_text(page) == "R&D <b>now</b>"
    assert "<title>R&amp;D &lt;b&gt;now&lt;/b&gt; - CLUSTERIX 2.0 good practices</title>" in page
    (topic,) = re.findall(r'data-md-component="header-topic">\s*<span class="md-ellipsis">(.*?)</span>', page, re.DOTALL)
    assert html.unescape(topic.strip()) == "R&D <b>now</b>"  # the header, shared by the folder's pages
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>now</b>" not in page and "<script>alert" not in page and "<i>k</i>" not in page
    assert ('<a class="md-tag" href="../explore/index.html?keyword=%3Ci%3Ek%3C%2Fi%3E">&lt;i&gt;k&lt;/i&gt;</a>'
            in page)  # the keyword as text, and as a URL parameter leading to the explore page
    entry = next(d for d in search_index(project.root / "site")["docs"] if d["location"] == "practices/p.html")
    assert entry["title"] == "R&D <b>now</b>"  # text, escaped by the search worker when shown
    assert "<b>" not in (project.root / "site" / "search" / "index.js").read_text()  # stored as \u003c


def test_broken_practices_stop_the_build_with_every_message_and_write_nothing(project):
    project.add("a.md", practice(title="Tiny"))
    project.add("b.md", practice("render_macros: true\n", title="Another valid title"))
    done = project.build()
    assert done.returncode == 1
    assert (
        "2 errors in the practices (nothing was built):\n"
        "practices/a.md:2: title: is 4 characters long, expected 5–150 (a short descriptive title, 5–150 characters)\n"
        "practices/b.md:6: render_macros: unknown field (remove it; practice pages are never rendered as templates)"
    ) in done.stderr
    assert not (project.root / "site").exists()


def test_two_builds_give_identical_files(project, tmp_path):
    project.add("p.md", practice("updated: 2026-11-21\ninspired_by: [q]\n"))
    project.add("q.md", practice(title="Second practice"))
    first, second = tmp_path / "one", tmp_path / "two"
    assert project.build(site=first).returncode == 0
    assert project.build(site=second).returncode == 0
    names = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(second)) for p in second.rglob("*") if p.is_file())
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert "sitemap.xml.gz" in names


def run_script(name: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *args], cwd=cwd,
                          capture_output=True, text=True)


def test_validate_script_reports_and_exits(project):
    project.add("good.md", VALID)
    assert run_script("validate.py", "--practices", str(project.practices)).returncode == 0
    project.add("bad.md", practice(theme="nowhere", title="Another valid title"))
    done = run_script("validate.py", "--practices", str(project.practices))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "practices/bad.md:3: theme: 'nowhere' is not a known theme (use one of: 3d-printing, cmo-services, "
        "digitalisation, monitoring-evaluation, public-private-innovation, sme-innovation)"
    ]
    assert done.stderr == "1 error, 0 warnings in 2 practice files.\n"
    only_good = run_script("validate.py", "--practices", str(project.practices), str(project.practices / "good.md"))
    assert (only_good.returncode, only_good.stdout) == (0, "")


def test_validate_script_passes_on_the_real_practices():
    done = run_script("validate.py")
    assert done.returncode == 0, done.stdout
    assert re.fullmatch(r"0 errors, \d+ warnings? in \d+ practice files\.\n", done.stderr.splitlines(True)[-1])
    # The only warnings: recommended sections that a practice does not have, for want of facts.
    assert all(" warning: body: has no '## " in line for line in done.stdout.splitlines()), done.stdout
