"""Promise 2: front-matter text is text everywhere; scriptable HTML in a body is refused, and pages are sanitised."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import BODY, practice

from goodpractices.sanitize import clean

EVIL = "<img src=x onerror=alert(1)><script>alert(2)</script>"


@pytest.mark.parametrize(("line", "expected"), [
    ("<script>alert(1)</script>", "has a <script> tag (remove it: practice pages carry no scripts, styles, frames or forms)"),
    ("<STYLE>body{}</STYLE>", "has a <style> tag (remove it: practice pages carry no scripts, styles, frames or forms)"),
    ('<iframe src="https://example.org"></iframe>',
     "has a <iframe> tag (remove it: practice pages carry no scripts, styles, frames or forms)"),
    ('<form action="https://example.org"><input name=x></form>',
     "has a <form> tag (remove it: practice pages carry no scripts, styles, frames or forms)"),
    ("<object data=x></object>", "has a <object> tag (remove it: practice pages carry no scripts, styles, frames or forms)"),
    ('<svg><circle r="1"/></svg>', "has a <svg> tag (remove it: practice pages carry no scripts, styles, frames or forms)"),
    ('<img src="x.png" onerror="alert(1)">', "has an HTML event-handler attribute such as onclick (remove it)"),
    ('<p/onmouseover="alert(1)">hi</p>', "has an HTML event-handler attribute such as onclick (remove it)"),
    ("[click](javascript:alert(1))", "has a javascript:, vbscript: or data: link (use an http(s) address)"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "has a javascript:, vbscript: or data: link (use an http(s) address)"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "has a javascript:, vbscript: or data: link (use an http(s) address)"),
    ("[x]( JaVaScRiPt:alert(1) )", "has a javascript:, vbscript: or data: link (use an http(s) address)"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
     "has a javascript:, vbscript: or data: link (use an http(s) address)"),
    ("[ref]: javascript:alert(1)", "has a javascript:, vbscript: or data: link (use an http(s) address)"),
    ("![tracker](https://example.org/pixel.gif)",
     "shows an image from another server (readers' browsers would call it; describe it in words or link to it instead)"),
])
def test_scriptable_html_in_a_body_is_a_validation_error_at_its_line(check, line, expected):
    body = BODY.replace("Staff time.", "Staff time.\n\n" + line)
    assert check({"p.md": practice(body=body)}) == [f"practices/p.md:16: body: {expected}"]


def test_code_blocks_and_entities_may_show_html_as_text(check):
    body = BODY + "\nWrite &lt;script&gt; as text.\n\n```html\n<script>alert(1)</script>\n```\n"
    assert check({"p.md": practice(body=body)}) == []


def test_the_sanitiser_drops_script_and_keeps_material_markup():
    html = ('<h2 id="description">Description<a class="headerlink" href="#description" title="Permanent link">¶</a>'
            '</h2><div class="admonition note"><p class="admonition-title">Note</p></div>'
            '<p onclick="x()">a<script>alert(1)</script><style>p{}</style><a href="javascript:alert(1)">b</a>'
            '<iframe src="https://example.org"></iframe></p>')
    assert clean(html) == (
        '<h2 id="description">Description<a class="headerlink" href="#description" title="Permanent link" '
        'rel="noopener noreferrer">¶</a></h2><div class="admonition note"><p class="admonition-title">Note</p></div>'
        '<p>a<a rel="noopener noreferrer">b</a></p>'
    )


def test_front_matter_markup_is_text_in_page_meta_search_and_downloads(project):
    extra = ("keywords: ['<script>alert(3)</script>']\n" f"transferability:\n  inma: {{stage: assessed, note: '{EVIL}'}}\n"
             f"region: '{EVIL}'\ninstitution: '{EVIL}'\ncontact: {{name: '{EVIL}', organisation: '{EVIL}'}}\n"
             f"links:\n  - {{title: '{EVIL}', url: 'https://example.org/'}}\n")
    project.add("p.md", practice(extra, title=f"'Evil {EVIL}'", summary=f"'A summary that carries {EVIL} for fun.'"))
    done = project.build()
    assert done.returncode == 0, done.stderr
    site = project.root / "site"
    for page in ("practices/p.html", "themes/cmo-services.html", "partners/ecoplus.html", "partners/inma.html",
                 "transferability/index.html", "themes/index.html", "index.html"):
        html = (site / page).read_text()
        assert "<script>alert(2)" not in html and "<img src=x" not in html and "<img src=\"x\"" not in html, page
    practice_html = (site / "practices/p.html").read_text()
    assert practice_html.count("&lt;img src=x onerror=alert(1)&gt;") >= 8  # title, summary, region ×2, institution,
    # contact ×2, link, note: every front-matter text shows as text on the practice page
    assert '<meta name="description" content="A summary that carries &lt;img src=x onerror=alert(1)&gt;' in practice_html
    index = (site / "search/search_index.json").read_text()
    assert "<script>" not in index and "<img" not in index
    record = json.loads((site / "practices.json").read_text())["practices"][0]
    assert record["title"] == f"Evil {EVIL}"  # JSON carries the text; it is data, never markup
    rows = list(csv.reader(io.StringIO((site / "transferability.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1][:2] == ["p", f"Evil {EVIL}"] and rows[1][5:] == ["INMA", "Romania", "assessed", EVIL]


def test_a_body_cannot_forge_a_slot_or_add_attributes(project):
    forged = ("<!--goodpractices:slot:0-->\n\n<!-- goodpractices:slot:2 -->\n\nText\n{: onclick=\"alert(4)\" }\n\n"
              "## Heading {: onmouseover=\"alert(5)\" }\n")  # attribute lists are Markdown, not raw HTML
    project.add("p.md", practice(body=BODY + "\n" + forged))
    done = project.build()
    assert done.returncode == 0, done.stderr
    html = (project.root / "site" / "practices" / "p.html").read_text()
    assert html.count('class="gp-breadcrumbs"') == 1 and html.count("At a glance") == 1
    assert "goodpractices:slot" not in html and "alert(4)" not in html and "alert(5)" not in html
