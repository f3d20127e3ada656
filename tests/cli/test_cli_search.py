"""`dateline search` and `--about`: over the sample corpus, and over a mixed pile (the corpus
and two off-topic articles: a football report, a stock market wrap) that --about cuts down."""
import json
import re
import shutil

import pytest
from cli_runs import invoke, ok

from dateline.query import Database

FOOTBALL = """date 2022-03-05
Harbour Town edge Millbrook 2-1 to reach the county cup final

Harbour Town beat Millbrook 2-1 on Saturday to reach the final of the county cup, with a late \
header from captain Dara Quinn settling a tense tie at Riverside Park.

Millbrook took the lead after twenty minutes when their striker Owen Pryce curled a free kick \
into the top corner. Harbour Town levelled before half-time through winger Sam Okafor.

Quinn scored the winner in the eighty-eighth minute. Harbour Town manager Lena Voss praised her \
players and said the club would face Eastgate Rovers in the final on April 2.
"""
MARKETS = """date 2022-03-07
Stocks slide as bond yields climb and chipmakers lose ground

Shares fell on Monday as rising bond yields weighed on technology companies, and the main index \
closed down 1.8 per cent, its worst day in a month.

Chipmakers led the losses after Northgate Semiconductor cut its sales forecast, sending its \
shares down 9 per cent. Banks gained as investors bet on higher lending margins.

The central bank raised its benchmark interest rate by a quarter point last week and signalled \
further increases, analysts at Coastline Capital said in a note to clients.
"""
HEADLINES = ("Harbour Town edge Millbrook", "Stocks slide as bond yields climb")


@pytest.fixture(scope="module")
def mixed_pile(corpus_db, tmp_path_factory):
    """The sample corpus's database with the two off-topic articles ingested into a copy of it,
    and the ids of those two."""
    folder = tmp_path_factory.mktemp("pile")
    db = folder / "pile.duckdb"
    shutil.copy(corpus_db, db)
    (folder / "off").mkdir()
    (folder / "off" / "cup-tie.txt").write_text(FOOTBALL, encoding="utf-8")
    (folder / "off" / "stocks.txt").write_text(MARKETS, encoding="utf-8")
    ok("ingest", folder / "off", "--db", db)
    with Database(db) as opened:
        off = {a.id for a in opened.articles() if (a.title or "").startswith(HEADLINES)}
    assert len(off) == 2
    return db, off


def events_json(*args) -> list[dict]:
    return json.loads(ok("events", "--all", "--format", "json", *args))


def test_search_text_names_each_hit_and_marks_the_words(corpus_db):
    out = ok("search", "wheat convoy", "--db", corpus_db, "--limit", "3")
    first = out.splitlines()[0]
    assert re.match(r"(article|event|actor) \S+  .*score \d", first)
    assert "[wheat]" in out.lower() and "[convoy]" in out.lower()
    kind, hit_id = first.split()[:2]
    assert ok(kind, hit_id, "--db", corpus_db)  # each hit opens with `dateline KIND ID`


def test_search_json_is_the_library_answer(corpus_db):
    hits = json.loads(ok("search", "Kabul embassy", "--db", corpus_db, "--format", "json",
                         "--kind", "articles", "--limit", "5"))
    assert hits and {hit["kind"] for hit in hits} == {"article"}
    with Database(corpus_db) as db:
        assert [h["id"] for h in hits] == [h.id for h in db.search("Kabul embassy",
                                                                    kinds=["articles"], limit=5)]
    for hit in hits:
        assert hit["command"] == f"dateline article {hit['id']}"
        assert hit["marks"] and all(hit["snippet"][start:end].lower().startswith(("kabul", "embass"))
                                    for start, end in hit["marks"])
        assert "[" in hit["marked"] and hit["date"] and hit["score"] > 0
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


@pytest.mark.parametrize("query", ["", "   ", "!!!", '"', '""'])
def test_search_without_words_is_one_numbered_error(corpus_db, query):
    result = invoke("search", query, "--db", corpus_db)
    assert result.exit_code == 1
    assert result.output.startswith("E063: ") and "Traceback" not in result.output


@pytest.mark.parametrize("query", ["U.S.", 'India "wheat', "title:Kabul", "Kabul AND (",
                                   "a:b:c", "India's -Taliban", "\\ ^ ~ * ?"])
def test_search_punctuation_never_crashes(corpus_db, query):
    result = invoke("search", query, "--db", corpus_db, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    if result.exit_code:
        assert result.output.startswith("E063: ")
    else:
        assert isinstance(json.loads(result.output), list)


def test_search_hides_unsure_events_as_the_views_do(corpus_db):
    shown = ok("search", "wheat", "--kind", "events", "--db", corpus_db)
    every = ok("search", "wheat", "--kind", "events", "--db", corpus_db, "--all")
    hits = [[line for line in out.splitlines() if line.startswith("event ")] for out in (shown, every)]
    assert 0 < len(hits[0]) < len(hits[1])
    assert shown.rstrip().splitlines()[-1].endswith("below confidence 0.50: add --all")
    assert "below confidence" not in every


def test_search_bad_limit_and_kind(corpus_db):
    assert invoke("search", "Kabul", "--db", corpus_db, "--limit", "0").output.startswith("E051: ")
    assert invoke("search", "Kabul", "--db", corpus_db, "--kind", "quotes").exit_code == 2


def test_about_cuts_the_off_topic_articles_out_of_the_events(mixed_pile):
    db, off = mixed_pile
    every = events_json("--db", db)
    assert any(s["article"] in off for e in every for s in e["sources"])
    scoped = events_json("--db", db, "--about", "India")
    assert scoped and not any(s["article"] in off for e in scoped for s in e["sources"])
    with Database(db) as opened:
        about = set(opened.about_articles("India"))
    # every on-topic event stays: those with a source among the articles about India
    assert {e["id"] for e in scoped} == {e["id"] for e in every
                                         if any(s["article"] in about for s in e["sources"])}
    assert len(scoped) < len(every)


def test_about_on_the_timeline_and_key_dates(mixed_pile):
    db, off = mixed_pile
    timeline = json.loads(ok("timeline", "--db", db, "--all", "--about", "India", "--format",
                             "json"))
    assert {e["id"] for e in timeline} == {e["id"] for e in events_json("--db", db, "--about",
                                                                         "India")}
    with Database(db) as opened:
        about = set(opened.about_articles("Taliban"))
    for args in (("key-dates",), ("timeline", "--summary")):
        keys = json.loads(ok(*args, "--db", db, "--about", "Taliban", "--format", "json"))
        assert keys
        cited = {s["article"] for key in keys for s in key["sentences"]}
        assert cited and cited <= about
    text = ok("key-dates", "--db", db, "--about", "Taliban")
    assert "Harbour Town" not in text and "Stocks" not in text


def test_about_on_stories_relations_and_report(mixed_pile, tmp_path):
    db, off = mixed_pile
    stories = json.loads(ok("stories", "--db", db, "--format", "json"))
    scoped = json.loads(ok("stories", "--db", db, "--about", "India", "--format", "json"))
    assert 0 < len(scoped) < len(stories)
    kept = {a for story in scoped for a in story["articles"]}
    assert kept and not kept & off
    both = json.loads(ok("relations", "India", "Taliban", "--db", db, "--all", "--format", "json"))
    narrowed = json.loads(ok("relations", "India", "Taliban", "--db", db, "--all", "--about",
                             "Kabul", "--format", "json"))
    assert 0 < len(narrowed["events"]) < len(both["events"])
    out = tmp_path / "report.html"
    assert "wrote" in ok("report", out, "--db", db, "--about", "India")
    page = out.read_text(encoding="utf-8")
    assert "about “India”" in page and "Harbour Town" not in page


def test_about_with_no_words_is_one_numbered_error(corpus_db):
    result = invoke("timeline", "--db", corpus_db, "--about", "?!")
    assert result.exit_code == 1 and result.output.startswith("E063: ")
