"""The generated theme, partner and transferability pages agree with the practices, on a corpus made here."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import Project, build_corpus, practice
from goodpractices.render.site import late_html
from goodpractices import catalog as pipeline
from goodpractices.reader import STAGE_LABELS
from goodpractices.render.partners import partner_page, partners_index
from goodpractices.render.practice import practice_page
from goodpractices.render.themes import theme_page
from goodpractices.search_index import KEYWORD, entries
from goodpractices.search_index import read as read_index
from htmltables import tables
from pages import assembled, load_practices

CORPUS = {
    "alpha-audits": practice("keywords: [audits, design]\ntransferability:\n  inma: implemented\n"
                             "  vlaio: {stage: assessed, note: Compared with the Flemish scheme.}\n",
                             title="Alpha innovation audits", theme="sme-innovation", partner="noi-techpark"),
    "beta-matching": practice("transferability:\n  noi-techpark: in-action-plan\n  ecoplus: interested\n",
                              title="Beta competence matching", theme="sme-innovation", partner="inma"),
    "gamma-monitoring": practice("country: NO\ninspired_by: [alpha-audits]\ntransferability:\n  inma: in-action-plan\n",
                                 title="Gamma cluster monitoring", theme="monitoring-evaluation", partner="region-skane"),
    "delta-test-users": practice("transferability:\n  southern-denmark: implemented\n",
                                 title="Delta public test users", theme="public-private-innovation", partner="ecoplus"),
    "epsilon-printing": practice(title="Epsilon metal printing network", theme="3d-printing", partner="rda-ostrava"),
    "zeta-hubs": practice(title="Zeta digital innovation hubs", theme="digitalisation", partner="noi-techpark"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.Catalog]:
    return build_corpus(Project(tmp_path_factory.mktemp("corpus") / "project"), CORPUS)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> pipeline.Catalog:
    """The corpus's catalogue, for the tests of what a page builder writes (no MkDocs)."""
    return load_practices(tmp_path_factory.mktemp("catalog") / "practices", CORPUS)


def read(site: Path, url: str) -> str:
    return (site / url).read_text()


def test_every_practice_is_on_exactly_one_theme_page_and_its_partner_page(built):
    site, catalog = built
    for p in catalog.practices:
        link = f'href="../{p.url}"'
        holders = [t.key for t in catalog.themes if link in read(site, f"themes/{t.key}.html")]
        assert holders == [p.theme]
        page = read(site, f"partners/{p.partner}.html")
        presented = page.split('id="practices-presented"')[1].split('id="practices-taken-up-from-others"')[0]
        assert link in presented


def test_theme_index_counts_and_cards(built):
    site, catalog = built
    page = read(site, "themes/index.html")
    for theme in catalog.themes:
        n = len(catalog.by_theme[theme.key])
        assert f'href="../themes/{theme.key}.html"><strong>{theme.title}</strong>' in page.replace("&amp;", "&")
        assert f"{n} practice{'' if n == 1 else 's'} ·" in page


def test_each_transfer_shows_the_same_stage_in_matrix_partner_page_and_practice_page(built):
    site, catalog = built
    (summary, full) = tables(read(site, "transferability/index.html"), "gp-matrix")
    header = full[0]
    rows = {row[0]: row for row in full[1:]}
    for p in catalog.practices:
        row = rows[p.title]
        origin = header.index(next(h for h in header if h.endswith(catalog.partner[p.partner].short_name)))
        assert row[origin] == "★ Origin"
        assert row[-1] == str(len(p.transfers))
    assert len(catalog.transfers) == 6
    for t in catalog.transfers:
        practice, partner, label = catalog.practice[t.practice], catalog.partner[t.partner], STAGE_LABELS[t.stage]
        column = header.index(next(h for h in header if h.startswith(partner.code + " ")))
        assert rows[practice.title][column].split(" note ")[0].endswith(label)  # a symbol, its word, a note's mark
        taken = {r[0]: r for r in tables(read(site, f"partners/{partner.key}.html"))[-1][1:]}
        assert taken[practice.title][2].endswith(label)
        row = taken[practice.title]  # the Note column is left out where no transfer to the partner has a note
        assert (row[3] if len(row) > 3 else "") == (t.note or "")
        on_page = {r[0]: r for r in tables(read(site, practice.url))[-1][1:]}
        assert on_page[f"{partner.short_name} ({partner.code})"][1].endswith(label)


def test_matrix_totals_add_up(built):
    site, catalog = built
    summary, full = tables(read(site, "transferability/index.html"), "gp-matrix")
    body = [r for r in full[1:-1] if len(r) > 1]
    footer = full[-1]
    assert footer[0] == "Total"
    for column in range(1, len(footer) - 1):
        assert int(footer[column]) == sum(cell.startswith(("○", "◔", "◑", "●")) for cell in (r[column] for r in body))
    assert int(footer[-1]) == sum(int(r[-1]) for r in body) == len(catalog.transfers)
    # The summary counts only in-action-plan and implemented, per theme and partner.
    taken_up = [t for t in catalog.transfers if t.stage in ("in-action-plan", "implemented")]
    assert summary[-1][0] == "Total" and int(summary[-1][-1]) == len(taken_up)
    inma = summary[0].index(next(h for h in summary[0] if h.startswith("P4 ")))
    sme = next(r for r in summary if r[0] == catalog.theme["sme-innovation"].title)
    monitoring = next(r for r in summary if r[0] == catalog.theme["monitoring-evaluation"].title)
    assert (sme[inma], monitoring[inma]) == ("1", "1")


def test_partner_directory(catalog):
    rows = {r[0]: r for r in tables(assembled(partners_index(catalog, late_html(catalog))))[0][1:]}
    assert len(rows) == 11
    noi = rows["P2"]
    assert noi[2:] == ["Italy", "South Tyrol", "2", "1"]


def test_downloads_match_the_model(built):
    site, catalog = built
    rows = list(csv.reader(io.StringIO(read(site, "transferability.csv").removeprefix("\ufeff"))))
    assert rows[0][0] == "practice_id" and rows[0][-2:] == ["stage", "note"]
    assert [(r[0], r[-2], r[-1]) for r in rows[1:]] == [(t.practice, t.stage, t.note or "") for t in catalog.transfers]
    records = json.loads(read(site, "practices.json"))["practices"]
    assert [r["id"] for r in records] == sorted(CORPUS)
    by_id = {r["id"]: r for r in records}
    assert by_id["gamma-monitoring"]["country"] == "NO"
    assert by_id["alpha-audits"]["country"] == "IT"  # the partner's, filled in
    assert by_id["alpha-audits"]["url"] == "practices/alpha-audits.html"
    assert by_id["alpha-audits"]["transferability"]["vlaio"] == {"stage": "assessed",
                                                               "note": "Compared with the Flemish scheme."}
    page = read(site, "transferability/index.html")
    for name in ("transferability.csv", "practices.csv", "practices.json"):
        assert f'href="../{name}"' in page


def test_navigation_is_tabs_from_the_model_without_practices(built):
    site, catalog = built
    page = read(site, "about.html")
    tabs = re.findall(r'class="md-tabs__link">\s*([^<]+?)\s*</a>', page)
    assert tabs == ["Home", "Explore", "Figures", "Themes", "Partners", "Transferability", "Downloads", "About"]
    navigation = page.split('class="md-content"')[0]
    assert "practices/" not in navigation[navigation.index('<nav class="md-tabs"'):]
    assert "security.html" not in navigation and "performance.html" not in navigation  # the maintainers' pages


def test_search_finds_practices_by_partner_country_keyword_and_summary(built):
    site, catalog = built
    docs = entries(site / "search")
    text = {d["location"]: d["title"] + " " + d["text"]  # the title is indexed, and shown once: not in the text
            for d in docs if d["location"].startswith("practices/") and "#" not in d["location"]}
    alpha = text["practices/alpha-audits.html"]
    for word in ("NOI Techpark", "Italy", "audits", "fifty-character"):
        assert word in alpha
    assert "Norway" in text["practices/gamma-monitoring.html"]


def test_practice_search_entries_hold_what_readers_search_for_not_the_page_furniture(built):
    site, _ = built
    docs = [d for d in entries(site / "search") if d["location"].startswith("practices/alpha-audits.html")]
    assert [d["title"] for d in docs] == ["Alpha innovation audits", "Description", "Resources needed",
                                          "Evidence of success", "Difficulties encountered",
                                          "Potential for learning or transfer"]
    index = read_index(site / "search")
    page = next(i for i, p in enumerate(index["index"]["pages"]) if p[0] == "practices/alpha-audits.html")
    keywords = {term for key, shard in index.items() if key.startswith("t/") for term, coded in shard.items()
                if any(sum(coded[:i + 1:2]) == page and coded[i + 1] & KEYWORD for i in range(0, len(coded), 2))}
    assert {"audits", "design"} <= keywords
    text = " ".join(d["text"] for d in docs)
    for furniture in ("At a glance", "Compared with the Flemish scheme", "Breadcrumbs", "Themes ›"):
        assert furniture not in text
    page = read(site, "practices/alpha-audits.html")
    assert "At a glance" in page and "Compared with the Flemish scheme." in page
    assert ('<nav class="md-tags" aria-label="Keywords"><a class="md-tag" href="../explore/index.html?keyword=audits">'
            'audits</a><a class="md-tag" href="../explore/index.html?keyword=design">design</a></nav>'
            ) in page  # Material's tags, not searched as text, each leading to the explore page


def test_the_sections_made_from_the_front_matter_are_in_the_table_of_contents(built):
    site, _ = built
    page = read(site, "practices/gamma-monitoring.html")
    toc = page[page.index('data-md-type="toc"'):page.index('<div class="md-content"')]
    anchors = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', toc)
    assert anchors == ["user-content-description", "user-content-resources-needed",
                       "user-content-evidence-of-success", "user-content-difficulties-encountered",
                       "user-content-potential-for-learning-or-transfer", "connections", "transferability",
                       "related"]
    for anchor in anchors:
        assert page.count(f'id="{anchor}"') == 1
    assert '<h2 id="transferability">Transferability<a class="headerlink" href="#transferability"' in page


def test_pages_outside_the_navigation_share_a_navigation_that_links_from_their_folder(built):
    site, _ = built

    def navigation(url: str) -> str:
        page = read(site, url)
        return page[page.index('<nav class="md-tabs"'):page.index('data-md-type="toc"')]

    alpha, zeta = navigation("practices/alpha-audits.html"), navigation("practices/zeta-hubs.html")
    assert alpha == zeta
    for url, shared, tab in (("practices/alpha-audits.html", alpha, "Themes"),
                             ("partners/inma.html", navigation("partners/inma.html"), "Partners")):
        # No page of the navigation is current; the tab the page belongs to is.
        assert "md-nav__link--active" not in shared
        assert re.findall(r'md-tabs__item--active">\s*<a [^>]+>\s*(\w+)', shared) == [tab]
        links = set(re.findall(r'href="([^"#]+)"', shared))
        assert "../themes/index.html" in links
        assert all((site / url).parent.joinpath(link).resolve().is_file() for link in links), links
    theme = navigation("themes/sme-innovation.html")
    assert "md-tabs__item--active" in theme and "md-nav__link--active" in theme


def test_the_search_index_is_also_a_script_for_a_site_opened_from_a_folder(built):
    site, _ = built
    index = (site / "search" / "search_index.json").read_bytes()  # Material's, left empty: the index is ours
    assert (site / "search" / "search_index.js").read_bytes() == b"var __index = " + index
    assert json.loads(index)["docs"] == [] and (site / "search" / "index.js").read_bytes().startswith(b'__gps("')


def test_a_column_empty_for_every_row_of_a_practice_table_is_not_shown(tmp_path: Path):
    files = {"a": practice("status: ongoing\n", title="Audits with a status", theme="sme-innovation"),
             "b": practice(title="Audits without one", theme="sme-innovation"),
             "c": practice("start: 2019-03\n", title="Hubs with a period", theme="digitalisation"),
             "d": practice(title="Monitoring with neither", theme="monitoring-evaluation")}
    catalog = load_practices(tmp_path / "practices", files)
    expected = {"sme-innovation": ["Practice", "Presented by", "Country", "Status"],
                "digitalisation": ["Practice", "Presented by", "Country", "Period"],
                "monitoring-evaluation": ["Practice", "Presented by", "Country"]}
    for key, columns in expected.items():
        html = b"".join(theme_page(catalog, catalog.theme[key]).slots).decode()
        table = tables(html)[0]
        assert table[0] == columns
        assert all(len(row) == len(columns) for row in table[1:]) and len(table) == 1 + len(catalog.by_theme[key])
    sme = tables(b"".join(theme_page(catalog, catalog.theme["sme-innovation"]).slots).decode())[0]
    assert sorted(row[-1] for row in sme[1:]) == ["Ongoing", "—"]


def test_theme_and_partner_pages_link_to_explore_filtered_to_them(catalog):
    for theme in catalog.themes:
        html = assembled(theme_page(catalog, theme))
        link = f'<a href="../explore/index.html?theme={theme.key}">Explore this theme\'s practices</a>'
        assert (link in html) == bool(catalog.by_theme[theme.key]), theme.key
    for partner in catalog.partners:
        html = assembled(partner_page(catalog, partner, late_html(catalog)))
        presents = f'<a href="../explore/index.html?partner={partner.key}">the practices '
        took = f'<a href="../explore/index.html?by={partner.key}">those it took up</a>'
        assert (presents in html) == bool(catalog.by_partner[partner.key]), partner.key
        assert (took in html) == bool(catalog.transfers_to[partner.key]), partner.key


def test_a_practice_page_says_what_the_partner_number_is(catalog):
    for p in catalog.practices:
        partner = catalog.partner[p.partner]
        html = assembled(practice_page(catalog, p))
        assert f"{partner.short_name}</a>, project partner {partner.code} &middot;" in html
        assert f"<dd>{partner.name} (project partner {partner.code})</dd>".replace("&", "&amp;") in html
