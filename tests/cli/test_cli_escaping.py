"""What `dateline` prints to a terminal obeys nothing stored in the database: paths, titles and
names are escaped as `ingest` escapes them, and its CSV outputs hold no live formula."""
import csv
import io
import json

from hostile_samples import PWNED, RAW, SUM, build_hostile_database, formula_analysis, is_number

from cli_runs import invoke

from dateline.model import shown_name
from dateline.query import Database

TEXT = (" date 2022-06-03 :\nIndian team meets Taliban minister\n\n"
        "An Indian delegation met acting foreign minister Amir Khan Muttaqi in Kabul on Thursday, "
        "the Taliban's foreign ministry said. \"We discussed humanitarian aid,\" Muttaqi said.\n")
EVIL_NAME = f"team{PWNED}\u202e\n.txt"
EVIL_SHOWN = "team\\x1b]0;pwned\\x07\\u202e\\n.txt"  # as `ingest` shows it in a skip


def test_cli_escaping_file_names_and_titles_reach_no_terminal_raw(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / EVIL_NAME).write_text(TEXT, encoding="utf-8")
    record = {"id": f"r{PWNED}", "title": f"{PWNED}Aid \u202econvoy\r\nsent", "outlet": "Wire",
              "date": "2021-12-13",
              "text": "India delivered medicines to Kabul on Saturday, officials said."}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    assert invoke("ingest", folder, "--db", db).exit_code == 0
    with Database(db) as database:
        [article] = [a for a in database.articles() if a.source.endswith(EVIL_NAME)]
        [event] = [e for e in database.events() if e.sources[0].article_id == article.id]
    shown = {" ".join(command): invoke(*command, "--db", db) for command in (
        ["event", event.id], ["article", article.id], ["timeline"], ["timeline", "--format", "md"],
        ["timeline", "--format", "html"], ["events"], ["actors"], ["quotes"], ["stories"])}
    for command, result in shown.items():
        assert result.exit_code == 0, (command, result.output)
        assert not any(char in result.output for char in RAW), (command, result.output)
    command = f"article {article.id}"
    assert f"{folder}/{EVIL_SHOWN}" in shown[command].output, (command, shown[command].output)
    # The event and the timeline cite the article by its headline (its path only without one:
    # tests/render/test_render_citations.py), escaped as every other name.
    assert article.title
    for command in (f"event {event.id}", "timeline --format md"):
        assert f"{shown_name(article.title)} — " in shown[command].output or (
            f"{shown_name(article.title)}, " in shown[command].output), shown[command].output


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = {"quad_class", "intensity", "sources", "mentions"}  # the number columns of these CSVs


def live_formulas(rows):
    """The cells a spreadsheet would run: formula-like, unless a number in a numeric column."""
    return [(name, value) for row in rows for name, value in row.items()
            if value.startswith(FORMULA_STARTS) and not (name in NUMERIC and is_number(value))]


def test_cli_escaping_csv_outputs_hold_no_live_formula(tmp_path):
    db = tmp_path / "formula.duckdb"
    build_hostile_database(db, formula_analysis())
    tables = {command: list(csv.DictReader(io.StringIO(
        invoke(command, "--db", db, "--format", "csv").output)))
        for command in ("events", "actors", "quotes")}
    for command, rows in tables.items():
        assert rows and live_formulas(rows) == [], command
    [event] = tables["events"]
    assert (event["intensity"], event["source_actor"]) == ("-4.4", "'" + SUM)
