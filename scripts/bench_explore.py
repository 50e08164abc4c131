"""Time the explore page in Chromium on synthetic corpora: a facet click, the page's start, the index's size.

For each size a seeded corpus (make_corpus) is built into a full site with `mkdocs build --strict`, which
is opened from its folder (file://) in Debian's Chromium, driven by Playwright, with every request that would
leave the folder refused:

click        --clicks real mouse clicks on facet values (themes, countries, statuses and partners in turn, each
             clicked on and later off), each timed from the click event's time stamp to the next painted frame
             (a requestAnimationFrame callback, then a task after it), at the --click-size site; the median.
interactive  from the start of navigation to the frame that shows the cards and counts (the page's
             'gp-explore-painted' mark), median of --runs fresh page loads, at the --load-size site.
index        explore/index.js in bytes, and bytes per practice, at each size.

Targets (issue 10): click < 100 ms at 2,000 practices, interactive < 1 s at 5,000, index < 600 bytes per
practice. Printed, never asserted: the machine's load changes the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus  # noqa: E402  (a sibling script)
from benchmark.report import write_json  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
TARGETS = {"click_ms": 100.0, "interactive_ms": 1000.0, "bytes_per_practice": 600.0}

#: Installed in the page: times every click on a facet value from its event to the next painted frame.
PROBE = """() => {
  window.__clicks = [];
  document.getElementById("gp-explore-filters").addEventListener("click", (event) => {
    if (!event.target.matches("input")) return;
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__clicks.push(performance.now() - start)));
  });
}"""


def build_site(size: int, seed: int, root: Path) -> Path:
    """Write a corpus of `size` practices into a copy of the project under `root`, build it, return the site."""
    project = root / f"project-{size}"
    make_corpus.write_corpus(size, project / "practices", seed)
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        .replace("\n  - hooks/", f"\n  - {ROOT / 'hooks'}/")
        .replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        .replace("  - hooks\n", f"  - {ROOT / 'hooks'}\n"), encoding="utf-8")
    site = root / f"site-{size}"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode != 0:
        raise RuntimeError(f"the build of {size} practices failed:\n{done.stderr[-2000:]}")
    return site


def open_page(browser: Any, site: Path) -> tuple[Any, Any, list[str]]:
    """Open the explore page from its folder, refusing every request that would leave it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    context.route(lambda url: not url.startswith(("file:", "data:", "blob:")),
                  lambda route: (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto((site / "explore" / "index.html").as_uri())
    page.wait_for_function("performance.getEntriesByName('gp-explore-painted').length > 0")
    return context, page, outside


def interactive(browser: Any, site: Path, runs: int) -> list[float]:
    """Return the navigation-to-painted times of `runs` fresh loads, in ms."""
    times = []
    for _ in range(runs):
        context, page, outside = open_page(browser, site)
        times.append(page.evaluate("performance.getEntriesByName('gp-explore-painted')[0].startTime"))
        context.close()
        if outside:
            raise RuntimeError(f"the page asked for {outside[:3]}")
    return times


def clicks(browser: Any, site: Path, count: int) -> list[float]:
    """Return the click-to-next-frame times of `count` clicks on facet values, in ms."""
    context, page, outside = open_page(browser, site)
    page.evaluate(PROBE)
    values = page.locator("#gp-explore-filters").locator(
        ".gp-facet--theme label, .gp-facet--country label, .gp-facet--status label, .gp-facet--partner label")
    order = list(range(values.count()))
    done = 0
    while done < count:
        for i in order:
            if done >= count:
                break
            label = values.nth(i)
            if label.locator("input").is_disabled():
                continue
            label.click()
            label.click()  # and off again, so that the next value has results to count
            done += 2
    page.wait_for_function(f"window.__clicks.length >= {done}")
    times = page.evaluate("window.__clicks")
    context.close()
    if outside:
        raise RuntimeError(f"the page asked for {outside[:3]}")
    return times


def main(argv: list[str] | None = None) -> int:
    """Build the sites, measure, print the figures against the targets and optionally write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--click-size", type=int, default=2000, help="practices for the click timing (2000)")
    parser.add_argument("--load-size", type=int, default=5000, help="practices for the start timing (5000)")
    parser.add_argument("--clicks", type=int, default=20, help="clicks to time (20)")
    parser.add_argument("--runs", type=int, default=5, help="page loads to time (5)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if min(args.click_size, args.load_size, args.clicks, args.runs) < 1:
        parser.error("sizes, clicks and runs must be at least 1")
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: install Debian's chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    figures: dict[str, Any] = {"click_size": args.click_size, "load_size": args.load_size, "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="bench-explore-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in sorted({args.click_size, args.load_size}):
            print(f"building {size} practices …", file=sys.stderr, flush=True)
            site = build_site(size, args.seed, Path(tmp))
            index = (site / "explore" / "index.js").stat().st_size
            entry: dict[str, Any] = {"index_bytes": index, "bytes_per_practice": round(index / size, 1)}
            if size == args.click_size:
                times = clicks(browser, site, args.clicks)
                entry["click_ms"] = [round(t, 1) for t in times]
                entry["click_median_ms"] = round(statistics.median(times), 1)
            if size == args.load_size:
                times = interactive(browser, site, args.runs)
                entry["interactive_ms"] = [round(t, 1) for t in times]
                entry["interactive_median_ms"] = round(statistics.median(times), 1)
            figures["sizes"][str(size)] = entry
            shutil.rmtree(site.parent / f"project-{size}")
        browser.close()
    click = figures["sizes"][str(args.click_size)]["click_median_ms"]
    start = figures["sizes"][str(args.load_size)]["interactive_median_ms"]
    per = max(entry["bytes_per_practice"] for entry in figures["sizes"].values())
    rows = [("facet click → next frame", f"{args.click_size:,} practices", f"{click:.1f} ms", TARGETS["click_ms"],
             click),
            ("interactive from file://", f"{args.load_size:,} practices", f"{start:.0f} ms",
             TARGETS["interactive_ms"], start),
            ("explore index", "bytes per practice", f"{per:.0f} B", TARGETS["bytes_per_practice"], per)]
    figures["targets"] = {name: {"value": value, "limit": limit, "met": value < limit}
                          for name, (_, _, _, limit, value) in zip(TARGETS, rows)}
    print(f"Explore page, Chromium, corpus seed {args.seed} (median of {args.clicks} clicks, {args.runs} loads)")
    for label, where, shown, limit, value in rows:
        verdict = "met" if value < limit else "NOT MET"
        print(f"  {label:<26} {where:<20} {shown:>10}   target < {limit:g}: {verdict}")
    for size, entry in figures["sizes"].items():
        print(f"  explore/index.js at {int(size):,} practices: {entry['index_bytes']:,} bytes")
    if args.json:
        write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
