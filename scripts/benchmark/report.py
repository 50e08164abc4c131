"""The figures of a benchmark run: medians, ratios against the baseline, linearity, targets and the tables."""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import os
import platform
import statistics
from pathlib import Path
from typing import Any

from .measure import Runs, probe


def step_summary(runs: Runs, size: int) -> dict[str, Any]:
    """Return the medians (and the raw runs) of one step at one size."""
    seconds = statistics.median(runs.seconds)
    summary: dict[str, Any] = {
        "seconds": round(seconds, 4),
        "seconds_runs": [round(s, 4) for s in runs.seconds],
        "ms_per_practice": round(1000 * seconds / size, 3),
        "cpu_seconds": round(statistics.median(runs.cpu_seconds), 4),
        "cpu_seconds_runs": [round(s, 4) for s in runs.cpu_seconds],
        "peak_mb": round(statistics.median(runs.peak_kb) / 1024, 1),
        "peak_kb_runs": runs.peak_kb,
    }
    if runs.site:
        summary.update(runs.site)
        summary["search_bytes_per_practice"] = round(runs.site["search_index_bytes"] / size)
    return summary


def ratio(a: float, b: float) -> float | None:
    """Return a/b rounded, or None if b is zero."""
    return round(a / b, 3) if b else None


def size_summary(size: int, runs: dict[str, Runs], edits: dict[str, list[float]]) -> dict[str, Any]:
    """Return every figure of one size, with the A/B ratios."""
    steps = {name: step_summary(r, size) for name, r in runs.items()}
    a, b = steps["full"], steps["baseline"]
    serve = {name: {"seconds": round(statistics.median(s), 4), "seconds_runs": [round(x, 4) for x in s]}
             for name, s in edits.items()}
    if serve:
        serve["ratio"] = ratio(serve["full"]["seconds"], serve["baseline"]["seconds"])
    return {
        "practices": size,
        "steps": steps,
        "serve_edit_to_rebuilt": serve,
        "ratios": {
            "seconds": ratio(a["seconds"], b["seconds"]),
            "cpu_seconds": ratio(a["cpu_seconds"], b["cpu_seconds"]),
            "peak_memory": ratio(a["peak_mb"], b["peak_mb"]),
            "output_bytes": ratio(a["output_bytes"], b["output_bytes"]),
            "search_index_bytes": ratio(a["search_index_bytes"], b["search_index_bytes"]),
        },
    }


def linearity(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Return t(largest)/t(second largest) per build step, with the size ratio and the ratio per size."""
    sizes = sorted(int(s) for s in results)
    if len(sizes) < 2:
        return {}
    small, large = sizes[-2], sizes[-1]
    figures: dict[str, Any] = {"from": small, "to": large, "size_ratio": round(large / small, 3)}
    for name in ("full", "baseline"):
        time_ratio = results[str(large)]["steps"][name]["seconds"] / results[str(small)]["steps"][name]["seconds"]
        figures[name] = {"time_ratio": round(time_ratio, 3), "per_size": round(time_ratio / (large / small), 3)}
    return figures


def targets(results: dict[str, dict[str, Any]], lin: dict[str, Any]) -> list[dict[str, Any]]:
    """Check the performance targets that the measured sizes allow."""
    checks: list[dict[str, Any]] = []

    def check(name: str, value: float | None, limit: float) -> None:
        if value is not None:
            checks.append({"target": name, "value": round(value, 3), "limit": limit, "met": value <= limit})

    for size in (1000, 5000):
        if str(size) in results:
            check(f"full/baseline build time at {size}", results[str(size)]["ratios"]["seconds"], 1.10)
    if "5000" in results:
        check("full/baseline peak memory at 5000", results["5000"]["ratios"]["peak_memory"], 1.3)
    if lin and (lin["from"], lin["to"]) == (1000, 5000):
        check("t(5000)/t(1000), full site", lin["full"]["time_ratio"], 5.3)
    if "1000" in results:
        check("validate seconds at 1000", results["1000"]["steps"]["validate"]["seconds"], 1.0)
        if results["1000"]["serve_edit_to_rebuilt"]:  # "adds nothing noticeable", read as the build's 10%
            check("full/baseline serve edit-to-rebuilt at 1000", results["1000"]["serve_edit_to_rebuilt"]["ratio"], 1.10)
    return checks


def environment() -> dict[str, Any]:
    """Return the versions and the machine the figures were measured with."""
    def version(package: str) -> str:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "mkdocs-macros-plugin": version("mkdocs-macros-plugin"),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "memory_probe": probe(),
    }


def table(size: int, figures: dict[str, Any], runs: int) -> str:
    """Return the printed table of one size."""
    a, b, v = (figures["steps"][name] for name in ("full", "baseline", "validate"))
    r = figures["ratios"]

    def row(label: str, left: Any, right: Any = "", both: Any = "") -> str:
        return f"  {label:<26}{left!s:>12}{right!s:>15}{both!s:>8}"

    lines = [
        f"{size} practices (median of {runs} run{'s' if runs != 1 else ''})",
        row("", "full (A)", "baseline (B)", "A/B"),
        row("build seconds", f"{a['seconds']:.2f}", f"{b['seconds']:.2f}", r["seconds"]),
        row("ms per practice", f"{a['ms_per_practice']:.1f}", f"{b['ms_per_practice']:.1f}"),
        row("CPU seconds", f"{a['cpu_seconds']:.2f}", f"{b['cpu_seconds']:.2f}", r["cpu_seconds"]),
        row("peak memory MB", f"{a['peak_mb']:.0f}", f"{b['peak_mb']:.0f}", r["peak_memory"]),
        row("output MB", f"{a['output_bytes'] / 1e6:.1f}", f"{b['output_bytes'] / 1e6:.1f}", r["output_bytes"]),
        row("search index KB", f"{a['search_index_bytes'] / 1e3:.0f}", f"{b['search_index_bytes'] / 1e3:.0f}",
            r["search_index_bytes"]),
        row("search bytes per practice", a["search_bytes_per_practice"], b["search_bytes_per_practice"]),
        row("validate seconds", f"{v['seconds']:.2f}"),
    ]
    lines += [row(f"{name} seconds", f"{step['seconds']:.2f}") for name, step in figures["steps"].items()
              if name not in ("full", "baseline", "validate")]
    serve = figures["serve_edit_to_rebuilt"]
    if serve:
        lines.insert(3, row("serve edit-to-rebuilt s", f"{serve['full']['seconds']:.2f}",
                            f"{serve['baseline']['seconds']:.2f}", serve["ratio"]))
    return "\n".join(lines)


def report(data: dict[str, Any]) -> str:
    """Return the whole printed report: one table per size, the linearity figure and the targets."""
    parts = [table(int(size), figures, data["runs"]) for size, figures in data["results"].items()]
    lin = data["linearity"]
    if lin:
        parts.append(f"linearity t({lin['to']})/t({lin['from']}) (size ratio {lin['size_ratio']}): "
                     f"full {lin['full']['time_ratio']} ({lin['full']['per_size']} per size), "
                     f"baseline {lin['baseline']['time_ratio']} ({lin['baseline']['per_size']} per size)")
    checks = [f"target {t['target']}: {t['value']} (≤ {t['limit']}) {'met' if t['met'] else 'NOT MET'}"
              for t in data["targets"]]
    if checks:
        parts.append("\n".join(checks))
    return "\n\n".join(parts)


def write_json(path: Path, figures: dict[str, Any]) -> None:
    """Write a run's figures as JSON, keys sorted and indented, so that two runs compare line by line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
