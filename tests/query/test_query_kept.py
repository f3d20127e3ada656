"""What `Database` keeps of a file between openings (query.kept): the actors, read again as soon
as the file is written; and the busiest pairs, counted by the database, as the events count them."""
from samples import build_database

from dateline.query import Database
from dateline.query.relations import busiest_pairs
from dateline.store import connect


def test_query_kept_actors_are_read_again_once_the_file_is_written(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    with Database(path) as db:
        before = {actor.id for actor, _ in db.actors()}
        assert db.actors() == db.actors() and db.actors() is not db.actors()
    assert "person:new-envoy" not in before
    con = connect(str(path))
    con.execute("INSERT INTO actors (id, name, kind) VALUES ('person:new-envoy', 'New Envoy',"
                " 'person')")
    con.close()
    with Database(path) as db:
        assert {actor.id for actor, _ in db.actors()} == before | {"person:new-envoy"}
        assert db.resolve_actor("New Envoy") == {"person:new-envoy"}


def test_query_relation_pairs_are_the_events_pairs(corpus_db):
    with Database(corpus_db) as db:
        for threshold in (None, 0.0, 0.8):
            counted = db.relation_pairs(limit=1000, min_confidence=threshold)
            assert counted == busiest_pairs(db.events(min_confidence=threshold), 1000)
        assert db.relation_pairs() == busiest_pairs(db.events(), 10) != []
