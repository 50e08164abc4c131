"""What each practice still lacks for stakeholders: recommended sections, expected fields, placeholder sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Catalog, Practice
from .schema import EXPECTED_FIELDS, FIELDS_BY_NAME, PLACEHOLDER_WORDS, PLACEHOLDERS, SECTIONS

_SENTENCE = re.compile(r".*?(?:[.!?](?=\s|$)|$)", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?]\s+")


@dataclass(frozen=True)
class Gaps:
    """One practice's gaps: the sections and fields it lacks, and the placeholder sentences in its text."""

    practice: Practice
    sections: tuple[str, ...]
    fields: tuple[str, ...]
    placeholders: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.sections or self.fields or self.placeholders)


def field_label(name: str) -> str:
    """Name an expected field for editors as the file and the form name it: 'start', 'status', 'contact',
    'budget'."""
    return {"budget_eur": "budget"}.get(name, FIELDS_BY_NAME[name].name)


def placeholder_sentences(prose: str) -> tuple[str, ...]:
    """Return the sentences of `prose` (a body's Markdown as written) that hold a placeholder word, once each."""
    sentences: dict[str, None] = {}
    folded = prose.casefold()  # most practices hold none: a plain search says so faster than the pattern
    start = scanned = 0  # where the last match's sentence starts; how far the text is read for line and sentence ends
    said = -1  # where the last sentence read starts
    for match in PLACEHOLDERS.finditer(prose) if any(word in folded for word in PLACEHOLDER_WORDS) else ():
        # Read on from the last match only (linear: from the line's start each time, 40,000 'TODO' on one line
        # took minutes), and read each sentence once however many placeholders it holds.
        start = max(start, prose.rfind("\n", scanned, match.start()) + 1)
        for end in _SENTENCE_END.finditer(prose, max(start, scanned), match.start()):
            start = end.end()
        scanned = match.start()
        if start != said:
            said = start
            sentences.setdefault(_SENTENCE.match(prose, start).group(0).strip())
    return tuple(sentences)


def gaps_of(practice: Practice) -> Gaps:
    """Return what one practice lacks."""
    headings = {heading.title.casefold() for heading in practice.headings}
    sections = tuple(s for s in SECTIONS if s.casefold() not in headings)
    fields = tuple(name for name in EXPECTED_FIELDS if getattr(practice, name) is None)
    return Gaps(practice, sections, fields, practice.placeholders)


def by_partner(catalog: Catalog) -> list[tuple[str, tuple[Gaps, ...]]]:
    """Return, per partner (in registry order) with any gaps, its practices' gaps (by title)."""
    groups = []
    for partner in catalog.partners:
        found = tuple(g for g in (gaps_of(p) for p in sorted(catalog.by_partner[partner.key],
                                                               key=lambda p: p.title.casefold())) if g)
        if found:
            groups.append((partner.key, found))
    return groups


def report(catalog: Catalog) -> str:
    """Return the completeness report as plain text, for editors at a terminal."""
    lines = []
    groups = by_partner(catalog)
    for key, gaps in groups:
        partner = catalog.partner[key]
        lines.append(f"{partner.short_name} ({key}): {len(gaps)} of {len(catalog.by_partner[key])} "
                     "practices need work")
        for gap in gaps:
            lines.append(f"  {gap.practice.source}: {gap.practice.title}")
            if gap.sections:
                lines.append(f"    missing sections: {', '.join(gap.sections)}")
            if gap.fields:
                lines.append(f"    missing fields: {', '.join(map(field_label, gap.fields))}")
            lines += [f"    placeholder: {sentence}" for sentence in gap.placeholders]
    complete = len(catalog.practices) - sum(len(gaps) for _, gaps in groups)
    lines.append(f"{complete} of {len(catalog.practices)} practices are complete.")
    return "\n".join(lines) + "\n"
