"""Related practices: the ranking rules on hand-made catalogues (against every pair compared, on random ones),
then the reasons as a built practice page and a practice's PDF show them."""

from __future__ import annotations

import html as html_module
import io
import re
from pathlib import Path

import pytest
from conftest import Project, build_corpus, practice
from goodpractices.folding import fold
from goodpractices.model import Catalog, Partner, Practice, Theme
from goodpractices.pdf import document
from goodpractices.pdf.write import Site, pdf_bytes
from goodpractices.related import LIMIT, Related, RelatedTable, related_practices
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

THEMES = tuple(Theme(key, key.title(), "Why?", "What.", None, None) for key in ("alpha", "beta", "gamma"))
PARTNERS = tuple(Partner(key, n, key.upper(), key.upper(), country, country, None, n == 1, None, False)
                 for n, (key, country) in enumerate((("p-at", "AT"), ("p-se", "SE"), ("p-se2", "SE")), start=1))


def make(id: str, theme: str = "alpha", country: str = "AT", keywords: tuple[str, ...] = (),
         inspired_by: tuple[str, ...] = ()) -> Practice:
    """A practice with only what the ranking reads; its partner is one from its country."""
    partner = {"AT": "p-at", "SE": "p-se"}.get(country, "p-se2")
    return Practice(id, f"practices/{id}.md", f"Title of {id}", theme, partner, "Summary.", country, None, None,
                    None, None, False, None, None, keywords, inspired_by, (), None, (), None, b"", (), (), ())


def catalogue(*practices: Practice) -> Catalog:
    return Catalog(THEMES, PARTNERS, tuple(sorted(practices, key=lambda p: p.id)))


def ranked(catalog: Catalog, id: str) -> list[tuple[str, str]]:
    return [(r.id, r.reason) for r in related_practices(catalog)[id]]


def test_what_is_shared_ranks_and_is_said():
    catalog = catalogue(
        make("me", "alpha", "AT", ("clusters", "funding", "SMEs")),
        make("a-theme", "alpha", "SE"),                                   # 3
        make("b-two-keywords", "beta", "SE", ("Clusters", "funding")),    # 2 + 2 = 4
        make("c-theme-country", "alpha", "AT"),                           # 3 + 1 = 4
        make("d-everything", "alpha", "AT", ("smes",)),                   # 3 + 2 + 1 = 6
        make("e-country", "gamma", "AT"),                                 # 1
        make("f-nothing", "gamma", "SE", ("design",)),                    # 0: not related
        make("g-keyword", "gamma", "SE", ("funding",)),                   # 2
    )
    assert ranked(catalog, "me") == [
        ("d-everything", "same theme · 1 shared keyword · same country"),
        ("b-two-keywords", "2 shared keywords"),
        ("c-theme-country", "same theme · same country"),
        ("a-theme", "same theme"),
        ("g-keyword", "1 shared keyword"),
    ]  # five at most: e-country (1) is sixth; f-nothing shares nothing


def test_an_inspired_by_link_either_way_comes_first_whatever_the_rest_shares():
    catalog = catalogue(
        make("me", "alpha", "AT", ("clusters",), inspired_by=("z-source",)),
        make("z-source", "gamma", "SE"),                                  # shares nothing but the link
        make("y-follower", "beta", "SE", inspired_by=("me",)),            # links to me
        make("x-twin", "alpha", "AT", ("clusters",)),                     # shares everything, no link
    )
    assert ranked(catalog, "me") == [("y-follower", "inspired by this practice"),
                                     ("z-source", "inspired this practice"),
                                     ("x-twin", "same theme · 1 shared keyword · same country")]
    assert ranked(catalog, "z-source")[0] == ("me", "inspired by this practice")


def test_never_itself_never_more_than_five_and_ties_go_by_id():
    catalog = catalogue(*(make(f"p{n:02d}", "alpha", "AT", ("clusters",)) for n in range(12)))
    for p in catalog.practices:
        found = [r.id for r in related_practices(catalog)[p.id]]
        expected = [q.id for q in catalog.practices if q.id != p.id][:LIMIT]
        assert found == expected


def test_keywords_are_compared_folded_and_a_lone_practice_has_none():
    catalog = catalogue(make("a", "alpha", "AT", ("Skåne clusters",)), make("b", "beta", "SE", ("skane CLUSTERS",)),
                        make("c", "gamma", "XX"))
    assert ranked(catalog, "a") == [("b", "1 shared keyword")]
    assert ranked(catalog, "c") == []
    assert related_practices(catalogue()) == {}


def brute_force(catalog: Catalog, p: Practice) -> list[tuple[str, tuple[str, ...]]]:
    """The rules applied by comparing `p` with every other practice: the oracle the indexes must agree with."""
    rows = []
    for q in catalog.practices:
        if q.id == p.id:
            continue
        shared = len({fold(k) for k in p.keywords} & {fold(k) for k in q.keywords})
        linked = q.id in p.inspired_by or p.id in q.inspired_by
        score = 3 * (p.theme == q.theme) + 2 * shared + (p.country == q.country)
        reasons = (("inspired this practice",) * (q.id in p.inspired_by)
                   + ("inspired by this practice",) * (p.id in q.inspired_by)
                   + ("same theme",) * (p.theme == q.theme)
                   + ((f"{shared} shared keyword" + "s" * (shared != 1),) if shared else ())
                   + ("same country",) * (p.country == q.country))
        if linked or score:
            rows.append((not linked, -score, q.id, reasons))
    return [(id, reasons) for _, _, id, reasons in sorted(rows)[:LIMIT]]


WORDS = ("clusters", "Clusters", "funding", "SMEs", "smes", "design", "Skåne", "skane", "audits")


@st.composite
def catalogues(draw: st.DrawFn) -> Catalog:
    ids = sorted(draw(st.sets(st.text("abcdefgh", min_size=1, max_size=3), max_size=30)))
    practices = []
    for n, id in enumerate(ids):
        earlier = ids[:n]
        practices.append(make(
            id, draw(st.sampled_from(("alpha", "beta", "gamma"))), draw(st.sampled_from(("AT", "SE", "DK"))),
            tuple(dict.fromkeys(draw(st.lists(st.sampled_from(WORDS), max_size=6)))),
            tuple(draw(st.sets(st.sampled_from(earlier), max_size=2))) if earlier else ()))
    return catalogue(*practices)


@settings(max_examples=300, deadline=None)
@given(catalog=catalogues())
def test_the_indexes_find_what_comparing_every_pair_finds(catalog: Catalog):
    found = related_practices(catalog)
    for p in catalog.practices:
        assert [(r.id, r.reasons) for r in found[p.id]] == brute_force(catalog, p)



@settings(max_examples=100, deadline=None)
@given(catalog=catalogues())
def test_the_compact_table_gives_back_what_was_found(catalog: Catalog):
    """The pages get their related practices from a compact table (positions and reason sets, in arrays) only as
    each is written: it gives back every practice's, in order, with the same reasons, and says which have none."""
    found = related_practices(catalog)
    table = RelatedTable.of(catalog.practices, found)
    assert [table.row(n) for n in range(len(catalog.practices))] == [found[p.id] for p in catalog.practices]
    assert [table.has(n) for n in range(len(catalog.practices))] == [bool(found[p.id]) for p in catalog.practices]
    assert len(table.words) == len({r.reasons for rs in found.values() for r in rs})

# A built site and a PDF: the reasons are shown.

CORPUS = {
    "main-practice": practice("keywords: [clusters, funding]\n", title="Main practice",
                              theme="cmo-services", partner="ecoplus"),
    "source-practice": practice("inspired_by: [main-practice]\n", title="Source <practice> & co",
                                theme="digitalisation", partner="inma"),
    "keyword-practice": practice("keywords: [Clusters, FUNDING]\n", title="Keyword practice",
                                 theme="digitalisation", partner="vlaio"),
    "theme-practice": practice(title="Theme practice", theme="cmo-services", partner="vlaio"),
    "country-practice": practice(title="Country practice", theme="3d-printing", partner="ecoplus"),
    "nothing-practice": practice(title="Nothing practice", theme="3d-printing", partner="inma"),
}
EXPECTED = [("source-practice", "Source <practice> & co", "INMA", "inspired by this practice"),
            ("keyword-practice", "Keyword practice", "VLAIO", "2 shared keywords"),
            ("theme-practice", "Theme practice", "VLAIO", "same theme"),
            ("country-practice", "Country practice", "ecoplus", "same country")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    return build_corpus(Project(tmp_path_factory.mktemp("related") / "project"), CORPUS)


def test_the_page_lists_the_related_practices_with_why_last_and_in_its_contents(built):
    site, catalog = built
    html = (site / "practices" / "main-practice.html").read_text()
    section = html.split('<h2 id="related">', 1)[1].split("</ul>", 1)[0]
    assert section.startswith('Related practices<a class="headerlink" href="#related"')
    items = re.findall(r'<li><a href="([^"]+)\.html">([^<]*)</a> \(([^)]*)\) &mdash; '
                       r'<span class="gp-related__why">([^<]*)</span></li>', section)
    assert [(i, html_module.unescape(t), p, w) for i, t, p, w in items] == EXPECTED
    assert section.count("<li>") == len(EXPECTED)
    assert '<a href="#related"' in html.split('data-md-component="toc"', 1)[1]  # in the table of contents
    assert html.index('id="transferability"') < html.index('id="related"')
    for p in catalog.practices:  # every page: never itself
        page = (site / "practices" / f"{p.id}.html").read_text()
        assert f'<li><a href="{p.id}.html">' not in page


def test_a_body_section_named_like_it_is_refused(check):
    problems = check({"x.md": practice(body="## Related practices\n\nMine.\n")})
    assert ("practices/x.md:8: body: has a 'Related practices' section, which the page makes from the front "
            "matter (use the keywords field, or name the section otherwise)") in problems


def test_the_pdf_of_a_practice_shows_them_with_why(built):
    _, catalog = built
    pdf = pdf_bytes(catalog, document.practice(catalog, "main-practice"), Site("Site", "Author", None))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    section = text.split("Related practices", 1)[1]
    lines = [f"{title} ({partner}) — {why}" for _, title, partner, why in EXPECTED]
    positions = [section.find(line) for line in lines]
    assert -1 not in positions and positions == sorted(positions), section
    assert "Nothing practice" not in section


def test_related_is_what_the_page_and_pdf_read(built):
    _, catalog = built
    found = related_practices(catalog)["main-practice"]
    assert [r.id for r in found] == [e[0] for e in EXPECTED]
    assert isinstance(found[0], Related) and found[1].reason == "2 shared keywords"
