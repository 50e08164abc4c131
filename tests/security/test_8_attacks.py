"""An attacker's review of content safety: every attack that still works is a failing test, named for what it
breaks; the classes of attack that held are kept as passing regression tests.

Browser tests build a real site into a temporary folder, open the practice page from file:// in Debian's
Chromium, block and count every request that is not to a file, and count dialogs and script that ran.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import BODY, practice
from goodpractices.body_markdown import render
from test_browser import ARGS, CHROMIUM

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


def body_with(text: str) -> str:
    return BODY.replace("Staff time.", "Staff time.\n\n" + text)


@dataclass
class Visit:
    """What one page did in Chromium: requests that left the site, dialogs, and the `window.__xss` mark."""

    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    xss: object = None


def open_practice(project, text: str, then=None) -> Visit:  # noqa: ANN001 - fixtures and Playwright objects
    """Build a site with `text` in a practice body, open its page from file:// and report what it did."""
    from playwright.sync_api import sync_playwright

    project.add("p.md", practice(body=body_with(text)))
    done = project.build()
    assert done.returncode == 0, done.stderr  # the checks let the body through: the browser tells the rest
    visit = Visit()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()

        def route(request_route) -> None:  # noqa: ANN001
            if request_route.request.url.startswith("file:"):
                request_route.continue_()
            else:
                visit.outside.append(request_route.request.url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto((project.root / "site" / "practices" / "p.html").as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(700)
        if then is not None:
            then(page)
            page.wait_for_timeout(300)
        visit.xss = page.evaluate("window.__xss")
        browser.close()
    return visit


# --- Attacks that work ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("attribute_list", [
    # attr_list takes a quoted `id` value verbatim; the table of contents prints the heading's anchor into
    # `<a href="...">` without escaping (MkDocs' Jinja has no autoescape), so the id broke out of the attribute.
    "{: id='x\"><img src=x onerror=window.__xss=1;alert(1)//' }",
    "{: id='x\" autofocus onfocus=\"window.__xss=1' }",
], ids=["img-onerror", "autofocus-onfocus"])
def test_attack_heading_id_breaks_out_of_the_table_of_contents_and_runs_script(project, attribute_list):
    """ATTACK: `## Title {: id='x"><img src=x onerror=...//' }` put the raw id into the page's table of
    contents as `href="#user-content-x"><img src=x onerror=...//"`, and script ran when the page opened.
    Now such an id is refused, and anchors are escaped in the table of contents all the same."""
    project.add("p.md", practice(body=body_with(f"## Plan {attribute_list}\n\nText.")))
    done = project.build()
    assert done.returncode == 1
    assert "practices/p.md:16: body: has a heading id 'x\"" in done.stderr
    assert "that is not a plain name (use letters, digits, '-', '_', '.' or ':')" in done.stderr


def test_attack_heading_id_with_quotes_is_refused_by_the_check(check):
    """The same attack as seen by validate.py: it passes without a word."""
    problems = check({"p.md": practice(body=body_with("## Plan {: id='x\"><img src=x onerror=alert(1)//' }"))})
    assert any(p.startswith("practices/p.md:16: body: ") for p in problems), problems


def test_attack_heading_anchors_hold_only_safe_characters():
    """Every anchor that reaches the table of contents must be safe to print inside an attribute."""
    from goodpractices.body_checks import check_body
    from goodpractices.checker import Checker

    checker = Checker.__new__(Checker)
    reported: list[str] = []
    checker.report = lambda *args, **kwargs: reported.append(args[1])  # type: ignore[method-assign]
    body = check_body(checker, "## Plan {: id='a\" onmouseover=\"alert(1)' }\n\nText.\n", 1)
    assert body is None or all('"' not in h.anchor and "<" not in h.anchor and " " not in h.anchor
                               for h in body.headings), body


@pytest.mark.parametrize("text", [
    '<pre class="mermaid">graph TD; A--&gt;B</pre>',
    '<pre class="note mermaid">x</pre>',
])
@pytest.mark.browser
@needs_chromium
def test_attack_mermaid_class_makes_material_load_a_script_from_a_cdn(project, text):
    """ATTACK: content may keep any class not starting with md- or gp-; Material's bundle mounts every
    `pre.mermaid` in the content and loads https://unpkg.com/mermaid@11/dist/mermaid.min.js for it: a request
    (of a script!) leaves the site as the page opens.
    Fix: allow classes from a short allowlist (admonition, footnote, headerlink, language-*, ...) instead of a
    denylist of prefixes; at least drop `mermaid` and every class Material's JavaScript acts on."""
    visit = open_practice(project, text)
    assert visit.outside == []


def _deep_lists(count: int = 3, depth: int = 400) -> str:
    """Lists nested `depth` deep on one line each ('- - - … x'), the innermost item full of inline elements."""
    inner = " ".join("`a` *b*" for _ in range(240))
    return "\n\n".join(["- " * depth + "x " + inner] * count)


@pytest.mark.parametrize("line", ["- " * 400 + "x", "1. " * 100 + "x", "- > " * 60 + "x", "* + 1. " * 30 + "x"],
                         ids=["dashes", "numbers", "lists-and-quotes", "mixed-markers"])
def test_attack_lists_nested_on_one_line_pass_the_depth_limit(check, line):
    """ATTACK: markdown_limits measures list depth by indentation only (and quotes by leading '>'), but
    '- - - - x' nests a list in a list on one line, as do '1. 1. x' and '- > - > x'. Hundreds of levels pass the
    check (MAX_DEPTH is 10) without a word.
    Fix: count list markers and '>' at the start of a line's content too, in any order."""
    problems = check({"p.md": practice(body=body_with(line))})
    assert any("nests lists or quotes" in p for p in problems), problems


def test_attack_deep_one_line_lists_stall_the_build_after_passing_the_checks(project):
    """ATTACK: each file renders in well under RENDER_SECONDS, so the checks accept it, but Material's search
    plugin walks its whole element stack for every piece of text (O(depth) per event): three 400-deep lists
    with busy innermost items make one page cost over ten seconds of build, and every such file adds as much;
    four files hold CI for about a minute (a plain build of the same project takes a few seconds).
    Fix: bound list depth on one line as above (the depth limit then bounds the search plugin too)."""
    import subprocess

    for number in range(4):
        project.add(f"p{number}.md", practice(body=body_with(_deep_lists()), title=f"Deep lists number {number}"))
    started = time.monotonic()
    try:
        done = project.build(timeout=40)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build was still running after {time.monotonic() - started:.0f} s")
    assert done.returncode != 0 or time.monotonic() - started < 40


@pytest.mark.parametrize("opener", ["<span></b>", "<span/>", "<div/>\n"], ids=["stray-end-tag", "span-slash",
                                                                           "div-slash"])
def test_attack_stray_end_tags_bypass_the_html_nesting_limit(check, opener):
    """ATTACK: the nesting counter of markdown_limits takes any end tag off the depth, but browsers (and nh3)
    ignore an end tag that closes nothing: '<span></b>' 450 times nests 450 spans in the cleaned HTML while the
    check counts 1 (MAX_HTML_DEPTH is 32). It also takes '<span/>' for a closed element, but HTML has no
    self-closing syntax outside void and foreign elements: 450 '<span/>' nest 450 spans.
    Fix: keep a stack of open names, pop only a matching one, and count '<x/>' as opening unless x is void."""
    problems = check({"p.md": practice(body=body_with("x " + opener * 450 + " y"))})
    assert any("nests HTML elements" in p for p in problems), problems


# --- False refusals: code is text, but the limits count what code contains ----------------------------------

SNAKE = "\n".join(f"    result_{i} = compute_value(first_arg, second_arg)  # my_var" for i in range(120))


@pytest.mark.parametrize("text", [
    # a practice about web accessibility names an element in inline code, paragraph after paragraph: every
    # `<section>` in code counts as an element opened and never closed
    "\n\n".join(f"Paragraph {i} asks for the `<section>` element." for i in range(40)),
    # an XML sample in an indented code block, with its comments
    "Example:\n\n" + "\n".join(f"    <!-- step {i} -->" for i in range(60)),
    # a shell script in an indented code block: its comment lines count as headings
    "Script:\n\n" + "\n".join(f"    # step {i}" for i in range(310)),
    # Python in an indented code block: snake_case names count as emphasis markers
    "Code:\n\n" + SNAKE,
], ids=["inline-code-tags-count-as-nesting", "indented-xml-comments", "indented-shell-comments",
        "indented-snake-case"])
def test_attack_code_is_refused_for_what_it_contains_by_the_limits(check, text):
    """ATTACK (false refusal): markdown_limits skips fenced code only; inline code and indented code blocks
    are counted as if they were markup, and the advice given (escape '_' as '\\_') would show backslashes in
    code. Fix: skip code spans and indented code as the fences are skipped (or count on the parsed blocks)."""
    problems = [p for p in check({"p.md": practice(body=body_with(text))}) if ": warning: " not in p]
    assert problems == []


# --- Outside the site through percent-encoded dots -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "![t](%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/hostname)",
    '<img src="%2E%2E/%2e%2e/%2e%2e/secret.png">',
    "[p](.%2e/.%2e/.%2e/.%2e/etc/passwd)",
])
def test_attack_percent_encoded_dots_climb_above_the_site(check, text):
    """ATTACK: `local()` normalises '..' but not '%2e%2e', which browsers read as '..' in a path (the URL
    standard's double-dot segment). Chromium, opening practices/p.html from a folder, requests
    file:///<folder above the site>/etc/hostname for the first line; '../../../../etc/hostname' is refused.
    Fix: percent-decode the path (at least %2e/%2E) before normalising it in `local()`."""
    problems = check({"p.md": practice(body=body_with(text))})
    assert any(p.startswith("practices/p.md:16: body: ") for p in problems), problems


# --- Tracebacks -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "![a](http://[broken/a.png)", '<img src="//[">', "![t][r]\n\n[r]: https://[::1/p.gif",
])
def test_attack_a_remote_image_with_a_broken_ipv6_host_is_a_traceback(check, text):
    """ATTACK: `_where` names the host of a refused image with urlsplit, which raises ValueError('Invalid IPv6
    URL') for '[' in the host: check_body raises, the other files' problems are never reported, and
    `mkdocs build` ends in a traceback. Fix: catch ValueError in `_where` (and in `local`) and name the URL."""
    other = practice(body=body_with("<script>x</script>"), title="Another practice title")
    problems = check({"p.md": practice(body=body_with(text)), "q.md": other})
    assert any(p.startswith("practices/p.md:") and ": body: shows an image from outside the site" in p
               for p in problems), problems
    assert any(p.startswith("practices/q.md:16: body: has a <script> tag") for p in problems)


def test_attack_a_broken_ipv6_image_host_ends_the_build_in_a_traceback(project):
    project.add("p.md", practice(body=body_with("![a](http://[broken/a.png)")))
    done = project.build()
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-800:]
    assert "practices/p.md:16: body: shows an image from outside the site" in done.stderr


def test_attack_a_link_url_with_a_broken_ipv6_host_is_a_traceback(check):
    """ATTACK: the same ValueError from the front matter: `fields._url` calls urlsplit on a `links` url such as
    'http://[broken/'; catalog.build raises and no file's problems are reported.
    Fix: catch ValueError in `_url` and report the url as not an http(s) URL."""
    other = practice(body=body_with("<script>x</script>"), title="Another practice title")
    problems = check({"p.md": practice("links: [{title: Site, url: 'http://[broken/'}]\n"), "q.md": other})
    assert any(p.startswith("practices/p.md:") and "links" in p for p in problems), problems
    assert any(p.startswith("practices/q.md:16: body: has a <script> tag") for p in problems)


# --- Quadratic mapping of findings to lines --------------------------------------------------------------------

def test_attack_one_tag_with_thousands_of_handlers_takes_half_a_minute_to_answer(check):
    """ATTACK: one `<div>` with 20,000 distinct event-handler attributes (about 175 KB, under every limit: it is
    one tag) gives 20,000 findings; `_Lines` then searches the body for the whole 175 KB start tag once per
    finding (quadratic: 34 s measured for 22,000), and nh3's attribute filter calls back into Python for each.
    Fix: report at most a few findings of a kind per body (with a count), look each start tag up once, and map
    offsets to lines with a precomputed table (bisect) instead of a search per finding."""
    body = "<div " + " ".join(f"on{i:x}=1" for i in range(20_000)) + ">x</div>"
    started = time.monotonic()
    problems = check({"p.md": practice(body=body_with(body))})
    elapsed = time.monotonic() - started
    assert any("has an event-handler attribute" in p for p in problems)
    assert elapsed < 5, f"answered in {elapsed:.1f} s"


# --- Deep YAML in the front matter -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["[" * 1_000 + "]" * 1_000, "{a: " * 1_000 + "1" + "}" * 1_000],
                         ids=["flow-sequences", "flow-mappings"])
def test_attack_front_matter_nested_a_thousand_deep_raises_recursion_error(check, value):
    """ATTACK: YAML depth is not bounded before parsing: a front matter value nested 1,000 deep (4 KB) makes
    catalog.build raise RecursionError, so no file's problems are reported and the build ends in a traceback.
    Fix: count flow brackets and block indentation in one linear pass before composing (refuse past, say, 20),
    and catch RecursionError per file as a last resort."""
    other = practice(body=body_with("<script>x</script>"), title="Another practice title")
    problems = check({"p.md": practice(f"x: {value}\n"), "q.md": other})
    assert any(p.startswith("practices/p.md:6: ") for p in problems), problems
    assert any(p.startswith("practices/q.md:16: body: has a <script> tag") for p in problems)


def test_attack_front_matter_nested_fifty_thousand_deep_kills_the_build(project):
    """ATTACK: 50,000 '[' (100 KB) in the front matter: `mkdocs build` dies of a segmentation fault (exit -11),
    with no message at all."""
    project.add("p.md", practice("x: " + "[" * 50_000 + "]" * 50_000 + "\n"))
    done = project.build(timeout=60)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    assert "practices/p.md:6: " in done.stderr


# --- Wrong acceptance: a number too large to be finite -------------------------------------------------------

@pytest.mark.parametrize("value", ["1e400", "9" * 400 + ".0"])
def test_attack_an_overflowing_float_passes_as_a_finite_number(check, value):
    """ATTACK: '.inf' is refused, but YAML's float '1e400' is read by float() as inf and accepted; the site's
    practices.json then holds `Infinity` (invalid JSON) and the page shows 'inf EUR'.
    Fix: check math.isfinite on the parsed value, not the spelling."""
    problems = check({"p.md": practice(f"budget_eur: {value}\n")})
    assert any(p.startswith("practices/p.md:6: budget_eur: ") for p in problems), problems


def test_attack_an_overflowing_float_makes_practices_json_invalid(project):
    import json

    project.add("p.md", practice("budget_eur: 1e400\n"))
    done = project.build()
    if done.returncode == 0:
        text = (project.root / "site" / "practices.json").read_text()
        json.loads(text, parse_constant=lambda name: pytest.fail(f"practices.json holds {name}"))


# --- Front matter items of the same issue, still open on this branch ------------------------------------------

@pytest.mark.parametrize(("files", "expected"), [
    ({"p.md": practice("updated: 2200-01-01\n")}, "practices/p.md:6: updated: "),
    ({"p.md": practice("start: 1900\n")}, "practices/p.md:6: start: "),
    ({"p.md": practice(), "q.md": practice(title="A valid practice\u200b title")}, ".md:2: title: "),
    ({"p.md": practice(), "q.md": practice(title="A valid practice \uff54\uff49\uff54\uff4c\uff45")},
     ".md:2: title: "),
    ({"p.md ": practice()}, "practices/p.md "),
    ({"sub/p.md": practice()}, "practices/sub"),
    ({"p.md": practice("region: 'a\x00b'\n")}, "practices/p.md:6: "),
    ({"p.md": practice('region: "a\\qb"\n')}, "practices/p.md:6: region: "),
], ids=["year-2200", "year-1900", "zero-width-duplicate-title", "nfkc-duplicate-title", "trailing-space-name",
        "subfolder", "nul-line", "escape-names-field"])
def test_attack_front_matter_promises_of_the_issue_still_break(project, files, expected):
    """ATTACK (issue 14, 'Strict values' and 'Messages'): dates outside 1950-2100 pass (2200 crashed the zip
    writer), titles equal after NFKC and zero-width removal pass as unique, a file name with a trailing space and a
    practice in a subfolder are silently skipped, a NUL byte is reported at line 1, and an invalid escape does not
    name its field. Fix: as the issue says, in fields.py, validate.py and load.py."""
    from goodpractices import catalog

    for name, text in files.items():
        path = project.practices / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    problems = [str(p) for p in catalog.build(project.practices).problems if ": warning: " not in str(p)]
    assert any(expected in p for p in problems), problems


# --- Amplification: a short body that renders to a huge page --------------------------------------------------

@pytest.mark.parametrize("text", [
    "*[ab]: " + "T" * 10_000 + "\n\n" + "ab " * 4_000,
    "[r]: https://example.org/" + "a" * 10_000 + "\n\n" + "\n\n".join(" ".join(["[x][r]"] * 100) for _ in range(30)),
], ids=["abbreviation-title", "reference-url"])
def test_attack_a_definition_used_many_times_multiplies_the_page(check, text):
    """ATTACK: an abbreviation (or a link reference) with a 10,000-character title (or URL), used thousands of
    times: a body of about 20-30 KB, under every limit, renders within RENDER_SECONDS to 30-40 MB of HTML.
    `inspect` and `clean` then run on it outside the time limit (5-10 s for one file), and the built page is as
    large (a 19 KB file made a 30 MB practice page and a 13.6 s build, against 2.9 s). Every such file adds
    as much. Fix: bound the rendered HTML (e.g. refuse a body whose HTML exceeds a few times MAX_BODY_CHARS,
    checked before inspecting it), and bound the length of abbreviation titles and reference URLs/titles."""
    started = time.monotonic()
    problems = check({"p.md": practice(body=body_with(text))})
    elapsed = time.monotonic() - started
    assert any(p.startswith("practices/p.md:") and ": body: " in p and ": warning: " not in p for p in problems)
    assert elapsed < 5, f"answered in {elapsed:.1f} s"


# --- Classes that held (regression tests) ---------------------------------------------------------------------

#: Accepted by the checks, and harmless once cleaned: styles with remote URLs, Material's data attributes,
#: reserved classes, names and ids of the theme's elements and globals, links to the theme's ids, abbreviations,
#: footnotes, and text that looks like markup in code, escaped text and attribute values.
HARMLESS = """## Zanzibar plan

Zanzibar text
{: style="background:url(https://evil.example/p.gif)" data-md-component="search" name="__config" .md-dialog }

<div style="background-image:url(//evil.example/x)" data-md-color-scheme="slate" id="__config" name="__md_scope">
Zanzibar box</div>

<details open id="__search"><summary>s</summary>x</details>

<span id="__md_get">x</span> <span id="mermaid">m</span> [x](#__drawer) [y](#__config)

Code `<img src=x onerror=window.__xss=2>` and &lt;img src=x onerror=window.__xss=3&gt; and
<abbr title='"><img src=x onerror=window.__xss=4>'>Zanzibar</abbr>, a note[^n].

[^n]: <span title="<img src=x onerror=window.__xss=5>">noted</span>

*[HTML]: <img src=x onerror=window.__xss=6>
"""


@pytest.mark.browser
@needs_chromium
def test_held_harmless_markup_loads_nothing_runs_nothing_and_search_shows_it_as_text(project):
    def search(page) -> None:  # noqa: ANN001
        page.goto((project.root / "site" / "index.html").as_uri())
        page.locator("input.md-search__input").click()
        page.keyboard.type("zanzibar", delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)

    visit = open_practice(project, HARMLESS, then=search)
    assert visit.outside == [] and visit.dialogs == [] and visit.xss is None
    html = (project.root / "site" / "practices" / "p.html").read_text()
    for theme_id in ("__drawer", "__search", "__config"):
        assert html.count(f'id="{theme_id}"') <= 1, theme_id
    assert "style=" not in html.split('data-md-component="content"')[-1].split("</article>")[0]
    assert 'id="mermaid"' not in html and 'name="__' not in html


E = "//evil.example/p.gif"


@pytest.mark.parametrize("text", [
    # parser differentials between Python's html.parser and html5ever: whichever misses, the other reports
    f"<![CDATA[ > <img src={E}> ]]>", f"<!--><img src={E}>-->", f"<!---><img src={E}>-->", f"<? ><img src={E}> ?>",
    f"<!x><img src={E}>", f"</p/><img src={E}>", f"<img/src={E}>", f"<img\tsrc={E}>", f'<IMG SRC="{E}">',
    f"<img src='a.png'\nsrc='{E}'>", f"<img src='{E}' src='a.png'>", f"<table><img src={E}></table>",
    f"<title><img src={E}></title>",
    # entities, with and without semicolons, named and numeric, in raw HTML and in Markdown URLs
    "<img src=&#x2F;&#x2F;evil.example/p.gif>", "<img src=&#47&#47evil.example/p.gif>",
    f'<img src="&NewLine;{E}">', '<img src="/&Tab;/evil.example/p.gif">', '<img src="http&colon;//evil.example/p.gif">',
    "![t](&#x2F;/evil.example/p.gif)", "![t](https&#58;//evil.example/p.gif)", '<img src="\\/evil.example/p.gif">',
    # every place Markdown can put an image
    f"| a |\n|---|\n| ![t]({E}) |", f"x[^1]\n\n[^1]: ![t]({E})", f'!!! note "![t]({E})"\n    x', f"T\n:   ![t]({E})",
    f"[r]: <{E}> 'x'\n\n![t][r]", f"![t][r]\n\n[r]:\n  {E}", f"![t][R]\n\n[r]: {E}", f"![t]\n\n[t]: {E}",
    f"![t] [r]\n\n[r]: {E}", f"![t](<{E}>)", f"<span>![t]({E})</span>", f"<a href='x.html'><img src={E}></a>",
])
def test_held_every_spelling_of_a_remote_image_is_refused(check, text):
    problems = check({"p.md": practice(body=body_with(text))})
    assert any(p.startswith("practices/p.md:") and "shows an image from outside the site" in p for p in problems)


def test_held_no_definition_leaks_from_one_body_into_the_next():
    render("*[HTML]: leaked\n\n[ref]: https://evil.example/p.gif\n\nText[^a]\n\n[^a]: note\n")
    html = render("HTML ![x][ref] [^a]").html
    assert "<abbr" not in html and "<img" not in html and "footnote" not in html


@pytest.mark.parametrize("text", [
    "!!! note\n    ```html\n    <form action=x>\n    ```", "- item\n\n    ```html\n    <form action=x>\n    ```",
    "- item\n\n        <form action=x>", ">     <form action=x>", "> ```html\n> <form action=x>\n> ```",
    "| a | b |\n|---|---|\n| `<form action=x>` | `javascript:x` |", "Text[^1].\n\n[^1]: See `<form action=x>`.",
    "Term\n:   `<form action=x>`", "## About `<form>` tags", "[`<form action=x>`](page.html)",
    "`` <form action=`x`> ``", "~~~ {.html #x}\n<form action=x>\n~~~", "`<form\naction=x>`",
    "```\n[x](javascript:alert(1))\n![t](https://evil.example/p.gif)\n```", "| a |\n|---|\n| ``<script>`` |",
])
def test_held_code_anywhere_is_text(check, text):
    assert [p for p in check({"p.md": practice(body=body_with(text))}) if ": warning: " not in p] == []


def test_held_content_title_attributes_are_not_shown_as_html_by_the_theme():
    """Guard: content keeps `title` on every element; Material's `content.tooltips` feature would insert each
    title as innerHTML (script from content). It must stay off while titles are allowed."""
    from goodpractices.siteinfo import mkdocs_settings
    from conftest import ROOT
    from goodpractices.sanitize import ATTRIBUTES

    features = mkdocs_settings(ROOT / "mkdocs.yml")["theme"].get("features", [])
    assert "content.tooltips" not in features or "title" not in ATTRIBUTES["*"]
