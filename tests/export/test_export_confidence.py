"""Exports carry every event with its confidence and date value, read back from the files they
wrote; a threshold keeps only the surer ones and the report counts the others."""
import csv
import json

import duckdb
import pytest
from confidence_samples import CONFIDENCE, EVACUATION, MEETING, THREAT, THREAT_DATE_VALUE

from dateline.export import ROW_COLUMNS, export, table_rows
from dateline.export.gdelt import global_event_id
from dateline.export.tables import EVENTS
from dateline.render.safe_csv import FIRST_SOURCE_HEADER




def read_events(folder, fmt, table="events"):
    """A table of a folder export read back, as dicts of column -> value."""
    path = folder / f"{table}.{fmt}"
    if fmt == "json":
        return json.loads(path.read_text(encoding="utf-8"))
    if fmt == "csv":
        with open(path, newline="", encoding="utf-8") as file:
            return list(csv.DictReader(file))
    with duckdb.connect() as con:
        relation = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [column[0] for column in relation.description]
        return [dict(zip(names, row)) for row in relation.fetchall()]


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_export_tables_carry_every_event_with_its_confidence(mixed_database, tmp_path, fmt):
    db, _ = mixed_database
    report = export(db, fmt, tmp_path / fmt)
    events = read_events(tmp_path / fmt, fmt)
    assert report.rows["events"] == 3 and report.left_out == {}
    assert {e["type"]: float(e["confidence"]) for e in events} == CONFIDENCE
    values = {e["type"]: e["date_value"] or None for e in events}  # CSV writes None as ""
    assert values == {MEETING: None, EVACUATION: None, THREAT: THREAT_DATE_VALUE}


def test_export_parquet_types_confidence_as_a_number(mixed_database, tmp_path):
    db, _ = mixed_database
    export(db, "parquet", tmp_path / "p")
    with duckdb.connect() as con:
        kinds = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM"
                                 " read_parquet(?))", [str(tmp_path / "p" / "events.parquet")])
                     .fetchall())
    assert (kinds["confidence"], kinds["date_value"]) == ("DOUBLE", "VARCHAR")
    # confidence and date_value come after the older columns, and before the first source's
    # (appended later: tests/export/test_export_first_source.py)
    assert EVENTS.names[-7:-5] == ("confidence", "date_value")
    assert EVENTS.names[-5:] == FIRST_SOURCE_HEADER


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_export_tables_keep_only_the_surer_events_when_asked(mixed_database, tmp_path, fmt):
    db, ids = mixed_database
    report = export(db, fmt, tmp_path / fmt, min_confidence=0.25)
    assert sorted(e["type"] for e in read_events(tmp_path / fmt, fmt)) == [MEETING, THREAT]
    assert report.left_out == {"events below confidence 0.25": 1}
    sources = read_events(tmp_path / fmt, fmt, "event_sources")
    assert sources and ids[EVACUATION] not in {s["event_id"] for s in sources}


def test_export_gdelt_rows_end_with_confidence_and_date_value(mixed_database, tmp_path):
    db, ids = mixed_database
    path = tmp_path / "events.tsv"
    report = export(db, "gdelt", path)
    rows = [dict(zip(ROW_COLUMNS, line.split("\t")))
            for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {row["GLOBALEVENTID"]: row for row in rows}
    # The unsure evacuation is exported too; the threat has no calendar date, so no GDELT row.
    assert set(by_id) == {str(global_event_id(ids[MEETING])), str(global_event_id(ids[EVACUATION]))}
    assert by_id[str(global_event_id(ids[EVACUATION]))]["Confidence"] == "0.2"
    assert by_id[str(global_event_id(ids[MEETING]))]["Confidence"] == "0.82"
    assert {row["DateValue"] for row in rows} == {""}  # the sample's dated events keep no value
    assert report.left_out == {"undated events": 1}
    surer = export(db, "gdelt", tmp_path / "sure.tsv", min_confidence=0.5)
    assert surer.rows == {"events": 1}
    # The threat is below the threshold, so no undated event is left out for want of a date.
    assert surer.left_out == {"events below confidence 0.50": 2}


def test_export_table_rows_hold_every_event_for_python_use(mixed_database):
    db, _ = mixed_database
    rows = table_rows(db)["events"]
    confidence = EVENTS.names.index("confidence")
    assert sorted(row[confidence] for row in rows) == sorted(CONFIDENCE.values())
    assert len(table_rows(db, min_confidence=0.5)["events"]) == 1
