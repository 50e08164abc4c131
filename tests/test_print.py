"""A practice page printed from Chromium ("Save as PDF"): no navigation, at-a-glance box first, URLs shown."""

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
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The practice page printed to PDF by Chromium, and what the print layout shows."""
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("print")
    site = build_real_site(folder)
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
