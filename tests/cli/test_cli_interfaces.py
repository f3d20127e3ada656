"""The commands that show and hand on what is stored: event, article, relations, report,
export and serve, over real DuckDB files."""
import csv
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from samples import build_database

from cli_runs import invoke, ok

from dateline.query import Database


def test_cli_event_by_its_id_or_a_member_id(db):
    with Database(db) as database:
        meeting = database.events(type="CONSULT")[0]
    shown = json.loads(ok("event", meeting.id, "--db", db, "--format", "json"))
    assert shown["id"] == meeting.id and len(shown["sources"]) == 3
    assert shown["sources"][0]["trigger"] == "met"
    by_member = json.loads(ok("event", meeting.members[-1], "--db", db, "--format", "json"))
    assert by_member == shown
    text = ok("event", meeting.id, "--db", db)
    assert text.startswith("2021-07-13  CONSULT") and "3 sources" in text
    missing = invoke("event", "nope", "--db", db)
    assert missing.exit_code == 1 and missing.output.startswith("E047")


def test_cli_article_shows_text_and_marks_with_offsets(db):
    with Database(db) as database:
        article_id = database.article_ids()[0]
        text = database.article(article_id).text
    shown = json.loads(ok("article", article_id, "--db", db, "--format", "json"))
    assert shown["text"] == text and shown["mentions"]
    for mark in shown["mentions"] + shown["times"]:
        assert text[mark["start"]:mark["end"]] == mark["text"]
    for mark in shown["events"]:
        assert text[mark["start"]:mark["end"]].lower() == mark["trigger"].lower()
    assert "actor  " in ok("article", article_id, "--db", db)


def test_cli_relations_table_and_json(db):
    relation = json.loads(ok("relations", "India", "Afghanistan", "--db", db, "--format", "json"))
    assert relation["a"]["id"] == "IND" and relation["b"]["id"] == "AFG"
    # India's minister meeting Afghanistan's is a relation of the two states.
    assert "person:subrahmanyam-jaishankar" in {a["id"] for a in relation["a_side"]}
    # The meeting and India's evacuation from Afghanistan, both in July 2021.
    assert [(m["month"], m["cooperation"], m["conflict"]) for m in relation["months"]] == [
        ("2021-07", 2, 0)]
    table = ok("relations", "India", "Afghanistan", "--db", db)
    assert "India and Afghanistan" in table and "2021-07" in table and "█" in table
    same = invoke("relations", "India", "IND", "--db", db)
    assert same.exit_code == 1 and same.output.startswith("E048")


def test_cli_timeline_takes_a_type(db):
    shown = json.loads(ok("timeline", "--type", "threaten", "--db", db, "--format", "json"))
    assert [e["type"] for e in shown] == ["THREATEN"]


def test_cli_report_is_one_self_contained_file(db, tmp_path):
    out = tmp_path / "report.html"
    assert ok("report", out, "--db", db, "--actor", "Jaishankar").strip() == f"wrote {out}"
    html = out.read_text(encoding="utf-8")
    # Nothing is fetched to open it: no scripts, no outside styles, images or frames.
    assert not re.search(r"<(script|link|img|iframe)\b", html, re.IGNORECASE)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html, re.IGNORECASE)
    assert "<style>" in html and '<svg class="chart"' in html
    assert 'Jaishankar and Atmar <mark class="trigger" title="trigger">met</mark> in Dushanbe' in html
    assert html.count('<blockquote class="sentence">') == 3  # one per source of the meeting
    for article_id in re.findall(r'href="#article-([^"]+)"', html):
        assert f'id="article-{article_id}"' in html  # every citation leads to its source
    assert "THREATEN" not in html  # the actor filter holds


def test_cli_report_of_a_period_with_nothing_in_it(db, tmp_path):
    out = tmp_path / "empty.html"
    ok("report", out, "--db", db, "--since", "2030")
    assert "No dated events." in out.read_text(encoding="utf-8")


def test_cli_export_every_format(db, tmp_path):
    for fmt in ("json", "csv", "parquet"):
        output = ok("export", tmp_path / fmt, "--format", fmt, "--db", db)
        assert f"events.{fmt}" in output and f"articles.{fmt}" in output
    with open(tmp_path / "csv" / "events.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    with Database(db) as database:
        assert [r["id"] for r in rows] == [e.id for e in database.events()]
    gdelt = tmp_path / "events.tsv"
    ok("export", gdelt, "--format", "gdelt", "--db", db)
    lines = gdelt.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 + 2 for line in lines)  # GDELT's, then ours
    again = invoke("export", tmp_path / "csv", "--format", "csv", "--db", db)
    assert again.exit_code == 1 and again.output.startswith("E081")


def test_cli_serve_answers_on_loopback_by_default(db):
    missing = invoke("serve", "--db", "no-such.duckdb")
    assert missing.exit_code == 1 and missing.output.startswith("E040")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", db,
                               "--port", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline()
        assert first.startswith(f"Dateline at http://127.0.0.1:{port}/")
        deadline, answer = time.monotonic() + 20, None
        while answer is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/timeline.json") as response:
                    answer = json.load(response)
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.1)
        assert {e["type"] for e in answer["events"]} == {"RETREAT", "CONSULT", "THREATEN"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_cli_report_charts_only_its_period(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    out = tmp_path / "july.html"
    ok("report", out, "--db", path, "--actor", "India", "--actor", "Afghanistan",
       "--since", "2021-07", "--until", "2021-07")
    html = out.read_text(encoding="utf-8")
    assert re.findall(r'<g class="month" data-month="([^"]+)">', html) == ["2021-07"]
    ok("report", out, "--db", path, "--actor", "India", "--actor", "Afghanistan", "--since", "2022")
    assert "No dated events between them." in out.read_text(encoding="utf-8")


# The report's key dates, over the sample corpus the real pipeline ingested once for the run.


def test_cli_report_opens_with_its_key_dates(corpus_db, tmp_path):
    out = tmp_path / "report.html"
    ok("report", out, "--db", corpus_db, "--actor", "India", "--dates", 4)
    html = out.read_text(encoding="utf-8")
    assert html.index('id="key-dates"') < html.index("<h2>Timeline</h2>")
    with Database(corpus_db) as database:
        keys = database.key_dates(dates=4, actors=["India"])
    assert re.findall(r'<section class="key-date card" id="day-([^"]+)"', html) == [
        key.day.isoformat() for key in keys]
    for article_id in re.findall(r'href="#article-([^"]+)"', html):
        assert f'id="article-{article_id}"' in html  # every key date's sentence cites its source
    for event_id in re.findall(r'href="#event-([^"]+)"', html):
        assert f'id="event-{event_id}"' in html
    ok("report", out, "--db", corpus_db, "--dates", 0)
    assert 'id="key-dates"' not in out.read_text(encoding="utf-8")
