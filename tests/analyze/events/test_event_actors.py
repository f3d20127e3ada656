"""Whom an event names, on real parses: the crowd an act of force falls on, a people's group or a
state's mission that acts, and a surname that is also a capital. Each test names what a reader
would otherwise see wrong."""
from datetime import date

from dateline.analyze.actors.finder import ActorFinder

JULY_2011 = date(2011, 7, 1)


def coded(event):
    return event.type, event.source_actor, event.source_sector, event.target_actor, event.target_sector


def test_a_crowd_killed_is_the_people_of_the_article_country(code):
    text = ("Syria's army and Syrian police are on alert across Syria. "
            "Syrian forces killed 24 civilians on Friday, a prominent rights lawyer said.")
    [killing] = [e for e in code(text, JULY_2011) if e.trigger == "killed"]
    assert coded(killing) == ("ASSAULT", "SYR", "MIL", "SYR", "CVL")


def test_a_crowd_shot_by_police_is_the_target_not_the_city_it_was_in(code):
    text = "Syrian troops loyal to President Bashar al-Assad killed 16 people in the city of Homs on Tuesday."
    [killing] = [e for e in code(text, JULY_2011) if e.trigger == "killed"]
    assert (killing.target_actor, killing.target_sector) == ("SYR", "CVL")


def test_a_crowd_of_a_named_people_keeps_its_own_name(code):
    """ "Kenyan protesters" are not the article's country's people: the demonym says whose."""
    events = code("Ugandan police arrested dozens of Kenyan protesters in Kampala on Monday.", JULY_2011)
    assert events and all(e.target_actor != "UGA" for e in events)


def test_students_who_act_are_their_group_not_their_state(code):
    text = "Afghan students enrolled at universities have urged the Indian government to issue them visas."
    event = [e for e in code(text) if e.type == "REQUEST"][0]
    assert (event.source_actor, event.source_sector, event.target_actor) == ("group:afg-students", "EDU", "IND")


def test_a_mission_that_acts_is_the_mission_not_its_state(code):
    text = ("NEW DELHI — The Afghan embassy in New Delhi suspended its operations on Sunday, "
            "saying it could no longer function.")
    event = [e for e in code(text) if e.type == "RETREAT"][0]
    assert event.source_actor == "org:afghan-embassy-in-new-delhi"


def test_a_demonym_written_twice_in_a_sentence_stays_the_state(code):
    """Of "Indian universities" and "the Indian government", which one the event's "Indian" is
    the event does not say: it keeps the state rather than guess the universities."""
    text = "Afghan students enrolled at Indian universities have urged the Indian government to issue them visas."
    event = [e for e in code(text) if e.type == "REQUEST"][0]
    assert event.target_actor == "IND"


def test_a_surname_that_is_a_capital_is_the_person_named_before(nlp, kb):
    text = ("British Foreign Secretary William Hague spoke in London on Friday. "
            "Hague said sanctions would follow. The court in The Hague ruled on Monday.")
    mentions, _ = ActorFinder(kb)(nlp(text), date(2011, 5, 6))
    hagues = [m.actor_id for m in mentions if m.text == "Hague"]
    assert hagues == ["person:william-hague", "NLD"]


def test_a_news_outlet_is_never_the_doer_of_force(code):
    """ "... has told the BBC government attacks on the city have continued": the BBC is told of
    the attacks; it attacks no one."""
    events = code("Samer, in Hama, has told the BBC government attacks on the city have continued "
                  "despite the ceasefire deal.", date(2012, 4, 10))
    assert not [e for e in events if e.quad_class == 4 and e.source_actor == "org:bbc"]


def test_a_faith_community_is_no_person(nlp, kb):
    mentions, _ = ActorFinder(kb)(nlp("Alawite villagers fled as Sunni rebels advanced on Friday."), JULY_2011)
    assert not [m for m in mentions if m.text in ("Alawite", "Sunni")]


def test_an_embassy_is_no_organ_of_the_country_it_sits_in(code):
    """The article is about India; "the embassy" that accuses New Delhi is a foreign mission
    there, not India's own authorities acting at home."""
    text = ("India's foreign ministry said on Friday that India had supported Afghan students. "
            "In a statement released on Saturday, the embassy accused New Delhi of failing to support "
            "the mission. India rejected the claims.")
    accusations = [e for e in code(text, date(2023, 11, 25)) if e.type == "ACCUSE" and e.trigger == "accused"]
    assert accusations and all(e.source_actor != "IND" for e in accusations)
