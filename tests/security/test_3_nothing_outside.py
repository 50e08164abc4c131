"""Promise 3: nothing outside the repository is read or published; no secret reaches the site or the logs."""

from __future__ import annotations

from conftest import VALID, practice

CANARY = "CANARY-7f3a9c1e-do-not-publish"


def test_symlinks_in_practices_are_refused(check, project, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(VALID)
    (project.practices / "linked.md").symlink_to(secret)
    assert check({}) == ["practices/linked.md:1: file: is a symbolic link (commit the file itself, not a link)"]


def test_symlinks_in_docs_are_refused(project, tmp_path):
    (project.docs / "environ.md").symlink_to("/proc/self/environ")
    (project.docs / "etc").symlink_to("/etc")
    done = project.build()
    assert done.returncode == 1
    assert "docs/environ.md: is a symbolic link (commit the file itself)" in done.stderr
    assert "docs/etc: is a symbolic link (commit the file itself)" in done.stderr
    assert not (project.root / "site").exists()


def test_no_canary_from_the_environment_or_outside_files_reaches_site_or_logs(project, tmp_path, monkeypatch):
    outside = tmp_path / "outside.txt"
    outside.write_text(CANARY)
    monkeypatch.setenv("DEPLOY_TOKEN", CANARY)
    body = ("## Description\n\n[secret](../../outside.txt) {{ environment }} {{ config }}\n\n"
            "## Resources needed\n\nx\n")
    project.add("p.md", practice(body=body))
    done = project.build()
    site = project.root / "site"
    logs = done.stdout + done.stderr
    assert CANARY not in logs
    for path in (site.rglob("*") if site.exists() else []):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), path


def test_links_out_of_the_site_fail_the_strict_build(project):
    project.add("p.md", practice(body="## Description\n\n[passwords](../../../../etc/passwd)\n"))
    done = project.build()
    assert done.returncode == 1
    assert "practices/p.md" in done.stderr and "../../../../etc/passwd" in done.stderr
