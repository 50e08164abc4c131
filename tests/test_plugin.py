"""The MkDocs plugin `goodpractices`: found by name, typed settings, and the state of each build kept on it.

These tests run MkDocs in this process, as `mkdocs serve` does, because what they check is what happens
between builds of one process: the content date of each build, the serve cache, nothing left in os.environ.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import export_pdf
import pytest
from conftest import ROOT, Project, practice
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin

from goodpractices import catalog as pipeline
from goodpractices.mkdocs.config import GoodPracticesConfig
from goodpractices.mkdocs.plugin import GoodPracticesPlugin


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts with no SOURCE_DATE_EPOCH, as a user's shell has (monkeypatch puts any back after)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _config(project: Project, site: Path):
    """Load the project's mkdocs.yml as `mkdocs build --strict` does."""
    return load_config(str(project.root / "mkdocs.yml"), site_dir=str(site), strict=True)


def _lastmods(site: Path) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text()))


def _updated(project: Project, date: str) -> None:
    project.add("p.md", practice(f'updated: "{date}"\n'))


def test_the_entry_point_names_the_plugin_class():
    (point,) = [p for p in entry_points(group="mkdocs.plugins") if p.name == "goodpractices"]
    assert point.value == "goodpractices.mkdocs.plugin:GoodPracticesPlugin"
    assert point.load() is GoodPracticesPlugin
    assert issubclass(GoodPracticesPlugin, BasePlugin)
    assert GoodPracticesPlugin.config_class is GoodPracticesConfig


def test_another_project_uses_it_by_name_with_no_hook_file(project: Project, tmp_path: Path):
    """A project outside this repository writes `plugins: [goodpractices]`: no path to this package's files."""
    project.add("p.md", practice())
    (project.root / "mkdocs.yml").write_text(
        "site_name: Elsewhere\nuse_directory_urls: false\ntheme: {name: material}\n"
        "plugins: [search, goodpractices]\n")
    (project.docs / "index.md").write_text("# Home\n")  # no macros plugin here: no {{ }} in pages
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                          cwd=project.root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "practices" / "p.html").read_text()
    assert "A valid practice title" in page
    assert (tmp_path / "out" / "themes" / "index.html").is_file()
    assert not (tmp_path / "out" / "downloads" / "good-practices.pdf").exists()  # pdfs: off by default


def test_two_builds_in_one_process_each_get_their_own_content_date(project: Project, tmp_path: Path):
    """As under `mkdocs serve`: the second build is dated by its own content, and the date is lent to MkDocs
    for the build only (SOURCE_DATE_EPOCH is gone from the environment after each build)."""
    dates = {}
    for n, date in enumerate(("2025-03-04", "2026-07-08")):
        _updated(project, date)
        config = _config(project, tmp_path / f"site-{n}")
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        dates[date] = _lastmods(tmp_path / f"site-{n}")
        assert "SOURCE_DATE_EPOCH" not in os.environ
    assert dates == {"2025-03-04": {"2025-03-04"}, "2026-07-08": {"2026-07-08"}}


def test_a_date_the_user_set_is_used_and_left_as_it_was(project: Project, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch):
    _updated(project, "2025-03-04")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    build(_config(project, tmp_path / "site"))
    assert _lastmods(tmp_path / "site") == {"2026-01-01"}
    assert os.environ["SOURCE_DATE_EPOCH"] == "1767225600"


def test_a_failed_build_takes_its_date_back_and_the_next_build_is_dated_anew(project: Project, tmp_path: Path,
                                                                             caplog: pytest.LogCaptureFixture):
    _updated(project, "2025-03-04")
    (project.docs / "practices").mkdir()
    (project.docs / "practices" / "p.md").write_text("# Hides the generated page\n")  # fails after on_config
    config = _config(project, tmp_path / "site")
    with pytest.raises(Abort, match="^Aborted with a BuildError!$"):
        build(config)
    assert caplog.messages[-1] == ("docs/practices/p.md: would hide the generated page practices/p.md "
                                   "(rename or remove it)")
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert config.plugins["goodpractices"].build is None  # its temporary downloads were removed
    (project.docs / "practices" / "p.md").unlink()
    _updated(project, "2026-07-08")
    build(_config(project, tmp_path / "site"))
    assert _lastmods(tmp_path / "site") == {"2026-07-08"}


def test_a_preview_keeps_checked_practices_between_rebuilds_and_a_build_does_not(project: Project,
                                                                                 tmp_path: Path):
    project.add("p.md", practice())
    project.add("q.md", practice(title="Second practice"))
    config = _config(project, tmp_path / "site")
    plugin = config.plugins["goodpractices"]
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        cache = plugin.cache
        first = {key[0]: checked for key, checked in cache.checked.items()}
        project.add("q.md", practice(title="Second practice, renamed"))
        config = _config(project, tmp_path / "site")  # MkDocs loads mkdocs.yml again at each rebuild ...
        assert config.plugins["goodpractices"] is plugin  # ... and keeps the plugin object, which has on_startup
        build(config)
        assert plugin.cache is cache
        second = {key[0]: checked for key, checked in cache.checked.items()}
        assert second["practices/p.md"] is first["practices/p.md"]  # not checked again
        assert second["practices/q.md"] is not first["practices/q.md"]
        assert "Second practice, renamed" in (tmp_path / "site" / "practices" / "q.html").read_text()
    finally:
        config.plugins.on_shutdown()
    assert plugin.cache is None
    config.plugins.on_startup(command="build", dirty=False)
    try:
        assert plugin.cache is None
    finally:
        config.plugins.on_shutdown()


def test_the_catalogue_is_checked_once_per_build(project: Project, tmp_path: Path, monkeypatch):
    """`make site` reads and checks the practices once, PDFs included (no second pipeline for the PDFs)."""
    project.add("p.md", practice())
    calls = []
    load = pipeline.build
    monkeypatch.setattr(pipeline, "build", lambda *args, **kwargs: calls.append(args[0]) or load(*args, **kwargs))
    (project.root / "mkdocs.yml").write_text((project.root / "mkdocs.yml").read_text().replace(
        "pdfs: !ENV [GOODPRACTICES_MAKE_PDFS, false]", "pdfs: true"))
    build(_config(project, tmp_path / "site"))
    assert calls == [project.practices]
    made = sorted((tmp_path / "site" / "downloads").glob("*.pdf"))
    assert [pdf.name for pdf in made] == ["good-practices.pdf", "partner-ecoplus.pdf", "theme-cmo-services.pdf"]
    # the same documents, byte for byte, as the stand-alone exporter makes from the same practices
    assert export_pdf.main(["--all", "--practices", str(project.practices), "--config-file",
                            str(project.root / "mkdocs.yml"), "--downloads", str(tmp_path / "exported")]) == 0
    assert {pdf.name: pdf.read_bytes() for pdf in made} == {
        pdf.name: pdf.read_bytes() for pdf in sorted((tmp_path / "exported").glob("*.pdf"))}


@pytest.mark.parametrize(("setting", "message"), [
    ("pdfs: maybe", "Expected type: <class 'bool'> but received: <class 'str'>"),
    ("practices: [a, b]", "Expected type: <class 'str'> but received: <class 'list'>"),
    ("colour: red", "Unrecognised configuration name: colour"),
])
def test_a_wrong_plugin_setting_is_named(project: Project, setting: str, message: str, caplog):
    text = (project.root / "mkdocs.yml").read_text()
    (project.root / "mkdocs.yml").write_text(text.replace(
        "      pdfs: !ENV [GOODPRACTICES_MAKE_PDFS, false]\n", f"      {setting}\n"))
    with caplog.at_level(logging.WARNING):
        try:
            load_config(str(project.root / "mkdocs.yml"), strict=True)
        except Abort:
            pass
    assert any(f"Plugin 'goodpractices' option '{setting.split(':')[0]}'" in r.getMessage() and
               message in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]


def test_site_settings_under_the_plugin_win_over_extra_and_are_named_when_wrong(project: Project, tmp_path: Path,
                                                                                caplog: pytest.LogCaptureFixture):
    project.add("p.md", practice())
    text = (project.root / "mkdocs.yml").read_text().replace(
        "      pdfs: !ENV [GOODPRACTICES_MAKE_PDFS, false]\n",
        "      licence: CC0 1.0\n      edit_base: https://example.org/edit/\n")
    (project.root / "mkdocs.yml").write_text(text)
    build(_config(project, tmp_path / "site"))
    page = (tmp_path / "site" / "practices" / "p.html").read_text()
    assert "https://creativecommons.org/publicdomain/zero/1.0/" in page
    assert 'href="https://example.org/edit/practices/p.md"' in page
    (project.root / "mkdocs.yml").write_text(text.replace("licence: CC0 1.0", "licence: {name: X, url: ftp://x}"))
    with pytest.raises(Abort, match="^Aborted with a BuildError!$"):
        build(_config(project, tmp_path / "site"))
    assert caplog.messages[-1] == ("mkdocs.yml: plugins.goodpractices.licence.url: expected an http(s) address, "
                                   "got 'ftp://x' (write it in full)")
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_make_sites_build_step_turns_the_pdfs_on_and_a_plain_build_does_not(project: Project, tmp_path: Path):
    """`scripts/build.py --pdfs` (what `make site` runs) makes every PDF in the one build; without it, none."""
    project.add("p.md", practice())
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GOODPRACTICES_MAKE_PDFS", None)
    for flag, site in (("--pdfs", tmp_path / "with"), ("", tmp_path / "without")):
        command = [sys.executable, str(ROOT / "scripts" / "build.py"), "-f", str(project.root / "mkdocs.yml"),
                   "-d", str(site), *([flag] if flag else [])]
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "with" / "downloads").glob("*.pdf")) == [
        "good-practices.pdf", "partner-ecoplus.pdf", "theme-cmo-services.pdf"]
    assert "good-practices.pdf" in (tmp_path / "with" / "downloads" / "index.html").read_text()
    assert not list((tmp_path / "without").rglob("*.pdf"))


def test_a_preview_rebuilds_when_a_practice_changes_with_no_watch_setting(project: Project, tmp_path: Path):
    """Another project lists no `watch:`: the plugin watches its practices folder under `mkdocs serve`."""
    import socket
    import time
    import urllib.request

    project.add("p.md", practice())
    text = (project.root / "mkdocs.yml").read_text()
    watch = re.search(r"\nwatch:\n(  - .*\n)+", text)
    assert watch is not None
    (project.root / "mkdocs.yml").write_text(text.replace(watch.group(), "\n"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/good-practices/practices/p.html"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project.root, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            return ""

    def wait_for(words: str) -> bool:
        deadline = time.monotonic() + 120  # a generous bound on a loaded machine: the test fails, not hangs
        while time.monotonic() < deadline and server.poll() is None:
            if words in page():
                return True
            time.sleep(0.2)
        return False

    try:
        assert wait_for("A valid practice title"), log.read_text()
        project.add("p.md", practice(title="A title edited during the preview"))
        assert wait_for("A title edited during the preview"), log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
