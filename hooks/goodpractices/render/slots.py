"""Generated pages: Markdown for MkDocs, with trusted HTML waiting in slots until MkDocs has rendered it.

Two measured choices live here (`scripts/bench.py --ablate` on 2026-12-02, median of 3 alternating builds):

- slots wait as UTF-8 bytes (a str with one '◔' or '–' takes two bytes for every character, and every
  generated page waits at once): 6.5% of peak memory at 1,000 practices, 15.6% at 5,000 (`slot-bytes`);
- slots before the first and after the last Markdown text leave no marker in it (Markdown passes each
  marker through its raw-HTML parser): 4.2% of wall time at 5,000 practices; at 1,000 the builds without
  it were 8.6% faster, within that run's noise of 33% (`edge-markers`).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from ..model import Heading
from ..search_index import SearchPage

#: Slot markers carry a per-process token, so practice content cannot forge one; none reaches the output.
_TOKEN = secrets.token_hex(8)
SLOT = re.compile(rf"<!--goodpractices:slot:{_TOKEN}:(\d+)-->")


def marker(number: int) -> str:
    """Return the marker that stands for slot `number` in a page's Markdown."""
    return f"<!--goodpractices:slot:{_TOKEN}:{number}-->"


#: Late markers stand for HTML made only as its page is written (any page, hand-written ones too): HTML that
#: several pages show, too large for each to hold it from the start of the build to its writing.
LATE_START = "<!--goodpractices:late:"
LATE = re.compile(rf"{LATE_START}{_TOKEN}:([^>]*)-->")


def late_marker(key: str) -> str:
    """Return the marker that stands for the late HTML named `key` (no '>' in it)."""
    return f"{LATE_START}{_TOKEN}:{key}-->"


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the catalogue: metadata, Markdown for MkDocs, and trusted HTML for its slots.

    Markdown carries the headings (so the table of contents and anchors work) and the practice body; the
    generated HTML (escaped by the templates) waits in slots, put back after Markdown so it is not parsed again.
    Slots before the first and after the last Markdown text leave no marker in it (`before` and `after` count
    them): Markdown would pass each marker through its raw-HTML parser, which costs a tenth of a page's time.
    Indexed slots go into the page content that MkDocs keeps and the search plugin reads; the others go
    straight into the written page, so search and memory only hold what readers search for. Slots wait as
    UTF-8 bytes: a str with one '◔' or '–' takes two bytes for every character, and all pages wait at once.
    """

    meta: dict[str, Any]
    markdown: str
    slots: tuple[bytes, ...] = ()
    indexed: frozenset[int] = frozenset()
    #: Headings inside slots, in order: the table of contents lists them after Markdown's.
    headings: tuple[Heading, ...] = ()
    before: int = 0
    after: int = 0
    #: The page for search, when it says its sections itself (a practice page, from its body's passages, with no
    #: second reading of its HTML); None: the search plugin reads them from the page.
    search: SearchPage | None = None

    def content(self, html: str) -> str:
        """Return the page content: the rendered Markdown between the slots that come before and after it, with
        the indexed slots filled in and markers left for the others."""
        pieces = SLOT.split(html)  # text, slot number, text, …
        for i in range(1, len(pieces), 2):
            pieces[i] = self._filled(int(pieces[i]))
        before = [self._filled(number) for number in range(self.before)]
        after = [self._filled(number) for number in range(len(self.slots) - self.after, len(self.slots))]
        return "\n".join([*before, "".join(pieces), *after] if html else [*before, *after])

    def _filled(self, number: int) -> str:
        """Return an indexed slot's HTML, or the marker that `output` fills."""
        return self.slots[number].decode() if number in self.indexed else marker(number)

    def output(self, html: str) -> str:
        """Put the remaining slots into the written page."""
        return SLOT.sub(lambda match: self.slots[int(match.group(1))].decode(), html) if self.slots else html
