import csv
import io
import json

import click
import pytest
from samples import fake_analyzer, fake_discover, fake_reader, write_sample_files

from cli_runs import invoke

from dateline import pipeline
from dateline.cli import main
from dateline.query import Database


@pytest.fixture
def stub_stages(monkeypatch):
    """The CLI's ingest runs the pipeline with hand-made stages instead of spaCy."""
    monkeypatch.setattr(pipeline, "_default_analyzer",
                        lambda knowledge=None: lambda articles: [fake_analyzer(a) for a in articles])
    monkeypatch.setattr(pipeline, "_default_reader", lambda: fake_reader)
    monkeypatch.setattr(pipeline, "_default_discoverer", lambda: fake_discover)


def test_cli_ingest_reports_and_stores(tmp_path, stub_stages):
    write_sample_files(tmp_path / "in")
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF")
    db = tmp_path / "new.duckdb"
    result = invoke("ingest", tmp_path / "in", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"skipped {tmp_path / 'in' / 'notes.pdf'}: E002")
    assert lines[-1] == "3 ingested, 1 skipped"
    with Database(db) as database:
        assert database.stats()["events"] == 3


def test_cli_ingest_again_says_unchanged(tmp_path, stub_stages):
    write_sample_files(tmp_path / "in")
    db = tmp_path / "new.duckdb"
    invoke("ingest", tmp_path / "in", "--db", db)
    result = invoke("ingest", tmp_path / "in", "--db", db)
    assert result.output.splitlines()[-1] == "0 ingested, 0 skipped, 3 unchanged"


def test_cli_events_json_has_design_shape(db):
    result = invoke("events", "--db", db, "--actor", "Jaishankar", "--format", "json")
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.output)
    assert event["summary"] == ("Subrahmanyam Jaishankar (IND) met Mohammad Haneef Atmar (AFG) "
                                "in Dushanbe")
    assert event["date"] == "2021-07-13" and event["date_basis"] == "text"
    assert [s["path"] for s in event["sources"]] == [
        "articles/a.txt", "articles/c.jsonl:3", "articles/b.txt"]
    with Database(db) as database:
        assert event["id"] == database.events(type="CONSULT")[0].id


def test_cli_events_csv_and_table(db):
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").output)))
    assert [row["type"] for row in rows] == ["RETREAT", "CONSULT", "THREATEN"]
    table = invoke("events", "--db", db, "--type", "consult").output
    assert "CONSULT" in table and "RETREAT" not in table


def test_cli_timeline_text(db):
    result = invoke("timeline", "--db", db)
    lines = result.output.splitlines()
    short, line = lines[1].split("  ", 1)  # each line starts with the event's short id
    assert len(short) == 8 and line.startswith("2021-07-13  CONSULT   Subrahmanyam Jaishankar (IND) met")
    assert lines[1].endswith(", 2021-07-14 (+2 more)]") and "Undated" in lines


def test_cli_timeline_md_html_json(db):
    assert "## 2021-07" in invoke("timeline", "--db", db, "--format", "md").output
    assert "<!DOCTYPE html>" in invoke("timeline", "--db", db, "--format", "html").output
    events = json.loads(invoke("timeline", "--db", db, "--since", "2021-07-12",
                               "--format", "json").output)
    assert [e["type"] for e in events] == ["CONSULT"]


def test_cli_actors_quotes_stats_json(db):
    actors = json.loads(invoke("actors", "--db", db, "--format", "json").output)
    atmar = next(a for a in actors if a["id"] == "person:mohammad-haneef-atmar")
    assert atmar["mentions"] == 3 and "Haneef Atmar" in atmar["aliases"]
    assert atmar["roles"] == [{"title": "foreign minister", "of": "AFG", "since": "2020-01-01",
                               "until": "2021-12-31", "basis": "knowledge",
                               "label": "foreign minister of AFG, 2020-2021"}]
    quotes = json.loads(invoke("quotes", "--db", db, "--format", "json").output)
    assert {q["speaker"]["name"] for q in quotes} == {"Subrahmanyam Jaishankar", "Taliban"}
    stats = json.loads(invoke("stats", "--db", db, "--format", "json").output)
    # Nothing was fetched from the web into this store: its sources are all none.
    assert stats.pop("sources") == {"feeds": 0, "sitemaps": 0, "pages_fetched": 0,
                                    "failed_fetches": 0, "last_fetch": None}
    with Database(db) as database:
        assert stats == database.stats()


def test_cli_tables_print(db):
    for command in ("actors", "quotes", "stats"):
        result = invoke(command, "--db", db)
        assert result.exit_code == 0 and result.output.strip()


def test_cli_missing_database_is_one_line_e040(tmp_path):
    missing = tmp_path / "missing.duckdb"
    result = invoke("timeline", "--db", missing)
    assert result.exit_code == 1
    assert result.output.startswith("E040") and len(result.output.splitlines()) == 1
    assert "Traceback" not in result.output and not missing.exists()


@pytest.mark.parametrize("args, code", [(("--type", "MEET"), "E042"),
                                        (("--since", "July"), "E043"),
                                        (("--actor", "Nobody"), "E045")])
def test_cli_bad_query_arguments_are_coded_errors(db, args, code):
    result = invoke("events", "--db", db, *args)
    assert result.exit_code == 1 and result.output.startswith(code)


def test_cli_every_command_and_option_has_help():
    for name, command in main.commands.items():
        assert command.help, name
        assert invoke(name, "--help").exit_code == 0
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.name}"


def test_cli_actor_shows_one_actor_with_its_events_and_quotes(db):
    result = invoke("actor", "Atmar", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    atmar = json.loads(result.output)
    assert (atmar["id"], atmar["name"], atmar["mentions"]) == (
        "person:mohammad-haneef-atmar", "Mohammad Haneef Atmar", 3)
    assert "Haneef Atmar" in atmar["aliases"]
    assert [e["type"] for e in atmar["events"]] == ["CONSULT"] and len(atmar["events"][0]["sources"]) == 3
    text = invoke("actor", "Jaishankar", "--db", db).output
    assert text.startswith("Subrahmanyam Jaishankar  (person, IND, GOV;")
    assert "external affairs minister of IND, 2019-" in text and "quotes" in text

