"""Property tests: random front-matter values and Markdown either validate or give a clear error, never a crash."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml
from conftest import BODY
from goodpractices import catalog
from goodpractices.body_checks import check_body
from goodpractices.checker import Checker
from goodpractices.load import Source, parse_practice
from goodpractices.render.practice import practice_page
from goodpractices.sanitize import ID_PREFIX, local
from goodpractices.schema import FIELDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LINE = re.compile(r"^practices/p\.md:\d+: (warning: )?[\w ]+: .+$")
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
                    st.dates().map(str), st.sampled_from(["NO", "yes", "on", "~", "2017-13", "ongoing", "inma"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)
front_matter = st.dictionaries(st.sampled_from([f.name for f in FIELDS] + ["render_macros", "titel"]), values,
                               max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=front_matter, body=st.text(max_size=300))
def test_random_front_matter_validates_or_reports(project, fields, body):
    text = "---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n" + body
    (project.practices / "p.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    result = catalog.build(project.practices)
    for problem in result.problems:
        assert LINE.match(str(problem)), str(problem)
    if result.catalog is not None:
        for practice in result.catalog.practices:
            practice_page(result.catalog, practice)


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(raw):
    source, problems = parse_practice(b"---\n" + raw, "practices/p.md", "p.md")
    assert source is not None or problems


URLS = st.sampled_from(["https://evil.example/p.gif", "//evil.example/p.gif", "https:evil.example/p.gif",
                         "\\\\evil.example\\p.gif", "/\\evil.example/p.gif", "javascript:alert(1)",
                         "&#106;avascript:alert(1)", "data:image/gif;base64,R0", "img/local.png", "../assets/a.png",
                         "../../../etc/passwd", " HTTPS://EVIL.EXAMPLE/p.gif "])
WORDS = st.text(alphabet=st.sampled_from(list("ab <>/&;=\"'`*_[]()!#{}:.-")), max_size=12)
PAYLOADS = st.sampled_from(["<script>alert(1)</script>", "<form action=x>", "<img src=x onerror=alert(1)>",
                            "javascript:alert(1)", "{{ config }}", "<div id=__drawer>"])
#: Markdown that makes images, links, ids, code and nesting, in the spellings an attacker would try.
PIECES = st.one_of(
    st.builds(lambda u, w: f"![{w}]({u})", URLS, WORDS),
    st.builds(lambda u, w: f"![{w}][r]\n\n[r]: {u}\n", URLS, WORDS),
    st.builds(lambda u: f"<img\nsrc=\"{u}\">", URLS),
    st.builds(lambda u: f"![t](local.png){{: src=\"{u}\" }}", URLS),
    st.builds(lambda u, w: f"[{w}]({u})", URLS, WORDS),
    st.builds(lambda w: f"<span id=\"{w}\" name=\"{w}\">x</span>", WORDS),
    st.builds(lambda w: f"## Heading {{#{w.strip() or 'h'}}}\n", WORDS),
    st.builds(lambda p: f"`{p}`", PAYLOADS),
    st.builds(lambda p: f"````\n{p}\n````\n", PAYLOADS),
    st.builds(lambda p: f"\n    {p}\n", PAYLOADS),
    st.builds(lambda n, w: "    " * n + f"- {w}\n", st.integers(0, 14), WORDS),
    st.builds(lambda n: ">" * n + " quote\n", st.integers(0, 14)),
    st.builds(lambda n: "*" * n + "x" + "*" * n, st.integers(0, 600)),
    st.builds(lambda n: "`" * n, st.integers(0, 1200)),
    st.builds(lambda n: "<div>" * n, st.integers(0, 40)),
    WORDS,
)
CODE = {f"`{p}`" for p in ("<script>alert(1)</script>", "<form action=x>")} | {
    f"````\n{p}\n````\n" for p in ("<script>alert(1)</script>", "<form action=x>")}


def elements(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every start tag in `html` with its attributes, as a browser-like parser reads them."""
    found: list[tuple[str, list[tuple[str, str]]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):  # noqa: ANN001, ANN202
            found.append((tag, [(name, value or "") for name, value in attrs]))

    Parser(convert_charrefs=True).feed(html)
    return found


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(PIECES, max_size=8))
def test_bodies_render_to_safe_html_or_a_clear_refusal(parts):
    body = BODY + "\n" + "\n\n".join(parts)
    checker = Checker(Source("p", "practices/p.md", {}, {}, body, 7))
    result = check_body(checker, body, 7)
    for problem in checker.problems:
        assert LINE.match(str(problem)), str(problem)
    if result is None:
        assert any(not p.warning for p in checker.problems)
        return
    html = result.html.decode()
    for tag, attrs in elements(html):
        assert tag not in ("script", "form", "style", "iframe"), html
        for name, value in attrs:
            assert not name.startswith("on") and name != "name", html
            assert name != "id" or value.startswith(ID_PREFIX), html
            assert name != "src" or local(value), html
            assert name != "href" or not re.match(r"\s*(javascript|vbscript|data):", value, re.IGNORECASE), html
    if any(not p.warning for p in checker.problems):
        return  # refused: the cleaned HTML above is safe all the same, and no page shows it
    for part in CODE.intersection(parts):  # code is text: the payload shows, escaped
        payload = part.strip("`\n")
        assert payload.replace("<", "&lt;").replace(">", "&gt;") in html


MARKDOWN_ONLY = st.one_of(
    st.builds(lambda u, w: f"![{w}]({u})", URLS, WORDS), st.builds(lambda u, w: f"[{w}]({u} \"t{w}\")", URLS, WORDS),
    st.builds(lambda u, w: f"![{w}][r]\n\n[r]: {u}\n", URLS, WORDS), st.builds(lambda w: f"## {w}\n", WORDS),
    st.builds(lambda w: f"Text[^{len(w)}].\n\n[^{len(w)}]: {w}\n", WORDS), st.just("| a | b |\n|:-|-:|\n| 1 | 2 |\n"),
    st.builds(lambda w: f"*[HTML]: {w}\n\nHTML here", WORDS), st.builds(lambda w: f"!!! note \"{w}\"\n    body\n", WORDS),
    WORDS,
)


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(MARKDOWN_ONLY, max_size=6))
def test_markdown_without_markup_is_read_the_same_by_the_quick_pattern_and_the_parser(parts):
    from goodpractices.body_markdown import render
    from goodpractices.sanitize import inspect

    body = "\n\n".join(parts)
    if "<" in body or "{" in body:
        return
    html = render(body).html
    quick, parsed = inspect(html, markup=False), inspect(html, markup=True)
    assert [f.message for f in quick.findings] == [f.message for f in parsed.findings]
    assert (quick.ids, quick.h1) == (parsed.ids, parsed.h1)
