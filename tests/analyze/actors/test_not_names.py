"""What is no actor, on real parses: a place that names a meeting or a process ("the Moscow
Format"), a common word the NER takes for a name ("Morale"), a capitalised agent noun ("the
Army"), the words a headline or a wire dateline runs into a name ("Targeting Assad", "BST
CAMBRIDGE"); and what is one though it looks like a person's name ("Ipsos MORI")."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.analyze.actors.finder import ActorFinder

FEBRUARY_2012 = date(2012, 2, 10)
JUNE_2015 = date(2015, 6, 1)


def mentions_of(nlp, kb, text, published=JUNE_2015):
    mentions, actors = ActorFinder(kb)(nlp(text), published, scope="article-1")
    return mentions, {actor.id: actor for actor in actors}


def texts(mentions):
    return [mention.text for mention in mentions]


# Names of meetings and processes


@pytest.mark.parametrize("text, process", [
    ("Russia hosted the Moscow Format on Afghanistan last week.", "Moscow Format"),
    ("Envoys met for the Moscow Format in the Russian capital on Tuesday.", "Moscow Format"),
    ("The Doha process stalled after the Taliban walked out.", "Doha process"),
    ("Diplomats gathered for the Astana talks on Syria on Monday.", "Astana talks"),
])
def test_not_actors_a_place_naming_a_meeting_is_no_mention(nlp, kb, text, process):
    mentions, _ = mentions_of(nlp, kb, text)
    start = text.index(process)
    inside = [m.text for m in mentions if m.start < start + len(process) and start < m.end]
    assert inside == [], f"{inside} mentioned inside {process!r}"


def test_not_actors_a_capital_that_acts_before_a_process_noun_stays_the_country(nlp, kb):
    mentions, _ = mentions_of(nlp, kb, "Moscow talks tough on Kyiv as the ceasefire frays.")
    found = {mention.text: mention.actor_id for mention in mentions}
    assert found["Moscow"] == "RUS"
    assert found["Kyiv"] == "UKR"


# Organisations with names like people's


def test_not_actors_a_pollster_known_by_an_alias_is_the_organisation(nlp, kb):
    mentions, actors = mentions_of(nlp, kb, "A poll by Ipsos MORI found that most voters backed the plan.")
    ipsos = [m for m in mentions if m.text == "Ipsos MORI"]
    assert [m.actor_id for m in ipsos] == ["org:ipsos"]
    assert actors["org:ipsos"].kind == "organisation"
    assert all(actor.kind != "person" for actor in actors.values())


def test_not_actors_a_company_name_is_an_organisation_not_a_person(nlp, kb):
    mentions, actors = mentions_of(nlp, kb, "Acme Holdings said on Monday it would cut 200 jobs.")
    acme = [actors[m.actor_id] for m in mentions if m.text == "Acme Holdings"]
    assert [actor.kind for actor in acme] == ["organisation"]


# Common words the NER takes for names


@pytest.mark.parametrize("text", [
    "Gunfire rang out across Homs.",
    "Morale is low.",
    "Morale is low among the troops in Idlib, a defector said.",
    "In Homs, troops fired.",
    "In Homs, troops fired on protesters on Friday.",
])
def test_not_actors_a_common_word_heading_a_sentence_is_no_person(nlp, kb, text):
    mentions, actors = mentions_of(nlp, kb, text, FEBRUARY_2012)
    assert [m.text for m in mentions if actors[m.actor_id].kind == "person"] == []


def test_not_actors_a_headline_in_title_case_is_no_person(nlp, kb):
    mentions, actors = mentions_of(nlp, kb, "Gunfire Rang Out Across Homs", FEBRUARY_2012)
    assert [m.text for m in mentions if actors[m.actor_id].kind == "person"] == []


@pytest.mark.parametrize("text, noun", [
    ("The Army said on Sunday that it had retaken the town.", "Army"),
    ("Parliament voted on Tuesday to extend the state of emergency.", "Parliament"),
])
def test_not_actors_a_capitalised_agent_noun_is_no_organisation(nlp, kb, text, noun):
    mentions, actors = mentions_of(nlp, kb, text, FEBRUARY_2012)
    assert all(actor.kind != "organisation" for actor in actors.values())
    assert noun not in texts(mentions)


# Words run into a name


def test_not_actors_a_possessive_is_not_part_of_the_name(nlp, kb):
    mentions, actors = mentions_of(nlp, kb, "George Osborne's plan to cut the deficit met resistance on Monday.")
    assert texts(mentions) == ["George Osborne"]
    assert actors[mentions[0].actor_id].name == "George Osborne"


@pytest.mark.parametrize("text", [
    "Targeting Assad, Washington Weighs Airstrikes",
    "Targeting Assad is no strategy, the senator said.",
])
def test_not_actors_a_verb_a_headline_runs_into_a_name_is_dropped(nlp, kb, text):
    mentions, _ = mentions_of(nlp, kb, text, date(2011, 5, 6))
    assert "Assad" in texts(mentions)
    assert not [t for t in texts(mentions) if "Targeting" in t]


def test_not_actors_a_wire_datelines_time_zone_and_city_are_no_actor(nlp, kb):
    text = "BST CAMBRIDGE, England - Researchers said on Friday they had mapped the gene."
    mentions, _ = mentions_of(nlp, kb, text, FEBRUARY_2012)
    assert not [t for t in texts(mentions) if "BST" in t or "CAMBRIDGE" in t]
