"""A practice page's related practices in a real Chromium, opened from a folder: seen, accessible, followed."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe import violations
from conftest import build_real_site
from test_browser import ARGS, ARTIFACTS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]


def test_the_related_practices_show_why_pass_axe_and_lead_to_their_pages(tmp_path: Path):
    from playwright.sync_api import sync_playwright

    site = build_real_site(tmp_path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto((site / "practices" / "interregional-staff-exchange.html").as_uri())
        section = page.locator("ul.gp-related")
        section.scroll_into_view_if_needed()
        items = section.locator("li").all_inner_texts()
        assert len(items) == 5
        assert items[1] == ("Cluster management excellence and peer learning among clusters (Westpannon) — "
                            "same theme · 2 shared keywords")
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("#related").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "related-practices.png"))
        assert violations(page) == []
        section.locator("a").nth(1).click()
        page.wait_for_load_state()
        assert page.url.endswith("practices/cluster-management-excellence.html")
        assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []
        browser.close()
