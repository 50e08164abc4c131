"""The explore page in a real Chromium, opened from a folder: facets, counts, URL, text filter, keyboard, CSV.

The corpus is made here (make_corpus, plus practices with accents the generator does not write), and every
expectation is computed from the catalogue by a plain reference implementation of the issue's rules."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import make_corpus  # a script, on pytest's path
import pytest
from axe import violations
from conftest import Project, practice
from goodpractices import catalog as pipeline
from goodpractices.countries import COUNTRIES
from goodpractices.model import Catalog, Practice
from goodpractices.schema import STAGES, STATUSES
from test_browser import ARGS, ARTIFACTS, CHROMIUM, browser  # noqa: F401 - a shared fixture
from test_search import Reader

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]

EXTRA = {
    "oresund-bridge.md": practice("keywords: [Øresund, logistics]\nstart: 2012\nstatus: completed\n"
                                  "transferability:\n  inma: implemented\n  vlaio: interested\n",
                                  title="Cross-border logistics on the Øresund",
                                  partner="region-skane",
                                  summary="Companies on both sides of the strait share test sites near Malmö "
                                          "and Helsingør, with Lund University."),
    "rhone-valley.md": practice("keywords: [Rhône valley]\nstart: 2019\nstatus: planned\ncountry: NO\n",
                                title="Hydrogen corridor pilots", partner="auvergne-rhone-alpes",
                                summary="A pilot for hydrogen trucks along the RHÔNE, planned with Norwegian "
                                        "partners who run a similar corridor to a depot in Malmo."),
    "payload.md": practice("keywords: ['<b onmouseover=window.__xss=3>bold</b>']\n",
                           title="'Zanzibar <img src=x onerror=window.__xss=1><script>window.__xss=2</script>'",
                           summary="'Zanzibar <img src=x onerror=window.__xss=1> summary, long enough to pass.'"),
}


def fold(text: str) -> str:
    """The reference folding: lower case, no marks, ø as o."""
    text = text.lower().replace("ø", "o")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class Selection:
    """A state of the explore page, as the issue defines it."""

    sets: dict[str, set[str]] = field(default_factory=dict)  # theme, partner, country, status, keyword
    text: str = ""
    start: int | None = None
    end: int | None = None
    by: str | None = None
    stage: str | None = None

    def facet_values(self, p: Practice) -> dict[str, set[str]]:
        return {"theme": {p.theme}, "partner": {p.partner}, "country": {p.country}, "status": {p.status or ""},
                "keyword": set(p.keywords)}

    def keeps(self, p: Practice, skip: str = "") -> bool:
        """Whether the practice matches every filter but `skip`."""
        values = self.facet_values(p)
        if any(name != skip and chosen and not values[name] & chosen for name, chosen in self.sets.items()):
            return False
        words = fold(self.text).split()
        haystack = fold(" ".join([p.title, p.summary, *p.keywords]))
        if not all(w in haystack for w in words):
            return False
        if skip != "year" and (self.start or self.end):
            year = p.start.year if p.start else None
            if year is None or (self.start and year < self.start) or (self.end and year > self.end):
                return False
        if skip != "uptake" and (self.by or self.stage):
            least = STAGES.index(self.stage) if self.stage else 0
            if not any(t.rank >= least and (self.by is None or t.partner == self.by) for t in p.transfers):
                return False
        return True

    def results(self, catalog: Catalog) -> list[Practice]:
        return [p for p in catalog.practices if self.keeps(p)]

    def counts(self, catalog: Catalog) -> dict[tuple[str, str], int]:
        """Every facet value's count: the practices matching all other facets that have this value."""
        counts: dict[tuple[str, str], int] = {}
        values = {"theme": [t.key for t in catalog.themes], "partner": [p.key for p in catalog.partners],
                  "country": sorted({p.country for p in catalog.practices}), "status": list(STATUSES),
                  "keyword": sorted({k for p in catalog.practices for k in p.keywords})}
        for name, keys in values.items():
            kept = [p for p in catalog.practices if self.keeps(p, skip=name)]
            for key in keys:
                counts[name, key] = sum(1 for p in kept if key in self.facet_values(p)[name])
        kept = [p for p in catalog.practices if self.keeps(p, skip="uptake")]
        least = STAGES.index(self.stage) if self.stage else 0
        for partner in catalog.partners:
            counts["by", partner.key] = sum(1 for p in kept if any(
                t.partner == partner.key and t.rank >= least for t in p.transfers))
        counts["by", ""] = sum(1 for p in kept if not self.stage or any(t.rank >= least for t in p.transfers))
        for i, stage in enumerate(STAGES):
            counts["stage", stage] = sum(1 for p in kept if any(
                t.rank >= i and (self.by is None or t.partner == self.by) for t in p.transfers))
        counts["stage", ""] = sum(1 for p in kept if not self.by or any(t.partner == self.by for t in p.transfers))
        return counts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    project = Project(tmp_path_factory.mktemp("explore") / "project")
    make_corpus.write_corpus(60, project.practices, seed=7)
    with (project.root / "mkdocs.yml").open("a") as config:  # published: the CSV's addresses are absolute
        config.write("\nsite_url: https://example.org/kb/\n")
    for name, text in EXTRA.items():
        project.add(name, text)
    done = project.build()
    assert done.returncode == 0, done.stderr
    result = pipeline.build(project.practices)
    assert result.catalog is not None
    return project.root / "site", result.catalog


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201 - Playwright objects
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    outside: list[str] = []

    def refuse(route):  # noqa: ANN001
        outside.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:|data:|blob:)"), refuse)  # every request that would leave the folder
    page = context.new_page()
    page.requests = []
    page.outside = outside
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.errors == []
    assert page.outside == [] and [u for u in page.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    context.close()


def open_explore(page, site: Path, query: str = "") -> None:  # noqa: ANN001
    page.goto((site / "explore/index.html").as_uri() + query)
    page.locator(".gp-explore--ready").wait_for()


def shown(page) -> list[str]:  # noqa: ANN001
    """The titles of the cards on the page, in order."""
    return page.locator("#gp-explore-cards > li h3").all_inner_texts()


def ui_counts(page) -> dict[tuple[str, str], int]:  # noqa: ANN001
    pairs = page.eval_on_selector_all(
        "#gp-explore-filters input[type=checkbox], #gp-explore-filters input[type=radio]",
        "els => els.map(i => [i.name, i.value, i.closest('label').querySelector('.gp-facet__count').textContent,"
        " i.disabled, i.checked])")
    for name, value, count, disabled, checked in pairs:
        assert disabled == (count == "0" and not checked), (name, value, count, disabled)
    return {(name, value): int(count) for name, value, count, _, _ in pairs}


def check(page, catalog: Catalog, sel: Selection, order: bool = False) -> None:  # noqa: ANN001
    """The cards, the status line and every count are what the catalogue says for this selection."""
    expected = sel.results(catalog)
    titles = shown(page)
    if order:  # the default order: by title, ignoring case and accents
        assert titles == [p.title for p in sorted(expected, key=lambda p: (fold(p.title), p.title))]
    else:
        assert sorted(titles) == sorted(p.title for p in expected)
    n = len(expected)
    assert page.get_by_role("status").inner_text() == (f"{n} practice" if n == 1 else f"{n} practices")
    # Only values that match some practice of the whole library are offered.
    offered = {key for key, n in Selection().counts(catalog).items() if n or key[1] == ""}
    assert ui_counts(page) == {key: n for key, n in sel.counts(catalog).items() if key in offered}


def test_every_practice_and_every_count_at_first(page, corpus):
    site, catalog = corpus
    open_explore(page, site)
    check(page, catalog, Selection())
    assert len(shown(page)) == len(catalog.practices) == 63
    by_title = sorted(catalog.practices, key=lambda p: (fold(p.title), p.title))
    assert shown(page) == [p.title for p in by_title]  # by title, ignoring case and accents
    page.get_by_role("combobox", name="Sort by").select_option("year-desc")
    years = [catalog.practice[i].start.year if catalog.practice[i].start else 0 for i in page.eval_on_selector_all(
        "#gp-explore-cards h3 a", "links => links.map(a => a.getAttribute('href').split('/').pop().slice(0, -5))")]
    assert years == sorted(years, reverse=True)  # newest first, undated last


def test_markup_in_the_data_stays_text(page, corpus):
    site, catalog = corpus
    open_explore(page, site, "?text=zanzibar")
    check(page, catalog, Selection(text="zanzibar"))
    assert shown(page) == [catalog.practice["payload"].title]
    page.locator("#gp-explore-cards li").hover()
    page.get_by_role("checkbox", name="<b onmouseover=window.__xss=3>bold</b> 1", exact=True).check()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#gp-explore-cards img, #gp-explore-cards script, #gp-explore-filters b").count() == 0


def test_names_are_the_display_name_then_the_count(page, corpus):
    site, catalog = corpus
    open_explore(page, site)
    snapshot = page.locator("#gp-explore-filters").aria_snapshot()
    counts = Selection().counts(catalog)
    for t in catalog.themes:
        assert f'checkbox "{t.title} {counts["theme", t.key]}"' in snapshot
    for p in catalog.partners:
        assert f'checkbox "{p.short_name} {counts["partner", p.key]}"' in snapshot
        assert f'radio "{p.short_name} {counts["by", p.key]}"' in snapshot
    for code in {p.country for p in catalog.practices}:
        assert f'checkbox "{COUNTRIES[code]} {counts["country", code]}"' in snapshot
    for status in STATUSES:
        assert f'checkbox "{status.capitalize()} {counts["status", status]}"' in snapshot
    assert 'searchbox "Words in title, summary or keywords"' in snapshot


def test_facets_combine_and_within_or_across(page, corpus):
    site, catalog = corpus
    open_explore(page, site)
    sel = Selection()
    theme = catalog.themes[2]
    page.get_by_role("checkbox", name=re.compile("^" + re.escape(theme.title) + r" \d+$")).click()
    sel.sets["theme"] = {theme.key}
    check(page, catalog, sel)
    other = catalog.themes[4]
    page.get_by_role("checkbox", name=re.compile("^" + re.escape(other.title) + r" \d+$")).click()
    sel.sets["theme"].add(other.key)  # OR within a facet
    check(page, catalog, sel)
    results = sel.results(catalog)
    country = results[0].country
    page.get_by_role("checkbox", name=re.compile(f"^{COUNTRIES[country]} " + r"\d+$")).click()
    sel.sets["country"] = {country}  # AND across facets
    check(page, catalog, sel)
    page.get_by_role("checkbox", name=re.compile(r"^Ongoing \d+$")).click()
    sel.sets["status"] = {"ongoing"}
    check(page, catalog, sel)
    page.get_by_role("checkbox", name=re.compile(r"^Ongoing \d+$")).click()
    del sel.sets["status"]
    counts = sel.counts(catalog)
    keyword = next(k for (name, k), n in counts.items() if name == "keyword" and n)
    page.get_by_role("checkbox", name=f"{keyword} {counts['keyword', keyword]}", exact=True).click()
    sel.sets["keyword"] = {keyword}
    check(page, catalog, sel)


def test_uptake_stage_and_years(page, corpus):
    site, catalog = corpus
    open_explore(page, site)
    sel = Selection()
    page.get_by_role("radio", name=re.compile(r"^INMA \d+$")).click()
    sel.by = "inma"
    check(page, catalog, sel)
    page.get_by_role("radio", name=re.compile(r"^In action plan \d+$")).click()
    sel.stage = "in-action-plan"
    check(page, catalog, sel)
    page.get_by_role("radio", name=re.compile(r"^Any partner \d+$")).click()
    sel.by = None
    check(page, catalog, sel)
    page.get_by_label("From", exact=True).select_option("2012")
    sel.start = 2012
    page.get_by_label("To", exact=True).select_option("2018")
    sel.end = 2018
    check(page, catalog, sel)
    options = page.get_by_label("From", exact=True).locator("option").all_inner_texts()
    expected = Selection(start=None, end=2018, stage="in-action-plan")
    for text in options[1:]:
        year, count = re.fullmatch(r"(\d{4}) \((\d+)\)", text).groups()
        expected.start = int(year)
        assert int(count) == len(expected.results(catalog)), text


def test_the_url_holds_the_state_and_the_back_button_steps_back(page, corpus):
    site, catalog = corpus
    open_explore(page, site)
    page.get_by_role("checkbox", name=re.compile(r"^Sweden \d+$")).click()
    page.get_by_role("combobox", name="Sort by").select_option("transfers")
    page.get_by_role("radio", name=re.compile(r"^Assessed \d+$")).click()
    url = page.url
    assert "country=SE" in url and "sort=transfers" in url and "stage=assessed" in url
    sel = Selection(sets={"country": {"SE"}}, stage="assessed")
    state = shown(page)
    assert sorted(state) == sorted(p.title for p in sel.results(catalog))
    transfers = {p.title: len(p.transfers) for p in catalog.practices}
    assert [transfers[t] for t in state] == sorted((transfers[t] for t in state), reverse=True)

    other = page.context.new_page()  # a shared link gives the same page
    other.goto(url)
    other.locator(".gp-explore--ready").wait_for()
    assert shown(other) == state
    assert other.get_by_role("checkbox", name=re.compile(r"^Sweden \d+$")).is_checked()
    assert other.get_by_role("radio", name=re.compile(r"^Assessed \d+$")).is_checked()
    assert other.get_by_role("combobox", name="Sort by").input_value() == "transfers"
    other.close()

    page.go_back()  # the stage goes
    page.wait_for_function("!location.search.includes('stage=')")
    check(page, catalog, Selection(sets={"country": {"SE"}}))
    assert page.get_by_role("radio", name=re.compile(r"^Any stage \d+$")).is_checked()
    page.go_back()  # the sort
    page.go_back()  # the country
    page.wait_for_function("location.search === ''")
    check(page, catalog, Selection(), order=False)
    page.go_forward()
    page.wait_for_function("location.search.includes('country=SE')")
    check(page, catalog, Selection(sets={"country": {"SE"}}))


def test_a_url_with_unknown_values_shows_everything(page, corpus):
    site, catalog = corpus
    open_explore(page, site, "?sort=toString&theme=nope&keyword=__proto__&from=abcd&by=constructor&text=&stage=9")
    check(page, catalog, Selection(), order=True)
    assert page.get_by_role("button", name="Clear all filters").is_hidden()


@pytest.mark.parametrize("typed", ["skane", "Skåne", "SKANE", "rhone", "RHÔNE", "oresund", "Øresund", "malmo"])
def test_the_text_filter_ignores_case_and_accents(page, corpus, typed):
    site, catalog = corpus
    open_explore(page, site)
    page.get_by_role("searchbox", name="Words in title, summary or keywords").fill(typed)
    sel = Selection(text=typed)
    assert sel.results(catalog), typed  # the corpus has matches for each
    check(page, catalog, sel)
    assert "text=" in page.url
    page.reload()  # the words come back from the URL, and Material's own search stays closed
    page.locator(".gp-explore--ready").wait_for()
    check(page, catalog, sel)
    assert not page.locator("#__search").is_checked()


def test_an_empty_result_says_so_and_clears_the_last_filter(page, corpus):
    site, catalog = corpus
    open_explore(page, site, "?country=NO&theme=" + quote(catalog.themes[0].key))
    sel = Selection(sets={"country": {"NO"}, "theme": {catalog.themes[0].key}})
    assert sel.results(catalog) == []
    check(page, catalog, sel)
    empty = page.locator("#gp-explore-empty")
    assert empty.is_visible() and "No practice matches these filters." in empty.inner_text()
    assert f"The last filter chosen: Theme: {catalog.themes[0].title}." in empty.inner_text()
    partner = next(p for p in catalog.partners if sel.counts(catalog)["partner", p.key] == 0)
    zero = page.get_by_role("checkbox", name=f"{partner.short_name} 0", exact=True)
    assert zero.is_visible() and zero.is_disabled()  # values without a match stay, disabled, with 0
    page.get_by_role("button", name="Clear last filter").click()
    check(page, catalog, Selection(sets={"country": {"NO"}}))
    assert page.get_by_role("status").inner_text() == "1 practice"
    assert not empty.is_visible()


def test_keyboard_only(page, corpus):
    site, catalog = corpus
    open_explore(page, site)
    box = page.get_by_role("searchbox", name="Words in title, summary or keywords")
    for _ in range(40):  # from the top of the page, as someone without a mouse would
        page.keyboard.press("Tab")
        if box.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the text box is not reachable with Tab")
    page.keyboard.type("skane")
    page.keyboard.press("Tab")  # the first theme that has a match (the others are disabled)
    name, value = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert name == "theme"
    page.keyboard.press("Space")
    check(page, catalog, Selection(text="skane", sets={"theme": {value}}))
    assert page.evaluate("[document.activeElement.name, document.activeElement.value]") == [name, value]
    page.keyboard.press("Space")
    check(page, catalog, Selection(text="skane"))
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_theme_badges_and_keyword_chips_lead_to_the_explore_page(page, corpus):
    site, catalog = corpus
    target = catalog.practice["oresund-bridge"]
    page.goto((site / "practices/oresund-bridge.html").as_uri())
    page.locator("nav.md-tags").get_by_role("link", name="Øresund").click()
    page.locator(".gp-explore--ready").wait_for()
    assert page.get_by_role("checkbox", name=re.compile(r"^Øresund \d+$")).is_checked()
    check(page, catalog, Selection(sets={"keyword": {"Øresund"}}))
    page.locator("#gp-explore-cards").get_by_role("link", name=catalog.theme[target.theme].title).click()
    check(page, catalog, Selection(sets={"keyword": {"Øresund"}, "theme": {target.theme}}))
    page.get_by_role("button", name="Clear all filters").click()
    check(page, catalog, Selection())
    page.locator("#gp-explore-cards").get_by_role("link", name=target.title).click()
    assert page.url.endswith("practices/oresund-bridge.html")


def test_the_selection_downloads_as_csv(page, corpus):
    site, catalog = corpus
    open_explore(page, site, "?partner=region-skane&sort=title")
    # The project's site_url: every page's canonical link starts with it; the CSV's addresses are absolute.
    site_url = page.locator("link[rel=canonical]").get_attribute("href").removesuffix("explore/index.html")
    assert site_url.startswith("https://")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == "practices-selection.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    expected = Selection(sets={"partner": {"region-skane"}}).results(catalog)
    assert [r["title"] for r in rows] == shown(page) and sorted(r["id"] for r in rows) == sorted(p.id for p in expected)
    row = next(r for r in rows if r["id"] == "oresund-bridge")
    assert row == {"id": "oresund-bridge", "title": "Cross-border logistics on the Øresund",
                   "url": site_url + "practices/oresund-bridge.html", "theme": catalog.theme["cmo-services"].title,
                   "presented_by": "Region Skåne", "country": "Sweden", "status": "completed", "start": "2012",
                   "end": "", "keywords": "Øresund; logistics", "transfers": "2",
                   "taken_up_by": "INMA (implemented); VLAIO (interested)",
                   "summary": catalog.practice["oresund-bridge"].summary}


#: Findings in Material's header on every page (the search dialog's name, the tabs' contrast), which the
#: site-wide accessibility work fixes in the theme's overrides: not this page's.
def test_no_accessibility_violation_of_any_impact(page, corpus):
    site, _ = corpus
    open_explore(page, site)
    assert violations(page) == []
    open_explore(page, site, "?country=NO&status=ongoing")  # the empty state, every keyword disabled
    assert page.get_by_role("status").inner_text() == "0 practices"
    assert violations(page) == []
    open_explore(page, site, "?text=skane&partner=region-skane&by=inma&from=2010")
    assert violations(page) == []


def test_phone_layout_and_screenshots(browser, corpus):
    site, _ = corpus
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto((site / "explore/index.html").as_uri())
    phone.locator(".gp-explore--ready").wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    filters = phone.get_by_role("button", name="Filters", exact=True)  # no filter on: the button says so
    assert filters.get_attribute("aria-expanded") == "false"
    assert not phone.get_by_role("searchbox", name="Words in title, summary or keywords").is_visible()
    phone.screenshot(path=str(ARTIFACTS / "explore-390.png"))
    filters.click()
    assert phone.get_by_role("searchbox", name="Words in title, summary or keywords").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # With the filters open, the results start within the first screen below the button, not screens down.
    top = filters.bounding_box()["y"]
    assert phone.locator("#gp-explore-count").bounding_box()["y"] - top < 844 * .75
    # Every facet is still there: the panel scrolls by itself, down to the last keyword.
    last = phone.locator(".gp-facet--keyword input").last
    last.scroll_into_view_if_needed()
    assert last.is_visible()
    phone.screenshot(path=str(ARTIFACTS / "explore-390-filters.png"))
    # The button says how many filters are on, from a shared link as from a tap.
    for query, label in (("?theme=cmo-services&country=AT", "Filters (2 on)"), ("?text=skane", "Filters (1 on)"),
                         ("?sort=year", "Filters")):
        phone.goto((site / "explore/index.html").as_uri() + query)
        phone.locator(".gp-explore--ready").wait_for()
        assert phone.locator(".gp-explore__toggle").inner_text() == label, query
    phone.locator(".gp-explore__toggle").click()
    phone.locator(".gp-facet--theme input").first.check()
    assert phone.locator(".gp-explore__toggle").inner_text() == "Filters (1 on)"
    context.close()
    for width in (1366, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        desk = context.new_page()
        desk.goto((site / "explore/index.html").as_uri() + "?theme=cmo-services&text=skane")
        desk.locator(".gp-explore--ready").wait_for()
        assert not desk.locator(".gp-explore__toggle").is_visible()  # the filters are a column beside the cards
        desk.screenshot(path=str(ARTIFACTS / f"explore-{width}.png"))
        context.close()


def test_site_search_folds_the_query_too(browser, corpus):
    """Material's search box: 'Malmö' also finds the practice that writes 'Malmo', and 'malmo' both."""
    site, _ = corpus
    reader = Reader(browser, site, "file")
    reader.open()
    for query in ("Malmö", "malmo"):
        found = reader.search(query)
        assert {"practices/oresund-bridge.html", "practices/rhone-valley.html"} <= set(found), (query, found)
    reader.context.close()
