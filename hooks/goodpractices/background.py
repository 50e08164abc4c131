"""A second process for a one-off build: it checks half the practice files, then cleans practice HTML."""

from __future__ import annotations

import multiprocessing
import os
import secrets
from concurrent.futures import Future, ProcessPoolExecutor

from .sanitize import clean, clean_all

#: Pieces sent to the worker at once: each send costs about what cleaning a piece does.
BATCH = 32


def fork_pool() -> ProcessPoolExecutor | None:
    """Return a pool of one forked worker process, or None where the system cannot fork or has one core."""
    if (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    return None


class Cleaner:
    """Stands in for `sanitize.clean` while pages are read: each piece of HTML is replaced by a placeholder
    and cleaned in a worker process; `fill` puts the cleaned pieces in place of their placeholders.

    nh3 holds the interpreter lock, so only a process runs it beside MkDocs. Every page is read before any is
    written (on_env comes between), so `fill` there loses no time and a failure stops the build before it
    writes. Where the system cannot fork, or has one core, pieces are cleaned at once and `fill` has nothing
    to do. The cleaner owns the pool it is given, and shuts it down.
    """

    def __init__(self, pool: ProcessPoolExecutor | None) -> None:
        self._pool = pool
        self._token = secrets.token_hex(8)
        self._batch: list[str] = []
        self._sent: list[Future[list[str]]] = []

    def __call__(self, html: str) -> str:
        """Return a placeholder for the cleaned `html` (or the cleaned HTML itself if there is no worker)."""
        if self._pool is None:
            return clean(html)
        self._batch.append(html)
        number = len(self._sent) * BATCH + len(self._batch) - 1
        if len(self._batch) == BATCH:
            self._send()
        return f"\x00{self._token}:{number}\x00"

    def _send(self) -> None:
        assert self._pool is not None
        self._sent.append(self._pool.submit(clean_all, self._batch))
        self._batch = []

    def fill(self, texts: list[str]) -> list[str]:
        """Wait for the worker and return `texts` with the cleaned pieces in place of their placeholders."""
        if self._pool is None:
            return texts
        if self._batch:
            self._send()
        try:
            cleaned = [piece for future in self._sent for piece in future.result()]
        finally:
            self.close()
        prefix = f"\x00{self._token}:"
        result = []
        for text in texts:
            while prefix in text:
                start = text.index(prefix)
                end = text.index("\x00", start + len(prefix))
                text = text[:start] + cleaned[int(text[start + len(prefix):end])] + text[end + 1:]
            result.append(text)
        return result

    def close(self) -> None:
        """Stop the worker (also when the build failed before `fill`)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
