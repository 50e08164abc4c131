"""Spelling variants a search tries for a word: British and American endings, as data the search worker shares.

The rules are suffix pairs, applied in both directions at the end of a folded word. `SILENT` pairs are
safe enough to search beside the word as typed (digitalisation finds digitalization too); `FALLBACK`
pairs are tried only when the word as typed finds nothing, since they also turn ordinary words into
other ordinary words ("four" → "for"). A variant is used only if the index holds it. The search worker
(search_worker.js) applies the same table with the same logic; tests/test_search_index.py checks that
both give the same variants.
"""

from __future__ import annotations

#: (British, American) endings that stand for the same word nearly always: searched together.
SILENT: tuple[tuple[str, str], ...] = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("yse", "yze"), ("ysed", "yzed"),
    ("ysing", "yzing"), ("yses", "yzes"),
)

#: (British, American) endings tried only when the word finds nothing.
FALLBACK: tuple[tuple[str, str], ...] = (
    ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourable", "orable"),
    ("ourite", "orite"), ("tre", "ter"), ("tres", "ters"), ("bre", "ber"), ("bres", "bers"),
    ("ogue", "og"), ("ogues", "ogs"), ("ence", "ense"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"),
    ("gramme", "gram"), ("grammes", "grams"),
)

#: The shortest word a rule applies to: shorter words are too often other words ("or", "ore").
MIN_LENGTH = 4


def variants(word: str, rules: tuple[tuple[str, str], ...]) -> list[str]:
    """Return the other spellings of a folded `word` under `rules`, each once, in rule order: every pair is
    applied in both directions to the word's ending, after a stem of two letters or more ('size' has none),
    and an ending is not lengthened where the word has the longer one already ('modelling' ↛ 'modellling')."""
    found: dict[str, None] = {}
    if len(word) < MIN_LENGTH:
        return []
    for british, american in rules:
        for old, new in ((british, american), (american, british)):
            stem = word[: len(word) - len(old)]
            if word.endswith(old) and len(stem) >= 2 and not (len(new) > len(old) and word.endswith(new)):
                if stem + new != word:
                    found[stem + new] = None
    return list(found)


def as_data() -> dict[str, object]:
    """Return the rules as the search worker reads them."""
    return {"silent": [list(pair) for pair in SILENT], "fallback": [list(pair) for pair in FALLBACK],
            "min": MIN_LENGTH}
