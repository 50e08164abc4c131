"""The library in figures: every chart, table and CSV holds the catalogue's counts, the explore page's counts."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
from conftest import Project, build_corpus, practice
from goodpractices import catalog as pipeline
from goodpractices.completeness import gaps_of
from goodpractices.countries import COUNTRIES
from goodpractices.reader import STAGE_LABELS
from htmltables import tables

FULL = practice("start: 2017-05\nstatus: ongoing\nbudget_eur: 1000\ncontact: {name: Jane Doe}\n",
                title="A complete practice of ecoplus", partner="ecoplus")
CORPUS = {
    "alpha": practice("start: 2016\ntransferability:\n  inma: implemented\n  vlaio: assessed\n",
                      title="Alpha audits", theme="sme-innovation", partner="noi-techpark"),
    "beta": practice("start: 2018-03\ntransferability:\n  noi-techpark: in-action-plan\n  ecoplus: interested\n",
                     title="Beta matching", theme="sme-innovation", partner="inma"),
    "gamma": practice("country: NO\nstart: 2018\ntransferability:\n  inma: implemented\n",
                      title="Gamma monitoring", theme="monitoring-evaluation", partner="region-skane"),
    "delta": practice("transferability:\n  southern-denmark: implemented\n  north-east-rda: assessed\n",
                      title="Delta test users", theme="public-private-innovation", partner="ecoplus"),
    "epsilon": practice(title="Epsilon & printing", theme="3d-printing", partner="rda-ostrava"),
    "full": FULL,
}
KEYS = ("practices-per-theme", "practices-per-country", "practices-per-partner", "practices-per-year",
        "transfers-per-stage", "transfers-per-country-pair", "completeness-per-partner")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.Catalog]:
    return build_corpus(Project(tmp_path_factory.mktemp("figures") / "project"), CORPUS)


def figure_html(site: Path, key: str) -> str:
    html = (site / "figures" / "index.html").read_text(encoding="utf-8")
    return html.split(f'<div class="gp-figure-block" id="fig-{key}">')[1].split('class="gp-figure-block"')[0]


def table_of(site: Path, key: str) -> dict[str, int]:
    rows = tables(figure_html(site, key), "gp-figure-table")[0]
    return {row[0]: int(row[1]) for row in rows[1:]}


def csv_of(site: Path, key: str) -> list[list[str]]:
    data = (site / "figures" / f"{key}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def bars_of(site: Path, key: str) -> list[int]:
    return [int(v) for v in re.findall(r'class="gp-chart__bar" data-value="(\d+)"', figure_html(site, key))]


def explore_counts(site: Path, facet: str) -> dict[str, int]:
    html = (site / "explore" / "index.html").read_text(encoding="utf-8")
    found = re.findall(rf'name="{facet}" value="[^"]*"[^>]*><span class="gp-facet__name[^"]*">([^<]*)</span> '
                       r'<span class="gp-facet__count">(\d+)</span>', html)
    return {unescape(name): int(n) for name, n in found}


def test_every_figure_has_its_chart_table_and_csv_with_the_same_numbers(built):
    site, _ = built
    for key in KEYS:
        table = table_of(site, key)
        rows = csv_of(site, key)
        assert {row[0]: int(row[1]) for row in rows[1:]} == table, key
        assert bars_of(site, key) == list(table.values()), key
        assert f'href="{key}.csv"' in figure_html(site, key)


def matched(counts: dict[str, int]) -> dict[str, int]:
    """The counts the Explore page offers: a facet value that matches no practice is not shown there."""
    return {name: n for name, n in counts.items() if n}


def test_practice_counts_equal_the_explore_page_and_the_catalogue(built):
    site, catalog = built
    themes = table_of(site, "practices-per-theme")
    assert themes == {t.title: len(catalog.by_theme[t.key]) for t in catalog.themes}
    assert 0 in themes.values()  # a theme with no practice yet is a figure too, though Explore offers no such filter
    assert matched(themes) == explore_counts(site, "theme")
    countries = table_of(site, "practices-per-country")
    assert countries == explore_counts(site, "country") == {COUNTRIES[c]: n for c, n in
                                                            Counter(p.country for p in catalog.practices).items()}
    assert countries["Norway"] == 1
    partners = {name.rsplit(" (", 1)[0]: n for name, n in table_of(site, "practices-per-partner").items()}
    assert partners == {p.short_name: len(catalog.by_partner[p.key]) for p in catalog.partners}
    assert matched(partners) == explore_counts(site, "partner")
    assert sum(themes.values()) == sum(countries.values()) == sum(partners.values()) == len(catalog.practices)


def test_years_stages_pairs_and_completeness_equal_the_catalogue(built):
    site, catalog = built
    assert table_of(site, "practices-per-year") == {"2016": 1, "2017": 1, "2018": 2, "No start date": 2}
    assert table_of(site, "transfers-per-stage") == {STAGE_LABELS[s]: n for s, n in
                                                     {"interested": 1, "assessed": 2, "in-action-plan": 1,
                                                      "implemented": 3}.items()}
    assert sum(table_of(site, "transfers-per-stage").values()) == len(catalog.transfers)
    assert table_of(site, "transfers-per-country-pair") == {
        "Italy → Romania": 1, "Italy → Belgium": 1, "Romania → Italy": 1, "Romania → Austria": 1,
        "Sweden → Romania": 1, "Austria → Denmark": 1, "Austria → Romania": 1}
    complete = {p.key: sum(1 for x in catalog.by_partner[p.key] if not gaps_of(x)) for p in catalog.partners}
    assert complete["ecoplus"] == 1
    rows = csv_of(site, "completeness-per-partner")
    assert rows[0] == ["Partner", "Complete practices", "Practices", "Percent"]
    for partner, row in zip(catalog.partners, rows[1:]):
        total = len(catalog.by_partner[partner.key])
        assert row == [f"{partner.short_name} ({partner.code})", str(complete[partner.key]), str(total),
                       str(round(100 * complete[partner.key] / total) if total else 0)]
    assert "50% (1 of 2)" in figure_html(site, "completeness-per-partner")


def test_charts_are_named_described_pictures_with_linked_tables(built):
    site, catalog = built
    html = (site / "figures" / "index.html").read_text(encoding="utf-8")
    for key in KEYS:
        block = figure_html(site, key)
        assert re.search(rf'<svg [^>]*role="img" aria-labelledby="gp-fig-{key}-t gp-fig-{key}-d">', block)
        assert re.search(rf'<desc id="gp-fig-{key}-d">Bar chart of [^<]+\. The table after the chart gives every '
                         r"number\.</desc>", block)
        assert "<caption>" in block
    for partner in catalog.partners:
        assert f'<a href="../partners/{partner.key}.html">' in figure_html(site, "practices-per-partner")
    assert "<script" not in html.split('<article')[1].split("</article>")[0]
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="figures/index.html"' in nav


def test_at_the_held_out_scale_the_pairs_chart_draws_the_20_largest_and_the_table_all():
    from goodpractices.figures import figures
    from goodpractices.draw.chart import chart
    from goodpractices.render.figures import table
    from mapscale import scale_catalog

    catalog = scale_catalog(40, 300)
    pairs = next(f for f in figures(catalog) if f.key == "transfers-per-country-pair")
    assert len(pairs.rows) > 20 and sum(r.value for r in pairs.rows) == 300
    assert [r.value for r in pairs.rows] == sorted((r.value for r in pairs.rows), reverse=True)
    drawn = chart(pairs)
    assert [int(v) for v in re.findall(r'class="gp-chart__bar" data-value="(\d+)"', drawn)] == [
        r.value for r in pairs.rows[:20]]
    assert f"the 20 largest of {len(pairs.rows)} as bars" in drawn
    assert len(tables(table(pairs, "../"), "gp-figure-table")[0]) == len(pairs.rows) + 1
    partners = next(f for f in figures(catalog) if f.key == "practices-per-partner")
    assert len(re.findall(r'class="gp-chart__bar"', chart(partners))) == 40  # not ranked: every bar
