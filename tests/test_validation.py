"""One test per content rule: the exact message, at the exact line."""

from __future__ import annotations

import pytest
from conftest import BODY, VALID, practice

THEMES = "3d-printing, cmo-services, digitalisation, monitoring-evaluation, public-private-innovation, sme-innovation"


def test_a_valid_practice_has_no_problem(check):
    assert check({"good-one.md": VALID}) == []


@pytest.mark.parametrize(("fields", "extra", "expected"), [
    # required fields and text lengths
    ({"title": ""}, "", "1: title: missing (add title: a short descriptive title, 5–150 characters)"),
    ({"title": "Tiny"}, "", "2: title: is 4 characters long, expected 5–150 (a short descriptive title, 5–150 characters)"),
    ({"title": "'" + "x" * 151 + "'"}, "",
     "2: title: is 151 characters long, expected 5–150 (a short descriptive title, 5–150 characters)"),
    ({"title": "12345"}, "", "2: title: expected text, got a number (a short descriptive title, 5–150 characters)"),
    ({"summary": "Too short."}, "",
     "5: summary: is 10 characters long, expected 50–800 (one plain-text paragraph of 50–800 characters)"),
    ({"summary": ""}, "", "1: summary: missing (add summary: one plain-text paragraph of 50–800 characters)"),
    # registry keys
    ({"theme": "digitalization"}, "",
     f"3: theme: 'digitalization' is not a known theme (use one of: {THEMES}; did you mean 'digitalisation'?)"),
    ({"theme": "[cmo-services, sme-innovation]"}, "", "3: theme: expected one theme key, got a list (exactly one theme key)"),
    ({"partner": "ecoplus-at"}, "",
     "4: partner: 'ecoplus-at' is not a known partner (use one of: auvergne-rhone-alpes, ecoplus, inma, "
     "lund-university, noi-techpark, north-east-rda, rda-ostrava, region-skane, southern-denmark, vlaio, "
     "westpannon; did you mean 'ecoplus'?)"),
    # optional fields
    ({}, "country: XX\n", "6: country: 'XX' is not an ISO 3166-1 alpha-2 country code (a two-letter ISO 3166-1 code such as AT)"),
    ({}, "country: no\n", "6: country: 'no' is not an ISO 3166-1 alpha-2 country code (a two-letter ISO 3166-1 code such as AT; "
                         "did you mean 'NO'?)"),
    ({}, "region: 42\n", "6: region: expected text, got a number (the region's name)"),
    ({}, "start: 2017-13\n", "6: start: '2017-13' is not a valid date (write a date as YYYY, YYYY-MM or YYYY-MM-DD)"),
    ({}, "start: 2017-02-30\n", "6: start: '2017-02-30' is not a valid date (write a date as YYYY, YYYY-MM or YYYY-MM-DD)"),
    ({}, "start: May 2017\n", "6: start: 'May 2017' is not a valid date (write a date as YYYY, YYYY-MM or YYYY-MM-DD)"),
    ({}, "start: '2018-05'\nend: 2017\n", "7: end: 2017 is before start 2018-05 (correct start or end)"),
    ({}, "end: soon\n", "6: end: 'soon' is not a valid date (write a date as YYYY, YYYY-MM or YYYY-MM-DD, or ongoing)"),
    ({}, "status: finished\n",
     "6: status: 'finished' is not a known status (use one of: completed, ongoing, planned)"),
    ({}, "status: complete\n",
     "6: status: 'complete' is not a known status (use one of: completed, ongoing, planned; did you mean 'completed'?)"),
    ({}, "budget_eur: -5\n", "6: budget_eur: a number is not a number ≥ 0 (a number of euros without spaces, e.g. 900000)"),
    ({}, "budget_eur: 900 000\n",
     "6: budget_eur: '900 000' is not a number ≥ 0 (a number of euros without spaces, e.g. 900000)"),
    ({}, "budget_eur: true\n",
     "6: budget_eur: true (a yes/no value) is not a number ≥ 0 (a number of euros without spaces, e.g. 900000)"),
    ({}, "keywords: clusters, funding\n",
     "6: keywords: expected a list, got text (a YAML list such as [clusters, funding]; "
     "write a YAML list, not a comma-separated text)"),
    ({}, "keywords:\n  - clusters\n  - Clusters\n", "8: keywords: 'Clusters' is listed twice (keep one)"),
    ({}, "keywords: ['" + "k" * 41 + "']\n", "6: keywords: is 41 characters long, expected 1–40 (a short keyword)"),
    ({}, "inspired_by: [p]\n", "6: inspired_by: a practice cannot be inspired by itself (remove it)"),
    ({}, "inspired_by:\n  - nowhere\n", "7: inspired_by: 'nowhere' is not a practice (use the id of an existing practice)"),
    ({}, "inspired_by: [Not An Id]\n", "6: inspired_by: 'Not An Id' is not a practice id (write the file name without .md)"),
    ({}, "transferability:\n  ecoplus: assessed\n",
     "7: transferability: 'ecoplus' presents this practice and cannot take it up (remove the entry)"),
    ({}, "transferability:\n  inma: adopted\n",
     "7: transferability: 'adopted' is not a stage (use one of: interested, assessed, in-action-plan, implemented)"),
    ({}, "transferability:\n  inmaa: assessed\n",
     "7: transferability: 'inmaa' is not a known partner (use one of: auvergne-rhone-alpes, ecoplus, inma, "
     "lund-university, noi-techpark, north-east-rda, rda-ostrava, region-skane, southern-denmark, vlaio, "
     "westpannon; did you mean 'inma'?)"),
    ({}, "transferability:\n  inma:\n    note: Only a note.\n",
     "7: transferability: has no stage (add stage: one of interested, assessed, in-action-plan, implemented)"),
    ({}, "transferability:\n  inma: {stage: implemented, notes: x}\n", "7: transferability: unknown field (did you mean 'note'?)"),
    ({}, "transferability: [inma]\n",
     "6: transferability: expected a mapping, got a list (a map such as {vlaio: assessed})"),
    ({}, "contact:\n  email: someone@example.org\n",
     "6: contact: has no name (add name: the contact person's name)"),
    ({}, "contact:\n  name: Ana\n  email: not-an-address\n",
     "8: contact: 'not-an-address' is not an e-mail address (write name@example.org)"),
    ({}, "links:\n  - title: Home\n    url: javascript:alert(1)\n",
     "8: links: 'javascript:alert(1)' is not an http(s) URL (write a full address starting with https://)"),
    ({}, "links:\n  - title: Home\n", "7: links: has no url (give each link a title and a url)"),
    ({}, "updated: 2026-11\n", "6: updated: '2026-11' is not a valid date (write a full date as YYYY-MM-DD)"),
    # unknown and duplicate keys
    ({}, "titel: Another title\n", "6: titel: unknown field (did you mean 'title'?)"),
    ({}, "render_macros: true\n",
     "6: render_macros: unknown field (remove it; practice pages are never rendered as templates)"),
    ({}, "title: Another title\n", "6: title: duplicate key, first set on line 2 (keep only one)"),
])
def test_field_rules(check, fields, extra, expected):
    assert check({"p.md": practice(extra, **fields)}) == ["practices/p.md:" + expected]


@pytest.mark.parametrize("extra", [
    "country: NO\n", "start: 2017\nend: ongoing\n", "start: '2017-05'\nend: 2017\n", "start: 2016-04-01\n",
    "budget_eur: 900000.5\n", "status: ongoing\n",
    "transferability:\n  inma: {stage: implemented, note: Shaped the Romanian scheme.}\n  vlaio: interested\n",
    "contact: {name: Ana Pop, organisation: INMA, email: ana@example.org}\n",
    "links:\n  - {title: Project, url: 'https://www.interregeurope.eu/clusterix2'}\n",
    "updated: 2026-11-21\n", "keywords: [clusters, R&D]\n",
])
def test_valid_optional_fields(check, extra):
    assert check({"p.md": practice(extra)}) == []


def test_no_stays_norway_and_dates_stay_text(project):
    from goodpractices import catalog

    project.add("p.md", practice("country: NO\nstart: 2016-04-01\nupdated: 2026-11-21\n"))
    found = catalog.build(project.practices).catalog.practice["p"]
    assert found.country == "NO"
    assert found.start.iso() == "2016-04-01"
    from goodpractices.reader import record

    assert record(found)["start"] == "2016-04-01" and record(found)["country"] == "NO"


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("bad.md", b"---\ntitle: Caf\xe9 clusters\n---\n", "practices/bad.md:2: encoding: byte 0xe9 is not UTF-8 (save the file as UTF-8)"),
    ("bad.md", b"", "practices/bad.md:1: file: is empty (start with front matter between two '---' lines)"),
    ("bad.md", b"# Just a title\n", "practices/bad.md:1: front matter: missing (start the file with a line '---', "
                                    "the fields, and another line '---')"),
    ("bad.md", b"---\ntitle: Never closed\n\n## Description\n",
     "practices/bad.md:4: front matter: the fields are not closed before '## Description' (add a line '---' after "
     "the last field)"),
    ("bad.md", b"---\ntitle: x\ntheme: [unclosed\n---\nbody\n",
     "practices/bad.md:4: theme: did not find expected ',' or ']' (check the indentation; "
     "quote values that contain ': ' or ' #')"),
    ("bad.md", b"---\n- a list\n---\nbody\n", "practices/bad.md:2: front matter: must be a mapping of 'field: value' lines"),
])
def test_file_problems(check, name, content, expected):
    assert check({name: content}) == [expected]


def test_bad_file_names_point_at_line_1(check):
    assert check({"My_Practice.md": VALID, "other.markdown": VALID}) == [
        "practices/My_Practice.md:1: file name: 'My_Practice' is not a valid id "
        "(rename it to 'my-practice.md': lowercase words joined by single hyphens)",
        "practices/other.markdown:1: file name: 'other.markdown' does not end in .md (rename it to 'other.md')",
        "practices/other.markdown:2: title: 'A valid practice title' is already the title of "
        "practices/My_Practice.md (give each practice its own title)",
    ]


def test_titles_are_unique_ignoring_case(check):
    other = practice(title="a VALID practice TITLE")
    assert check({"a.md": VALID, "b.md": other}) == [
        "practices/b.md:2: title: 'a VALID practice TITLE' is already the title of practices/a.md "
        "(give each practice its own title)"
    ]


def test_body_must_not_be_empty(check):
    assert check({"p.md": practice(body="\n  \n")}) == [
        "practices/p.md:7: body: is empty (write the practice in Markdown below the front matter)"
    ]


def test_missing_template_section_is_a_warning_only(check):
    body = BODY.replace("## Resources needed", "## Resources")
    assert check({"p.md": practice(body=body)}) == [
        "practices/p.md:7: warning: body: has no '## Resources needed' section "
        "(recommended by the Interreg Europe good-practice template)"
    ]


def test_level_one_heading_in_body_is_an_error(check):
    body = "# My title again\n\n" + BODY + "\n```\n# not a heading in code\n```\n"
    assert check({"p.md": practice(body=body)}) == [
        "practices/p.md:8: body: has a level-1 heading 'My title again' (the title comes from the front matter; "
        "use '##' for sections)"
    ]


def test_a_body_section_that_the_page_makes_itself_is_an_error(check):
    body = BODY + "\n## Transferability\n\nTaken up by two regions.\n\n### Contact\n\nAsk us.\n"
    assert check({"p.md": practice(body=body)}) == [
        "practices/p.md:28: body: has a 'Transferability' section, which the page makes from the front matter "
        "(use the transferability field, or name the section otherwise)",
        "practices/p.md:32: body: has a 'Contact' section, which the page makes from the front matter "
        "(use the contact field, or name the section otherwise)",
    ]


@pytest.mark.parametrize(("extra", "expected"), [
    ("region: &r Lower Austria\ninstitution: *r\n",
     "7: institution: anchors and aliases (&name, *name) are not allowed (write the value out)"),
    ("region: !!python/object:os.system x\n", "6: region: the tag tag:yaml.org,2002:python/object:os.system is not "
                                              "allowed (remove the '!' tag)"),
    ("? [a, b]\n: c\n", "6: yaml: keys must be text, got a list (quote the key)"),
    ("42: answer\n", "6: yaml: keys must be text, got a int (quote the key)"),
])
def test_unsafe_yaml_is_refused(check, extra, expected):
    assert check({"p.md": practice(extra)}) == ["practices/p.md:" + expected]


def test_every_problem_of_every_file_in_one_run_sorted(check):
    problems = check({
        "b.md": practice("status: finished\n", title="Tiny"),
        "a.md": practice(summary="Short."),
        "C.md": VALID.replace("A valid practice title", "Another valid title"),
    })
    assert [p.split(": ")[0] for p in problems] == [
        "practices/C.md:1", "practices/a.md:5", "practices/b.md:2", "practices/b.md:6"]


def test_the_preview_cache_checks_again_only_what_changed(project, monkeypatch):
    from goodpractices import catalog

    checked: list[str] = []
    check_file = catalog.check_file
    monkeypatch.setattr(catalog, "check_file", lambda raw, shown, *rest: checked.append(shown) or check_file(raw, shown, *rest))
    cache = catalog.Cache()

    def build() -> list[str]:
        checked.clear()
        result = catalog.build(project.practices, cache=cache)
        assert result.catalog is not None, result.problems
        return sorted(p.title for p in result.catalog.practices)

    project.add("alpha.md", practice(title="Alpha practice"))
    beta = project.add("beta.md", practice(title="Beta practice"))
    assert build() == ["Alpha practice", "Beta practice"] and checked == ["practices/alpha.md", "practices/beta.md"]
    assert build() == ["Alpha practice", "Beta practice"] and checked == []
    beta.write_text(practice(title="Beta practice, edited"))
    assert build() == ["Alpha practice", "Beta practice, edited"] and checked == ["practices/beta.md"]
    (project.practices / "alpha.md").unlink()
    assert build() == ["Beta practice, edited"] and checked == [] and len(cache.checked) == 1
    themes = project.practices / "themes.yml"
    themes.write_text(themes.read_text().replace("cmo-services:", "cmo-support:", 1))
    assert "practices/beta.md" in [p.path for p in catalog.build(project.practices, cache=cache).problems]
