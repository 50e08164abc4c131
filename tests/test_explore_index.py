"""The explore index: compact (under 600 bytes per practice), complete, deterministic, and plain data."""

from __future__ import annotations

import json
from pathlib import Path

import make_corpus  # a script, on pytest's path
from goodpractices import catalog as pipeline
from goodpractices.explore import FIELDS, GLOBAL, index_script
from goodpractices.folding import fold, folded_forms
from goodpractices.reader import period


def parse(script: str) -> dict:
    prefix = f"window.{GLOBAL} = "
    assert script.startswith(prefix) and script.endswith(";\n")
    return json.loads(script[len(prefix):-2])


def test_the_index_is_small_complete_and_the_same_every_time(tmp_path: Path) -> None:
    folder = tmp_path / "practices"
    make_corpus.write_corpus(300, folder, seed=3)
    catalog = pipeline.load(folder)[0]
    script = index_script(catalog)
    assert script == index_script(pipeline.load(folder)[0])  # same input, same bytes
    assert len(script.encode()) / len(catalog.practices) < 600
    data = parse(script)
    rows = [dict(zip(FIELDS, row)) for row in data["practices"]]
    assert sorted(r["id"] for r in rows) == [p.id for p in catalog.practices]
    assert [r["title"] for r in rows] == sorted((p.title for p in catalog.practices), key=lambda t: (fold(t), t))
    for row in rows:
        p = catalog.practice[row["id"]]
        assert (row["title"], row["summary"], row["period"]) == (p.title, p.summary, period(p) or "")
        assert data["themes"][row["theme"]][0] == p.theme and data["partners"][row["partner"]][0] == p.partner
        assert data["countries"][row["country"]][0] == p.country
        assert [data["keywords"][k] for k in row["keywords"]] == list(p.keywords)
        pairs = list(zip(row["transfers"][::2], row["transfers"][1::2]))
        assert [(data["partners"][i][0], data["stages"][s][0]) for i, s in pairs] == [
            (t.partner, t.stage) for t in p.transfers]
    assert script.count("\n") == len(catalog.practices) + 2  # one practice per line


def test_folding_drops_accents_and_case_and_lists_each_changed_word_once() -> None:
    assert fold("Auvergne-Rhône-Alpes Øresund Straße Łódź") == "auvergne-rhone-alpes oresund strasse lodz"
    assert folded_forms("Region Skåne, Skåne and SKÅNE; Malmö or Malmo, plain words") == "skane malmo"
    assert folded_forms("No accents here") == ""


def _offered(html: str) -> dict[str, dict[str, int]]:
    """The explore page's facets: name → {value: count of the whole library}."""
    import re

    found: dict[str, dict[str, int]] = {}
    for name, value, count in re.findall(r'<input type="(?:checkbox|radio)" name="([a-z]+)" value="([^"]*)"[^>]*>'
                                         r'<span class="gp-facet__name[^"]*">[^<]*</span> '
                                         r'<span class="gp-facet__count">(\d+)</span>', html):
        found.setdefault(name, {})[value] = int(count)
    return found


def test_the_page_offers_only_facet_values_that_match_some_practice(tmp_path: Path) -> None:
    from goodpractices.render.explore import explore_page
    from goodpractices.schema import STAGES, STATUSES

    # The shipped practices: no status at all, so no Status facet; uptake only by the partners that took some up.
    catalog, _ = pipeline.load(Path(__file__).resolve().parent.parent / "practices")
    html = b"".join(explore_page(catalog).slots).decode()
    offered = _offered(html)
    assert "status" not in offered and 'data-facet="status"' not in html and "status," not in html
    assert set(offered["by"]) == {""} | {t.partner for t in catalog.transfers}
    assert set(offered["partner"]) == {p.partner for p in catalog.practices}
    assert set(offered["stage"]) == {""} | {s for i, s in enumerate(STAGES)
                                            if any(t.rank >= i for t in catalog.transfers)}
    assert all(n > 0 for values in offered.values() for n in values.values())
    # A corpus where every status and stage occurs offers them all.
    make_corpus.write_corpus(60, tmp_path, seed=7)
    catalog, _ = pipeline.load(tmp_path)
    offered = _offered(b"".join(explore_page(catalog).slots).decode())
    assert set(offered["status"]) == {s for s in STATUSES if any(p.status == s for p in catalog.practices)}
    assert all(n > 0 for values in offered.values() for n in values.values())
