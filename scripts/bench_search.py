"""Time the header search in Chromium from a folder, side by side with plain Material's search on the same pages.

For each size a seeded corpus (make_corpus) is written and built twice, as `bench.py` does (benchmark/projects.py):
the full site (A, our sharded index and worker) and the baseline (B, plain Material with its lunr search, the
practices as plain pages), here with Material's offline plugin and the iframe-worker shim, so that its search
works from a folder at all. Each site is opened from its folder (file://) in Debian's Chromium, driven by
Playwright, with the network off (a request that would leave the folder fails, and the run stops with it). The
requests are watched, not intercepted: an interception (Playwright's route) holds every request, the folder's
own files too, until the bench's Python lets it go, which added a round trip through this script to each file
the search loads after the keystroke (the baseline loads its whole index before). For every query, in a fresh
browser context (nothing cached), on the home page:

first        the search box is clicked and the query typed at once, then one key (End, which Material searches
             on), as a reader who types fast: from the moment it is typed (the wall clock, since the page may
             be too busy to see the keys when they are pressed: Material's shim runs its worker in the page)
             to the panel's answer to it, the last answer before a second without any (an answer to an
             earlier state of the box may come first). Material writes "N matching documents" or "No matching documents" above the list for
             each answer; a MutationObserver sees it. This includes whatever the search loads and builds on
             first use (Material: its whole index), from the click into the box on.
later        then --keys more keystrokes (the last letter deleted, then typed again, in turn), each from its
             press to the panel's next answer, measured the same way.
bytes        the search's files the page loaded before its first results (search/, the worker, lunr), by
             their size on disk; and each site's search/ folder and whole size.

Queries (--queries): single words, two words, a typo and a name. Figures are medians over the queries (with
--rounds N, over every query timed N times on each site, the two sites in turn, so that one slow cold query
decides less). (The baseline's pages hold the practices' bodies only, so it may answer "No matching documents"
to a name or a typo: the time to that answer is what is measured.)
Targets (issue 21): first results at most 0.1 x plain Material at 1,000 practices and 0.05 x at 5,000; every
later keystroke at most 100 ms at 5,000; at most 2 KB loaded per practice at 5,000. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_explore import ARGS, CHROMIUM  # noqa: E402  (a sibling script)
from benchmark.projects import Workspace, prepare, site_figures  # noqa: E402
from benchmark.report import write_json  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHIM = "assets/vendor/iframe-worker/shim.js"
QUERIES = ("innovation", "cluster", "voucher scheme", "innovation audit", "inovation", "VLAIO")
SETTLE = 1000  # ms without a new answer after which the panel's last answer is the query's
LIMITS = {"ratio_1000": 0.1, "ratio_5000": 0.05, "later_ms": 100.0, "bytes_per_practice": 2048.0}

#: Installed before the page's scripts: the time of every answer in the search panel, and the answer.
PROBE = """
if (window === window.top) {  // not in the iframe of the worker shim, which runs the search from a folder
  window.__lists = []; window.__answers = [];
  document.addEventListener("DOMContentLoaded", () => {  // Material sets the count above the list per answer
    const meta = document.querySelector(".md-search-result__meta");
    new MutationObserver(() => {
      if (/matching/i.test(meta.textContent)) {
        window.__lists.push(performance.now());
        window.__answers.push(meta.textContent);
      }
    }).observe(meta, { childList: true, characterData: true, subtree: true });
  });
}
"""


def build(project: Path, site: Path) -> None:
    """Build a project with --strict into `site`, or stop with its error."""
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode != 0:
        raise RuntimeError(f"the build of {project.name} failed:\n{done.stderr[-2000:]}")


def offline_baseline(project: Path) -> None:
    """Let the baseline search from a folder as plain Material does: its offline plugin (search_index.js) and the
    iframe-worker shim, shipped with the site as this project ships it (the plugin would fetch it from a CDN)."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search", "offline"]
    config["extra"] = {"polyfills": [SHIM]}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    shutil.copytree(ROOT / "docs" / Path(SHIM).parent, project / "docs" / Path(SHIM).parent)


def searched(url: str) -> bool:
    """Whether a loaded file belongs to the search (its index, worker or lunr)."""
    return "/search/" in url or "/javascripts/workers/" in url or "/javascripts/lunr/" in url


def one_query(browser: Any, site: Path, query: str, keys: int, timeout: float) -> dict[str, Any]:
    """Time one query on a fresh page of `site`: first results, later keystrokes, bytes before first results."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    outside: list[str] = []
    loads: list[tuple[float, str]] = []
    context.on("request", lambda request: None if request.url.startswith(("file:", "data:", "blob:"))
               else outside.append(request.url))
    context.add_init_script(PROBE)
    page = context.new_page()
    page.on("requestfinished", lambda request: loads.append((time.perf_counter(), request.url)))
    page.goto((site / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    typed = time.time() * 1000  # the reader's clock: the page's may be busy when the text reaches it
    box.fill(query)
    box.press("End")
    try:
        page.wait_for_function("window.__lists.length > 0", timeout=timeout * 1000)
    except Exception as error:
        state = page.evaluate("[document.querySelector('.md-search-result__meta').textContent, window.__answers]")
        raise RuntimeError(f"no answer to {query!r} on {site.name} within {timeout:g} s: {state}") from error
    settled(page, SETTLE)
    seen = time.perf_counter()
    answered, answer = page.evaluate("[performance.timeOrigin + window.__lists.at(-1), window.__answers.at(-1)]")
    first = answered - typed
    loaded = sum(Path(unquote(urlparse(url).path)).stat().st_size for at, url in loads
                 if at <= seen and searched(url) and url.startswith("file:"))
    later = []
    for i in range(keys):
        count = page.evaluate("window.__lists.length")
        typed = time.time() * 1000
        box.press("Backspace" if i % 2 == 0 else query[-1])
        page.wait_for_function(f"window.__lists.length > {count}", timeout=timeout * 1000)
        settled(page, SETTLE)
        later.append(page.evaluate("performance.timeOrigin + window.__lists.at(-1)") - typed)
    context.close()
    if outside:
        raise RuntimeError(f"the page asked for {outside[:3]}")
    return {"first_ms": round(first, 1), "answer": answer, "later_ms": [round(t, 1) for t in later],
            "bytes": loaded}


def settled(page: Any, quiet_ms: int) -> None:
    """Wait until the panel has had no new answer for `quiet_ms`: the last answer is the one to the query as
    typed (an answer to an earlier state of the box may come first, as Material's does once its index is
    ready)."""
    while True:
        count = page.evaluate("window.__lists.length")
        page.wait_for_timeout(quiet_ms)
        if page.evaluate("window.__lists.length") == count:
            return


def measure(runs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The medians over every run of every query (each query timed once a round)."""
    every = [run for query_runs in runs.values() for run in query_runs]
    later = [t for run in every for t in run["later_ms"]]
    queries = {query: {**query_runs[0], "first_ms": round(statistics.median(r["first_ms"] for r in query_runs), 1),
                       "first_runs_ms": [r["first_ms"] for r in query_runs]} for query, query_runs in runs.items()}
    return {"queries": queries,
            "first_median_ms": round(statistics.median(r["first_ms"] for r in every), 1),
            "later_median_ms": round(statistics.median(later), 1) if later else None,
            "later_max_ms": max(later) if later else None,
            "bytes_median": round(statistics.median(r["bytes"] for r in every))}


def main(argv: list[str] | None = None) -> int:
    """Build both sites at every size, time the queries, print the figures against the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="practices, comma-separated (1000,5000)")
    parser.add_argument("--queries", default=",".join(QUERIES), help="comma-separated queries")
    parser.add_argument("--keys", type=int, default=4, help="later keystrokes timed per query (4)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="times each query is timed on each site, the sites in turn (1): the medians are over all")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for results (180)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    sizes = sorted({int(part) for part in args.sizes.split(",") if part.strip()})
    queries = [part.strip() for part in args.queries.split(",") if part.strip()]
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: install Debian's chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    figures: dict[str, Any] = {"queries": queries, "seed": args.seed, "rounds": max(1, args.rounds), "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in sizes:
            ws = Workspace(Path(tmp) / str(size), size)
            print(f"building {size} practices (full site and baseline) …", file=sys.stderr, flush=True)
            prepare(ws, args.seed)
            offline_baseline(ws.baseline)
            build(ws.full, ws.site("full"))
            build(ws.baseline, ws.site("baseline"))
            runs: dict[str, dict[str, list[dict[str, Any]]]] = {"full": {}, "baseline": {}}
            for _ in range(max(1, args.rounds)):
                for name, keys in (("full", args.keys), ("baseline", 0)):
                    for query in queries:
                        runs[name].setdefault(query, []).append(
                            one_query(browser, ws.site(name), query, keys, args.timeout))
            entry = {name: measure(runs[name]) for name in ("full", "baseline")}
            for name in ("full", "baseline"):
                entry[name].update(site_figures(ws.site(name)))
            entry["ratio"] = round(entry["full"]["first_median_ms"] / entry["baseline"]["first_median_ms"], 4)
            entry["bytes_per_practice"] = round(entry["full"]["bytes_median"] / size)
            entry["baseline_bytes_per_practice"] = round(entry["baseline"]["bytes_median"] / size)
            figures["sizes"][str(size)] = entry
        browser.close()
    print(report(figures))
    if args.json:
        write_json(args.json, figures)
    return 0


def report(figures: dict[str, Any]) -> str:
    """The figures as a table, with the targets that apply at each size."""
    lines = [f"Header search from file://, Chromium, corpus seed {figures['seed']}, median over "
             f"{len(figures['queries'])} queries ({', '.join(figures['queries'])}), "
             f"each timed {figures.get('rounds', 1)} time(s) on each site",
             "| practices | first results A / B (ms) | A/B | later keystroke A, median / max (ms) "
             "| bytes before first results per practice A / B |", "|---:|---:|---:|---:|---:|"]
    for size, entry in figures["sizes"].items():
        a, b = entry["full"], entry["baseline"]
        lines.append(f"| {int(size):,} | {a['first_median_ms']:,.0f} / {b['first_median_ms']:,.0f} | "
                     f"{entry['ratio']:.3f} | {a['later_median_ms']} / {a['later_max_ms']} | "
                     f"{entry['bytes_per_practice']:,} / {entry['baseline_bytes_per_practice']:,} |")
    lines += ["", "| practices | search/ folder MB A / B | whole site MB A / B |", "|---:|---:|---:|"]
    for size, entry in figures["sizes"].items():
        a, b = entry["full"], entry["baseline"]
        lines.append(f"| {int(size):,} | {a['search_index_bytes'] / 1e6:.1f} / {b['search_index_bytes'] / 1e6:.1f} | "
                     f"{a['output_bytes'] / 1e6:.1f} / {b['output_bytes'] / 1e6:.1f} |")
    for size, limit in (("1000", LIMITS["ratio_1000"]), ("5000", LIMITS["ratio_5000"])):
        if size in figures["sizes"]:
            value = figures["sizes"][size]["ratio"]
            lines.append(f"target: first results A/B ≤ {limit} at {int(size):,}: {value:.3f} "
                         f"{'met' if value <= limit else 'NOT MET'}")
    if "5000" in figures["sizes"]:
        entry = figures["sizes"]["5000"]
        later, per = entry["full"]["later_max_ms"], entry["bytes_per_practice"]
        lines.append(f"target: every later keystroke ≤ 100 ms at 5,000: max {later} ms "
                     f"{'met' if later is not None and later <= LIMITS['later_ms'] else 'NOT MET'}")
        lines.append(f"target: ≤ 2 KB loaded per practice at 5,000: {per:,} B "
                     f"{'met' if per <= LIMITS['bytes_per_practice'] else 'NOT MET'}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
