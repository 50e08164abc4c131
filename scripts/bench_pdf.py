"""Time the whole-catalogue PDF against mkdocs-print-site-plugin + WeasyPrint on the same synthetic practices.

For each size a seeded corpus is written with make_corpus; then, alternating for --runs rounds:

ours      `python scripts/export_pdf.py --practices CORPUS -o OUT.pdf` (the catalogue alone)
all       `python scripts/export_pdf.py --practices CORPUS --all --downloads DIR` (catalogue, themes, partners)
baseline  what a MkDocs user would pick today: Material with mkdocs-print-site-plugin, docs/practices/<id>.md
          holding `# <title>`, the summary and the practice's Markdown body; `mkdocs build`, then
          `weasyprint -s fix.css site/print_page.html OUT.pdf`, where fix.css lays Material's flex containers
          out as blocks (WeasyPrint does not split a flex container across pages: without it, the whole
          catalogue comes out as one page). These tools are installed by the benchmark into their own
          virtual environment in a temporary folder (BASELINE), never into the project's.

Wall time is time.perf_counter around the commands; CPU time is the user and system time of every process
they waited for (resource.getrusage(RUSAGE_CHILDREN) before and after). Peak memory is the largest sum of the
resident set sizes of the command and all its descendants (read from /proc every 20 ms): the export lays
parts out in child processes, and their memory counts. Figures are medians over the runs; ratios are ours
over the baseline, measured side by side in one run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import make_corpus  # noqa: E402  (a sibling script)

BASELINE = ["mkdocs==1.6.1", "mkdocs-material==9.8.1", "mkdocs-print-site-plugin==2.9", "weasyprint==70.0"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
SAMPLE = 0.02


def _tree_rss_kb(root: int) -> int:
    """Return the summed resident memory (KB) of a process and all its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    members, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in members:
                members.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in members)


def run(commands: list[list[str]], cwd: Path, log: Path) -> tuple[float, float, int]:
    """Run commands one after another; return wall seconds, CPU seconds and peak summed memory (KB)."""
    peak = 0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        for argv in commands:
            process = subprocess.Popen(argv, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
            while process.poll() is None:
                peak = max(peak, _tree_rss_kb(process.pid))
                time.sleep(SAMPLE)
            if process.returncode != 0:
                raise RuntimeError(f"{' '.join(argv)} failed:\n{log.read_text(errors='replace')[-3000:]}")
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, usage.ru_utime + usage.ru_stime - cpu, peak


def baseline_python(folder: Path) -> Path:
    """Create the baseline's own virtual environment (once) and return its Python."""
    venv = folder / "baseline-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *BASELINE],
                       check=True)
    return python


def baseline_project(corpus: Path, project: Path) -> None:
    """Write the baseline's MkDocs project: one page per practice, with print-site."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from goodpractices import catalog as pipeline

    loaded, _ = pipeline.load(corpus, trees=True)
    pages = project / "docs" / "practices"
    pages.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Good practices\n\nThe catalogue.\n")
    for p in loaded.practices:
        body = make_corpus.body_of(corpus / f"{p.id}.md")
        (pages / f"{p.id}.md").write_text(f"# {p.title}\n\n{p.summary}\n\n{body}", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Good practices\nuse_directory_urls: false\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - print-site\n"
        "markdown_extensions: [abbr, admonition, attr_list, def_list, footnotes, tables, toc]\n")
    (project / "fix.css").write_text(".md-container, .md-main, .md-main__inner, .md-content, .md-grid "
                                     "{ display: block !important; }\n")


def measure_size(size: int, runs: int, seed: int, folder: Path, python: Path | None, do_all: bool) -> dict[str, Any]:
    """Measure ours, --all and the baseline (unless `python` is None) at one size; return medians, pages and
    ratios."""
    corpus = folder / f"corpus-{size}"
    make_corpus.main([str(size), str(corpus), "--seed", str(seed)])
    project = folder / f"baseline-{size}"
    ours_pdf, base_pdf = folder / f"ours-{size}.pdf", folder / f"baseline-{size}.pdf"
    jobs = {"ours": [[sys.executable, str(ROOT / "scripts" / "export_pdf.py"), "--practices", str(corpus),
                      "-o", str(ours_pdf)]]}
    if python is not None:
        baseline_project(corpus, project)
        jobs["baseline"] = [[str(python), "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(project / "site")],
                            [str(python), "-m", "weasyprint", "-s", str(project / "fix.css"),
                             str(project / "site" / "print_page.html"), str(base_pdf)]]
    if do_all:
        jobs["all"] = [[sys.executable, str(ROOT / "scripts" / "export_pdf.py"), "--practices", str(corpus),
                        "--all", "--downloads", str(folder / f"all-{size}")]]
    figures: dict[str, list[tuple[float, float, int]]] = {name: [] for name in jobs}
    for round_ in range(runs):
        for name, commands in jobs.items():
            print(f"  {size} practices, round {round_ + 1}: {name}", file=sys.stderr, flush=True)
            figures[name].append(run(commands, folder, folder / f"{name}-{size}.log"))
    result: dict[str, Any] = {}
    for name, values in figures.items():
        result[name] = {"wall_s": statistics.median(v[0] for v in values),
                        "cpu_s": statistics.median(v[1] for v in values),
                        "peak_mib": statistics.median(v[2] for v in values) / 1024}
    result["ours"]["pages"] = len(PdfReader(ours_pdf).pages)
    if "baseline" in result:
        result["baseline"]["pages"] = len(PdfReader(base_pdf).pages)
    for what in ("wall_s", "cpu_s", "peak_mib"):
        if "baseline" in result:
            result.setdefault("ratio", {})[what] = result["ours"][what] / result["baseline"][what]
        if "all" in result:
            result.setdefault("all_over_catalogue", {})[what] = result["all"][what] / result["ours"][what]
    return result


def report(results: dict[int, dict[str, Any]]) -> str:
    """Return the figures as a Markdown table."""
    lines = ["| practices | tool | pages | wall s | CPU s | peak MiB |", "|---:|---|---:|---:|---:|---:|"]
    for size, r in results.items():
        for name in ("ours", "all", "baseline"):
            if name in r:
                f = r[name]
                lines.append(f"| {size} | {name} | {f.get('pages', '')} | {f['wall_s']:.1f} | {f['cpu_s']:.1f} "
                             f"| {f['peak_mib']:.0f} |")
        if "ratio" in r:
            ratio = r["ratio"]
            lines.append(f"| {size} | **ours / baseline** | | **{ratio['wall_s']:.2f}×** | **{ratio['cpu_s']:.2f}×** "
                         f"| **{ratio['peak_mib']:.2f}×** |")
        if "all_over_catalogue" in r:
            a = r["all_over_catalogue"]
            lines.append(f"| {size} | all / ours | | {a['wall_s']:.2f}× | {a['cpu_s']:.2f}× | {a['peak_mib']:.2f}× |")
    return "\n".join(lines)


def bench(sizes: list[int], runs: int, seed: int, do_all: bool = True,
          baseline: bool = True) -> dict[int, dict[str, Any]]:
    """Measure every size side by side in one run; print and return the figures."""
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as temporary:
        folder = Path(temporary)
        python = baseline_python(folder) if baseline else None
        results = {size: measure_size(size, runs, seed, folder, python, do_all) for size in sizes}
    print(report(results))
    return results


def main(argv: list[str] | None = None) -> int:
    """Measure the PDF export against the baseline at the given sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda text: [int(s) for s in text.split(",")], default=[100, 1000])
    parser.add_argument("--runs", type=int, default=1, help="rounds per size (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-all", action="store_true", help="skip timing --all")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the baseline: time only the export (for sizes such as 5,000)")
    args = parser.parse_args(argv)
    bench(args.sizes, args.runs, args.seed, not args.no_all, not args.no_baseline)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
