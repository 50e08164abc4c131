"""The performance tooling: the synthetic corpus is valid and reproducible, and the benchmark runs end to end."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import bench
import make_corpus
import pytest
from benchmark import ablation, steps, switches
from conftest import ROOT
from goodpractices import catalog


def run_bench(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    """Run scripts/bench.py with a private temporary folder; return the finished process and its JSON."""
    out, temp = tmp_path / "out.json", tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), *args, "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr
    assert list(temp.iterdir()) == []  # the corpora, projects and the previews' temporary sites are gone
    return done, json.loads(out.read_text())


def test_the_corpus_is_valid_varied_and_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "one" / "practices", tmp_path / "two" / "practices"
    assert make_corpus.main(["30", str(first)]) == 0
    make_corpus.write_corpus(30, second, seed=1)

    result = catalog.build(first)
    assert [str(p) for p in result.problems] == []
    assert result.catalog is not None and len(result.catalog.practices) == 30
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)

    practices, registry = result.catalog.practices, result.catalog
    assert {p.theme for p in practices} == {t.key for t in registry.themes}
    assert {p.partner for p in practices} == {p.key for p in registry.partners}
    assert all(p.id.startswith(f"practice-{i:05d}-") for i, p in enumerate(practices, 1))
    assert len({p.title.casefold() for p in practices}) == 30
    assert all(120 <= len(p.summary) <= 400 for p in practices)
    assert all(600 <= len(make_corpus.body_of(first / f"{p.id}.md").split()) <= 900 for p in practices)
    assert any(p.transfers for p in practices) and any(p.inspired_by for p in practices)
    order = {p.id: i for i, p in enumerate(practices)}
    assert all(order[target] < order[p.id] for p in practices for target in p.inspired_by)
    registries = make_corpus.load_registries(ROOT / "practices")
    assert make_corpus.generate(30, registries, seed=2) != make_corpus.generate(30, registries, seed=1)


def test_the_benchmark_measures_both_sites(tmp_path: Path) -> None:
    done, data = run_bench(tmp_path, "--sizes", "8", "--runs", "1", "--serve-at", "8")
    assert data["sizes"] == [8] and data["runs"] == 1 and data["steps"] == ["full", "baseline", "validate"]
    figures = data["results"]["8"]
    for name in ("full", "baseline"):
        step = figures["steps"][name]
        assert step["seconds"] > 0 and step["peak_mb"] > 0 and step["cpu_seconds"] > 0
        assert step["practice_pages"] == 8
        assert step["search_index_bytes"] > 0 and step["output_bytes"] > step["search_index_bytes"]
    assert figures["steps"]["validate"]["seconds"] > 0
    assert figures["ratios"]["seconds"] > 0 and figures["ratios"]["cpu_seconds"] > 0
    serve = figures["serve_edit_to_rebuilt"]
    assert len(serve["full"]["seconds_runs"]) == len(serve["baseline"]["seconds_runs"]) == 1
    assert serve["full"]["seconds"] > 0 and serve["baseline"]["seconds"] > 0 and serve["ratio"] > 0
    assert data["environment"]["mkdocs"] and data["environment"]["cpu_count"]
    for label in ("8 practices", "build seconds", "CPU seconds", "serve edit-to-rebuilt"):
        assert label in done.stdout


def test_the_ablation_switches_each_mechanism_off_in_turn(tmp_path: Path) -> None:
    done, data = run_bench(tmp_path, "--ablate", "--sizes", "6", "--runs", "1")
    assert data["sizes"] == [6] and data["mechanisms"] == list(switches.SWITCHES)
    figures = data["results"]["6"]
    assert set(figures) == {"all-on", *switches.SWITCHES}
    for name, variant in figures.items():
        for key in ("seconds", "cpu_seconds", "peak_mb"):
            assert len(variant[key]["runs"]) == 1 and variant[key]["median"] > 0
        # each build said it switched its mechanism off and made the same site, or the run would have failed
        if name != "all-on":
            assert variant["off"] == switches.SWITCHES[name].off
            assert set(variant["buys"]) == {"seconds", "cpu_seconds", "peak_mb"}
    assert set(data["small_gains"]) <= set(switches.SWITCHES)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("6 practices, each mechanism off in turn (median of 1 run")
    assert "  noise: the all-on runs spread over 0.0% of their median wall time, 0.0% of their median CPU time, " \
           "0.0% of their median peak memory" in lines  # one run: no spread
    for name, switch in switches.SWITCHES.items():
        assert any(line.split()[:1] == [name] and "%" in line for line in lines)  # its row, with its gains
        assert f"  {name}: {switch.off}" in lines  # and what "off" means
    assert lines[-1].startswith("Buy < 3% of wall time and < 3% of peak memory at every size measured (6): ")


def test_the_ablation_alternates_the_order_of_the_variants() -> None:
    assert list(ablation.rounds(["on", "a", "b"], 3)) == [
        (1, "on"), (1, "a"), (1, "b"), (2, "b"), (2, "a"), (2, "on"), (3, "on"), (3, "a"), (3, "b")]


def test_sites_that_differ_in_more_than_white_space_are_told_apart(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for site in (one, two):
        (site / "practices").mkdir(parents=True)
    (one / "index.html").write_text("<nav>\n    <a>Home</a>\n</nav>\n")
    (two / "index.html").write_text("<nav>\n<a>Home</a></nav>")
    (one / "practices" / "a.html").write_text("<p>one practice</p>")
    (two / "practices" / "a.html").write_text("<p>one practise</p>")
    (two / "extra.js").write_text("")
    assert ablation.differences(two, one) == ["extra.js", "practices/a.html"]
    assert ablation.differences(one, one) == []


def test_mechanisms_with_small_gains_at_every_size_are_named() -> None:
    def variant(seconds: float, peak: float) -> dict:
        return {"buys": {"seconds": seconds, "cpu_seconds": 0.0, "peak_mb": peak}}

    sizes = {
        "1000": {"all-on": {}, "a": variant(0.02, 0.01), "b": variant(0.05, 0.0), "c": variant(0.0, 0.0),
                 "d": variant(-0.01, 0.029)},
        "5000": {"all-on": {}, "a": variant(0.01, 0.00), "b": variant(0.0, 0.0), "c": variant(0.0, 0.03),
                 "d": variant(0.0, -0.2)},
    }
    assert ablation.small_gains(sizes) == ["a", "d"]  # b buys 5% of time at 1,000; c 3% of memory at 5,000


def test_a_switch_fails_the_build_when_the_name_it_replaces_is_gone() -> None:
    module = ModuleType("renamed")
    with pytest.raises(RuntimeError, match="renamed has no 'fork_pool' any more: update scripts/benchmark/switches.py"):
        switches._replace(module, "fork_pool", lambda: None)


def test_an_unknown_mechanism_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        bench.main(["--ablate", "worker,turbo"])
    assert exit.value.code == 2
    assert "argument --ablate: 'turbo' is not a mechanism; use 'all' or some of: worker," in capsys.readouterr().err


def test_an_extra_step_plugs_in_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    module = tmp_path / "bench_wordcount.py"  # as scripts/bench_pdf.py would be
    module.write_text(  # its job fails unless it is given the size's workspace
        "import sys\n"
        "from benchmark.measure import Job\n"
        "CODE = 'import pathlib, sys; sys.exit(len(list(pathlib.Path(sys.argv[1]).glob(\"practice-*.md\"))) != 3)'\n"
        "def job(ws):\n"
        "    return Job([sys.executable, '-c', CODE, str(ws.corpus)], ws.root)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(steps, "EXTRAS", [steps.Extra("wordcount", "bench_wordcount", "also count the words")])
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    out = tmp_path / "out.json"
    assert bench.main(["--sizes", "3", "--runs", "1", "--serve-at", "none", "--wordcount", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["steps"] == ["full", "baseline", "validate", "wordcount"]
    assert data["results"]["3"]["steps"]["wordcount"]["seconds"] > 0
    assert "wordcount seconds" in capsys.readouterr().out
    assert (tmp_path / "out.json").exists() and not list(tmp_path.glob("goodpractices-bench-*"))


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed")
def test_the_search_benchmark_times_a_query_and_stops_at_a_request_that_leaves(tmp_path: Path) -> None:
    import bench_search  # noqa: PLC0415 (a browser is needed only here)
    from conftest import build_real_site  # noqa: PLC0415
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    site = build_real_site(tmp_path)
    leaking = tmp_path / "leaking"
    shutil.copytree(site, leaking)
    home = leaking / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "</article>", '<img src="https://example.org/pixel.png" alt=""></article>', 1), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=bench_search.CHROMIUM, args=bench_search.ARGS)
        try:
            timed = bench_search.one_query(browser, site, "cluster", 1, 60)
            with pytest.raises(RuntimeError, match=r"the page asked for \['https://example.org/pixel.png'\]"):
                bench_search.one_query(browser, leaking, "cluster", 0, 60)
        finally:
            browser.close()
    assert timed["answer"].endswith("matching documents") and timed["first_ms"] > 0
    assert len(timed["later_ms"]) == 1 and timed["bytes"] > 0  # the worker's files, loaded from the folder
