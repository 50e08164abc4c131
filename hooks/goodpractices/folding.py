"""Accent and case folding for search: 'Skåne' and 'skane' are the same word to a reader looking for it."""

from __future__ import annotations

import re
from pathlib import Path
import unicodedata

#: Letters that Unicode does not split into a base letter and a mark, with their usual ASCII spelling.
#: The explore page folds its text filter with the same table (it is part of the explore index).
LETTERS: dict[str, str] = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                           "ı": "i", "ħ": "h"}

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Return `text` in lower case without accents: 'Rhône' → 'rhone', 'Øresund' → 'oresund'."""
    text = "".join(LETTERS.get(char, char) for char in text.lower())
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def folded_forms(text: str) -> str:
    """Return the folded form of every word of `text` that folding changes beyond its case, once each, in order
    and space-separated: the words a search index adds so that 'Skane' finds 'Skåne'. Empty if there are none."""
    if text.isascii():  # most of a library's text: nothing to fold
        return ""
    forms: dict[str, None] = {}
    for word in dict.fromkeys(word for word in _WORD.findall(text) if not word.isascii()):
        folded = fold(word)
        if folded != word.lower():
            forms[folded] = None
    return " ".join(forms)


def query_script() -> str:
    """Return the page side of the header search (assets/search_ui.js): the note above the results. Folding
    itself is the search worker's (search_worker.js, with LETTERS)."""
    return (Path(__file__).parent / "assets" / "search_ui.js").read_text(encoding="utf-8")
