"""A plain optional field is a change to the schema alone: declared with where it shows, it reaches the practice
page's at-a-glance box, the PDF, the CSV and JSON downloads, the issue form and the field reference, and is
checked, with no other code. The fields here are added to the schema while the tests run."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
from pathlib import Path

import export_pdf  # scripts, on pytest's path
import new_practice
import pytest
import yaml
from conftest import ROOT, practice
from goodpractices import catalog as pipeline
from goodpractices import forms, schema, schema_json
from goodpractices.export import write_practices_csv, write_practices_json
from goodpractices.pdf.document import document, practice as one_practice
from goodpractices.render.practice import practice_page
from goodpractices.render.site import generated_files, late_html
from goodpractices.scaffold import TEMPLATE_FILE
from goodpractices.siteinfo import site_info
from pypdf import PdfReader

ARCHIVE = "https://web.archive.org/web/2020/https://example.org/scheme"
#: Shown everywhere, under a label of its own; and a number shown only in the downloads and the field reference.
ARCHIVED = schema.Field("website_archived", "url", False, "an http(s) URL", "the archived copy of the practice's site",
                        ARCHIVE, shows=schema.EVERYWHERE)
JOBS = schema.Field("jobs_created", "number", False, "a number ≥ 0", "how many jobs the practice created", 12,
                    shows=frozenset(("data", "reference")))


@pytest.fixture
def plain_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """The schema with the two fields added, wherever a module (the scripts' too) holds the schema's fields."""
    old, old_by_name = schema.FIELDS, schema.FIELDS_BY_NAME
    fields = (*old, ARCHIVED, JOBS)
    by_name = {f.name: f for f in fields}
    for module in list(sys.modules.values()):
        if getattr(module, "FIELDS", None) is old:
            monkeypatch.setattr(module, "FIELDS", fields)
        if getattr(module, "FIELDS_BY_NAME", None) is old_by_name:
            monkeypatch.setattr(module, "FIELDS_BY_NAME", by_name)
    monkeypatch.setitem(schema.LABELS, "website_archived", "Archived website")


@pytest.fixture
def folder(tmp_path: Path, plain_schema: None) -> Path:
    """A practices folder: one practice giving both fields, one giving neither."""
    folder = tmp_path / "practices"
    folder.mkdir()
    for name in ("themes.yml", "partners.yml"):
        (folder / name).write_bytes((ROOT / "practices" / name).read_bytes())
    (folder / "given.md").write_text(practice(f"website_archived: {ARCHIVE}\njobs_created: 1250\n",
                                              title="A practice with both fields"))
    (folder / "plain.md").write_text(practice(title="A practice with neither field"))
    return folder


def test_the_page_shows_a_field_at_a_glance_as_its_label_and_a_link(folder):
    catalog, _ = pipeline.load(folder)
    given, plain = (b"".join(practice_page(catalog, catalog.practice[i]).slots).decode() for i in ("given", "plain"))
    assert f'<dt>Archived website</dt><dd><a href="{ARCHIVE}">{ARCHIVE}</a></dd>' in given
    assert "Jobs created" not in given and "1250" not in given and "1\u202f250" not in given  # not at a glance
    assert "Archived website" not in plain


def test_the_pdf_prints_the_field_at_a_glance(folder, tmp_path):
    catalog, _ = pipeline.load(folder, trees=True)
    data = document(catalog, one_practice(catalog, "given"), "Site", "Author", lambda src, alt: None)
    glance = data.chapters[0].practices[0]["glance"]
    assert ["Archived website", ARCHIVE] in glance and not any(row[0] == "Jobs created" for row in glance)
    out = tmp_path / "given.pdf"
    assert export_pdf.main(["--practice", "given", "--practices", str(folder), "-o", str(out)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert f"Archived website {ARCHIVE}" in text


def test_the_downloads_hold_both_fields_as_the_front_matter_writes_them(folder):
    catalog, _ = pipeline.load(folder)
    out = io.BytesIO()
    write_practices_csv(catalog, out)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig")))}
    assert rows["given"]["website_archived"] == ARCHIVE and rows["given"]["jobs_created"] == "1250"
    assert rows["plain"]["website_archived"] == rows["plain"]["jobs_created"] == ""
    out = io.BytesIO()
    write_practices_json(catalog, site_info("Site", None, {}, catalog), out)
    practices = {p["id"]: p for p in json.loads(out.getvalue())["practices"]}
    assert practices["given"]["website_archived"] == ARCHIVE and practices["given"]["jobs_created"] == 1250
    assert practices["plain"]["website_archived"] is None and practices["plain"]["jobs_created"] is None


def test_the_issue_form_asks_for_the_field_shown_there_and_reads_it_back(folder):
    catalog, _ = pipeline.load(folder)
    form = yaml.safe_load(forms.issue_form_yaml(catalog.themes, catalog.partners))
    items = {item.get("id"): item for item in form["body"]}
    assert items["website_archived"]["attributes"]["label"] == "Archived website"
    assert items["website_archived"]["attributes"]["placeholder"] == ARCHIVE
    assert "jobs_created" not in items
    proposal = forms.read_body(f"### Archived website\n\n{ARCHIVE}\n", "issue", catalog.themes, catalog.partners)
    assert proposal.values["website_archived"] == ARCHIVE


def test_the_field_reference_and_the_json_schema_name_both_fields(plain_schema):
    reference = schema.field_reference_markdown()
    assert "`website_archived`\n:   The archived copy of the practice's site." in reference
    assert "`jobs_created`\n:   How many jobs the practice created." in reference
    properties = schema_json.json_schema(["t"], ["p"])["properties"]
    assert properties["jobs_created"]["type"] == "number" and properties["website_archived"]["type"] == "string"


def test_every_generated_file_is_made_with_the_fields_and_the_template_offers_them(folder, tmp_path):
    catalog, _ = pipeline.load(folder)
    files = generated_files(catalog, site_info("Site", None, {}, catalog), tmp_path, late_html(catalog))
    page = b"".join(files["practices/given.md"].slots).decode()
    assert f'<dt>Archived website</dt><dd><a href="{ARCHIVE}">' in page
    assert ARCHIVE in (tmp_path / "practices.csv").read_text(encoding="utf-8-sig")
    template = files[TEMPLATE_FILE].decode()
    assert "# website_archived (optional): The archived copy of the practice's site." in template
    assert "# jobs_created (optional): How many jobs the practice created." in template
    assert '"website_archived"' in files["practice.schema.json"].decode()


def test_make_new_takes_each_field_as_a_flag(folder, capsys):
    summary = "This summary is long enough to pass the fifty-character minimum of the contract."
    assert new_practice.main(["--practices", str(folder), "--title", "A practice made new", "--theme", "cmo-services",
                              "--partner", "ecoplus", "--summary", summary, "--website-archived", ARCHIVE,
                              "--jobs-created", "40"]) == 0, capsys.readouterr().err
    made = pipeline.load(folder)[0].practice["a-practice-made-new"]
    assert made.extra == (("website_archived", ARCHIVE), ("jobs_created", 40))


@pytest.mark.parametrize(("line", "message"), [
    ("website_archived: ftp://example.org", "'ftp://example.org' is not an http(s) URL"),
    ("jobs_created: many", "'many' is not a number ≥ 0"),
])
def test_the_fields_are_checked_by_their_kind(folder, line, message):
    (folder / "wrong.md").write_text(practice(line + "\n", title="A practice with a wrong value"))
    problems = [str(p) for p in pipeline.build(folder).problems]
    assert len(problems) == 1 and message in problems[0], problems


def test_only_an_optional_field_of_a_plain_kind_can_say_where_it_shows():
    with pytest.raises(ValueError, match="plain kind"):
        dataclasses.replace(ARCHIVED, kind="links")
    with pytest.raises(ValueError, match="plain kind"):
        dataclasses.replace(ARCHIVED, required=True)
