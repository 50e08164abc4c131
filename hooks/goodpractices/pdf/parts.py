"""Laid-out parts and the pages documents take from them: a part's page count and named places, spans, slices."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf
from pikepdf import Dictionary, Pdf

if TYPE_CHECKING:
    from .structure import Layout

#: Where a named target is: page index (in its part, or in the joined document), and the x and y of its top left.
Place = tuple[int, float | None, float | None]


@dataclass
class Part:
    """A laid-out part: its PDF file, its page count, and where its named targets are."""

    path: Path
    pages: int
    places: dict[str, Place] = field(default_factory=dict)
    wide: frozenset[int] = frozenset()  # the indexes of its landscape pages
    layout: Layout | None = None  # read the first time the part is opened for a join

    @classmethod
    def read(cls, path: Path) -> Part:
        """Read what Typst laid out: the page count, the landscape pages and the named destinations (Typst
        makes one for each label)."""
        with Pdf.open(path) as source:
            boxes = [page.mediabox for page in source.pages]
            wide = frozenset(i for i, box in enumerate(boxes) if box[2] - box[0] > box[3] - box[1])
            part = cls(path, len(boxes), wide=wide)
            names = source.Root.get("/Names")
            if names is not None and "/Dests" in names:
                index = {page.objgen: i for i, page in enumerate(source.pages)}
                for name, dest in pikepdf.NameTree(names.Dests).items():
                    dest = dest.get("/D", dest) if isinstance(dest, Dictionary) else dest
                    left, top = (_number(dest[2]), _number(dest[3])) if len(dest) > 3 else (None, None)
                    part.places[str(name)] = (index[dest[0].objgen], left, top)
        return part


def _number(value: object) -> float | None:
    """Return a destination's coordinate (pikepdf gives numbers as int or Decimal, null as None)."""
    return None if value is None else float(value)


@dataclass(frozen=True)
class Span:
    """Pages [start, stop) of a part: a practice's, or one of a document's own pieces'."""

    part: Part
    start: int
    stop: int

    @property
    def pages(self) -> int:
        return self.stop - self.start

    def holds(self, index: int) -> bool:
        """Whether page `index` of the part is in the span."""
        return self.start <= index < self.stop


@dataclass(frozen=True)
class Slice(Span):
    """A span as a document takes it: `stamp`: print the page number on its pages from the numbers pages;
    `ns`: the prefix of the document's own names in the part (another document's are left out)."""

    stamp: bool = True
    ns: str = ""


@dataclass(frozen=True)
class Numbers:
    """The numbers pages, which show only "Page k" where the footer puts it: page k upright is page
    `upright` + k - 1 of the part; `wide` gives the page of each number needed on a landscape page."""

    part: Part
    upright: int
    wide: dict[int, int]

    def page(self, number: int, landscape: bool) -> int:
        return self.wide[number] if landscape else self.upright + number - 1
