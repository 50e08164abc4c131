"""The registries (themes.yml, partners.yml): the real ones are complete, and each rule has its exact message."""

from __future__ import annotations

import pytest
from conftest import ROOT
from goodpractices import catalog


def test_real_registries_hold_the_six_themes_and_eleven_partners():
    found = catalog.build(ROOT / "practices").catalog
    assert [t.key for t in found.themes] == ["monitoring-evaluation", "cmo-services", "sme-innovation",
                                             "public-private-innovation", "3d-printing", "digitalisation"]
    assert all(t.question.endswith("?") and t.description and (t.icon or t.color) for t in found.themes)
    assert [(p.key, p.code) for p in found.partners] == [
        ("ecoplus", "P1"), ("noi-techpark", "P2"), ("westpannon", "P3"), ("inma", "P4"), ("lund-university", "P5"),
        ("rda-ostrava", "P6"), ("southern-denmark", "P7"), ("auvergne-rhone-alpes", "P8"), ("vlaio", "P9"),
        ("north-east-rda", "P10"), ("region-skane", "P11")]
    assert [p.key for p in found.partners if p.lead] == ["ecoplus"]
    assert [p.key for p in found.partners if not p.extended_phase] == ["region-skane"]
    assert {p.country for p in found.partners} == {"AT", "IT", "HU", "RO", "SE", "CZ", "DK", "FR", "BE"}


THEME = "  title: Tests\n  question: Does it work?\n  description: A theme for tests.\n  icon: material/chart-line\n"
PARTNER = ("  number: 1\n  name: Test agency\n  short_name: Test\n  country: AT\n  region: Lower Austria\n")


@pytest.mark.parametrize(("themes", "partners", "expected"), [
    ("Bad_Key:\n" + THEME, None,
     "practices/themes.yml:1: Bad_Key: is not a valid key (use lowercase words joined by single hyphens)"),
    ("tests:\n" + THEME.replace("  question: Does it work?\n", ""), None,
     "practices/themes.yml:1: tests: question: missing (add question: …)"),
    ("tests:\n" + THEME.replace("material/chart-line", "material/no-such-icon"), None,
     "practices/themes.yml:5: tests: 'material/no-such-icon' is not an icon of the theme (write e.g. material/chart-line)"),
    ("tests:\n" + THEME + "  colour: '#123456'\n", None,
     "practices/themes.yml:6: tests: unknown field (did you mean 'color'?)"),
    ("tests:\n" + THEME.replace("  icon: material/chart-line\n", "  color: red\n"), None,
     "practices/themes.yml:5: tests: 'red' is not a colour (write '#rrggbb')"),
    (None, "test:\n" + PARTNER.replace("AT", "XX"),
     "practices/partners.yml:5: test: 'XX' is not an ISO 3166-1 alpha-2 code (write e.g. 'AT')"),
    (None, "test:\n" + PARTNER + "other:\n" + PARTNER,
     "practices/partners.yml:8: other: 1 is also the number of 'test' (numbers are unique)"),
    (None, "test:\n" + PARTNER.replace("number: 1", "number: one"),
     "practices/partners.yml:2: test: expected a whole number ≥ 1, got text (write the P-number)"),
    (None, "test:\n" + PARTNER + "  website: ftp://example.org\n",
     "practices/partners.yml:7: test: 'ftp://example.org' is not an http(s) URL (write https://…)"),
    (None, "test:\n" + PARTNER + "  lead: yes\n",
     "practices/partners.yml:7: test: expected true or false, got text"),
])
def test_registry_rules(project, themes, partners, expected):
    if themes is not None:
        (project.practices / "themes.yml").write_text(themes)
    if partners is not None:
        (project.practices / "partners.yml").write_text(partners)
    assert [str(p) for p in catalog.build(project.practices).problems] == [expected]


def test_a_missing_registry_is_reported(project):
    (project.practices / "themes.yml").unlink()
    assert [str(p) for p in catalog.build(project.practices).problems] == [
        "practices/themes.yml:1: file: is missing (restore it from the repository)"]
