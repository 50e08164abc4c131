"""Promise 5: hostile YAML and Markdown fail fast with a clear error instead of hanging or crashing."""

from __future__ import annotations

import subprocess

from conftest import BODY, practice

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
    assert f"practices/nest.md:{first + 11}: body: nests lists or quotes 11 levels deep (keep it to 10)" in done.stderr
    assert f"practices/storm.md:{first}: body: has more than 250 '[' in one paragraph (split it, or write brackets as " \
           "\\[)" in done.stderr
