"""Promise 2: front-matter text is text everywhere: on pages, in metadata, search and downloads."""

from __future__ import annotations

import csv
import io
import json

from conftest import practice

EVIL = "<img src=x onerror=alert(1)><script>alert(2)</script>"


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
    index = "".join(path.read_text() for path in (site / "search").rglob("*.js*"))
    assert "<script>" not in index and "<img" not in index and "img src=x" in index.replace("\\u003c", "")
    record = json.loads((site / "practices.json").read_text())["practices"][0]
    assert record["title"] == f"Evil {EVIL}"  # JSON carries the text; it is data, never markup
    rows = list(csv.reader(io.StringIO((site / "transferability.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1][:2] == ["p", f"Evil {EVIL}"] and rows[1][5:] == ["INMA", "Romania", "assessed", EVIL]
