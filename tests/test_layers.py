"""Layers only point down: nothing in the package below its MkDocs plugin (goodpractices/mkdocs/) imports mkdocs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "goodpractices"
ADAPTER = PACKAGE / "mkdocs"


def _below() -> list[Path]:
    """Every module of the package outside the adapter folder."""
    return sorted(path for path in PACKAGE.rglob("*.py") if ADAPTER not in path.parents)


def _package(path: Path) -> list[str]:
    """The dotted package a module is in, as parts: hooks/goodpractices/pdf/x.py is in goodpractices.pdf."""
    return list(path.relative_to(ROOT / "hooks").parent.parts)


def mkdocs_imports(text: str, package: list[str]) -> list[str]:
    """Return what a module of `package` imports of mkdocs or of the adapter folder, as `line: module`, in
    order (relative imports resolved; dynamic imports by a constant name included)."""
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
        found += [f"{node.lineno}: {name}" for name in names
                  if name.split(".")[0] == "mkdocs" or name.startswith("goodpractices.mkdocs")]
    return sorted(found, key=lambda line: int(line.split(":")[0]))


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


def test_importing_every_module_below_the_adapter_loads_no_mkdocs():
    names = [".".join(_package(path) + ([] if path.stem == "__init__" else [path.stem])) for path in _below()]
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules\n"
            "             if m == 'mkdocs' or m.startswith(('mkdocs.', 'goodpractices.mkdocs'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"
