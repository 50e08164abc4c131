"""The worker process that cleans practice HTML during a build gives back what cleaning in place gives."""

from __future__ import annotations

from gpkb import background
from gpkb.background import Cleaner
from gpkb.sanitize import clean


def test_pieces_come_back_cleaned_in_their_places_across_batches():
    count = 2 * background.BATCH + 5  # two full batches and a part
    pieces = [f'<p id="p{n}" onclick="x()">piece {n}</p><script>alert({n})</script>' for n in range(count)]
    cleaner = Cleaner()
    pages = [f"<h1>Page {n}</h1>\n{cleaner(piece)}\n<footer>{n}</footer>" for n, piece in enumerate(pieces)]
    filled = cleaner.fill(pages)
    assert filled == [f"<h1>Page {n}</h1>\n{clean(piece)}\n<footer>{n}</footer>" for n, piece in enumerate(pieces)]
    assert all("script" not in page and "onclick" not in page for page in filled)
    cleaner.close()  # already stopped by fill: nothing happens


def test_without_a_worker_pieces_are_cleaned_at_once(monkeypatch):
    monkeypatch.setattr(background.os, "cpu_count", lambda: 1)
    cleaner = Cleaner()
    html = '<p onclick="x()">text</p>'
    assert cleaner(html) == clean(html) == "<p>text</p>"
    assert cleaner.fill(["unchanged"]) == ["unchanged"]
