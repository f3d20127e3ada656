"""Short event ids and citations in what `dateline` prints: the timeline, the events table and
CSV, the key dates, one event, and `dateline event` / `explain` given the start of an id."""
import csv
import io
import shutil

import duckdb
import pytest
from samples import build_database

from cli_runs import invoke, ok

from dateline.query import Database


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-ids") / "d.duckdb"
    build_database(path)
    return str(path)


def test_cli_timeline_lines_start_with_a_short_id_that_dateline_event_takes(db):
    lines = ok("timeline", "--db", db).splitlines()
    dated = [line for line in lines[:lines.index("Undated")] if line]
    with Database(db) as database:
        ids = {e.id[:8]: e for e in database.timeline()}
    for line in dated + [lines[-1]]:
        short = line.split()[0]
        assert len(short) == 8 and short in ids
        shown = ok("event", short, "--db", db)
        assert shown.startswith(line.split("  ")[1])  # the event's date, as the line has it
        assert f"id {short} ({ids[short].id})" in shown


def test_cli_timeline_cites_the_first_source_by_headline_outlet_and_date(db):
    line = next(line for line in ok("timeline", "--db", db).splitlines() if "CONSULT" in line)
    with Database(db) as database:
        meeting = next(e for e in database.events() if e.type == "CONSULT")
    first = meeting.sources[0]
    cited = (f"{first.title} — Test Wire, {first.published}" if first.title
             else f"{first.source}, {first.published}")
    assert line.endswith(f"  [{cited} (+{len(meeting.sources) - 1} more)]")


def test_cli_event_cites_headline_outlet_date_and_a_path_only_without_headline(db):
    with Database(db) as database:
        meeting = next(e for e in database.events() if e.type == "CONSULT")
    shown = ok("event", meeting.id[:6], "--db", db)
    assert "- India and Afghanistan meet — Test Wire, 2021-07-14: Jaishankar and Atmar met" in shown
    assert "- articles/b.txt, 2021-07-15: " in shown  # b.txt has no headline
    assert "articles/a.txt" not in shown.split("\n\n")[1]


def test_cli_event_an_ambiguous_start_is_e058_and_exit_1(db, tmp_path):
    path = tmp_path / "alike.duckdb"
    shutil.copy(db, path)
    with Database(path) as database:
        meeting = next(e for e in database.events() if e.type == "CONSULT").id
    twin = meeting[:9] + ("0" if meeting[9] != "0" else "1") * 7
    with duckdb.connect(str(path)) as connection:
        connection.execute("INSERT INTO fused_events SELECT * REPLACE (? AS id) FROM fused_events"
                           " WHERE id = ?", [twin, meeting])
    result = invoke("event", meeting[:8], "--db", path)
    assert result.exit_code == 1
    assert result.output.startswith(f"E058: '{meeting[:8]}' starts the ids of 2 events:")
    assert meeting in result.output and twin in result.output
    # The views show ten characters now, and each of them names one event.
    shown = [line.split()[0] for line in ok("timeline", "--db", path).splitlines()
             if line and line != "Undated"]
    assert meeting[:10] in shown and twin[:10] in shown
    assert ok("event", meeting[:10], "--db", path).count(f"({meeting})") == 1


def test_cli_event_unknown_id_stays_e047(db):
    result = invoke("event", "ffffffff", "--db", db)
    assert result.exit_code == 1 and result.output.startswith("E047: no event has the id")


def test_cli_events_table_shows_short_ids_and_csv_carries_the_first_source(db):
    table = ok("events", "--db", db)
    with Database(db) as database:
        events = database.events()
    assert all(e.id[:8] in table for e in events)
    rows = list(csv.DictReader(io.StringIO(ok("events", "--db", db, "--format", "csv"))))
    assert list(rows[0])[-6:] == ["sources", "first_source_sentence", "first_source_title",
                                  "first_source_outlet", "first_source_path",
                                  "first_source_published"]
    for row, event in zip(rows, events):
        first = event.sources[0]
        assert row["id"] == event.id
        assert (row["first_source_sentence"], row["first_source_title"],
                row["first_source_outlet"], row["first_source_path"],
                row["first_source_published"]) == (first.sentence, first.title or "",
                                                   first.outlet or "", first.source,
                                                   first.published.isoformat())


def test_cli_key_dates_and_markdown_show_short_ids_and_citations(corpus_db):
    text = ok("key-dates", "--db", corpus_db, "--dates", "3")
    with Database(corpus_db) as database:
        keys = database.key_dates(dates=3)
    event = next(e for key in keys for e in key.events)
    assert f"  * {event.short_id}  {event.type} " in text
    assert f"[{event.id}]" not in text
    md = ok("timeline", "--db", corpus_db, "--format", "md")
    assert f"`{event.short_id}`" in md and " — " in md


def test_cli_explain_takes_the_start_of_an_id(corpus_db):
    with Database(corpus_db) as database:
        meeting = next(e for e in database.events() if "Dushanbe" in e.summary)
    out = ok("explain", meeting.short_id, "--db", corpus_db)
    assert out.startswith(f"Event {meeting.id}: CONSULT")


def test_cli_timeline_md_cites_an_article_once_however_many_of_its_sentences_report_it():
    from datetime import date

    from dateline.cli.render_text import timeline_md
    from dateline.model import EventSource, FusedEvent
    twice = [EventSource(f"e{n}", "a1", "news/a.txt", date(2011, 6, 3), f"Sentence {n}.",
                         title="Leaders meet", outlet="Wire") for n in (1, 2)]
    event = FusedEvent("0123456789abcdef", "CONSULT", "meet", "040", 1, 1.0, "occurred", None,
                       None, None, date(2011, 6, 2), date(2011, 6, 2), "day", "text", "They met",
                       sources=twice, short_id="01234567")
    assert "They met (Leaders meet — Wire, 2011-06-03) `01234567`" in timeline_md([event])
