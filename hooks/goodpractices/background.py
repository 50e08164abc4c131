"""A second process for a one-off build, which checks (and renders) half the practice files."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def fork_pool() -> ProcessPoolExecutor | None:
    """Return a pool of one forked worker process, or None where the system cannot fork or has one core."""
    if (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    return None
