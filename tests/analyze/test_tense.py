"""Clause direction from real parses."""
from dateline.analyze.tense import FUTURE, PAST, UNKNOWN, clause_direction


def direction_of(nlp, text, phrase):
    doc = nlp(text)
    start = text.index(phrase)
    return clause_direction(doc)(start, start + len(phrase))


def test_tense_past_verb_points_back(nlp):
    assert direction_of(nlp, "Jaishankar met Atmar on Tuesday.", "Tuesday") == PAST


def test_tense_will_points_forward(nlp):
    assert direction_of(nlp, "Jaishankar will meet Atmar on Tuesday.", "Tuesday") == FUTURE


def test_tense_scheduled_to_points_forward(nlp):
    assert direction_of(nlp, "The envoy is scheduled to visit Kabul on Friday.", "Friday") == FUTURE


def test_tense_present_progressive_plan_points_forward(nlp):
    assert direction_of(nlp, "The minister is visiting Kabul on Friday.", "Friday") == FUTURE


def test_tense_verbless_phrase_is_unknown(nlp):
    assert direction_of(nlp, "Talks on Friday.", "Friday") == UNKNOWN
