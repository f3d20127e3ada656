import json

import pytest
from samples import build_database

from dateline.query import Database, render, serialize


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    with Database(path) as database:
        yield database


def test_render_timeline_text_lines(db):
    lines = render.timeline_text(db.timeline()).splitlines()
    assert lines[1] == ("2021-07-13  CONSULT   Subrahmanyam Jaishankar (IND) met Mohammad Haneef "
                        "Atmar (AFG) in Dushanbe  [3 sources]")
    assert lines[0].endswith("[1 source]")
    assert lines[-2] == "Undated" and "Taliban (AFG) threatened India" in lines[-1]


def test_render_timeline_md_groups_by_month(db):
    text = render.timeline_md(db.timeline())
    assert text.index("## 2021-07") < text.index("## Undated")
    assert "- **2021-07-13** CONSULT:" in text and "[articles/b.txt]" in text


def test_render_timeline_html_escapes_and_stands_alone(db):
    page = render.timeline_html(db.timeline())
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<h2>2021-07</h2>" in page and "Dushanbe" in page


def test_render_events_csv_has_one_row_per_event(db):
    rows = render.events_csv(db.events()).splitlines()
    assert rows[0].startswith("id,date,date_end") and len(rows) == 4


def test_render_date_label_follows_precision(db):
    event = db.events(type="CONSULT")[0]
    event.date_precision = "month"
    assert render.date_label(event) == "2021-07"
    event.date_precision = "quarter"
    assert render.date_label(event) == "2021-Q3"


def test_serialize_event_json_has_design_shape(db):
    event = serialize.event_json(db.events(type="CONSULT")[0])
    assert set(event) == {"id", "type", "mode", "cameo", "quad_class", "intensity", "status",
                          "summary", "date", "date_end", "date_precision", "date_basis",
                          "location", "source_actor", "target_actor", "sources", "dates",
                          "date_note", "confidence", "date_value", "source_sector", "target_sector"}
    assert event["dates"][0] == {"date": "2021-07-13", "date_end": "2021-07-13",
                                 "precision": "day", "basis": "text", "reports": 2, "support": 3}
    assert event["location"] == {"name": "Dushanbe", "country": "TJK"}
    assert event["target_actor"] == {"id": "person:mohammad-haneef-atmar",
                                     "name": "Mohammad Haneef Atmar", "country": "AFG",
                                     "sector": "GOV"}
    assert set(event["sources"][0]) == {"article", "path", "published", "sentence", "trigger",
                                        "date_text"}
    json.dumps(event)


def test_serialize_actor_and_quote_json(db):
    actor, mentions = db.actors()[0]
    record = serialize.actor_json(actor, mentions)
    assert set(record) == {"id", "name", "kind", "country", "sector", "aliases", "roles",
                           "mentions"}
    quote = serialize.quote_json(db.quotes(actors=["Jaishankar"])[0], db)
    assert quote["speaker"]["name"] == "Subrahmanyam Jaishankar"
    assert quote["path"] == "articles/a.txt" and quote["said_on"] == "2021-07-13"
    assert quote["sentence"].startswith("Jaishankar and Atmar met")
