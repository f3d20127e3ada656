import csv
import json
from datetime import date

import duckdb
import pytest

from dateline.errors import ExportError
from dateline.export import FORMATS, TABLES, export, table_rows
from dateline.query.serialize import actor_json, event_json

FOLDER_FORMATS = ("json", "csv", "parquet")
NAMES = [table.name for table in TABLES]


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def expected_rows(db):
    events = db.events()
    return {"events": len(events), "event_sources": sum(len(e.sources) for e in events),
            "actors": len(db.actors()), "mentions": len(db.mentions()),
            "articles": len(db.articles())}


@pytest.mark.parametrize("fmt", FOLDER_FORMATS)
def test_export_writes_every_table_with_its_rows(db, tmp_path, fmt):
    out = tmp_path / "out"
    report = export(db, fmt, out)
    assert report.format == fmt
    assert report.files == [str(out / f"{name}.{fmt}") for name in NAMES]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.{fmt}" for name in NAMES)
    assert report.rows == expected_rows(db)
    assert report.rows["events"] == 3 and report.rows["event_sources"] == 5
    assert report.left_out == {}


def test_export_csv_reads_back_as_the_events(db, tmp_path):
    export(db, "csv", tmp_path / "out")
    rows = read_csv(tmp_path / "out" / "events.csv")
    events = db.events()
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert [r["date"] for r in rows] == [e.date.isoformat() if e.date else "" for e in events]
    assert [int(r["sources"]) for r in rows] == [len(e.sources) for e in events]
    assert [int(r["mentions"]) for r in rows] == [len(e.members) for e in events]
    meeting = next(r for r in rows if r["type"] == "CONSULT")
    assert meeting["source_actor_name"] == "Subrahmanyam Jaishankar"
    assert (meeting["location_name"], meeting["location_country"]) == ("Dushanbe", "TJK")


def test_export_csv_actors_join_aliases_and_role_labels(db, tmp_path):
    export(db, "csv", tmp_path / "out")
    rows = {r["id"]: r for r in read_csv(tmp_path / "out" / "actors.csv")}
    jaishankar = rows["person:subrahmanyam-jaishankar"]
    assert "S Jaishankar" in jaishankar["aliases"].split(" | ")
    assert jaishankar["roles"] == "external affairs minister of IND, 2019-"
    assert int(jaishankar["mentions"]) == 3


def test_export_csv_keeps_tabs_and_line_breaks_inside_text(odd_db, tmp_path):
    export(odd_db, "csv", tmp_path / "out")
    sentences = {r["sentence"] for r in read_csv(tmp_path / "out" / "event_sources.csv")}
    assert "Odd\tName\nJunior met India in Port\tTown" in sentences
    (article,) = read_csv(tmp_path / "out" / "articles.csv")
    assert article["text"] == odd_db.articles()[0].text


def test_export_event_sources_keep_provenance(db, tmp_path):
    export(db, "json", tmp_path / "out")
    rows = json.loads((tmp_path / "out" / "event_sources.json").read_text(encoding="utf-8"))
    expected = [(e.id, s.article_id, s.source, s.sentence_index, s.sentence, s.trigger)
                for e in db.events() for s in e.sources]
    assert [(r["event_id"], r["article_id"], r["path"], r["sentence_index"], r["sentence"],
             r["trigger"]) for r in rows] == expected
    first = next(r for r in rows if r["sentence"].startswith("Jaishankar and Atmar met"))
    assert first["path"] == "articles/a.txt" and first["published"] == "2021-07-14"
    assert (first["trigger"], first["date_text"]) == ("met", "Tuesday")


def test_export_json_reuses_the_cli_shapes(db, tmp_path):
    export(db, "json", tmp_path / "out")

    def read(name):
        return json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))

    assert read("events") == [event_json(e) for e in db.events()]
    assert read("actors") == [actor_json(a, n) for a, n in db.actors()]
    assert [m["text"] for m in read("mentions")] == [m.text for m in db.mentions()]
    assert set(read("articles")[0]) == {name for name, _ in TABLES[-1].columns}


def test_export_parquet_has_typed_columns(db, tmp_path):
    export(db, "parquet", tmp_path / "out")

    def types(name):
        path = str(tmp_path / "out" / f"{name}.parquet")
        return dict((row[0], row[1]) for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'")
                    .fetchall())

    events = types("events")
    assert (events["date"], events["date_end"]) == ("DATE", "DATE")
    assert (events["quad_class"], events["sources"], events["mentions"]) == ("INTEGER",) * 3
    assert (events["intensity"], events["summary"]) == ("DOUBLE", "VARCHAR")
    assert types("event_sources")["published"] == "DATE"
    assert types("event_sources")["sentence_index"] == "INTEGER"
    assert types("mentions")["start"] == "INTEGER" and types("articles")["published"] == "DATE"
    assert [name for name in types("events")] == [name for name, _ in TABLES[0].columns]


def test_export_parquet_reads_back_rows_and_nulls(db, tmp_path):
    export(db, "parquet", tmp_path / "out")
    path = str(tmp_path / "out" / "events.parquet")
    rows = duckdb.sql(f"SELECT id, date, sources FROM '{path}'").fetchall()
    assert rows == [(e.id, e.date, len(e.sources)) for e in db.events()]
    assert rows[-1][1] is None  # the undated threat stays undated, not a made-up date
    for name, count in expected_rows(db).items():
        path = str(tmp_path / "out" / f"{name}.parquet")
        assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall()[0][0] == count


def test_export_table_rows_follow_the_columns(db):
    rows = table_rows(db)
    assert list(rows) == NAMES
    for table in TABLES:
        assert rows[table.name] and all(len(r) == len(table.columns) for r in rows[table.name])
    assert rows["events"][0][8] == date(2021, 7, 11)  # the column named "date"


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_same_database_gives_identical_files(db, tmp_path, fmt):
    first = export(db, fmt, tmp_path / "one" / ("x.tsv" if fmt == "gdelt" else ""))
    second = export(db, fmt, tmp_path / "two" / ("x.tsv" if fmt == "gdelt" else ""))
    for a, b in zip(first.files, second.files, strict=True):
        assert open(a, "rb").read() == open(b, "rb").read(), a


def test_export_into_an_existing_empty_folder(db, tmp_path):
    (tmp_path / "empty").mkdir()
    assert export(db, "csv", tmp_path / "empty").rows["events"] == 3


def test_export_non_empty_folder_is_e081_and_left_alone(db, tmp_path):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="^E081: .*busy exists and is not an empty folder"):
        export(db, "json", out)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_export_to_a_file_is_e081(db, tmp_path):
    out = tmp_path / "file.csv"
    out.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="^E081"):
        export(db, "csv", out)
    assert out.read_text(encoding="utf-8") == "x"


def test_export_unwritable_place_is_e080(db, tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="^E080: cannot write .*file/out: "):
        export(db, "parquet", tmp_path / "file" / "out")


def test_export_unknown_format_is_e044_and_writes_nothing(db, tmp_path):
    with pytest.raises(ExportError, match="^E044: unknown format 'xml'; expected one of json, csv"):
        export(db, "xml", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_export_failing_midway_leaves_no_files(db, tmp_path, fill_disk):
    written = fill_disk()
    with pytest.raises(ExportError, match="^E080: cannot write .*event_sources.csv: No space left"):
        export(db, "csv", tmp_path / "new" / "out")
    assert written and not (tmp_path / "new" / "out").exists()


def test_export_empty_database_writes_empty_typed_tables(tmp_path):
    from dateline.fuse import fuse_store
    from dateline.query import Database
    from dateline.store import Store
    with Store(tmp_path / "empty.duckdb") as store:
        fuse_store(store)
    with Database(tmp_path / "empty.duckdb") as empty:
        report = export(empty, "parquet", tmp_path / "out")
    assert report.rows == dict.fromkeys(NAMES, 0)
    path = str(tmp_path / "out" / "events.parquet")
    assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall() == [(0,)]
    assert dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{path}')")
                .fetchall())["date"] == "DATE"
