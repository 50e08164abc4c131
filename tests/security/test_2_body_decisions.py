"""Promise 2 for bodies: every decision is made on the HTML that Markdown renders, whatever the spelling."""

from __future__ import annotations

import re

import pytest
from conftest import BODY, practice
from goodpractices.body_markdown import render
from goodpractices.sanitize import ID_PREFIX, clean, inspect, local

TAG = "(remove it: practice pages carry no scripts, styles, frames, forms or embedded media)"
OUTSIDE = ("(readers' browsers would fetch it; put the image in docs/assets/ and link it with a relative path, or "
           "link to it instead)")
#: The line of BODY after which each case is written: "Staff time." is line 14 of the file, a blank line follows.
LINE = 16


def body_with(text: str) -> str:
    return BODY.replace("Staff time.", "Staff time.\n\n" + text)


@pytest.mark.parametrize(("text", "expected"), [
    # dangerous elements, however they are written
    ("<script>alert(1)</script>", f"has a <script> tag {TAG}"),
    ("<SCRIPT SRC=x.js></SCRIPT>", f"has a <script> tag {TAG}"),
    ("<STYLE>body{}</STYLE>", f"has a <style> tag {TAG}"),
    ('<iframe src="https://example.org"></iframe>', f"has a <iframe> tag {TAG}"),
    ("<object data=x></object>", f"has a <object> tag {TAG}"),
    ("<embed src=x.swf>", f"has a <embed> tag {TAG}"),
    ('<svg><circle r="1"/></svg>', f"has a <svg> tag {TAG}"),
    ("<math><mi>x</mi></math>", f"has a <math> tag {TAG}"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org">', f"has a <meta> tag {TAG}"),
    ('<base href="https://example.org/">', f"has a <base> tag {TAG}"),
    ('<link rel=stylesheet href="https://example.org/x.css">', f"has a <link> tag {TAG}"),
    ('<video src="https://example.org/v.mp4"></video>', f"has a <video> tag {TAG}"),
    ("<template><p>x</p></template>", f"has a <template> tag {TAG}"),
    ("<form\naction=x><button>go</button></form>", f"has a <form> tag {TAG}"),
    # event handlers: raw HTML, odd separators, attribute lists
    ('<img src="x.png" onerror="alert(1)">', "has an event-handler attribute onerror on <img> (remove it)"),
    ('<p/onmouseover="alert(1)">hi</p>', "has an event-handler attribute onmouseover on <p> (remove it)"),
    ('<a href="x.html" ONCLICK=alert(1)>x</a>', "has an event-handler attribute onclick on <a> (remove it)"),
    ("A paragraph.\n{: onclick=\"alert(1)\" }", "has an event-handler attribute onclick on <p> (remove it)"),
    # script URLs
    ("[click](javascript:alert(1))", "has a javascript: URL in href, 'javascript:alert(1)' (use an http(s) address)"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "has a javascript: URL in href, 'javascript:alert(1)' (use an http(s) address)"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "has a javascript: URL in href, 'java\\tscript:alert(1)' (use an http(s) address)"),
    ("[x]( JaVaScRiPt:alert(1) )", "has a javascript: URL in href, 'JaVaScRiPt:alert(1)' (use an http(s) address)"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "has a data: URL in href, 'data:text/html;base64,PHNjcmlwdD4=' (use an http(s) address)"),
    ("[v](vbscript:msgbox)", "has a vbscript: URL in href, 'vbscript:msgbox' (use an http(s) address)"),
    ("[ref][r]\n\n[r]: javascript:alert(1)", "has a javascript: URL in href, 'javascript:alert(1)' (use an http(s) address)"),
    ("[x](local.html){: href=\"javascript:alert(1)\" }", "has a javascript: URL in href, 'javascript:alert(1)' (use an http(s) address)"),
    ("[f](file:///etc/passwd)", "has a file: URL in href, 'file:///etc/passwd' (use an http(s) address)"),
    # links out of the site from a page opened from a folder
    ("[p](../../../../etc/passwd)", "links to '../../../../etc/passwd', outside the site (link to a page of the "
                                    "site with a relative path, or to a full https:// address)"),
    ("[p](/etc/passwd)", "links to '/etc/passwd', outside the site (link to a page of the site with a relative "
                         "path, or to a full https:// address)"),
    # images from another server, in every way Markdown and HTML can make one
    ("![t](https://evil.example/p.gif)", f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("![t][r]\n\n[r]: https://evil.example/p.gif", f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("![t][]\n\n[t]: <https://evil.example/p.gif> \"title\"",
     f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ('<img\nsrc="https://evil.example/p.gif">', f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("<IMG SRC=//evil.example/p.gif>", f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("![t](//evil.example/p.gif)", f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("![t](https:evil.example/p.gif)", f"shows an image from outside the site, https: {OUTSIDE}"),
    ("![t](HTTPS://EVIL.EXAMPLE/p.gif)", f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ('<img src="\\\\evil.example\\p.gif">', f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ('<img src="/\\evil.example/p.gif">', f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ('<img src="&#104;ttps://evil.example/p.gif">', f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ('<img src=" https://evil.example/p.gif ">', f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("![a [nested] b](https://evil.example/p.gif)", f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("![t](local.png){: src=\"https://evil.example/p.gif\" }",
     f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("Not a fence: ``` x\n![t](https://evil.example/p.gif)",
     f"shows an image from outside the site, evil.example {OUTSIDE}"),
    ("![t](../../../../etc/passwd)", f"shows an image from outside the site, '../../../../etc/passwd' {OUTSIDE}"),
    ("![t](file:///etc/passwd)", f"shows an image from outside the site, file: {OUTSIDE}"),
    ("![t](data:image/gif;base64,R0lGOD)", f"shows an image from outside the site, data: {OUTSIDE}"),
    ('<img src="a.png" srcset="https://evil.example/p.gif 2x">',
     "has a srcset attribute on <img> (give the image one src inside the site)"),
])
def test_what_a_body_renders_to_is_refused_at_its_line(check, text, expected):
    culprit = next((n for n, line in enumerate(text.split("\n")) if ":" in line and line.startswith(("[", "{", "!["))
                    and n), 0)  # a reference definition or attribute list on a later line holds the culprit
    problems = check({"p.md": practice(body=body_with(text))})
    assert f"practices/p.md:{LINE + culprit}: body: {expected}" in problems, problems
    assert all(not p.startswith("practices/p.md") or ": body: " in p for p in problems)


@pytest.mark.parametrize("text", [
    "Inline code: `<form action=x>` and `javascript:alert(1)` and `<img src=https://evil.example/p.gif>`.",
    "````\n<script>alert(1)</script>\n```\nstill code\n````",
    "~~~html\n<iframe src=\"https://example.org\"></iframe>\n![t](https://evil.example/p.gif)\n~~~",
    "Before.\n\n    <form><input></form>\n    ![t](https://evil.example/p.gif)\n\nAfter.",
    "``` { .html }\n<svg onload=alert(1)>\n```",
    "Write &lt;script&gt; as text, and \\<b> too.",
    "![A local picture](../assets/map.png) and ![another](img/map.png \"title\")",
    "[A partner](../partners/inma.html), [a theme](../themes/cmo-services.html#top), [mail](mailto:a@example.org)",
    "[An http link](https://example.org/page) and <https://example.org/auto>",
])
def test_code_is_text_and_ordinary_content_passes(check, text):
    assert check({"p.md": practice(body=body_with(text))}) == []


def test_code_shows_as_escaped_text_in_the_cleaned_html():
    rendered = render("`<form>` and\n\n````\n<script>alert(1)</script>\n````\n")
    html, missed = clean(rendered.html, inspect(rendered.html).ids)
    assert missed == []
    assert "<code>&lt;form&gt;</code>" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html and "<form" not in html


@pytest.mark.parametrize("text", [
    '<div id="__drawer">x</div>', '<a name="__search">x</a>', '<span id="contact">x</span>',
    '<img id="config" name="config" src="a.png">', "## Heading {#__drawer}", "A paragraph.\n{: #__search }",
    "Text[^note].\n\n[^note]: A footnote.", "## Contact person", "## Links and sources\n\n### Links",
    '<p id="user-content-x">already prefixed</p>', '<table id="__consent"><tr><td id="c">x</td></tr></table>',
])
def test_no_content_id_or_name_survives_without_the_prefix(text):
    rendered = render(text)
    seen = inspect(rendered.html)
    html, _ = clean(rendered.html, seen.ids)
    ids = re.findall(r'\sid="([^"]*)"', html)
    assert all(value.startswith(ID_PREFIX) for value in ids), html
    assert ids or "name=" in text, html
    assert " name=" not in html
    for target in re.findall(r'href="#([^"]*)"', html):  # in-page links follow their target's new name
        assert target.startswith(ID_PREFIX) and target in ids, html


def test_a_link_to_a_practice_file_points_at_its_page():
    rendered = render("[other](other-practice.md#user-content-description) and [it](other.md)")
    html, _ = clean(rendered.html, inspect(rendered.html).ids)
    assert 'href="other-practice.html#user-content-description"' in html and 'href="other.html"' in html


@pytest.mark.parametrize(("url", "inside"), [
    ("img/a.png", True), ("../assets/a.png", True), ("a.png?x=1#y", True), ("../a.png", True),
    ("../../a.png", False), ("/a.png", False), ("//evil.example/a.png", False), ("\\\\evil.example\\a.png", False),
    ("https://evil.example/a.png", False), ("https:evil.example", False), (" java\tscript:x", False),
    ("data:image/png;base64,AAAA", False), ("a\x01.png", False), ("", False), ("file:///etc/passwd", False),
])
def test_inside_the_site_means_relative_and_not_above_its_root(url, inside):
    assert local(url) is inside


def test_a_body_cannot_forge_a_slot_or_borrow_the_themes_classes(project):
    forged = ("<!--goodpractices:slot:0-->\n\n<!-- goodpractices:slot:2 -->\n\nText\n{: .md-dialog .gp-glance .note }\n")
    project.add("p.md", practice(body=BODY + "\n" + forged))
    done = project.build()
    assert done.returncode == 0, done.stderr
    html = (project.root / "site" / "practices" / "p.html").read_text()
    assert html.count('class="gp-breadcrumbs"') == 1 and html.count("At a glance") == 1
    assert "goodpractices:slot" not in html
    assert '<p class="note">Text</p>' in html


def test_the_page_keeps_the_themes_ids_once_and_its_table_of_contents_works(project):
    body = ('<div id="__drawer">x</div>\n\n<a name="__search">y</a>\n\n' + BODY
            + "\n## Contact\n\nx\n" * 0 + "\n## Links to {#links}\n\nSee [above](#description).\n")
    project.add("p.md", practice("links: [{title: Site, url: 'https://example.org/'}]\n", body=body))
    done = project.build()
    assert done.returncode == 0, done.stderr
    html = (project.root / "site" / "practices" / "p.html").read_text()
    for theme_id in ("__drawer", "__search", "links"):
        assert html.count(f'id="{theme_id}"') == 1, theme_id
    assert 'id="user-content-__drawer"' in html and 'id="user-content-links"' in html
    assert 'href="#user-content-description"' in html
    toc = html[html.index('data-md-component="toc"'):]
    assert '<a href="#user-content-description" class="md-nav__link">' in toc
    assert '<a href="#links" class="md-nav__link">' in toc


def test_bodies_render_with_the_sites_markdown_extensions():
    from goodpractices.siteinfo import mkdocs_settings
    from conftest import ROOT
    from goodpractices.body_markdown import EXTENSIONS

    listed = mkdocs_settings(ROOT / "mkdocs.yml")["markdown_extensions"]
    as_dict = {next(iter(item)) if isinstance(item, dict) else item:
               (next(iter(item.values())) if isinstance(item, dict) else {}) for item in listed}
    assert as_dict == EXTENSIONS


def test_table_alignment_is_kept_and_nothing_else_of_a_style():
    rendered = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
                      '<table><tr><td style="text-align: center; background: url(https://evil.example/x.gif)">c'
                      "</td></tr></table>")
    html, _ = clean(rendered.html, inspect(rendered.html).ids)
    assert '<th style="text-align:left">a</th>' in html and '<td style="text-align:right">2</td>' in html
    assert '<td style="text-align:center">c</td>' in html and "evil" not in html
