"""Join some of a run's documents in a second process while this one joins the others, on two cores.

`--all` joins the catalogue and every theme and partner document: three times the catalogue's pages, one
document after another in a single process. The documents do not depend on each other once their parts
are laid out, so a forked process joins a share of them into the export's folder while this one joins the
rest; each is handed on in order, as if joined here. The first documents (the catalogue, the largest,
first of all) stay here and the last go beside, split where the costs even out; the second process holds
one small document at a time.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

#: Writes one document's PDF to a binary stream: the document is joined as it is written, each in turn.
Writer = Callable[[BinaryIO], None]


@dataclass(frozen=True)
class Counted:
    """A document's Writer with its number of pages, known from the layout before it is joined."""

    write: Writer
    pages: int

    def __call__(self, stream: BinaryIO) -> None:
        self.write(stream)


#: What a document costs to join beyond its pages (opening the numbers pages, outline, metadata, writing),
#: in pages: measured at 100 practices, a small theme or partner document took as long as about 20 more.
DOCUMENT = 20


def shares(pages: list[int]) -> list[bool]:
    """Return, for each document in order, whether the second process joins it: the first documents stay
    here and the last go beside, split where the two shares' costs (pages and DOCUMENT a document) are
    nearest even, so that neither waits for the other (none where processes cannot be forked, as on
    Windows)."""
    if "fork" not in multiprocessing.get_all_start_methods() or len(pages) < 2:
        return [False] * len(pages)
    costs = [count + DOCUMENT for count in pages]
    here, half, split = 0, sum(costs) / 2, len(costs)
    for number, cost in enumerate(costs):
        if number and here + cost / 2 > half:  # this document's middle falls past the middle: beside from here
            split = number
            break
        here += cost
    return [number >= split for number in range(len(pages))]


class Beside:
    """A forked process that joins the documents given to it, in order, each into `folder`/joined-N.pdf."""

    def __init__(self, folder: Path, writers: dict[int, Writer]) -> None:
        self.folder = folder
        self.process = multiprocessing.get_context("fork").Process(target=self._run, args=(writers,), daemon=True)
        self.process.start()

    def _file(self, number: int) -> Path:
        return self.folder / f"joined-{number}.pdf"

    def _run(self, writers: dict[int, Writer]) -> None:
        for number, write in writers.items():
            partial = self.folder / f"joined-{number}.tmp"
            try:
                with partial.open("wb") as out:
                    write(out)
                os.replace(partial, self._file(number))
            except BaseException:  # told to the parent, which raises it as its own
                partial.unlink(missing_ok=True)
                (self.folder / "joined-error.txt").write_text(traceback.format_exc(), encoding="utf-8")
                os._exit(1)

    def writer(self, number: int) -> Writer:
        """Return what waits for document `number` to be joined and copies it to a stream."""

        def copy(stream: BinaryIO) -> None:
            while not self._file(number).exists():
                if not self.process.is_alive() and not self._file(number).exists():
                    failed = self.folder / "joined-error.txt"
                    told = failed.read_text(encoding="utf-8") if failed.exists() else "it stopped"
                    raise RuntimeError(f"joining a document in a second process failed:\n{told.strip()}")
                time.sleep(0.02)
            with self._file(number).open("rb") as joined:
                shutil.copyfileobj(joined, stream)
            self._file(number).unlink()

        return copy

    def close(self) -> None:
        """Stop the process if it still runs (the documents were not all taken) and wait for it."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
