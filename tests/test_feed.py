"""feed.xml: an Atom feed that feedparser reads with no bozo flag and that RFC 4287's own schema accepts, with
the newest 50 practices, absolute links with site_url and tag: ids without, the same bytes for the same input;
and every page's head announces it."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
import rnc2rng
from conftest import ROOT, Project, build_corpus, practice
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from goodpractices.feed import ENTRIES, feed_xml
from goodpractices.model import Catalog, PartialDate
from goodpractices.siteinfo import site_info
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMATRON = {"s": "http://www.ascc.net/xml/schematron"}
SITE_URL = "https://example.org/kb/"


@pytest.fixture(scope="module")
def schema() -> tuple[etree.RelaxNG, etree._Element]:
    """RFC 4287's schema (tests/data/atom.rnc) in XML syntax, and the grammar with its Schematron rules."""
    text = rnc2rng.dumps(rnc2rng.loads((ROOT / "tests" / "data" / "atom.rnc").read_text(encoding="utf-8")))
    # rnc2rng declares the RFC's `namespace local = ""` as xmlns:local="", which XML namespaces do not allow
    grammar = etree.fromstring(text.replace(' xmlns:local=""', "").encode())
    return etree.RelaxNG(grammar), grammar


def valid(feed: bytes, schema: tuple[etree.RelaxNG, etree._Element]) -> etree._Element:
    """Check `feed` against the RELAX NG schema and the Schematron rules it carries (which RELAX NG leaves to
    another checker: an author for each entry, a link or content for each entry); return its root."""
    relax_ng, grammar = schema
    root = etree.fromstring(feed)
    assert relax_ng.validate(root), relax_ng.error_log
    rules = grammar.findall(".//s:rule", SCHEMATRON)
    assert len(rules) == 3
    for rule in rules:
        contexts = root.xpath("//" + rule.get("context"), namespaces={"atom": ATOM[1:-1]})
        if rule.get("context") == "atom:feed":
            contexts = [root]
        for node in contexts:
            for check in rule.findall("s:assert", SCHEMATRON):
                assert node.xpath(check.get("test"), namespaces={"atom": ATOM[1:-1]}), check.text
    return root


def parsed(feed: bytes) -> feedparser.FeedParserDict:
    result = feedparser.parse(feed)
    assert not result.bozo, result.get("bozo_exception")
    assert result.version == "atom10"
    return result


def dated(n: int) -> str:
    """The n-th practice's `updated` (a full date, as the contract asks): every fifth shares a day."""
    return "2026-03-01" if n % 5 == 0 else f"{2020 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}"


CORPUS = {f"practice-{n:02d}": practice(
    (f"updated: '{dated(n)}'\n" if n % 7 else "") + ("keywords: [a & b]\n" if n == 1 else ""),
    title=f'"Practice {n:02d} <b>&amp;</b> \\"quoted\\""' if n == 1 else f"Practice number {n:02d}",
    theme=("cmo-services", "digitalisation")[n % 2], partner=("ecoplus", "inma", "vlaio")[n % 3])
    for n in range(60)}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    return build_corpus(Project(tmp_path_factory.mktemp("feed") / "project"), CORPUS)


def expected_order(catalog: Catalog) -> list[str]:
    """The practices with a date, newest first by the earliest day the date can mean, then by id."""
    with_dates = sorted((p for p in catalog.practices if p.updated), key=lambda p: p.id)
    return [p.id for p in sorted(with_dates, key=lambda p: p.updated.first_day(), reverse=True)]  # stable


def test_the_built_feed_reads_cleanly_and_holds_the_newest_fifty_with_everything(built, schema):
    site, catalog = built
    feed = (site / "feed.xml").read_bytes()
    valid(feed, schema)
    result = parsed(feed)
    order = expected_order(catalog)
    assert len(order) > ENTRIES  # 60 practices, every seventh undated: the feed leaves some out
    assert [e.link for e in result.entries] == [f"https://clusterix2.github.io/good-practices/practices/{i}.html"
                                                for i in order[:ENTRIES]]
    assert [e.id for e in result.entries] == [e.link for e in result.entries]
    newest = catalog.practice[order[0]].updated.first_day()
    assert result.feed.updated == "%04d-%02d-%02dT00:00:00Z" % newest  # the newest entry's, not the clock
    assert result.feed.links[0].rel == "self"
    assert result.feed.links[0].href == "https://clusterix2.github.io/good-practices/feed.xml"
    for entry in result.entries:
        p = catalog.practice[entry.link.rsplit("/", 1)[1][:-5]]
        assert entry.title == p.title and entry.summary == p.summary
        assert entry.updated == "%04d-%02d-%02dT00:00:00Z" % p.updated.first_day()
        theme, partner = catalog.theme[p.theme], catalog.partner[p.partner]
        assert [(t.term, t.label) for t in entry.tags] == [(theme.key, theme.title), (partner.key, partner.name)]
        assert entry.author == partner.name
    odd = next(e for e in result.entries if e.link.endswith("practice-01.html"))
    assert odd.title == 'Practice 01 <b>&amp;</b> "quoted"'  # as written: text, not markup


def test_without_site_url_links_are_relative_and_ids_are_tags(built, schema):
    _, catalog = built
    info = site_info("CLUSTERIX 2.0 good practices", None, {}, catalog)
    feed = feed_xml(catalog, info)
    valid(feed, schema)
    result = parsed(feed)
    first = result.entries[0]
    assert re.fullmatch(r"practices/practice-\d\d\.html", first.link)
    assert first.id == f"tag:clusterix-2-0-good-practices,2026:{first.link}"
    assert result.feed.id == "tag:clusterix-2-0-good-practices,2026:home"
    assert result.feed.links[0].href == "feed.xml"
    # read from where it is published, its links lead to the pages
    located = feedparser.parse(feed, response_headers={"content-location": "https://mirror.example/x/feed.xml"})
    assert located.entries[0].link == urljoin("https://mirror.example/x/feed.xml", first.link)


def test_absolute_links_follow_site_url(built, schema):
    _, catalog = built
    feed = feed_xml(catalog, site_info("Site", SITE_URL, {}, catalog))
    root = valid(feed, schema)
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert hrefs and all(h.startswith(SITE_URL) for h in hrefs)
    assert all(c.get("scheme").startswith(SITE_URL) for c in root.iter(f"{ATOM}category"))
    assert root.findtext(f"{ATOM}id") == SITE_URL


def test_same_catalogue_same_bytes_and_no_dates_at_all_still_valid(built, schema):
    _, catalog = built
    info = site_info("Site", SITE_URL, {}, catalog)
    assert feed_xml(catalog, info) == feed_xml(catalog, info)
    undated = Catalog(catalog.themes, catalog.partners,
                      tuple(dataclasses.replace(p, updated=None) for p in catalog.practices))
    result = parsed(feed_xml(undated, info))
    valid(feed_xml(undated, info), schema)
    assert result.entries == [] and result.feed.updated == "1980-01-01T00:00:00Z"


def test_text_xml_cannot_hold_is_replaced_and_the_rest_kept(built, schema):
    _, catalog = built
    p = catalog.practices[1]
    odd = dataclasses.replace(p, title="A \ufffe and \uffff title ]]> </title>", summary="<entry> & \ud800 end",
                              updated=PartialDate(2030))
    changed = Catalog(catalog.themes, catalog.partners,
                      tuple(odd if q.id == p.id else q for q in catalog.practices))
    feed = feed_xml(changed, site_info("Site", None, {}, changed))
    valid(feed, schema)
    first = parsed(feed).entries[0]
    assert first.title == "A \ufffd and \ufffd title ]]> </title>" and first.summary == "<entry> & \ufffd end"


def test_every_page_announces_the_feed_in_its_head(built):
    site, _ = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head)
        relative = page.relative_to(site).as_posix()
        base = re.findall(r'<base href="([^"]+)">', head)  # the 404 page's, for any depth it is served at
        address = urljoin("https://x/", base[0]) if base else f"https://x/good-practices/{relative}"
        assert len(links) == 1 and urljoin(address, links[0]) == "https://x/good-practices/feed.xml", page


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.tuples(st.text(min_size=1, max_size=60), st.text(min_size=1, max_size=60)),
                      min_size=1, max_size=4),
       name=st.text(min_size=1, max_size=40), url=st.sampled_from([None, SITE_URL]))
def test_any_text_gives_a_valid_feed_that_reads_back_as_written(built, schema, texts, name, url):
    """Whatever the text (validation lets through far less): valid, read by feedparser without bozo, and its
    XML holds the text as written, but for what XML cannot hold or discourages (C0 and C1 controls, lone
    surrogates, U+FFFE, U+FFFF), each given as U+FFFD. (feedparser itself "repairs" some text, e.g. 'Â¡' to '¡'.)"""
    _, catalog = built
    dated = [p for p in catalog.practices if p.updated]
    practices = tuple(dataclasses.replace(p, title=title, summary=summary) for p, (title, summary) in zip(dated, texts))
    changed = Catalog(catalog.themes, catalog.partners, practices)
    feed = feed_xml(changed, site_info(name, url, {}, changed))
    root = valid(feed, schema)
    parsed(feed)
    shown = {e.find(f"{ATOM}link[@rel='alternate']").get("href"): (e.findtext(f"{ATOM}title"),
                                                                    e.findtext(f"{ATOM}summary"))
             for e in root.iter(f"{ATOM}entry")}
    unreadable = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    assert len(shown) == len(practices)
    def as_held(text: str) -> str:  # line ends as XML reads them: CR LF and CR are LF
        return unreadable.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))

    for p in practices:
        assert shown[(url or "") + p.url] == (as_held(p.title), as_held(p.summary))
