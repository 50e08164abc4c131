"""Promise 2 in a real browser: markup in front matter never runs, on the page or in search results."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import practice
from test_browser import ARGS, CHROMIUM

PAYLOAD = "<img src=x onerror=window.__xss=1><script>window.__xss=2</script>"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]


def test_no_injected_script_runs_on_pages_or_in_search(project):
    from playwright.sync_api import sync_playwright

    project.add("p.md", practice("keywords: ['<i onmouseover=x>zanzibar']\n", title=f"'Zanzibar {PAYLOAD}'",
                                 summary=f"'Zanzibar summary {PAYLOAD} long enough to pass validation.'"))
    done = project.build()
    assert done.returncode == 0, done.stderr
    site = project.root / "site"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in ("practices/p.html", "themes/cmo-services.html", "partners/ecoplus.html",
                    "transferability/index.html", "index.html"):
            page.goto((site / url).as_uri())
            page.wait_for_load_state("load")
            assert page.evaluate("window.__xss") is None, url
        title = page.goto((site / "practices/p.html").as_uri()) and page.locator("h1").first.inner_text()
        assert title == f"Zanzibar {PAYLOAD}"
        page.goto((site / "index.html").as_uri())
        page.locator("input.md-search__input").click()
        page.keyboard.type("zanzibar", delay=20)
        result = page.locator(".md-search-result__item").first
        result.wait_for(timeout=15_000)
        assert "Zanzibar" in result.inner_text()
        page.wait_for_timeout(500)
        assert page.evaluate("window.__xss") is None
        assert dialogs == []
        browser.close()
