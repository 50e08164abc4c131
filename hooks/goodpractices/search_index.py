"""The header search's index, built once per build: term shards, page texts and word lists, as small scripts.

The search worker (search_worker.js) loads only what a query needs, as <script> files, so search works from
a folder (file://) as over http and no page indexes anything in the browser. Under site/search/:

  index.js     __gps("index", {...}): every page as [location, title, kind, lead], the term shards and word
               lengths that exist. Loaded when the search box opens (about 200 bytes per page).
  t/<key>.js   __gps("t/<key>", {term: [page, code, page, code, ...]}): the postings of every term whose first
               two letters are <key> (shard_name() spells odd letters as _<hex>), pages delta-coded.
               code = TITLE | KEYWORD | HEADING flags | the number of times the term is in the body (at
               most TF_MAX).
  w/<n>.js     __gps("w/<n>", [[term, pages], ...]): every term of n letters, for the typo fallback.
  p/<id>.js    __gps("p/<id>", [[anchor, heading, text], ...]): a page's text by section, the page's own
               text first (anchor and heading ""; its title cut off), for snippets.

Terms are folded words (folding.fold: lower case, no accents); a hyphenated word is indexed as its parts and
joined ("3-D" → 3, d, 3d; "co-creation" → co, creation, cocreation). The builder takes each page's entries
from Material's search plugin as the page is rendered and writes the page's text at once, so the texts of
thousands of pages are never held together (Material's own index held them all, then serialised them).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .folding import fold
from .model import Passage

TITLE, KEYWORD, HEADING, TF_MAX = 32, 16, 8, 7
#: Page kinds: a practice, a named page (a partner or a theme), any other page.
PRACTICE, NAMED, OTHER = "p", "n", "o"
#: Words longer than this are not words (links, hashes): not indexed.
MAX_TERM = 40
#: The start of a page's text kept in index.js, shown for results below those whose text is loaded.
LEAD = 140

_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
#: Hyphens and dashes that join a word as "-" does: "3‐D" (U+2010) and "co‑creation" (U+2011) as "3-D", "co-creation".
#: The search worker reads a query with the same table (HYPHENS in search_worker.js).
HYPHENS = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_HYPHEN = re.compile(f"[{HYPHENS}]")  # (str.translate with a table took a tenth of the index's time)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Return a search entry's text (HTML-escaped, with some tags) as plain text on one line."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()


def fold_word(word: str) -> str:
    """Return a lower-case word without accents (ASCII words need only lower case)."""
    return word if word.isascii() else fold(word)


def _expanded(word: str) -> list[str]:
    """Return the terms of one lower-case token: its parts folded, and joined if it is hyphenated."""
    parts = [fold_word(part) for part in word.split("-")]
    if len(parts) > 1:
        parts.append("".join(parts))
    return [part for part in parts if len(part) <= MAX_TERM]


def _tokens(text: str) -> list[str]:
    """Return the lower-case words of a text, hyphenated ones whole, whatever hyphen joins them."""
    if not text.isascii():  # (most text is ASCII: nothing to normalise, no odd hyphen)
        text = _HYPHEN.sub("-", unicodedata.normalize("NFC", text))
    return _TOKEN.findall(text.lower())


def terms(text: str) -> Iterator[str]:
    """Yield the index terms of a plain text, in order: folded words, and each hyphenated word joined too."""
    for word in _tokens(text):
        if "-" in word or not word.isascii() or len(word) > MAX_TERM:
            yield from _expanded(word)
        else:
            yield word


def counted(text: str) -> Counter[str]:
    """Return how often each index term is in a plain text (as terms() yields them, counted in C)."""
    counts = Counter(_tokens(text))
    for word in [word for word in counts if "-" in word or not word.isascii() or len(word) > MAX_TERM]:
        times = counts.pop(word)
        for term in _expanded(word):
            counts[term] += times
    return counts


def shard_name(term: str) -> str:
    """Return the shard file name of a term: its first two letters, anything but a-z and 0-9 as _<hex>."""
    return "".join(char if ("a" <= char <= "z" or "0" <= char <= "9") else f"_{ord(char):x}"
                   for char in term[:2])


def kind_of(location: str) -> str:
    """Return the kind of a page from its location."""
    if location.startswith("practices/"):
        return PRACTICE
    if location.startswith(("partners/", "themes/")) and not location.endswith("/index.html"):
        return NAMED
    return OTHER


def without_title(text: str, title: str) -> str:
    """Return a page's own text without the title it opens with (after breadcrumbs, once or twice)."""
    head = text[: 2 * len(title) + 60]
    at = head.rfind(title) if title else -1
    return text[at + len(title):].lstrip(" ·:›-") if at >= 0 else text


def script(key: str, data: Any) -> bytes:
    """Return one index script: a call of the worker's loader with the key and the data as JSON."""
    body = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # no markup, even inert
    return f'__gps("{key}",{body});\n'.encode("ascii")


@dataclass(frozen=True)
class SearchPage:
    """A page that tells search its sections itself (a practice page): its title and keywords, its header (the
    page's own HTML, whose lines are paragraphs), and its body's passages (text.py), joined into sections only as
    the page is indexed (in the worker process, for a one-off build)."""

    title: str
    keywords: tuple[str, ...]
    header: str
    passages: tuple[Passage, ...]

    def sections(self) -> list[list[str]]:
        """Return the page's sections as add_page takes them: its own text (the header's words, then the body's
        lead-in), then one for each heading of the body."""
        lead = [_one_line(p.text) for p in self.passages[:1] if not p.level]
        words = html.unescape(_TAG.sub("", self.header))  # inline tags join words ("INMA</a>,"); lines part them
        own = " ".join(" ".join((words, *lead)).split())
        return [["", "", own]] + [[p.anchor, p.title if p.anchor else "", _one_line(p.text)]
                                  for p in self.passages if p.level and (p.anchor or p.text)]


def _one_line(text: str) -> str:
    """Return a passage's text on one line, as a snippet shows it: no list item's dash."""
    return " ".join(" ".join(line.removeprefix("- ") for line in text.split("\n")).split())


@dataclass(frozen=True)
class Part:
    """Pages indexed apart (in the worker process), packed small for the way back: their entries in index.js,
    and their postings as their terms (one per line), each term's number of postings, and the postings in a row."""

    first: int
    pages: list[list[str]]
    terms: str
    counts: array
    postings: array


@dataclass
class IndexBuilder:
    """Collects the pages' terms while the site is rendered, writing each page's text at once; write() ends."""

    folder: Path
    #: The number of this builder's first page: the pages before it are indexed elsewhere (see put_first).
    first: int = 0
    pages: list[list[str]] = field(default_factory=list)
    #: Each term's pages and codes, as page << 6 | code (code < 64), in page order.
    postings: dict[str, array] = field(default_factory=dict)

    def add(self, entries: Sequence[dict[str, Any]]) -> None:
        """Index one page from Material's search entries for it (the page's own entry first, then its sections)."""
        if not entries:
            return
        location = entries[0]["location"].split("#")[0]
        title = clean(entries[0]["title"])
        sections: list[list[str]] = []
        for entry in entries:
            anchor = entry["location"][len(location):]
            text = clean(entry["text"])
            if not anchor:
                text = without_title(text, title)
            if anchor or text:
                sections.append([anchor, clean(entry["title"]) if anchor else "", text])
        tags = dict.fromkeys(str(tag) for entry in entries for tag in entry.get("tags") or ())
        self.add_page(location, title, sections, tuple(tags))

    def add_page(self, location: str, title: str, sections: list[list[str]], tags: Sequence[str] = ()) -> None:
        """Index one page: its location and title, its sections as [anchor, heading, plain text on one line]
        (the page's own text first, anchor and heading ""), and its keywords."""
        page = self.first + len(self.pages)
        codes: dict[str, int] = {term: min(times, TF_MAX)
                                 for term, times in counted(" ".join(text for _, _, text in sections)).items()}
        flagged = ((TITLE, title), (HEADING, " ".join(heading for _, heading, _ in sections)),
                   (KEYWORD, " ".join(tags)))
        for flag, text in flagged:
            for term in counted(text):
                codes[term] = codes.get(term, 0) | flag
        postings = self.postings
        for term, code in codes.items():
            found = postings.get(term)
            if found is None:
                found = postings[term] = array("l")
            found.append(page << 6 | code)
        lead = next((text for _, _, text in sections if text), "")
        self.pages.append([location, title, kind_of(location), lead[:LEAD]])
        self._write(f"p/{page}", sections)

    def _write(self, key: str, data: Any) -> None:
        path = self.folder / f"{key}.js"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(script(key, data))

    def packed(self) -> Part:
        """Return this builder's pages and postings packed small, to be taken in by another (see put_first)."""
        terms = list(self.postings)
        postings = array("l")
        for term in terms:
            postings.extend(self.postings[term])
        return Part(self.first, self.pages, "\n".join(terms), array("l", map(len, self.postings.values())), postings)

    def put_first(self, parts: Sequence[Part]) -> None:
        """Take in the pages indexed elsewhere that come before this builder's: `parts`, in order, numbered from 0
        to first - 1."""
        before: dict[str, array] = {}
        pages: list[list[str]] = []
        for part in parts:
            if part.first != len(pages):
                raise ValueError(f"expected a part from page {len(pages)}, not from page {part.first}")
            pages += part.pages
            at = 0
            for term, count in zip(part.terms.split("\n"), part.counts):
                found = before.get(term)
                if found is None:
                    found = before[term] = array("l")
                found.extend(part.postings[at:at + count])
                at += count
        if len(pages) != self.first:
            raise ValueError(f"expected the pages numbered 0 to {self.first - 1}, not {len(pages)} pages")
        for term, found in before.items():
            found.extend(self.postings.get(term, ()))
            self.postings[term] = found
        self.pages[:0] = pages
        self.first = 0

    def write(self) -> None:
        """Write the term shards, the word lists and index.js."""
        shards: dict[str, dict[str, list[int]]] = {}
        lengths: dict[int, list[list[Any]]] = {}
        for term in sorted(self.postings):
            coded, last = [], 0
            for posting in self.postings[term]:
                coded += (posting >> 6) - last, posting & 63
                last = posting >> 6
            shards.setdefault(shard_name(term), {})[term] = coded
            lengths.setdefault(len(term), []).append([term, len(coded) // 2])
        self.postings = {}
        for name, shard in shards.items():
            self._write(f"t/{name}", shard)
        for length, words in lengths.items():
            self._write(f"w/{length}", words)
        self._write("index", {"v": 1, "pages": self.pages, "shards": sorted(shards), "lengths": sorted(lengths)})


def index_pages(folder: Path, pages: Sequence[tuple[str, SearchPage]], first: int = 0) -> Part:
    """Index pages that say their sections themselves, as (location, page), numbered from `first`, writing their
    texts into `folder` (the build runs this in its worker process while it renders the other pages)."""
    builder = IndexBuilder(folder, first=first)
    for location, page in pages:
        builder.add_page(location, page.title, page.sections(), page.keywords)
    return builder.packed()


def read(folder: Path) -> dict[str, Any]:
    """Read a written index back (for tests and tools): {"index": ..., "t/<key>": ..., "p/<id>": ...}."""
    found: dict[str, Any] = {}
    for path in sorted(folder.rglob("*.js")):
        text = path.read_text(encoding="ascii")
        if not text.startswith('__gps("'):
            continue
        key, _, rest = text[len('__gps("'):].partition('",')
        found[key] = json.loads(rest.rstrip().removesuffix(");"))
    return found


def entries(folder: Path) -> list[dict[str, str]]:
    """Return a written index's pages and sections as Material's search entries were: location, title, text
    (plain text, the page's own entry first and without its title)."""
    data = read(folder)
    found: list[dict[str, str]] = []
    for page, (location, title, _, _) in enumerate(data["index"]["pages"]):
        sections = data[f"p/{page}"]
        own = next((text for anchor, _, text in sections if not anchor), "")
        found.append({"location": location, "title": title, "text": own})
        found += [{"location": location + anchor, "title": heading, "text": text}
                  for anchor, heading, text in sections if anchor]
    return found
