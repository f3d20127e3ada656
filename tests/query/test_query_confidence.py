"""Every view of the library lists the events it can stand behind, counts the ones it hid, and
lists them all when asked (min_confidence=0); partial dates and evidence are said in words."""
from datetime import date

import duckdb
import pytest
from confidence_samples import EVACUATION, MEETING, THREAT, build_mixed_database

from dateline.errors import QueryError
from dateline.query import Database
from dateline.query.confidence import (EVIDENCE_WORDS, Hidden, check_min_confidence,
                                       evidence_words)
from dateline.query.dates import date_value_words




def types(events):
    return [event.type for event in events]


def test_confidence_timeline_hides_unsure_events_and_counts_them(mixed_database):
    db, _ = mixed_database
    assert types(db.timeline()) == [MEETING]
    assert types(db.timeline(min_confidence=0)) == [EVACUATION, MEETING, THREAT]
    assert types(db.timeline(min_confidence=0.25)) == [MEETING, THREAT]
    assert db.timeline(min_confidence=0.9) == []
    assert db.hidden() == Hidden(2, 0.5)
    assert db.hidden().note() == "2 more events below confidence 0.50"
    assert db.hidden(min_confidence=0.25).note() == "1 more event below confidence 0.25"
    assert db.hidden(min_confidence=0).note() is None
    # The same filters as the listing: India's events are the two unsure ones.
    assert db.hidden(actors=["India"]).count == 2 and db.hidden(type="CONSULT").count == 0


def test_confidence_key_dates_list_the_sure_events_of_each_day(mixed_database):
    db, _ = mixed_database
    by_day = {key.day: key for key in db.key_dates()}
    evacuation_day = date(2021, 7, 11)
    assert evacuation_day in by_day and by_day[evacuation_day].events == []
    assert types(by_day[date(2021, 7, 13)].events) == [MEETING]
    every = {key.day: key for key in db.key_dates(min_confidence=0)}
    assert types(every[evacuation_day].events) == [EVACUATION]
    assert db.hidden_on(list(by_day)) == Hidden(1, 0.5)
    assert db.hidden_on(list(by_day), min_confidence=0).count == 0
    assert db.hidden_on([]).count == 0


def test_confidence_relations_follow_the_threshold(mixed_database):
    db, _ = mixed_database
    shown = db.relation("India", "Afghanistan")
    assert types(shown.events) == [MEETING]
    assert types(db.relation("India", "Afghanistan", min_confidence=0).events) == [EVACUATION,
                                                                                  MEETING]
    assert db.hidden_between("India", "Afghanistan").count == 1
    assert db.hidden_between("India", "Afghanistan", min_confidence=0).count == 0
    pairs = {(a.id, b.id) for a, b, _ in db.relation_pairs()}
    every = {(a.id, b.id) for a, b, _ in db.relation_pairs(min_confidence=0)}
    assert ("AFG", "IND") not in pairs and ("AFG", "IND") in every


def test_confidence_actor_view_lists_the_sure_events(mixed_database):
    db, _ = mixed_database
    assert db.actor_view("India").events == []
    assert types(db.actor_view("India", min_confidence=0).events) == [EVACUATION, THREAT]


def test_confidence_overview_and_stats_count_shown_and_total(mixed_database):
    db, _ = mixed_database
    assert types(db.overview().recent_events) == [MEETING]
    assert types(db.overview(min_confidence=0).recent_events) == [MEETING, EVACUATION]
    stats = db.stats()
    assert (stats["events"], stats["shown_events"]) == (3, 1)
    assert db.stats(min_confidence=0)["shown_events"] == 3


def test_confidence_a_row_from_before_confidence_counts_as_shown(tmp_path):
    path = tmp_path / "old.duckdb"
    build_mixed_database(path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE fused_events SET confidence = NULL")
    with Database(path) as db:
        assert len(db.timeline()) == 3 and db.hidden() == Hidden(0, 0.5)
        assert db.timeline()[0].confidence is None


def test_confidence_threshold_as_users_type_it():
    assert check_min_confidence("0.8") == 0.8 and check_min_confidence(" 1 ") == 1.0
    assert check_min_confidence(0) == 0.0
    for bad in ("abc", "", "1.5", "-0.1", "nan", "inf", None, True):
        with pytest.raises(QueryError, match="E053"):
            check_min_confidence(bad)


def test_confidence_readings_say_the_evidence_in_words(mixed_database):
    db, ids = mixed_database
    threat = db.event(ids[THREAT])
    [reading] = db.readings(threat)
    assert reading.evidence == ("doer", "target", "quoted", "hedged", "undated", "occurred")
    said = evidence_words(reading.evidence)
    assert "inside a quotation" in said and "hedged (could, would, may)" in said
    meeting = db.event(ids[MEETING])
    assert [r.source for r in db.readings(meeting)] == [s.source for s in meeting.sources]
    assert evidence_words(("quoted", "type:ACCUSE", "no-such")) == [
        "inside a quotation", "coded as ACCUSE", "no-such"]


def test_confidence_every_evidence_name_has_words():
    from dateline.evidence import EVIDENCE
    assert set(EVIDENCE) <= set(EVIDENCE_WORDS)


def test_dates_partial_values_in_words():
    assert date_value_words("XXXX-11-04") == "4 November (year not stated)"
    assert date_value_words("XXXX-11") == "November (year not stated)"
    assert date_value_words("XXXX-02-29") == "29 February (year not stated)"
    for other in ("XXXX-02-30", "XXXX-13", "2021-07-13", "2021-W28", "XXXX-W28", "PAST_REF", "",
                  None):
        assert date_value_words(other) is None, other
