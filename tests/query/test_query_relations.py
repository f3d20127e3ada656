from datetime import date

from samples import AFGHANISTAN, ATMAR, INDIA, JAISHANKAR, TALIBAN

from dateline.model import Actor, FusedEvent
from dateline.query.relations import between, busiest_pairs, by_month, months_from_to, relation, side_of

JOURNALIST = Actor("person:a-reporter", "A Reporter", "person", "IND", "MED")
ACTORS = {a.id: a for a in (INDIA, AFGHANISTAN, JAISHANKAR, ATMAR, TALIBAN, JOURNALIST)}


def fused(id_, source, target, day, quad, intensity=1.0):
    return FusedEvent(id_, "CONSULT", "meet", "040", quad, intensity, "occurred", source, target,
                      None, day, day, "day" if day else None, "text" if day else None, id_)


def test_query_relations_a_state_acts_through_its_officials_not_its_citizens():
    side = {a.id for a in side_of(INDIA, ACTORS.values())}
    assert side == {"IND", JAISHANKAR.id}
    assert {a.id for a in side_of(JAISHANKAR, ACTORS.values())} == {JAISHANKAR.id}


def test_query_relations_count_by_true_month_with_quiet_months_between():
    events = [fused("e1", JAISHANKAR, ATMAR, date(2021, 7, 13), 1, 1.0),
              fused("e2", AFGHANISTAN, INDIA, date(2021, 7, 20), 4, -9.5),
              fused("e3", INDIA, AFGHANISTAN, date(2021, 10, 2), 2, 6.0),
              fused("e4", INDIA, AFGHANISTAN, None, 2, 6.0),
              fused("e5", INDIA, TALIBAN, date(2021, 8, 1), 3, -4.0)]
    found = relation(INDIA, AFGHANISTAN, ACTORS, events)
    assert [e.id for e in found.events] == ["e1", "e2", "e3", "e4"]  # either way round
    assert [(m.month, m.cooperation, m.conflict, m.score) for m in found.months] == [
        ("2021-07", 1, 1, -8.5), ("2021-08", 0, 0, 0.0), ("2021-09", 0, 0, 0.0),
        ("2021-10", 1, 0, 6.0)]
    assert found.months[0].event_ids == ["e1", "e2"]


def test_query_relations_a_state_and_its_own_minister_are_two_sides():
    events = [fused("e1", JAISHANKAR, INDIA, date(2021, 7, 13), 1),
              fused("e2", JAISHANKAR, ATMAR, date(2021, 7, 14), 1)]
    found = relation(INDIA, JAISHANKAR, ACTORS, events)
    assert [a.id for a in found.a_side] == ["IND"] and [e.id for e in found.events] == ["e1"]


def test_query_relations_months_span_years_and_nothing_is_empty():
    assert months_from_to(date(2021, 11, 30), date(2022, 2, 1)) == [
        "2021-11", "2021-12", "2022-01", "2022-02"]
    assert by_month([fused("e", INDIA, ATMAR, None, 1)]) == []
    assert between([fused("e", None, ATMAR, date(2021, 1, 1), 1)], {"IND"}, {ATMAR.id}) == []


def test_query_relations_busiest_pairs_count_either_direction():
    events = [fused("e1", INDIA, AFGHANISTAN, date(2021, 7, 1), 1),
              fused("e2", AFGHANISTAN, INDIA, date(2021, 7, 2), 1),
              fused("e3", INDIA, TALIBAN, date(2021, 7, 3), 3),
              fused("e4", INDIA, INDIA, date(2021, 7, 3), 1),
              fused("e5", INDIA, None, date(2021, 7, 3), 1)]
    assert [(a.id, b.id, n) for a, b, n in busiest_pairs(events)] == [
        ("AFG", "IND", 2), ("IND", "group:taliban", 1)]
