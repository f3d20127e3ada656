"""End to end on the bundled sample corpus: the real CLI, real spaCy, a real DuckDB file."""
import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from dateline.cli import main
from dateline.query import Database

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
DUSHANBE_REPORTS = {
    "2021-07-14-hindustan-dispatch-dushanbe.txt",
    "2021-07-14-pamir-post-dushanbe.txt",
    "wire-feed.jsonl#cw-0001",
}
UNDATED = "undated-kabul-notebook.txt"


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_corpus_ingest_reports_one_article_per_distinct_text(corpus_ingest):
    # The syndicated copy of the wheat-convoy story is the same text once cleaned: one article.
    assert corpus_ingest[1].splitlines()[-1] == "37 ingested, 0 skipped, 1 unchanged"


def events_json(db, *args):
    return json.loads(invoke("events", "--db", db, "--format", "json", *args))


def source_names(event):
    return {Path(s["path"]).name for s in event["sources"]}


def test_corpus_three_outlets_one_meeting_with_its_true_day(corpus_db):
    meetings = [e for e in events_json(corpus_db, "--type", "CONSULT", "--actor", "Atmar", "--actor", "Jaishankar")
                if source_names(e) & DUSHANBE_REPORTS and e["target_actor"] and e["source_actor"]]
    assert len(meetings) == 1, [e["summary"] for e in meetings]
    meeting = meetings[0]
    assert source_names(meeting) == DUSHANBE_REPORTS
    assert (meeting["date"], meeting["date_precision"], meeting["date_basis"]) == ("2021-07-13", "day", "text")
    assert meeting["location"] == {"name": "Dushanbe", "country": "TJK"}
    actors = {meeting["source_actor"]["name"], meeting["target_actor"]["name"]}
    assert actors == {"Subrahmanyam Jaishankar", "Mohammad Haneef Atmar"}
    assert all(s["published"] == "2021-07-14" for s in meeting["sources"])


def test_corpus_undated_article_is_dated_only_by_its_words(corpus_db):
    undated = [e for e in events_json(corpus_db) if UNDATED in source_names(e)]
    assert undated, "the undated article's events are coded"
    for event in undated:
        sentences = " ".join(s["sentence"] for s in event["sources"] if Path(s["path"]).name == UNDATED)
        if event["date"] is None:
            assert event["date_basis"] is None
        else:
            assert event["date_basis"] == "text", (event["summary"], sentences)
    seized = [e for e in undated if e["type"] == "ASSAULT"]
    assert [e["date"] for e in seized] == ["2021-08-15"]
    assert any(e["date"] is None for e in undated)


def test_corpus_name_variants_resolve_to_one_actor(corpus_db):
    actors = json.loads(invoke("actors", "--db", corpus_db, "--format", "json"))
    jaishankar = [a for a in actors if a["name"] == "Subrahmanyam Jaishankar"]
    assert len(jaishankar) == 1
    aliases = set(jaishankar[0]["aliases"])
    assert {"Jaishankar", "@DrSJaishankar", "India's external affairs minister"} <= aliases
    assert jaishankar[0]["country"] == "IND" and jaishankar[0]["sector"] == "GOV"
    assert not [a for a in actors if a["id"] != jaishankar[0]["id"] and "Jaishankar" in a["name"]]


def test_corpus_actor_filter_finds_events_through_any_alias(corpus_db):
    by_handle = events_json(corpus_db, "--actor", "@DrSJaishankar")
    by_surname = events_json(corpus_db, "--actor", "jaishankar")
    assert by_handle and [e["id"] for e in by_handle] == [e["id"] for e in by_surname]


def test_corpus_reingest_changes_nothing(corpus_db):
    before = json.loads(invoke("stats", "--db", corpus_db, "--format", "json"))
    output = invoke("ingest", CORPUS, "--db", corpus_db)
    # 38 inputs, 37 distinct articles: every one of them is already stored.
    assert output.splitlines()[-1] == "0 ingested, 0 skipped, 38 unchanged"
    assert before["articles"] == 37
    assert json.loads(invoke("stats", "--db", corpus_db, "--format", "json")) == before


def test_corpus_stats_and_timeline(corpus_db):
    stats = json.loads(invoke("stats", "--db", corpus_db, "--format", "json"))
    assert stats["articles"] >= 32
    assert stats["events"] > 30 and stats["quotes"] > 10 and stats["actors"] > 20
    assert stats["event_mentions"] > stats["events"]
    timeline = invoke("timeline", "--db", corpus_db)
    assert "2021-07-13" in timeline and "Jaishankar" in timeline


def test_corpus_quotes_have_speakers(corpus_db):
    with Database(corpus_db) as db:
        quotes = db.quotes()
    spoken = [q for q in quotes if q.speaker]
    assert len(spoken) >= 0.7 * len(quotes)
    assert any(q.speaker == "person:amir-khan-muttaqi" for q in quotes)


def test_corpus_relative_dates_resolve_against_the_date_line(corpus_db):
    events = events_json(corpus_db)
    doha = [e for e in events if "2021-09-01-gulf-observer-doha-meeting.txt" in source_names(e) and e["type"] == "CONSULT"]
    # "on Tuesday" in an article dated Wednesday 2021-09-01 crosses back into August.
    assert any(e["date"] == "2021-08-31" and e["date_basis"] == "text" for e in doha)
    visits = [e for e in events if "2024-11-07-hindustan-dispatch-jp-singh-yaqoob.txt" in source_names(e)]
    # "November 4-5" with no year, in an article dated 2024-11-07.
    assert any(e["date"] == "2024-11-04" and e["date_end"] == "2024-11-05" for e in visits)
    assert date.fromisoformat(max(e["date"] for e in events if e["date"])) <= date(2024, 11, 30)
