"""Layers only point down: nothing below the MkDocs plugin (goodpractices/mkdocs/) imports mkdocs, and no output
but the web pages imports their renderer (goodpractices/render/)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "goodpractices"
ADAPTER = PACKAGE / "mkdocs"
#: The outputs beside the web pages, and what they all read (the reader vocabulary, the SVG drawers): none may
#: take anything from the web pages' renderer.
BESIDE_RENDER = ("pdf", "draw", "explore.py", "export.py", "figures.py", "partnermap.py", "reader.py")


def _below() -> list[Path]:
    """Every module of the package outside the adapter folder."""
    return sorted(path for path in PACKAGE.rglob("*.py") if ADAPTER not in path.parents)


def _package(path: Path) -> list[str]:
    """The dotted package a module is in, as parts: hooks/goodpractices/pdf/x.py is in goodpractices.pdf."""
    return list(path.relative_to(ROOT / "hooks").parent.parts)


def imports(text: str, package: list[str]) -> list[str]:
    """Return what a module of `package` imports, as `line: module`, in order (relative imports resolved;
    dynamic imports by a constant name included)."""
    found = []
    for node in ast.walk(ast.parse(text)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names = [f"{module}.{alias.name}" if module else alias.name for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names = [str(node.args[0].value)]
        found += [f"{node.lineno}: {name}" for name in names]
    return sorted(found, key=lambda line: int(line.split(":")[0]))


def _within(name: str, *packages: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def mkdocs_imports(text: str, package: list[str]) -> list[str]:
    """Return what a module of `package` imports of mkdocs or of the adapter folder, as `line: module`."""
    return [line for line in imports(text, package) if _within(line.split(": ")[1], "mkdocs", "goodpractices.mkdocs")]


def render_imports(text: str, package: list[str]) -> list[str]:
    """Return what a module of `package` imports of the web pages' renderer, as `line: module`."""
    return [line for line in imports(text, package) if _within(line.split(": ")[1], "goodpractices.render")]


def test_no_module_below_the_adapter_imports_mkdocs_or_the_adapter():
    modules = _below()
    assert len(modules) > 40 and PACKAGE / "pdf" / "engine.py" in modules
    offending = {path.relative_to(ROOT).as_posix(): found for path in modules
                 if (found := mkdocs_imports(path.read_text(encoding="utf-8"), _package(path)))}
    assert offending == {}


def test_the_check_sees_every_way_of_importing():
    """The checker itself: absolute, from-, relative (up to the adapter) and dynamic imports are all caught."""
    lines = ["import mkdocs.plugins", "from mkdocs import utils", "from ..mkdocs import plugin",
             "from ..mkdocs.state import Build", "import importlib; importlib.import_module('mkdocs.config')",
             "__import__('mkdocs')", "from .. import mkdocs", "from .. import model", "import markdown"]
    found = mkdocs_imports("\n".join(lines) + "\n", ["goodpractices", "render"])
    assert found == ["1: mkdocs.plugins", "2: mkdocs.utils", "3: goodpractices.mkdocs.plugin",
                     "4: goodpractices.mkdocs.state.Build", "5: mkdocs.config", "6: mkdocs", "7: goodpractices.mkdocs"]


def test_no_output_but_the_web_pages_imports_their_renderer():
    modules = [path for name in BESIDE_RENDER for path in
               (sorted((PACKAGE / name).rglob("*.py")) if (PACKAGE / name).is_dir() else [PACKAGE / name])]
    assert PACKAGE / "pdf" / "document.py" in modules and PACKAGE / "reader.py" in modules
    offending = {path.relative_to(ROOT).as_posix(): found for path in modules
                 if (found := render_imports(path.read_text(encoding="utf-8"), _package(path)))}
    assert offending == {}


def test_the_render_check_sees_relative_and_absolute_imports():
    lines = ["from ..render import money", "from ..render.rows import STAGE_LABELS", "from .. import render",
             "import goodpractices.render.figures", "from ..reader import money", "from ..renderer import x"]
    assert render_imports("\n".join(lines) + "\n", ["goodpractices", "pdf"]) == [
        "1: goodpractices.render.money", "2: goodpractices.render.rows.STAGE_LABELS", "3: goodpractices.render",
        "4: goodpractices.render.figures"]
    inside = "def f():\n    from .render.practice import unrecorded\n"  # a top-level module, importing late
    assert render_imports(inside, ["goodpractices"]) == ["2: goodpractices.render.practice.unrecorded"]


def test_importing_every_module_below_the_adapter_loads_no_mkdocs():
    names = [".".join(_package(path) + ([] if path.stem == "__init__" else [path.stem])) for path in _below()]
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules\n"
            "             if m == 'mkdocs' or m.startswith(('mkdocs.', 'goodpractices.mkdocs'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"
