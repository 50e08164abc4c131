"""Promise 6: file names that collide, or that would hide or shadow a page, are refused."""

from __future__ import annotations

from conftest import VALID, practice


def test_upper_and_lower_case_twins_are_refused(check):
    problems = check({"X.md": VALID, "x.md": practice(title="Lower-case twin")})
    assert problems == ["practices/X.md:1: file name: 'X' is not a valid id (rename it to 'x.md': lowercase words "
                        "joined by single hyphens; but practices/x.md is another practice: give this one its own "
                        "name, or edit that file)",
                        "practices/x.md:1: file name: differs from practices/X.md only in case (Windows and macOS hold "
                        "one file for both: merge them, or give one another id)"]


def test_reserved_ids_are_refused(check):
    assert check({"index.md": VALID, "nul.md": practice(title="A device name")}) == [
        "practices/index.md:1: file name: 'index' is reserved for a page of the site (choose a descriptive id)",
        "practices/nul.md:1: file name: 'nul.md' is named like the Windows device NUL, which no file on Windows may "
        "be, whatever its extension (choose a descriptive id)"]


def test_a_docs_page_cannot_take_a_generated_url(project):
    project.add("p.md", VALID)
    (project.docs / "transferability").mkdir()
    (project.docs / "transferability" / "index.md").write_text("# Mine\n")
    done = project.build()
    assert done.returncode == 1
    assert ("docs/transferability/index.md: would hide the generated page transferability/index.md "
            "(rename or remove it)") in done.stderr
