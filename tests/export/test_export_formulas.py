"""CSV exports open in a spreadsheet with no live formula (the OWASP rule); JSON and Parquet keep
the text as it was stored."""
import csv
import json

import duckdb
from hostile_samples import ARITHMETIC, COMMAND, HYPERLINK, SUM, is_number

from dateline.export import TABLES, export

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = ("INTEGER", "DOUBLE")


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def live_formulas(table, rows):
    """The cells a spreadsheet would run: formula-like, unless a number in a numeric column."""
    kinds = dict(table.columns)
    return [(table.name, name, value) for row in rows for name, value in row.items()
            if value.startswith(FORMULA_STARTS)
            and not (kinds[name] in NUMERIC and is_number(value))]


def test_export_csv_has_no_live_formula_in_any_table(formula_db, tmp_path):
    export(formula_db, "csv", tmp_path / "out")
    tables = {table.name: read_csv(tmp_path / "out" / f"{table.name}.csv") for table in TABLES}
    assert all(tables.values())  # every table has rows to check
    for table in TABLES:
        assert live_formulas(table, tables[table.name]) == []
    [article] = tables["articles"]
    assert (article["title"], article["outlet"], article["url"], article["source"]) == (
        "'" + HYPERLINK, "'" + COMMAND, "'" + SUM, f"'{ARITHMETIC}.txt")
    assert article["published"] == "2024-03-05"


def test_export_csv_neutralizes_text_by_its_column_not_its_look(formula_db, tmp_path):
    export(formula_db, "csv", tmp_path / "out")
    [event] = read_csv(tmp_path / "out" / "events.csv")
    assert event["intensity"] == "-4.4"  # a number: a spreadsheet should sum it
    assert (event["source_actor_name"], event["location_name"]) == ("'" + SUM, "'\tTab Town")
    assert event["summary"].startswith("'" + SUM)
    [source] = read_csv(tmp_path / "out" / "event_sources.csv")
    assert source["date_text"] == "'\rMonday" and source["sentence"].startswith("'" + SUM)
    mentions = {row["text"] for row in read_csv(tmp_path / "out" / "mentions.csv")}
    assert mentions == {"'" + SUM, "'" + ARITHMETIC}
    actor = next(r for r in read_csv(tmp_path / "out" / "actors.csv") if r["id"] == "group:sum-1")
    assert (actor["name"], actor["aliases"], actor["roles"]) == (
        "'" + SUM, "'" + COMMAND, "'=chief of IND, 2020-")


def test_export_json_and_parquet_keep_the_raw_text(formula_db, tmp_path):
    export(formula_db, "json", tmp_path / "json")
    export(formula_db, "parquet", tmp_path / "parquet")
    [article] = json.loads((tmp_path / "json" / "articles.json").read_text(encoding="utf-8"))
    [event] = json.loads((tmp_path / "json" / "events.json").read_text(encoding="utf-8"))
    assert (article["title"], article["outlet"]) == (HYPERLINK, COMMAND)
    assert event["summary"].startswith(SUM) and event["intensity"] == -4.4
    with duckdb.connect() as con:
        title, outlet = con.execute("SELECT title, outlet FROM read_parquet(?)",
                                    [str(tmp_path / "parquet" / "articles.parquet")]).fetchone()
        name, intensity = con.execute("SELECT source_actor_name, intensity FROM read_parquet(?)",
                                      [str(tmp_path / "parquet" / "events.parquet")]).fetchone()
    assert (title, outlet, name, intensity) == (HYPERLINK, COMMAND, SUM, -4.4)
