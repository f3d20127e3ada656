from datetime import date

import pytest
from samples import ATMAR, JAISHANKAR, TALIBAN, build_database

from dateline.errors import QueryError, StoreError
from dateline.query import Database


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    with Database(path) as database:
        yield database


def test_database_missing_file_is_e040_and_creates_nothing(tmp_path):
    path = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError, match="E040"):
        Database(path)
    assert not path.exists()


def test_database_default_path_from_environment(tmp_path, monkeypatch):
    path = tmp_path / "env.duckdb"
    build_database(path)
    monkeypatch.setenv("DATELINE_DB", str(path))
    with Database() as database:
        assert database.stats()["articles"] == 3


def test_database_events_carry_sources_and_resolved_actors(db):
    meeting = db.events(type="CONSULT")[0]
    assert meeting.source_actor.name == JAISHANKAR.name
    assert meeting.source_actor.roles == JAISHANKAR.roles
    assert meeting.target_actor.id == ATMAR.id and "Haneef Atmar" in meeting.target_actor.aliases
    assert [s.published for s in meeting.sources] == [
        date(2021, 7, 14), date(2021, 7, 14), date(2021, 7, 15)]
    assert meeting.sources[0].sentence.startswith("Jaishankar and Atmar met in Dushanbe")


def test_database_actor_filter_matches_aliases_any_case(db):
    by_surname = db.events(actors=["atmar"])
    by_short_alias = db.events(actors=["Haneef Atmar"])
    assert [e.type for e in by_surname] == ["CONSULT"]
    assert [e.id for e in by_short_alias] == [e.id for e in by_surname]


def test_database_several_actors_match_any(db):
    types = {e.type for e in db.events(actors=["Jaishankar", "Taliban"])}
    assert types == {"CONSULT", "THREATEN"}


def test_database_unknown_actor_is_e045(db):
    with pytest.raises(QueryError, match="E045"):
        db.events(actors=["Blinken"])


def test_database_type_filter_is_case_insensitive_and_checked(db):
    assert [e.type for e in db.events(type="retreat")] == ["RETREAT"]
    with pytest.raises(QueryError, match="E042"):
        db.events(type="MEET")


def test_database_date_bounds_use_interval_start_and_end(db):
    assert [e.type for e in db.events(since="2021-07-12")] == ["CONSULT"]
    assert [e.type for e in db.events(until="2021-07-12")] == ["RETREAT"]
    assert len(db.events(since="2021-07", until="2021-07")) == 2  # undated ones left out
    assert db.events(since="2021-08") == []
    assert len(db.events(until=date(2021, 7, 13))) == 2


@pytest.mark.parametrize("bad", ["July 2021", "2021-13", "2021-02-30", "21-07-13"])
def test_database_bad_date_is_e043(db, bad):
    with pytest.raises(QueryError, match="E043"):
        db.events(since=bad)


def test_database_timeline_puts_undated_last(db):
    timeline = db.timeline()
    assert [e.date for e in timeline] == [date(2021, 7, 11), date(2021, 7, 13), None]
    assert timeline[-1].source_actor == TALIBAN


def test_database_actors_are_canonical_with_mention_counts(db):
    actors = {actor.id: (actor, n) for actor, n in db.actors()}
    assert "person:haneef-atmar" not in actors
    atmar, mentions = actors[ATMAR.id]
    assert mentions == 3 and set(atmar.aliases) == {"Atmar", "Haneef Atmar"}
    assert db.actors()[0][1] >= db.actors()[-1][1]


def test_database_quotes_filter_by_speaker(db):
    assert [q.text for q in db.quotes(actors=["S Jaishankar"])] == [
        "We discussed the situation in Afghanistan"]
    assert len(db.quotes()) == 2


def test_database_stats_counts(db):
    stats = db.stats()
    assert 1 <= stats.pop("stories") <= 3 and stats.pop("near_duplicates") == 0
    assert stats == {"articles": 3, "events": 3, "shown_events": 3, "event_mentions": 5, "actors": 5,
                     "quotes": 2, "mentions": 8, "times": 1, "dated_events": 2,
                     "undated_events": 1}


def test_database_actor_view_is_what_dateline_actor_shows(db):
    # `dateline actor NAME` calls `actor_view`, as `dateline article ID` calls `article_view`;
    # `actor(id)` stays the bare record.
    profile = db.actor_view("Atmar")
    assert profile.actor == db.actor(ATMAR.id) and profile.mentions == 3
    assert [e.type for e in profile.events] == ["CONSULT"]
    assert db.actor_view(ATMAR.id).actor.id == ATMAR.id


def test_database_actor_profile_is_kept_as_an_alias_of_actor_view(db):
    assert Database.actor_profile is Database.actor_view
    assert db.actor_profile("Atmar") == db.actor_view("Atmar")
    assert db.actor_profile("Atmar", min_confidence=0) == db.actor_view("Atmar", min_confidence=0)
