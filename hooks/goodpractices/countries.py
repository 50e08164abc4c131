"""ISO 3166-1 alpha-2 country codes and their English names (from Babel's CLDR data), and the code for a name."""

from __future__ import annotations

from functools import cache

from babel import Locale

#: CLDR territory codes that are two letters but not ISO 3166-1 countries.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})

COUNTRIES: dict[str, str] = {
    code: name
    for code, name in sorted(Locale("en").territories.items())
    if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
}

#: Languages whose country names are understood in place of a code: English and the partners' languages.
NAME_LANGUAGES = ("en", "cs", "da", "de", "fr", "hu", "it", "nb", "nl", "ro", "sv")


#: Names still in wide use that CLDR lists only as variants.
_ALIASES = {"czech republic": "CZ", "great britain": "GB", "holland": "NL", "the netherlands": "NL"}


@cache
def _codes_by_name() -> dict[str, str]:
    names = {code.casefold(): code for code in COUNTRIES} | _ALIASES
    for language in NAME_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if code in COUNTRIES:
                names.setdefault(name.casefold(), code)
    return names


def code_for(text: str) -> str | None:
    """Return the code a country name (English or a partner's language) or a code in the wrong case stands for."""
    return _codes_by_name().get(" ".join(text.split()).casefold())
