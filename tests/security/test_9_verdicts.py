"""Verdicts to trust: bounded before rendering, on the right line, in a shape no name can break, by Unicode property,
as browsers parse, and legitimate Markdown accepted. Each class is tested with generated members."""

from __future__ import annotations

import html
import json
import re
import string
import sys
import time
import unicodedata
from pathlib import Path

import nh3
import pytest
import regex
from conftest import BODY, ROOT, practice
from goodpractices import catalog
from goodpractices.body_checks import check_body
from goodpractices.body_markdown import render
from goodpractices.checker import Checker, folded
from goodpractices.completeness import placeholder_sentences
from goodpractices.load import Source
from goodpractices.markdown_limits import MAX_INLINE, overruns
from goodpractices.problems import Problem
from goodpractices.sanitize import clean, inspect, local
from goodpractices.schema import MAX_ID_CHARS, PLACEHOLDERS, WINDOWS_DEVICES
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "scripts"))
from validate import annotation  # noqa: E402

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
#: Every code point Unicode calls Default_Ignorable, and every format character.
IGNORABLE = [chr(c) for c in range(0x110000) if regex.match(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]", chr(c))]


def body_problems(body: str, first: int = 10) -> list[Problem]:
    checker = Checker(Source("p", "practices/p.md", {}, {}, body, first))
    check_body(checker, body, first)
    return [problem for problem in checker.problems if not problem.warning]


# --- bounded before rendering ---------------------------------------------------------------------------------

#: One inline mark of each kind, in the spellings that cost the renderer a match each.
MARKS = st.one_of(
    st.sampled_from(["&amp;", "&#65;", "&#x41;", "&#0000065;", "&copy", "<b>", "![", "[", "*", "_", "`"]),
    st.sampled_from(string.punctuation).map(lambda char: "\\" + char),
)


@settings(max_examples=40, deadline=None)
@given(mark=MARKS, gap=st.sampled_from(["", " ", " word "]))
def test_a_paragraph_with_too_many_inline_marks_is_refused_before_rendering(mark, gap):
    """One paragraph of 200,000 characters of entities took 2.3 s of CPU to render: close to the old 3 s limit,
    so the verdict hung on the machine's load. Past MAX_INLINE marks in a paragraph it is refused unrendered."""
    over = "Lead paragraph.\n\n" + (mark + gap) * (MAX_INLINE + 1)
    found = [overrun for overrun in overruns(over) if "inline marks" in overrun.message]
    assert found and found[0].offset == 2, overruns(over)
    split = "Lead paragraph.\n\n" + ((mark + gap) * (MAX_INLINE // 2) + "\n\n") * 4
    assert not [overrun for overrun in overruns(split) if "inline marks" in overrun.message]


#: Each line splits the rest of its block anew in Python-Markdown: a setext underline of any length ('-', '==', '--  ')
#: and a horizontal rule of any of its marks. 10,000 'a' / '-' pairs in one block took 11 s of CPU to render.
SPLITTERS = st.one_of(
    st.builds(lambda mark, n, spaces: mark * n + " " * spaces, st.sampled_from("=-"), st.integers(1, 6),
              st.integers(0, 2)),
    st.builds(lambda mark, n, gap, indent: " " * indent + (mark + " " * gap) * n, st.sampled_from("-_*"),
              st.integers(3, 5), st.integers(0, 2), st.integers(0, 3)),
)


@settings(max_examples=60, deadline=None)
@given(line=SPLITTERS, text=st.sampled_from(["a", "Some words", ""]))
def test_every_line_that_splits_a_block_is_bounded_before_rendering(line, text):
    """A block of headings or rules, without blank lines, costs its size times its count: past 300 such lines in
    a body it is refused unrendered, whatever the underline's length, whatever the rule's marks and spaces."""
    unit = (text + "\n" if text else "") + line + "\n"
    found = [o.message for o in overruns(unit * 301) if "headings" in o.message or "horizontal rules" in o.message]
    assert found, repr(unit)
    assert not [o.message for o in overruns(unit * 40)]


def test_a_long_run_of_letters_beside_raw_html_is_inspected_in_linear_time():
    """Each letter of a long run started a scan for a scheme to the run's end: 60,000 letters beside a tag took
    16 s of CPU in the refusal check, a whole body of them minutes. Now a fraction of a second however loaded."""
    for body in ("<b>x</b>\n\n" + "a" * 60_000, "<div>\n" + "a\n" * 60_000 + "</div>\n"):
        started = time.process_time()
        assert body_problems(body) == []
        assert time.process_time() - started < 3


def _placeholder_sentences_by_definition(prose: str) -> tuple[str, ...]:
    """The placeholder sentences as the completeness report defines them, read from each one's line start."""
    sentences: list[str] = []
    for match in PLACEHOLDERS.finditer(prose):
        start = prose.rfind("\n", 0, match.start()) + 1
        ends = [end.end() for end in re.finditer(r"[.!?]\s+", prose[:match.start()]) if end.start() >= start]
        sentence = re.compile(r".*?(?:[.!?](?=\s|$)|$)", re.MULTILINE).match(prose, ends[-1] if ends else start)
        if sentence.group(0).strip() not in sentences:
            sentences.append(sentence.group(0).strip())
    return tuple(sentences)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["TODO", "tbd", "Lorem ipsum", ".", "!", "?", " ", "  ", "\n", "\n\n", "word", "x.y"]),
                max_size=40).map("".join))
def test_placeholder_sentences_are_found_in_one_pass_as_defined(prose):
    """Each placeholder's sentence was read from its line's start: 40,000 'TODO' on one line (a body inside every
    limit) took minutes of CPU, unbounded by the render limit. The one pass finds the same sentences."""
    assert placeholder_sentences(prose) == _placeholder_sentences_by_definition(prose)


def test_placeholder_sentences_of_a_whole_line_of_placeholders_take_one_pass():
    for prose in ("TODO " * 12_000, "TODO. " * 10_000, "tbd " * 15_000 + "\n" + "x TODO." * 5_000):
        started = time.process_time()
        placeholder_sentences(prose)
        assert time.process_time() - started < 1.5


# --- names the build can write, in messages that parse the same way ------------------------------------------

DEVICE_NAMES = st.builds(lambda name, upper, extension: (name.upper() if upper else name) + extension,
                         st.sampled_from(sorted(WINDOWS_DEVICES)), st.booleans(),
                         st.sampled_from([".md", ".MD", ".txt.md", ".html", "", " .md"]))


@SLOW
@given(name=DEVICE_NAMES)
def test_every_windows_device_name_is_refused_whatever_its_case_and_extension(project, name):
    for old in project.practices.glob("*"):
        if old.name not in catalog.NOT_PRACTICES:
            old.unlink()
    project.add(name, practice())
    problems = [str(p) for p in catalog.build(project.practices).problems]
    device = name.split(".")[0].strip().upper()
    assert any(f"is named like the Windows device {device}, which no file on Windows may be" in p for p in problems), \
        problems


@pytest.mark.parametrize(("length", "refused"), [(MAX_ID_CHARS, False), (MAX_ID_CHARS + 1, True), (250, True)])
def test_an_id_too_long_for_its_page_path_is_refused_by_the_validator(check, length, refused):
    stem = ("long-" * length)[:length].strip("-") + "x" * (length - len(("long-" * length)[:length].strip("-")))
    problems = check({f"{stem}.md": practice()})
    expected = (f"'{stem[:40]}…' is {length:,} characters long (keep ids to {MAX_ID_CHARS}: its page, "
                "practices/<id>.html, must fit the path limits of Windows and of every file system)")
    assert (f"practices/{stem}.md:1: file name: {expected}" in problems) is refused, problems


def test_names_that_differ_only_in_case_are_refused(project):
    project.add("good.md", practice())
    project.add("Good.md", practice(title="Another title"))
    if len(list(project.practices.glob("*ood.md"))) < 2:
        pytest.skip("this file system folds case")
    problems = [str(p) for p in catalog.build(project.practices).problems]
    assert ("practices/good.md:1: file name: differs from practices/Good.md only in case (Windows and macOS hold one "
            "file for both: merge them, or give one another id)") in problems


QUOTED = r'"(?:[^"\\]|\\.)*"'
PLAIN = r'[^\s:"][^\s:]*(?: [^\s:]+)*'
SHAPE = re.compile(rf"^({QUOTED}|{PLAIN}):(\d+): (warning: )?({QUOTED}|{PLAIN}): (.+)$")
NAMES = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12) | st.sampled_from(
    ["a: b", "x.md:3: title", "warning", "a\nb", 'q"uote', '"lead', "back\\slash", " lead", "trail ", "\u202eevil",
     "ok", 'body ("Description" in the form)'])


def _unquoted(part: str) -> str:
    return json.loads(part) if part.startswith('"') else part


@settings(max_examples=300, deadline=None)
@given(path=NAMES, field=NAMES, message=st.text(min_size=1, max_size=30), warning=st.booleans())
def test_every_problem_splits_into_path_line_field_message_the_same_way(path, field, message, warning):
    printed = str(Problem(path, 7, field, message, warning))
    shape = SHAPE.match(printed)
    assert shape is not None and "\n" not in printed, printed
    assert _unquoted(shape.group(1)) == path and shape.group(2) == "7" and _unquoted(shape.group(4)) == field
    assert bool(shape.group(3)) is warning
    command = annotation(Problem(path, 7, field, message, warning))
    head, _, text = command[2:].partition("::")
    level, _, properties = head.partition(" ")
    assert level == ("warning" if warning else "error") and "\n" not in command and "\r" not in command
    values = dict(item.split("=", 1) for item in properties.split(","))
    decode = lambda v: v.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace(
        "%25", "%")
    assert list(values) == ["file", "line", "title"] and decode(values["file"]) == path
    assert _unquoted(decode(values["title"])) == field


def test_a_key_holding_a_colon_space_is_quoted_where_it_names_the_field(check):
    problems = check({"p.md": practice("'practices/q.md:1: title': x\n")})
    assert problems[0].startswith('practices/p.md:6: "practices/q.md:1: title": unknown field'), problems


# --- invisible characters, by property ---------------------------------------------------------------------------

def test_every_ignorable_code_point_is_ignored_when_titles_are_compared():
    assert len(IGNORABLE) > 4_000  # Unicode's list, not a hand-made one
    base = folded("Cluster Academy")
    for char in IGNORABLE:
        assert folded(f"Cluster{char} Academy") == base, f"U+{ord(char):04X}"
        assert folded(f"Cluster A{char}cademy") == base, f"U+{ord(char):04X}"


def test_a_text_of_ignorable_code_points_only_is_refused():
    for char in IGNORABLE:
        checker = Checker(Source("p", "practices/p.md", {}, {("title",): 2}, "", 7))
        assert checker.text(("title",), f"{char * 6} {char * 3}", "write a title", 5, 150) is None, f"U+{ord(char):04X}"
        assert checker.problems and checker.problems[0].line == 2


@SLOW
@given(char=st.sampled_from(["\u3164", "\uffa0", "\u115f", "\u1160", "\u034f", "\ufe0f", "\ufe00", "\U000e0100",
                             "\u180b", "\u17b4", "\u200b", "\u2060", "\ufeff", "\u00ad"]))
def test_titles_of_fillers_are_refused_and_duplicates_apart_by_an_invisible_mark_are_found(check, char):
    only = check({"p.md": practice(title=json.dumps(char * 8))})
    assert any(p.startswith("practices/p.md:2: title: ") for p in only), only
    twins = check({"p.md": practice(), "q.md": practice(title=json.dumps(f"A valid{char} practice title"))})
    assert any(p.startswith("practices/q.md:2: title: ") for p in twins), twins


@settings(max_examples=80, deadline=None)
@given(char=st.sampled_from(IGNORABLE), entity=st.booleans(), section=st.sampled_from(["Contact", "Links"]))
def test_a_generated_section_apart_by_an_invisible_character_is_refused_on_its_line(char, entity, section):
    """'## Con&shy;tact' reads as the page's own Contact section: section titles compare as titles do."""
    written = f"&#x{ord(char):x};" if entity else char
    body = f"Intro naming {section}.\n\n## {section[:3]}{written}{section[3:]}\n\nText.\n"
    found = [str(p) for p in body_problems(body) if "which the page makes from the front matter" in p.message]
    assert len(found) == 1 and found[0].startswith("practices/p.md:12: body: has a '"), (found, body_problems(body))


@settings(max_examples=60, deadline=None)
@given(char=st.sampled_from([c for c in IGNORABLE if re.fullmatch(r"\w", c)]) | st.sampled_from(IGNORABLE),
       entity=st.booleans())
def test_a_heading_id_holding_an_invisible_character_is_refused(char, entity):
    """'## Title {: #a\u3164b }' gave the id 'a\u3164b': a Hangul filler is a letter to '\\w', so the id looked
    plain. Every ignorable code point, written or as an entity, makes an id that is not a plain name."""
    written = f"&#x{ord(char):x};" if entity else char
    found = [str(p) for p in body_problems(f"Intro.\n\n## Title {{: #a{written}b }}\n")]
    assert found and all(p.startswith("practices/p.md:12: body: has a heading id ") for p in found), found


# --- on the right line, quoted ------------------------------------------------------------------------------------

def _spellings(char: str) -> st.SearchStrategy[str]:
    """Every way HTML can write one character of a link destination (a backslash before a letter or ':' stays:
    Python-Markdown escapes only Markdown's marks, and a browser reads 'java\\script:' as a path)."""
    code = ord(char)
    named = [f"&{name}" for name, value in html.entities.html5.items() if value == char and name.endswith(";")]
    forms = [char, char.upper(), f"&#{code};", f"&#x{code:x};", f"&#X{code:X};", f"&#000{code};",
             f"&#x000{code:x};", *named]
    return st.sampled_from(forms)


SCHEME = st.sampled_from(["javascript", "vbscript", "data"]).flatmap(
    lambda word: st.tuples(*[_spellings(c) for c in word + ":"]))
JUNK = st.sampled_from(["", "\t", "&#9;", "&Tab;", "&NewLine;"])


@settings(max_examples=150, deadline=None)
@given(scheme=SCHEME, junk=JUNK, before=st.integers(0, 6), form=st.sampled_from(["link", "raw", "reference"]))
def test_a_decoded_scheme_is_refused_on_the_line_that_holds_it_and_quoted(scheme, junk, before, form):
    assume(not (form == "reference" and junk == "\t"))  # a definition does not hold a raw tab: it is no link
    target = "".join(scheme[:2]) + junk + "".join(scheme[2:]) + "alert(1)"
    written = {"link": f"Read [this]({target}) now.", "raw": f'<a href="{target}">this</a>',
               "reference": f"[this]\n\n[this]: {target}"}[form]
    body = "## Description\n\n" + "Words.\n\n" * before + written + "\n"
    wanted = body.count("\n", 0, body.index(target)) + 10
    refusals = [p for p in body_problems(body) if " URL in href" in p.message]
    assert refusals and refusals[0].line == wanted, (body, [str(p) for p in body_problems(body)])
    assert "''" not in refusals[0].message and re.search(r"href, '.+' \(", refusals[0].message)


@pytest.mark.parametrize(("written", "message"), [
    ("# &#72;ello", "has a level-1 heading 'Hello'"),
    ("#", "has a level-1 heading with no text"),
    ("Hello\n=====", "has a level-1 heading 'Hello'"),
    ("#   Spaced   out   #####", "has a level-1 heading 'Spaced out'"),
    ("## &#76;inks", "has a 'Links' section"),
    ("Links\n-----", "has a 'Links' section"),
    ("## Head {: #&#x62;ad! }", "has a heading id '…ad!' that is not a plain name"),
    ("![a]()", "has an image without a source"),
    ('<img src="">', "has an image without a source"),
    ("<img src>", "has an image without a source"),
])
def test_headings_and_images_in_unusual_forms_are_refused_on_their_line(written, message):
    body = "## Description\n\nWords.\n\n" + written + "\n\nMore words.\n"
    problems = body_problems(body)
    assert any(p.message.startswith(message) and p.line == 14 for p in problems), [str(p) for p in problems]
    assert not any("''" in p.message for p in problems)


#: What a body refuses, written as Markdown or raw HTML: (source, text of the message).
REFUSALS = [("[y](javascript:alert(1))", "javascript: URL"), ("<b onclick=go()>y</b>", "onclick"),
            ("![y](https://e.example/a.png)", "e.example"), ("<img src=https://e.example/a.png>", "e.example"),
            ("[y](&#x6A;avascript:alert(1))", "javascript: URL")]
#: The same text shown as code before it, where it is text and refused nowhere.
SHOWN_AS_CODE = [lambda t: f"Never write `{t}` here.", lambda t: f"Never write ``{t}`` here.",
                 lambda t: f"    {t}", lambda t: f"```\n{t}\n```", lambda t: f"~~~ html\n{t}\n~~~",
                 lambda t: f"- a list:\n\n    ```\n    {t}\n    ```"]


@settings(max_examples=60, deadline=None)
@given(refusal=st.sampled_from(REFUSALS), code=st.sampled_from(SHOWN_AS_CODE), gap=st.integers(0, 3))
def test_a_refusal_is_on_the_line_that_holds_it_not_where_code_shows_the_same_text(refusal, code, gap):
    """A page that shows, as code, what not to write, then writes it: the message names the line that writes it."""
    written, said = refusal
    shown = code(written)
    body = f"Intro.\n\n{shown}\n\n" + "Text.\n\n" * gap + f"{written}\n"
    line = 10 + body[:body.rindex(written)].count("\n")
    found = [str(p) for p in body_problems(body)]
    assert found and all(p.startswith(f"practices/p.md:{line}: body: ") for p in found), (line, found)
    assert said in found[0]


@settings(max_examples=30, deadline=None)
@given(letter=st.sampled_from(["ß", "ﬁ", "ŉ", "İ", "ﬃ", "ΐ"]), count=st.integers(1, 400), tag=st.sampled_from(
    ["SCRIPT", "Script", "IFRAME", "Style"]))
def test_letters_that_fold_longer_do_not_move_a_refusal_to_another_line(letter, count, tag):
    """A case-blind search reads the body case-folded, where 'ß' is 'ss': a count of line breaks in the folded body
    drifted one line further for each extra letter before the refused text (found by html5ever only here)."""
    body = f"Intro {letter * count}.\n\n" + "Text.\n\n" * 40 + f"<!--><{tag}>x</{tag}>-->\n\n" + "More.\n\n" * 40
    line = 10 + body[:body.index("<!-->")].count("\n")
    found = [str(p) for p in body_problems(body)]
    assert found and all(p.startswith(f"practices/p.md:{line}: body: ") for p in found), (line, found)


@settings(max_examples=40, deadline=None)
@given(refusal=st.sampled_from(REFUSALS), places=st.lists(st.integers(0, 4), min_size=2, max_size=4),
       other=st.booleans())
def test_the_same_refusal_written_in_several_places_is_named_at_each(refusal, places, other):
    """Two identical javascript: links said once, on the first line: the second was named only after the first was
    mended. Each line that writes it is named (once a line), whatever else lies between."""
    written, said = refusal
    lines = ["Intro."]
    for gap in places:
        lines += ["Text."] * gap + [f"See {written}" + (" and " + written if other else "") + "."]
    body = "\n\n".join(lines) + "\n"
    expected = sorted({10 + 2 * number for number, text in enumerate(lines) if written in text})
    found = [p for p in body_problems(body) if said in p.message or said in str(p)]
    assert sorted(p.line for p in found) == expected, ([str(p) for p in found], expected)


# --- as browsers parse --------------------------------------------------------------------------------------------

WRAPPERS = ["<title>{}</title>", "<textarea>{}</textarea>", "<noscript>{}</noscript>", "<xmp>{}</xmp>",
            "<noembed>{}</noembed>", "<iframe>{}</iframe>", "<style>{}</style>", "<plaintext>{}", "<noframes>{}</noframes>",
            "<script>{}</script>", "<svg><style>{}</style></svg>", "<math><style>{}</style></math>", "<!-->{}-->",
            "<!--->{}-->", "<!-- --!>{}-->", "<!x>{}", "<? >{}?>", "<![CDATA[ ]]>{}", "<p title='{}'>", "{}"]
CLOSERS = ["", "</title>", "</textarea>", "</noscript>", "</xmp>", "</style>", "--!>", "-->", "]]>", "'>", "</p>"]


def _handlers_html5ever_sees(text: str) -> set[tuple[str, str]]:
    """The event-handler attributes on elements as html5ever (the sanitiser's parser) builds them: (tag, name)."""
    seen: set[tuple[str, str]] = set()

    def visit(tag: str, name: str, value: str) -> str:
        if name.startswith("on"):
            seen.add((tag, name))
        return value

    names = set(re.findall(r"</?([A-Za-z][^\t\n\f\r />]*)", text.lower())) | {"img", "p", "a", "svg", "math"}
    nh3.clean(text, tags=names, clean_content_tags=set(), attributes={}, generic_attribute_prefixes={""},
              attribute_filter=visit)
    return seen


@settings(max_examples=300, deadline=None)
@given(wrapper=st.sampled_from(WRAPPERS), closer=st.sampled_from(CLOSERS), outer=st.sampled_from(WRAPPERS),
       handler=st.sampled_from(["onerror", "onload", "ONMOUSEOVER"]))
def test_what_html5ever_parses_as_a_handler_is_refused(wrapper, closer, outer, handler):
    payload = f"{closer}<img src=x.png {handler}=alert(1)>"
    text = outer.format(wrapper.format(payload))
    rendered = render(f"Words.\n\n{text}\n\nMore.\n").html
    handlers = _handlers_html5ever_sees(rendered)
    refused = [f.message for f in inspect(rendered).findings]
    for tag, name in handlers:
        assert f"has an event-handler attribute {name} on <{tag}> (remove it)" in refused, (text, rendered, refused)


# --- legitimate Markdown accepted ---------------------------------------------------------------------------------

SEGMENT = st.text(st.sampled_from(string.ascii_letters + string.digits + "-_.~ "), min_size=1, max_size=8).filter(
    lambda s: s.strip(" .") != "")


def _written(path: str, escape: set[int], entity: set[int]) -> str:
    """A destination as a writer may spell it: some characters backslash-escaped, some as entities. (A backslash
    that Python-Markdown keeps is a slash to a browser: first in a destination, it would point at the site's root.)"""
    out = []
    for index, char in enumerate(path):
        if index in escape and char in string.punctuation and index:
            out.append("\\" + char)
        elif index in entity and char.isalnum():
            out.append(f"&#{ord(char)};")
        else:
            out.append(char)
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(segments=st.lists(SEGMENT, min_size=1, max_size=3), escape=st.sets(st.integers(0, 30)),
       entity=st.sets(st.integers(0, 30)), pointy=st.booleans(), suffix=st.sampled_from(["", ".md", ".html#part"]))
def test_a_destination_inside_the_site_is_accepted_however_it_is_escaped(segments, escape, entity, pointy, suffix):
    path = "/".join(segment.strip() for segment in segments) + suffix
    written = _written(path, escape, entity)
    destination = f"<{written}>" if pointy or " " in written else written
    body = f"## Description\n\nSee [the page]({destination}) and ![a figure]({destination}).\n"
    assert [str(p) for p in body_problems(body)] == []


@pytest.mark.parametrize("written", [
    "[a](foo\\bar)", "[a](foo\\\\bar)", "[a](\\(foo\\))", "[a](<b)c>)", "[a](foo\\)\\:)", "[a](j\\avascript\\:x)",
    "[a](#fragment)", "[a](foo%20b&auml;)", "[a](<my page.md>)", "[a](a\\*b)", "[a](foo\nbar)",
    '<a href="foo\\\nbar">x</a>', "<b2\ndata=\"foo\">x", '<responsive-image src="foo.jpg" />',
    "[a](path\\_with\\_underscores.md)", "[a](&#112;age.md)", "[a](page&period;md)",
])
def test_commonmark_style_destinations_that_stay_inside_the_site_pass(written):
    assert [str(p) for p in body_problems(f"## Description\n\n{written}\n")] == []


def test_a_backslash_is_read_as_a_browser_reads_it():
    assert local("foo\\bar") and local("a\\b\\c.md")
    assert not local("\\\\evil.example\\x") and not local("/\\evil.example") and not local("\\*")


def test_autolinks_are_links_not_nested_html():
    """'<https://…>' and '<name@example.org>' are Markdown's autolinks: they open no element, however many."""
    body = "## Description\n\n" + "\n\n".join(f"See <https://example.org/{n}> or write to <a{n}@example.org>."
                                            for n in range(60))
    assert [str(p) for p in body_problems(body)] == []


EMPTY = st.sampled_from(['""', '" "', "'\t'", "[]", '[""]', "{}", '{"": ""}', "~", '[{title: "", url: " "}]'])


@SLOW
@given(values=st.dictionaries(st.sampled_from(["title", "theme", "partner", "summary", "country", "region", "start",
                                               "end", "status", "budget_eur", "keywords", "inspired_by", "updated",
                                               "transferability", "contact", "links", "institution"]), EMPTY,
                              min_size=1, max_size=6))
def test_no_message_quotes_an_empty_value(check, values):
    problems = check({"p.md": practice(**values)})
    assert not any("''" in problem for problem in problems), problems
