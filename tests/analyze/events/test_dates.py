"""Event dates from real spaCy parses: the trigger's own expression, a date inherited from the
sentence before in the same paragraph, the publication fallback, and no date for undated articles."""
from datetime import date

from dateline.fuse.events import choose_date
from dateline.model import Event

JULY_14 = date(2021, 7, 14)  # a Wednesday
TUESDAY = date(2021, 7, 13)
MEETING = ("External Affairs Minister S Jaishankar met Afghan Foreign Minister Mohammad Haneef Atmar "
           "in Dushanbe on Tuesday.")


def only(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, found
    return found[0]


def test_dates_own_expression_wins_over_the_sentence_before(code):
    events = code(MEETING + " India condemned the Taliban offensive on Monday.")
    condemnation = only(events, "ACCUSE")
    assert (condemnation.date, condemnation.date_basis, condemnation.date_text) == (date(2021, 7, 12), "text", "Monday")


def test_dates_same_sentence_conjunct_keeps_its_text_date(code):
    events = code("Jaishankar met Atmar in Dushanbe on Tuesday and signed an agreement with Afghanistan.")
    agreement = only(events, "SUPPORT")  # signing a formal agreement is PLOVER's SUPPORT (CAMEO 057)
    assert (agreement.date, agreement.date_basis, agreement.date_text) == (TUESDAY, "text", "Tuesday")


def test_dates_inherits_the_date_of_the_sentence_before_in_its_paragraph(code):
    events = code(MEETING + " Jaishankar also condemned the Taliban offensive.")
    meeting, condemnation = only(events, "CONSULT"), only(events, "ACCUSE")
    assert (meeting.date, meeting.date_basis) == (TUESDAY, "text")
    assert (condemnation.date, condemnation.date_end, condemnation.date_precision) == (TUESDAY, TUESDAY, "day")
    assert (condemnation.date_basis, condemnation.date_text) == ("inherited", "Tuesday")
    assert condemnation.status == "occurred"
    # the evidence says how each was dated; the confidence model weighs it (analyze.events.confidence)
    assert "date-text" in meeting.evidence and "date-inherited" in condemnation.evidence


def test_dates_no_inheritance_across_a_paragraph_break(code):
    condemnation = only(code(MEETING + "\n\nJaishankar also condemned the Taliban offensive."), "ACCUSE")
    assert (condemnation.date, condemnation.date_basis, condemnation.date_text) == (None, None, None)


def test_dates_no_inheritance_from_a_planned_meeting_into_a_past_event(code):
    events = code("Jaishankar will meet Atmar in Dushanbe on Friday. India condemned the Taliban offensive.")
    assert only(events, "CONSULT").status == "planned"
    condemnation = only(events, "ACCUSE")
    assert (condemnation.date, condemnation.date_basis) == (None, None)


def test_dates_no_inheritance_from_a_future_clause_even_without_a_publication_date(code):
    # No publication date to compare with: only the tense of the clause keeps the date out.
    events = code("Jaishankar will meet Atmar in Dushanbe on 16 July 2021. India condemned the Taliban offensive.",
                  published=None)
    condemnation = only(events, "ACCUSE")
    assert (condemnation.date, condemnation.date_basis) == (None, None)


def test_dates_no_inheritance_of_a_date_after_publication(code):
    events = code("Jaishankar met Atmar in Dushanbe on 20 July 2021. India condemned the Taliban offensive.")
    condemnation = only(events, "ACCUSE")
    assert (condemnation.date, condemnation.date_basis) == (None, None)


def test_dates_planned_event_does_not_inherit_a_past_date(code):
    # An undated act told in the reporter's voice is the actor's commitment: CAMEO's intent (AGREE).
    aid = only(code(MEETING + " India will send wheat to Afghanistan."), "AGREE")
    assert (aid.status, aid.cameo) == ("planned", "033")
    assert (aid.date, aid.date_basis) == (None, None)


def test_dates_direct_speech_does_not_inherit(code):
    events = code(MEETING + ' "India condemned the Taliban offensive and will keep doing so," Jaishankar said.')
    condemnation = only(events, "ACCUSE")
    assert (condemnation.date, condemnation.date_basis) == (None, None)


def test_dates_undated_article_inherits_an_absolute_date(code):
    events = code("Jaishankar met Atmar in Dushanbe on 13 July 2021. India condemned the Taliban offensive.",
                  published=None)
    condemnation = only(events, "ACCUSE")
    assert (condemnation.date, condemnation.date_basis, condemnation.date_text) == (TUESDAY, "inherited", "13 July 2021")


def test_dates_undated_article_with_a_relative_date_gives_no_date(code):
    events = code("Jaishankar met Atmar in Dushanbe on Tuesday. India condemned the Taliban offensive.", published=None)
    condemnation = only(events, "ACCUSE")
    assert (condemnation.date, condemnation.date_basis, condemnation.date_text) == (None, None, None)


def _dated_event(event_id: str, day: date, basis: str) -> Event:
    return Event(id=event_id, article_id=event_id, type="ACCUSE", mode="condemn", cameo="122", quad_class=3,
                 intensity=-2.0, source_actor="IND", target_actor="group:taliban", trigger="condemned",
                 sentence=0, sentence_text="India condemned the Taliban offensive.", date=day, date_end=day,
                 date_precision="day", date_basis=basis)


def test_dates_fusion_prefers_a_text_date_over_an_inherited_one():
    inherited = _dated_event("a", TUESDAY, "inherited")
    text = _dated_event("b", date(2021, 7, 12), "text")
    published = _dated_event("c", JULY_14, "publication")
    assert choose_date([inherited, text, published]).id == "b"
    assert choose_date([published, inherited]).id == "a"
