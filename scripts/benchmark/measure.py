"""Run one command in a subprocess and measure its wall time, CPU time and peak resident memory."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

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
class Job:
    """One command to measure: its arguments, working folder, output folder (None if it writes none) and the
    environment variables it adds."""

    argv: list[str]
    cwd: Path
    site: Path | None = None
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Runs:
    """The measurements of one step at one size."""

    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    site: dict[str, int] = field(default_factory=dict)

    def add(self, seconds: float, cpu: float, peak: int) -> None:
        """Record one run."""
        self.seconds.append(seconds)
        self.cpu_seconds.append(cpu)
        self.peak_kb.append(peak)


def mkdocs_build(project: Path, site: Path, env: dict[str, str] | None = None) -> Job:
    """Return the strict MkDocs build of `project` into `site`.

    The builds run without `-q`: with -q MkDocs drops warnings before counting them, so --strict would not
    fail on them (see scripts/build.py). Their output goes to a log file instead of the console.
    """
    return Job([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], project, site, env or {})


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
        done = subprocess.run(argv, cwd=job.cwd, env={**ENV, **job.env}, stdout=out, stderr=subprocess.STDOUT)
        seconds, cpu = time.perf_counter() - start, _cpu_of_children() - cpu
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(job.argv)} failed with exit status {done.returncode}:\n{tail}")
    return seconds, cpu, int(memory.read_text().split()[-1])


def say(message: str) -> None:
    """Report progress on stderr."""
    print(message, file=sys.stderr, flush=True)
