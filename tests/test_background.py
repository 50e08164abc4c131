"""The worker process of a one-off build gives back what checking and cleaning in place give."""

from __future__ import annotations

from conftest import practice

from goodpractices import background, catalog
from goodpractices.background import Cleaner, fork_pool
from goodpractices.sanitize import clean
from goodpractices.validate import Context


def test_pieces_come_back_cleaned_in_their_places_across_batches():
    count = 2 * background.BATCH + 5  # two full batches and a part
    pieces = [f'<p id="p{n}" onclick="x()">piece {n}</p><script>alert({n})</script>' for n in range(count)]
    cleaner = Cleaner(fork_pool())
    pages = [f"<h1>Page {n}</h1>\n{cleaner(piece)}\n<footer>{n}</footer>" for n, piece in enumerate(pieces)]
    filled = cleaner.fill(pages)
    assert filled == [f"<h1>Page {n}</h1>\n{clean(piece)}\n<footer>{n}</footer>" for n, piece in enumerate(pieces)]
    assert all("script" not in page and "onclick" not in page for page in filled)
    cleaner.close()  # already stopped by fill: nothing happens


def test_without_a_worker_pieces_are_cleaned_at_once(monkeypatch):
    monkeypatch.setattr(background.os, "cpu_count", lambda: 1)
    assert fork_pool() is None
    cleaner = Cleaner(None)
    html = '<p onclick="x()">text</p>'
    assert cleaner(html) == clean(html) == "<p>text</p>"
    assert cleaner.fill(["unchanged"]) == ["unchanged"]


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
