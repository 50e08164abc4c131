"""Property tests: random front-matter values and Markdown either validate or give a clear error, never a crash."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BODY

from goodpractices import catalog
from goodpractices.load import parse_practice
from goodpractices.render.practice import practice_page
from goodpractices.sanitize import clean
from goodpractices.schema import FIELDS

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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(extra=st.text(alphabet=st.sampled_from(list("<>[]()!#*_`&;:/\"' \nabjsvcriptonload=")), max_size=200))
def test_random_markdown_renders_and_sanitises(project, extra):
    import markdown

    html = clean(markdown.markdown(BODY + extra))
    assert "<script" not in html.lower()
    assert not re.search(r"""(href|src)=["']?\s*(javascript|vbscript|data):""", html, re.IGNORECASE)
