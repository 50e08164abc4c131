"""Run axe-core (pinned in package.json, installed by `make`) in a Playwright page: its findings of every impact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
IMPACTS = ("minor", "moderate", "serious", "critical")


def violations(page: Any, impacts: tuple[str, ...] = IMPACTS) -> list[dict]:
    """Return the axe-core violations of the page as loaded (of every impact, unless told), each with its rule
    id, impact, help text and the offending nodes' selectors and HTML."""
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE.name} is missing: run `make .venv/.installed` (npm ci installs axe-core)")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [{"target": n["target"], "html": n["html"][:200]} for n in v["nodes"]]}
            for v in result["violations"] if v["impact"] in impacts]
