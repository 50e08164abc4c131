"""What document.py hands on: a document, its metadata and chapters, typed; what Typst prints stays JSON-ready data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

#: JSON-ready data, as the Typst template reads it (a practice, a cover, a colophon, a matrix…).
Data = dict[str, Any]


@dataclass(frozen=True)
class Meta:
    """A document's title, subject, author, language and keywords (its PDF metadata), and its kind for the
    cover ("Catalogue", "Theme", "Partner" or "Practice")."""

    title: str
    subject: str
    author: str
    lang: str
    keywords: list[str]
    kind: str

    def data(self) -> Data:
        """Return the metadata as the template reads it."""
        return asdict(self)


@dataclass
class Chapter:
    """A theme's practices in a document: what its opener says, and each practice's data (the same object in
    every document that holds the practice); `opener` is False in a one-practice document, which has none."""

    key: str
    title: str
    question: str | None
    description: str | None
    practices: list[Data]
    opener: bool = True

    @property
    def count(self) -> int:
        return len(self.practices)


@dataclass
class Document:
    """Everything a PDF holds: metadata, cover and colophon, chapters, and the appendices its kind has (a
    partner's uptake, the matrix, the partner directory, the map, the figures); None where it has none."""

    meta: Meta
    cover: Data | None
    colophon: Data
    chapters: list[Chapter]
    uptake: list[Data] | None = None
    matrix: Data | None = None
    partners: list[Data] | None = None
    map: Data | None = None
    figures: list[Data] | None = None

    @property
    def lone(self) -> bool:
        """Whether the document is one practice, without cover or chapter openers."""
        return self.cover is None

    def practices(self) -> Iterator[Data]:
        """Yield the practices' data in page order."""
        for chapter in self.chapters:
            yield from chapter.practices


@dataclass(frozen=True)
class Entry:
    """An outline entry: its title, the name of the place it opens, and the entries below it."""

    title: str
    target: str
    children: list[Entry] = field(default_factory=list)
