"""How sure a fused event is, and what it may show: independent sources add, copies do not, an
event naming no doer stays below the default view, an actor never acts on itself."""
from dataclasses import replace
from datetime import date

from samples import AFGHANISTAN, ATMAR, INDIA, JAISHANKAR, TALIBAN

from dateline.fuse.confidence import NO_DOER_CEILING, fused_confidence
from dateline.fuse.events import ArticleRef, fuse_events
from dateline.model import Event
from dateline.query.confidence import DEFAULT_MIN_CONFIDENCE

ARTICLES = {a: ArticleRef(f"{a}.txt", date(2021, 7, 14)) for a in ("a1", "a2", "a3")}
ACTORS = {a.id: a for a in (JAISHANKAR, ATMAR, INDIA, AFGHANISTAN, TALIBAN)}


def report(id_, article, confidence, source=JAISHANKAR.id, target=ATMAR.id):
    return Event(id_, article, "CONSULT", "meet", "040", 1, 1.0, source, target, "met", 0,
                 f"Jaishankar met Atmar ({id_}).", date=date(2021, 7, 13), date_end=date(2021, 7, 13),
                 date_precision="day", date_basis="text", confidence=confidence)


def test_independent_sources_add_confidence_copies_do_not():
    one = fused_confidence([report("e1", "a1", 0.6)], {})
    two = fused_confidence([report("e1", "a1", 0.6), report("e2", "a2", 0.6)], {})
    copy = fused_confidence([report("e1", "a1", 0.6), report("e2", "a2", 0.6)], {"a2": "a1"})
    same_article = fused_confidence([report("e1", "a1", 0.6), report("e3", "a1", 0.5)], {})
    assert one == copy == same_article == 0.6
    assert 0.6 < two < 1


def test_an_event_naming_no_doer_stays_below_the_default_view():
    events = [replace(report(f"e{i}", f"a{i}", 0.9), source_actor=None) for i in (1, 2, 3)]
    (fused,) = fuse_events(events, ARTICLES, {}, ACTORS)
    assert fused.source_actor is None
    assert fused.confidence <= NO_DOER_CEILING < DEFAULT_MIN_CONFIDENCE


def test_an_actor_never_acts_on_itself():
    # "Syria is to hold talks with Syria": two names that link to one actor leave no target.
    event = report("e1", "a1", 0.8, source=INDIA.id, target="IND-alias")
    (fused,) = fuse_events([event], ARTICLES, {"IND-alias": INDIA.id}, ACTORS)
    assert fused.source_actor.id == INDIA.id and fused.target_actor is None
    assert "India" in fused.summary and fused.summary.count("India") == 1


def test_a_states_own_official_does_no_diplomacy_with_that_state():
    event = report("e1", "a1", 0.8, source=JAISHANKAR.id, target=INDIA.id)
    (fused,) = fuse_events([event], ARTICLES, {}, ACTORS)
    assert fused.source_actor.id == JAISHANKAR.id and fused.target_actor is None


def test_an_act_told_as_hypothetical_or_not_done_stays_below_the_default_view():
    for status in ("conditional", "denied"):
        events = [replace(report(f"e{i}", f"a{i}", 0.9), status=status) for i in (1, 2)]
        (fused,) = fuse_events(events, ARTICLES, {}, ACTORS)
        assert fused.status == status and fused.confidence <= NO_DOER_CEILING < DEFAULT_MIN_CONFIDENCE
