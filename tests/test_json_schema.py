"""practices/practice.schema.json: generated, committed, and in agreement with the validator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, practice
from goodpractices import catalog, scaffold
from goodpractices.load import parse_practice
from goodpractices.schema import FIELDS
from goodpractices.schema_json import json_schema_text
from goodpractices.yamlwrite import block
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

SCHEMA_FILE = ROOT / "practices" / "practice.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def front_matter(text: str) -> object:
    """The front matter as an editor reads YAML 1.2 (the validator's own reader follows the 1.2 core schema)."""
    source, problems = parse_practice(text.encode(), "p.md", "p.md")
    assert source is not None, problems
    return source.data


def test_the_committed_schema_is_the_generated_one():
    themes, partners, problems = scaffold.registries(ROOT / "practices")
    assert problems == []
    expected = json_schema_text([t.key for t in themes], [p.key for p in partners])
    assert SCHEMA_FILE.read_text(encoding="utf-8") == expected


def test_every_real_practice_is_valid(validator):
    files = catalog.practice_files(ROOT / "practices")
    assert len(files) >= 15
    for path in files:
        errors = [e.message for e in validator.iter_errors(front_matter(path.read_text(encoding="utf-8")))]
        assert errors == [], path.name


def test_theme_and_partner_keys_come_from_the_registries(validator):
    schema = validator.schema
    themes, partners, _ = scaffold.registries(ROOT / "practices")
    assert schema["properties"]["theme"]["enum"] == [t.key for t in themes]
    assert schema["properties"]["partner"]["enum"] == [p.key for p in partners]
    assert schema["properties"]["transferability"]["propertyNames"]["enum"] == [p.key for p in partners]
    assert list(schema["properties"]) == [f.name for f in FIELDS]


LONG = "word " * 159 + "end."  # 800 characters
CASES = [
    # (extra YAML lines, field overrides): the schema and the validator must agree on each
    ("start: 2019\n", {}), ("start: '2019'\n", {}), ("start: 2019-05\n", {}), ("start: 2020-02-29\n", {}),
    ("start: 2019-02-29\n", {}), ("start: 2019-04-31\n", {}), ("start: 2017-13\n", {}), ("start: 20190\n", {}),
    ("start: 999\n", {}), ("start: '٢٠١٩'\n", {}), ("start: '２０１９-０１'\n", {}), ("start: true\n", {}),
    ("start: May 2017\n", {}), ("end: ongoing\n", {}),
    ("end: Ongoing\n", {}), ("updated: 2026-11-21\n", {}), ("updated: 2026-11\n", {}), ("updated: 2026\n", {}),
    ("country: NO\n", {}), ("country: no\n", {}), ("country: Romania\n", {}), ("country: XX\n", {}),
    ("region: 42\n", {}), ("region: ''\n", {}), ("region:\n", {}), ("institution: '   '\n", {}),
    ("budget_eur: 0\n", {}), ("budget_eur: 1.5\n", {}), ("budget_eur: -1\n", {}), ("budget_eur: 900 000\n", {}),
    ("budget_eur: true\n", {}), ("status: ongoing\n", {}), ("status: done\n", {}),
    ("keywords: [a, b]\n", {}), ("keywords: a, b\n", {}), ("keywords: ['" + "k" * 40 + "']\n", {}),
    ("keywords: ['" + "k" * 41 + "']\n", {}), ("keywords: [a, a]\n", {}), ("keywords: []\n", {}),
    ("keywords: [1]\n", {}), ("inspired_by: [Not An Id]\n", {}),
    ("transferability: {inma: assessed}\n", {}), ("transferability: {inma: adopted}\n", {}),
    ("transferability: {INMA: assessed}\n", {}), ("transferability: {ecoplus: assessed}\n", {}),
    ("transferability: {inma: {stage: implemented, note: Part of the plan.}}\n", {}),
    ("transferability: {inma: {note: x}}\n", {}), ("transferability: {inma: {stage: assessed, notes: x}}\n", {}),
    ("transferability: [inma]\n", {}), ("contact: {name: Ana, email: ana@example.org}\n", {}),
    ("contact: {name: Ana, email: ' ana@example.org '}\n", {}), ("contact: {name: Ana, email: ana}\n", {}),
    ("contact: {email: ana@example.org}\n", {}), ("contact: {name: Ana, phone: 1}\n", {}),
    ("links: [{title: Home, url: 'HTTPS://example.org/a?b=c'}]\n", {}),
    ("links: [{title: Home, url: 'javascript:alert(1)'}]\n", {}),
    ("links: [{title: Home, url: 'https:///x'}]\n", {}), ("links: [{title: Home, url: 'https://a b'}]\n", {}),
    ("links: [{title: Home}]\n", {}), ("links: [{title: Home, url: 'http://[bad'}]\n", {}),
    ("links: [{title: Home, url: 'http://[::1]:8080/x'}]\n", {}), ("links: [{title: Home, url: 'http://a]b'}]\n", {}),
    ("links: [{title: Home, url: 'ftp://example.org'}]\n", {}),
    ("tags: [x]\n", {}), ("render_macros: true\n", {}),
    ("", {"title": "Tiny"}), ("", {"title": "'  Five  '"}), ("", {"title": "12345"}),
    ("", {"title": "'" + "x" * 150 + "'"}), ("", {"title": "'" + "x" * 151 + "'"}),
    ("", {"title": "'A   title   with   many   spaces   " + "x" * 110 + "'"}),
    ("", {"summary": LONG}), ("", {"summary": LONG + "x"}), ("", {"summary": "'" + LONG.replace(" ", "   ") + "'"}),
    ("", {"summary": "Too short."}), ("", {"summary": ""}), ("", {"theme": "digitalization"}),
    ("", {"theme": "Digitalisation"}), ("", {"theme": "[cmo-services]"}), ("", {"partner": "INMA"}),
    ("", {"partner": "ecoplus-at"}),
]


@pytest.mark.parametrize(("extra", "fields"), CASES, ids=[f"{e.strip()}{f}"[:60] for e, f in CASES])
def test_schema_and_validator_agree(validator, check, extra, fields):
    text = practice(extra, **fields)
    problems = check({"p.md": text})
    errors = [p for p in problems if ": warning: " not in p]
    schema_errors = [e.message for e in validator.iter_errors(front_matter(text))]
    assert bool(errors) == bool(schema_errors), (errors, schema_errors)


def test_the_cases_cover_both_verdicts(validator):
    verdicts = {not list(validator.iter_errors(front_matter(practice(e, **f)))) for e, f in CASES}
    assert verdicts == {True, False}


TEXTS = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
SAMPLES = ["2019", "2020-02-29", "ongoing", "NO", "RO", "x@y.z", "https://a.b/c", " https://a.b ", "inma", "assessed"]
VALUES = st.one_of(TEXTS, st.integers(-10, 30000), st.sampled_from(SAMPLES))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["title", "region", "start", "end", "updated", "country", "status", "budget_eur"]),
       value=VALUES, link=st.one_of(st.none(), VALUES), email=st.one_of(st.none(), VALUES))
def test_schema_and_validator_agree_on_random_values(validator, check, field, value, link, email):
    values = {"title": "A valid practice title", "theme": "cmo-services", "partner": "ecoplus",
              "summary": "This summary is long enough to pass the fifty-character minimum of the contract."}
    values[field] = value
    if link is not None:
        values["links"] = [{"title": "Home", "url": link}]
    if email is not None:
        values["contact"] = {"name": "Ana", "email": email}
    text = f"---\n{block(values)}\n---\n\n## Description\n\nText.\n"
    errors = [p for p in check({"p.md": text}) if ": warning: " not in p]
    schema_errors = [e.message for e in validator.iter_errors(front_matter(text))]
    assert bool(errors) == bool(schema_errors), (errors, schema_errors)


def test_check_jsonschema_reads_the_real_front_matter_as_yaml_12_and_accepts_it(tmp_path):
    """A second, independent YAML 1.2 reader (check-jsonschema's), as editors use it on *.practice.yaml drafts."""
    import subprocess
    import sys

    for path in catalog.practice_files(ROOT / "practices"):
        front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        (tmp_path / f"{path.stem}.practice.yaml").write_text(front, encoding="utf-8")
    (tmp_path / "unquoted.practice.yaml").write_text(
        "title: A valid practice title\ntheme: cmo-services\npartner: ecoplus\nsummary: This summary is long enough "
        "to pass the fifty-character minimum of the contract.\nstart: 2019\nend: 2020-05\ncountry: NO\n"
        "updated: 2026-11-21\n")
    command = [str(Path(sys.executable).parent / "check-jsonschema"), "--schemafile", str(SCHEMA_FILE)]
    done = subprocess.run([*command, *map(str, sorted(tmp_path.iterdir()))], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    (tmp_path / "bad.practice.yaml").write_text("title: Tiny\ntheme: CMO\npartner: ecoplus\nsummary: short\nx: 1\n")
    done = subprocess.run([*command, str(tmp_path / "bad.practice.yaml")], capture_output=True, text=True)
    assert done.returncode == 1
    for part in ("('x' was unexpected)", "$.title", "$.summary", "'CMO' is not one of ['monitoring-evaluation'"):
        assert part in done.stdout
