"""--since/--until: an event is listed when all its dates lie within the range; with
`overlapping`, when any of them does. Crafted stored events of every width, fused as ingest fuses."""
import pytest
from samples import RANGE_EVENTS as EVENTS
from samples import build_ranges_database, range_names as names

from dateline.query import Database


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ranges") / "d.duckdb"
    build_ranges_database(path)
    with Database(path) as database:
        yield database


def test_query_date_ranges_every_event_is_stored_apart(db):
    assert names(db.events()) == sorted(EVENTS)


def test_query_date_ranges_default_lists_events_within(db):
    assert names(db.events(since="2011-06-03", until="2011-06-04")) == [
        "June 3-4", "day June 3", "day June 4"]


def test_query_date_ranges_overlapping_lists_any_overlap(db):
    assert names(db.events(since="2011-06-03", until="2011-06-04", overlapping=True)) == [
        "2011", "June", "June 2-3", "June 3-4", "June 4-6", "day June 3", "day June 4",
        "week of May 30"]


def test_query_date_ranges_one_bound_each(db):
    assert names(db.events(since="2011-06-04")) == ["June 4-6", "day June 4", "day June 5"]
    assert names(db.events(until="2011-06-03")) == ["June 2-3", "day June 3"]
    assert names(db.events(until="2011-06-03", overlapping=True)) == [
        "2011", "June", "June 2-3", "June 3-4", "day June 3", "week of May 30"]


def test_query_date_ranges_a_month_or_year_range_holds_its_month_or_year(db):
    assert names(db.events(since="2011-06", until="2011-06")) == [
        "June", "June 2-3", "June 3-4", "June 4-6", "day June 3", "day June 4", "day June 5"]
    assert names(db.events(since="2011", until="2011")) == sorted(set(EVENTS) - {"undated"})


def test_query_date_ranges_timeline_hidden_and_relation_agree(db):
    asked = {"since": "2011-06-03", "until": "2011-06-04"}
    assert names(db.timeline(**asked)) == names(db.events(**asked))
    assert names(db.timeline(**asked, overlapping=True)) == names(db.events(**asked,
                                                                            overlapping=True))
    above = {**asked, "min_confidence": 0.95}  # every crafted event is 0.9 sure: all hidden
    assert db.hidden(**above).count == 3
    assert db.hidden(**above, overlapping=True).count == 8
    delegation = "group:delegation-6"  # the week of May 30
    assert db.relation(delegation, "India", **asked).events == []
    assert len(db.relation(delegation, "India", **asked, overlapping=True).events) == 1
    assert db.hidden_between(delegation, "India", **above, overlapping=True).count == 1
    assert db.hidden_between(delegation, "India", **above).count == 0
