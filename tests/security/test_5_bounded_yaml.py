"""Promise 5 for YAML: depth, size, aliases and characters are bounded before parsing; every hostile front matter
gets one clear message in bounded time, and never hides the problems of the other files."""

from __future__ import annotations

import subprocess
import sys
import time
import unicodedata

import pytest
from conftest import ROOT, VALID, practice
from goodpractices.load import parse_practice
from goodpractices.validate import Context, check_practice
from goodpractices.yamlread import MAX_YAML_CHARS, MAX_YAML_DEPTH, parse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

DEEP = f"nests lists and mappings more than {MAX_YAML_DEPTH} levels deep (keep it to {MAX_YAML_DEPTH} levels)"
BLOCK, FLOW = ("map", "seq", "compact"), ("[", "{")


def nested(block: list[str], flow: list[str]) -> tuple[str, list[int]]:
    """Return front matter whose `region` nests the given block levels, then the given flow levels, and the file
    line on which each level (the document's own mapping is level 1) begins."""
    lines, starts, indent = ["---", "title: A valid practice title", "region:"], [2], 2
    for kind in block:
        if kind == "compact" and lines[-1].endswith("-"):
            lines[-1] += " -"  # a list whose first item is a list, on the same line: `- - x`
        elif kind == "map":
            lines.append(" " * indent + "k:")
        else:
            lines.append(" " * indent + "-")
        starts.append(len(lines))
        indent += 2
    tail = "".join("[" if kind == "[" else "{k: " for kind in flow)
    starts += [len(lines)] * len(flow)
    closing = "".join("]" if kind == "[" else "}" for kind in reversed(flow))
    lines[-1] += " " + (tail + "x" + closing if flow else "x")
    return "\n".join(lines) + "\n---\n\nBody.\n", starts


def problems_of(text: str) -> list[str]:
    source, problems = parse_practice(text.encode(), "practices/p.md", "p.md")
    return [str(p) for p in problems]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block=st.lists(st.sampled_from(BLOCK), max_size=60), flow=st.lists(st.sampled_from(FLOW), max_size=400))
@example(block=["map"] * 40, flow=[])
@example(block=["seq"] * 40, flow=[])
@example(block=["seq"] + ["compact"] * 40, flow=[])
@example(block=[], flow=["["] * 5000)
@example(block=[], flow=["{"] * 5000)
@example(block=["map", "seq"] * 15, flow=["[", "{"] * 50)
def test_nesting_past_the_limit_is_named_at_its_line_and_never_crashes(block, flow):
    text, starts = nested(block, flow)
    begun = time.perf_counter()
    problems = problems_of(text)
    assert time.perf_counter() - begun < 5
    if len(starts) > MAX_YAML_DEPTH:
        assert problems == [f"practices/p.md:{starts[MAX_YAML_DEPTH]}: region: {DEEP}"]
    else:
        assert not any("levels deep" in p for p in problems)


@pytest.mark.parametrize("depth", [MAX_YAML_DEPTH + 1, 1_000, 3_000, 19_000])
@pytest.mark.parametrize("opening", ["[", "{k: ", "[{k: "])
def test_flow_nesting_thousands_deep_is_one_message(depth, opening):
    text = practice(f"region: {opening * depth}\n")
    begun = time.perf_counter()
    assert problems_of(text) == [f"practices/p.md:6: region: {DEEP}"]
    assert time.perf_counter() - begun < 5


def test_block_nesting_by_indentation_is_one_message():
    rows = "".join(" " * (2 * i) + ("- " if i % 2 else "k:") + "\n" for i in range(1, 300))
    assert problems_of(practice("region:\n" + rows)) == [f"practices/p.md:{5 + MAX_YAML_DEPTH + 1}: region: {DEEP}"]


def test_nesting_at_the_limit_is_read():
    text, starts = nested([], ["["] * (MAX_YAML_DEPTH - 1))
    assert len(starts) == MAX_YAML_DEPTH
    assert problems_of(text) == []  # region is text for the schema, but the YAML itself is read


@pytest.mark.parametrize("size", [MAX_YAML_CHARS + 1, 500_000, 990_000])
def test_long_front_matter_is_refused_before_parsing(size):
    filler = "".join(f"k{i}: v\n" for i in range(size // 8 + 1))
    text = practice(filler)
    line = text[:MAX_YAML_CHARS + 4].count("\n") + 1  # the line on which the front matter passes the limit
    begun = time.perf_counter()
    problems = problems_of(text)
    assert time.perf_counter() - begun < 5
    front = text.split("\n---\n")[0][3:] + "\n"
    key = text.splitlines()[line - 1].split(":")[0]
    assert problems == [f"practices/p.md:{line}: {key}: the YAML passes {MAX_YAML_CHARS:,} characters here, and has "
                        f"{len(front):,} (keep it under {MAX_YAML_CHARS:,} characters)"]


@pytest.mark.parametrize("bomb", [
    # billion laughs: each level names the previous one nine times
    "".join(f"l{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else "lol"] * 9) + "]\n" for i in range(30)),
    # a flat storm of aliases, and merge keys
    "a: &a [x]\n" + "b: [" + ", ".join(["*a"] * 20_000) + "]\n",
    "a: &a {x: 1}\nb:\n" + "".join("  - <<: *a\n" for i in range(5_000)),
    # an alias to an anchor that holds itself
    "a: &a [*a]\n",
])
def test_alias_bombs_are_refused_once_per_field_without_expansion(bomb):
    begun = time.perf_counter()
    source, problems = parse_practice(practice(bomb).encode(), "practices/p.md", "p.md")
    assert time.perf_counter() - begun < 5
    messages = [str(p) for p in problems]
    refused = [m for m in messages if "are not allowed" in m]
    assert refused and len(refused) == len({m.split(": ")[1] for m in refused})  # one per field at most


@pytest.mark.parametrize("char", [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                                                  *range(0x80, 0x85), *range(0x86, 0xA0), 0xFFFE, 0xFFFF)])
def test_a_forbidden_character_is_reported_at_its_own_line_and_field(char):
    text = practice(f"region: Lower Austria\ninstitution: |\n  first line\n  the {char} here\n")
    name = {0: " (NUL)", 0x1B: " (ESCAPE)", 0x7F: " (DELETE)"}.get(ord(char), "")
    code = f"U+{ord(char):04X}"
    problems = problems_of(text)
    assert len(problems) == 1
    kind = "control character" if ord(char) < 0xFFFE else "character"
    assert problems[0].startswith(f"practices/p.md:9: institution: contains the {kind} {code}")
    assert problems[0].endswith(", which YAML does not allow (delete it)")
    assert name in problems[0]


@pytest.mark.parametrize("char", ["\r", "\x85", "\u2028", "\u2029"])
def test_line_breaks_that_editors_do_not_show_are_reported_where_they_are(char):
    text = practice(f"region: Lower{char}Austria\ninstitution: [unclosed\n")
    assert problems_of(text) == [f"practices/p.md:6: region: contains U+{ord(char):04X} "
                                 f"({unicodedata.name(char, 'CARRIAGE RETURN' if char == chr(13) else 'NEXT LINE')}), "
                                 "which YAML reads as a line break (replace it with a space, or a line break)"]


def test_a_nul_byte_in_the_first_field_is_on_that_line():
    assert problems_of("---\ntitle: A valid\x00 title\n---\n\nBody.\n") == [
        "practices/p.md:2: title: contains the control character U+0000 (NUL), which YAML does not allow (delete it)"]


@pytest.mark.parametrize(("value", "escape", "line"), [
    ('"Lower \\q Austria"', "\\q", 6),
    ('"C:\\Users\\me"', "\\Us", 6),
    ('"two\n  lines \\xZZ"', "\\xZ", 7),
    ('"\\x4"', "\\x4", 6),
    ('"a \\uD800 b"', "\\uD800", 6),
    ('"a \\U0011FFFF"', "\\U0011FFFF", 6),
])
def test_an_invalid_escape_names_its_field(value, escape, line):
    assert problems_of(practice(f"region: {value}\n")) == [
        f"practices/p.md:{line}: region: '{escape}' is not a valid escape in double quotes "
        "(write \\\\ for a backslash, or put the value in single quotes)"]


HOSTILE = {
    "deep-flow.md": practice("region: " + "[" * 200_000 + "\n"),
    "deep-flow-short.md": practice("region: " + "[" * 90_000 + "\n"),
    "deep-block.md": practice("region:\n" + "- " * 45_000 + "x\n"),
    "deep-map.md": practice("region:\n" + "".join(" " * i + "k:\n" for i in range(1, 400))),
    "laughs.md": practice("".join(f"l{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else "lol"] * 9) + "]\n"
                                  for i in range(40))),
    "nul.md": practice("region: a\x00b\n"),
}


def test_hostile_files_among_fifty_broken_ones_hide_nothing(project):
    """The issue's case: a file nested 200,000 deep among 50 broken ones; every file is reported, in seconds."""
    for n in range(50):
        project.add(f"broken-{n:02d}.md", practice(title=f"Broken practice {n}", theme="nowhere"))
    for name, text in HOSTILE.items():
        project.add(name, text)
    project.add("good.md", VALID)
    begun = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), "--practices", str(project.practices)],
                          capture_output=True, text=True, cwd=project.root, timeout=120)
    elapsed = time.perf_counter() - begun
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    reported = {line.split(":")[0] for line in done.stdout.splitlines()}
    assert reported == {f"practices/broken-{n:02d}.md" for n in range(50)} | {f"practices/{n}" for n in HOSTILE}
    assert f"practices/deep-flow-short.md:6: region: {DEEP}" in done.stdout
    assert f"practices/deep-block.md:7: region: {DEEP}" in done.stdout
    assert "practices/deep-flow.md:6: region: the YAML passes 100,000 characters here, and has 200," in done.stdout
    assert elapsed < 20  # 57 files, process start-up included; each hostile file alone is far under 5 s


def test_the_build_reports_deep_yaml_instead_of_crashing(project):
    project.add("good.md", VALID)
    project.add("deep.md", practice("region: " + "{k: " * 20_000 + "\n", title="Another title"))
    done = project.build(timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "RecursionError" not in done.stderr
    assert f"practices/deep.md:6: region: {DEEP}" in done.stderr


def test_registries_are_bounded_too():
    doc = parse("\nvlaio:\n  name: " + "[" * 10_000 + "\n")
    assert [(p.line, p.field, p.message) for p in doc.problems] == [(3, "vlaio", DEEP)]


def test_thousands_of_unknown_fields_give_twenty_lines_and_a_count(check):
    problems = check({"p.md": practice("".join(f"k{i}: v\n" for i in range(11_000)))})
    assert len(problems) == 21
    assert problems[-1].startswith("practices/p.md:26: k20: and 10,980 more unknown fields (remove them; known "
                                   "fields: title, theme,")


def test_a_file_shows_its_first_hundred_problems_and_a_count(check):
    begun = time.perf_counter()
    problems = check({"p.md": practice("a: &a x\n" + "".join(f"b{i}: *a\n" for i in range(9_000)))})
    assert time.perf_counter() - begun < 5
    assert len(problems) == 101
    assert problems[-1] == "practices/p.md:85: file: and 8,921 more problems after this line (fix these first)"


TOKENS = ["[", "]", "{", "}", ", ", "- ", "? ", ": ", "k", "title", "&a ", "*a", "<<: ", "!!str ", "!x ", "|\n", ">-\n",
          "\n", "\n  ", "\n    ", "\t", '"', "'", "\\", "\\q", "\\x4", "#", "%YAML 1.1\n", "---\n", "...\n", "\x00",
          "\x1b", "\u2028", "\u200b", "\ufeff", "é", ".inf", "1e999", "9" * 30, "2200-01-01"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(TOKENS), max_size=200), repeat=st.integers(1, 400))
def test_any_token_soup_gets_messages_on_real_lines_never_an_exception(parts, repeat):
    """Front matter made of YAML's syntax in any order, repeated: messages only, each on a line of the file."""
    front = "".join(parts) * repeat
    text = "---\n" + front.replace("---", "- -") + "\n---\n\nBody.\n"
    begun = time.perf_counter()
    source, problems = parse_practice(text.encode(), "practices/p.md", "p.md")
    if source is not None:  # the field checks too, without the safety net of catalog.check_file
        problems += check_practice(source, Context(("cmo-services",), ("ecoplus", "vlaio")))[1]
    assert time.perf_counter() - begun < 5
    lines = text.count("\n") + 1
    for problem in problems:
        assert 1 <= problem.line <= lines, problem
        assert "\n" not in str(problem)
