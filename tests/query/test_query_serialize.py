"""The JSON shapes of DESIGN.md, and the lookups a listing makes to draw them: one per listing."""
import json

import pytest
from samples import build_database

from dateline.query import Database, serialize


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    with Database(path) as database:
        yield database


def test_serialize_event_json_has_design_shape(db):
    event = serialize.event_json(db.events(type="CONSULT")[0])
    assert set(event) == {"id", "type", "mode", "cameo", "quad_class", "intensity", "status",
                          "summary", "date", "date_end", "date_precision", "date_basis",
                          "location", "source_actor", "target_actor", "sources", "dates",
                          "date_note", "confidence", "date_value", "source_sector", "target_sector",
                          "short_id"}
    assert event["short_id"] == event["id"][:8]
    assert event["dates"][0] == {"date": "2021-07-13", "date_end": "2021-07-13",
                                 "precision": "day", "basis": "text", "reports": 2, "support": 3}
    assert event["location"] == {"name": "Dushanbe", "country": "TJK"}
    assert event["target_actor"] == {"id": "person:mohammad-haneef-atmar",
                                     "name": "Mohammad Haneef Atmar", "country": "AFG",
                                     "sector": "GOV"}
    assert set(event["sources"][0]) == {"article", "path", "published", "sentence", "trigger",
                                        "date_text", "title", "outlet"}
    cited = {s["path"]: (s["title"], s["outlet"]) for s in event["sources"]}
    assert cited["articles/a.txt"] == ("India and Afghanistan meet", "Test Wire")
    assert cited["articles/b.txt"] == (None, "Test Wire")
    json.dumps(event)


def test_serialize_actor_and_quote_json(db):
    actor, mentions = db.actors()[0]
    record = serialize.actor_json(actor, mentions)
    assert set(record) == {"id", "name", "kind", "country", "sector", "aliases", "roles",
                           "mentions"}
    quote = serialize.quotes_json(db.quotes(actors=["Jaishankar"]), db)[0]
    assert quote["speaker"]["name"] == "Subrahmanyam Jaishankar"
    assert quote["path"] == "articles/a.txt" and quote["said_on"] == "2021-07-13"
    assert quote["sentence"].startswith("Jaishankar and Atmar met")


def counting_queries(db, monkeypatch) -> list[str]:
    """The SQL each query of `db` runs from now on, in order."""
    ran: list[str] = []
    query = db._query

    def counted(sql, params=()):
        ran.append(sql)
        return query(sql, params)

    monkeypatch.setattr(db, "_query", counted)
    return ran


def test_serialize_quotes_look_their_citations_up_once_per_listing(db, monkeypatch):
    quotes = db.quotes()
    db.actor(quotes[0].speaker)  # the actors are read once per opening, before the count
    assert len(quotes) >= 2
    ran = counting_queries(db, monkeypatch)
    shown = serialize.quotes_json(quotes, db)
    assert len(ran) == 1 and [q["id"] for q in shown] == [q.id for q in quotes]
    assert all(q["path"] == db.article_source(q["article"]) for q in shown)
    assert all(q["sentence"] == db.sentence_text(q["article"], quote.sentence)
               for q, quote in zip(shown, quotes))


def test_serialize_profile_json_looks_its_quotes_up_once(db, monkeypatch):
    profile = db.actor_view("Jaishankar")
    ran = counting_queries(db, monkeypatch)
    shown = serialize.profile_json(profile, db)
    assert len(ran) == 1 and len(shown["quotes"]) == len(profile.quotes) >= 1
