"""The labels every view writes alike: an event's date as precisely as it is known."""
from datetime import date

from samples import build_database

from dateline.query import Database
from dateline.render.labels import date_label


def test_render_date_label_follows_precision(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    with Database(path) as db:
        event = db.events(type="CONSULT")[0]
    event.date_precision = "month"
    assert date_label(event) == "2021-07"
    event.date_precision = "quarter"
    assert date_label(event) == "2021-Q3"


def test_render_date_label_writes_a_week_as_its_iso_week_not_its_first_day(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    with Database(path) as db:
        event = db.events(type="CONSULT")[0]
    event.date, event.date_end, event.date_precision = date(2021, 7, 5), date(2021, 7, 11), "week"
    assert date_label(event) == "2021-W27"
    event.date, event.date_end = date(2021, 1, 1), date(2021, 1, 3)  # ISO week 53 of 2020
    assert date_label(event) == "2020-W53"
