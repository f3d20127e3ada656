"""Actors a user can trust, across articles: real files, real spaCy parses, a real database.

A bare surname spelled like a known person's is no evidence that it is that person, and a bare
surname that fits two people of the corpus stays what it is, a name within one article: its
mentions are kept, but it is not offered as an actor, and an event it does says it is
unresolved. The Rahimis here are invented; Manouchehr Mottaki is the knowledge's.
"""
from __future__ import annotations

import pytest

from samples import actor_of, write_dated

from dateline import pipeline
from dateline.model import Actor, is_unresolved
from dateline.query import Database

MOTTAKI = "person:manouchehr-mottaki"


@pytest.fixture(scope="module")
def two_rahimis(tmp_path_factory):
    """Two Rahimis named in full in two articles, and a bare "Rahimi" in a third that names
    nothing else that tells which: ingested once, open."""
    folder = tmp_path_factory.mktemp("rahimis")
    corpus = folder / "corpus"
    write_dated(corpus, "a.txt", "2023-05-02",
          "Nadia Rahimi, a lawyer, met Indian diplomats in Kabul on Tuesday to discuss visas for students.")
    write_dated(corpus, "b.txt", "2023-05-09",
          "Farid Rahimi, a dried fruit trader, said on Tuesday that exports to India had doubled this year.")
    write_dated(corpus, "c.txt", "2023-05-16",
          "Mr. Rahimi met Indian officials in New Delhi on Monday, the embassy said.")
    pipeline.ingest([corpus], db=folder / "d.duckdb")
    with Database(folder / "d.duckdb") as db:
        yield db


def test_actor_trust_a_bare_surname_spelled_like_a_known_ministers_is_not_him(tmp_path):
    corpus = tmp_path / "corpus"
    write_dated(corpus, "a.txt", "2009-11-10",
          "Iranian Foreign Minister Manouchehr Mottaki met his Turkish counterpart in Ankara on Monday.")
    write_dated(corpus, "b.txt", "2015-03-04", "Muttaki told reporters on Tuesday that the road had reopened.")
    pipeline.ingest([corpus], db=tmp_path / "d.duckdb")
    with Database(tmp_path / "d.duckdb") as db:
        assert actor_of(db, "a.txt", "Manouchehr Mottaki") == MOTTAKI
        muttaki = actor_of(db, "b.txt", "Muttaki")
        assert muttaki != MOTTAKI
        assert "Muttaki" not in db.canonical_actors()[MOTTAKI].aliases


def test_actor_trust_a_surname_that_fits_two_people_is_no_actor_of_the_corpus(two_rahimis):
    db = two_rahimis
    nadia, farid = actor_of(db, "a.txt", "Nadia Rahimi"), actor_of(db, "b.txt", "Farid Rahimi")
    bare = actor_of(db, "c.txt", "Rahimi")
    assert nadia != farid and bare not in (nadia, farid)
    assert is_unresolved(db.actor(bare))
    listed = {actor.id for actor, _count in db.actors()}
    assert {nadia, farid} <= listed
    assert bare not in listed


def test_actor_trust_an_unresolved_surname_is_not_offered_as_a_candidate(two_rahimis):
    offered = {candidate.actor.id for candidate in two_rahimis.actor_candidates("Rahimi")}
    assert offered == {actor_of(two_rahimis, "a.txt", "Nadia Rahimi"), actor_of(two_rahimis, "b.txt", "Farid Rahimi")}


def test_actor_trust_an_unresolved_surname_keeps_its_mention(two_rahimis):
    bare = [m for m in two_rahimis.mentions() if m.source.endswith("c.txt") and m.text == "Rahimi"]
    assert len(bare) == 1
    assert (bare[0].how, bare[0].published.isoformat()) == ("name", "2023-05-16")


def test_actor_trust_an_event_done_by_an_unresolved_surname_says_so(two_rahimis):
    db = two_rahimis
    bare = actor_of(db, "c.txt", "Rahimi")
    done = [event for event in db.events(min_confidence=0)
            if event.source_actor is not None and event.source_actor.id == bare]
    assert done, [event.summary for event in db.events(min_confidence=0)]
    assert all(event.summary.startswith("Rahimi (unresolved) ") for event in done), [e.summary for e in done]


def test_actor_trust_a_person_split_off_in_one_article_is_not_unresolved():
    assert not is_unresolved(Actor("person:omar-haddad~abc", "Omar Haddad", "person"))
    assert is_unresolved(Actor("person:haddad~abc", "Haddad", "person"))
    assert not is_unresolved(Actor("person:omar-haddad", "Omar Haddad", "person"))


def test_actor_trust_a_bare_surname_joins_the_one_its_story_names(tmp_path):
    """Two Singhs are named in full; a bare "Singh" in a follow-up report of the wheat-aid story,
    days after the one that names Jai Prakash Singh, is him. The shopkeeper's story is another."""
    corpus = tmp_path / "corpus"
    write_dated(corpus, "a.txt", "2022-06-02",
          "Joint Secretary Jai Prakash Singh met Taliban officials in Kabul on Thursday to discuss "
          "Indian wheat aid, the distribution of medicines and the safety of Indian-funded projects.")
    write_dated(corpus, "b.txt", "2022-06-19",
          "Gurnam Singh, a shopkeeper in Kabul, said on Sunday that the gurdwara would reopen after "
          "the attack. Singh said the Sikh community was afraid.")
    write_dated(corpus, "c.txt", "2022-06-04",
          "Taliban officials told the Indian delegation in Kabul on Saturday that wheat aid, "
          "medicines and Indian-funded projects would be protected. Mr. Singh thanked them.")
    pipeline.ingest([corpus], db=tmp_path / "d.duckdb")
    with Database(tmp_path / "d.duckdb") as db:
        stories = {m.source.rsplit("/", 1)[-1]: db.story_of(m.article_id) for m in db.mentions()}
        assert stories["a.txt"] == stories["c.txt"] != stories["b.txt"]
        official = actor_of(db, "a.txt", "Jai Prakash Singh")
        assert actor_of(db, "c.txt", "Singh") == official
        assert actor_of(db, "b.txt", "Singh") == actor_of(db, "b.txt", "Gurnam Singh") != official
