"""The data downloads: transferability.csv and practices.csv open in spreadsheets and hold the titles;
practices.json has a header and one practice per line with its body's sections as text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from benchmark.projects import project_config
from conftest import Project, practice
from goodpractices import catalog as pipeline
from goodpractices.countries import COUNTRIES
from goodpractices.render.site import generated_files, late_html
from goodpractices.schema import FIELDS
from goodpractices.siteinfo import mkdocs_settings, site_info
from pages import assembled, load_practices

BODY = """Lead-in before any heading.

## Description

A **strong** start, with a [link](https://example.org) and a list:

- first point
- second point

## Evidence of success

| Year | Firms |
|------|-------|
| 2019 | 12    |

Said twice[^1].

[^1]: By the partner.
"""

CORPUS = {
    "alpha-audits": practice(
        'keywords: [SMEs, RDI, "design, service"]\nstart: 2017-05\nend: ongoing\nbudget_eur: 900000\n'
        "transferability:\n  inma: implemented\n"
        '  vlaio: {stage: assessed, note: "=HYPERLINK(\\"x\\"), compared with the Flemish scheme; café"}\n'
        "contact: {name: Jane Doe, organisation: NOI, email: jane@example.org}\n"
        "links:\n  - {title: Project page, url: 'https://example.org/a'}\n  - {title: Second, url: 'https://example.org/b'}\n"
        "updated: 2026-01-02\n",
        body=BODY, title='Alpha "innovation" audits, for SMEs', theme="sme-innovation", partner="noi-techpark"),
    "beta-matching": practice("inspired_by: [alpha-audits]\ntransferability:\n  noi-techpark: in-action-plan\n"
                              "updated: 2026-03-04\n",
                              title="Beta competence matching – Südtirol", theme="sme-innovation", partner="inma"),
    "gamma-printing": practice(title="Gamma metal printing network", theme="3d-printing", partner="rda-ostrava"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.Catalog, dict]:
    """The files made from CORPUS, as the build makes them (without MkDocs, which only copies them): the data
    files written into a folder, the rest as pages and bytes; the site's name and address read from the test
    project's mkdocs.yml."""
    root = tmp_path_factory.mktemp("downloads")
    catalog = load_practices(root / "practices", CORPUS)
    (root / "mkdocs.yml").write_text(project_config())
    settings = mkdocs_settings(root / "mkdocs.yml")
    info = site_info(settings["site_name"], settings["site_url"], settings.get("extra") or {}, catalog)
    site = root / "site"
    site.mkdir()
    return site, catalog, generated_files(catalog, info, site, late_html(catalog))


def rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheets need the UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_transferability_csv_names_practices_partners_and_countries(built):
    site, catalog, _ = built
    table = rows(site / "transferability.csv")
    assert table[0] == ["practice_id", "practice_title", "theme", "presenting_partner", "presenting_country",
                        "taking_up_partner", "taking_up_country", "stage", "note"]
    assert len(table) == 1 + len(catalog.transfers) == 4
    by_key = {(r[0], r[5]): r for r in table[1:]}
    vlaio = by_key["alpha-audits", "VLAIO"]
    assert vlaio[1] == 'Alpha "innovation" audits, for SMEs'
    assert vlaio[2] == catalog.theme["sme-innovation"].title
    assert vlaio[3:7] == ["NOI Techpark", COUNTRIES["IT"], "VLAIO", COUNTRIES["BE"]]
    assert vlaio[7] == "assessed"
    assert vlaio[8] == "'" + '=HYPERLINK("x"), compared with the Flemish scheme; café'  # a formula, defused
    beta = by_key["beta-matching", "NOI Techpark"]
    assert beta[1] == "Beta competence matching – Südtirol" and beta[3] == "INMA" and beta[8] == ""


def test_practices_csv_has_id_then_every_front_matter_field(built):
    site, catalog, _ = built
    table = rows(site / "practices.csv")
    assert table[0] == ["id", *(field.name for field in FIELDS)]
    assert [r[0] for r in table[1:]] == sorted(CORPUS)
    alpha = dict(zip(table[0], table[1]))
    assert alpha["title"] == 'Alpha "innovation" audits, for SMEs'
    assert alpha["keywords"] == "SMEs; RDI; design, service"
    assert alpha["country"] == "IT" and alpha["start"] == "2017-05" and alpha["end"] == "ongoing"
    assert alpha["budget_eur"] == "900000"
    assert alpha["links"] == "Project page <https://example.org/a>; Second <https://example.org/b>"
    assert alpha["contact"] == "name: Jane Doe; organisation: NOI; email: jane@example.org"
    assert alpha["transferability"].startswith("inma: implemented; vlaio: assessed (")
    beta = dict(zip(table[0], table[2]))
    assert beta["inspired_by"] == "alpha-audits" and beta["title"] == "Beta competence matching – Südtirol"
    gamma = dict(zip(table[0], table[3]))
    assert gamma["keywords"] == gamma["transferability"] == gamma["updated"] == ""
    assert all(len(r) == len(table[0]) for r in table)


def test_practices_json_has_a_header_and_one_practice_per_line_with_its_sections(built):
    site, catalog, _ = built
    text = (site / "practices.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["header"] == {"site": "CLUSTERIX 2.0 good practices",
                              "url": "https://clusterix2.github.io/good-practices/", "built": "2026-03-04",
                              "count": 3, "licence": {"name": "CC BY 4.0",
                                                      "url": "https://creativecommons.org/licenses/by/4.0/"}}
    lines = text.splitlines()
    records = [json.loads(line.rstrip(",")) for line in lines if line.startswith('{"id"')]
    assert [r["id"] for r in records] == [r["id"] for r in data["practices"]] == sorted(CORPUS)
    alpha = records[0]
    assert [s["title"] for s in alpha["sections"]] == ["", "Description", "Evidence of success"]
    assert alpha["sections"][0]["text"] == "Lead-in before any heading."
    description = alpha["sections"][1]["text"]
    assert description.startswith("A strong start, with a link and a list:")
    assert "- first point\n- second point" in description and "<" not in description
    evidence = alpha["sections"][2]["text"]
    assert "Year | Firms\n2019 | 12" in evidence and "By the partner." in evidence and "↩" not in evidence
    assert alpha["keywords"] == ["SMEs", "RDI", "design, service"]
    gamma = records[2]
    assert [s["title"] for s in gamma["sections"]] == ["Description", "Resources needed", "Evidence of success",
                                                       "Difficulties encountered", "Potential for learning or transfer"]
    assert gamma["sections"][1]["text"] == "Staff time."


def test_sections_are_plain_text_without_the_pages_furniture():
    from goodpractices.bodytree import parse
    from goodpractices.model import Section, sections
    from goodpractices.text import passages

    html = ('<p>Intro &amp; more</p>\n<h2 id="user-content-a">Why <em>it</em> works'
            '<a class="headerlink" href="#user-content-a" title="Permanent link">&para;</a></h2>\n'
            '<p>One<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>\nline.</p>\n'
            '<pre><code>keep\n  this\n</code></pre>\n<h3>Sub</h3><ol><li><p>first</p></li><li>second</li></ol>\n'
            '<div class="footnote"><hr><ol><li id="fn:1"><p>Note.&#160;<a class="footnote-backref" href="#fnref:1">'
            '&#8617;</a></p></li></ol></div>\n<h2>Empty</h2>')
    assert sections(passages(parse(html))) == (Section("", "Intro & more"),
                              Section("Why it works", "One1 line.\n\nkeep\nthis\n\nSub\n\n- first\n\n- second\n\n- Note."),
                              Section("Empty", ""))
    assert sections(passages(parse(""))) == ()


def test_the_downloads_page_lists_every_data_file_with_its_size(built):
    from goodpractices.render.downloads import DATA_FILES, size_label
    from goodpractices.render.slots import GeneratedPage
    from htmltables import tables

    _, _, files = built
    page = assembled(files["downloads/index.md"])
    table = next(t for t in tables(page, "gp-downloads") if t[0] == ["File", "What it holds", "Size"])
    assert [row[0] for row in table[1:len(DATA_FILES) + 1]] == list(DATA_FILES) and "practices.csv" in DATA_FILES
    # Every data file the site writes (the figures' numbers too), not the search index nor the theme's assets.
    written = {name: content.stat().st_size if isinstance(content, Path) else len(content)
               for name, content in files.items() if Path(name).suffix in (".csv", ".json")
               and not isinstance(content, GeneratedPage)}
    assert sorted(row[0] for row in table[1:]) == sorted(written) and "figures/practices-per-theme.csv" in written
    for name, _what, size in table[1:]:
        assert size == size_label(written[name]), name
        assert f'<a href="../{name}" download>{name}</a>' in page


@pytest.mark.parametrize(("size", "label"), [(0, "1 KB"), (499, "1 KB"), (1_500, "2 KB"), (999_499, "999 KB"),
                                             (1_000_000, "1.0 MB"), (12_549_999, "12.5 MB")])
def test_sizes_read_as_the_pdfs_do(size, label):
    from goodpractices.render.downloads import size_label

    assert size_label(size) == label


def test_the_offline_zip_unpacks_into_a_named_folder_and_holds_no_link_to_itself(tmp_path: Path):
    import re
    import subprocess
    import sys
    import zipfile

    from conftest import ROOT
    from goodpractices.render.downloads import SITE_FOLDER, size_label

    project = Project(tmp_path / "project")
    for name, text in CORPUS.items():
        project.add(f"{name}.md", text)
    target = tmp_path / "dist" / f"{SITE_FOLDER}.zip"
    # As `make site` builds: with the PDFs, and the zip.
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--config-file",
                           str(project.root / "mkdocs.yml"), "--pdfs", "--zip", str(target)], capture_output=True,
                          text=True, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    site = project.root / "site"
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert all(name.startswith(f"{SITE_FOLDER}/") for name in names)
        assert f"{SITE_FOLDER}/index.html" in names and f"{SITE_FOLDER}/404.html" in names
        inside = {name.removeprefix(f"{SITE_FOLDER}/"): archive.read(name) for name in names}
    assert set(inside) == {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    offline = inside.pop("downloads/index.html").decode()
    assert all(data == (site / name).read_bytes() for name, data in inside.items())
    assert not re.search(r'href="[^"]*\.zip"', offline)  # no link to a zip inside the zip
    assert "You are reading the offline copy of this site" in offline
    assert not any(re.search(rb'href="[^"]*\.zip"', data) for data in inside.values())
    online = (site / "downloads" / "index.html").read_text()
    link = (f'<a href="{SITE_FOLDER}.zip" download>{SITE_FOLDER}.zip</a><span class="gp-size" data-gp-zip-size> '
            f'({size_label(target.stat().st_size)})</span>')
    assert link in online
    assert f"open <code>index.html</code> in the <code>{SITE_FOLDER}</code> folder" in online.replace("\n", " ")
    # Everything but the zip's paragraph is the same in both copies.
    strip = re.compile(r'<div class="gp-site-zip">.*?</div>', re.S)
    assert strip.sub("", online) == strip.sub("", offline)
