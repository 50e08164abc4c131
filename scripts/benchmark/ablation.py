"""Ablation: build one corpus with each speed mechanism switched off in turn and compare with all of them on."""

from __future__ import annotations

import fnmatch
import statistics
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import make_corpus

from .measure import Runs, measure, mkdocs_build, say
from .projects import Workspace, copy_project
from .switches import SWITCHES, VARIABLE

HOOK = Path(__file__).with_name("switches.py")
ALL_ON = "all-on"
#: A mechanism earns its place if switching it off costs at least this share of wall time or of peak memory.
THRESHOLD = 0.03


def rounds(variants: Sequence[str], runs: int) -> Iterator[tuple[int, str]]:
    """Yield (round, variant) for `runs` rounds: every variant once a round, every other round in reverse,
    so that a drift of the machine's speed weighs on all variants alike."""
    for round_ in range(1, runs + 1):
        for name in variants if round_ % 2 else reversed(variants):
            yield round_, name


def differences(site: Path, reference: Path) -> list[str]:
    """Return the files of `site` that are not in `reference` or differ from it in more than white space, and
    the files missing from `site`."""
    files = {path.relative_to(site) for path in site.rglob("*") if path.is_file()}
    expected = {path.relative_to(reference) for path in reference.rglob("*") if path.is_file()}
    return sorted(str(name) for name in files ^ expected) + sorted(
        str(name) for name in files & expected
        if b"".join((site / name).read_bytes().split()) != b"".join((reference / name).read_bytes().split()))


def measure_ablation(size: int, runs: int, seed: int, mechanisms: Sequence[str]) -> dict[str, Runs]:
    """Build a corpus of `size` practices with everything on and with each mechanism off, `runs` rounds;
    each round runs the variants in turn, in the reverse order of the round before. In the first round each
    site built with a mechanism off must be the all-on site, but for white space."""
    variants = [ALL_ON, *mechanisms]
    results = {name: Runs() for name in variants}
    with tempfile.TemporaryDirectory(prefix=f"goodpractices-ablate-{size}-") as tmp:
        ws = Workspace(Path(tmp), size)
        say(f"{size} practices: writing the corpus and the project with the benchmark's switches hook")
        make_corpus.write_corpus(size, ws.corpus, seed)
        copy_project(ws.full, ws.corpus, first_hooks=[HOOK])
        for round_, name in rounds(variants, runs):
            off = "" if name == ALL_ON else name
            log = ws.root / f"{name}.log"
            seconds, cpu, peak = measure(mkdocs_build(ws.full, ws.site(name), {VARIABLE: off}), log)
            if off and f"benchmark: {off} switched off" not in log.read_text(encoding="utf-8"):
                raise RuntimeError(f"the build with {off} off did not say it switched it off:\n"
                                   + log.read_text(encoding="utf-8")[-3000:])
            if off and round_ == 1:  # the all-on site was built first in this round
                changed = [path for path in differences(ws.site(name), ws.site(ALL_ON))
                           if not any(fnmatch.fnmatch(path, pattern) for pattern in SWITCHES[off].changes)]
                if changed:
                    raise RuntimeError(f"with {off} off the site differs from the all-on site in more than white "
                                       f"space: {', '.join(changed[:10])}")
            results[name].add(seconds, cpu, peak)
            say(f"{size} practices, round {round_}/{runs}: {off or 'nothing'} off: {seconds:.2f} s, "
                f"{cpu:.2f} s CPU, {peak / 1024:.0f} MB")
    return results


def _figure(values: Sequence[float], scale: float = 1.0) -> dict[str, Any]:
    return {"median": round(statistics.median(values) * scale, 3), "min": round(min(values) * scale, 3),
            "max": round(max(values) * scale, 3), "runs": [round(v * scale, 3) for v in values]}


def summary(results: dict[str, Runs]) -> dict[str, Any]:
    """Return each variant's medians, ranges and runs, and what each mechanism buys: (off − on) / on."""
    figures: dict[str, Any] = {}
    for name, runs in results.items():
        figures[name] = {"seconds": _figure(runs.seconds), "cpu_seconds": _figure(runs.cpu_seconds),
                         "peak_mb": _figure(runs.peak_kb, 1 / 1024)}
    on = figures[ALL_ON]
    for name, variant in figures.items():
        if name != ALL_ON:
            variant["buys"] = {key: round(variant[key]["median"] / on[key]["median"] - 1, 4)
                               for key in ("seconds", "cpu_seconds", "peak_mb")}
            variant["off"] = SWITCHES[name].off
    return figures


def small_gains(sizes: dict[str, dict[str, Any]]) -> list[str]:
    """Return the mechanisms that buy less than THRESHOLD of wall time and of peak memory at every size (not the
    features, whose Δ is what they cost)."""
    names = [name for name in next(iter(sizes.values()))
             if name != ALL_ON and not (name in SWITCHES and SWITCHES[name].changes)] if sizes else []
    return [name for name in names
            if all(figures[name]["buys"]["seconds"] < THRESHOLD and figures[name]["buys"]["peak_mb"] < THRESHOLD
                   for figures in sizes.values())]


def table(size: str, figures: dict[str, Any], runs: int) -> str:
    """Return the printed table of one size."""
    def row(*cells: str) -> str:
        widths = (20, 8, 9, 8, 16, 8)
        return f"  {cells[0]:<18}" + "".join(f"{cell:>{width}}" for cell, width in zip(cells[1:], widths))

    def cell(figure: dict[str, Any], digits: int) -> tuple[str, str]:
        return f"{figure['median']:.{digits}f}", f"[{figure['min']:.{digits}f}–{figure['max']:.{digits}f}]"

    lines = [f"{size} practices, each mechanism off in turn (median of {runs} run{'s' if runs != 1 else ''}, "
             "[range]; Δ = off against all on)",
             row("switched off", "wall s", "Δ wall", "CPU s", "Δ CPU", "peak MB", "Δ peak")]
    for name, variant in figures.items():
        wall, wall_range = cell(variant["seconds"], 2)
        peak, peak_range = cell(variant["peak_mb"], 0)
        buys = variant.get("buys")
        delta = (lambda key: f"{buys[key]:+.1%}") if buys else (lambda key: "")
        lines.append(row("none (all on)" if name == ALL_ON else name, f"{wall} {wall_range}", delta("seconds"),
                         f"{variant['cpu_seconds']['median']:.2f}", delta("cpu_seconds"),
                         f"{peak} {peak_range}", delta("peak_mb")))
    on = figures[ALL_ON]
    lines.append("  noise: the all-on runs spread over " + ", ".join(
        f"{spread(on[key]):.1%} of their median {label}" for key, label in
        (("seconds", "wall time"), ("cpu_seconds", "CPU time"), ("peak_mb", "peak memory"))))
    return "\n".join(lines)


def spread(figure: dict[str, Any]) -> float:
    """Return (max − min) / median of a figure's runs: a Δ smaller than this is within the machine's noise."""
    return (figure["max"] - figure["min"]) / figure["median"] if figure["median"] else 0.0


def report(data: dict[str, Any]) -> str:
    """Return the tables of every size, what "off" means, and the mechanisms that buy little."""
    parts = [table(size, figures, data["runs"]) for size, figures in data["results"].items()]
    parts.append('What "off" means:\n' + "\n".join(f"  {name}: {SWITCHES[name].off}" for name in data["mechanisms"]))
    sizes = ", ".join(data["results"])
    small = data["small_gains"]
    parts.append(f"Buy < {THRESHOLD:.0%} of wall time and < {THRESHOLD:.0%} of peak memory at every size "
                 f"measured ({sizes}): {', '.join(small) if small else 'none'}")
    return "\n\n".join(parts)
