"""Each front-matter field in a policy officer's words: the Contributing page's table of what to write."""

from __future__ import annotations

from .schema import FIELDS, Field

#: Each field in a policy officer's words, for the Contributing page's table (the rules above are the checks').
PLAIN_RULES: dict[str, str] = {
    "title": "The practice's name, 5 to 150 characters, different from the title of every other practice.",
    "theme": "The key of the one theme the practice belongs to, from the list of theme keys above.",
    "partner": "The key of the partner that presents the practice, from the list of partner keys above.",
    "summary": "One plain paragraph of 50 to 800 characters, without formatting: what the practice does, for "
               "whom, and why other regions may want to learn from it.",
    "country": "The two-letter country code, such as AT or RO, if the practice runs outside the partner's "
               "country; the partner's country otherwise.",
    "region": "The region's name, such as Lower Austria.",
    "institution": "The organisation that runs the practice.",
    "start": "When the practice started: a year (2017), a month (2017-05) or a day (2017-05-14).",
    "end": "When it ended, written like the start, or the word ongoing.",
    "status": "planned, ongoing or completed.",
    "budget_eur": "The budget in euros, as a plain number such as 900000: no spaces, points or currency sign.",
    "keywords": "A few words or short phrases that help people find the practice, up to 40 characters each, "
                "written as [innovation vouchers, SMEs].",
    "inspired_by": "Other practices of this site that inspired this one, by the last part of their page "
                   "address, written as [flemish-cluster-programme].",
    "transferability": "The partners that took the practice up, each with the furthest stage it reached (see "
                       "below).",
    "contact": "A person to ask about the practice: a name, and if you wish an organisation and an e-mail "
               "address.",
    "links": "Web pages about the practice, each with its text and an address starting with https://.",
    "updated": "The day the entry was last revised, such as 2026-11-21; the form and make new fill it in.",
}
assert set(PLAIN_RULES) == {field.name for field in FIELDS if not field.shows}  # a plain field's hint says it


def plain_rule(field: Field) -> str:
    """Return what to write in a field, in a policy officer's words: PLAIN_RULES, or a plain field's own hint."""
    return PLAIN_RULES.get(field.name) or field.hint[:1].upper() + field.hint[1:] + "."


def reference_table() -> str:
    """Return the fields as a Markdown definition list for the Contributing page (a name never breaks mid-word,
    as it would in a narrow table column), in a policy officer's words."""
    entries = []
    for f in FIELDS:
        if f.listed("reference"):
            needed = " (required)" if f.required else ""
            entries.append(f"`{f.name}`{needed}\n:   {plain_rule(f)}\n")
    return "\n".join(entries)
