"""A catalogue at the map's held-out scale, made in memory: 40 partners in real European cities, 300 transfers."""

from __future__ import annotations

import random

from goodpractices.model import Catalog, Partner, Practice, Theme, Transfer
from goodpractices.schema import STAGES

#: Forty seats of regional agencies (name, country, latitude, longitude): crowded where Europe is.
CITIES = (
    ("Vienna", "AT", 48.21, 16.37), ("Bratislava", "SK", 48.15, 17.11), ("Budapest", "HU", 47.50, 19.04),
    ("Prague", "CZ", 50.08, 14.44), ("Brno", "CZ", 49.20, 16.61), ("Ostrava", "CZ", 49.82, 18.26),
    ("Kraków", "PL", 50.06, 19.94), ("Warsaw", "PL", 52.23, 21.01), ("Berlin", "DE", 52.52, 13.40),
    ("Munich", "DE", 48.14, 11.58), ("Stuttgart", "DE", 48.78, 9.18), ("Düsseldorf", "DE", 51.23, 6.78),
    ("Hamburg", "DE", 53.55, 9.99), ("Amsterdam", "NL", 52.37, 4.90), ("Eindhoven", "NL", 51.44, 5.47),
    ("Brussels", "BE", 50.85, 4.35), ("Ghent", "BE", 51.05, 3.72), ("Liège", "BE", 50.63, 5.57),
    ("Lille", "FR", 50.63, 3.06), ("Paris", "FR", 48.86, 2.35), ("Lyon", "FR", 45.76, 4.84),
    ("Toulouse", "FR", 43.60, 1.44), ("Barcelona", "ES", 41.39, 2.17), ("Bilbao", "ES", 43.26, -2.93),
    ("Porto", "PT", 41.15, -8.61), ("Milan", "IT", 45.46, 9.19), ("Bolzano", "IT", 46.50, 11.35),
    ("Bologna", "IT", 44.49, 11.34), ("Ljubljana", "SI", 46.06, 14.51), ("Zagreb", "HR", 45.81, 15.98),
    ("Bucharest", "RO", 44.43, 26.10), ("Iași", "RO", 47.16, 27.59), ("Sofia", "BG", 42.70, 23.32),
    ("Thessaloniki", "GR", 40.64, 22.94), ("Copenhagen", "DK", 55.68, 12.57), ("Lund", "SE", 55.70, 13.19),
    ("Gothenburg", "SE", 57.71, 11.97), ("Tampere", "FI", 61.50, 23.76), ("Tallinn", "EE", 59.44, 24.75),
    ("Dublin", "IE", 53.35, -6.26),
)


def practice(key: str, theme: str, partner: Partner, transfers: tuple[Transfer, ...], year: int) -> Practice:
    """A practice with only what the map and the figures read."""
    from goodpractices.model import PartialDate  # noqa: PLC0415

    return Practice(key, f"practices/{key}.md", f"Practice {key}", theme, partner.key, "A summary.", partner.country,
                    None, None, PartialDate(year), None, False, None, None, (), (), transfers, None, (), None,
                    b"", (), (), ())


def scale_catalog(partners: int = 40, transfers: int = 300, seed: int = 7, each: int = 2) -> Catalog:
    """Return a catalogue of `partners` partners and `each` practices each, with `transfers` transfers at random."""
    rng = random.Random(seed)
    theme = Theme("tests", "Tests", "Does it scale?", "A theme for tests.", None, "#123456")
    found = tuple(Partner(f"agency-{n}", n, f"Regional agency of {city}", f"{city} Agency", country, city, None,
                          n == 1, None, True, lat, lon)
                  for n, (city, country, lat, lon) in enumerate(CITIES[:partners], start=1))
    pairs = set()
    while len(pairs) < transfers:
        practice_number, taker = rng.randrange(each * partners), rng.randrange(partners)
        if practice_number // each != taker:
            pairs.add((practice_number, taker))
    practices = []
    for n in range(each * partners):
        owner = found[n // each]
        taken = tuple(Transfer(f"p{n:03d}", found[t].key, rng.choice(STAGES), None)
                      for m, t in sorted(pairs) if m == n)
        practices.append(practice(f"p{n:03d}", "tests", owner, taken, 2016 + n % 8))
    return Catalog((theme,), found, tuple(practices))
