"""Partners who never use git: every mistake caught where it is made (form, template, `make new`), in their words.

Each class of mistake is asserted exactly, with several members, in both vocabularies: the form's labels through
the issue-form converter, `path:line: field` through the validator."""

from __future__ import annotations

import contextlib
import io
import os
import pty
import select
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import issue_to_practice
import new_practice
import pytest
import validate
from conftest import ROOT, practice
from goodpractices import catalog, names, scaffold
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_contributing import body_from_form

SUMMARY = "This summary is long enough to pass the fifty-character minimum of the contract."
THEMES, PARTNERS, _ = scaffold.registries(ROOT / "practices")
FORM = {"title": "A good practice title", "theme": "Support for digitalisation (digitalisation)",
        "partner": "INMA, RO (inma)", "summary": SUMMARY, "description": "What it is and how it works."}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A practices folder holding the real registries only."""
    practices = tmp_path / "practices"
    practices.mkdir()
    for name in ("themes.yml", "partners.yml"):
        shutil.copy(ROOT / "practices" / name, practices / name)
    return practices


def run(module, *args: str, cwd: Path) -> tuple[int, str, str]:
    """Run a script's main() in this process, in `cwd`, standard input not a terminal."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        stdin, sys.stdin = sys.stdin, io.StringIO()
        try:
            code = module.main(list(args))
        except SystemExit as exit_:
            code = exit_.code
        finally:
            sys.stdin = stdin
    return code, out.getvalue(), err.getvalue()


def convert(folder: Path, **answers: str) -> tuple[int, list[str]]:
    """Convert a form with these answers (FORM's for the rest); return the exit code and the messages."""
    body = body_from_form(**(FORM | answers))
    (folder.parent / "body.md").write_text(body, encoding="utf-8")
    code, _out, err = run(issue_to_practice, "body.md", "--practices", str(folder), cwd=folder.parent)
    return code, err.splitlines()


def check(folder: Path, name: str, text: str | bytes, *flags: str) -> tuple[int, list[str]]:
    """Write practices/<name> and run the validator on it; return the exit code and the printed lines."""
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    code, out, _err = run(validate, "--practices", str(folder), *flags, f"practices/{name}", cwd=folder.parent)
    return code, out.splitlines()


# --- placeholders and samples: errors in a proposal, not in the library ------------------------------------------

SECTION_FIXES = {
    "Description": "what the practice is, who runs it, for whom, and how it works",
    "Resources needed": "the budget, staff and other resources it takes",
    "Evidence of success": "the results so far, with figures where you have them",
    "Difficulties encountered": "what was hard, and how it was handled",
    "Potential for learning or transfer": "why other regions could learn from it, and what they would need",
}


def placeholder_line(path: str, line: int, section: str) -> str:
    sentence = scaffold.placeholder(section)
    shown = sentence if len(sentence) <= 60 else sentence[:59] + "…"
    return (f'{path}:{line}: body ("{section}" in the form): the \'{section}\' section still holds the placeholder '
            f"'{shown}' (write {SECTION_FIXES[section]}, or delete the heading and the placeholder)")


def test_a_scaffolded_file_left_unchanged_is_refused_as_a_proposal_and_kept_by_the_library(folder):
    code, _out, _err = run(new_practice, "--practices", str(folder), "--title", "Regional vouchers", "--theme",
                           "sme-innovation", "--partner", "P6", "--summary", SUMMARY, cwd=folder.parent)
    assert code == 0
    text = (folder / "regional-vouchers.md").read_text()
    code, lines = check(folder, "regional-vouchers.md", text, "--proposal")
    assert code == 1
    assert lines == [placeholder_line("practices/regional-vouchers.md", 11 + 4 * i, section)
                     for i, section in enumerate(SECTION_FIXES)]
    assert check(folder, "regional-vouchers.md", text) == (0, [])  # the library, and `make site`, accept it
    assert catalog.build(folder).catalog is not None


def test_the_downloaded_template_saved_unchanged_is_refused_with_what_to_write(folder):
    text = scaffold.template_text(THEMES, PARTNERS)
    code, lines = check(folder, "new-practice.md", text, "--proposal")
    path = "practices/new-practice.md"
    assert code == 1
    assert lines == [
        f"{path}:7: title: still holds the template's sample text (write the practice's own title, 5–150 characters)",
        f"{path}:16: theme: still holds the template's sample text (write the key of the practice's theme, from the "
        "list above it in the template)",
        f"{path}:30: partner: still holds the template's sample text (write the key of the partner that presents the "
        "practice, from the list above it in the template)",
        f"{path}:33: summary: still holds the template's sample text (write one plain paragraph of 50–800 characters: "
        "what the practice does, for whom, and why other regions may want to learn from it)",
        *(placeholder_line(path, 85 + 4 * i, section) for i, section in enumerate(SECTION_FIXES)),
    ]


@pytest.mark.parametrize(("answers", "expected"), [
    ({"title": scaffold.SAMPLES["title"]},
     "Title: still holds the template's sample text (write the practice's own title, 5–150 characters)"),
    ({"title": "Replace this title: ours"},
     "Title: still holds the template's sample text (write the practice's own title, 5–150 characters)"),
    ({"summary": scaffold.SAMPLES["summary"]},
     "Summary: still holds the template's sample text (write one plain paragraph of 50–800 characters: what the "
     "practice does, for whom, and why other regions may want to learn from it)"),
    ({"resources-needed": scaffold.placeholder("Resources needed")},
     "Resources needed: still holds the placeholder 'Replace this paragraph: the budget, staff and other resourc…' "
     "(write the budget, staff and other resources it takes, or leave the answer empty)"),
    ({"description": "Our text.\n\nREPLACE THIS PARAGRAPH with more."},
     "Description: still holds the placeholder 'REPLACE THIS PARAGRAPH with more.' (write what the practice is, who "
     "runs it, for whom, and how it works)"),
])
def test_placeholders_and_samples_in_the_form_are_refused_by_label(folder, answers, expected):
    assert convert(folder, **answers) == (1, [expected, "1 answer to correct; nothing was written."])
    assert list(folder.glob("*.md")) == []


def test_honest_gaps_are_not_placeholders(folder):
    """A missing optional field or section, or an editor's 'not yet documented', is no sample: accepted."""
    text = practice(body="\n## Description\n\nResults are not yet documented.\n")
    code, lines = check(folder, "honest.md", text, "--proposal")
    assert code == 0 and [line for line in lines if ": warning: " not in line] == []


# --- the whole library decides; the pull request's file is blamed --------------------------------------------------

@pytest.mark.parametrize("flags", [(), ("--proposal",)])
def test_a_repeated_title_is_reported_on_the_changed_file_not_the_existing_one(folder, flags):
    (folder / "zeta.md").write_text(practice(title="Regional innovation vouchers"))
    code, lines = check(folder, "alpha.md", practice(title="REGIONAL innovation  vouchers"), *flags)
    assert (code, lines) == (1, ["practices/alpha.md:2: title: 'REGIONAL innovation vouchers' is already the title "
                                 "of practices/zeta.md (give each practice its own title)"])
    code, lines = check(folder, "beta.md", practice("inspired_by: [zeta, no-such-practice]\n"), *flags)
    assert lines == ["practices/beta.md:6: inspired_by: 'no-such-practice' is not a practice (use the id of an "
                     "existing practice)"]
    (folder / "beta.md").unlink()  # a library holds no broken file but the proposal's
    code, lines = check(folder, "gamma.md", practice("budget_eur: 900 000\n", title="Another title"), *flags)
    assert lines == ['practices/gamma.md:6: budget_eur ("Budget (EUR)" in the form): \'900 000\' is not a number ≥ 0 '
                     "(a number of euros without spaces, e.g. 900000)"]


def test_a_repeated_title_through_the_form_names_no_file(folder):
    (folder / "zeta.md").write_text(practice(title="Regional innovation vouchers"))
    assert convert(folder, title="REGIONAL innovation  vouchers") == (1, [
        "Title: 'REGIONAL innovation vouchers' is already the title of the practice 'zeta' (give each practice its "
        "own title)", "1 answer to correct; nothing was written."])
    (folder / "zeta.md").unlink()
    (folder / "regional-innovation-vouchers.md").write_text(practice(title="Another practice's title"))
    assert convert(folder, title="Regional innovation vouchers ") == (1, [
        "Title: another practice already has the page address this title gives, 'regional-innovation-vouchers' "
        "(choose another title)", "1 answer to correct; nothing was written."])


# --- YAML in plain language ------------------------------------------------------------------------------------------

TOP = "---\ntitle: A valid practice title\ntheme: cmo-services\npartner: ecoplus\nsummary: " + SUMMARY + "\n"
TAB = "a tab is used to indent this line, which YAML does not allow (indent with spaces, two per level)"
COLON = "the value holds ': ', which YAML reads as a new field (put the whole value in double quotes: {})"


def stray(key: str, space: str = " and the space after it") -> str:
    return (f"'{key}:' still has a '#' in front of it, but the lines below it do not (remove the '#'{space}, so that "
            f"the line starts with '{key}:'; or put '#' in front of the lines below too)")


YAML_MISTAKES = [
    ("contact:\n\tname: Jane\n", f"7: contact: {TAB}"),
    ("keywords:\n\t- clusters\n", f"7: keywords: {TAB}"),
    ("links:\n  - title: Home\n\t  url: https://example.org\n", f"8: links: {TAB}"),
    ("transferability:\n \tvlaio: assessed\n", f"7: transferability: {TAB}"),
    ("# contact:\n  name: Jane Doe\n", f"6: contact: {stray('contact')}"),
    ("#keywords:\n  - clusters\n", f"6: keywords: {stray('keywords', '')}"),
    ("# transferability:\n  vlaio: assessed\n", f"6: transferability: {stray('transferability')}"),
    (" country: AT\n", "6: country: 'country:' starts with a space, so it reads as part of the field above (remove "
                       "it: each field starts at the beginning of its line)"),
    ("region: Lower Austria\n   institution: ecoplus\n", "7: institution: 'institution:' starts with 3 spaces, so it "
     "reads as part of the field above (remove them: each field starts at the beginning of its line)"),
    ("region: Lower Austria: north\n", "6: region: " + COLON.format('region: "Lower Austria: north"')),
    ("institution: ecoplus: the agency\n", "6: institution: " + COLON.format('institution: "ecoplus: the agency"')),
    ("transferability:\n  vlaio: {stage: assessed, note: Result: a plan}\n",
     "7: transferability: the note 'Result: a plan' holds ': ', which YAML reads as a new field (put it in double "
     "quotes: note: \"Result: a plan\")"),
]


@pytest.mark.parametrize(("extra", "expected"), YAML_MISTAKES)
def test_yaml_mistakes_are_named_on_their_line_with_the_fix(folder, extra, expected):
    code, lines = check(folder, "p.md", TOP + extra + "---\n\n## Description\n\nText.\n")
    assert (code, lines) == (1, [f"practices/p.md:{expected}"])


@pytest.mark.parametrize(("title", "expected"), [
    ("Clusters: a programme", 'title: "Clusters: a programme"'),
    ("Note: vouchers for SMEs", 'title: "Note: vouchers for SMEs"'),
    ("Smart: fast: cheap", 'title: "Smart: fast: cheap"'),
])
def test_an_unquoted_colon_in_the_title_is_named(folder, title, expected):
    text = TOP.replace("A valid practice title", title) + "---\n"
    assert check(folder, "p.md", text) == (1, [f"practices/p.md:2: title: {COLON.format(expected)}"])


@pytest.mark.parametrize("value", ["Clusters: a programme\twith a tab", "# not a comment: really", "a: b # c"])
def test_the_same_characters_typed_into_the_form_are_just_text(folder, value):
    assert convert(folder, title=value, region=value) == (0, [])
    (path,) = folder.glob("*.md")
    assert catalog.build(folder).catalog.practices[0].region == " ".join(value.split())


FENCE = "is not the line of three hyphens that {}s the fields (write '---'; a word processor may have turned them " \
        "into a dash)"
FIELDS_TEXT = TOP.removeprefix("---\n")


@pytest.mark.parametrize(("text", "expected"), [
    (FIELDS_TEXT + "---\n\n## Description\n\nText.\n",
     "1: front matter: the line '---' that opens the fields is missing (add a line '---' above this one)"),
    ("\n\n" + TOP + "---\n", "1: front matter: starts with 2 empty lines before '---' (delete them: '---' must be "
                               "the very first line)"),
    ("--\n" + FIELDS_TEXT + "---\n", "1: front matter: '--' " + FENCE.format("open")),
    ("—\n" + FIELDS_TEXT + "—\n", "1: front matter: '—' " + FENCE.format("open")),
    (TOP + "--\n\n## Description\n", "6: front matter: '--' " + FENCE.format("close")),
    (TOP + "–-\n\nText.\n", "6: front matter: '–-' " + FENCE.format("close")),
    (TOP + "\n## Description\n\nText.\n", "7: front matter: the fields are not closed before '## Description' (add "
                                           "a line '---' after the last field)"),
    ("Just some text.\n", "1: front matter: missing (start the file with a line '---', the fields, and another "
                          "line '---')"),
])
def test_a_missing_or_mistyped_dashes_line_is_named_where_it_is(folder, text, expected):
    assert check(folder, "p.md", text) == (1, [f"practices/p.md:{expected}"])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8"])
def test_a_byte_order_mark_is_accepted(folder, encoding):
    text = practice().replace("\n", "\r\n") if encoding == "utf-8-sig" else practice()
    assert check(folder, "p.md", text.encode(encoding)) == (0, [])
    (folder / "themes.yml").write_bytes(b"\xef\xbb\xbf" + (folder / "themes.yml").read_bytes())
    assert catalog.build(folder).catalog.practices[0].title == "A valid practice title"


@pytest.mark.parametrize(("name", "expected"), [
    ("new.md.txt", "'new.md.txt' ends in .txt after .md (rename it to 'new.md'; your editor may hide the '.txt')"),
    ("Regional vouchers.md.txt", "'Regional vouchers.md.txt' ends in .txt after .md (rename it to "
                                 "'regional-vouchers.md'; your editor may hide the '.txt')"),
    ("new.md.TXT", "'new.md.TXT' ends in .TXT after .md (rename it to 'new.md'; your editor may hide the '.TXT')"),
    ("new.MD.docx", "'new.MD.docx' ends in .docx after .md (rename it to 'new.md'; your editor may hide the "
                    "'.docx')"),
])
def test_a_doubled_extension_is_named_and_dropped(folder, name, expected):
    assert check(folder, name, practice()) == (1, [f"practices/{name}:1: file name: {expected}"])


# --- names people see ------------------------------------------------------------------------------------------------

def plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_forms(names_: list[str]) -> list[str]:
    return sorted({form for name in names_ for form in (name, name.upper(), name.lower(), plain(name))})


PARTNER_FORMS = [(p.key, form) for p in PARTNERS for form in name_forms([p.short_name, p.name, f"P{p.number}"])]
THEME_FORMS = [(t.key, form) for t in THEMES for form in name_forms([t.title])]


def test_every_name_form_stands_for_its_key():
    theme_names, partner_names = names.aliases(THEMES, PARTNERS)
    assert [(key, names.key_for(form, partner_names)) for key, form in PARTNER_FORMS] == \
           [(key, key) for key, _ in PARTNER_FORMS]
    assert [(key, names.key_for(form, theme_names)) for key, form in THEME_FORMS] == \
           [(key, key) for key, _ in THEME_FORMS]


@pytest.mark.parametrize(("key", "form"), [f for f in PARTNER_FORMS if f[1] != f[0]])
def test_a_partner_named_in_a_file_gets_its_key_suggested(folder, key, form):
    keys = ", ".join(sorted(p.key for p in PARTNERS))
    code, lines = check(folder, "p.md", practice(partner=f'"{form}"'))
    shown = form if len(form) <= 80 else form[:79] + "…"
    assert lines == [f"practices/p.md:4: partner: '{shown}' is not a known partner (use one of: {keys}; did you mean "
                     f"'{key}'?)"]


@pytest.mark.parametrize(("key", "form"), THEME_FORMS)
def test_a_theme_named_by_its_title_gets_its_key_suggested(folder, key, form):
    keys = ", ".join(sorted(t.key for t in THEMES))
    code, lines = check(folder, "p.md", practice(theme=f'"{form}"'))
    assert lines == [f"practices/p.md:3: theme: '{form}' is not a known theme (use one of: {keys}; did you mean "
                     f"'{key}'?)"]


@pytest.mark.parametrize(("key", "form"), [f for f in PARTNER_FORMS if f[0] != "inma"])
def test_the_form_understands_every_partner_name_in_transferability(folder, key, form):
    assert convert(folder, transferability=f"{form}: In action plan | Part of the plan.") == (0, [])
    (path,) = folder.glob("*.md")
    practice_ = catalog.build(folder).catalog.practices[0]
    assert [(t.partner, t.stage, t.note) for t in practice_.transfers] == [(key, "in-action-plan", "Part of the plan.")]


@pytest.mark.parametrize(("typed", "code"), [("Austria", "AT"), ("österreich", "AT"), ("Osterreich", "AT"),
                                             ("RUMÄNIEN", "RO"), ("Rumanien", "RO"), ("Česko", "CZ"),
                                             ("cesko", "CZ"), ("Sverige", "SE"), ("be", "BE")])
def test_country_names_are_understood_by_the_form_and_suggested_by_the_validator(folder, typed, code):
    assert convert(folder, country=typed) == (0, [])
    assert catalog.build(folder).catalog.practices[0].country == code
    for path in folder.glob("*.md"):
        path.unlink()
    _, lines = check(folder, "p.md", practice(f"country: {typed}\n"))
    assert lines == [f"practices/p.md:6: country: '{typed}' is not an ISO 3166-1 alpha-2 country code (a two-letter "
                     f"ISO 3166-1 code such as AT; did you mean '{code}'?)"]


# --- pasted text ------------------------------------------------------------------------------------------------------

def test_pasted_text_is_made_plain_by_the_form(folder):
    code, messages = convert(folder, title="“Regional\u00a0vouchers”", region="«Moravia-Silesia»",
                             summary=f"\u200b{SUMMARY}\u00a0", keywords="• vouchers\n• SMEs, research",
                             description="It works in three steps:\n• apply – get a voucher\n• buy a service "
                                         "• report\n– pay back nothing\nThat is all.")
    assert (code, messages) == (0, [])
    (path,) = folder.glob("*.md")
    text = path.read_text()
    assert 'title: "Regional vouchers"\n' in text and 'region: "Moravia-Silesia"\n' in text
    assert f'summary: "{SUMMARY}"\n' in text and '  - "vouchers"\n  - "SMEs"\n  - "research"\n' in text
    assert ("## Description\n\nIt works in three steps:\n\n- apply – get a voucher\n- buy a service\n- report\n"
            "- pay back nothing\n\nThat is all.\n") in text
    page = catalog.build(folder).catalog.practices[0]
    assert page.body_html.count(b"<li>") == 4


def test_pasted_text_is_made_plain_by_make_new(folder):
    code, out, _err = run(new_practice, "--practices", str(folder), "--title", "\u201cRegional\u00a0vouchers\u201d",
                          "--theme", "sme-innovation", "--partner", "rda-ostrava", "--summary", f"{SUMMARY}\u200b",
                          "--keywords", "‘vouchers’, SMEs", cwd=folder.parent)
    assert (code, out) == (0, "practices/regional-vouchers.md\n")
    data = catalog.build(folder).catalog.practices[0]
    assert (data.title, data.summary, data.keywords) == ("Regional vouchers", SUMMARY, ("vouchers", "SMEs"))


def test_the_validator_warns_about_what_it_cannot_fix(folder):
    body = "\n## Description\n\nSteps:\n• apply\n◦ buy\nA\u00a0voucher and a\u200bgrant.\n"
    code, lines = check(folder, "p.md", practice(title='"“Regional vouchers”"', body=body))
    assert (code, [line for line in lines if "has no '##" not in line]) == (0, [
        "practices/p.md:2: warning: title: is wrapped in quotation marks “…”, which would be shown as part of it "
        "(remove them)",
        "practices/p.md:12: warning: body (\"Description\" in the form): the line starts with '•', which is not a "
        "list item on the page (write '- ' instead, after a blank line)",
        "practices/p.md:13: warning: body (\"Description\" in the form): the line starts with '◦', which is not a "
        "list item on the page (write '- ' instead, after a blank line)",
        "practices/p.md:14: warning: body (\"Description\" in the form): holds a no-break space (U+00A0), pasted "
        "from a word processor (retype the spaces on this line)",
    ])


@pytest.mark.parametrize(("line", "expected"), [
    ("title: Cluster #1 programme", "2: warning: title: '#1 programme' is read as a comment and left out of the value "
                                    "(put the whole value in double quotes: title: \"Cluster #1 programme\")"),
    ("region: Lower Austria  # north", "6: warning: region: '# north' is read as a comment and left out of the value "
                                       "(put the whole value in double quotes: region: \"Lower Austria # north\")"),
    ("institution: ecoplus\t#agency", "6: warning: institution: '#agency' is read as a comment and left out of the "
                                      "value (put the whole value in double quotes: institution: \"ecoplus #agency\")"),
])
def test_a_value_cut_at_a_hash_is_named(folder, line, expected):
    text = TOP.replace("title: A valid practice title\n", "title: A valid practice title\n" if "title" not in line
                       else line + "\n") + ("" if line.startswith("title") else line + "\n") + "---\n" + \
        "\n".join(f"\n## {s}\n\nText." for s in SECTION_FIXES) + "\n"
    assert check(folder, "p.md", text) == (0, [f"practices/p.md:{expected}"])
    assert check(folder, "p.md", text.replace("theme: cmo-services", "theme: cmo-services  # the CMO theme"))[1] \
        == [f"practices/p.md:{expected}"]  # a comment after a key is left alone


# --- the form's own rules ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("summary", "expected"), [
    (f"{SUMMARY}\n\nA second paragraph.", "has 2 paragraphs (write one paragraph: the summary is shown as one, on "
                                          "cards and in lists; the text under Description can have more)"),
    (f"{SUMMARY} **Bold** words.", "holds bold marks ('**' or '__')"),
    (f"{SUMMARY} See [the page](https://example.org).", "holds a link written as '[text](address)'"),
    (f"- {SUMMARY}\n- Another point.", "holds a list item"),
    (f"# {SUMMARY}", "holds a heading ('#')"),
    (f"{SUMMARY} <b>x</b>", "holds an HTML tag ('<')"),
    (f"{SUMMARY} `code`", "holds code marks ('`')"),
])
def test_the_summary_is_one_plain_paragraph(folder, summary, expected):
    if expected.startswith("holds"):
        expected += ", which the summary shows as typed (write plain text; formatting is for the text under " \
                    "Description)"
    assert convert(folder, summary=summary) == (1, [f"Summary: {expected}", "1 answer to correct; nothing was "
                                                                             "written."])


@pytest.mark.parametrize(("summary", "expected"), [
    (f"{SUMMARY}\n\n  More.", "has 2 paragraphs (write one paragraph: the summary is shown as one, on cards and in "
                               "lists; the text under Description can have more)"),
    (f"{SUMMARY} __Bold__.", "holds bold marks ('**' or '__'), which the summary shows as typed (write plain text; "
                             "formatting is for the text under Description)"),
])
def test_the_validator_says_the_same_of_a_proposals_summary(folder, summary, expected):
    import json

    text = practice(summary=json.dumps(summary))
    assert check(folder, "p.md", text) == (0, [])  # the library shows it as typed
    assert check(folder, "p.md", text, "--proposal") == (1, [f"practices/p.md:5: summary: {expected}"])


def test_description_is_required_by_the_converter(folder):
    assert convert(folder, description="") == (1, [
        "Description: has no answer, and one is needed (the practice's text: what the practice is, who runs it, for "
        "whom, and how it works.)", "1 answer to correct; nothing was written."])


# --- every mistake in the first round -------------------------------------------------------------------------------

#: A mistake people make in the form: the answers that make it, and the message it gets, word for word.
MISTAKES = {
    "budget": ({"budget_eur": "900 000"}, "Budget (EUR): '900 000' is not a number ≥ 0 (the budget in euros, as a "
                                          "number without spaces or separators, e.g. 900000)"),
    "start": ({"start": "2020-13"}, "Start: '2020-13' is not a valid date (write a date as YYYY, YYYY-MM or "
                                    "YYYY-MM-DD)"),
    "end": ({"end": "soon"}, "End: 'soon' is not a valid date (write a date as YYYY, YYYY-MM or YYYY-MM-DD, or "
                             "ongoing)"),
    "country": ({"country": "Atlantis"}, "Country: 'Atlantis' is not a country name or code we know (the country "
                                         "where the practice runs, by its name or two-letter code, such as "
                                         "Austria or AT; leave empty for the partner's country)"),
    "keyword": ({"keywords": "a keyword that is far too long to be one keyword"},
                "Keywords: 'a keyword that is far too long to be one keyword' has 48 characters, and a keyword at "
                "most 40 (one keyword per line, or separated by commas)"),
    "inspired": ({"inspired_by": "no-such-practice"}, "Inspired by: 'no-such-practice' is not a practice (write "
                                                      "the end of the page address of one of this site's practices)"),
    "contact": ({"contact": "name: Jana\nemail: jana@"}, "Contact: 'jana@' is not an e-mail address (write "
                                                         "name@example.org)"),
    "link": ({"links": "Home | www.example.org"}, "Links: 'www.example.org' is not an http(s) URL (write a full "
                                                  "address starting with https://)"),
    "summary": ({"summary": f"{SUMMARY}\n\nMore."}, "Summary: has 2 paragraphs (write one paragraph: the summary is "
                "shown as one, on cards and in lists; the text under Description can have more)"),
    "evidence": ({"evidence-of-success": scaffold.placeholder("Evidence of success")},
                 "Evidence of success: still holds the placeholder 'Replace this paragraph: the results so far, "
                 "with figures wh…' (write the results so far, with figures where you have them, or leave the "
                 "answer empty)"),
    "consent": ({"consent": ""}, "Consent: the box is not ticked (edit the issue and tick it: without it the text "
                                 "cannot be published)"),
}
PARTNER_TYPO = "Transferability: 'RDA Ostrva' is not a partner of the project (write its name or number as the " \
               "Partner list shows it; did you mean 'RDA Ostrava'?)"
STAGE_TYPO = "Transferability: 'asessed' is not a stage, in '{line}' (write one of: interested, assessed, " \
             "in-action-plan, implemented; did you mean 'assessed'?)"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=st.sets(st.sampled_from(sorted(MISTAKES)), min_size=1),
       transfer=st.sampled_from(["", "partner", "stage", "both"]))
def test_every_mistake_of_a_form_is_reported_in_the_first_round(tmp_path_factory, chosen, transfer):
    practices = tmp_path_factory.mktemp("form") / "practices"
    practices.mkdir()
    for name in ("themes.yml", "partners.yml"):
        shutil.copy(ROOT / "practices" / name, practices / name)
    answers: dict[str, str] = {}
    expected = []
    for name in sorted(chosen):
        answers |= MISTAKES[name][0]
        expected.append(MISTAKES[name][1])
    if transfer:
        line = f"{'RDA Ostrva' if transfer in ('partner', 'both') else 'P6'}: " \
               f"{'asessed' if transfer in ('stage', 'both') else 'assessed'}"
        answers["transferability"] = f"vlaio: interested\n{line}"
        expected += [PARTNER_TYPO] * (transfer in ("partner", "both"))
        expected += [STAGE_TYPO.format(line=line)] * (transfer in ("stage", "both"))
    code, messages = convert(practices, **answers)
    assert code == (1 if expected else 0)
    assert sorted(messages[:-1]) == sorted(expected)
    assert messages[-1] == f"{len(expected)} answer{'s' if len(expected) > 1 else ''} to correct; nothing was written."
    assert not [m for m in messages if "practices/" in m or ".md" in m or "_" in m.split(":")[0]]
    assert list(practices.glob("*.md")) == []


# --- make new, through a pseudo-terminal ----------------------------------------------------------------------------

def drive(command: list[str], answers: list[str], timeout: float = 60) -> tuple[int | None, str]:
    """Run a command on a pseudo-terminal, answering each prompt (output ending in ': ') with the next answer, in
    turn; return its exit code and what the terminal showed."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(command, stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True)
    os.close(secondary)
    shown, pending = "", list(answers)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if select.select([main], [], [], 0.1)[0]:
            try:
                chunk = os.read(main, 65536).decode("utf-8", "replace")
            except OSError:  # the command ended and closed the terminal
                break
            shown += chunk
            if shown.endswith(": ") and pending:
                os.write(main, (pending.pop(0) + "\n").encode())
        elif process.poll() is not None:
            break
    else:
        process.kill()
    process.wait(10)
    os.close(main)
    return process.returncode, shown.replace("\r\n", "\n")


def test_make_new_checks_each_answer_as_given_and_offers_the_optional_parts(folder):
    (folder / "flemish-cluster-programme.md").write_text(practice(title="Flemish cluster programme"))
    answers = ["Flemish cluster programme!", "Cluster vouchers for first projects", "Innovation services for smes", "rda ostrava", "Too short.",
               SUMMARY, "Österreich", "", "", "2020-13", "2020-01", "ongoing", "2", "900 000", "900000",
               "vouchers, research", "Jana Nováková", "RDA", "jana@", "jana@example.org", "Programme page",
               "www.example.org", "Programme page", "https://example.org/", "", "P4", "2", "Vlaio", "in action plan",
               "RDA Ostrava", "", "flemish-cluster-programm",
               "https://example.org/practices/flemish-cluster-programme.html", ""]
    code, shown = drive([sys.executable, str(ROOT / "scripts/new_practice.py"), "--practices", str(folder)], answers)
    assert code == 0, shown
    steps = [
        "Title: gives the page address 'flemish-cluster-programme', which another practice already has (choose "
        "another title)\nTitle (",
        "Theme (number or name): Innovation services for smes\nPartner:\n",
        "   6. RDA Ostrava, CZ (P6, rda-ostrava)\n",
        "Summary (one plain-text paragraph of 50–800 characters): Too short.\nSummary: is 10 characters long, "
        "expected 50–800 (one plain-text paragraph of 50–800 characters)\nSummary (",
        "Start (a date as YYYY, YYYY-MM or YYYY-MM-DD, or Enter to skip): 2020-13\nStart: '2020-13' is not a valid "
        "date (write a date as YYYY, YYYY-MM or YYYY-MM-DD)\nStart (",
        "Budget (EUR): '900 000' is not a number ≥ 0 (a number of euros without spaces, e.g. 900000)\n",
        "Contact: 'jana@' is not an e-mail address (write name@example.org)\n",
        "Links: 'www.example.org' is not an http(s) URL (write a full address starting with https://)\n",
        "How far it went (number or stage): in action plan\n",
        "Transferability: 'RDA Ostrava' is not another partner of the project (choose a number from the list)\n",
        "Inspired by: 'flemish-cluster-programm' is not a practice of the library (write the end of its page "
        "address; did you mean 'flemish-cluster-programme'?)\n",
        "practices/cluster-vouchers-for-first-projects.md\n",
    ]
    position = 0
    for step in steps:  # each message comes right after the answer it is about, in this order
        found = shown.find(step, position)
        assert found >= 0, (step, shown[position:])
        position = found + len(step)
    data = catalog.build(folder).catalog
    new = data.practice["cluster-vouchers-for-first-projects"]
    assert (new.theme, new.partner, new.country, new.start.iso(), new.ongoing, new.status, new.budget_eur) == \
           ("sme-innovation", "rda-ostrava", "AT", "2020-01", True, "ongoing", 900000)
    assert [(t.partner, t.stage) for t in new.transfers] == [("inma", "assessed"), ("vlaio", "in-action-plan")]
    assert (new.contact.name, new.contact.email, new.links[0].url, new.inspired_by) == \
           ("Jana Nováková", "jana@example.org", "https://example.org/", ("flemish-cluster-programme",))
