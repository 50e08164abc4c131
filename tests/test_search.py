"""Search through Material's own search box in Chromium, on the real site opened from a folder: partner, theme and
transferability pages are found (below practices where the same words match), accents fold both ways, and the
maintainers' pages stay out."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT
from test_browser import (  # noqa: F401 - the real site in Chromium, and its fixtures
    browser,
    page,
    pytestmark,  # noqa: F401 - browser tests, skipped without Debian's chromium
    site,
)

PARTNERS = yaml.safe_load((ROOT / "practices" / "partners.yml").read_text(encoding="utf-8"))


def results(page, query: str) -> list[str]:  # noqa: ANN001
    """Put the query into Material's search box and return the result pages' paths under the site, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)  # at once, then one key: Material searches on keyup, so no shorter query answers first
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    page.wait_for_timeout(300)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    return [href.split("/site/", 1)[1].split("?")[0] for href in hrefs]


@pytest.mark.parametrize("key", sorted(PARTNERS))
def test_a_partners_short_name_offers_its_page_first(page, site, key):
    page.goto((site / "index.html").as_uri())
    assert results(page, PARTNERS[key]["short_name"])[0] == f"partners/{key}.html"


@pytest.mark.parametrize(("query", "first"), [
    ("Skane", "partners/region-skane.html"), ("skåne", "partners/region-skane.html"),
    ("Rhone", "partners/auvergne-rhone-alpes.html"), ("rhône", "partners/auvergne-rhone-alpes.html"),
    ("Sudtirol", "partners/noi-techpark.html"), ("transferability", "transferability/index.html"),
])
def test_accents_fold_and_the_page_that_answers_comes_first(page, site, query, first):
    page.goto((site / "practices/sme-innovation-audits.html").as_uri())
    found = results(page, query)
    assert found[0] == first
    if query.lower() in ("skane", "skåne"):
        assert "partners/lund-university.html" in found  # Skåne is its region
    outside = [u for u in page.requests if not u.startswith(("file:", "data:", "blob:"))]
    assert outside == []


def test_practices_rank_above_the_theme_page_with_the_same_words(page, site):
    page.goto((site / "index.html").as_uri())
    found = results(page, "digitalisation")
    assert found.index("practices/digitalisation-policy-toolkit.html") < found.index("themes/digitalisation.html")


def test_listing_pages_are_indexed_and_the_maintainers_pages_are_not(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert {"transferability/index.html", "themes/3d-printing.html", "partners/inma.html"} <= pages
    assert not pages & {"security.html", "performance.html"}
    boosts = {d["location"]: d.get("boost") for d in docs if "#" not in d["location"]}
    assert boosts["practices/sme-innovation-audits.html"] == 2 and boosts["partners/inma.html"] is None
    skane = next(d for d in docs if d["location"] == "partners/region-skane.html")
    assert skane["title"] == "Region Skåne" and skane["title_folded"] == "skane"  # shown as written, found folded
