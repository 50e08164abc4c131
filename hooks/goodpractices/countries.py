"""ISO 3166-1 alpha-2 country codes and their English names (from Babel's CLDR data), and the code for a name."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

#: CLDR territory codes that are two letters but not ISO 3166-1 countries.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})
#: The table below as scripts/generate.py writes it from Babel (a test checks it is current): loading Babel's
#: English locale for it took about 9 MB, which every build held to its end.
TABLE = "countries.json"

COUNTRIES: dict[str, str] = json.loads(resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8"))


def cldr_countries() -> dict[str, str]:
    """Return the countries and their English names as Babel's CLDR data gives them, by code."""
    from babel import Locale  # noqa: PLC0415 (only the generator and the name lookup need it)

    return {code: name for code, name in sorted(Locale("en").territories.items())
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


def table_text() -> str:
    """Return countries.json as scripts/generate.py writes it."""
    return json.dumps(cldr_countries(), ensure_ascii=False, indent=0) + "\n"

#: Languages whose country names are understood in place of a code: English and the partners' languages.
NAME_LANGUAGES = ("en", "cs", "da", "de", "fr", "hu", "it", "nb", "nl", "ro", "sv")


#: Names still in wide use that CLDR lists only as variants.
_ALIASES = {"czech republic": "CZ", "great britain": "GB", "holland": "NL", "the netherlands": "NL",
            # the European Union's own codes, which Interreg Europe's documents use: EL for Greece, UK for the UK
            "el": "GR", "uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB"}


@cache
def _codes_by_name() -> dict[str, str]:
    from babel import Locale  # noqa: PLC0415 (loaded only to suggest a code for a name)

    names = {code.casefold(): code for code in COUNTRIES} | _ALIASES
    for language in NAME_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if code in COUNTRIES:
                names.setdefault(name.casefold(), code)
    return names


def code_for(text: str) -> str | None:
    """Return the code a country name (English or a partner's language) or a code in the wrong case stands for."""
    from .names import fold  # noqa: PLC0415 (names imports the model; countries is imported early)

    names = _codes_by_name()
    return names.get(" ".join(text.split()).casefold()) or _folded_codes().get(fold(text))


@cache
def _folded_codes() -> dict[str, str]:
    """The names of _codes_by_name without accents, case or punctuation ('osterreich', 'cote d ivoire')."""
    from .names import fold  # noqa: PLC0415

    folded: dict[str, str] = {}
    for name, code in _codes_by_name().items():
        folded.setdefault(fold(name), code)
    return folded
