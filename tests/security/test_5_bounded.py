"""Promise 5: hostile YAML and Markdown fail fast with a clear error instead of hanging or crashing."""

from __future__ import annotations

import subprocess
import time

import pytest
from conftest import BODY, practice
from goodpractices import body_checks, body_markdown
from goodpractices.body_checks import check_body
from goodpractices.checker import Checker
from goodpractices.load import Source
from goodpractices.markdown_limits import overruns

LAUGHS = "".join(
    ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
    + [f"lol{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]\n"
       for i in range(1, 10)]
)


def test_billion_laughs_is_refused(check):
    problems = check({"p.md": practice(LAUGHS)})
    assert "practices/p.md:7: lol1: anchors and aliases (&name, *name) are not allowed (write the value out)" in problems
    assert "practices/p.md:6: lol0: unknown field (remove it; known fields: title, theme, partner, summary, country, " \
           "region, institution, start, end, status, budget_eur, keywords, inspired_by, transferability, contact, " \
           "links, updated)" in problems


def test_python_tags_are_refused(check):
    assert check({"p.md": practice("region: !!python/object/apply:os.system ['echo hi']\n")}) == [
        "practices/p.md:6: region: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed "
        "(remove the '!' tag)"]


def test_non_text_keys_are_refused(check):
    assert check({"q.md": practice("? !!python/tuple [1, 2]\n: x\n", title="Other title")}) == [
        "practices/q.md:6: yaml: keys must be text, got a list (quote the key)"]


def test_oversized_files_are_refused(check):
    text = practice(body=BODY + "x" * 1_000_001)
    assert check({"p.md": text}) == [
        f"practices/p.md:1: file: is {len(text.encode()):,} bytes (keep it under 1,000,000 bytes)"]


def test_bracket_storm_and_deep_nesting_fail_fast(project):
    project.add("storm.md", practice(body=BODY + "\n" + "[" * 50_000 + "\n"))
    nested = "".join("    " * i + "- level\n" for i in range(200))
    project.add("nest.md", practice(title="Nested lists", body=BODY + "\n" + nested))
    try:
        done = project.build(timeout=120)
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test exists to catch
        raise AssertionError("the build hung on pathological Markdown") from None
    assert done.returncode == 1
    first = practice(body=BODY).count("\n") + 2  # the line after the blank line that follows BODY
    assert f"practices/nest.md:{first + 10}: body: nests lists or quotes 11 levels deep (keep it to 10)" in done.stderr
    assert f"practices/storm.md:{first}: body: has more than 250 '[' in one paragraph (split it, or write brackets as " \
           "\\[)" in done.stderr


INLINE = "has more than 2,000 inline marks ('&', '\\', '<', '!', '[', '*', '_', '`') in one paragraph (split it into " \
         "shorter paragraphs)"
LIMITS = [  # (a body construct past its limit, the message)
    ("<div>" * 40, "nests HTML elements 40 deep (keep it to 32)"),
    ("<a " * 1_001, "has more than 1,000 raw HTML tags (write it in Markdown)"),
    ("<![CDATA[" * 51, "has more than 50 '<!' or '<?' constructs (remove HTML comments and declarations)"),
    ("a\n: b\n" * 301, "has more than 300 definition lines starting with ':' (use a list)"),
    ("*[A]: b\n\n" * 51, "has more than 50 abbreviation definitions '*[' (spell the terms out)"),
    ("### h\n\n" * 301, "has more than 300 headings (split the practice)"),
    ("[^1] " * 100 + "\n\n" + "[^2] " * 100 + "\n\n" + "[^3] " * 101,
     "has more than 300 footnote references '[^' (cite fewer notes)"),
    ("!!! note\n    x\n\n" * 201, "has more than 200 admonitions '!!!' (use fewer boxes)"),
    ("".join("~" * (3 + i % 50) + " x\n\n" for i in range(401)), "has more than 400 code fence lines (use fewer "
                                                                 "code blocks)"),
    ("*a " * 300 + "b" + " c*" * 300, "has more than 500 '*' or '_' in one paragraph (split it, or write them as "
                                      "\\* and \\_)"),
    ("`" * 1_001, "has more than 1000 '`' in one paragraph (split it, or put the code in a fenced block)"),
    ("[a " * 300, "has more than 250 '[' in one paragraph (split it, or write brackets as \\[)"),
    ("> " * 11 + "x", "nests lists or quotes 11 levels deep (keep it to 10)"),
    ("".join("   " * i + ("1. " if i % 2 else "* ") + "x\n" for i in range(40)),
     "nests lists or quotes 11 levels deep (keep it to 10)"),
    ("&amp;" * 2_001, INLINE),
    ("\\. " * 2_001, INLINE),
    ("x" * 200_001, "is 200,001 characters long (keep it under 200,000: shorten it, or link to a longer document)"),
]


@pytest.mark.parametrize(("text", "message"), LIMITS, ids=[m[:30] for _, m in LIMITS])
def test_each_markdown_limit_is_checked_before_rendering(text, message):
    checker = Checker(Source("p", "practices/p.md", {}, {}, text, 7))
    started = time.perf_counter()
    assert check_body(checker, text, 7) is None
    assert time.perf_counter() - started < 5
    assert any(problem.message == message for problem in checker.problems), [str(p) for p in checker.problems]


@pytest.mark.parametrize("size", [10_000, 100_000])
def test_each_limit_is_found_in_linear_time_at_the_largest_body(size):
    """The worst case of each construct at the largest body the limits let through is answered fast."""
    for text, _ in LIMITS:
        body = (text * (size // max(1, len(text)) + 1))[:size]
        started = time.perf_counter()
        overruns(body)
        assert time.perf_counter() - started < 5, text[:20]


def test_just_under_every_limit_still_renders_in_bounded_time():
    under = [("<div>" * 32), ("<a>" * 999), ("a\n: b\n" * 150), ("*[A]: b\n\n" * 50), ("### h\n\n" * 300),
             ("!!! note\n    x\n\n" * 200), ("*a " * 120 + "b" + " c*" * 120), ("`" * 999), ("[a " * 250),
             "".join("    " * i + "- x\n" for i in range(10))]
    for text in under:
        checker = Checker(Source("p", "practices/p.md", {}, {}, text, 7))
        started = time.perf_counter()
        check_body(checker, text, 7)
        assert time.perf_counter() - started < 5, text[:20]
        assert not any("limit" in p.message or "more than" in p.message for p in checker.problems), text[:20]


def test_a_body_that_still_renders_too_long_fails_with_its_file_named(check, monkeypatch):
    monkeypatch.setattr(body_markdown, "RENDER_SECONDS", 0.001)
    problems = check({"slow.md": practice(body=BODY + "\n" + "Words and *more* words.\n\n" * 3_000)})
    assert "practices/slow.md:7: body: takes more than 0.001 s to render (simplify its Markdown: fewer nested or " \
           "repeated marks)" in problems


def test_a_renderer_recursion_is_a_message_not_a_traceback(check, monkeypatch):
    def deep(body: str) -> None:
        raise RecursionError

    monkeypatch.setattr(body_checks, "render", deep)
    assert "practices/p.md:7: body: nests its Markdown too deeply to render (simplify nested lists, quotes or " \
           "emphasis)" in check({"p.md": practice()})


def test_hostile_bodies_never_hide_each_others_problems(project):
    for number, (text, _) in enumerate(LIMITS):
        project.add(f"h{number}.md", practice(title=f"Hostile body {number}", body=BODY + "\n" + text))
    project.add("bad-field.md", practice("budget_eur: lots\n", title="A bad field"))
    started = time.perf_counter()
    done = project.build(timeout=120)
    assert done.returncode == 1
    assert time.perf_counter() - started < 60
    for number, (_, message) in enumerate(LIMITS):
        assert f"practices/h{number}.md:" in done.stderr, message
        assert (message if "200,001" not in message else "characters long (keep it under 200,000") in done.stderr
    assert "practices/bad-field.md:6: budget_eur: 'lots'" in done.stderr
    assert "Traceback" not in done.stderr
