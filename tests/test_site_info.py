"""What every page says about the site (footer, licence, link previews, sitemap) and the stakeholders' pages
(summary, partner directory, tabs, breadcrumbs, home), on a corpus made here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Project, practice
from goodpractices import catalog as pipeline
from htmltables import tables

CORPUS = {
    "alpha-audits": practice("keywords: [SMEs, RDI strategy]\ntransferability:\n  inma: implemented\n"
                             "  vlaio: {stage: assessed, note: Compared with the Flemish scheme.}\n"
                             "  ecoplus: interested\nupdated: 2026-01-02\n",
                             title="Alpha innovation audits", theme="sme-innovation", partner="noi-techpark"),
    "beta-matching": practice("transferability:\n  noi-techpark: in-action-plan\nupdated: 2026-05-06\n",
                              title="Beta competence matching", theme="sme-innovation", partner="inma"),
    "gamma-printing": practice("updated: 2026-05-06\n", title="Gamma metal printing network", theme="3d-printing",
                               partner="rda-ostrava"),
}


def configured(project: Project, old: str, new: str) -> None:
    """Replace text in the project's mkdocs.yml."""
    path = project.root / "mkdocs.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.Catalog]:
    project = Project(tmp_path_factory.mktemp("siteinfo") / "project")
    for name, text in CORPUS.items():
        project.add(f"{name}.md", text)
    (project.docs / "assets" / "funder-logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
    (project.docs / "index.md").write_text((Path(__file__).parent.parent / "docs" / "index.md").read_text())
    configured(project, "site_url: https://clusterix2.github.io/good-practices/",
               "site_url: https://example.org/kb")
    configured(project, "  funder:\n", "  funder:\n    logo: assets/funder-logo.svg\n    logo_alt: The programme\n"
                                       "    url: https://example.org/programme\n")
    done = project.build()
    assert done.returncode == 0, done.stderr
    return project.root / "site", pipeline.load(project.practices)[0]


def read(site: Path, url: str) -> str:
    return (site / url).read_text()


def footer(page: str) -> str:
    return page[page.index('<footer class="md-footer">'):]


@pytest.mark.parametrize("url", ["index.html", "about.html", "practices/alpha-audits.html", "partners/inma.html",
                                 "themes/sme-innovation.html", "transferability/index.html"])
def test_every_footer_says_date_licence_online_version_and_funder(built, url):
    site, _ = built
    text = footer(read(site, url))
    assert "Content as of 6 May 2026" in text  # the latest `updated`, not the clock
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in text
    assert '<a href="https://example.org/kb/">https://example.org/kb/</a>' in text
    assert "co-financed by the European Regional Development Fund" in text
    logo = re.search(r'<img class="gp-funder__logo" src="([^"]+)" alt="The programme">', text)
    assert logo and (site / url).parent.joinpath(logo.group(1)).resolve().is_file()


@pytest.mark.parametrize(("url", "title", "summary"), [
    ("practices/alpha-audits.html", "Alpha innovation audits", "This summary is long enough"),
    ("partners/inma.html", "INMA", "National Institute of Research"),
    ("index.html", "CLUSTERIX 2.0 good practices", "Good practices in cluster policy"),
])
def test_pages_carry_canonical_and_link_preview_tags(built, url, title, summary):
    site, _ = built
    head = read(site, url).split("</head>")[0]
    assert f'<link rel="canonical" href="https://example.org/kb/{url}">' in head
    assert f'<meta property="og:url" content="https://example.org/kb/{url}">' in head
    assert re.search(rf'<meta property="og:title" content="{re.escape(title)}">', head)
    assert re.search(rf'<meta name="twitter:title" content="{re.escape(title)}">', head)
    assert re.search(rf'<meta property="og:description" content="{re.escape(summary)}[^"]*">', head)
    assert '<meta name="twitter:card" content="summary">' in head


def test_the_sitemap_lists_every_page_at_the_configured_address(built):
    site, _ = built
    locations = set(re.findall(r"<loc>([^<]+)</loc>", read(site, "sitemap.xml")))
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    assert locations == {f"https://example.org/kb/{page}" for page in pages}
    assert "https://example.org/kb/practices/alpha-audits.html" in locations


def test_the_404_page_links_its_assets_from_the_site_root(built):
    """On a server the page's <base> is the site's root (from the folder, a script removes it: the browser tests
    open both), and every link is relative to it."""
    site, _ = built
    page = read(site, "404.html")
    base = page.index('<base href="/kb/">')
    sheet = re.search(r'<link rel="stylesheet" href="assets/stylesheets/main\.[0-9a-f]+\.min\.css">', page)
    assert sheet and base < sheet.start() and base < page.index("<link")
    assert 'href="/kb/' not in page.replace('<base href="/kb/">', "")


def test_the_summary_leaves_empty_cells_empty_and_says_what_it_counts(built):
    site, catalog = built
    page = read(site, "transferability/index.html")
    summary = tables(page, "gp-summary-table")[0]
    body = summary[1:-1]
    assert all(cell == "" for row in body for cell in row[1:-1] if cell != "1")
    inma = summary[0].index(next(h for h in summary[0] if h.startswith("P4 ")))
    sme = next(r for r in body if r[0] == catalog.theme["sme-innovation"].title)
    assert sme[inma] == "1"  # implemented counts; assessed (VLAIO) and interested (ecoplus) do not
    vlaio = summary[0].index(next(h for h in summary[0] if h.startswith("P9 ")))
    assert sme[vlaio] == ""
    assert "put into its action plan or implemented" in page


def test_the_partner_directory_counts_what_the_summary_counts(built):
    site, catalog = built
    summary = tables(read(site, "transferability/index.html"), "gp-summary-table")[0]
    totals = dict(zip(summary[0], summary[-1]))
    directory = tables(read(site, "partners/index.html"))[0]
    assert directory[0][-1] == "Practices taken up"
    for row in directory[1:]:
        header = next(h for h in summary[0] if h.startswith(row[0] + " "))
        assert (totals[header] or "0") == row[-1]
    assert "put into an action plan or implemented" in read(site, "partners/index.html")


def test_a_practice_without_transfers_says_so(built):
    site, _ = built
    page = read(site, "practices/gamma-printing.html")
    section = page.split('id="transferability"')[1]
    assert "no transfers recorded yet" in section
    assert '<a href="#transferability" class="md-nav__link">' in page


def test_the_list_of_transfers_reads_as_sentences_and_holds_the_notes(built):
    site, _ = built
    page = read(site, "transferability/index.html")
    items = [re.sub(r"<[^>]+>", "", item) for item in re.findall(r'<li id="gp-transfer-[^"]+">(.*?)</li>', page)]
    assert "Alpha innovation audits, NOI Techpark (IT) → VLAIO (BE): assessed — Compared with the Flemish scheme. [1]" \
        in items
    assert "Beta competence matching, INMA (RO) → NOI Techpark (IT): in action plan" in items
    assert len(items) == 4
    # The matrix cell points to its note; the note is in the page, not only in a tooltip.
    assert '<a class="gp-note-mark" href="#gp-transfer-alpha-audits--vlaio"' in page


@pytest.mark.parametrize(("url", "tab"), [("practices/alpha-audits.html", "Themes"), ("partners/inma.html", "Partners"),
                                          ("themes/sme-innovation.html", "Themes"), ("partners/index.html", "Partners")])
def test_practice_and_partner_pages_show_their_tab_as_active(built, url, tab):
    site, _ = built
    page = read(site, url)
    active = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a [^>]*>\s*([^<]+?)\s*</a>', page)
    assert active == [tab]


def test_a_partner_page_has_a_breadcrumb_and_no_empty_navigation(built):
    site, _ = built
    page = read(site, "partners/inma.html")
    assert ('<nav class="gp-breadcrumbs" aria-label="Breadcrumbs"><a href="index.html">Partners</a> &rsaquo; '
            '<span aria-current="page">INMA</span></nav>') in page
    for url in ("partners/inma.html", "partners/index.html", "transferability/index.html", "index.html"):
        assert re.search(r'data-md-type="navigation"\s+hidden', read(site, url)), url
    assert not re.search(r'data-md-type="navigation"\s+hidden', read(site, "practices/alpha-audits.html"))


def test_keywords_sit_below_the_title_in_the_authors_case(built):
    site, _ = built
    page = read(site, "practices/alpha-audits.html")
    content = page[page.index('<article'):]
    assert content.index("<h1>Alpha innovation audits</h1>") < content.index('<nav class="md-tags"')
    assert re.search(r'<a class="md-tag" href="[^"]*keyword=SMEs">SMEs</a><a class="md-tag" href="[^"]*keyword=RDI'
                     r'%20strategy">RDI strategy</a>', content)


def test_home_figures_link_to_what_they_count_and_recent_updates_show_when_dates_differ(built):
    site, _ = built
    page = read(site, "index.html")
    for href, what in (("transferability/index.html#all-practices", "practices"), ("partners/index.html", "partners"),
                       ("themes/index.html", "themes"), ("transferability/index.html#list-of-transfers",
                                                         "recorded transfers")):
        assert re.search(rf'<a class="card" href="{re.escape(href)}"><strong>\d+</strong> {what}</a>', page)
        assert (site / href.split("#")[0]).is_file()
    assert 'id="list-of-transfers"' in read(site, "transferability/index.html")
    assert "Recently updated" in page


def test_recent_updates_hide_when_every_practice_has_the_same_date(project):
    for name, text in CORPUS.items():
        project.add(f"{name}.md", re.sub(r"updated: \S+", "updated: 2026-05-06", text))
    (project.docs / "index.md").write_text((Path(__file__).parent.parent / "docs" / "index.md").read_text())
    done = project.build()
    assert done.returncode == 0, done.stderr
    page = (project.root / "site" / "index.html").read_text()
    assert "Recently updated" not in page and "Content as of 6 May 2026" in page


def test_licence_defaults_to_cc_by_and_can_be_named(project):
    project.add("alpha-audits.md", CORPUS["alpha-audits"])
    configured(project, "  licence:\n    name: CC BY 4.0\n    url: https://creativecommons.org/licenses/by/4.0/\n", "")
    assert project.build().returncode == 0
    assert "CC BY 4.0</a>" in footer((project.root / "site" / "index.html").read_text())
    configured(project, "extra:\n", "extra:\n  licence: Open Government Licence\n")
    assert project.build().returncode == 0
    site = project.root / "site"
    assert "Content and data:\n        Open Government Licence" in footer((site / "index.html").read_text())
    assert '"licence": {"name": "Open Government Licence", "url": null}' in (site / "practices.json").read_text()
    assert "published under Open Government Licence." in (site / "transferability/index.html").read_text()


@pytest.mark.parametrize(("extra", "message"), [
    ("  licence: [CC BY]\n", "mkdocs.yml: extra.licence: expected a name, or {name, url}"),
    ("  funder: {logo: 'https://cdn.example.org/logo.png', logo_alt: Logo}\n",
     "mkdocs.yml: extra.funder.logo: 'https://cdn.example.org/logo.png' is not a file of the site"),
    ("  funder: {logo: assets/logo.svg}\n", "mkdocs.yml: extra.funder.logo_alt: missing"),
])
def test_a_wrong_licence_or_funder_setting_stops_the_build_with_a_clear_message(project, extra, message):
    project.add("alpha-audits.md", CORPUS["alpha-audits"])
    text = (project.root / "mkdocs.yml").read_text()
    text = re.sub(r"\n  licence:\n(    .*\n)+", "\n", text)
    text = re.sub(r"\n  funder:\n(    .*\n)+", "\n", text)
    (project.root / "mkdocs.yml").write_text(text.replace("extra:\n", "extra:\n" + extra))
    done = project.build()
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr
