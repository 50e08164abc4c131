"""The stakeholders' pages in a real Chromium at laptop (1366×900) and phone (390×844) size: the matrix fits,
tables stay readable, axe-core finds no problem of any impact from a folder or under a sub-path, and the 404 page
works at any depth."""

from __future__ import annotations

import functools
import re
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe import violations
from test_browser import ARGS, ARTIFACTS, CHROMIUM, browser, site  # noqa: F401 - shared fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
#: One page of every type.
PAGES = {
    "home": "index.html", "themes": "themes/index.html", "theme": "themes/sme-innovation.html",
    "practice": "practices/flemish-cluster-programme.html", "partners": "partners/index.html",
    "partner": "partners/inma.html", "transferability": "transferability/index.html", "docs": "about.html",
    "docs-wide-table": "performance.html", "explore": "explore/index.html", "downloads": "downloads/index.html",
    "editors": "editors/completeness.html", "figures": "figures/index.html",
}
#: The sub-path of the published site (mkdocs.yml `site_url`), where the 404 page expects it.
SUB_PATH = "/good-practices/"


def open_page(browser, size: dict[str, int], url: str):  # noqa: ANN001, ANN201 - Playwright objects
    context = browser.new_context(viewport=size, is_mobile=size["width"] < 500, has_touch=size["width"] < 500)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


def shoot(page, name: str) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """Serve the site at SUB_PATH on 127.0.0.1, answering unknown paths with 404.html as GitHub Pages does."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            inside = path.split("?")[0].startswith(SUB_PATH)
            return super().translate_path("/" + path[len(SUB_PATH):] if inside else "/no-such-folder/")

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404:
                return super().send_error(code, message, explain)
            body = (site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("where", ["folder", "sub-path"])
@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
@pytest.mark.parametrize("kind", [*PAGES, "404"])
def test_axe_finds_no_violation_of_any_impact(browser, site, server, kind, size, where):
    if kind == "404":
        url = f"{server}{SUB_PATH}no/such/page.html" if where == "sub-path" else (site / "404.html").as_uri()
    else:
        url = f"{server}{SUB_PATH}{PAGES[kind]}" if where == "sub-path" else (site / PAGES[kind]).as_uri()
    context, page = open_page(browser, size, url)
    try:
        found = violations(page)
        assert found == [], found
    finally:
        context.close()


#: Where a reader meets the 404 page: under the sub-path at several depths (a server answers 404.html for a missing
#: address) and opened from a folder (the offline zip unpacked is one).
NOT_FOUND = {"sub-path": SUB_PATH + "gone.html", "sub-path-deep": SUB_PATH + "practices/a/b/gone-away.html",
             "folder": "404.html"}


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
@pytest.mark.parametrize("where", NOT_FOUND)
def test_the_404_page_is_styled_searchable_and_leads_home_and_to_explore(browser, site, server, where, size):
    url = (site / NOT_FOUND[where]).as_uri() if where == "folder" else server + NOT_FOUND[where]
    context = browser.new_context(viewport=size, is_mobile=size is PHONE, has_touch=size is PHONE)
    page = context.new_page()
    responses: list = []
    page.on("response", lambda response: responses.append(response))
    try:
        answer = page.goto(url)
        assert where == "folder" or answer.status == 404
        page.wait_for_load_state("load")
        sheets = page.evaluate("[...document.styleSheets].map(s => s.href).filter(Boolean)")
        assert sum("/assets/stylesheets/main." in href or "/assets/site.css" in href for href in sheets) == 2, sheets
        failed = [(r.url, r.status) for r in responses if r.url != url and r.status != 200 and r.status != 0]
        assert failed == []
        # Material's stylesheet applies: the header is its bar, the logo its small icon, the page its typography.
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
        assert page.locator(".md-header__button.md-logo img, .md-header__button.md-logo svg").first.evaluate(
            "e => e.getBoundingClientRect().height") <= 48
        assert page.locator("h1").first.inner_text() == "Page not found"
        shoot(page, f"404-{where}-{size['width']}")
        links = {page.locator(".gp-lost a", has_text=name).first.evaluate("e => e.href"): name
                 for name in ("Home", "Explore")}
        for href, name in links.items():
            assert page.request.get(href).ok if not href.startswith("file:") else Path(
                href.removeprefix("file://")).is_file(), (name, href)
        # The search box works from here: its index is found from the site's root.
        page.locator(".gp-lost__search").click()
        page.wait_for_function("document.activeElement.matches('.md-search__input')")
        page.keyboard.type("matchmaking", delay=20)
        result = page.locator(".md-search-result__item a", has_text="Competence mapping and matching").first
        result.wait_for(timeout=15_000)
        assert result.evaluate("e => e.href").split("?")[0] == page.evaluate(
            "new URL('practices/agrifood-competence-mapping.html', document.baseURI).href")
        assert page.request.get(result.evaluate("e => e.href")).ok if where != "folder" else True
        page.keyboard.press("Escape")  # close the search, then follow the Explore link
        page.wait_for_function("!document.getElementById('__search').checked")
        with page.expect_navigation():
            page.locator(".gp-lost a", has_text="Explore").first.click()
        assert page.locator("h1").first.inner_text() == "Explore the practices"
    finally:
        context.close()


def test_the_full_matrix_fits_a_laptop_with_every_partner_and_the_totals(browser, site):
    context, page = open_page(browser, LAPTOP, (site / "transferability/index.html").as_uri())
    try:
        wrap = page.locator(".gp-matrix-wrap").nth(1)
        assert wrap.locator("thead th").count() == 1 + 11 + 1  # practice, 11 partners, total
        wrap.evaluate("e => e.scrollIntoView({block: 'center'})")
        assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")  # nothing to scroll sideways
        for cells in (wrap.locator("thead th"), wrap.locator("tfoot th, tfoot td")):
            for i in range(cells.count()):
                box = cells.nth(i).bounding_box()
                assert box and 0 <= box["x"] and box["x"] + box["width"] <= LAPTOP["width"], cells.nth(i).inner_text()
                assert 0 <= box["y"] and box["y"] + box["height"] <= LAPTOP["height"], cells.nth(i).inner_text()
        assert wrap.locator("tfoot td").last.inner_text() == str(page.locator(".gp-transfers li").count())
        assert not page.locator(".gp-scroll-hint").first.is_visible()
        shoot(page, "transferability-laptop")
    finally:
        context.close()


#: Each practice row of the full matrix as a phone shows it, read in the page: its title, then the visible
#: "Partner: stage" items (empty cells hidden), and whether anything sticks out sideways.
_ROWS_AS_READ = """wrap => [...wrap.querySelectorAll('tbody tr:not(.gp-matrix__theme)')].map(row => ({
  title: row.querySelector('th').innerText.trim(),
  items: [...row.querySelectorAll('td')].filter(td => td.getClientRects().length && !td.matches('.gp-total'))
           .map(td => {  // what the cell shows: its label (drawn before it) and its text
             const before = getComputedStyle(td, '::before').content;
             return (before.startsWith('"') ? before.slice(1, -1) : '') + td.innerText.replace(/\\s+/g, ' ').trim();
           }),
  wide: row.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
}))"""


def test_on_a_phone_the_matrix_reads_whole_as_a_list_with_every_stage_in_words(browser, site):
    from goodpractices import catalog as pipeline
    from goodpractices.reader import STAGE_LABELS

    catalog, _ = pipeline.load(Path(__file__).resolve().parent.parent / "practices")
    context, page = open_page(browser, PHONE, (site / "transferability/index.html").as_uri())
    try:
        wrap = page.locator(".gp-matrix-wrap").nth(1)
        assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")  # nothing hidden sideways
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert not page.locator(".gp-scroll-hint").first.is_visible()
        rows = {row["title"]: row for row in wrap.evaluate(_ROWS_AS_READ)}
        assert set(rows) == {p.title for p in catalog.practices}
        for p in catalog.practices:
            origin = catalog.partner[p.partner].short_name
            expected = {f"{origin}: ★ Origin"} | {
                f"{catalog.partner[t.partner].short_name}: {'○◔◑●'[t.rank]} {STAGE_LABELS[t.stage]}"
                for t in p.transfers}
            seen = {re.sub(r"\d+$", "", item) for item in rows[p.title]["items"]}  # a note's number follows
            assert seen == expected, p.title
            assert not rows[p.title]["wide"], p.title
        shoot(page, "transferability-phone")
    finally:
        context.close()


@pytest.mark.parametrize("url", ["transferability/index.html", "themes/cmo-services.html"])
@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_stage_legend_is_beside_the_matrix_in_words(browser, site, url, size):
    context, page = open_page(browser, size, (site / url).as_uri())
    try:
        wrap = page.locator(".gp-matrix-wrap:has(.gp-stage)").first
        legend = page.locator(".gp-legend").first
        assert legend.is_visible()
        text = legend.inner_text()
        assert all(word in text for word in ("Interested", "Assessed", "In action plan", "Implemented", "Origin"))
        gap = wrap.bounding_box()["y"] - (legend.bounding_box()["y"] + legend.bounding_box()["height"])
        assert 0 <= gap < 60  # directly above the matrix, not a screen away
        shoot(page, f"legend-{url.split('/')[0]}-{size['width']}")
    finally:
        context.close()


#: Per text node: does its element's box hold its longest word? (Measured with the element's own font.)
_SQUEEZED = """tables => {
  const canvas = document.createElement('canvas').getContext('2d');
  const bad = [];
  for (const cell of document.querySelectorAll(tables)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement, style = getComputedStyle(element);
      if (!element.getClientRects().length || style.position === 'absolute') continue;
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = cell.clientWidth - parseFloat(getComputedStyle(cell).paddingLeft)
                   - parseFloat(getComputedStyle(cell).paddingRight);
      for (const word of node.textContent.split(/\\s+/).filter(Boolean)) {
        if (canvas.measureText(word).width > room + 1) bad.push([word, Math.round(room)]);
      }
    }
  }
  return bad;
}"""


@pytest.mark.parametrize("url", ["partners/index.html", "themes/sme-innovation.html",
                                 "themes/cmo-services.html", "partners/inma.html",
                                 "practices/flemish-cluster-programme.html", "downloads/index.html"])
def test_no_table_on_a_phone_is_squeezed_below_its_longest_word(browser, site, url):
    context, page = open_page(browser, PHONE, (site / url).as_uri())
    try:
        cells = "table:not(.gp-matrix) td, table:not(.gp-matrix) th"
        assert page.locator(cells).count() > 0
        assert page.evaluate(_SQUEEZED, cells) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shoot(page, "phone-" + url.replace("/", "-").removesuffix(".html"))
    finally:
        context.close()


def test_on_a_phone_every_figures_table_shows_all_its_columns(browser, site):
    """The figures' tables fit a phone: no number is hidden to the right of a box that scrolls sideways."""
    context, page = open_page(browser, PHONE, (site / "figures" / "index.html").as_uri())
    try:
        boxes = page.evaluate("""[...document.querySelectorAll('.gp-figure-table')].map(t => {
            const box = t.parentElement, last = t.querySelector('tbody tr').lastElementChild;
            return [t.querySelector('caption').textContent, box.scrollWidth - box.clientWidth,
                    last.getBoundingClientRect().right - box.getBoundingClientRect().right];
        })""")
        assert len(boxes) >= 7
        assert [(caption, over, out) for caption, over, out in boxes if over > 0 or out > 0.5] == []
        shoot(page, "phone-figures")
    finally:
        context.close()


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_axe_finds_no_violation_in_the_open_search_dialog(browser, site, size):
    context, page = open_page(browser, size, (site / "index.html").as_uri())
    try:
        if size is PHONE:
            page.locator("label.md-header__button[for=__search]").click()
        else:
            page.locator("input.md-search__input").click()
        page.keyboard.type("cluster", delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Search"
        found = violations(page)
        assert found == [], found
    finally:
        context.close()


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_home_page_shows_the_whole_site_name_no_edit_pencil_and_leads_to_explore(browser, site, size):
    context, page = open_page(browser, size, (site / "index.html").as_uri())
    try:
        name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
        assert name.inner_text() == "CLUSTERIX 2.0 good practices"
        assert name.evaluate("e => e.scrollWidth <= e.clientWidth")  # not cut to 'good practi…'
        assert page.locator("a[rel=edit]").count() == 0
        find = page.locator("h2#find-your-way + ul")
        assert find.locator("a", has_text="Explore").get_attribute("href") == "explore/index.html"
        shoot(page, f"home-{size['width']}")
    finally:
        context.close()


def test_other_pages_keep_their_edit_pencil(browser, site):
    context, page = open_page(browser, LAPTOP, (site / "about.html").as_uri())
    try:
        assert page.locator("a[rel=edit]").count() == 1
    finally:
        context.close()


#: The drawer's entries a reader sees once it is open: on screen and not covered by another level.
_DRAWER = """() => [...document.querySelectorAll('.md-nav--primary .md-nav__link')].filter(link => {
  const box = link.getBoundingClientRect();
  if (!(box.width > 0 && box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight)) {
    return false;
  }
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return top !== null && (link.contains(top) || top.contains(link));  // not covered by another level
}).map(link => link.textContent.trim()).filter(Boolean)"""


@pytest.mark.parametrize(("url", "level"), [
    ("practices/flemish-cluster-programme.html", "top"),  # not in the navigation: the top, Themes marked
    ("themes/cmo-services.html", "Themes"),  # in the navigation: the list that holds it
])
def test_on_a_phone_the_drawer_opens_at_the_level_that_lists_the_page(browser, site, url, level):
    context, page = open_page(browser, PHONE, (site / url).as_uri())
    try:
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_function(  # the drawer has slid in
            "document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
        seen = page.evaluate(_DRAWER)
        if level == "top":
            assert {"Home", "Explore", "Themes", "Partners", "Transferability", "Downloads"} <= set(seen), seen
            assert "Innovation services for SMEs" not in seen
            themes = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item--active")
            assert themes.locator("a").first.inner_text().strip() == "Themes"
        else:
            assert "Services for cluster management organisations" in seen and "Partners" not in seen, seen
        name = page.locator(".md-nav--primary > .md-nav__title")
        assert name.evaluate("e => e.scrollWidth <= e.clientWidth")  # the site's name is not cut
        shoot(page, f"drawer-{url.split('/')[0]}-390")
    finally:
        context.close()


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_summaries_in_theme_tables_are_in_the_tables_own_type(browser, site, size):
    context, page = open_page(browser, size, (site / "themes/cmo-services.html").as_uri())
    try:
        summaries = page.locator(".gp-row-summary")
        assert summaries.count() > 0
        for i in range(summaries.count()):
            summary = summaries.nth(i)
            looks = summary.evaluate("""e => { const s = getComputedStyle(e), cell = getComputedStyle(e.closest('td'));
                return [s.color === cell.color, s.fontSize === cell.fontSize, parseFloat(s.fontSize)]; }""")
            assert looks[:2] == [True, True] and looks[2] >= 14, looks  # not muted, not smaller, readable
    finally:
        context.close()
