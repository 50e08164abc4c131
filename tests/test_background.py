"""The worker process of a one-off build gives back what checking (and rendering) in place gives."""

from __future__ import annotations

from conftest import practice
from goodpractices import background, catalog
from goodpractices.background import fork_pool
from goodpractices.validate import Context


def test_one_core_means_no_worker(monkeypatch):
    monkeypatch.setattr(background.os, "cpu_count", lambda: 1)
    assert fork_pool() is None


def test_the_worker_checks_files_as_this_process_does_in_the_same_order():
    ctx = Context(("cmo-services",), ("ecoplus", "vlaio"))
    files = [(practice(title=f"Practice number {n}" if n % 7 else "Tiny").encode(), f"practices/p{n}.md", f"p{n}.md")
             for n in range(catalog.PARALLEL_FROM + 20)]
    pool = fork_pool()
    assert pool is not None
    with pool:
        parallel = catalog.check_files(files, ctx, pool)
    serial = catalog.check_files(files, ctx)
    assert [problems for _, _, problems in parallel] == [problems for _, _, problems in serial]
    assert [clean for _, clean, _ in parallel] == [clean for _, clean, _ in serial]
    assert sum(bool(problems) for _, _, problems in serial) == len(range(0, len(files), 7))  # every 'Tiny'
