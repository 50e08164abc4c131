"""The repository's GitHub automation: workflows, issue form, templates, code owners and the pre-commit hook."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, practice
from goodpractices import forms
from goodpractices.yamlread import parse

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent

#: What each workflow may do: its triggers, and the permissions of the workflow and of each job.
EXPECTED = {
    "pull-request.yml": ({"pull_request", "workflow_dispatch"}, {"contents": "read"}, {"check": None}),
    "pages.yml": ({"push"}, {}, {"build": {"contents": "read"},
                                 "deploy": {"pages": "write", "id-token": "write"}}),
    "practice-from-issue.yml": ({"issues"}, {}, {"convert": {"contents": "write", "pull-requests": "write",
                                                               "issues": "write", "actions": "write"}}),
}


def load(path: Path) -> dict:
    """Read YAML as GitHub does (1.2: the key `on` stays text)."""
    doc = parse(path.read_text(encoding="utf-8"))
    assert doc.problems == [], doc.problems
    return doc.data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def make_targets(text: str) -> set[str]:
    """Return the targets of every `make …` command in a shell script or console block."""
    return {word for line in text.splitlines() for match in re.finditer(r"(?:^|[;&|(]\s*)make ([a-z.][\w./-]*)",
                                                                           line.split("#")[0].strip())
            for word in [match.group(1)]}


def readme_commands() -> str:
    readme = (ROOT / "README.md").read_text()
    return "\n".join(re.findall(r"```console\n(.*?)```", readme, re.DOTALL))


def test_every_workflow_is_expected():
    assert [p.name for p in WORKFLOWS] == sorted(EXPECTED)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_triggers_and_permissions_are_no_more_than_stated(path):
    workflow = load(path)
    triggers, top, jobs = EXPECTED[path.name]
    assert set(workflow["on"]) == triggers
    assert workflow["permissions"] == top
    assert {name: job.get("permissions") for name, job in workflow["jobs"].items()} == jobs


def test_only_the_publishing_and_issue_workflows_write():
    writers = {p.name for p in WORKFLOWS if "write" in str(load(p))}
    assert writers == {"pages.yml", "practice-from-issue.yml"}
    assert load(GITHUB / "workflows/pages.yml")["on"] == {"push": {"branches": ["main"]}}
    assert load(GITHUB / "workflows/practice-from-issue.yml")["on"] == {"issues": {"types": ["labeled"]}}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_secrets_no_expressions_in_scripts_pinned_actions_no_persisted_credentials(path):
    text = path.read_text()
    assert "secrets." not in text and "pull_request_target" not in load(path)["on"]
    workflow = load(path)
    for step in steps(workflow):
        assert "${{" not in step.get("run", ""), step  # untrusted text reaches scripts through env only
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
            assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+\n", text)
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_workflows_run_the_readmes_make_commands():
    readme = make_targets(readme_commands())
    assert {"site", "test", "validate"} <= readme
    for path in WORKFLOWS:
        used = make_targets("\n".join(step.get("run", "") for step in steps(load(path))))
        assert used - {".venv/.installed"} <= readme, path.name  # the set-up stamp is what both commands start with
    pr = "\n".join(step.get("run", "") for step in steps(load(GITHUB / "workflows/pull-request.yml")))
    assert {"test", "site"} <= make_targets(pr)
    assert ".venv/bin/python scripts/validate.py" in pr
    assert "make site" in "\n".join(step.get("run", "") for step in steps(load(GITHUB / "workflows/pages.yml")))
    upload = [s for s in steps(load(GITHUB / "workflows/pull-request.yml")) if "upload-artifact" in s.get("uses", "")]
    assert upload[0]["with"]["path"] == "site/"


def test_make_site_builds_strictly():
    assert '"--strict"' in (ROOT / "scripts/build.py").read_text()


def test_the_issue_workflow_passes_issue_text_through_the_environment_only():
    workflow = load(GITHUB / "workflows/practice-from-issue.yml")
    job = workflow["jobs"]["convert"]
    assert job["if"] == f"github.event.label.name == '{forms.ACCEPTED}'"
    convert = next(s for s in job["steps"] if "issue_to_practice.py" in s.get("run", ""))
    assert convert["env"] == {"ISSUE_BODY": "${{ github.event.issue.body }}"}
    assert '"$ISSUE_BODY" > "$RUNNER_TEMP/issue-body.md"' in convert["run"]
    text = (GITHUB / "workflows/practice-from-issue.yml").read_text()
    assert "github.event.issue.title" not in text


def test_zizmor_finds_nothing():
    done = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", "--persona=auditor",
                           str(GITHUB / "workflows")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


@pytest.mark.parametrize(("schema", "paths"), [
    ("vendor.github-workflows", [str(p) for p in WORKFLOWS]),
    ("custom.github-workflows-require-timeout", [str(p) for p in WORKFLOWS]),
    ("vendor.github-issue-forms", [str(GITHUB / "ISSUE_TEMPLATE/new-practice.yml")]),
    ("vendor.github-issue-config", [str(GITHUB / "ISSUE_TEMPLATE/config.yml")]),
])
def test_github_files_match_githubs_schemas_offline(schema, paths):
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *paths],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_code_owners_guard_the_code():
    owners = {line.split()[0] for line in (GITHUB / "CODEOWNERS").read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    assert {"/hooks/", "/scripts/", "/.github/", "/overrides/", "/mkdocs.yml"} <= owners
    assert not any(owner.startswith("/practices/") and owner.endswith(".md") for owner in owners)


def test_the_pull_request_template_has_the_checklist():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text()
    assert text.count("- [ ] ") >= 5 and "make validate" in text


def test_the_pre_commit_hook_runs_the_validator_on_changed_practices(project):
    config = load(ROOT / ".pre-commit-config.yaml")
    (repo,) = config["repos"]
    hook = next(h for h in repo["hooks"] if h["id"] == "validate-practices")
    assert repo["repo"] == "local" and hook["pass_filenames"] is True
    assert re.match(hook["files"], "practices/new-one.md") and not re.match(hook["files"], "docs/index.md")
    bad = project.add("bad-one.md", practice(theme="INMA"))
    good = project.add("good-one.md", practice(title="Another valid title"))
    command = [*shlex.split(hook["entry"].replace(".venv/bin/python", sys.executable)), "--practices",
               str(project.practices)]
    done = subprocess.run([*command, str(good)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout
    done = subprocess.run([*command, str(good), str(bad)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout.startswith("practices/bad-one.md:3: theme: 'INMA' is not a known theme")


def test_the_pull_request_from_an_issue_gets_its_checks_without_a_maintainer():
    """The converting workflow starts the check on the new branch by workflow_dispatch (the one event a
    workflow's token may start), and the check validates the changed practices as a proposal."""
    convert = load(GITHUB / "workflows/practice-from-issue.yml")["jobs"]["convert"]
    opening = next(s for s in convert["steps"] if "gh pr create" in s.get("run", ""))
    assert opening["run"].rstrip().endswith('gh workflow run pull-request.yml --repo "$GITHUB_REPOSITORY" '
                                            '--ref "$branch"')
    assert "close and reopen" not in (GITHUB / "workflows/practice-from-issue.yml").read_text()
    assert set(opening["env"]) == {"GH_TOKEN", "ISSUE_NUMBER"}  # no text of the proposer's
    check = load(GITHUB / "workflows/pull-request.yml")
    assert check["on"]["workflow_dispatch"] is None
    validate = next(s for s in steps(check) if "scripts/validate.py" in s.get("run", ""))
    assert '.venv/bin/python scripts/validate.py --proposal "${changed[@]}"' in validate["run"]
