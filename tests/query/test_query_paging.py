"""A page of events from the database (`Database.events(limit=, offset=)`), the list's length
(`count_events`) and its months (`event_months`), over the sample corpus."""
import pytest

from dateline.model import EventMonth
from dateline.query import Database

FILTERS = [{}, {"min_confidence": 0}, {"type": "CONSULT", "min_confidence": 0},
           {"actors": ["India"]}, {"since": "2021-08", "until": "2021-12"}]


@pytest.fixture(scope="module")
def db(corpus_db):
    with Database(corpus_db) as database:
        yield database


@pytest.mark.parametrize("asked", FILTERS)
def test_query_a_page_of_events_is_that_slice_of_the_whole_list(db, asked):
    every = [e.id for e in db.events(**asked)]
    assert len(every) > 5
    for limit, offset in ((1, 0), (5, 0), (5, 5), (7, len(every) - 3), (10, len(every)),
                          (3, len(every) + 10), (0, 2), (None, 4)):
        page = db.events(**asked, limit=limit, offset=offset)
        end = None if limit is None else offset + limit
        assert [e.id for e in page] == every[offset:end], (limit, offset)
    whole = db.events(**asked)
    assert db.events(**asked, limit=3, offset=2) == whole[2:5]  # with their sources and dates


@pytest.mark.parametrize("asked", FILTERS)
def test_query_count_and_months_describe_the_whole_list(db, asked):
    every = db.events(**asked)
    assert db.count_events(**asked) == len(every)
    months = db.event_months(**asked)
    assert sum(m.events for m in months) == len(every)
    by_month: dict = {}
    for event in every:
        by_month.setdefault(f"{event.date:%Y-%m}" if event.date else None, []).append(event)
    assert [(m.month, m.events) for m in months] == [(k, len(v)) for k, v in by_month.items()]
    for month in months:  # the offset of a month is where its first event is
        first = every[month.offset]
        assert (f"{first.date:%Y-%m}" if first.date else None) == month.month
        assert month.offset == 0 or every[month.offset - 1] not in by_month[month.month]


def test_query_undated_events_are_the_last_month(db):
    months = db.event_months(min_confidence=0)
    assert months[-1].month is None and all(m.month for m in months[:-1])
    assert db.event_months(since="2021") == [m for m in db.event_months(since="2021") if m.month]
    assert isinstance(months[0], EventMonth)


def test_query_a_negative_limit_or_offset_is_refused(db):
    with pytest.raises(ValueError):
        db.events(limit=-1)
    with pytest.raises(ValueError):
        db.events(offset=-1)
