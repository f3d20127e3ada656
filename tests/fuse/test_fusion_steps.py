"""Fusion reads only what a batch can change, and ends where one ingest of everything ends:
people whose surnames are initials, stores fused by an older version, near-duplicates found
through the stored band index."""
import duckdb
import pytest

from dateline.fuse.actors import link_actors
from dateline.fuse.actors_step import person_keys
from dateline.fuse.duplicates import pairs_with_stored, signature, similar_pairs
from dateline.model import Actor
from dateline.pipeline import ingest
from samples import write_dated

FUSED_TABLES = ("actor_links", "actor_records", "stories", "story_articles", "near_duplicates",
                "fused_events", "fused_event_sources", "fused_event_dates", "event_fusion_keys",
                "story_df")

ENVOY = ("2021-07-01", """Envoy says talks will go on

The special envoy Marta K. told reporters in Doha on Tuesday that the talks between the two
delegations would continue next week. Marta K. met the Qatari foreign minister before the session.""")
ENVOY_NAMED = ("2021-07-09", """Envoy meets Afghan delegation

The special envoy Marta Kowalczyk met the Afghan delegation in Doha on Thursday, officials said.
Kowalczyk told reporters that the meeting had been useful and that a further round was planned.""")
CLOSURE = ("2021-07-12", """Doha talks close without agreement

The Afghan delegation left Doha on Monday after the talks ended without an agreement. The Qatari
foreign minister said both sides would return in August.""")


def tables(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall()))
                for table in FUSED_TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("envoy")
    return [write_dated(folder, f"{name}.txt", day, text)
            for name, (day, text) in zip(("envoy", "named", "closure"), (ENVOY, ENVOY_NAMED, CLOSURE))]


@pytest.fixture(scope="module")
def at_once(files, tmp_path_factory):
    db = tmp_path_factory.mktemp("once") / "d.duckdb"
    ingest(files, db=db)
    return db


def test_fusion_an_initial_for_a_surname_joins_a_fuller_name_that_comes_later(files, at_once, tmp_path):
    links = dict(duckdb.connect(str(at_once), read_only=True).execute(
        "SELECT a.name, c.name FROM actor_links l JOIN actors a ON a.id = l.actor_id"
        " JOIN actors c ON c.id = l.canonical_id WHERE a.kind = 'person'").fetchall())
    assert links["Marta K."] == "Marta Kowalczyk"
    for order in (files, files[::-1], [files[1], files[0], files[2]]):
        db = tmp_path / f"{order[0].stem}-{order[1].stem}.duckdb"
        for path in order:
            ingest([path], db=db)
        assert tables(db) == tables(at_once)


def test_fusion_a_store_of_an_older_version_fuses_to_what_one_ingest_gives(files, at_once, tmp_path):
    """A store fused before fusion kept its indexes (word counts, band keys, name keys,
    records, blocks) gets them on its next ingest, and the same fused tables."""
    db = tmp_path / "old.duckdb"
    ingest(files, db=db)
    con = duckdb.connect(str(db))
    for table in ("story_features", "story_df", "article_bands", "actor_keys", "actor_records"):
        con.execute(f"DELETE FROM {table}")
    con.execute("DELETE FROM meta WHERE key = 'fusion_version'")
    # an older version's keys (each holds the version) and no blocks
    con.execute("UPDATE event_fusion_keys SET key = 'older', family = NULL, first = NULL, last = NULL")
    con.execute("UPDATE stories SET label = 'stale'")
    con.close()
    report = ingest(files, db=db)
    assert report.ingested == 0 and report.unchanged == 3
    assert tables(db) == tables(at_once)


def test_fusion_a_name_of_initials_alone_joins_no_one():
    people = [Actor("person:b-p", "B.P.", "person"), Actor("person:bob-paulson", "Bob Paulson", "person"),
              Actor("person:cdt~a1", "CDT", "person"), Actor("person:chris-d-tate", "Chris D. Tate", "person")]
    links = link_actors(people)
    assert links["person:b-p"] == "person:b-p" and links["person:cdt~a1"] == "person:cdt~a1"
    assert person_keys(people[0]) == person_keys(people[2]) == {"="}


def test_fusion_person_keys_file_a_surname_and_the_given_names_under_its_letter():
    keys = person_keys(Actor("person:marta-kowalczyk", "Marta Kowalczyk", "person"))
    assert "kowalczyk" in keys and "^k~marta" in keys
    initial = person_keys(Actor("person:marta-k", "Marta K.", "person"))
    assert "!k~marta" in initial and all(key.startswith("!k~") for key in initial)
    assert person_keys(Actor("IND", "India", "country")) == set()


def test_fusion_pairs_through_a_stored_band_index_are_those_of_the_signatures_in_memory():
    texts = {"a": ENVOY[1], "b": ENVOY[1] + "\nSubscribe to our newsletter.", "c": ENVOY_NAMED[1],
             "d": CLOSURE[1], "e": ENVOY_NAMED[1].replace("useful", "productive")}
    sigs = {k: signature(v) for k, v in texts.items()}
    stored = {k: sigs[k] for k in "ac"}
    rows = [(band, key, article, article) for article in sorted(stored)
            for band, key in [(b, sigs[article][b * 12:(b + 1) * 12]) for b in range(42)]]
    found = pairs_with_stored({k: sigs[k] for k in "bde"},
                              lambda keys: [r for r in rows if (r[0], r[1]) in set(keys)],
                              lambda ids: {i: stored[i] for i in ids})
    assert found == similar_pairs({k: sigs[k] for k in "bde"}, stored)
    assert {(a, b) for a, b, _ in found} == {("a", "b"), ("c", "e")}
