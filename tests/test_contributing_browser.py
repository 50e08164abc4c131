"""The Contributing page in a real Chromium, on a phone: the keys in its tables are read whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_real_site
from test_browser import ARGS, ARTIFACTS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_every_theme_and_partner_key_stands_on_one_line(tmp_path: Path, width: int):
    from playwright.sync_api import sync_playwright

    from goodpractices import scaffold

    themes, partners, _ = scaffold.registries(Path(__file__).resolve().parent.parent / "practices")
    site = build_real_site(tmp_path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((site / "contributing.html").as_uri())
        keys = page.eval_on_selector_all(
            "article table td:first-child > code",
            "codes => codes.map(c => [c.textContent, c.getClientRects().length,"
            " Math.round(c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight))])")
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("#partner-keys").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"contributing-keys-{width}.png"))
        browser.close()
    assert {t.key for t in themes} | {p.key for p in partners} <= {key for key, _, _ in keys}
    assert [key for key, boxes, lines in keys if boxes != 1 or lines != 1] == []  # every key, stages' too
