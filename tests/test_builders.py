"""The page builders, the downloads and the feed called as plain functions, no MkDocs: what a reader sees on a
hand-made catalogue with hostile text, and, where the output is long, the whole of it against a golden file.

The golden files in tests/golden/ are the outputs as they stand: one practice, one theme and one partner page of
the real catalogue, and the transferability page, downloads and feed of the hand-made one. After a change that
means to alter them, regenerate them with `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_builders.py`
and read the diff before committing it."""

from __future__ import annotations

import io
import json
import os

import pytest
from conftest import ROOT
from goodpractices.render.site import late_html
from goodpractices import catalog as pipeline
from goodpractices.export import write_practices_csv, write_practices_json, write_transfers_csv
from goodpractices.feed import feed_xml
from goodpractices.model import Catalog
from goodpractices.related import related_practices
from goodpractices.render.partners import partner_page
from goodpractices.render.practice import practice_page, related_list
from goodpractices.render.slots import GeneratedPage
from goodpractices.render.themes import theme_page
from goodpractices.render.transferability import transferability_page
from goodpractices.siteinfo import SiteInfo, site_info
from htmltables import tables
from markupsafe import escape
from pages import HOSTILE, assembled

GOLDEN = ROOT / "tests" / "golden"
#: Set to 1 to write the outputs as the new golden files instead of comparing with them.
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

SITE = "CLUSTERIX 2.0 good practices"


def golden(name: str, output: str | bytes) -> None:
    """Compare `output` with tests/golden/<name>, byte for byte (or write it there, with UPDATE_GOLDEN=1)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(output.encode() if isinstance(output, str) else output)
    assert path.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1 and review it"
    expected: str | bytes = path.read_bytes()
    if isinstance(output, str):
        expected = expected.decode()  # so that a difference is shown line by line
    assert output == expected, f"{name} changed: if meant, run with UPDATE_GOLDEN=1 and review the diff"


def page_text(page: GeneratedPage) -> str:
    """A page as its golden file holds it: its metadata as JSON, then its Markdown with the slots in place."""
    return json.dumps(page.meta, ensure_ascii=False, sort_keys=True, indent=1) + "\n---\n" + assembled(page) + "\n"


@pytest.fixture(scope="module")
def real() -> Catalog:
    return pipeline.load(ROOT / "practices")[0]


def info(catalog: Catalog, url: str | None = "https://clusterix2.github.io/good-practices/") -> SiteInfo:
    return site_info(SITE, url, {}, catalog)


def written(write, *args) -> bytes:
    out = io.BytesIO()
    write(*args, out)
    return out.getvalue()


def glance_labels(html: str) -> list[str]:
    box = html.split('<div class="admonition abstract gp-glance">', 1)[1].split("</div>", 1)[0]
    return [label for label in box.split("<dt>")[1:] for label in [label.split("</dt>", 1)[0]]]


def test_hostile_text_is_shown_as_text_everywhere_on_the_practice_page(hand_made):
    page = practice_page(hand_made, hand_made.practice["hostile"])
    html = assembled(page)
    assert "<script" not in html and "<b>" not in html and "<em>here" not in html and "<i>&" not in html
    assert "<h1>A &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &#34;quoted&#34; &amp; co title</h1>" in html
    assert page.meta["title"] == "A &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &#34;quoted&#34; &amp; co title"
    assert page.meta["tags"] == ["audits", "&lt;b&gt;bold&lt;/b&gt;"]  # MkDocs prints metadata unescaped
    assert 'title="Compared &lt;em&gt;here&lt;/em&gt; &amp; &#34;there&#34;"' in html  # a quote cannot end the attribute
    assert '<a href="https://example.org/a?x=1&amp;y=2">Project &lt;page&gt;</a>' in html
    assert 'href="../explore/index.html?keyword=%3Cb%3Ebold%3C%2Fb%3E">&lt;b&gt;bold&lt;/b&gt;</a>' in html
    assert "<dt>Budget</dt><dd>900\u202f000 EUR</dd>" in html
    assert "<dt>Period</dt><dd>May 2017 – ongoing</dd>" in html
    # where another page names it, it is text too
    plain = assembled(practice_page(hand_made, hand_made.practice["plain"]))
    assert '<a href="hostile.html">A &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;' in plain and "<script" not in plain


def test_empty_optional_fields_leave_no_row_and_no_section(hand_made):
    plain = assembled(practice_page(hand_made, hand_made.practice["plain"]))
    assert glance_labels(plain) == ["Presented by", "Country", "Taken up by"]
    assert '<p class="gp-unrecorded">Not yet recorded: period, status, contact, budget.</p>' in plain
    for absent in ('id="links"', 'id="contact"', 'class="md-tag"', "Institution", "Budget", "Period"):
        assert absent not in plain
    dated = assembled(practice_page(hand_made, hand_made.practice["dated"]))
    assert glance_labels(dated) == ["Presented by", "Country", "Period", "Last updated"]
    assert "<dd>2019 – June 2021</dd>" in dated and 'id="connections"' not in dated
    assert '<p class="gp-none">There are no transfers recorded yet.</p>' in dated  # said, not an empty table
    hostile = assembled(practice_page(hand_made, hand_made.practice["hostile"]))
    assert glance_labels(hostile) == ["Presented by", "Institution", "Country", "Period", "Status", "Budget",
                                      "Keywords", "Taken up by", "Last updated"]
    assert "gp-unrecorded" not in hostile


def test_a_practices_transfers_show_each_stage_in_symbol_and_word(hand_made):
    html = assembled(practice_page(hand_made, hand_made.practice["plain"]))
    rows = tables(html)[-1]
    assert rows == [["Partner", "Stage"], ["ecoplus (P1)", "○ Interested"], ["NOI Techpark (P2)", "◑ In action plan"]]


def test_the_transferability_page_names_hostile_titles_as_text(hand_made):
    html = assembled(transferability_page(hand_made, info(hand_made)))
    assert "<script" not in html and f">{escape(HOSTILE)}</a>" in html


def test_a_practice_page_of_the_real_catalogue_is_its_golden_file(real):
    key = "interregional-staff-exchange"  # a start date, a transfer, links and related practices
    related = related_list(real, related_practices(real)[key])
    golden(f"practice-{key}.html", page_text(practice_page(real, real.practice[key], related)))


def test_a_theme_page_of_the_real_catalogue_is_its_golden_file(real):
    golden("theme-sme-innovation.md", page_text(theme_page(real, real.theme["sme-innovation"])))


def test_a_partner_page_of_the_real_catalogue_is_its_golden_file(real):
    late = late_html(real)  # the map goes into the page as it is written
    golden("partner-inma.md", late.fill(page_text(partner_page(real, real.partner["inma"], late))))  # presents two, took up two


def test_the_transferability_page_is_its_golden_file(hand_made):
    golden("transferability.md", page_text(transferability_page(hand_made, info(hand_made))))


@pytest.mark.parametrize(("name", "write"), [("practices.csv", write_practices_csv),
                                             ("transferability.csv", write_transfers_csv)])
def test_the_csv_downloads_are_their_golden_files(hand_made, name, write):
    golden(name, written(write, hand_made))


def test_the_json_download_is_its_golden_file(hand_made):
    golden("practices.json", written(write_practices_json, hand_made, info(hand_made)))


def test_the_feed_is_its_golden_file(hand_made):
    golden("feed.xml", feed_xml(hand_made, info(hand_made)))
    golden("feed-without-site-url.xml", feed_xml(hand_made, info(hand_made, None)))
