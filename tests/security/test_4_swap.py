"""Promise 4, the swap: a build killed at any point leaves a whole site (the previous or the new one), and the next
build removes what the killed one left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, VALID, practice

sys.path.insert(0, str(ROOT / "scripts"))
import build  # noqa: E402

#: Runs scripts/build.py, killed with SIGKILL at a chosen point (argv[1]) of the swap.
DRIVER = """
import os, signal, sys
sys.path.insert(0, {scripts!r})
import build

point, argv = sys.argv[1], sys.argv[2:]
real_exchange, real_rename = build.exchange, os.rename


def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


if point == "before-swap":
    build.swap_in = die
elif point == "after-exchange":
    def exchange(first, second):
        assert real_exchange(first, second)
        die()
    build.exchange = exchange
elif point.startswith("fallback-"):  # a system without an atomic exchange: die after the n-th rename
    build.exchange = lambda first, second: False
    done = []

    def rename(source, target):
        real_rename(source, target)
        done.append(source)
        if len(done) == int(point.split("-")[1]):
            die()
    build.os.rename = rename
elif point == "busy":  # site/ is a mount point: neither an exchange nor a rename can replace it
    def busy(*args):
        raise OSError(16, "Device or resource busy")
    build.exchange = build.os.rename = busy
raise SystemExit(build.main(argv))
"""

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}


def run(project, *prefix: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *prefix, "-f", str(project.root / "mkdocs.yml")], env=ENV,
                          capture_output=True, text=True, timeout=300)


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site."))


@pytest.mark.parametrize(("point", "survivor"), [
    ("before-swap", "old"),      # the new site is built, not yet in place
    ("after-exchange", "new"),   # swapped in one step; the old one waits to be removed
    ("fallback-1", None),        # without an exchange: between the two renames, no site/ until the next start
    ("fallback-2", "new"),
    ("fallback-3", "new"),
])
def test_a_build_killed_at_the_swap_loses_nothing_and_the_next_start_cleans_up(project, tmp_path, point, survivor):
    project.add("a.md", VALID)
    assert run(project, str(ROOT / "scripts/build.py")).returncode == 0
    site = project.root / "site"
    old = snapshot(site)
    project.add("b.md", practice(title="A second practice"))
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(scripts=str(ROOT / "scripts")))
    killed = run(project, str(driver), point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert leftovers(project)  # what the next build must clean up
    if survivor is None:
        assert not site.exists() and snapshot(project.root / ".site.old") == old
    after_kill = snapshot(site) if survivor else old

    project.add("broken.md", practice(title="Tiny"))  # the next build fails on content, and still cleans up
    failed = run(project, str(ROOT / "scripts/build.py"))
    assert failed.returncode == 1
    assert "practices/broken.md:2: title: is 4 characters long" in failed.stderr
    assert leftovers(project) == []
    assert snapshot(site) == after_kill

    (project.practices / "broken.md").unlink()
    assert run(project, str(ROOT / "scripts/build.py")).returncode == 0
    assert leftovers(project) == []
    new = snapshot(site)
    assert "practices/b.html" in new and "practices/b.html" not in old
    assert after_kill == (old if survivor in ("old", None) else new)


def test_a_site_that_cannot_be_replaced_is_an_error_that_keeps_it(project, tmp_path):
    project.add("a.md", VALID)
    assert run(project, str(ROOT / "scripts/build.py")).returncode == 0
    old = snapshot(project.root / "site")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(scripts=str(ROOT / "scripts")))
    done = run(project, str(driver), "busy")
    assert (done.returncode, done.stderr.splitlines()[-1]) == (1, (
        "build failed: site/ cannot be replaced (Device or resource busy); it was left as it was (build with "
        "--site-dir into a folder that is not a mount point)"))
    assert snapshot(project.root / "site") == old
    assert leftovers(project) == []


def test_the_swap_never_leaves_a_moment_without_the_site(tmp_path):
    if not _can_exchange(tmp_path):
        pytest.skip("this system has no atomic exchange; the fallback is tested above")
    target, staging = tmp_path / "site", tmp_path / ".site.new-test"
    for folder, text in ((target, "old"), (staging, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text)
    missing, seen, stop = [], set(), threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:
                seen.add((target / "index.html").read_text())
            except FileNotFoundError:
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for _ in range(2000):
            build.swap_in(staging, target)
    finally:
        stop.set()
        watcher.join()
    assert missing == []
    assert seen == {"old", "new"}


def _can_exchange(folder: Path) -> bool:
    (folder / "p").mkdir()
    (folder / "q").mkdir()
    return build.exchange(folder / "p", folder / "q")


def test_two_builds_at_once_take_turns(project):
    project.add("a.md", VALID)
    builds = [subprocess.Popen([sys.executable, str(ROOT / "scripts/build.py"), "-f", str(project.root / "mkdocs.yml")],
                               env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    assert [b.wait(timeout=300) for b in builds] == [0, 0]
    assert leftovers(project) == []
    assert (project.root / "site/practices/a.html").exists()


def test_a_bad_source_date_epoch_is_a_usage_error(project):
    done = subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "-f", str(project.root / "mkdocs.yml")],
                          env={**ENV, "SOURCE_DATE_EPOCH": "yesterday"}, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (2, "SOURCE_DATE_EPOCH must be a number of seconds, not 'yesterday'\n")


def test_the_site_folder_is_readable_as_mkdir_makes_it(tmp_path):
    """mkdtemp makes a private (0700) folder: a web server's user could not read the swapped-in site."""
    import os
    import subprocess
    import sys

    from conftest import ROOT, Project, practice

    project = Project(tmp_path / "project")
    project.add("p.md", practice())
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--config-file",
                           str(project.root / "mkdocs.yml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert (project.root / "site").stat().st_mode & 0o777 == 0o777 & ~umask
