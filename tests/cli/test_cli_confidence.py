"""The confidence threshold on the command line: every command that lists events shows the sure
ones, ends its text saying how many it hid, and lists them all with --all; JSON carries each
event's confidence and date value; exports keep every event unless asked. Over a real DuckDB file
(tests/confidence_samples.py)."""
import csv
import json

import pytest
from click.testing import CliRunner
from confidence_samples import (CONFIDENCE, EVACUATION, MEETING, THREAT, THREAT_DATE_VALUE,
                                build_mixed_database)

from dateline.cli import main

PARTIAL = "4 November (year not stated)"
# A listing command and the text each unsure event shows as in it.
LISTINGS = {
    ("timeline",): ("India evacuated", "Taliban (AFG) threatened India"),
    ("events",): ("RETREAT", "THREATEN"),
    ("timeline", "--summary"): ("RETREAT India -> Afghanistan",),
    ("key-dates",): ("RETREAT India -> Afghanistan",),
    ("actor", "India"): ("India evacuated", "Taliban (AFG) threatened India"),
    ("relations", "India", "Afghanistan"): ("conflict",),  # the chart's header is always there
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    path = tmp_path_factory.mktemp("mixed") / "d.duckdb"
    return str(path), build_mixed_database(path)


def run(*args, code=0):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result.output


def last_line(output: str) -> str:
    return output.rstrip("\n").splitlines()[-1]


def test_cli_timeline_ends_saying_what_it_hid(mixed):
    db, _ = mixed
    shown = run("timeline", "--db", db)
    assert "Jaishankar" in shown and "evacuated" not in shown and "threatened" not in shown
    assert last_line(shown) == "2 more events below confidence 0.50: add --all"
    every = run("timeline", "--db", db, "--all")
    assert "evacuated" in every and "threatened" in every and "more events" not in every
    surer = run("timeline", "--db", db, "--min-confidence", "0.9")
    assert last_line(surer) == "3 more events below confidence 0.90: add --all"
    assert last_line(run("timeline", "--db", db, "--min-confidence", "0.25")) == (
        "1 more event below confidence 0.25: add --all")


@pytest.mark.parametrize("command", list(LISTINGS), ids=" ".join)
def test_cli_every_listing_command_hides_unsure_events_unless_asked(mixed, command):
    db, _ = mixed
    shown = run(*command, "--db", db)
    assert "below confidence 0.50: add --all" in last_line(shown)
    every = run(*command, "--db", db, "--all")
    assert "below confidence" not in every
    for text in LISTINGS[command]:
        assert text in every
    if command != ("relations", "India", "Afghanistan"):
        assert not any(text in shown for text in LISTINGS[command])
    assert run(*command, "--db", db, "--min-confidence", "0") == every


def test_cli_relations_chart_only_the_shown_events(mixed):
    db, _ = mixed
    relation = json.loads(run("relations", "India", "Afghanistan", "--db", db, "--format", "json"))
    assert [e["type"] for e in relation["events"]] == [MEETING]
    every = json.loads(run("relations", "India", "Afghanistan", "--db", db, "--format", "json",
                           "--all"))
    assert [e["type"] for e in every["events"]] == [EVACUATION, MEETING]
    assert every["months"][0]["cooperation"] == 2


@pytest.mark.parametrize("value", ["1.5", "-0.2", "abc", "nan"])
def test_cli_min_confidence_is_a_number_from_0_to_1(mixed, value):
    db, _ = mixed
    for command in (("timeline",), ("events",), ("actor", "India"), ("export", "x", "--format",
                                                                      "json")):
        output = run(*command, "--db", db, "--min-confidence", value, code=2)
        assert "Invalid value for '--min-confidence'" in output
        assert f"must be a number from 0 to 1, not {value!r}" in output


def test_cli_all_and_min_confidence_exclude_each_other(mixed):
    db, _ = mixed
    output = run("events", "--db", db, "--all", "--min-confidence", "0.3", code=2)
    assert "--all and --min-confidence exclude each other" in output


def test_cli_json_carries_confidence_and_date_value(mixed):
    db, _ = mixed
    events = json.loads(run("events", "--db", db, "--all", "--format", "json"))
    assert {e["type"]: e["confidence"] for e in events} == CONFIDENCE
    threat = next(e for e in events if e["type"] == THREAT)
    assert threat["date"] is None and threat["date_value"] == THREAT_DATE_VALUE
    assert [e["type"] for e in json.loads(run("timeline", "--db", db, "--format", "json"))] == [
        MEETING]
    keys = json.loads(run("timeline", "--summary", "--db", db, "--format", "json", "--all"))
    assert {e["type"]: "confidence" in e for k in keys for e in k["events"]} == {
        MEETING: True, EVACUATION: True}
    profile = json.loads(run("actor", "India", "--db", db, "--format", "json", "--all"))
    assert {e["type"]: e["date_value"] for e in profile["events"]} == {
        EVACUATION: None, THREAT: THREAT_DATE_VALUE}


def test_cli_json_and_csv_have_no_note(mixed):
    db, _ = mixed
    json.loads(run("events", "--db", db, "--format", "json"))  # the whole output parses
    rows = list(csv.DictReader(run("events", "--db", db, "--all", "--format", "csv").splitlines()))
    assert {r["type"]: (r["confidence"], r["date_value"]) for r in rows} == {
        MEETING: ("0.82", ""), EVACUATION: ("0.2", ""), THREAT: ("0.3", THREAT_DATE_VALUE)}


def test_cli_timeline_says_a_partial_date_in_words(mixed):
    db, _ = mixed
    lines = run("timeline", "--db", db, "--all").splitlines()
    undated = lines[lines.index("Undated") + 1:]
    short = undated[0].split()[0]  # the short id, then the line as before; its one source cited
    assert undated == [f"{short}  {PARTIAL}  THREATEN  Taliban (AFG) threatened India"
                       "  [articles/c.jsonl:3, 2021-07-14]"]
    assert f"**{PARTIAL}** THREATEN" in run("timeline", "--db", db, "--all", "--format", "md")


def test_cli_event_shows_its_confidence_and_the_evidence_in_words(mixed):
    db, ids = mixed
    text = run("event", ids[THREAT], "--db", db)
    assert text.startswith(f"{PARTIAL}  THREATEN")
    assert "; confidence 0.30;" in text
    assert ("reading in articles/c.jsonl:3: confidence 0.50; names who acted; names whom it was "
            "done to; inside a quotation; hedged (could, would, may); no date given; told as "
            "having happened") in text
    detail = json.loads(run("event", ids[THREAT], "--db", db, "--format", "json"))
    assert detail["confidence"] == 0.3 and detail["date_value"] == THREAT_DATE_VALUE
    [reading] = detail["readings"]
    assert reading["evidence"] == ["doer", "target", "quoted", "hedged", "undated", "occurred"]
    assert "inside a quotation" in reading["evidence_words"]


def test_cli_report_holds_the_sure_events_unless_asked(mixed, tmp_path):
    db, _ = mixed
    out = run("report", tmp_path / "r.html", "--db", db)
    assert last_line(out) == "2 more events below confidence 0.50: add --all"
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "India evacuated" not in html and "threatened India" not in html
    assert "2 more events below confidence 0.50 are not in this report" in html
    out = run("report", tmp_path / "all.html", "--db", db, "--all")
    html = (tmp_path / "all.html").read_text(encoding="utf-8")
    assert "India evacuated" in html and PARTIAL in html and "below confidence" not in out + html


def test_cli_export_keeps_every_event_unless_asked(mixed, tmp_path):
    db, _ = mixed
    run("export", tmp_path / "all", "--format", "csv", "--db", db)
    with open(tmp_path / "all" / "events.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert {r["type"]: float(r["confidence"]) for r in rows} == CONFIDENCE
    assert {r["type"]: r["date_value"] for r in rows}[THREAT] == THREAT_DATE_VALUE
    out = run("export", tmp_path / "sure", "--format", "csv", "--db", db, "--min-confidence", "0.25")
    assert last_line(out) == "left out 1 events below confidence 0.25"
    with open(tmp_path / "sure" / "events.csv", newline="", encoding="utf-8") as file:
        assert sorted(r["type"] for r in csv.DictReader(file)) == [MEETING, THREAT]


def test_cli_help_documents_the_threshold():
    for command in (("events",), ("timeline",), ("key-dates",), ("actor",), ("relations",),
                    ("report",)):
        text = run(*command, "--help")
        assert "--min-confidence FLOAT" in text and "--all" in text, command
    assert "--min-confidence FLOAT" in run("export", "--help")
