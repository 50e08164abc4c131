"""The map and the figures page in a real Chromium, opened from a folder: drawn, nothing fetched, axe-core finds
no violation, and screenshots for a person to look at (tests/artifacts/)."""

from __future__ import annotations

import pytest
from axe import AXE, violations
from goodpractices.draw.chart import chart
from goodpractices.figures import Figure, Row
from goodpractices.partnermap import layout
from goodpractices.render.partnermap import figure
from mapscale import scale_catalog
from test_browser import (  # noqa: F401 - the real site in Chromium, and its fixtures
    ARTIFACTS,
    browser,
    pytestmark,  # noqa: F401 - browser tests, skipped without Debian's chromium
    site,
)


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201 - Playwright objects
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def every_violation(page, selector: str) -> list[dict]:  # noqa: ANN001
    """Return axe-core's violations of any impact inside the elements matched by `selector`."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async (s) => await axe.run({include: [[s]]}, {resultTypes: ['violations']})", selector)
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]]


@pytest.mark.parametrize(("name", "url", "selector"), [
    ("map-home", "index.html", ".gp-map"), ("map-partners", "partners/index.html", ".gp-map"),
    ("map-partner", "partners/vlaio.html", ".gp-map"), ("figures", "figures/index.html", "article"),
])
def test_drawn_offline_with_no_violation(page, site, name, url, selector):
    page.goto((site / url).as_uri())
    page.wait_for_load_state("load")
    drawn = page.locator(selector).first
    box = drawn.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 300
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if name == "figures":
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    else:
        page.locator(".gp-map").first.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    assert [u for u in page.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    assert every_violation(page, ".gp-map, .gp-map__list, .gp-figure-block") == []
    assert violations(page) == []


def test_the_list_beside_the_map_opens_and_its_links_lead_to_the_pages(page, site):
    page.goto((site / "partners" / "index.html").as_uri())
    summary = page.locator("details.gp-map__list summary")
    summary.click()
    link = page.locator("details.gp-map__list a", has_text="INMA").first
    assert link.is_visible()
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("partners/inma.html")
    assert page.locator("h1").first.inner_text() == "INMA"


def test_the_held_out_scale_renders(page, tmp_path):
    catalog = scale_catalog(40, 300)
    html = tmp_path / "scale.html"
    html.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Map at 40 partners</title>'
                    '</head><body><main style="width:1100px">' + str(figure(catalog, layout(catalog), ""))
                    + "</main></body></html>", encoding="utf-8")
    page.goto(html.as_uri())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("svg").first.screenshot(path=str(ARTIFACTS / "map-40-partners.png"))
    assert page.locator("circle.gp-map__marker").count() == 40
    assert page.locator("path.gp-map__arrow").count() == len(layout(catalog).arrows)
    assert every_violation(page, "main") == []
    assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []


def test_every_label_and_number_of_a_chart_lies_inside_it(page, tmp_path):
    """A full bar's number ('100% (120 of 120)', '123456') and a long label in capitals are measured by Chromium
    inside the chart, not cut off at its edge (a label too wide for its column is cut with an ellipsis)."""
    shares = Figure("completeness-per-partner", "Completeness per partner", "", "Partner", "Complete practices", (
        Row("Region of Southern Denmark (P7)", 120, None, 120), Row("INMA (P4)", 3, None, 7),
        Row("VLAIO (P9)", 0, None, 0), Row("ecoplus (P1)", 1, None, 1)))
    counts = Figure("practices-per-theme", "Practices per theme", "", "Theme", "Practices",
                    (Row("Services for cluster management organisations", 123456), Row("3D printing", 1),
                     Row("ADR NORD-EST ROMANIA AGENCY (P12)", 5), Row("WMW" * 20, 2)))
    html = tmp_path / "charts.html"
    html.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Charts</title></head><body>'
                    '<main style="width:640px">' + chart(shares) + chart(counts) + "</main></body></html>",
                    encoding="utf-8")
    page.goto(html.as_uri())
    boxes = page.evaluate("""() => [...document.querySelectorAll('svg')].map(svg => [svg.viewBox.baseVal.width,
        [...svg.querySelectorAll('text')].map(t => {
            const b = t.getBBox();
            return [t.textContent, b.x, b.x + b.width];
        })])""")
    assert len(boxes) == 2
    for width, texts in boxes:
        assert len(texts) == 8
        for text, left, right in texts:
            assert 0 <= left and right <= width, (text, left, right, width)
    labels = [text for _, texts in boxes for text, _, _ in texts[::2]]
    assert labels[:5] == ["Region of Southern Denmark (P7)", "INMA (P4)", "VLAIO (P9)", "ecoplus (P1)",
                          "Services for cluster management…"]
    assert labels[-1].startswith("WMWWMW") and labels[-1].endswith("…")
