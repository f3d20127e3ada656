"""The events table of a folder export carries each event's first source (sentence, headline,
outlet, path, published day) after its other columns; its event_sources table each source's
headline and outlet. Text cells are neutralized for spreadsheets as every other."""
import csv

import duckdb
from hostile_samples import COMMAND, HYPERLINK, SUM

from dateline.export import export

FIRST = ["first_source_sentence", "first_source_title", "first_source_outlet",
         "first_source_path", "first_source_published"]


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_export_events_csv_appends_the_first_source(db, tmp_path):
    export(db, "csv", tmp_path / "out")
    rows = read_csv(tmp_path / "out" / "events.csv")
    events = {e.id: e for e in db.events(min_confidence=0)}
    assert list(rows[0])[-len(FIRST):] == FIRST
    assert list(rows[0])[:3] == ["id", "type", "mode"]  # the old columns keep their places
    for row in rows:
        first = events[row["id"]].sources[0]
        assert [row[name] for name in FIRST] == [first.sentence, first.title or "",
                                                 first.outlet or "", first.source,
                                                 first.published.isoformat()]
    titled = [row for row in rows if row["first_source_title"]]
    assert titled and all(row["first_source_outlet"] == "Test Wire" for row in titled)
    sources = read_csv(tmp_path / "out" / "event_sources.csv")
    assert {(s["path"], s["title"]) for s in sources} >= {("articles/a.txt", "India and Afghanistan meet"),
                                                          ("articles/b.txt", "")}


def test_export_first_source_parquet_is_typed(db, tmp_path):
    export(db, "parquet", tmp_path / "out")
    path = str(tmp_path / "out" / "events.parquet")
    types = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()}
    assert types["first_source_published"] == "DATE" and types["first_source_title"] == "VARCHAR"


def test_export_first_source_cells_are_neutralized(formula_db, tmp_path):
    export(formula_db, "csv", tmp_path / "out")
    [event] = read_csv(tmp_path / "out" / "events.csv")
    assert (event["first_source_title"], event["first_source_outlet"]) == (
        "'" + HYPERLINK, "'" + COMMAND)
    assert event["first_source_sentence"].startswith("'" + SUM)
