"""Time the full site (A) against plain Material for MkDocs (B) on synthetic corpora of several sizes.

For each size a seeded corpus is written with make_corpus, then every measured step in STEPS runs once
per round, for --runs rounds, alternating (A, B, validate, A, B, validate, …), each as a subprocess:

A  full      the project: a temporary copy of mkdocs.yml (hook, overrides and watch paths made absolute,
             benchmark/projects.py, which tests/conftest.py uses too), docs/ copied from the repository, practices/ = the corpus;
             `python -m mkdocs build --strict -d SITE`.
B  baseline  plain Material with only the search plugin and the project's Markdown extensions: no hooks,
             no macros, no offline or tags plugin, `font: false`, `use_directory_urls: false`,
             `nav: [{Home: index.md}]` and `not_in_nav: /practices/`; docs/ = index.md plus
             docs/practices/<id>.md holding `# <title>` and the practice's Markdown body.
   validate  `python scripts/validate.py --practices CORPUS`.

Byte-compiled: before anything is timed, the project's own modules (hooks/) are compiled to bytecode, as pip
compiles the installed packages the baseline runs on (MkDocs, Material, Markdown). An editable install is not
compiled, and where PYTHONDONTWRITEBYTECODE is set every timed build would compile them from source again.

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

With --ablate the full site alone is built, once with every speed mechanism on and once with each switched
off in turn (alternating, in reverse order every other round), and the table says what each one buys in
wall time, CPU time and peak memory; scripts/benchmark/switches.py says what "off" means for each.

The steps live in the `benchmark` package beside this script: projects (the corpus, full and baseline
projects), measure (one run), steps (the steps of a size, and EXTRAS: the steps measured only when asked
for, each `--<name>` and one line there), preview, ablation and switches, report.
"""

from __future__ import annotations

import argparse
import compileall
from pathlib import Path

from benchmark import ablation, report, steps
from benchmark.projects import ROOT
from benchmark.switches import SWITCHES


def parse_sizes(text: str) -> list[int]:
    """Parse '100,1000' into sorted distinct positive sizes."""
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma-separated list of numbers") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def parse_mechanisms(text: str) -> list[str]:
    """Parse 'all' or a comma-separated list of mechanism names."""
    names = list(SWITCHES) if text == "all" else [part.strip() for part in text.split(",") if part.strip()]
    unknown = [name for name in names if name not in SWITCHES] if names else [text]
    if unknown:
        raise argparse.ArgumentTypeError(f"'{', '.join(unknown)}' is not a mechanism; use 'all' or some of: "
                                          + ", ".join(SWITCHES))
    return names


def compare(args: argparse.Namespace) -> dict[str, object]:
    """Measure the full site against the baseline at every size and print the tables; return the figures."""
    extras = [extra for extra in steps.EXTRAS if getattr(args, extra.name)]
    results = {}
    for size in args.sizes:
        runs, edits = steps.measure_size(size, args.runs, args.seed, size in args.serve_at, extras)
        results[str(size)] = report.size_summary(size, runs, edits)
    lin = report.linearity(results)
    data = {"environment": report.environment(), "sizes": args.sizes, "runs": args.runs, "seed": args.seed,
            "serve_at": [size for size in args.sizes if size in args.serve_at],
            "steps": [*steps.STEPS, *(extra.name for extra in extras)], "results": results, "linearity": lin,
            "targets": report.targets(results, lin)}
    print(report.report(data))
    return data


def ablate(args: argparse.Namespace) -> dict[str, object]:
    """Measure what each speed mechanism buys at every size and print the tables; return the figures."""
    results = {str(size): ablation.summary(ablation.measure_ablation(size, args.runs, args.seed, args.ablate))
               for size in args.sizes}
    data = {"environment": report.environment(), "sizes": args.sizes, "runs": args.runs, "seed": args.seed,
            "mechanisms": args.ablate, "results": results, "small_gains": ablation.small_gains(results)}
    print(ablation.report(data))
    return data


def main(argv: list[str] | None = None) -> int:
    """Measure every size, print the tables and optionally write the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, help="default 100,1000,5000 (1000,5000 with --ablate)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per size (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--serve-at", type=lambda text: [] if text == "none" else parse_sizes(text), default=[1000],
                        metavar="SIZES", help="sizes at which to time the live preview after an edit "
                                              "(default 1000; 'none' for none)")
    parser.add_argument("--ablate", type=parse_mechanisms, nargs="?", const="all", metavar="MECHANISMS",
                        help="instead, build the full site with each speed mechanism off in turn ('all', the "
                             f"default, or some of: {', '.join(SWITCHES)})")
    for extra in steps.EXTRAS:
        parser.add_argument(f"--{extra.name}", action="store_true", help=extra.help)
    parser.add_argument("--pdf", action="store_true",
                        help="instead, time the PDF export against print-site + WeasyPrint (bench_pdf.py)")
    parser.add_argument("--explore", action="store_true",
                        help="instead, time the explore page in Chromium (bench_explore.py; --seed, --json)")
    parser.add_argument("--search", action="store_true",
                        help="instead, time the header search in Chromium against plain Material's "
                             "(bench_search.py; --sizes, default 1000,5000; --runs, each query timed that many "
                             "times on each site; --seed, --json)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)
    if args.search:
        import bench_search  # measured in a browser, against the baseline site of the same pages
        return bench_search.main(["--seed", str(args.seed), "--sizes", ",".join(map(str, args.sizes or [1000, 5000])),
                                  "--rounds", str(args.runs), *(["--json", str(args.json)] if args.json else [])])
    if args.explore:
        import bench_explore  # measured in a browser, on corpora of its own sizes
        return bench_explore.main(["--seed", str(args.seed), *(["--json", str(args.json)] if args.json else [])])
    if args.pdf:
        import bench_pdf  # against a baseline environment of its own
        bench_pdf.bench(args.sizes or [100, 1000], args.runs, args.seed)
        return 0
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.sizes is None:
        args.sizes = [1000, 5000] if args.ablate else [100, 1000, 5000]
    compileall.compile_dir(str(ROOT / "hooks"), quiet=1)  # see byte-compiled above
    data = ablate(args) if args.ablate else compare(args)
    if args.json:
        report.write_json(args.json, data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
