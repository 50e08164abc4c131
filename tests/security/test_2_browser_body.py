"""Promise 2 in a real browser: a body cannot run script, call another server or take the theme's ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BODY, practice
from goodpractices.body_markdown import render
from goodpractices.sanitize import clean, inspect
from goodpractices.schema import GENERATED_SECTIONS
from test_browser import ARGS, CHROMIUM

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]

#: Accepted by the validator: the ids and names are prefixed or dropped, so they shadow nothing.
CLOBBERING = """<div id="__drawer">drawer</div>

<a name="__search">search</a> <img id="__md_scope" name="__md_get" src="../assets/none.png" alt="x">

<span id="__config">{"features": ["x"], "search": "https://evil.example/w.js"}</span>

## Clobber {#__search .md-dialog}

A note[^__drawer].

[^__drawer]: the footnote.
"""

#: Refused by the validator; here they go through the sanitiser alone, as if the refusal had missed them.
HOSTILE = [
    "![t](https://evil.example/1.gif)", "![t][r]\n\n[r]: https://evil.example/2.gif", '<img\nsrc="//evil.example/3.gif">',
    '<img src="\\\\evil.example\\4.gif">', '<img src="/\\evil.example/5.gif">', "![t](https:evil.example/6.gif)",
    '![t](local.png){: src="https://evil.example/7.gif" }', "![a [b] c](https://evil.example/8.gif)",
    '<img src="a.png" srcset="https://evil.example/9.gif 2x">', '<img src="&#104;ttps://evil.example/10.gif">',
    "<script>window.__xss = 1</script>", '<img src="x.png" onerror="window.__xss = 2">',
    '<svg><image href="https://evil.example/11.gif" onload="window.__xss = 3"/></svg>',
    '<a href="javascript:window.__xss = 4" id="go">go</a>', '<iframe src="https://evil.example/12.html"></iframe>',
    '<link rel="stylesheet" href="https://evil.example/13.css">', '<p style="background:url(https://evil.example/14.gif)">s</p>',
    '<video poster="https://evil.example/15.gif"></video>', '<object data="https://evil.example/16.swf"></object>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/17">', '<base href="https://evil.example/">',
    '<table background="https://evil.example/18.gif"><tr><td>x</td></tr></table>',
    '<input type="image" src="https://evil.example/19.gif">', '<form action="https://evil.example/20"><button>x</button></form>',
]


def _open(browser, url: str):  # noqa: ANN001, ANN202 - Playwright objects
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = []
    page.dialogs = []

    def route(route):  # noqa: ANN001, ANN202
        if route.request.url.startswith(("file:", "data:", "blob:")):
            return route.continue_()
        page.outside.append(route.request.url)
        return route.abort()

    context.route("**/*", route)
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    return context, page


def test_clobbering_ids_leave_the_theme_working_from_a_folder(project):
    from playwright.sync_api import sync_playwright

    project.add("p.md", practice(body=CLOBBERING + "\n" + BODY))
    done = project.build()
    assert done.returncode == 0, done.stderr
    page_file = project.root / "site" / "practices" / "p.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context, page = _open(browser, page_file.as_uri())
        assert page.evaluate("document.getElementById('__drawer').tagName") == "INPUT"
        assert page.evaluate("document.getElementById('__search').tagName") == "INPUT"
        assert page.evaluate("typeof window.__md_get") == "function"
        assert page.evaluate("document.querySelectorAll('article [name]').length") == 0
        content_ids = page.evaluate("[...document.querySelectorAll('article [id]')].map(e => e.id)")
        assert content_ids and all(i.startswith("user-content-") or i in GENERATED_SECTIONS for i in content_ids)
        page.locator("input.md-search__input").click()
        page.keyboard.type("clobber", delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        page.keyboard.press("Escape")
        page.locator("a[href='#user-content-fn:__drawer']").click()
        assert page.url.endswith("#user-content-fn:__drawer")
        assert page.outside == [] and page.dialogs == []
        context.close()
        browser.close()


def test_the_sanitiser_alone_stops_every_hostile_body_in_chromium(project):
    from playwright.sync_api import sync_playwright

    project.add("p.md", practice())
    done = project.build()
    assert done.returncode == 0, done.stderr
    page_file = project.root / "site" / "practices" / "p.html"
    page_html = page_file.read_text()
    marker = "<p>What the practice does.</p>"
    assert marker in page_html
    hostile = "\n\n".join(HOSTILE)
    rendered = render(hostile)
    assert inspect(rendered.html).findings  # the validator refuses them: this is the second line of defence
    cleaned, _ = clean(rendered.html, inspect(rendered.html).ids)
    page_file.write_text(page_html.replace(marker, marker + cleaned))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context, page = _open(browser, page_file.as_uri())
        if page.locator("#go").count():
            page.locator("#go").click()
        page.wait_for_timeout(300)
        assert page.outside == [], page.outside
        assert page.evaluate("window.__xss") is None
        assert page.dialogs == []
        context.close()
        browser.close()
