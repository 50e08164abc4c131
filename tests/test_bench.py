"""The performance tooling: the synthetic corpus is valid and reproducible, and the benchmark runs end to end."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from goodpractices import catalog

ROOT = Path(__file__).resolve().parent.parent


def load_script(name: str) -> ModuleType:
    """Import scripts/<name>.py as a module without putting scripts/ on sys.path."""
    spec = importlib.util.spec_from_file_location(f"_script_{name}", ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_valid_varied_and_reproducible(tmp_path: Path) -> None:
    make_corpus = load_script("make_corpus")
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
    assert all(600 <= len(p.body.split()) <= 900 for p in practices)
    assert any(p.transfers for p in practices) and any(p.inspired_by for p in practices)
    order = {p.id: i for i, p in enumerate(practices)}
    assert all(order[target] < order[p.id] for p in practices for target in p.inspired_by)
    registries = make_corpus.load_registries(ROOT / "practices")
    assert make_corpus.generate(30, registries, seed=2) != make_corpus.generate(30, registries, seed=1)


def test_the_benchmark_measures_both_sites(tmp_path: Path) -> None:
    out, temp = tmp_path / "out.json", tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--sizes", "8", "--runs", "1", "--serve-at", "8",
         "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "TMPDIR": str(temp)},
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text())
    assert data["sizes"] == [8] and data["runs"] == 1
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
    assert list(temp.iterdir()) == []  # the corpora and the previews' temporary sites are gone
