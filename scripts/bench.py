"""Time the full site (A) against plain Material for MkDocs (B) on synthetic corpora of several sizes.

For each size a seeded corpus is written with make_corpus, then every measured step in STEPS runs once
per round, for --runs rounds, alternating (A, B, validate, A, B, validate, …), each as a subprocess:

A  full      the project: a temporary copy of mkdocs.yml (hook, overrides and watch paths made absolute,
             as tests/conftest.py does), docs/ copied from the repository, practices/ = the corpus;
             `python -m mkdocs build --strict -d SITE`.
B  baseline  plain Material with only the search plugin and the project's Markdown extensions: no hooks,
             no macros, no offline or tags plugin, `font: false`, `use_directory_urls: false`,
             `nav: [{Home: index.md}]` and `not_in_nav: /practices/`; docs/ = index.md plus
             docs/practices/<id>.md holding `# <title>` and the practice's Markdown body.
   validate  `python scripts/validate.py --practices CORPUS`.

The builds run without `-q`: with -q MkDocs drops warnings before counting them, so --strict would
not fail on them (see scripts/build.py). Their output goes to a log file instead of the console.

Live preview (sizes in --serve-at, default 1000): `mkdocs serve --strict` runs on each project (as
`make serve` does, on a free loopback port); once it serves, one practice's source file is edited --runs
times (a sentence with a fresh token appended) and the edit-to-rebuilt time is measured from the write to
the first response of that page holding the token. MkDocs holds page requests while it rebuilds, so that
response is the rebuilt site, as a browser reloading on the change would see it.

Wall time is time.perf_counter around the subprocess; CPU time is the user and system time of the
subprocess and every process it waited for (the full site's worker that cleans practice HTML included), from
resource.getrusage(RUSAGE_CHILDREN) before and after it. Peak memory is the child's maximum resident set
size as reported by GNU `/usr/bin/time -f %M` (kilobytes), the approach used on the reference machine;
where /usr/bin/time is missing, a small Python wrapper runs the same command in-process and reports
resource.getrusage(RUSAGE_SELF).ru_maxrss instead. The JSON says which probe was used.
Figures are medians over the runs. NO_MKDOCS_2_WARNING=1 and a fixed SOURCE_DATE_EPOCH are set.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import urlsplit
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402  (a sibling script)

from goodpractices import catalog  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TIME = Path("/usr/bin/time")
SOURCE_DATE_EPOCH = "1704067200"  # 2024-01-01T00:00:00Z
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}

#: Runs the command after the output file in-process and writes its peak RSS (KB) there: the fallback probe.
WRAPPER = """\
import resource, runpy, sys
out, argv = sys.argv[1], sys.argv[2:]
code = 0
try:
    if argv[1] == "-m":
        sys.argv = [argv[2], *argv[3:]]
        runpy.run_module(argv[2], run_name="__main__", alter_sys=True)
    else:
        sys.argv = argv[1:]
        runpy.run_path(argv[1], run_name="__main__")
except SystemExit as exit:
    code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
with open(out, "w") as f:
    f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.exit(code)
"""


@dataclass(frozen=True)
class Workspace:
    """The folders of one size's measurements, all under one temporary root."""

    root: Path
    size: int

    @property
    def corpus(self) -> Path:
        """The generated practices folder (with the registries)."""
        return self.root / "corpus"

    @property
    def full(self) -> Path:
        """The temporary copy of the project (A)."""
        return self.root / "full"

    @property
    def baseline(self) -> Path:
        """The plain Material project (B)."""
        return self.root / "baseline"

    def site(self, step: str) -> Path:
        """The output folder of a step."""
        return self.root / f"site-{step}"


@dataclass(frozen=True)
class Job:
    """One command to measure: its arguments, working folder and output folder (None if it writes none)."""

    argv: list[str]
    cwd: Path
    site: Path | None = None


@dataclass
class Runs:
    """The measurements of one step at one size."""

    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    site: dict[str, int] = field(default_factory=dict)


def mkdocs_build(project: Path, site: Path) -> Job:
    """Return the strict MkDocs build of `project` into `site`."""
    return Job([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], project, site)


def full_site(ws: Workspace) -> Job:
    """(A) the project's full site."""
    return mkdocs_build(ws.full, ws.site("full"))


def baseline_site(ws: Workspace) -> Job:
    """(B) plain Material with the search plugin only."""
    return mkdocs_build(ws.baseline, ws.site("baseline"))


def validate_only(ws: Workspace) -> Job:
    """The content check alone, as `make validate` runs it."""
    return Job([sys.executable, str(ROOT / "scripts" / "validate.py"), "--practices", str(ws.corpus)], ROOT)


#: The measured steps, in the order each round runs them; a new step (e.g. a PDF export) is one more line.
STEPS: dict[str, Callable[[Workspace], Job]] = {
    "full": full_site,
    "baseline": baseline_site,
    "validate": validate_only,
}
LABELS = {"full": "full (A)", "baseline": "baseline (B)", "validate": "validate"}


def full_config() -> str:
    """Return the repository's mkdocs.yml with its repository-relative paths made absolute."""
    text = ((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
            .replace("\n  - hooks/", f"\n  - {ROOT / 'hooks'}/")
            .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
            .replace("  - hooks\n", f"  - {ROOT / 'hooks'}\n"))
    if str(ROOT / "hooks" / "knowledge_base.py") not in text:
        raise RuntimeError("mkdocs.yml no longer names hooks/knowledge_base.py: update scripts/bench.py")
    return text


def baseline_config() -> str:
    """Return the baseline's mkdocs.yml: Material, search only, the project's Markdown extensions."""
    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": "Baseline",
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": project.get("markdown_extensions", []),
        "nav": [{"Home": "index.md"}],
        "not_in_nav": "/practices/\n",
    }
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def prepare(ws: Workspace, seed: int) -> None:
    """Write the corpus, the full project around it and the baseline project with the same pages."""
    make_corpus.write_corpus(ws.size, ws.corpus, seed)
    ws.full.mkdir(parents=True)
    (ws.full / "mkdocs.yml").write_text(full_config(), encoding="utf-8")
    shutil.copytree(ROOT / "docs", ws.full / "docs")
    shutil.copytree(ws.corpus, ws.full / "practices")
    result = catalog.build(ws.corpus)
    if result.catalog is None or result.problems:
        raise RuntimeError("the corpus does not validate:\n" + "\n".join(map(str, result.problems[:20])))
    pages = ws.baseline / "docs" / "practices"
    pages.mkdir(parents=True)
    (ws.baseline / "mkdocs.yml").write_text(baseline_config(), encoding="utf-8")
    (ws.baseline / "docs" / "index.md").write_text("# Home\n\nThe practices, as plain pages.\n", encoding="utf-8")
    for practice in result.catalog.practices:
        (pages / f"{practice.id}.md").write_text(f"# {practice.title}\n\n{practice.body}", encoding="utf-8")


def probe() -> str:
    """Name the peak-memory probe used here: 'gnu-time' or 'python-wrapper'."""
    return "gnu-time" if TIME.exists() else "python-wrapper"


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(job: Job, log: Path) -> tuple[float, float, int]:
    """Run a job once in a subprocess; return its wall seconds, CPU seconds and peak resident memory (KB)."""
    if job.site is not None:
        shutil.rmtree(job.site, ignore_errors=True)
    memory = log.with_suffix(".maxrss")
    if probe() == "gnu-time":
        argv = [str(TIME), "-f", "%M", "-o", str(memory), *job.argv]
    else:
        argv = [sys.executable, "-c", WRAPPER, str(memory), *job.argv]
    with log.open("w", encoding="utf-8") as out:
        start, cpu = time.perf_counter(), _cpu_of_children()
        done = subprocess.run(argv, cwd=job.cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        seconds, cpu = time.perf_counter() - start, _cpu_of_children() - cpu
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(job.argv)} failed with exit status {done.returncode}:\n{tail}")
    return seconds, cpu, int(memory.read_text().split()[-1])


@dataclass(frozen=True)
class Preview:
    """A project to preview, the practice source file to edit in it, and that practice's page."""

    project: Path
    source: Path
    page: str


def previews(ws: Workspace, practice_id: str) -> dict[str, Preview]:
    """Return the full site's and the baseline's preview of the same practice."""
    page = f"practices/{practice_id}.html"
    return {
        "full": Preview(ws.full, ws.full / "practices" / f"{practice_id}.md", page),
        "baseline": Preview(ws.baseline, ws.baseline / "docs" / "practices" / f"{practice_id}.md", page),
    }


def free_port() -> int:
    """Return a loopback port that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, deadline: float) -> str | None:
    """GET a page (None until the server answers), giving up with an error after the deadline."""
    if time.perf_counter() > deadline:
        raise RuntimeError(f"{url} did not answer in time")
    try:
        with urllib.request.urlopen(url, timeout=max(1.0, deadline - time.perf_counter())) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, token: str, present: bool, limit: float) -> None:
    """Wait until the page is served with `token` in it (present) or without it, for at most `limit` seconds."""
    deadline = time.perf_counter() + limit
    while True:
        page = fetch(url, deadline)
        if page is not None and (token in page) == present:
            return
        time.sleep(0.02)


def edit_to_rebuilt(preview: Preview, runs: int, log: Path, limit: float) -> list[float]:
    """Serve a project, edit one practice `runs` times and return the seconds until each edit is served."""
    port = free_port()
    # `mkdocs serve` serves the site under the path of its site_url, as it will be published.
    config = yaml.safe_load((preview.project / "mkdocs.yml").read_text(encoding="utf-8"))
    mount = urlsplit(config.get("site_url") or "/").path.rstrip("/")
    url = f"http://127.0.0.1:{port}{mount}/{preview.page}"
    original = preview.source.read_bytes()
    argv = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
    seconds: list[float] = []
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(argv, cwd=preview.project, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.perf_counter() + limit
            while fetch(url, deadline) is None:
                if server.poll() is not None:
                    raise RuntimeError(f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')[-3000:]}")
                time.sleep(0.1)
            for run in range(1, runs + 1):
                token = f"benchmark-edit-{run}-{time.time_ns()}"
                preview.source.write_bytes(original + f"\n\nEdited by the benchmark ({token}).\n".encode())
                start = time.perf_counter()
                wait_for(url, token, True, limit)
                seconds.append(time.perf_counter() - start)
        finally:
            preview.source.write_bytes(original)
            if len(seconds) == runs:
                # Let the restored source be rebuilt first: a rebuild still writing when MkDocs stops would
                # write into the temporary site after MkDocs has removed it.
                wait_for(url, token, False, limit)
            server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs then removes its temporary site
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return seconds


def site_figures(site: Path) -> dict[str, int]:
    """Return the output's total bytes, search index bytes and number of practice pages."""
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    index = site / "search" / "search_index.json"
    return {
        "output_bytes": total,
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
        "practice_pages": sum(1 for _ in (site / "practices").glob("*.html")),
    }


def measure_size(size: int, runs: int, seed: int, serve: bool) -> tuple[dict[str, Runs], dict[str, list[float]]]:
    """Generate a corpus of `size` practices and measure every step `runs` times, alternating; with
    `serve`, also the edit-to-rebuilt time of each project's live preview."""
    with tempfile.TemporaryDirectory(prefix=f"goodpractices-bench-{size}-") as tmp:
        ws = Workspace(Path(tmp), size)
        say(f"{size} practices: writing the corpus and the two projects")
        prepare(ws, seed)
        results = {name: Runs() for name in STEPS}
        for round_ in range(1, runs + 1):
            for name, step in STEPS.items():
                job = step(ws)
                seconds, cpu, peak = measure(job, ws.root / f"{name}.log")
                results[name].seconds.append(seconds)
                results[name].cpu_seconds.append(cpu)
                results[name].peak_kb.append(peak)
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


def say(message: str) -> None:
    """Report progress on stderr."""
    print(message, file=sys.stderr, flush=True)


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


def parse_sizes(text: str) -> list[int]:
    """Parse '100,1000' into sorted distinct positive sizes."""
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma-separated list of numbers") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Measure every size, print the tables and optionally write the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[100, 1000, 5000], help="default 100,1000,5000")
    parser.add_argument("--runs", type=int, default=3, help="rounds per size (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--serve-at", type=lambda text: [] if text == "none" else parse_sizes(text), default=[1000],
                        metavar="SIZES", help="sizes at which to time the live preview after an edit "
                                              "(default 1000; 'none' for none)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--explore", action="store_true",
                        help="time the explore page in Chromium instead (scripts/bench_explore.py; --seed, --json)")
    parser.add_argument("--pdf", action="store_true",
                        help="time the PDF export against print-site + WeasyPrint instead (see bench_pdf.py)")
    args = parser.parse_args(argv)
    if args.explore:
        import bench_explore  # a sibling script
        return bench_explore.main(["--seed", str(args.seed), *(["--json", str(args.json)] if args.json else [])])
    if args.pdf:
        import bench_pdf  # a sibling script

        bench_pdf.bench(args.sizes, args.runs, args.seed)
        return 0
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    results = {str(size): size_summary(size, *measure_size(size, args.runs, args.seed, size in args.serve_at))
               for size in args.sizes}
    lin = linearity(results)
    data = {"environment": environment(), "sizes": args.sizes, "runs": args.runs, "seed": args.seed,
            "serve_at": [size for size in args.sizes if size in args.serve_at],
            "steps": list(STEPS), "results": results, "linearity": lin, "targets": targets(results, lin)}
    print(report(data))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
