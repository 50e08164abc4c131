"""ISO 3166-1 alpha-2 country codes and their English names (from Babel's CLDR data)."""

from __future__ import annotations

from babel import Locale

#: CLDR territory codes that are two letters but not ISO 3166-1 countries.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})

COUNTRIES: dict[str, str] = {
    code: name
    for code, name in sorted(Locale("en").territories.items())
    if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
}
