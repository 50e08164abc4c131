"""The measured steps of a size (full site, baseline, validate and the registered extras), run alternating."""

from __future__ import annotations

import importlib
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from goodpractices import catalog

from .measure import Job, Runs, measure, mkdocs_build, say
from .preview import edit_to_rebuilt, previews
from .projects import ROOT, Workspace, prepare, site_figures

Step = Callable[[Workspace], Job]


def full_site(ws: Workspace) -> Job:
    """(A) the project's full site."""
    return mkdocs_build(ws.full, ws.site("full"))


def baseline_site(ws: Workspace) -> Job:
    """(B) plain Material with the search plugin only."""
    return mkdocs_build(ws.baseline, ws.site("baseline"))


def validate_only(ws: Workspace) -> Job:
    """The content check alone, as `make validate` runs it."""
    return Job([sys.executable, str(ROOT / "scripts" / "validate.py"), "--practices", str(ws.corpus)], ROOT)


#: The steps every round runs, in this order.
STEPS: dict[str, Step] = {
    "full": full_site,
    "baseline": baseline_site,
    "validate": validate_only,
}


@dataclass(frozen=True)
class Extra:
    """A step measured only when asked for with `--<name>`: in scripts/<module>.py, a function
    `job(ws: Workspace) -> Job` (see benchmark.measure and benchmark.projects). Each round runs it after
    the steps above: ws.corpus holds the practices, ws.full the project built on them, ws.site("full") the
    site built this round; ws.site(name) is the place for its own output (emptied before each run)."""

    name: str
    module: str
    help: str

    def step(self) -> Step:
        """Import the module and return its job function."""
        return importlib.import_module(self.module).job


#: The extra steps, one line each, e.g. Extra("pdf", "bench_pdf", "also time the PDF export").
EXTRAS: list[Extra] = []


def measure_size(size: int, runs: int, seed: int, serve: bool, extras: Iterable[Extra] = ()
                 ) -> tuple[dict[str, Runs], dict[str, list[float]]]:
    """Generate a corpus of `size` practices and measure every step (and the extras) `runs` times,
    alternating; with `serve`, also the edit-to-rebuilt time of each project's live preview."""
    steps = {**STEPS, **{extra.name: extra.step() for extra in extras}}
    with tempfile.TemporaryDirectory(prefix=f"goodpractices-bench-{size}-") as tmp:
        ws = Workspace(Path(tmp), size)
        say(f"{size} practices: writing the corpus and the two projects")
        prepare(ws, seed)
        results = {name: Runs() for name in steps}
        for round_ in range(1, runs + 1):
            for name, step in steps.items():
                job = step(ws)
                seconds, cpu, peak = measure(job, ws.root / f"{name}.log")
                results[name].add(seconds, cpu, peak)
                if job.site is not None:
                    results[name].site = site_figures(job.site)
                say(f"{size} practices, round {round_}/{runs}: {name} {seconds:.2f} s, {peak / 1024:.0f} MB")
        edits: dict[str, list[float]] = {}
        if serve:
            practice_id = catalog.practice_files(ws.corpus)[size // 2].stem
            limit = 120 + 0.1 * size  # seconds for the first build, then for each rebuild
            for name, preview in previews(ws, practice_id).items():
                edits[name] = edit_to_rebuilt(preview, runs, ws.root / f"serve-{name}.log", limit)
                say(f"{size} practices: {name} preview rebuilt after an edit in "
                    + ", ".join(f"{s:.2f}" for s in edits[name]) + " s")
        return results, edits
