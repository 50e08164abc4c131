"""Pages printed from Chromium ("Save as PDF"): a practice page has no navigation, its at-a-glance box first and
its URLs shown; a stage legend prints on the page where its table starts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import build_real_site
from pypdf import PdfReader
from test_browser import ARGS, ARTIFACTS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]

PRACTICE = "practices/interregional-staff-exchange.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_real_site(tmp_path_factory.mktemp("print"))


@pytest.fixture(scope="module")
def printed(site: Path) -> tuple[Path, dict]:
    """The practice page printed to PDF by Chromium, and what the print layout shows."""
    from playwright.sync_api import sync_playwright

    folder = site.parent
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto((site / PRACTICE).as_uri())
        page.emulate_media(media="print")
        seen = page.evaluate("""() => {
            const shown = (selector) => [...document.querySelectorAll(selector)].some(
                (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
            const top = (selector) => document.querySelector(selector).getBoundingClientRect().top;
            const link = document.querySelector('.gp-links a');
            return {
                nav: ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary', '.gp-breadcrumbs',
                      '.md-footer', '.md-content__button'].filter(shown),
                title: top('.md-content h1'), glance: top('.gp-glance'), summary: top('.gp-summary'),
                body: top('#user-content-description'),
                after: getComputedStyle(link, '::after').content, href: link.href,
            };
        }""")
        pdf = folder / "printed.pdf"
        page.pdf(path=str(pdf), format="A4")
        browser.close()
    return pdf, seen


def test_printed_practice_has_no_navigation_and_the_glance_box_first(printed):
    _pdf, seen = printed
    assert seen["nav"] == []
    assert seen["title"] < seen["glance"] < seen["summary"] < seen["body"]


def test_printed_practice_shows_link_urls(printed):
    pdf, seen = printed
    assert seen["after"] == '" (" attr(href) ")"' or seen["href"] in seen["after"]
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "https://www.interregeurope.eu/clusterix2" in " ".join(text.split())
    assert "Themes ›" not in text and "Skip to content" not in text
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", "1", "-l", "1", str(pdf),
                        str(ARTIFACTS / "print-practice")], check=True)


@pytest.mark.parametrize("url", ["transferability/index.html", "themes/cmo-services.html", "partners/inma.html"])
def test_a_printed_stage_legend_shares_its_page_with_the_start_of_its_table(site: Path, tmp_path: Path, url: str):
    """Printed, a legend is never left at the foot of a page (or on a page of its own) with its table after it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto((site / url).as_uri())
        firsts = page.evaluate("""() => [...document.querySelectorAll('.gp-legend')].map((legend) => {
            const table = [...document.querySelectorAll('table')].find(
                (t) => legend.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
            return table.querySelector('tbody tr:not(:has(.gp-theme))').textContent;
        })""")
        page.pdf(path=str(tmp_path / "printed.pdf"), format="A4")
        browser.close()
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "printed.pdf").pages]
    legend = "marks the partner that presents the practice."
    assert len(firsts) == sum(text.count(legend) for text in pages) >= 1
    at = [i for i, text in enumerate(pages) for _ in range(text.count(legend))]
    for index, first in zip(at, firsts):
        words = " ".join(first.split()[:3])
        assert words in pages[index], (url, index + 1, words)
