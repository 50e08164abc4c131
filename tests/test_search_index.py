"""The header search's index format and its spelling rules, without a browser: what the builder writes for
pages, how it folds, joins and weighs words, and that the worker's rules and folding are the builder's."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT

from goodpractices import spelling
from goodpractices.background import fork_pool
from goodpractices.model import Passage
from goodpractices.search_index import (
    HEADING,
    KEYWORD,
    TF_MAX,
    TITLE,
    IndexBuilder,
    SearchPage,
    entries,
    index_pages,
    read,
    shard_name,
    terms,
)
from goodpractices.search_worker import theme_files_replaced, worker_script

PAGES = [
    [{"location": "practices/a.html", "title": "Skåne 3-D printing vouchers",
      "text": "Home › Skåne 3-D printing vouchers Skåne 3-D printing vouchers <p>Vouchers &amp; co-creation in "
              "Skåne for &lt;b&gt;SMEs&lt;/b&gt;.</p>", "tags": ["digitalisation", "SMEs"]},
     {"location": "practices/a.html#how", "title": "How it works",
      "text": "<p>Vouchers vouchers vouchers vouchers vouchers vouchers vouchers vouchers vouchers.</p>",
      "tags": ["digitalisation", "SMEs"]}],
    [{"location": "partners/inma.html", "title": "INMA", "text": "Partners › INMA INMA <p>National Institute</p>"}],
    [{"location": "themes/index.html", "title": "Themes", "text": "Øresund and Ελλάδα"}],
]


@pytest.fixture
def index(tmp_path: Path) -> dict:
    builder = IndexBuilder(tmp_path / "search")
    for page in PAGES:
        builder.add(page)
    builder.write()
    return read(tmp_path / "search")


def postings(index: dict, term: str) -> dict[int, int]:
    """Return {page: code} of a term, from its shard (pages are delta-coded)."""
    coded, page, found = index[f"t/{shard_name(term)}"][term], 0, {}
    for i in range(0, len(coded), 2):
        page += coded[i]
        found[page] = coded[i + 1]
    return found


def test_pages_are_listed_with_their_kind_and_the_start_of_their_text(index):
    assert index["index"]["v"] == 1
    assert index["index"]["pages"] == [
        ["practices/a.html", "Skåne 3-D printing vouchers", "p", "Vouchers & co-creation in Skåne for <b>SMEs</b>."],
        ["partners/inma.html", "INMA", "n", "National Institute"],
        ["themes/index.html", "Themes", "o", "Øresund and Ελλάδα"],
    ]


def test_a_page_text_is_plain_text_by_section_with_its_title_once(index):
    assert index["p/0"] == [["", "", "Vouchers & co-creation in Skåne for <b>SMEs</b>."],
                            ["#how", "How it works", "Vouchers " + "vouchers " * 7 + "vouchers."]]
    assert entries_of(index) == ["practices/a.html", "practices/a.html#how", "partners/inma.html", "themes/index.html"]


def entries_of(index: dict) -> list[str]:
    return [location + anchor for page, (location, *_rest) in enumerate(index["index"]["pages"])
            for anchor in dict.fromkeys(["", *(a for a, _, _ in index[f"p/{page}"])])]


def test_each_term_says_where_it_is_title_keyword_heading_or_how_often_in_the_body(index):
    assert postings(index, "vouchers") == {0: TITLE | TF_MAX}  # ten times in the body: counted up to TF_MAX
    assert postings(index, "digitalisation") == {0: KEYWORD}
    assert postings(index, "smes") == {0: KEYWORD | 1}
    assert postings(index, "works") == {0: HEADING}
    assert postings(index, "inma") == {1: TITLE}  # the title, not counted again where the text repeats it
    assert postings(index, "national") == {1: 1}


def test_words_are_folded_and_hyphenated_words_are_indexed_as_parts_and_joined(index):
    assert postings(index, "skane") == {0: TITLE | 1}
    assert postings(index, "oresund") == {2: 1} and postings(index, "ελλαδα") == {2: 1}
    assert set(postings(index, "3d")) == set(postings(index, "3")) == set(postings(index, "d")) == {0}
    assert postings(index, "cocreation") == postings(index, "creation") == {0: 1}
    assert list(terms("E-Government in Rhône, 3-D")) == ["e", "government", "egovernment", "in", "rhone", "3", "d",
                                                         "3d"]


#: Every hyphen a writer's software may put between the parts of a word (U+2010, the non-breaking U+2011, ...).
HYPHEN_CHARACTERS = "-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"


@pytest.mark.parametrize("hyphen", HYPHEN_CHARACTERS)
def test_a_word_joined_by_any_hyphen_is_indexed_as_with_a_hyphen_minus(hyphen):
    from goodpractices.search_index import counted

    text = f"3{hyphen}D printing and co{hyphen}creation in Rhône{hyphen}Alpes"
    assert list(terms(text)) == ["3", "d", "3d", "printing", "and", "co", "creation", "cocreation", "in", "rhone",
                                 "alpes", "rhonealpes"]
    assert counted(text) == counted(text.replace(hyphen, "-"))


def test_shards_are_named_by_the_first_two_letters_and_words_listed_by_length(index):
    assert shard_name("vouchers") == "vo" and shard_name("ελλαδα") == "_3b5_3bb" and shard_name("d") == "d"
    assert sorted(key for key in index if key.startswith("t/")) == [f"t/{name}" for name in index["index"]["shards"]]
    assert ["vouchers", 1] in index["w/8"] and ["inma", 1] in index["w/4"]
    assert index["index"]["lengths"] == sorted(int(key[2:]) for key in index if key.startswith("w/"))


def test_index_files_are_scripts_with_no_markup_and_the_same_bytes_every_time(tmp_path: Path, index):
    files = {path.relative_to(tmp_path / "search"): path.read_bytes() for path in (tmp_path / "search").rglob("*")
             if path.is_file()}
    assert all(re.fullmatch(rb'__gps\("[a-z0-9_/]+",.*\);\n', data, re.DOTALL) for data in files.values())
    assert not [name for name, data in files.items() if re.search(rb"[<>&]", data)]
    again = tmp_path / "again"
    builder = IndexBuilder(again)
    for page in PAGES:
        builder.add(page)
    builder.write()
    assert {path.relative_to(again): path.read_bytes() for path in again.rglob("*") if path.is_file()} == files


def test_entries_read_back_as_materials_were(tmp_path: Path, index):
    assert entries(tmp_path / "search")[:2] == [
        {"location": "practices/a.html", "title": "Skåne 3-D printing vouchers",
         "text": "Vouchers & co-creation in Skåne for <b>SMEs</b>."},
        {"location": "practices/a.html#how", "title": "How it works", "text": "Vouchers " + "vouchers " * 7 + "vouchers."}]


@pytest.mark.parametrize(("word", "rules", "expected"), [
    ("digitalisation", spelling.SILENT, ["digitalization"]), ("digitalization", spelling.SILENT, ["digitalisation"]),
    ("organise", spelling.SILENT, ["organize"]), ("organizing", spelling.SILENT, ["organising"]),
    ("analyse", spelling.SILENT, ["analyze"]), ("colour", spelling.SILENT, []), ("colour", spelling.FALLBACK, ["color"]),
    ("behavior", spelling.FALLBACK, ["behaviour"]), ("centre", spelling.FALLBACK, ["center"]),
    ("catalog", spelling.FALLBACK, ["catalogue"]), ("licence", spelling.FALLBACK, ["license"]),
    ("modelling", spelling.FALLBACK, ["modeling"]), ("programme", spelling.FALLBACK, ["program"]),
    ("ise", spelling.SILENT, []), ("size", spelling.SILENT, []),
])
def test_spelling_variants_british_and_american(word, rules, expected):
    assert spelling.variants(word, rules) == expected


NODE = shutil.which("node")
WORDS = ["digitalisation", "organizing", "colour", "behavior", "programme", "modelling", "size", "catalog", "Skåne",
         "ØRESUND", "Straße", "naïve", "ελλάδα", "3d"]


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed (make installs it for npm ci)")
def test_the_worker_folds_names_shards_and_spells_as_the_builder_does(tmp_path: Path):
    from goodpractices.folding import fold

    worker = tmp_path / "worker.js"
    worker.write_bytes(worker_script("assets/javascripts/workers/search.0.min.js"))
    probe = f"""
      global.self = global; global.addEventListener = () => {{}};
      self.location = {{ href: "file:///site/assets/javascripts/workers/search.0.min.js" }};
      require({json.dumps(str(worker))});
      const t = self.__gpsTest, words = {json.dumps(WORDS)}, rules = {json.dumps(spelling.as_data())};
      console.log(JSON.stringify({{
        fold: words.map(t.fold), shard: words.map(w => t.shardName(t.fold(w))),
        silent: words.map(w => t.variants(t.fold(w), rules.silent)),
        fallback: words.map(w => t.variants(t.fold(w), rules.fallback)),
        distance: [t.distance("inovation", "innovation", 2), t.distance("clsuter", "cluster", 1),
                   t.distance("digitalisation", "digitization", 2), t.distance("audit", "audits", 1)],
        groups: t.parse("3-D  printing, Rhône").map(g => [g.text, g.parts, g.spaced]),
        hyphens: {json.dumps(HYPHEN_CHARACTERS)}.split("").map(h => t.parse("3" + h + "D").map(g => g.parts))
      }}));"""
    done = subprocess.run([NODE, "-e", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    folded = [fold(word) for word in WORDS]
    assert got["fold"] == folded
    assert got["shard"] == [shard_name(word) for word in folded]
    assert got["silent"] == [spelling.variants(word, spelling.SILENT) for word in folded]
    assert got["fallback"] == [spelling.variants(word, spelling.FALLBACK) for word in folded]
    assert got["distance"] == [1, 1, 3, 1]
    assert got["groups"] == [["3-D", ["3", "d"], False], ["printing", ["printing"], True], ["Rhône", ["rhone"], False]]  # after a comma: never joined
    assert got["hyphens"] == [[["3", "d"]]] * len(HYPHEN_CHARACTERS)  # one word, whatever the hyphen


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed (make installs it for npm ci)")
def test_the_worker_marks_the_words_found_and_cuts_a_passage_around_the_first(tmp_path: Path):
    worker = tmp_path / "worker.js"
    worker.write_bytes(worker_script("assets/javascripts/workers/search.0.min.js"))
    long = "lead " * 100 + "Skåne's CLUSTER & <b> " + "tail " * 100
    probe = f"""
      global.self = global; global.addEventListener = () => {{}};
      self.location = {{ href: "file:///site/assets/javascripts/workers/search.0.min.js" }};
      require({json.dumps(str(worker))});
      const t = self.__gpsTest, hits = t.wordsFound(new Set(["skane", "cluster"]));
      console.log(JSON.stringify([
        t.marked("Cluster and clusters, CLUSTER; Skane, Skåne.", hits),
        t.marked({json.dumps(long)}, hits, true),
        t.marked({json.dumps("none " * 100)}, hits, true),
        t.marked("a <cluster> & b", t.wordsFound(new Set()), false)]));"""
    done = subprocess.run([NODE, "-e", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    whole, passage, none, empty = json.loads(done.stdout)
    assert whole == ("<mark>Cluster</mark> and clusters, <mark>CLUSTER</mark>; <mark>Skane</mark>, "
                     "<mark>Skåne</mark>.")  # whole words only, accents folded, case kept
    assert passage.startswith("… lead ") and passage.endswith(" tail …")
    assert "<mark>Skåne</mark>&#39;s <mark>CLUSTER</mark> &amp; &lt;b&gt; tail" in passage
    assert passage.index("<mark>") < 70 and len(passage) < 300  # 60 characters before the first word found
    assert none.startswith("none none") and none.endswith(" …") and "<mark>" not in none and len(none) < 250
    assert empty == "a &lt;cluster&gt; &amp; b"  # nothing found: the text escaped, nothing marked


def test_our_worker_takes_the_place_of_materials_and_lunr_is_left_out():
    material = Path(__import__("material").__file__).parent / "templates"
    (name,) = re.findall(r'"(assets/javascripts/workers/search\.[0-9a-f]+\.min\.js)"',
                         (material / "base.html").read_text(encoding="utf-8"))
    theme = [str(path.relative_to(material)) for path in material.rglob("*") if path.is_file()]
    worker, dropped = theme_files_replaced(theme)
    assert worker == name  # the name the theme's pages point to
    assert f"{name}.map" in dropped and any(uri.startswith("assets/javascripts/lunr/") for uri in dropped)
    assert not [uri for uri in dropped if not uri.startswith("assets/javascripts/")]
    script = worker_script(name).decode()
    assert 'var ROOT = "../../../search/";' in script and "/*LETTERS*/" not in script
    assert (ROOT / "hooks" / "goodpractices" / "assets" / "search_worker.js").is_file()


def _practice_page(n: int) -> SearchPage:
    """A practice page as search takes it, with a lead-in, a section and a subsection of its own words."""
    return SearchPage(f"Practice {n} vouchers", ("SMEs", f"key{n}"), f"Theme {n} Presented by P{n}",
                      (Passage(0, "", "", f"Lead {n} co-creation."),
                       Passage(2, "#user-content-description", "Description", f"Vouchers for {n}.\n\n- one"),
                       Passage(3, "#user-content-more", f"More {n}", f"Skåne text {n}")))


def test_practice_pages_indexed_in_the_worker_make_the_same_index_as_in_one_process(tmp_path: Path):
    """A one-off build indexes the practice pages in its worker process while it renders the others, which
    come after them: the index is the same, byte for byte, as one builder adding every page in turn."""
    own = [(f"practices/p{n}.html", _practice_page(n)) for n in range(5)]
    whole = IndexBuilder(tmp_path / "whole")
    for location, page in own:
        whole.add_page(location, page.title, page.sections(), page.keywords)
    for page in PAGES:
        whole.add(page)
    whole.write()

    staging = tmp_path / "parts"
    with fork_pool() or ThreadPoolExecutor(1) as pool:  # a forked process where the system has one
        first = [pool.submit(index_pages, staging, own[:2]), pool.submit(index_pages, staging, own[2:], 2)]
        rest = IndexBuilder(staging, first=len(own))
        for page in PAGES:
            rest.add(page)
        rest.put_first([part.result() for part in first])
    rest.write()
    written = sorted(path.relative_to(staging) for path in staging.rglob("*.js"))
    assert written == sorted(path.relative_to(tmp_path / "whole") for path in (tmp_path / "whole").rglob("*.js"))
    assert all((staging / path).read_bytes() == (tmp_path / "whole" / path).read_bytes() for path in written)
    assert [page["location"] for page in entries(staging)][:3] == ["practices/p0.html"] + [
        "practices/p0.html#user-content-description", "practices/p0.html#user-content-more"]


def test_the_pages_put_first_must_be_those_the_builder_left_room_for(tmp_path: Path):
    rest = IndexBuilder(tmp_path, first=2)
    one = index_pages(tmp_path, [("practices/p0.html", _practice_page(0))])
    with pytest.raises(ValueError, match="expected the pages numbered 0 to 1, not 1 pages"):
        rest.put_first([one])
    with pytest.raises(ValueError, match="expected a part from page 1, not from page 0"):
        rest.put_first([one, one])
