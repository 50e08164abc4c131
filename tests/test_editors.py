"""scripts/validate.py for CI and editors: annotations inside GitHub Actions, and the completeness report."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess

from conftest import BODY, ROOT, practice


def _load_validate():
    import importlib.util

    spec = importlib.util.spec_from_file_location("validate_script", ROOT / "scripts/validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


VALIDATE = _load_validate()


def validate(project, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run scripts/validate.py's main() in this process, with GITHUB_ACTIONS set only as `env` says."""
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.pop("GITHUB_ACTIONS", None)
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = VALIDATE.main(["--practices", str(project.practices), *args])
    finally:
        os.environ.pop("GITHUB_ACTIONS", None)
        if saved is not None:
            os.environ["GITHUB_ACTIONS"] = saved
    return subprocess.CompletedProcess([], code, out.getvalue(), err.getvalue())


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
        "    missing fields: start, status, contact, budget\n"
        "    placeholder: The budget has not yet been documented.\n"
        "    placeholder: TODO: ask INMA.\n"
        "1 of 2 practices are complete.\n")


def test_the_report_prints_errors_instead_when_there_are_any(project):
    project.add("p.md", practice(theme="nope"))
    done = validate(project, "--report")
    assert done.returncode == 1
    assert done.stdout.startswith("practices/p.md:3: theme: 'nope' is not a known theme")
    assert "need work" not in done.stdout
