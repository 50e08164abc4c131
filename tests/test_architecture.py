"""ARCHITECTURE.md lists every module of hooks/ and scripts/ with its docstring's job, and names no other."""

from __future__ import annotations

import shutil
from pathlib import Path

import architecture
import pytest
from conftest import ROOT


def test_the_module_list_is_current() -> None:
    problems = architecture.check()
    assert not problems, "ARCHITECTURE.md is not current:\n" + "\n".join(problems)


def test_every_module_and_package_is_listed_with_its_job() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    listed = text.split(architecture.BEGIN)[1]
    modules = [path for tree in ("hooks", "scripts") for path in (ROOT / tree).rglob("*.py")
               if "__pycache__" not in path.parts]
    assert len(modules) > 40
    for path in modules:
        first_line = architecture.job(path)
        assert first_line, f"{path.relative_to(ROOT)} has no docstring"
        assert f"| `{path.name}` | {first_line.replace('|', chr(92) + '|')} |" in listed
        assert f"### `{path.parent.relative_to(ROOT).as_posix()}/`" in listed
    assert "](ARCHITECTURE.md)" in (ROOT / "README.md").read_text(encoding="utf-8")  # linked from the README


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small copy of the layout, with its ARCHITECTURE.md written by the script."""
    for name in ("hooks/goodpractices/mkdocs/__init__.py", "hooks/goodpractices/mkdocs/plugin.py",
                 "hooks/goodpractices/__init__.py", "hooks/goodpractices/load.py",
                 "hooks/goodpractices/render/__init__.py", "scripts/build.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "ARCHITECTURE.md").write_text(
        f"# Architecture\n\nThe adapter is hooks/goodpractices/mkdocs/plugin.py; load.py reads.\n\n{architecture.BEGIN}\n"
        f"{architecture.END}\n\nThe end.\n")
    architecture.write(tmp_path)
    assert architecture.check(tmp_path) == []
    return tmp_path


def test_the_generated_list_keeps_the_text_around_it(tree: Path) -> None:
    text = (tree / "ARCHITECTURE.md").read_text()
    assert text.startswith("# Architecture\n\nThe adapter is hooks/goodpractices/mkdocs/plugin.py; load.py reads.\n\n")
    assert text.endswith(f"{architecture.END}\n\nThe end.\n")
    assert "| `load.py` | Read practice and registry files: bytes to text, front matter to values with their " \
           "lines; nothing else. |" in text
    architecture.write(tree)
    assert (tree / "ARCHITECTURE.md").read_text() == text  # the same code gives the same page


def test_a_new_module_is_reported_with_the_line_to_add(tree: Path) -> None:
    (tree / "hooks/goodpractices/pdf").mkdir()
    (tree / "hooks/goodpractices/pdf/__init__.py").write_text('"""The catalogue as PDF documents."""\n')
    (tree / "hooks/goodpractices/pdf/outline.py").write_text('"""The PDF outline | bookmarks.\n\nMore text."""\n')
    (tree / "hooks/goodpractices/explore.py").write_text('"""The explore page\'s index, as a script."""\nX = 1\n')
    assert architecture.check(tree) == [
        "ARCHITECTURE.md: add this line under the heading ### `hooks/goodpractices/`: "
        "| `explore.py` | The explore page's index, as a script. |",
        "ARCHITECTURE.md: add this line as a new heading: ### `hooks/goodpractices/pdf/`",
        "ARCHITECTURE.md: add this line under the heading ### `hooks/goodpractices/pdf/`: "
        "| `__init__.py` | The catalogue as PDF documents. |",
        "ARCHITECTURE.md: add this line under the heading ### `hooks/goodpractices/pdf/`: "
        "| `outline.py` | The PDF outline \\| bookmarks. |",
        "(or run `.venv/bin/python scripts/architecture.py` to rewrite the module list)",
    ]
    architecture.write(tree)
    assert architecture.check(tree) == []


def test_a_removed_module_or_a_changed_job_is_reported_with_the_line_to_remove(tree: Path) -> None:
    (tree / "scripts/build.py").unlink()
    load = tree / "hooks/goodpractices/load.py"
    load.write_text(load.read_text().replace('"""Read practice and registry files', '"""Read practice files', 1))
    assert architecture.check(tree) == [
        "ARCHITECTURE.md: add this line under the heading ### `hooks/goodpractices/`: "
        "| `load.py` | Read practice files: bytes to text, front matter to values with their lines; nothing else. |",
        "ARCHITECTURE.md: remove this line (no such module or folder, or its docstring's first line changed): "
        "| `load.py` | Read practice and registry files: bytes to text, front matter to values with their lines; "
        "nothing else. |",
        "ARCHITECTURE.md: remove this line (no such module or folder, or its docstring's first line changed): "
        "| `build.py` | Build the site into a fresh folder and swap it into place only when the whole build "
        "succeeded. |",
        "(or run `.venv/bin/python scripts/architecture.py` to rewrite the module list)",
    ]


def test_a_module_without_a_docstring_or_a_stale_name_in_the_text_is_reported(tree: Path) -> None:
    (tree / "hooks/goodpractices/quick.py").write_text("# a comment is not a docstring\nX = 1\n")
    (tree / "hooks/goodpractices/load.py").rename(tree / "hooks/goodpractices/reading.py")
    problems = architecture.check(tree)
    assert problems[0] == ("hooks/goodpractices/quick.py: has no docstring "
                           "(start it with one line saying the module's single job)")
    assert ("ARCHITECTURE.md: names load.py, which is no file in hooks/, scripts/ or tests/ (correct the text)"
            in problems)
    assert architecture.main(["--check"]) == 0  # the repository itself is current


def test_a_folder_of_modules_must_be_a_package_and_a_module_is_checked_in_its_own_folder(tree: Path) -> None:
    (tree / "hooks/goodpractices/forms").mkdir()
    (tree / "hooks/goodpractices/forms/issue.py").write_text('"""The issue form."""\n')
    (tree / "hooks/goodpractices/render/load.py").write_text((tree / "hooks/goodpractices/load.py").read_text())
    (tree / "hooks/goodpractices/load.py").unlink()  # the same line, but now under render/
    assert architecture.check(tree) == [
        "hooks/goodpractices/forms/: is not a package (add an __init__.py whose docstring's first line says its job)",
        "ARCHITECTURE.md: add this line under the heading ### `hooks/goodpractices/render/`: "
        "| `load.py` | Read practice and registry files: bytes to text, front matter to values with their lines; "
        "nothing else. |",
        "ARCHITECTURE.md: remove this line (no such module or folder, or its docstring's first line changed): "
        "| `load.py` | Read practice and registry files: bytes to text, front matter to values with their lines; "
        "nothing else. |",
        "(or run `.venv/bin/python scripts/architecture.py` to rewrite the module list)",
    ]
    shutil.rmtree(tree / "hooks/goodpractices/render")
    assert "ARCHITECTURE.md: remove this line (no such module or folder, or its docstring's first line changed): " \
           "### `hooks/goodpractices/render/`" in architecture.check(tree)


def test_a_page_without_the_markers_is_reported(tree: Path) -> None:
    (tree / "ARCHITECTURE.md").write_text("# Architecture\n\nNo list here.\n")
    assert architecture.check(tree) == [
        "ARCHITECTURE.md: the module list's markers are missing "
        "(run `.venv/bin/python scripts/architecture.py`, which writes them)"]
