"""The built site in a real Chromium, opened from a folder: search works offline and nothing leaves the site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, build_real_site

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_real_site(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site):  # noqa: ANN001, ANN201 - Playwright objects
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []  # every URL the page asks for
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def test_search_finds_a_practice_offline_and_follows_it(page, site):
    page.goto((site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type("matchmaking", delay=30)  # a keyword of the practice, typed as a person would
    result = page.locator(".md-search-result__item a", has_text="Competence mapping and matching").first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("practices/agrifood-competence-mapping.html")
    assert page.locator("h1").first.inner_text() == "Competence mapping and matching in the agri-food sector"
    outside = [url for url in page.requests if not url.startswith(("file:", "data:", "blob:"))]
    assert outside == []


@pytest.mark.parametrize(("name", "url"), [
    ("home", "index.html"), ("theme", "themes/sme-innovation.html"), ("partner", "partners/inma.html"),
    ("matrix", "transferability/index.html"),
])
def test_pages_render_without_outside_requests(page, site, name, url):
    page.goto((site / url).as_uri())
    page.wait_for_load_state("load")
    assert page.locator("h1").count() == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    outside = [u for u in page.requests if not u.startswith(("file:", "data:", "blob:"))]
    assert outside == []


def test_on_a_phone_the_matrix_is_a_list_and_the_page_does_not_scroll_sideways(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto((site / "transferability/index.html").as_uri())
    wrap = page.locator(".gp-matrix-wrap").last
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")  # every partner's cell is in view
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator(".gp-matrix thead").first.evaluate("e => e.getBoundingClientRect().height") <= 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "matrix-phone.png"))
    context.close()
