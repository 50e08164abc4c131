"""Each quicker way the checks take gives what the rule it stands for gives, on generated input: whole-text
searches for invisible characters, the ASCII way of comparing heading titles, and the body limits read from counts
over the whole body."""

from __future__ import annotations

import unicodedata

import regex
from goodpractices.body_checks import _squeeze
from goodpractices.invisible import any_ignorable, first_refused, ignorable, refused
from goodpractices.load import parse_practice
from goodpractices.markdown_blocks import layout
from goodpractices.markdown_limits import MAX_BODY_CHARS, _counted, overruns
from goodpractices.yamlread import character_name
from hypothesis import given, settings
from hypothesis import strategies as st

#: Every character that is ignorable, kept, white space or a separator: where the rules draw their lines.
_EDGE = regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Cs}\p{Mn}\p{Z}\s]")
EVERY = "".join(map(chr, range(0x110000)))
EDGES = _EDGE.findall(EVERY)
#: Characters of every category (surrogates and unassigned code points too), the edges, and ASCII.
CHARS = st.one_of(st.characters(exclude_categories=()), st.sampled_from(EDGES), st.characters(max_codepoint=0x7F))


def test_the_refused_and_ignorable_searches_agree_with_the_rules_on_every_code_point():
    assert [char for char in EDGES if first_refused(char)] == [char for char in EDGES if refused(char)]
    assert [char for char in EDGES if any_ignorable(char)] == [char for char in EDGES if ignorable(char)]
    others = _EDGE.sub("", EVERY)  # no ignorable character, by the class
    assert len(others) + len(EDGES) == 0x110000
    assert first_refused(others) is None and not any_ignorable(others)


@settings(max_examples=300, deadline=None)
@given(text=st.text(CHARS, max_size=30))
def test_a_text_is_searched_for_its_first_refused_character_in_one_call(text):
    assert first_refused(text) == next((char for char in text if refused(char)), None)
    assert any_ignorable(text) == any(map(ignorable, text))


@settings(max_examples=300, deadline=None)
@given(text=st.text(CHARS, max_size=30))
def test_titles_compare_alike_whether_ascii_or_not(text):
    """_squeeze takes str.translate for ASCII; every text must come out as the character-by-character rule says."""
    rule = "".join(char for char in text if not char.isspace() and unicodedata.category(char) != "Cc").casefold()
    assert _squeeze(text) == rule


@settings(max_examples=200, deadline=None)
@given(name=st.text(st.sampled_from("\u2028\u2029 ") | CHARS.filter(lambda char: unicodedata.category(char) != "Cs"),
                    min_size=1, max_size=12))
def test_a_file_name_is_refused_for_its_first_invisible_character_or_separator(name):
    """Names are searched whole first; a name holding such a character is refused for the first one, as before."""
    odd = next((char for char in name if ignorable(char) or unicodedata.category(char) in ("Zl", "Zp")), None)
    _source, problems = parse_practice(b"---\ntitle: x\n---\n", "practices/x.md", name + ".md")
    refusal = [problem.message for problem in problems if problem.field == "file name"]
    assert (f"contains the character {character_name(odd)} " in refusal[0]) if odd else \
        not any("contains the character" in message for message in refusal)


#: Markdown pieces, each many times: enough of one kind passes a limit, in text or in code.
PIECES = st.sampled_from([
    "[", "*[x]: y\n", "[^1]", "*", "_", "`", "``", "<b>", "</b>", "<div>", "<!-- c -->", "<?x?>", "&amp;", "\\*", "!",
    "\n", "\n\n", "    ", "\t", "> ", "- ", "1. ", "```\n", "~~~\n", ": term\n", "# h\n", "h\n===\n", "---\n", "!!! note\n",
    "word ", "é",
])
BODIES = st.builds(lambda piece, times, rest, at: (piece * times)[:at] + rest + (piece * times)[at:],
                   PIECES, st.integers(0, 1_100), st.lists(PIECES, max_size=40).map("".join), st.integers(0, 5_000))


@settings(max_examples=200, deadline=None)
@given(body=BODIES)
def test_counts_over_the_whole_body_find_what_counting_line_by_line_finds(body):
    """A body whose whole-body counts keep every limit is measured for depth alone: the same verdicts."""
    if len(body) <= MAX_BODY_CHARS:
        assert overruns(body) == _counted(layout(body))
