"""Strict values (issue 14): finite numbers, sane dates, titles unique after Unicode normalisation, no invisible
characters in text, file names checked, nothing in practices/ skipped silently, every pattern linear."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import unicodedata

import pytest
from conftest import ROOT, VALID, practice
from goodpractices import catalog
from goodpractices.export import write_practices_json
from goodpractices.load import _HANDLER, suggest_id
from goodpractices.schema import DATE_PATTERN, EMAIL_PATTERN, ID_PATTERN
from goodpractices.siteinfo import site_info
from goodpractices.yamlread import _UNPRINTABLE, StrictLoader, top_key
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

AMOUNT_HINT = "a number of euros without spaces, e.g. 900000"


@pytest.mark.parametrize(("value", "message"), [
    (".inf", f"inf is not a finite number ({AMOUNT_HINT})"),
    ("-.inf", f"-inf is not a finite number ({AMOUNT_HINT})"),
    (".NaN", f"nan is not a finite number ({AMOUNT_HINT})"),
    ("1e400", f"inf is not a finite number ({AMOUNT_HINT})"),
    ("-1e400", f"-inf is not a finite number ({AMOUNT_HINT})"),
    ("1" + "0" * 400, "is too large (write the amount in euros, below 1,000,000,000,000,000)"),
    ("1e15", "is too large (write the amount in euros, below 1,000,000,000,000,000)"),
    ("9" * 5000, f"'{'9' * 79}…' is not a number ≥ 0 ({AMOUNT_HINT})"),
    ("-1", f"a number is not a number ≥ 0 ({AMOUNT_HINT})"),
    ("true", f"true (a yes/no value) is not a number ≥ 0 ({AMOUNT_HINT})"),
])
def test_budget_must_be_a_finite_sane_number(check, value, message):
    assert check({"p.md": practice(f"budget_eur: {value}\n")}) == [f"practices/p.md:6: budget_eur: {message}"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.one_of(st.floats(), st.integers(min_value=-(10**30), max_value=10**30)))
def test_any_number_is_either_exported_as_valid_json_or_refused(project, number):
    text = repr(number).replace("inf", ".inf").replace("nan", ".nan")
    project.add("p.md", practice(f"budget_eur: {text}\n"))
    result = catalog.build(project.practices)
    if result.catalog is None:
        assert [p.field for p in result.problems] == ["budget_eur"]
    else:
        info = site_info("Site", None, {}, result.catalog)
        out = io.BytesIO()
        write_practices_json(result.catalog, info, out)
        exported = json.loads(out.getvalue(), parse_constant=lambda c: pytest.fail(c))
        assert 0 <= exported["practices"][0]["budget_eur"] < 10**15


def test_negative_zero_is_zero(project):
    project.add("p.md", practice("budget_eur: -0.0\n"))
    assert str(catalog.build(project.practices).catalog.practice["p"].budget_eur) == "0.0"


@pytest.mark.parametrize(("field", "value"), [
    ("updated", "2200-01-01"), ("updated", "1949-12-31"), ("updated", "0000-01-01"), ("updated", "2101-01-01"),
    ("start", "1900"), ("start", "2101-05"), ("end", "9999"), ("start", "0001-01-01"), ("start", "2200"),
    ("end", "'1949'"),
])
def test_dates_stay_within_1950_to_2100(check, field, value):
    [problem] = check({"p.md": practice(f"{field}: {value}\n")})
    assert problem.startswith(f"practices/p.md:6: {field}: '{value.strip(chr(39))}' is not between 1950 and 2100 "
                              "(write the real date, ")


@pytest.mark.parametrize("value", ["1950", "1950-01-01", "2100-12-31", "2100"])
def test_dates_at_the_bounds_are_kept(check, value):
    assert check({"p.md": practice(f"start: {value}\nend: '2100-12-31'\n")}) == []


@pytest.mark.parametrize("value", ['"２０２０"', '"2020\\n"', '"2020-01-01\\n"', '"٢٠٢٠"'])
def test_dates_are_ascii_digits_only(check, value):
    [problem] = check({"p.md": practice(f"start: {value}\n")})
    assert problem.startswith("practices/p.md:6: start: '") and "is not a valid date" in problem


def test_the_year_2200_does_not_reach_the_zip_writer(project):
    project.add("p.md", practice("updated: 2200-01-01\n"))
    done = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "-f", str(project.root / "mkdocs.yml"),
                           "--zip", str(project.root / "dist/site.zip")], capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "practices/p.md:6: updated: '2200-01-01' is not between 1950 and 2100" in done.stderr


INVISIBLE = ["\u200b", "\u200e", "\u202e", "\u2066", "\u2060", "\ufeff", "\u00ad", "\u180e"]


@pytest.mark.parametrize("char", INVISIBLE)
@pytest.mark.parametrize("field", ["title", "summary", "region", "institution"])
def test_invisible_characters_are_refused_in_text(check, char, field):
    escaped = f"\\u{ord(char):04x}"
    values = {"title": f'"A valid{escaped} practice title"',
              "summary": f'"This summary is long enough to pass the fifty-character {escaped}minimum."'}
    fields = {field: values[field]} if field in values else {}
    extra = "" if field in values else f'{field}: "Lower{escaped} Austria"\n'
    [problem] = check({"p.md": practice(extra, **fields)})
    line = {"title": 2, "summary": 5}.get(field, 6)
    name = unicodedata.name(char)
    assert problem == f"practices/p.md:{line}: {field}: contains the invisible character U+{ord(char):04X} ({name}) " \
                      "(delete it)"


@pytest.mark.parametrize(("escape", "code"), [("\\x01", "U+0001"), ("\\e", "U+001B (ESCAPE)"), ("\\0", "U+0000 (NUL)"),
                                             ("\\x7f", "U+007F (DELETE)"), ("\\x9b", "U+009B"), ("\\a", "U+0007")])
def test_control_characters_written_as_escapes_are_refused(check, escape, code):
    assert check({"p.md": practice(f'region: "Lower{escape}Austria"\n')}) == [
        f"practices/p.md:6: region: contains the control character {code} (delete it)"]


@pytest.mark.parametrize("value", ['"good\\n"', '"good "', '"Good"', '"good\\u200b"'])
def test_ids_are_matched_whole(check, value):
    problems = check({"good.md": VALID, "p.md": practice(f"inspired_by: [{value}]\n", title="Another title")})
    assert len(problems) == 1 and problems[0].startswith("practices/p.md:6: inspired_by: '")
    assert problems[0].endswith("' is not a practice id (write the file name without .md)")


def test_keywords_are_distinct_after_normalisation(check):
    problems = check({"p.md": practice('keywords: [Clusters, "ＣＬＵＳＴＥＲＳ", "clus\\u200dters"]\n')})
    assert sorted(problems) == sorted([
        "practices/p.md:6: keywords: 'ＣＬＵＳＴＥＲＳ' is listed twice (keep one)",
        "practices/p.md:6: keywords: 'clus\u200dters' is listed twice (keep one)"])


@pytest.mark.parametrize("twin", [
    "A valid practice title",
    "A VALID PRACTICE TITLE",
    "Ａ ｖａｌｉｄ ｐｒａｃｔｉｃｅ ｔｉｔｌｅ",  # full-width
    "A valid pra\u200dctice title",  # a zero-width joiner, which text may keep
    "A valid pra\u200cctice title",
    "A  valid   practice title",
])
def test_titles_are_unique_after_unicode_normalisation(check, twin):
    assert check({"a.md": VALID, "b.md": practice(title=f'"{twin}"')}) == [
        f"practices/b.md:2: title: '{' '.join(twin.split())}' is already the title of practices/a.md "
        "(give each practice its own title)"]


@pytest.mark.parametrize(("first", "second"), [
    ("Straße cluster policies", "STRASSE CLUSTER POLICIES"),  # case folding
    ("Café cluster policies", "Cafe\u0301 cluster policies"),  # composed and decomposed
    ("Eﬃcient cluster policies", "Efficient cluster policies"),  # a ligature
    ("Cluster policies Ⅳ", "Cluster policies IV"),  # a compatibility numeral
])
def test_titles_that_read_the_same_collide(check, first, second):
    problems = check({"a.md": practice(title=f'"{first}"'), "b.md": practice(title=f'"{second}"')})
    assert problems == [f"practices/b.md:2: title: '{second}' is already the title of practices/a.md "
                        "(give each practice its own title)"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(noise=st.lists(st.tuples(st.integers(0, 21), st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060",
                                                                    "\u00ad", "\ufeff", "\u202e", "\x01"])),
                      min_size=1, max_size=4),
       upper=st.booleans())
def test_a_title_with_invisible_noise_is_never_a_second_title(project, noise, upper):
    title = "A valid practice title"
    for position, char in sorted(noise, reverse=True):
        title = title[:position] + char + title[position:]
    title = title.upper() if upper else title
    escaped = "".join(f"\\u{ord(c):04x}" if not c.isprintable() or unicodedata.category(c) == "Cf" else c
                      for c in title)
    project.add("a.md", VALID)
    project.add("b.md", practice(title=f'"{escaped}"'))
    problems = [str(p) for p in catalog.build(project.practices).problems]
    assert len(problems) == 1 and problems[0].startswith("practices/b.md:2: title: ")
    assert "is already the title of practices/a.md" in problems[0] or "character U+" in problems[0]


@pytest.mark.parametrize(("name", "shown", "message"), [
    ("good.md ", '"practices/good.md "', "'good.md ' ends with a space (rename it to 'good.md')"),
    ("good.md\n", '"practices/good.md\\n"', "'good.md\\n' contains the character U+000A (rename it to 'good.md')"),
    ("good\n.md", '"practices/good\\n.md"', "'good\\n.md' contains the character U+000A (rename it to 'good.md')"),
    ("good.md\t", '"practices/good.md\\t"', "'good.md\\t' contains the character U+0009 (rename it to 'good.md')"),
    (" good.md", "practices/ good.md", "' good.md' starts with a space (rename it to 'good.md')"),
    ("go\u200bod.md", '"practices/go\\u200bod.md"',
     "'go\u200bod.md' contains the character U+200B (ZERO WIDTH SPACE) (rename it to 'go-od.md')"),
    ("good.md\u2028", '"practices/good.md\\u2028"',
     "'good.md\\u2028' contains the character U+2028 (LINE SEPARATOR) (rename it to 'good.md')"),
    ("good.md\x7f", '"practices/good.md\\u007f"',
     "'good.md\\x7f' contains the character U+007F (DELETE) (rename it to 'good.md')"),
    ("good.MD", "practices/good.MD", "'good.MD' does not end in .md (rename it to 'good.md')"),
    ("good.markdown", "practices/good.markdown", "'good.markdown' does not end in .md (rename it to 'good.md')"),
    ("good.md.txt", "practices/good.md.txt",
     "'good.md.txt' ends in .txt after .md (rename it to 'good.md'; your editor may hide the '.txt')"),
    ("good", "practices/good", "'good' does not end in .md (rename it to 'good.md')"),
])
def test_odd_file_names_are_reported_never_skipped(project, name, shown, message):
    """An odd name is quoted where it names the file, so that the line still splits at the same places."""
    project.add(name, VALID)
    problems = [str(p) for p in catalog.build(project.practices).problems]
    assert problems == [f"{shown}:1: file name: {message}"]


def test_a_file_name_that_is_not_utf8_is_reported_on_one_line(project):
    name = os.fsdecode(b"good\xff.md")
    project.add(name, VALID)
    done = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), "--practices", str(project.practices)],
                          capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ("\"practices/good\\udcff.md\":1: file name: 'good\\udcff.md' is not valid UTF-8 "
                           "(rename it to 'good.md')\n")


def test_files_in_subfolders_are_reported(project):
    project.add("good.md", VALID)
    (project.practices / "drafts" / "old").mkdir(parents=True)
    (project.practices / "drafts" / "new-one.md").write_text(VALID)
    (project.practices / "drafts" / "old" / "older.md").write_text(VALID)
    (project.practices / "drafts" / "logo.png").write_bytes(b"\x89PNG")
    (project.practices / "drafts" / "elsewhere").symlink_to(project.docs)
    assert [str(p) for p in catalog.build(project.practices).problems] == [
        "practices/drafts/elsewhere:1: file: is in a subfolder of practices/, which the build does not read "
        "(delete it: practices/ holds the practices and the two registries only)",
        "practices/drafts/logo.png:1: file: is in a subfolder of practices/, which the build does not read "
        "(delete it: practices/ holds the practices and the two registries only)",
        "practices/drafts/new-one.md:1: file: is in a subfolder of practices/, which the build does not read "
        "(move it to practices/new-one.md)",
        "practices/drafts/old/older.md:1: file: is in a subfolder of practices/, which the build does not read "
        "(move it to practices/older.md)",
    ]


def test_an_empty_folder_named_like_a_practice_is_reported(project):
    project.add("good.md", VALID)
    (project.practices / "other.md" / "inner").mkdir(parents=True)
    assert [str(p) for p in catalog.build(project.practices).problems] == [
        "practices/other.md:1: file: is an empty folder, which the build does not read (delete it)"]


def test_links_and_special_files_named_like_practices_are_reported(project):
    project.add("good.md", VALID)
    (project.practices / "folder-link.md").symlink_to(project.docs, target_is_directory=True)
    (project.practices / "dangling.md").symlink_to(project.root / "nowhere.md")
    os.mkfifo(project.practices / "pipe.md")
    begun = time.perf_counter()
    problems = [str(p) for p in catalog.build(project.practices).problems]
    assert time.perf_counter() - begun < 5  # a pipe is never opened
    assert problems == [
        "practices/dangling.md:1: file: is a symbolic link (commit the file itself, not a link)",
        "practices/folder-link.md:1: file: is a symbolic link (commit the file itself, not a link)",
        "practices/pipe.md:1: file: is not a plain file (commit a text file)",
    ]


def test_hidden_and_backup_files_are_warnings(project):
    project.add("good.md", VALID)
    project.add(".draft.md", VALID)
    project.add("good.md~", VALID)
    (project.practices / ".obsidian").mkdir()
    result = catalog.build(project.practices)
    assert result.catalog is not None
    assert [str(p) for p in result.problems] == [
        f"practices/{name}:1: warning: file: is a hidden or backup file, which the build does not read "
        "(delete it, or name a practice <id>.md)" for name in (".draft.md", ".obsidian", "good.md~")]


def test_an_unexpected_failure_in_one_file_hides_no_other(project, monkeypatch):
    from goodpractices import catalog as pipeline

    real = pipeline.check_practice

    def fragile(source, ctx):
        if source.id == "b":
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, ctx)

    monkeypatch.setattr(pipeline, "check_practice", fragile)
    project.add("a.md", practice(theme="nowhere"))
    project.add("b.md", practice(title="Second title"))
    project.add("c.md", practice(partner="nobody", title="Third title"))
    assert [p.split(":")[0] + ":" + p.split(": ")[1] for p in map(str, catalog.build(project.practices).problems)] \
        == ["practices/a.md:theme", "practices/b.md:file", "practices/c.md:partner"]
    assert "practices/b.md:1: file: could not be checked (RecursionError; please report this file to the " \
           "maintainers)" in map(str, catalog.build(project.practices).problems)


# Every pattern this part owns, fed the input that would make a backtracking pattern take quadratic or
# exponential time. The bound is generous: linear matching takes milliseconds; quadratic takes minutes.
N = 200_000
WORST_CASES = [
    (ID_PATTERN.fullmatch, "a-" * N + "-"),
    (ID_PATTERN.fullmatch, "a" * N + "A"),
    (DATE_PATTERN.fullmatch, "2020-01-01" * N),
    (EMAIL_PATTERN.match, "a@" + "b." * N + " "),
    (EMAIL_PATTERN.match, "a@" + "." * N + "@"),
    (EMAIL_PATTERN.match, "a" * N + "@" + "b" * N),
    (EMAIL_PATTERN.match, "a@b" + "." * N),
    (_UNPRINTABLE.search, "a" * (5 * N)),
    (lambda text: re.findall(r"[a-z0-9]+", text), "a-" * N),
    (suggest_id, "A_" * N),
    (_HANDLER.detect, "-" * N + " " * N + "x"),
    (lambda text: _HANDLER.split(text), "---\n" + ("-" * 50 + "x\n") * (N // 50) + "---\n"),
    (lambda text: _HANDLER.split(text), "---\n" + "-- \n" * N + "---" + " \n" * N + "x"),
    (lambda text: _HANDLER.split(text), "---\n" + ("---" + " " * 100 + "x\n") * (N // 100) + "---\n"),
    (lambda text: top_key(text, text.count("\n") + 1), "\n" * N + " x\n" * N),
    (lambda text: top_key(text, 2), "'" + "a" * N + ":" * N),
] + [(pattern.match, text) for _, resolvers in StrictLoader.yaml_implicit_resolvers.items()
     for _, pattern in resolvers
     for text in ("1" * N + "x", "-" + "0" * N + "." + "1" * N + "e", ".1" * N, "0x" + "f" * N + "g", "1e" + "1" * N)]


@pytest.mark.parametrize(("run", "text"), WORST_CASES)
def test_every_pattern_is_linear_on_its_worst_case(run, text):
    begun = time.perf_counter()
    run(text)
    assert time.perf_counter() - begun < 2


names = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=40) \
    .filter(lambda n: n not in (".", "..", "themes.yml", "partners.yml") and len(n.encode()) < 200)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(names, names.map(lambda n: n + ".md"), names.map(lambda n: "good.md" + n)))
def test_every_entry_of_the_practices_folder_is_published_or_reported(project, name):
    for entry in project.practices.iterdir():
        if entry.name not in ("themes.yml", "partners.yml"):
            entry.unlink()
    project.add(name, VALID)
    result = catalog.build(project.practices)
    reported = {p.path for p in result.problems}
    if result.catalog is not None and result.catalog.practices:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", name) and name != "index.md"
        assert [p.id for p in result.catalog.practices] == [name[:-3]]
    else:
        assert catalog.shown_path(project.practices / name, project.root) in reported
