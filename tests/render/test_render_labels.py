"""The labels every view writes alike: an event's date as precisely as it is known."""
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
