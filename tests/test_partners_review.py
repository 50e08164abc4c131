"""Issue 24 as a stranger tries it: the mistakes the first tests did not make, each asserted exactly."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, practice
from test_github import load, steps
from test_partners import PARTNERS, SUMMARY, THEMES, TOP, check, convert, drive, folder  # noqa: F401 (folder is a fixture)

__all__ = ["folder"]


def test_a_title_whose_address_is_taken_hides_no_other_answer(folder):
    (folder / "regional-innovation-vouchers.md").write_text(TOP + "---\n\n## Description\n\nText.\n")
    assert convert(folder, title="Regional innovation vouchers", budget_eur="1,5 Mio",
                   links="Home | ftp://example.org", inspired_by="regional-innovation-voucher") == (1, [
        "Title: another practice already has the page address this title gives, 'regional-innovation-vouchers' "
        "(choose another title)",
        "Budget (EUR): '1,5 Mio' is not a number ≥ 0 (the budget in euros, as a number without spaces or separators, "
        "e.g. 900000)",
        "Inspired by: 'regional-innovation-voucher' is not a practice (write the end of the page address of one of "
        "this site's practices; did you mean 'regional-innovation-vouchers'?)",
        "Links: 'ftp://example.org' is not an http(s) URL (write a full address starting with https://)",
        "4 answers to correct; nothing was written."])
    assert sorted(path.name for path in folder.glob("*.md")) == ["regional-innovation-vouchers.md"]


TAB_KEY = ("'{0}:' starts with a tab, which YAML does not allow (remove it: each field starts at the beginning of "
           "its line)")
TAB_DASH = "a tab follows the '-' of this list item, which YAML does not allow (write one space after the '-')"


def stray(key: str, spaced: bool = True) -> str:
    space = " and the space after it" if spaced else ""
    return (f"'{key}:' still has a '#' in front of it, but the lines below it do not (remove the '#'{space}, so that "
            f"the line starts with '{key}:'; or put '#' in front of the lines below too)")


def colon(whole: str) -> str:
    return f"'{whole}' holds ': ', which YAML reads as a new field (put it in double quotes: - \"{whole}\")"


@pytest.mark.parametrize(("fields", "expected"), [
    # a tab in front of a field of its own is named by that field, not the one above it
    (TOP + "\tcountry: AT\n", "6: country: " + TAB_KEY.format("country")),
    (TOP + " \t region: Styria\n", "6: region: " + TAB_KEY.format("region")),
    (TOP.replace("title:", "\ttitle:"), "2: title: " + TAB_KEY.format("title")),
    # a tab after a list item's '-', with or without a space before it
    (TOP + "keywords:\n  -\tclusters\n", "7: keywords: " + TAB_DASH),
    (TOP + "keywords:\n  - \tclusters\n", "7: keywords: " + TAB_DASH),
    (TOP + "keywords:\n-\tclusters\n", "7: keywords: " + TAB_DASH),
    (TOP + "links:\n  -\ttitle: Home\n    url: https://example.org\n", "7: links: " + TAB_DASH),
    # a '#' left in front of a field whose list items start at the beginning of their lines
    (TOP + "# keywords:\n- clusters\n- funding\n", "6: keywords: " + stray("keywords")),
    (TOP + "#inspired_by:\n- flemish-cluster-programme\n", "6: inspired_by: " + stray("inspired_by", False)),
    (TOP + "# links:\n- title: Home\n  url: https://example.org\n", "6: links: " + stray("links")),
    (TOP + "#transferability:\n  vlaio: assessed\n", "6: transferability: " + stray("transferability", False)),
])
def test_more_ways_a_tab_or_a_stray_hash_breaks_the_fields(folder, fields, expected):
    assert check(folder, "p.md", fields + "---\n\n## Description\n\nText.\n") == (1, [f"practices/p.md:{expected}"])


@pytest.mark.parametrize(("items", "expected"), [
    ("  - smart: specialisation\n", ["7: keywords: " + colon("smart: specialisation")]),
    ("  - clusters\n  - Industry: 4.0\n", ["8: keywords: " + colon("Industry: 4.0")]),
    ("- Covid: 19\n- note: true\n", ["7: keywords: " + colon("Covid: 19"), "8: keywords: " + colon("note: true")]),
])
def test_an_unquoted_colon_in_a_list_item_is_named(folder, items, expected):
    code, lines = check(folder, "p.md", TOP + "keywords:\n" + items + "---\n\n## Description\n\nText.\n")
    assert (code, [line for line in lines if "warning" not in line]) == (1, [f"practices/p.md:{e}" for e in expected])


@pytest.mark.parametrize(("name", "expected"), [
    ("new.md.md", "'new.md.md' ends in .md twice (rename it to 'new.md')"),
    ("New-Practice.MD.md", "'New-Practice.MD.md' ends in .md twice (rename it to 'new-practice.md')"),
    ("new.txt.md", "'new.txt.md' has .txt before .md (rename it to 'new.md')"),
    ("new.docx.md", "'new.docx.md' has .docx before .md (rename it to 'new.md')"),
    ("new.md.txt", "'new.md.txt' ends in .txt after .md (rename it to 'new.md'; your editor may hide the '.txt')"),
])
def test_an_extension_typed_before_md_is_named_and_dropped(folder, name, expected):
    code, lines = check(folder, name, TOP + "---\n\n## Description\n\nText.\n")
    assert (code, [line for line in lines if "warning" not in line]) == (1, [f"practices/{name}:1: file name: "
                                                                              f"{expected}"])


def test_the_pull_requests_check_validates_every_changed_file_of_practices(tmp_path):
    """The workflow's own step, run in a repository whose last commit adds a practice saved as 'new.md.txt'."""
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    step = next(s for s in steps(workflow) if "scripts/validate.py --proposal" in s.get("run", ""))
    script = step["run"].replace("make .venv/.installed", "true").replace(
        ".venv/bin/python scripts/validate.py", f"{shlex.quote(sys.executable)} "
        f"{shlex.quote(str(ROOT / 'scripts/validate.py'))} --practices practices")
    shutil.copytree(ROOT / "practices", tmp_path / "practices")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=tmp_path, check=True)
    (tmp_path / "practices/new-practice.md.txt").write_text(TOP + "---\n\n## Description\n\nText.\n")
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "proposal"], cwd=tmp_path, check=True)
    done = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "GITHUB_ACTIONS": "false"})
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == ("practices/new-practice.md.txt:1: file name: 'new-practice.md.txt' ends in "
                                           ".txt after .md (rename it to 'new-practice.md'; your editor may hide the "
                                           "'.txt')")


def test_word_bullets_and_soft_hyphens_are_made_plain_by_the_form(folder):
    assert convert(folder, region="Sty\u00adria", description="Two\u00adparts:\n\uf0b7 one\n\uf0b7\ttwo\n\uf0a7 three"
                   ) == (0, [])
    (path,) = folder.glob("*.md")
    text = path.read_text()
    assert 'region: "Styria"' in text
    assert text.endswith("## Description\n\nTwoparts:\n\n- one\n- two\n- three\n")


def test_the_validator_warns_about_word_bullets_and_soft_hyphens(folder):
    body = "## Description\n\nText with soft\u00adhyphen.\n\uf0b7 one\n\uf0a7 two\n\u2022 three\n"
    code, lines = check(folder, "p.md", TOP + "---\n\n" + body)
    where = 'warning: body ("Description" in the form)'
    assert code == 0
    assert [line for line in lines if "section (recommended" not in line] == [
        f"practices/p.md:10: {where}: holds a soft hyphen (U+00AD), pasted from a word processor (retype the word "
        "that holds it)",
        f"practices/p.md:11: {where}: the line starts with the bullet U+F0B7, which is not a list item on the page "
        "(write '- ' instead, after a blank line)",
        f"practices/p.md:12: {where}: the line starts with the bullet U+F0A7, which is not a list item on the page "
        "(write '- ' instead, after a blank line)",
        f"practices/p.md:13: {where}: the line starts with '•', which is not a list item on the page (write '- ' "
        "instead, after a blank line)"]


def test_make_new_says_an_end_before_the_start_at_once_and_offers_the_parts_once(folder):
    """An end before the start is said right after the end is typed; a title found taken in the final check
    is asked again, and the optional parts already declined are not offered a second time."""
    (folder / "zeta.md").write_text(practice(title="Regional innovation vouchers"))
    answers = ["REGIONAL innovation vouchers", "3", "6", SUMMARY, "", "", "", "2019-05", "2019-04", "2019-06", "",
               "", "", "", "", "", "", "Vouchers for regional innovation"]
    code, shown = drive([sys.executable, str(ROOT / "scripts/new_practice.py"), "--practices", str(folder)], answers)
    assert code == 0, shown
    assert ("End (a date as YYYY, YYYY-MM or YYYY-MM-DD, or ongoing, or Enter to skip): 2019-04\nEnd: 2019-04 is "
            "before start 2019-05 (write an end on or after the start, or Enter to skip)\nEnd (") in shown
    assert shown.count("Contact person's name") == 1 and shown.count("A link's text") == 1
    after = shown[shown.index("Please correct: Title\n"):]
    assert after.splitlines()[1:3] == [
        "Title (a short descriptive title, 5–150 characters): Vouchers for regional innovation",
        "practices/vouchers-for-regional-innovation.md"], after


def test_a_missing_section_is_labelled_by_its_own_name_not_the_section_above(folder):
    """The body starts at its first heading (no blank line after '---'): its line is in the Description."""
    code, lines = check(folder, "p.md", TOP + "---\n## Description\n\nText.\n\n## Resources needed\n\nStaff.\n")
    assert (code, lines) == (0, [
        f'practices/p.md:7: warning: body ("{name}" in the form): has no \'## {name}\' section (recommended by the '
        "Interreg Europe good-practice template)"
        for name in ("Difficulties encountered", "Evidence of success", "Potential for learning or transfer")])


def test_contact_and_inspired_by_are_told_in_the_forms_words(folder):
    (folder / "flemish-cluster-programme.md").write_text(practice(title="Flemish cluster programme"))
    assert convert(folder, contact="Organization: ecoplus\nE-mail: jana@example.org\nPhone: +43 1 234",
                   inspired_by="flemish-cluster-programm") == (1, [
        "Inspired by: 'flemish-cluster-programm' is not a practice (write the end of the page address of one of this "
        "site's practices; did you mean 'flemish-cluster-programme'?)",
        "Contact: 'Phone: +43 1 234' is not written as 'name: …', 'organisation: …' or 'email: …'",
        "Contact: has no name (add a line 'name: …' with the contact person's name)",
        "3 answers to correct; nothing was written."])
    assert convert(folder, contact="Name: Jana Nováková\nOrganization: ecoplus\nE-Mail: jana@example.org") == (0, [])
    assert ('contact:\n  name: "Jana Nováková"\n  organisation: "ecoplus"\n  email: "jana@example.org"\n'
            in (folder / "a-good-practice-title.md").read_text())


@pytest.mark.parametrize("name", ["Jane Doe", "jane  doe", "JANE DOE"])
def test_the_sample_contact_is_refused_in_a_proposal_in_both_vocabularies(folder, name):
    text = TOP + f'contact:\n  name: "{name}"\n  organisation: "ecoplus"\n---\n\n## Description\n\nText.\n'
    code, lines = check(folder, "p.md", text, "--proposal")
    assert (code, [line for line in lines if "warning" not in line]) == (1, [
        f"practices/p.md:7: contact: '{name}' is a sample name (write the contact person's own name, or leave the "
        "contact out)"])
    assert check(folder, "p.md", text)[0] == 0  # the library keeps building
    assert convert(folder, contact=f"name: {name}") == (1, [
        f"Contact: '{name}' is a sample name (write the contact person's own name, or leave the contact out)",
        "1 answer to correct; nothing was written."])


def test_a_proposal_that_renames_a_practice_is_told_of_the_references_it_breaks(folder):
    (folder / "alpha.md").write_text(practice(title="Alpha practice title", extra="inspired_by: [beta]\n"))
    (folder / "betas.md").write_text(practice(title="Beta practice title"))  # 'beta.md', renamed by the proposal
    code, lines = check(folder, "betas.md", (folder / "betas.md").read_text(), "--proposal")
    assert (code, lines) == (1, ["practices/alpha.md:6: inspired_by: 'beta' is not a practice (use the id of an "
                                 "existing practice; did you mean 'betas'?)"])
    assert check(folder, "betas.md", (folder / "betas.md").read_text()) == (0, [])  # a file checked alone


@pytest.mark.parametrize(("summary", "what"), [
    ("This summary has *important* words and is long enough for the minimum.", "emphasis marks ('*' or '_' around "
                                                                                "words)"),
    ("This summary has _important_ words and is long enough for the minimum.", "emphasis marks ('*' or '_' around "
                                                                               "words)"),
    ("This summary has *two words* emphasised and is long enough for the minimum.", "emphasis marks ('*' or '_' "
                                                                                    "around words)"),
    ("This summary has ~~struck~~ words and is long enough for the minimum here.", "strike-through marks ('~~')"),
])
def test_emphasis_in_the_summary_is_named_in_both_vocabularies(folder, summary, what):
    message = f"holds {what}, which the summary shows as typed (write plain text; formatting is for the text under " \
              "Description)"
    assert convert(folder, summary=summary) == (1, [f"Summary: {message}", "1 answer to correct; nothing was written."])
    text = TOP.replace(SUMMARY, summary) + "---\n\n## Description\n\nText.\n"
    code, lines = check(folder, "p.md", text, "--proposal")
    assert (code, [line for line in lines if "warning" not in line]) == (1, [f"practices/p.md:5: summary: {message}"])


@pytest.mark.parametrize("summary", [
    "Grants of 5 * 3 months for snake_case_words and file_name users, long enough for the minimum.",
    "Ratings went from 3* to 5* among the SMEs taking part, long enough for the minimum here.",
])
def test_stars_and_underscores_that_are_not_emphasis_are_plain_text(folder, summary):
    assert convert(folder, summary=summary) == (0, [])


@pytest.mark.parametrize(("typed", "code"), [("UK", "GB"), ("uk", "GB"), ("EL", "GR"), ("Scotland", "GB")])
def test_the_eus_country_codes_are_understood_by_the_form_and_suggested_by_the_validator(folder, typed, code):
    assert convert(folder, country=typed) == (0, [])
    assert f'country: "{code}"' in (folder / "a-good-practice-title.md").read_text()
    code_, lines = check(folder, "p.md", TOP + f"country: {typed}\n---\n\n## Description\n\nText.\n")
    assert (code_, [line for line in lines if "warning" not in line]) == (1, [
        f"practices/p.md:6: country: '{typed}' is not an ISO 3166-1 alpha-2 country code (a two-letter ISO 3166-1 "
        f"code such as AT; did you mean '{code}'?)"])


def test_a_partners_number_is_understood_with_a_space_a_hyphen_or_the_word_partner(folder):
    assert convert(folder, transferability="P 6: assessed\nP-07: interested\npartner 9: implemented") == (0, [])
    assert ('transferability:\n  rda-ostrava: "assessed"\n  southern-denmark: "interested"\n  vlaio: "implemented"\n'
            in (folder / "a-good-practice-title.md").read_text())


def test_the_downloaded_template_explains_each_field_in_a_policy_officers_words():
    from goodpractices import scaffold

    themes, partners, _ = scaffold.registries(ROOT / "practices")
    text = scaffold.template_text(themes, partners)
    assert text == (ROOT / ".github/practice-template.md").read_text(encoding="utf-8")
    for jargon in ("ISO 3166", "alpha-2", "YAML", "1,000,000,000,000,000", "finite number", "themes.yml",
                   "partners.yml", "map of", "{name", "ids of"):
        assert jargon not in text, jargon
    assert "\n# budget_eur (optional): The budget in euros, as a plain number such as 900000: no spaces, points or " \
           "currency sign.\n" in text


@pytest.mark.parametrize(("name", "fix"), [
    ("Zeta.md", "'Zeta' is not a valid id (rename it to 'zeta.md': lowercase words joined by single hyphens"),
    ("zeta.md.txt", "'zeta.md.txt' ends in .txt after .md (rename it to 'zeta.md'; your editor may hide the '.txt'"),
    ("zeta.txt.md", "'zeta.txt.md' has .txt before .md (rename it to 'zeta.md'"),
])
def test_a_new_name_that_is_another_practices_is_not_suggested_blindly(folder, name, fix):
    (folder / "zeta.md").write_text(practice(title="Regional innovation vouchers"))
    code, lines = check(folder, name, practice(title="Another practice's title"), "--proposal")
    twins = [f"practices/{name}:1: file name: differs from practices/zeta.md only in case (Windows and macOS hold "
             "one file for both: merge them, or give one another id)"] if name.lower() == "zeta.md" else []
    assert (code, lines) == (1, [f"practices/{name}:1: file name: {fix}; but practices/zeta.md is another practice: "
                                 "give this one its own name, or edit that file)", *twins])


def test_quotation_marks_around_each_keyword_go_in_the_form_and_in_make_new(folder):
    assert convert(folder, keywords="“clusters”, ‘funding’; \"smart specialisation\"\n«SMEs»") == (0, [])
    assert ('keywords:\n  - "clusters"\n  - "funding"\n  - "smart specialisation"\n  - "SMEs"\n'
            in (folder / "a-good-practice-title.md").read_text())
    from goodpractices import interview

    talk = interview.Interview(THEMES, PARTNERS, frozenset(), input, print)
    assert talk.read("keywords", "“clusters”, ‘funding’ , «SMEs»") == ["clusters", "funding", "SMEs"]


def test_any_pasted_bullet_in_front_of_a_line_of_a_list_answer_goes(folder):
    assert convert(folder, keywords="\uf0b7 clusters\n● funding\n■SMEs\n- e-health\n-based", links="• Home | "
                   "https://example.org", transferability="\uf0b7\tRDA Ostrava: assessed") == (0, [])
    text = (folder / "a-good-practice-title.md").read_text()
    assert ('keywords:\n  - "clusters"\n  - "funding"\n  - "SMEs"\n  - "e-health"\n  - "-based"\n' in text
            and 'links:\n  - title: "Home"\n' in text and 'transferability:\n  rda-ostrava: "assessed"\n' in text)


def test_the_validator_warns_about_no_break_spaces_in_a_fields_value(folder):
    text = TOP.replace("A valid practice title", "A\u00a0valid practice\u202ftitle") + "region: Lower\u00a0Austria\n"
    code, lines = check(folder, "p.md", text + "---\n\n## Description\n\nText.\n")
    assert (code, [line for line in lines if "section (recommended" not in line]) == (0, [
        f"practices/p.md:{line}: warning: {name}: holds a no-break space (U+{point}), pasted from a word processor "
        "(retype the spaces on this line)" for line, name, point in ((2, "title", "00A0"), (6, "region", "00A0"))])


@pytest.mark.parametrize("name", ["a\n", "vlaio\n", "new_field\n"])
def test_a_key_that_ends_in_a_line_break_is_written_quoted_and_reads_back(name):
    from goodpractices import scaffold
    from goodpractices.load import parse_practice

    values = {"title": "A title", "transferability": {name: "assessed"}}
    source, problems = parse_practice(scaffold.practice_text(values, {"Description": "x"}).encode(), "p.md", "p.md")
    assert problems == [] and source is not None and source.data == values
