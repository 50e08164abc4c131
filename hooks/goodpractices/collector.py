"""Spare Python's garbage collector from walking, at each full pass, what a one-off build keeps to its end.

A one-off build makes the catalogue and every page early and keeps them until it ends; the collector's full
passes would walk all of them again and again. `keep_to_the_end()` moves everything that exists into the
collector's permanent generation (`gc.freeze`); reference counting still frees it. Measured with
`scripts/bench.py --ablate` (`gc-freeze` off against all on): GAIN_GC_FREEZE.
"""

from __future__ import annotations

import gc


def keep_to_the_end() -> None:
    """Leave everything that exists now out of the collector's full passes."""
    gc.freeze()


def walk_again() -> None:
    """Let the collector walk everything again (a preview's previous build may now be collected)."""
    gc.unfreeze()
