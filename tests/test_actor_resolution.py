"""One actor per real entity across articles: real files, real spaCy parses, a real database.

The people here are invented, so nothing but the articles (and, where a test says so, a
knowledge file of the user's) can tell who they are.
"""
from __future__ import annotations

import json

import pytest

from samples import actor_of, write_dated

from dateline import pipeline
from dateline.errors import QueryError
from dateline.model import is_unresolved
from dateline.query import Database


def ingest(tmp_path, paths, **options):
    """Ingest into the test's database, returning its path."""
    db_path = tmp_path / "d.duckdb"
    pipeline.ingest(paths, db=db_path, **options)
    return db_path


@pytest.fixture
def corpus(tmp_path):
    return tmp_path / "corpus"


def test_surname_initials_and_honorifics_join_the_full_name_across_articles(tmp_path, corpus):
    write_dated(corpus, "a.txt", "2023-03-01",
          "Kazakh Deputy Foreign Minister Nurlan Abenov met Indian officials in Astana on Tuesday. "
          "Abenov said trade would grow.")
    write_dated(corpus, "b.txt", "2023-03-09", "N. Abenov arrived in New Delhi on Wednesday for two days of talks.")
    write_dated(corpus, "c.txt", "2023-03-10", "Mr. Abenov told reporters in New Delhi on Thursday that the visit went well.")
    with Database(ingest(tmp_path, [corpus])) as db:
        full = actor_of(db, "a.txt", "Nurlan Abenov")
        assert actor_of(db, "b.txt", "N. Abenov") == full
        assert actor_of(db, "c.txt", "Abenov") == full
        assert db.canonical_actors()[full].country == "KAZ"


def test_spelling_variants_of_one_name_are_one_person(tmp_path, corpus):
    write_dated(corpus, "a.txt", "2023-05-02", "Karim Haneef Sultani met Indian buyers in Kabul on Monday.")
    write_dated(corpus, "b.txt", "2023-05-09", "Karim Hanif Sultani said on Tuesday that exports had doubled.")
    write_dated(corpus, "c.txt", "2023-05-10", "Karim Sultany said on Wednesday that a second shipment had left.")
    with Database(ingest(tmp_path, [corpus])) as db:
        sultani = actor_of(db, "a.txt", "Karim Haneef Sultani")
        assert actor_of(db, "b.txt", "Karim Hanif Sultani") == sultani
        assert actor_of(db, "c.txt", "Karim Sultany") == sultani


def test_a_handle_joins_the_person_a_post_is_signed_by(tmp_path, corpus):
    write_dated(corpus, "a.txt", "2023-06-03",
          "The minister thanked India in a post.\n\n"
          "Thank you India for the wheat.\n"
          "\u2014 Rahim Sadat (@RahimSadatAF) June 2, 2023")
    write_dated(corpus, "b.txt", "2023-06-10", "@RahimSadatAF wrote on Friday that a second convoy had reached Herat.")
    with Database(ingest(tmp_path, [corpus])) as db:
        sadat = actor_of(db, "a.txt", "Rahim Sadat")
        assert actor_of(db, "a.txt", "@RahimSadatAF") == sadat
        assert actor_of(db, "b.txt", "@RahimSadatAF") == sadat
        assert "@RahimSadatAF" in db.canonical_actors()[sadat].aliases


def test_two_singhs_stay_two_and_a_bare_singh_joins_neither(tmp_path, corpus):
    write_dated(corpus, "a.txt", "2024-11-04",
          "Joint Secretary Jai Prakash Singh met Taliban officials in Kabul on Monday. Singh said aid would continue.")
    write_dated(corpus, "b.txt", "2022-06-19",
          "Gurnam Singh, a shopkeeper in Kabul, said on Sunday that the gurdwara would reopen. Singh said the community was afraid.")
    write_dated(corpus, "c.txt", "2023-01-15", "Mr. Singh said on Sunday that the talks had been useful.")
    with Database(ingest(tmp_path, [corpus])) as db:
        official, shopkeeper = actor_of(db, "a.txt", "Jai Prakash Singh"), actor_of(db, "b.txt", "Gurnam Singh")
        assert official != shopkeeper
        assert actor_of(db, "a.txt", "Singh") == official
        assert actor_of(db, "b.txt", "Singh") == shopkeeper
        assert actor_of(db, "c.txt", "Singh") not in (official, shopkeeper)
        # the bare "Mr. Singh" stays unresolved in its article: a mention, not a third actor
        assert is_unresolved(db.actor(actor_of(db, "c.txt", "Singh")))
        with pytest.raises(QueryError, match="E046: 'Singh' matches 2 actors"):
            db.actor_profile("Singh")
        assert db.actor_profile("Gurnam Singh").actor.id == shopkeeper


def test_a_later_full_name_upgrades_a_surname_stored_before(tmp_path, corpus):
    first = write_dated(tmp_path / "first", "a.txt", "2024-11-13",
                  "Mr. Kamil took charge of the Afghan consulate in Mumbai on Tuesday, officials said.")
    db_path = ingest(tmp_path, [first])
    with Database(db_path) as db:
        alone = actor_of(db, "a.txt", "Kamil")
        assert db.canonical_actors()[alone].name == "Kamil"
    later = write_dated(tmp_path / "later", "b.txt", "2024-11-14",
                  "Ikramuddin Kamil, a former Afghan student in India, will serve as acting consul in Mumbai.")
    ingest(tmp_path, [later])
    with Database(db_path) as db:
        assert actor_of(db, "a.txt", "Kamil") == actor_of(db, "b.txt", "Ikramuddin Kamil")
        assert db.canonical_actors()[actor_of(db, "a.txt", "Kamil")].name == "Ikramuddin Kamil"


def test_a_role_phrase_resolves_to_the_holder_the_corpus_shows_that_day(tmp_path, corpus):
    # The knowledge knows no Kyrgyz interior minister: the articles say who held the office when.
    write_dated(corpus, "a.txt", "2022-01-10", "Kyrgyz Interior Minister Aibek Tursunov met Indian officials in Bishkek on Monday.")
    write_dated(corpus, "b.txt", "2022-04-01", "Kyrgyz Interior Minister Aibek Tursunov opened a border post on Friday.")
    write_dated(corpus, "c.txt", "2022-03-05", "The Kyrgyz interior minister visited New Delhi on Friday.")
    write_dated(corpus, "d.txt", "2022-09-01", "Kyrgyz Interior Minister Nurlan Osmonov opened a police academy in Osh on Thursday.")
    write_dated(corpus, "e.txt", "2022-11-15", "Kyrgyz Interior Minister Nurlan Osmonov met Kazakh officials on Tuesday.")
    write_dated(corpus, "f.txt", "2022-10-20", "The Kyrgyz interior minister said on Thursday that the border was calm.")
    with Database(ingest(tmp_path, [corpus])) as db:
        tursunov, osmonov = actor_of(db, "a.txt", "Aibek Tursunov"), actor_of(db, "d.txt", "Nurlan Osmonov")
        assert actor_of(db, "c.txt", "The Kyrgyz interior minister") == tursunov
        assert actor_of(db, "f.txt", "The Kyrgyz interior minister") == osmonov
        roles = db.canonical_actors()[osmonov].roles
        assert [(r.title, r.country, r.since.isoformat(), r.until.isoformat(), r.basis) for r in roles] == [
            ("interior minister", "KGZ", "2022-09-01", "2022-11-15", "text")]


def test_a_knowledge_file_gives_roles_that_change_hands_on_a_date(tmp_path, corpus):
    knowledge = tmp_path / "mine.json"
    knowledge.write_text(json.dumps({"people": [
        {"name": "Aida Beishenova", "country": "KGZ", "sector": "GOV", "handles": ["@AidaBeish"],
         "roles": [{"title": "foreign minister", "country": "KGZ", "since": "2021-02-01", "until": "2022-05-31"}]},
        {"name": "Temir Alymkulov", "country": "KGZ", "sector": "GOV",
         "roles": [{"title": "foreign minister", "country": "KGZ", "since": "2022-06-01"}]},
    ]}), encoding="utf-8")
    write_dated(corpus, "a.txt", "2022-05-20", "The Kyrgyz foreign minister met Indian officials in Bishkek on Friday.")
    write_dated(corpus, "b.txt", "2022-06-02", "The Kyrgyz foreign minister met Indian officials in Bishkek on Thursday.")
    write_dated(corpus, "c.txt", "2022-05-21", "@AidaBeish wrote that the talks had gone well.")
    with Database(ingest(tmp_path, [corpus], knowledge=knowledge)) as db:
        assert actor_of(db, "a.txt", "The Kyrgyz foreign minister") == "person:aida-beishenova"
        assert actor_of(db, "b.txt", "The Kyrgyz foreign minister") == "person:temir-alymkulov"
        assert actor_of(db, "c.txt", "@AidaBeish") == "person:aida-beishenova"
