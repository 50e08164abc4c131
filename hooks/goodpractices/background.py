"""A second process for a one-off build: it checks (and renders) half the practice files, then indexes the
practice pages for search while the main process renders the site's pages.

Checking half the files saved 17–20% of the build's wall time at 1,000 and 5,000 practices for 10–14% more CPU
time, and 8% of peak memory at 5,000 (ablation of 2026-12-02, `worker`).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def fork_pool() -> ProcessPoolExecutor | None:
    """Return a pool of one forked worker process, or None where the system cannot fork or has one core."""
    if (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    return None
