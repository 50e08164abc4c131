"""Say what is known, once: a practice page (and its PDF) names what it does not record in one line made from the
schema, and the shipped practices hold no sentence that only says something is missing."""

from __future__ import annotations

import re
from pathlib import Path

import export_pdf  # a script, on pytest's path
import pytest
from conftest import BODY, ROOT, practice
from goodpractices import catalog as pipeline
from goodpractices.completeness import placeholder_sentences
from goodpractices.render.practice import practice_page
from goodpractices.schema import EXPECTED_FIELDS, SECTIONS
from pypdf import PdfReader

#: The expected fields, all given, as front-matter lines.
GIVEN = {"start": "start: 2019\n", "status": "status: ongoing\n", "contact": "contact: {name: Ana}\n",
         "budget_eur": "budget_eur: 10\n"}
#: How the line names each expected field and section.
NAMES = {"start": "period", "status": "status", "contact": "contact", "budget_eur": "budget",
         **{section: section[0].lower() + section[1:] for section in SECTIONS}}
UNRECORDED = re.compile(r'<p class="gp-unrecorded">Not yet recorded: ([^<]*)\.</p>')


def without_section(section: str) -> str:
    """The valid body without one of its sections."""
    parts = re.split(r"(?m)^(?=## )", BODY)
    return "".join(part for part in parts if not part.startswith(f"## {section}\n"))


def test_the_test_knows_every_expected_field_and_section():
    assert set(GIVEN) == set(EXPECTED_FIELDS)
    assert all(f"## {section}\n" in BODY for section in SECTIONS)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A practices folder: one practice with everything, one lacking each expected field or section, and one
    lacking all of them."""
    folder = tmp_path_factory.mktemp("unrecorded") / "practices"
    folder.mkdir()
    for name in ("themes.yml", "partners.yml"):
        (folder / name).write_bytes((ROOT / "practices" / name).read_bytes())
    files = {"complete": practice("".join(GIVEN.values()), title="Complete practice")}
    for field in EXPECTED_FIELDS:
        files[f"no-{field.replace('_', '-')}"] = practice(
            "".join(line for key, line in GIVEN.items() if key != field), title=f"Practice without {field}")
    for number, section in enumerate(SECTIONS):
        files[f"no-section-{number}"] = practice("".join(GIVEN.values()), body=without_section(section),
                                                 title=f"Practice without section {number}")
    files["bare"] = practice(body="Just a paragraph.\n", title="Practice with nothing else")
    for name, text in files.items():
        (folder / f"{name}.md").write_text(text)
    return folder


@pytest.fixture(scope="module")
def pages(folder: Path) -> dict[str, str]:
    """The practice pages as HTML, by id."""
    catalog, _ = pipeline.load(folder)
    return {p.id: b"".join(practice_page(catalog, p).slots).decode() for p in catalog.practices}


def unrecorded(html: str) -> list[str] | None:
    found = UNRECORDED.findall(html)
    assert len(found) <= 1
    return found[0].split(", ") if found else None


def test_a_practice_with_every_section_and_expected_field_shows_no_line(pages):
    assert unrecorded(pages["complete"]) is None
    assert "Not yet recorded" not in pages["complete"]


@pytest.mark.parametrize("field", EXPECTED_FIELDS)
def test_a_missing_expected_field_is_named_alone(pages, field):
    assert unrecorded(pages[f"no-{field.replace('_', '-')}"]) == [NAMES[field]]


@pytest.mark.parametrize("number", range(len(SECTIONS)))
def test_a_missing_recommended_section_is_named_alone(pages, number):
    assert unrecorded(pages[f"no-section-{number}"]) == [NAMES[SECTIONS[number]]]


def test_a_practice_lacking_everything_names_every_section_then_every_field_once(pages):
    assert unrecorded(pages["bare"]) == [NAMES[s] for s in SECTIONS] + [NAMES[f] for f in EXPECTED_FIELDS]


#: Sentences that only say that something is missing, in the words the shipped practices used to hold them.
ABSENCE = re.compile(r"not (?:yet )?(?:been )?documented|(?:have|has) (?:yet )?been (?:documented|recorded)|"
                     r"not been recorded|still to be (?:added|documented)|details will be added|deliberately general|"
                     r"yet documented|no (?:specific |particular |further )?(?:difficulties|obstacles|results|"
                     r"resources)\b", re.IGNORECASE)


def test_the_shipped_practices_hold_no_filler_and_no_empty_section():
    catalog, warnings = pipeline.load(ROOT / "practices")
    assert all("has no '## " in str(w) for w in warnings), warnings  # missing sections are said, not filled
    for p in catalog.practices:
        text = (ROOT / p.source).read_text(encoding="utf-8")
        assert placeholder_sentences(text) == (), p.source
        assert ABSENCE.findall(text) == [], p.source
        sections = re.split(r"(?m)^## ", text.split("\n---\n", 1)[1])[1:]
        assert all(section.partition("\n")[2].strip() for section in sections), p.source


@pytest.mark.parametrize("name", ["bare", "no-section-1", "no-budget-eur", "complete"])
def test_a_practices_pdf_prints_the_same_line_as_its_page(pages, folder, tmp_path, name):
    """The PDF, what partners hand to ministries, says what is not yet recorded in the page's words, once."""
    out = tmp_path / f"{name}.pdf"
    assert export_pdf.main(["--practice", name, "--practices", str(folder), "-o", str(out)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    said = unrecorded(pages[name])
    if said is None:
        assert "Not yet recorded" not in text
    else:
        assert text.count("Not yet recorded") == 1 and f"Not yet recorded: {', '.join(said)}." in text
