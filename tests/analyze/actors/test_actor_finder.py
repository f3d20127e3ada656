from __future__ import annotations

import json
import time
from datetime import date

import pytest

from dateline.analyze.actors.finder import ActorFinder
from dateline.analyze.nlp import build_pipeline
from dateline.knowledge import load_knowledge

JULY_2021 = date(2021, 7, 14)
JUNE_2022 = date(2022, 6, 2)
JAISHANKAR = "person:subrahmanyam-jaishankar"
ATMAR = "person:mohammad-haneef-atmar"
MUTTAQI = "person:amir-khan-muttaqi"


def mentions_of(nlp, kb, text, published=JULY_2021):
    doc = nlp(text)
    mentions, actors = ActorFinder(kb)(doc, published)
    return mentions, {actor.id: actor for actor in actors}


def by_text(mentions):
    return {mention.text: mention for mention in mentions}


@pytest.mark.parametrize(
    "text, written",
    [
        ("S Jaishankar arrived in Dushanbe on Tuesday for the SCO meeting.", "S Jaishankar"),
        ("Dr. S. Jaishankar arrived in Dushanbe on Tuesday for the SCO meeting.", "S. Jaishankar"),
        ("Good meeting in Dushanbe, @DrSJaishankar wrote on Tuesday.", "@DrSJaishankar"),
        (
            "India's external affairs minister arrived in Dushanbe on Tuesday.",
            "India's external affairs minister",
        ),
        ("External Affairs Minister Subrahmanyam Jaishankar arrived in Dushanbe.", "Subrahmanyam Jaishankar"),
    ],
)
def test_actors_every_way_of_naming_jaishankar_gives_one_actor(nlp, kb, text, written):
    mentions, actors = mentions_of(nlp, kb, text)
    mention = by_text(mentions)[written]
    assert mention.actor_id == JAISHANKAR
    assert actors[JAISHANKAR].country == "IND"


def test_actors_mention_records_how_and_where(nlp, kb):
    text = (
        "Officials said talks went well. "
        "Later @DrSJaishankar met India's external affairs minister's aides."
    )
    mentions, _ = mentions_of(nlp, kb, text)
    handle = by_text(mentions)["@DrSJaishankar"]
    assert (handle.how, handle.sentence) == ("handle", 1)
    assert text[handle.start : handle.end] == "@DrSJaishankar"
    role = by_text(mentions)["India's external affairs minister"]
    assert role.how == "role" and text[role.start : role.end] == role.text


def test_actors_capital_as_metonym_is_the_country(nlp, kb):
    mentions, _ = mentions_of(nlp, kb, "New Delhi said it was closely watching the situation in Kandahar.")
    found = by_text(mentions)
    assert (found["New Delhi"].actor_id, found["New Delhi"].how) == ("IND", "capital")
    assert "Kandahar" not in found  # a city that is no actor: a place for the event coder


def test_actors_demonym_adjective_is_the_country(nlp, kb):
    text = "Afghan officials said Pakistani and Iranian envoys were expected in Kabul."
    mentions, _ = mentions_of(nlp, kb, text)
    found = by_text(mentions)
    assert (found["Afghan"].actor_id, found["Afghan"].how) == ("AFG", "demonym")
    assert found["Pakistani"].actor_id == "PAK"
    assert found["Kabul"].how == "capital"


@pytest.mark.parametrize("published, holder", [(JULY_2021, ATMAR), (JUNE_2022, MUTTAQI)])
def test_actors_role_phrase_resolves_to_the_holder_on_the_article_date(nlp, kb, published, holder):
    text = "The Afghan foreign minister thanked India for its support during the meeting."
    mentions, _ = mentions_of(nlp, kb, text, published)
    role = by_text(mentions)["The Afghan foreign minister"]
    assert (role.actor_id, role.how) == (holder, "role")
    # The qualifier codes the role phrase: a mention of Afghanistan inside it, not an actor of its own.
    assert (by_text(mentions)["Afghan"].actor_id, by_text(mentions)["Afghan"].how) == ("AFG", "qualifier")


def test_actors_taliban_offices_are_the_states_only_once_they_govern(nlp, kb):
    text = "The Taliban's acting foreign minister met the Chinese envoy in Kabul."
    after, _ = mentions_of(nlp, kb, text, JUNE_2022)
    assert by_text(after)["The Taliban's acting foreign minister"].actor_id == MUTTAQI
    before, _ = mentions_of(nlp, kb, text, JULY_2021)
    # Before, the office was the group's, and nobody known held it: the phrase stays an actor of
    # its own for fusion to resolve against what the corpus shows.
    role = by_text(before)["The Taliban's acting foreign minister"]
    assert role.how == "role" and role.actor_id.startswith("role:foreign-minister:group-taliban~")
    assert by_text(before)["Taliban"].actor_id == "group:taliban"


def test_actors_role_without_a_known_holder_is_no_mention(nlp, kb):
    text = "The former foreign minister of Afghanistan spoke to reporters."
    mentions, _ = mentions_of(nlp, kb, text, JUNE_2022)
    assert all(mention.how != "role" for mention in mentions)


def test_actors_surname_resolves_to_the_full_name_in_the_article(nlp, kb):
    text = (
        "External Affairs Minister S Jaishankar met Afghan Foreign Minister Mohammad Haneef Atmar in "
        "Dushanbe on Tuesday. Atmar thanked India for its help, and Jaishankar promised more aid."
    )
    mentions, _ = mentions_of(nlp, kb, text)
    found = by_text(mentions)
    assert (found["Atmar"].actor_id, found["Atmar"].how, found["Atmar"].sentence) == (ATMAR, "surname", 1)
    assert found["Jaishankar"].actor_id == JAISHANKAR
    # It qualified Atmar's title: a mention of Afghanistan, apart from the name that acts.
    assert (found["Afghan"].actor_id, found["Afghan"].how) == ("AFG", "qualifier")


def test_actors_titles_are_stripped_before_a_name(nlp, kb):
    text = "Mullah Mohammad Yaqoob and President Ashraf Ghani spoke separately on Monday."
    mentions, _ = mentions_of(nlp, kb, text)
    found = {mention.actor_id: mention.text for mention in mentions}
    assert found["person:mohammad-yaqoob"] == "Mohammad Yaqoob"
    assert found["person:ashraf-ghani"] == "Ashraf Ghani"


def test_actors_title_codes_an_unknown_person(nlp, kb):
    text = "Uzbek Foreign Minister Bakhtiyor Saidov met Muttaqi in Tashkent. Saidov said trade would grow."
    mentions, actors = mentions_of(nlp, kb, text, JUNE_2022)
    saidov = actors["person:bakhtiyor-saidov"]
    assert (saidov.kind, saidov.country, saidov.sector) == ("person", "UZB", "GOV")
    found = by_text(mentions)
    assert found["Saidov"].actor_id == saidov.id and found["Saidov"].how == "surname"
    assert found["Uzbek"].how == "qualifier"  # it codes Saidov; he is the one who met Muttaqi


def test_actors_unknown_people_and_organisations_get_new_actors(nlp, kb):
    text = "Meera Raghavan, a researcher, said the Indian Space Research Organisation would help."
    _, actors = mentions_of(nlp, kb, text)
    assert actors["person:meera-raghavan"].kind == "person"
    assert actors["person:meera-raghavan"].country is None
    isro = actors["org:indian-space-research-organisation"]
    assert (isro.kind, isro.country) == ("organisation", "IND")


def test_actors_no_mentions_for_dates_numbers_and_common_words(nlp, kb):
    text = "On Tuesday, 200 people and 3 trucks crossed before 5 pm, us included."
    mentions, _ = mentions_of(nlp, kb, text)
    assert mentions == []


def test_actors_every_mentioned_actor_is_returned_once(nlp, kb):
    text = "India and Afghanistan signed a deal. India's envoy and Afghan officials attended in Kabul."
    mentions, actors = mentions_of(nlp, kb, text)
    assert set(actors) == {mention.actor_id for mention in mentions}
    assert [mention.start for mention in mentions] == sorted(mention.start for mention in mentions)


def test_actors_user_knowledge_adds_a_person(tmp_path):
    extra = tmp_path / "people.json"
    extra.write_text(json.dumps({"people": [
        {"name": "Bakhtiyor Saidov", "country": "UZB", "sector": "GOV", "aliases": ["B. Saidov"],
         "roles": [{"title": "foreign minister", "country": "UZB", "since": "2022-07"}]}]}), encoding="utf-8")
    kb = load_knowledge(extra)
    nlp = build_pipeline(kb)
    doc = nlp("Uzbekistan's foreign minister arrived in Kabul. B. Saidov then met Muttaqi.")
    mentions, _ = ActorFinder(kb)(doc, date(2023, 3, 1))
    found = by_text(mentions)
    assert found["Uzbekistan's foreign minister"].actor_id == "person:bakhtiyor-saidov"
    assert found["B. Saidov"].actor_id == "person:bakhtiyor-saidov"


def test_actors_finding_mentions_is_fast_next_to_parsing(nlp, kb):
    paragraph = (
        "External Affairs Minister S Jaishankar met Afghan Foreign Minister Mohammad Haneef Atmar in "
        "Dushanbe on Tuesday, on the sidelines of a meeting of Shanghai Cooperation Organisation foreign "
        "ministers. Atmar thanked India for its help. Indian officials said New Delhi backed an "
        "Afghan-led peace process, while the Taliban pressed their offensive near Kandahar and Herat. "
    )
    text = paragraph * 8  # about 400 words
    find_actors = ActorFinder(kb)  # built once for the knowledge, as the analysis builds it
    started = time.perf_counter()
    doc = nlp(text)
    parsed = time.perf_counter()
    find_actors(doc, JULY_2021)
    found = time.perf_counter()
    assert len(text.split()) >= 380
    assert found - parsed < 0.5 * (parsed - started)
