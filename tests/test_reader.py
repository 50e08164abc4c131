"""The reader vocabulary (reader.py) as plain functions on a hand-made catalogue: money, stage words and symbols,
place, period wording, the at-a-glance rows a practice gives and no others, and the record of the downloads."""

from __future__ import annotations

import dataclasses
import re

import pytest
from goodpractices.model import PartialDate
from goodpractices.reader import glance, money, number, period, place, record, unrecorded
from goodpractices.render.rows import stage_cell
from pages import HOSTILE

NNBSP = "\u202f"  # the narrow no-break space between thousands


@pytest.mark.parametrize(("amount", "said"), [(900_000, f"900{NNBSP}000 EUR"), (1250.5, f"1{NNBSP}250.50 EUR"),
                                              (0, "0 EUR"), (999, "999 EUR"), (1_000_000, f"1{NNBSP}000{NNBSP}000 EUR")])
def test_money_is_euros_with_thousands_apart_by_a_narrow_no_break_space(amount, said):
    assert money(amount) == said
    assert number(amount) + " EUR" == said


@pytest.mark.parametrize(("stage", "said"), [("interested", "○ Interested"), ("assessed", "◔ Assessed"),
                                             ("in-action-plan", "◑ In action plan"), ("implemented", "● Implemented"),
                                             ("origin", "★ Origin")])
def test_each_stage_reads_as_its_symbol_then_its_word(stage, said):
    html = str(stage_cell(stage))
    assert re.sub(r"<[^>]+>", "", html) == said
    assert f'<span aria-hidden="true">{said[0]}</span>' in html  # the symbol is not read out; the word is
    assert str(stage_cell(None)) == ""


def test_a_stage_note_is_a_tooltip_escaped(hand_made):
    noted = next(t for t in hand_made.practice["hostile"].transfers if t.note)
    assert 'title="Compared &lt;em&gt;here&lt;/em&gt; &amp; &#34;there&#34;"' in str(stage_cell(noted))


def test_period_wording(hand_made):
    hostile, dated, plain = (hand_made.practice[key] for key in ("hostile", "dated", "plain"))
    assert period(hostile) == "May 2017 – ongoing"
    assert period(dated) == "2019 – June 2021"
    assert period(dataclasses.replace(dated, end=None)) == "since 2019"
    assert period(dataclasses.replace(dated, start=None)) == "until June 2021"
    assert period(dataclasses.replace(dated, start=PartialDate(2019, 3, 4), end=None, ongoing=True)) == \
        "4 March 2019 – ongoing"
    assert period(plain) is None


def test_place_is_the_country_name_and_the_region_if_given(hand_made):
    assert place(hand_made.practice["hostile"]) == "Italy · South Tyrol"
    assert place(hand_made.practice["hostile"], ", ") == "Italy, South Tyrol"
    assert place(hand_made.practice["plain"]) == "Romania"  # the partner's country, filled in


def test_the_glance_box_has_a_row_for_what_the_practice_gives_and_none_for_what_it_leaves_out(hand_made):
    rows = {p.id: [(r.label, r.value) for r in glance(hand_made, p)] for p in hand_made.practices}
    assert rows["hostile"] == [
        ("Presented by", "NOI Techpark Südtirol/Alto Adige (project partner P2)"),
        ("Institution", "Agency <i>&</i> Co"),  # text: the page escapes it
        ("Country", "Italy · South Tyrol"), ("Period", "May 2017 – ongoing"), ("Status", "Ongoing"),
        ("Budget", f"900{NNBSP}000 EUR"), ("Keywords", "audits, <b>bold</b>"),
        ("Taken up by", "INMA (implemented), VLAIO (assessed)"), ("Last updated", "2 January 2026")]
    assert [label for label, _ in rows["plain"]] == ["Presented by", "Country", "Taken up by"]
    assert rows["plain"][-1] == ("Taken up by", "ecoplus (interested), NOI Techpark (in action plan)")
    assert [label for label, _ in rows["dated"]] == ["Presented by", "Country", "Period", "Last updated"]


def test_what_is_not_recorded_is_named_as_a_reader_names_it(hand_made):
    assert unrecorded(hand_made.practice["plain"]) == ["period", "status", "contact", "budget"]
    assert unrecorded(hand_made.practice["hostile"]) == []


def test_the_record_holds_the_front_matter_with_defaults_and_dates_as_text(hand_made):
    hostile = record(hand_made.practice["hostile"])
    assert hostile["id"] == "hostile" and hostile["url"] == "practices/hostile.html"
    assert hostile["title"] == HOSTILE  # as written, not escaped: the downloads are data
    assert (hostile["start"], hostile["end"], hostile["updated"]) == ("2017-05", "ongoing", "2026-01-02")
    assert hostile["transferability"] == {"inma": {"stage": "implemented", "note": None},
                                          "vlaio": {"stage": "assessed", "note": 'Compared <em>here</em> & "there"'}}
    plain = record(hand_made.practice["plain"])
    assert plain["country"] == "RO" and plain["keywords"] == [] and plain["contact"] is None
    assert record(hand_made.practice["dated"])["end"] == "2021-06"
