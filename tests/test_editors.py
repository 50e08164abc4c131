"""scripts/validate.py for CI and editors: annotations inside GitHub Actions, the completeness report and page."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import BODY, ROOT, practice

PY = sys.executable


def validate(project, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | (env or {})
    return subprocess.run([PY, str(ROOT / "scripts/validate.py"), "--practices", str(project.practices), *args],
                          capture_output=True, text=True, env=environ, timeout=60)


def test_inside_github_actions_each_problem_is_also_an_annotation(project):
    project.add("a,b.md", practice("status: finished\n", body="## Description\n\nText.\n"))
    done = validate(project, env={"GITHUB_ACTIONS": "true"})
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("practices/a,b.md:1: file name: 'a,b' is not a valid id")
    assert lines[1] == ("::error file=practices/a%2Cb.md,line=1,title=file name::'a,b' is not a valid id "
                        "(rename it to 'a-b.md': lowercase words joined by single hyphens)")
    assert "::error file=practices/a%2Cb.md,line=6,title=status::'finished' is not a known status " \
           "(use one of: completed, ongoing, planned)" in lines
    assert ("::warning file=practices/a%2Cb.md,line=8,title=body::has no '## Resources needed' section "
            "(recommended by the Interreg Europe good-practice template)") in lines


def test_annotations_escape_what_would_end_or_split_them(project):
    project.add("p.md", practice("region: \"a\\r\\nb 100% ::x\"\nstatus: \"x\\ny:: 100%\"\n"))
    done = validate(project, env={"GITHUB_ACTIONS": "true"})
    (annotation,) = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotation == ("::error file=practices/p.md,line=7,title=status::'x\\ny:: 100%25' is not a known status "
                          "(use one of: completed, ongoing, planned)")


def test_outside_github_actions_there_are_no_annotations(project):
    project.add("p.md", practice("status: finished\n"))
    done = validate(project, env={"GITHUB_ACTIONS": "false"})
    assert done.returncode == 1 and "::" not in done.stdout


def test_the_report_lists_gaps_per_partner(project):
    project.add("complete-one.md", practice("start: 2019\nstatus: ongoing\nbudget_eur: 10\ncontact: {name: Ana}\n"))
    project.add("gappy.md", practice(title="A gappy practice", partner="inma", body=BODY.replace(
        "Staff time.", "The budget has not yet been documented. TODO: ask INMA.").split("## Difficulties")[0]))
    done = validate(project, "--report")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "INMA (inma): 1 of 1 practices need work\n"
        "  practices/gappy.md: A gappy practice\n"
        "    missing sections: Difficulties encountered, Potential for learning or transfer\n"
        "    missing fields: period, status, contact, budget\n"
        "    placeholder: The budget has not yet been documented.\n"
        "    placeholder: TODO: ask INMA.\n"
        "1 of 2 practices are complete.\n")


def test_the_report_prints_errors_instead_when_there_are_any(project):
    project.add("p.md", practice(theme="nope"))
    done = validate(project, "--report")
    assert done.returncode == 1
    assert done.stdout.startswith("practices/p.md:3: theme: 'nope' is not a known theme")
    assert "need work" not in done.stdout


def test_the_completeness_page_is_built_but_kept_out_of_navigation_and_search(project):
    project.add("gappy.md", practice(body="## Description\n\nThe resources have not yet been documented.\n"))
    done = project.build()
    assert done.returncode == 0, done.stderr
    site = project.root / "site"
    page = (site / "editors/completeness.html").read_text()
    assert "<h1>Completeness</h1>" in page
    assert '<a href="../practices/gappy.html"><strong>A valid practice title</strong></a>' in page
    assert "Missing sections: Resources needed, Evidence of success, Difficulties encountered, " \
           "Potential for learning or transfer" in page
    assert "<q>The resources have not yet been documented.</q>" in page
    assert "<strong>0</strong> of 1 practices are complete" in page
    index = json.loads((site / "search/search_index.json").read_text())
    assert not [doc for doc in index["docs"] if doc["location"].startswith("editors/")]
    assert [doc for doc in index["docs"] if doc["location"].startswith("contributing.html")]
    assert "editors/completeness" not in (site / "index.html").read_text()
