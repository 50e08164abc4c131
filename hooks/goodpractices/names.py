"""Every name a person sees for a partner or a theme (key, short and full name, 'P6', title), and the key it means.

A name matches in any case, with or without accents, with any spacing or punctuation; a near miss gets the closest
name's key as a suggestion."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from . import folding
from .model import Partner, Theme

#: (folded name, key) pairs: what a Context carries to suggest keys from names.
Aliases = tuple[tuple[str, str], ...]


def fold(text: str) -> str:
    """Return the form under which names compare: folded as search folds words (no accents, no case), words
    joined by single spaces."""
    return " ".join(re.findall(r"\w+", folding.fold(text.casefold())))


def partner_names(partner: Partner) -> list[str]:
    """Return every name the site and the form show for a partner."""
    return [partner.key, partner.short_name, partner.name, f"P{partner.number}", f"P{partner.number:02d}",
            f"P {partner.number}", f"P {partner.number:02d}", f"Partner {partner.number}",  # 'P 6', 'P-06'
            f"{partner.short_name}, {partner.country} ({partner.key})"]


def theme_names(theme: Theme) -> list[str]:
    """Return every name the site and the form show for a theme."""
    return [theme.key, theme.title, f"{theme.title} ({theme.key})"]


def aliases(themes: Sequence[Theme] = (), partners: Sequence[Partner] = ()) -> tuple[Aliases, Aliases]:
    """Return the (folded name, key) pairs of the themes and of the partners; a name shared by two keys is left out."""
    return _pairs((t.key, theme_names(t)) for t in themes), _pairs((p.key, partner_names(p)) for p in partners)


def _pairs(entries: Iterable[tuple[str, list[str]]]) -> Aliases:
    found: dict[str, set[str]] = {}
    for key, names in entries:
        for name in names:
            folded = fold(name)
            if folded:
                found.setdefault(folded, set()).add(key)
    return tuple(sorted((name, next(iter(keys))) for name, keys in found.items() if len(keys) == 1))


def key_for(text: str, pairs: Aliases) -> str | None:
    """Return the key a name stands for exactly (once folded), or None."""
    return dict(pairs).get(fold(text))


def suggestion(text: str, pairs: Aliases) -> str | None:
    """Return the key a name stands for, exactly or nearly (a typo, a missing word), or None."""
    exact = key_for(text, pairs)
    if exact is not None or not pairs:
        return exact
    names = dict(pairs)
    close = difflib.get_close_matches(fold(text), list(names), n=1, cutoff=0.75)
    if close:
        return names[close[0]]
    folded = fold(text)  # a word of a long name, e.g. 'ostrava' for 'RDA Ostrava'
    keys = {key for name, key in pairs if len(folded) >= 4 and re.search(rf"\b{re.escape(folded)}\b", name)}
    return keys.pop() if len(keys) == 1 else None


def stage_for(text: str, stages: Sequence[str]) -> str | None:
    """Return the stage a typed word stands for ('In action plan', 'ASSESSED'), or None."""
    folded = "-".join(fold(text).split())
    return folded if folded in stages else None
