"""The header search in Chromium (Material's box and panel, our index and worker), on the real site and on a
generated corpus, opened from a folder and over http: each class of query finds what a reader means (typo,
spelling variant, hyphen or space, accent, abbreviation, title first), the snippet shows the title once, a query
with no result offers the Explore page, nothing leaves the site, axe-core finds no violation with the results
open, and the keyboard alone reaches a result."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from axe import violations
from benchmark.projects import project_config
from conftest import ROOT, mkdocs_build
from test_browser import (  # noqa: F401 - the real site in Chromium, and its fixtures
    browser,
    pytestmark,  # noqa: F401 - browser tests, skipped without Debian's chromium
    site,
)

import make_corpus

PARTNERS = yaml.safe_load((ROOT / "practices" / "partners.yml").read_text(encoding="utf-8"))
ORIGINS = ["file", "http"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of 40 generated practices (make_corpus, seed 7) around the real registries and docs."""
    project = tmp_path_factory.mktemp("corpus") / "project"
    make_corpus.write_corpus(40, project / "practices", 7)
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(project_config(), encoding="utf-8")
    done = mkdocs_build(project, project.parent / "site")
    assert done.returncode == 0, done.stderr
    return project.parent / "site"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Log nothing: the test output is for failures."""


@functools.cache
def serve(folder: Path) -> str:
    """Serve `folder` over http on 127.0.0.1 for the rest of the session; return its address."""
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


class Reader:
    """A Chromium page on a site (from its folder or over http) that records every request it makes."""

    def __init__(self, browser, folder: Path, origin: str) -> None:  # noqa: ANN001
        self.base = folder.as_uri() + "/" if origin == "file" else serve(folder)
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: str = "index.html") -> None:
        self.page.goto(self.base + path)

    def search(self, query: str) -> list[str]:
        """Type the query into Material's search box; return the results' pages under the site, best first."""
        self.page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")  # wait for new
        box = self.page.locator("input.md-search__input")
        box.click()
        box.fill(query)  # at once, then one key: Material searches on keyup, so no shorter query answers first
        box.press("End")
        self.page.wait_for_function(
            "() => /matching|No matching/.test(document.querySelector('.md-search-result__meta').textContent)",
            timeout=15_000)
        self.settle()
        hrefs = self.page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
        return [href[len(self.base):].split("?")[0] for href in hrefs]

    def settle(self) -> None:
        """Wait until the panel has not changed for 300 ms: an answer to the empty box sent before the query
        was typed (over http, where the search starts with the page) may come first."""
        panel = "() => document.querySelector('.md-search-result').innerHTML"
        before = self.page.evaluate(panel)
        while True:
            self.page.wait_for_timeout(300)
            now = self.page.evaluate(panel)
            if now == before:
                return
            before = now

    @property
    def note(self) -> str:
        note = self.page.locator(".gp-search-note")
        return note.inner_text() if note.count() and note.is_visible() else ""

    @property
    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith((self.base, "data:", "blob:"))]


@pytest.fixture(params=ORIGINS)
def reader(request, browser) -> Iterator[Reader]:  # noqa: ANN001
    folder = request.getfixturevalue("corpus" if "corpus" in request.function.__name__ else "site")
    made = Reader(browser, folder, request.param)
    made.open()
    yield made
    made.context.close()
    assert made.outside == []  # no request leaves the site, whatever the test did


# --- the real practices ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "first", "note"), [
    ("inovation audits", "practices/sme-innovation-audits.html", "Showing results for innovation audits"),  # typo
    ("strategic counseling", "practices/sme-innovation-audits.html", "Showing results for strategic counselling"),
    ("digitalization", "practices/digitalisation-policy-toolkit.html", "Showing results for digitalisation"),
    ("digitalisation", "practices/digitalisation-policy-toolkit.html", ""),  # title first, then the theme
    ("Skane", "partners/region-skane.html", ""), ("skåne", "partners/region-skane.html", ""),
    ("Rhone", "partners/auvergne-rhone-alpes.html", ""), ("rhône", "partners/auvergne-rhone-alpes.html", ""),
    ("center", "practices/sme-customer-use-environments.html", "Showing results for centre"),  # only "centres"
    ("eco plus", "partners/ecoplus.html", ""), ("tech park", "partners/noi-techpark.html", ""),  # one word, spaced
    ("INMA", "partners/inma.html", ""), ("VLAIO", "partners/vlaio.html", ""), ("NOI", "partners/noi-techpark.html", ""),
    ("transferability", "transferability/index.html", ""),
])
def test_each_class_of_query_finds_the_page_a_reader_means(reader, query, first, note):
    found = reader.search(query)
    assert found[0] == first
    assert reader.note == note
    if query == "digitalisation":
        assert found.index(first) < found.index("themes/digitalisation.html")


@pytest.mark.parametrize(("us", "uk"), [("organization", "organisation"), ("organizations", "organisations")])
def test_an_american_spelling_finds_what_the_british_one_finds(reader, us, uk):
    found = reader.search(uk)
    assert len(found) > 5 and reader.note == ""
    assert reader.search(us) == found  # the British word's longer forms too ("organisations")
    assert reader.note == f"Showing results for {uk}"


@pytest.mark.parametrize("query", ["3-D printing", "3 D printing", "3D printing", "3d-printing",
                                   "3\u2010D printing", "3\u2011D printing"])  # hyphens of word processors
def test_hyphen_and_space_variants_find_the_same_pages(reader, query):
    found = reader.search(query)
    assert found[:2] == ["themes/3d-printing.html", "practices/metal-additive-manufacturing-network.html"]


@pytest.mark.parametrize(("query", "suggested"), [("3d", ""), ("innov", "innovation"), ("public-private innov",
                                                                                      "public-private innovation")])
def test_the_box_suggests_only_words_as_written(reader, query, suggested):
    reader.search(query)  # "3D-printing" is indexed as 3dprinting too, but no one writes that
    assert reader.page.locator(".md-search__suggest").text_content() == suggested


def test_the_snippet_shows_the_title_once_and_the_passage_that_matches(reader):
    reader.search("innovation audits")
    first = reader.page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == "Innovation audits and strategic counselling for SMEs"
    teaser = first.locator("article").first.evaluate("a => a.textContent.replace(a.querySelector('h1').textContent, '')")
    assert "Innovation audits and strategic counselling" not in teaser  # not repeated from the page's heading
    assert first.locator("article mark").count() >= 2  # the passage, with the words found marked


def test_a_query_with_no_result_offers_the_explore_page_with_its_words(reader):
    assert reader.search("zqxv wplk") == []
    link = reader.page.locator(".gp-search-note a")
    assert link.inner_text() == "Explore the practices for “zqxv wplk”"
    assert link.get_attribute("href").startswith(reader.base + "explore/index.html?text=zqxv+wplk")
    reader.page.keyboard.press("Enter")  # Material's Enter in the box follows the best result: here, this link
    reader.page.wait_for_url("**/explore/index.html?text=*")
    assert reader.page.locator("#gp-explore-q").input_value() == "zqxv wplk"


def test_axe_finds_no_violation_with_the_results_open(reader):
    reader.search("cluster")
    assert reader.page.locator(".md-search-result__item").count() > 3
    assert violations(reader.page) == []
    reader.search("zqxv")  # and with the note that offers Explore
    assert violations(reader.page) == []


def test_text_put_in_the_box_without_a_key_is_answered(reader):
    """Text pasted with the mouse (an input event, no key): Material alone would wait for a key to be released."""
    reader.page.locator("input.md-search__input").click()
    reader.page.locator("input.md-search__input").fill("innovation audits")
    reader.page.wait_for_function(
        "() => /matching/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15_000)
    reader.settle()
    first = reader.page.locator(".md-search-result__item > a").first.get_attribute("href")
    assert first.split("?")[0].endswith("practices/sme-innovation-audits.html")


def test_a_query_answered_as_typed_is_not_answered_again_when_the_key_is_released(reader):
    answers = "window.__answers"
    reader.page.evaluate(f"""() => {{ const meta = document.querySelector('.md-search-result__meta');
        {answers} = 0; new MutationObserver(() => {{ if (/matching/.test(meta.textContent)) {answers}++; }}).observe(
        meta, {{ childList: true, characterData: true, subtree: true }}); }}""")
    reader.search("matchmaking")  # typed at once (the input event), then one key released (Material's query)
    assert reader.page.evaluate(answers) == 1


def test_an_emptied_box_shows_materials_prompt_again(reader):
    reader.search("cluster")
    box = reader.page.locator("input.md-search__input")
    box.fill("")
    box.press("Backspace")  # Material's query for the empty box, on the key's release
    reader.page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent === 'Type to start searching'",
        timeout=15_000)
    assert reader.page.locator(".md-search-result__item").count() == 0


def test_the_keyboard_alone_reaches_a_result(reader):
    reader.page.keyboard.press("/")  # Material's shortcut into the search box
    reader.page.keyboard.type("matchmaking", delay=20)
    reader.page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    reader.page.keyboard.press("ArrowDown")
    focused = reader.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and "practices/" in focused
    reader.page.keyboard.press("Enter")
    reader.page.wait_for_url("**/practices/*.html*")
    assert reader.page.url.split("?")[0].split("#")[0].endswith(focused.split("?")[0].split("#")[0].split("/")[-1])


@pytest.mark.parametrize("key", sorted(PARTNERS))
def test_a_partners_short_name_offers_its_page_first(browser, site, key):
    reader = Reader(browser, site, "file")
    reader.open("practices/sme-innovation-audits.html")
    assert reader.search(PARTNERS[key]["short_name"])[0] == f"partners/{key}.html"
    assert reader.outside == []
    reader.context.close()


def test_listing_pages_are_indexed_and_the_maintainers_pages_are_not(site):
    from goodpractices.search_index import entries

    pages = {entry["location"].split("#")[0] for entry in entries(site / "search")}
    assert {"transferability/index.html", "themes/3d-printing.html", "partners/inma.html", "index.html"} <= pages
    assert not pages & {"security.html", "performance.html", "editors/completeness.html"}


def test_the_texts_of_the_map_are_indexed_as_separate_words(site):
    from goodpractices.search_index import entries

    text = " ".join(entry["text"] for entry in entries(site / "search") if entry["location"].startswith("index.html"))
    names = [partner["short_name"] for partner in PARTNERS.values()]
    assert all(name in text for name in names)  # the map's labels and titles, on the home page
    assert not [name for name in names if re.search(rf"[^\W_]{re.escape(name)}|{re.escape(name)}[^\W_]", text)]
    assert "SwedenRDA" not in text and "UkraineUnited" not in text  # "Sweden RDA Ostrava", "Ukraine United Kingdom"


def test_nothing_of_materials_lunr_index_is_built(site):
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    assert not list((site / "assets" / "javascripts" / "workers").glob("*.map"))
    assert (site / "search" / "search_index.json").stat().st_size < 300  # Material's, empty: ours is under search/


# --- a generated corpus -------------------------------------------------------------------------------------------

def corpus_titles(corpus: Path) -> dict[str, str]:
    from goodpractices.search_index import read

    return {location: title for location, title, kind, _ in read(corpus / "search")["index"]["pages"]
            if kind == "p"}


def test_corpus_a_word_of_a_practice_title_finds_that_practice_first(reader, corpus):
    titles = corpus_titles(corpus)
    location, title = sorted(titles.items())[3]
    word = max(title.split(), key=len).strip(",.:").lower()
    found = reader.search(word)
    assert word in titles[found[0]].lower()
    assert location in found


@pytest.mark.parametrize(("query", "meant"), [
    ("internationalization", "internationalisation"), ("matchmakng", "matchmaking"),
    ("benchmarkng exercise", "benchmarking exercise"),
])
def test_corpus_typos_and_spelling_variants_are_forgiven(reader, corpus, query, meant):
    exact = reader.search(meant)
    assert exact and reader.note == ""
    assert reader.search(query)[:5] == exact[:5]
    assert reader.note == f"Showing results for {meant}"


@pytest.mark.parametrize("query", ["cross-border", "cross border", "crossborder", "Cross-Border"])
def test_corpus_hyphen_and_space_variants_find_the_practices_titled_with_the_word_first(reader, corpus, query):
    titled = {location for location, title in corpus_titles(corpus).items() if "cross-border" in title.lower()}
    assert titled
    assert set(reader.search(query)[:len(titled)]) == titled


@pytest.mark.parametrize(("query", "first"), [("Skane", "partners/region-skane.html"),
                                              ("VLAIO", "partners/vlaio.html"), ("INMA", "partners/inma.html")])
def test_corpus_accents_and_abbreviations_find_the_partner(reader, corpus, query, first):
    assert reader.search(query)[0] == first


# --- hostile content -------------------------------------------------------------------------------------------

HOSTILE = "<img src=x onerror=\"window.__pwned=1\"></script><script>window.__pwned=2</script>&lt;b&gt;"


def test_markup_in_a_practice_is_shown_as_text_in_results_and_runs_nothing(browser, project):
    from conftest import practice

    project.add("p.md", practice(title=f"'Quokka audits {HOSTILE}'",
                                 summary=f"'A quokka summary long enough for the contract, carrying {HOSTILE}.'"))
    done = project.build()
    assert done.returncode == 0, done.stderr
    reader = Reader(browser, project.root / "site", "file")
    reader.open()
    assert reader.search("quokka")[0] == "practices/p.html"
    first = reader.page.locator(".md-search-result__item").first
    assert HOSTILE.replace("&lt;b&gt;", "") in first.locator("h1").inner_text()  # the title, as text
    assert "<img src=x" in first.inner_text() and first.locator("img, script").count() == 0
    assert reader.page.evaluate("window.__pwned") is None
    assert reader.outside == []
    reader.context.close()
