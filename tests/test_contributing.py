"""The ways in for contributors: the scaffolder, the issue form and its converter, and the generated files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import generate
import issue_to_practice
import new_practice
import pytest
import yaml
from conftest import ROOT
from goodpractices import catalog, forms, scaffold
from goodpractices.load import parse_practice
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PY = sys.executable
SUMMARY = "This summary is long enough to pass the fifty-character minimum of the contract."
DATA = Path(__file__).parent / "data"


TEXT = st.characters(exclude_categories=("Cs",))


CONVERTER = issue_to_practice  # the scripts are on pytest's path: their main() runs in-process
SCRIPTS = {"new_practice": new_practice, "generate": generate, "issue_to_practice": issue_to_practice}


def call(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a script's main() in this process, standard input not a terminal (a subprocess costs a second)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        stdin, sys.stdin = sys.stdin, io.StringIO()
        try:
            code = SCRIPTS[script.removesuffix(".py")].main(list(args))
        except SystemExit as exit_:
            code = exit_.code
        finally:
            sys.stdin = stdin
    return subprocess.CompletedProcess([], code, out.getvalue(), err.getvalue())


def run(script: str, *args: str, cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PY, str(ROOT / "scripts" / script), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, **kwargs)


def front(path: Path) -> dict:
    source, problems = parse_practice(path.read_bytes(), path.name, path.name)
    assert source is not None, problems
    return source.data


def errors_of(folder: Path) -> list[str]:
    return [str(p) for p in catalog.build(folder).problems if not p.warning]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One project holding a scaffolded practice and a converted sample form, checked and built once."""
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("built") / "project")
    new = run("new_practice.py", "--practices", str(project.practices), "--title", "Česká inovační Straße",
              "--theme", "sme-innovation", "--partner", "rda-ostrava", "--summary", SUMMARY, "--start", "2019",
              "--budget-eur", "120000", "--keywords", "vouchers, smes", "--keywords", "research",
              "--transferability", "inma", "assessed", "--contact-name", "Jana", "--contact-email", "j@example.org",
              "--link", "Home", "https://example.org/", "--country", "CZ", stdin=subprocess.DEVNULL)
    converted = run("issue_to_practice.py", str(DATA / "issue-body.md"), "--practices", str(project.practices),
                    "--updated", "2026-12-01")
    problems = [str(p) for p in catalog.build(project.practices).problems]
    return project, new, converted, problems, project.build()


def test_the_project_with_both_new_files_validates_and_builds(built):
    project, _new, _converted, problems, build = built
    assert problems == [
        "practices/regional-innovation-vouchers-for-cluster-members.md:27: warning: body: has no "
        "'## Difficulties encountered' section (recommended by the Interreg Europe good-practice template)",
        "practices/regional-innovation-vouchers-for-cluster-members.md:27: warning: body: has no "
        "'## Evidence of success' section (recommended by the Interreg Europe good-practice template)"]
    assert build.returncode == 0, build.stderr
    site = project.root / "site"
    assert "<h1>Česká inovační Straße</h1>" in (site / "practices/ceska-inovacni-strasse.html").read_text()
    page = (site / "practices/regional-innovation-vouchers-for-cluster-members.html").read_text()
    assert "<h1>Regional innovation vouchers for cluster members</h1>" in page


# --- scaffolder -----------------------------------------------------------------------------------------------


def test_new_practice_from_flags_writes_a_valid_file_and_prints_its_path(built):
    project, done = built[0], built[1]
    assert done.returncode == 0, done.stderr
    assert done.stdout == "practices/ceska-inovacni-strasse.md\n"
    path = project.practices / "ceska-inovacni-strasse.md"
    data = front(path)
    assert data["title"] == "Česká inovační Straße" and data["start"] == "2019" and data["budget_eur"] == 120000
    assert data["keywords"] == ["vouchers", "smes", "research"]
    assert data["transferability"] == {"inma": "assessed"}
    assert data["contact"] == {"name": "Jana", "email": "j@example.org"}
    assert data["links"] == [{"title": "Home", "url": "https://example.org/"}]
    text = path.read_text()
    for section in ("Description", "Resources needed", "Evidence of success", "Difficulties encountered",
                    "Potential for learning or transfer"):
        assert f"\n## {section}\n\nReplace this paragraph: " in text


def test_new_practice_refuses_bad_values_with_the_validators_messages(project):
    done = call("new_practice.py", "--practices", str(project.practices), "--title", "A good title",
               "--theme", "Digitalisaton", "--partner", "INMA Romania", "--summary", "Too short.", "--country",
               "Atlantis")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "practices/a-good-title.md:3: theme: 'Digitalisaton' is not a known theme (use one of: 3d-printing, "
        "cmo-services, digitalisation, monitoring-evaluation, public-private-innovation, sme-innovation; "
        "did you mean 'digitalisation'?)",
        "practices/a-good-title.md:4: partner: 'INMA Romania' is not a known partner (use one of: "
        "auvergne-rhone-alpes, ecoplus, inma, lund-university, noi-techpark, north-east-rda, rda-ostrava, "
        "region-skane, southern-denmark, vlaio, westpannon; did you mean 'inma'?)",
        "practices/a-good-title.md:5: summary: is 10 characters long, expected 50–800 "
        "(one plain-text paragraph of 50–800 characters)",
        "practices/a-good-title.md:6: country: 'Atlantis' is not an ISO 3166-1 alpha-2 country code "
        "(a two-letter ISO 3166-1 code such as AT)",
        "4 errors, 0 warnings; nothing was written.",
    ]
    assert list(project.practices.glob("*.md")) == []


def test_new_practice_understands_the_names_people_see(project):
    done = call("new_practice.py", "--practices", str(project.practices), "--title", "A good title",
               "--theme", "Support for digitalisation", "--partner", "P4", "--summary", SUMMARY, "--country",
               "Romania")
    assert (done.returncode, done.stdout) == (0, "practices/a-good-title.md\n")
    data = front(project.practices / "a-good-title.md")
    assert (data["theme"], data["partner"], data["country"]) == ("digitalisation", "inma", "RO")


def test_new_practice_never_waits_for_input_when_stdin_is_not_a_terminal(project):
    # stdin is an open pipe nobody writes to: a prompt would hang until the timeout
    done = run("new_practice.py", "--practices", str(project.practices), "--title", "Only a title",
               stdin=subprocess.PIPE)
    assert done.returncode == 2
    assert ("error: missing --theme (exactly one theme key), --partner (the key of the presenting partner), "
            "--summary (one plain-text paragraph of 50–800 characters) (standard input is not a terminal, "
            "so nothing is asked)") in done.stderr
    assert list(project.practices.glob("*.md")) == []


def test_new_practice_never_overwrites(project):
    existing = project.add("a-good-title.md", "keep me")
    done = call("new_practice.py", "--practices", str(project.practices), "--title", "A GOOD title!",
               "--theme", "digitalisation", "--partner", "inma", "--summary", SUMMARY)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == ("practices/a-good-title.md:1: title: gives the id 'a-good-title', and "
                                           "practices/a-good-title.md already exists (choose another title, "
                                           "or edit that file)")
    assert existing.read_text() == "keep me"


def test_new_practice_refuses_a_title_already_used(project):
    project.add("first.md", "---\ntitle: Shared title here\ntheme: digitalisation\npartner: inma\nsummary: " + SUMMARY +
                "\n---\n\n## Description\n\nText.\n")
    done = call("new_practice.py", "--practices", str(project.practices), "--title", "shared TITLE here",
               "--theme", "digitalisation", "--partner", "inma", "--summary", SUMMARY)
    assert done.returncode == 1
    assert ("practices/shared-title-here.md:2: title: 'shared TITLE here' is already the title of "
            "practices/first.md (give each practice its own title)") in done.stderr


@pytest.mark.parametrize(("title", "expected"), [
    ("Cluster Management Excellence!", "cluster-management-excellence"),
    ("Ärzte & Co. – Øresund", "arzte-co-oresund"),
    ("  --  ", "practice"), ("Index", "index-practice"), ("語", "practice"),
    ("word " * 30, "-".join(["word"] * 12)),
])
def test_the_id_comes_from_the_title(title, expected):
    assert scaffold.practice_id(title) == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=120))
def test_any_text_is_written_as_quoted_yaml_that_reads_back_unchanged(text):
    values = {"title": text, "keywords": [text], "transferability": {text: {"stage": "assessed", "note": text}}}
    source, problems = parse_practice(scaffold.practice_text(values, {"Description": "x"}).encode(), "p.md", "p.md")
    assert source is not None and not problems
    assert source.data == values


# --- the issue form ----------------------------------------------------------------------------------------------


def test_the_committed_issue_form_is_the_generated_one():
    done = call("generate.py", "--check")
    assert done.returncode == 0, done.stderr


def test_a_stale_generated_file_is_reported(tmp_path):
    (tmp_path / "practices").mkdir()
    for name in ("themes.yml", "partners.yml"):
        (tmp_path / "practices" / name).write_bytes((ROOT / "practices" / name).read_bytes())
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nsite_url: https://example.org/kb\n")
    assert call("generate.py", "--root", str(tmp_path)).returncode == 0
    assert "(https://example.org/kb/contributing.html)" in (tmp_path / "CONTRIBUTING.md").read_text()
    form = tmp_path / forms.FORM_PATH
    form.write_text(form.read_text().replace("Region Skåne", "Region Skane"))
    done = call("generate.py", "--root", str(tmp_path), "--check")
    assert done.returncode == 1
    assert done.stderr == (".github/ISSUE_TEMPLATE/new-practice.yml: differs from what it is generated from "
                           "(run: .venv/bin/python scripts/generate.py)\n")


def test_the_form_has_one_item_per_field_and_every_registry_entry():
    form = yaml.safe_load((ROOT / forms.FORM_PATH).read_text())
    items = {item.get("id"): item for item in form["body"]}
    from goodpractices.schema import FIELDS

    assert [f.name for f in FIELDS if f.name in items] == [f.name for f in FIELDS if f.name != "updated"]
    themes, partners, _ = scaffold.registries(ROOT / "practices")
    assert items["theme"]["type"] == items["partner"]["type"] == "dropdown"
    assert [o.rsplit("(", 1)[1] for o in items["theme"]["attributes"]["options"]] == [f"{t.key})" for t in themes]
    assert [o.rsplit("(", 1)[1] for o in items["partner"]["attributes"]["options"]] == [f"{p.key})" for p in partners]
    sections = ("description", "resources-needed", "evidence-of-success", "difficulties-encountered",
                "potential-for-learning-or-transfer")
    assert [items[i]["type"] for i in sections] == ["textarea"] * 5
    assert items["consent"]["type"] == "checkboxes"
    assert all(items[f.name]["validations"]["required"] == f.required for f in FIELDS if f.name in items)


def body_from_form(**answers: str) -> str:
    """A form body as GitHub writes it: '### Label' per item, '_No response_' where nothing was given."""
    form = yaml.safe_load((ROOT / forms.FORM_PATH).read_text())
    parts = []
    for item in form["body"]:
        if item["type"] == "markdown":
            continue
        label = item["attributes"]["label"]
        if item["type"] == "checkboxes":
            ticked = "X" if answers.get(item["id"], "yes") else " "
            value = f"- [{ticked}] {item['attributes']['options'][0]['label']}"
        else:
            value = answers.get(item["id"]) or "_No response_"
        parts.append(f"### {label}\n\n{value}")
    return "\n\n".join(parts) + "\n"


def convert(project, body: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the converter's main() in this process (the command line itself is run by the sample-body test)."""
    import contextlib
    import io

    (project.root / "body.md").write_text(body, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project.root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = CONVERTER.main(["body.md", "--practices", str(project.practices), *args])
    return subprocess.CompletedProcess([], code, out.getvalue(), err.getvalue())


def test_a_sample_form_body_becomes_a_valid_practice(built):
    project, done = built[0], built[2]
    assert done.returncode == 0, done.stderr
    assert done.stdout == "practices/regional-innovation-vouchers-for-cluster-members.md\n"
    path = project.practices / "regional-innovation-vouchers-for-cluster-members.md"
    data = front(path)
    assert data == {
        "title": "Regional innovation vouchers for cluster members", "theme": "sme-innovation",
        "partner": "rda-ostrava",
        "summary": "Small vouchers let companies in a cluster buy their first service from a research\norganisation, "
                   "so that they learn how to work with researchers before applying for larger grants.",
        "region": "Moravian-Silesian Region", "start": "2018-03", "end": "ongoing", "status": "ongoing",
        "budget_eur": 250000, "keywords": ["innovation vouchers", "SMEs"],
        "transferability": {"inma": "interested", "vlaio": {"stage": "assessed",
                                                              "note": "Discussed at the Brussels study visit."}},
        "contact": {"name": "Jana Nováková", "email": "jana@example.org"},
        "links": [{"title": "Programme page", "url": "https://www.rdaostrava.cz/en/"}], "updated": "2026-12-01",
    }
    text = path.read_text()
    assert "## Evidence of success" not in text and "## Resources needed\n\nTwo staff members run the call.\n" in text


HOSTILE = [
    "{{ config.extra }} {% include 'x' %}", "<script>alert(1)</script> & <b>bold</b>", "key: value # not a comment",
    "'quoted' \"double\" `back`", "---\n...\n%YAML 1.1", "!!python/object:os.system ls", "&anchor *alias <<: x",
    "NO", "2019", "null", "- item", "[flow, list]", "{flow: map}", "| literal", "> folded", "@at", "\\x00 \\u0000",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_the_form_becomes_quoted_text(project, text):
    from goodpractices.proposal import summary_problems

    title = f"Title {text}"[:150]
    summary = f"{SUMMARY} {text}"
    body = body_from_form(title=title, theme="Support for digitalisation (digitalisation)",
                          partner="INMA, RO (inma)", summary=summary, keywords=text.split("\n")[0],
                          description=f"Plain text about {text.split(chr(10))[0].replace('<', '')}.")
    done = convert(project, body)
    if summary_problems(summary):  # Markdown or HTML in the summary: refused, in the form's words
        assert done.returncode == 1
        assert done.stderr.startswith("Summary: holds ")
        assert list(project.practices.glob("*.md")) == []
        return
    assert done.returncode == 0, done.stderr
    (path,) = project.practices.glob("*.md")
    data = front(path)
    assert data["title"] == " ".join(title.split())
    assert data["summary"] == summary.strip()
    assert errors_of(project.practices) == []


def test_html_in_a_section_is_refused_with_the_validators_message(project):
    body = body_from_form(title="A good title", theme="digitalisation", partner="inma", summary=SUMMARY,
                          description="Look: <script>alert(1)</script>")
    done = convert(project, body)
    assert done.returncode == 1
    assert done.stderr == ("Description: has a <script> tag (remove it: practice pages carry no scripts, styles, "
                           "frames, forms or embedded media)\n1 answer to correct; nothing was written.\n")
    assert list(project.practices.glob("*.md")) == []


@pytest.mark.parametrize(("answers", "expected"), [
    ({"consent": ""}, "Consent: the box is not ticked (edit the issue and tick it: without it the text cannot be "
                      "published)"),
    ({"summary": f"{SUMMARY}\n\n### Partner\n\nvlaio"},
     "Partner: the heading '### Partner' appears twice (remove it from the text; the form uses it)"),
    ({"transferability": "inma assessed"}, "Transferability: 'inma assessed' is not written as 'partner: stage' "
                                           "(one partner per line, e.g. 'RDA Ostrava: assessed')"),
    ({"links": "https://example.org"},
     "Links: 'https://example.org' is not written as 'text | https://address' (one link per line)"),
    ({"contact": "Jana"}, "Contact: 'Jana' is not written as 'name: …', 'organisation: …' or 'email: …'"),
])
def test_a_form_that_cannot_be_read_is_refused(project, answers, expected):
    values = {"title": "A good title", "theme": "digitalisation", "partner": "inma", "summary": SUMMARY,
              "description": "Text."} | answers
    done = convert(project, body_from_form(**values))
    assert done.returncode == 1
    assert done.stderr == f"{expected}\n1 answer to correct; nothing was written.\n"
    assert list(project.practices.glob("*.md")) == []


def test_missing_required_answers_are_named_by_their_labels(project):
    done = convert(project, body_from_form(theme="Nope (nope)", description="Text."))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "Title: has no answer, and one is needed (a short descriptive title, 5–150 characters)",
        "Theme: 'Nope (nope)' is not a known theme (use one of: 3d-printing, cmo-services, digitalisation, "
        "monitoring-evaluation, public-private-innovation, sme-innovation)",
        "Partner: has no answer, and one is needed (the project partner that presents the practice)",
        "Summary: has no answer, and one is needed (one plain-text paragraph of 50–800 characters)",
        "4 answers to correct; nothing was written.",
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(TEXT, max_size=80), summary=st.text(TEXT, max_size=200), description=st.text(TEXT, max_size=200))
def test_any_form_gives_a_valid_file_or_messages_never_a_broken_file(tmp_path_factory, title, summary, description):
    root = tmp_path_factory.mktemp("p")
    project = type("Folder", (), {"root": root, "practices": root / "practices"})
    project.practices.mkdir()
    for name in ("themes.yml", "partners.yml"):
        (project.practices / name).write_bytes((ROOT / "practices" / name).read_bytes())
    body = body_from_form(title=title, theme="digitalisation", partner="inma", summary=summary,
                          description=description)
    path = project.root / "body.md"
    path.write_text(body, encoding="utf-8")
    code = CONVERTER.main([str(path), "--practices", str(project.practices)])
    files = list(project.practices.glob("*.md"))
    if code == 0:
        from goodpractices.plaintext import plain_value

        (written,) = files
        assert errors_of(project.practices) == []
        assert front(written)["title"] == " ".join(plain_value(title).split())
    else:
        assert code == 1 and files == []


def test_make_new_runs_the_scaffolder():
    done = subprocess.run(["make", "--no-print-directory", "-n", "new", "ARGS=--title X"], cwd=ROOT,
                          capture_output=True, text=True)  # as a sub-make, make would name its folder too
    assert done.returncode == 0
    assert done.stdout.strip().splitlines()[-1] == ".venv/bin/python scripts/new_practice.py --title X"


# --- the Contributing page and the template ------------------------------------------------------------------------


def test_the_contributing_page_lists_the_keys_and_offers_the_template(built):
    site = built[0].root / "site"
    page = (site / "contributing.html").read_text()
    themes, partners, _ = scaffold.registries(ROOT / "practices")
    for theme in themes:
        assert f"<td><code>{theme.key}</code></td>\n<td>{theme.title.replace('&', '&amp;')}</td>" in page
    for partner in partners:
        assert f"<td><code>{partner.key}</code></td>" in page
    assert '<a download="new-practice.md" href="practice-template.txt">the practice template</a>' in page
    assert (site / "practice-template.txt").read_text() == scaffold.template_text(themes, partners)
    assert 'href="practice.schema.json"' in page and 'href="editors/completeness.html"' in page
    assert "issues/new?template=new-practice.yml" in page


def test_the_contributing_page_speaks_a_policy_officers_words(built):
    import html
    import re

    site = built[0].root / "site"
    page = (site / "contributing.html").read_text()
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    for jargon in ("ISO 3166", "alpha-2", "YAML list", "1,000,000,000,000,000", "finite number", "{{", "period"):
        assert jargon not in text, jargon
    assert "(required)" in text and "a year (2017), a month (2017-05) or a day (2017-05-14)" in text
    from goodpractices.schema import FIELDS

    for field in FIELDS:  # each name on a line of its own, never squeezed into a narrow table column
        assert f"<dt><code>{field.name}</code>{' (required)' if field.required else ''}</dt>" in page
    home = (ROOT / "docs/index.md").read_text()
    assert "by pull request" not in home and "online form (no software needed)" in home
    assert "1. Fill in the online form (no software needed)" in text
    completeness = (site / "editors/completeness.html").read_text()
    assert "a start date, a status, a contact and a budget" in completeness and "period" not in completeness


def test_the_template_is_a_valid_practice_whose_placeholders_the_report_finds(project):
    from goodpractices import completeness
    from goodpractices.schema import FIELDS

    themes, partners, _ = scaffold.registries(ROOT / "practices")
    text = scaffold.template_text(themes, partners)
    for field in FIELDS:
        assert f"\n# {field.name} ({'required' if field.required else 'optional'}): " in text
    project.add("new-practice.md", text)  # saved unchanged: its theme and partner are no keys
    assert [str(p) for p in catalog.build(project.practices).problems] == [
        "practices/new-practice.md:16: theme: 'choose one theme key from the list above' is not a known theme (use "
        "one of: 3d-printing, cmo-services, digitalisation, monitoring-evaluation, public-private-innovation, "
        "sme-innovation)",
        f"practices/new-practice.md:30: partner: 'choose one partner key from the list above' is not a known partner "
        f"(use one of: {PARTNERS})"]
    text = text.replace('"choose one theme key from the list above"', "cmo-services").replace(
        '"choose one partner key from the list above"', "ecoplus")
    project.add("new-practice.md", text)  # only the keys chosen: the library accepts it, the report finds the rest
    result = catalog.build(project.practices)
    assert [str(p) for p in result.problems] == []
    (gaps,) = [completeness.gaps_of(p) for p in result.catalog.practices]
    assert len(gaps.placeholders) == 5 and gaps.fields == ("start", "status", "contact", "budget_eur")
    # uncommenting every optional field gives a valid practice too
    lines, optional = [], False
    for line in text.split("\n"):
        lines.append(line[2:] if optional and line.startswith("# ") else line)
        optional = "(optional)" in line or optional and line != ""
    project.add("new-practice.md", "\n".join(lines))
    assert [str(p) for p in catalog.build(project.practices).problems if "inspired_by" not in str(p)] == []


def test_the_root_contributing_file_reads_correctly_on_github():
    """Every link of CONTRIBUTING.md works on GitHub: the published page, the repository's template, the form."""
    import re

    from goodpractices import contributing

    text = (ROOT / "CONTRIBUTING.md").read_text()
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    site = contributing.site_url(ROOT / "mkdocs.yml")
    assert f"{site}contributing.html" in links and contributing.TEMPLATE_PATH in links
    assert f"{contributing.REPOSITORY}/issues/new?template=new-practice.yml" in links
    relative = [link for link in links if "://" not in link]
    assert relative == [contributing.TEMPLATE_PATH] and (ROOT / contributing.TEMPLATE_PATH).is_file()
    themes, partners, _ = scaffold.registries(ROOT / "practices")
    assert (ROOT / contributing.TEMPLATE_PATH).read_text() == scaffold.template_text(themes, partners)
    assert "{{" not in text and "docs/contributing.md" not in text
    assert "make new" in text and "make validate" in text and "--proposal" in text


def test_the_contributing_source_shows_no_macro_where_github_renders_it():
    """GitHub hides HTML comments: the macros sit in comments that the built page closes around them."""
    import re

    source = (ROOT / "docs/contributing.md").read_text()
    shown_on_github = re.sub(r"<!--.*?-->", "", source, flags=re.DOTALL)
    assert "{{" not in shown_on_github and "{%" not in shown_on_github
    assert source.count("{{ theme_keys() }}") == source.count("{{ partner_keys() }}") == 1


# --- hints where a contributor is close ------------------------------------------------------------------------------

PARTNERS = ("auvergne-rhone-alpes, ecoplus, inma, lund-university, noi-techpark, north-east-rda, rda-ostrava, "
            "region-skane, southern-denmark, vlaio, westpannon")


@pytest.mark.parametrize(("extra", "fields", "expected"), [
    ("", {"partner": "INMA"},
     f"4: partner: 'INMA' is not a known partner (use one of: {PARTNERS}; did you mean 'inma'?)"),
    ("", {"partner": "Lund-University"},
     f"4: partner: 'Lund-University' is not a known partner (use one of: {PARTNERS}; did you mean 'lund-university'?)"),
    ("", {"theme": "SME-INNOVATION"}, "3: theme: 'SME-INNOVATION' is not a known theme (use one of: 3d-printing, "
     "cmo-services, digitalisation, monitoring-evaluation, public-private-innovation, sme-innovation; did you mean "
     "'sme-innovation'?)"),
    ("status: Ongoing\n", {}, "6: status: 'Ongoing' is not a known status (use one of: completed, ongoing, planned; "
     "did you mean 'ongoing'?)"),
    ("transferability:\n  VLAIO: assessed\n", {}, f"7: transferability: 'VLAIO' is not a known partner (use one of: "
     f"{PARTNERS}; did you mean 'vlaio'?)"),
    ("transferability:\n  vlaio: Assessed\n", {}, "7: transferability: 'Assessed' is not a stage (use one of: "
     "interested, assessed, in-action-plan, implemented; did you mean 'assessed'?)"),
    ("country: Romania\n", {}, "6: country: 'Romania' is not an ISO 3166-1 alpha-2 country code (a two-letter "
     "ISO 3166-1 code such as AT; did you mean 'RO'?)"),
    ("country: Rumänien\n", {}, "6: country: 'Rumänien' is not an ISO 3166-1 alpha-2 country code (a two-letter "
     "ISO 3166-1 code such as AT; did you mean 'RO'?)"),
    ("country: ' czech  REPUBLIC '\n", {}, "6: country: ' czech  REPUBLIC ' is not an ISO 3166-1 alpha-2 country "
     "code (a two-letter ISO 3166-1 code such as AT; did you mean 'CZ'?)"),
    ("country: be\n", {}, "6: country: 'be' is not an ISO 3166-1 alpha-2 country code (a two-letter ISO 3166-1 "
     "code such as AT; did you mean 'BE'?)"),
    ("country: Atlantis\n", {}, "6: country: 'Atlantis' is not an ISO 3166-1 alpha-2 country code (a two-letter "
     "ISO 3166-1 code such as AT)"),
])
def test_near_misses_get_the_right_spelling(check, extra, fields, expected):
    from conftest import practice

    assert check({"p.md": practice(extra, **fields)}) == [f"practices/p.md:{expected}"]


def test_the_scripts_stop_on_broken_registries(project):
    (project.practices / "themes.yml").write_text("cmo-services: [not, a, mapping]\n")
    done = call("new_practice.py", "--practices", str(project.practices), "--title", "A good title")
    assert (done.returncode, done.stderr) == (1, "practices/themes.yml:1: cmo-services: expected a mapping of "
                                                 "fields, got a list\n")
    done = convert(project, body_from_form(title="A good title"))
    assert (done.returncode, done.stderr) == (1, "practices/themes.yml:1: cmo-services: expected a mapping of "
                                                 "fields, got a list\n")


def test_an_unreadable_body_is_a_usage_error(project):
    (project.root / "body.md").write_bytes(b"\xff\xfe bad")
    done = run("issue_to_practice.py", "body.md", "--practices", str(project.practices), cwd=project.root)
    assert done.returncode == 2 and "cannot read body.md" in done.stderr and "Traceback" not in done.stderr


def test_a_refused_form_gives_a_comment_whose_fence_its_text_cannot_close(project):
    body = body_from_form(title="A good title", theme="nope ```` x", partner="inma", summary="Short ``` x",
                          description="Text.")
    done = convert(project, body, "--comment", "comment.md")
    assert done.returncode == 1
    text = (project.root / "comment.md").read_text()
    assert text.startswith("This proposal could not be turned into a page yet.")
    assert "\n`````text\nTheme: 'nope ```` x' is not a known theme" in text
    assert text.endswith("nothing was written.\n`````\n")
    assert convert(project, body_from_form(title="A good title", theme="digitalisation", partner="inma",
                                           summary=SUMMARY, description="Text."), "--comment", "c2.md").returncode == 0
    assert not (project.root / "c2.md").exists()


def test_the_vs_code_task_reads_the_validators_lines_and_the_settings_name_the_schema():
    import json
    import re

    settings_file = json.loads((ROOT / ".vscode/settings.json").read_text())
    (schema, globs), = settings_file["yaml.schemas"].items()
    assert (ROOT / schema).resolve() == ROOT / "practices/practice.schema.json" and "*.practice.yaml" in globs
    (task,) = json.loads((ROOT / ".vscode/tasks.json").read_text())["tasks"]
    assert task["args"] == ["scripts/validate.py"]
    pattern = task["problemMatcher"]["pattern"]
    groups = {name: pattern[name] for name in ("file", "line", "severity", "code", "message")}
    for line, expected in [
        ("practices/a-b.md:4: partner: 'INMA' is not a known partner (use one of: inma)",
         ("practices/a-b.md", "4", None, "partner", "'INMA' is not a known partner (use one of: inma)")),
        ("practices/a-b.md:9: warning: body: has no '## Resources needed' section (recommended: x)",
         ("practices/a-b.md", "9", "warning", "body", "has no '## Resources needed' section (recommended: x)")),
    ]:
        match = re.match(pattern["regexp"], line)
        assert tuple(match.group(groups[name]) for name in ("file", "line", "severity", "code", "message")) == expected


def test_the_completeness_page_is_built_but_kept_out_of_navigation_and_search(built):
    site = built[0].root / "site"
    page = (site / "editors/completeness.html").read_text()
    assert "<h1>Completeness</h1>" in page
    assert '<a href="../practices/ceska-inovacni-strasse.html"><strong>Česká inovační Straße</strong></a>' in page
    assert "<q>Replace this paragraph: the budget, staff and other resources it takes.</q>" in page
    assert "<li>Missing sections: Evidence of success, Difficulties encountered</li>" in page
    assert "<li>Missing fields: status</li>" in page  # the scaffolded practice lacks only its status
    assert "<strong>0</strong> of 2 practices are complete" in page
    from goodpractices.search_index import entries

    docs = entries(site / "search")
    assert not [doc for doc in docs if doc["location"].startswith("editors/")]
    assert [doc for doc in docs if doc["location"].startswith("contributing.html")]
    assert "editors/completeness" not in (site / "index.html").read_text()
