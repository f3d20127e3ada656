"""Short names on real parses: which known person a bare surname, a title and surname, or another
spelling means, by the article's date, the people it names in full and the countries it names;
and the country a new person is given, or not given, for sharing a surname with someone known.

The articles are written here; the people are the knowledge's (Bashar and Hafez al-Assad,
Muammar Gaddafi, Manouchehr Mottaki, Amir Khan Muttaqi, the two George Bushes, ...)."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.analyze.actors.finder import ActorFinder
from dateline.model import is_unresolved

BASHAR = "person:bashar-al-assad"
HAFEZ = "person:hafez-al-assad"
GADDAFI = "person:muammar-gaddafi"
MOTTAKI = "person:manouchehr-mottaki"
MUTTAQI = "person:amir-khan-muttaqi"

MAY_2011 = date(2011, 5, 6)
APRIL_2011 = date(2011, 4, 1)
OCTOBER_2021 = date(2021, 10, 21)


def mentions_of(nlp, kb, text, published, scope=""):
    mentions, actors = ActorFinder(kb)(nlp(text), published, scope=scope)
    return mentions, {actor.id: actor for actor in actors}


def written(mentions, text):
    """The mentions written exactly `text`, in text order."""
    found = [mention for mention in mentions if mention.text == text]
    assert found, f"no mention {text!r} among {[m.text for m in mentions]}"
    return found


# 1. A bare surname, by date and office


def test_bare_names_a_lone_surname_is_its_bearer_in_office_that_day(nlp, kb):
    mentions, _ = mentions_of(nlp, kb, "Assad said on Friday he would reform.", MAY_2011)
    assad = written(mentions, "Assad")[0]
    assert (assad.actor_id, assad.how) == (BASHAR, "surname")


@pytest.mark.parametrize("published", [date(2011, 5, 6), date(2012, 2, 10), date(2012, 9, 3), date(2013, 8, 21)])
def test_bare_names_a_lone_assad_is_the_president_all_through_the_war(nlp, kb, published):
    # The rebel colonel Riad al-Asaad led the Free Syrian Army from July 2011 to December 2012;
    # a bare "Assad" in the news of those months is still the president.
    mentions, _ = mentions_of(nlp, kb, "Assad said on Sunday that the army would crush the revolt.", published)
    assert written(mentions, "Assad")[0].actor_id == BASHAR


def test_bare_names_a_surname_in_an_article_on_father_and_son_stays_unresolved(nlp, kb):
    """Both Assads led Syria and the article names both: a bare "Assad" may be either, so it is a
    person of the article alone, while a title with the date still says who ("President Assad")."""
    text = ("President Bashar al-Assad addressed parliament in Damascus on Friday. "
            "He spoke of his late father Hafez al-Assad, who ruled Syria for three decades. "
            "Assad promised that new laws would follow within weeks. "
            "President Assad left the chamber to applause.")
    mentions, by_id = mentions_of(nlp, kb, text, MAY_2011, scope="a1")
    assert written(mentions, "Bashar al-Assad")[0].actor_id == BASHAR
    assert written(mentions, "Hafez al-Assad")[0].actor_id == HAFEZ
    bare, titled = written(mentions, "Assad")
    assert bare.sentence == 2 and is_unresolved(by_id[bare.actor_id])
    assert (titled.actor_id, titled.sentence) == (BASHAR, 3)


def test_bare_names_a_surname_beside_the_presidents_wife_is_the_president(nlp, kb):
    text = ("Asma al-Assad, the president's wife, visited a hospital in Damascus on Sunday. "
            "Assad said the army would restore order.")
    mentions, _ = mentions_of(nlp, kb, text, date(2012, 1, 8))
    assert written(mentions, "Assad")[0].actor_id == BASHAR


def test_bare_names_a_surname_in_the_fathers_time_is_the_father(nlp, kb):
    text = "Assad received the visiting American envoy in Damascus on Tuesday."
    mentions, _ = mentions_of(nlp, kb, text, date(1995, 3, 14))
    assert written(mentions, "Assad")[0].actor_id == HAFEZ


def test_bare_names_a_title_before_a_surname_is_who_held_it_that_day(nlp, kb):
    text = "President Assad told state television on Friday that the protests were a plot."
    mentions, _ = mentions_of(nlp, kb, text, MAY_2011)
    assert written(mentions, "Assad")[0].actor_id == BASHAR


def test_bare_names_an_undated_surname_is_a_person_of_the_article_alone(nlp, kb):
    mentions, actors = mentions_of(nlp, kb, "Assad said he would reform.", None, scope="article-1")
    assad = written(mentions, "Assad")[0]
    assert assad.actor_id not in (BASHAR, HAFEZ)
    assert "~" in assad.actor_id
    actor = actors[assad.actor_id]
    assert (actor.name, actor.kind) == ("Assad", "person")
    assert is_unresolved(actor)


# 2. A surname spelled another way


def test_bare_names_a_surname_spelled_another_way_is_the_known_person(nlp, kb):
    text = "Gadhafi said on Friday that his forces would never leave Misrata."
    mentions, _ = mentions_of(nlp, kb, text, APRIL_2011)
    assert written(mentions, "Gadhafi")[0].actor_id == GADDAFI


# 3. Surnames spelled alike, told apart by the article's country


def test_bare_names_a_surname_beside_iran_is_the_iranian_minister(nlp, kb):
    text = "Mottaki visited Tehran on Friday to meet clerics about the nuclear talks."
    mentions, _ = mentions_of(nlp, kb, text, APRIL_2011)
    assert written(mentions, "Mottaki")[0].actor_id == MOTTAKI


def test_bare_names_the_taliban_foreign_minister_spelled_alike_is_never_the_iranian(nlp, kb):
    text = ("The Taliban's foreign minister Amir Khan Muttaki met Indian officials in Kabul on Thursday. "
            "Muttaki said Afghanistan wanted more trade with India.")
    mentions, _ = mentions_of(nlp, kb, text, OCTOBER_2021)
    assert MOTTAKI not in {mention.actor_id for mention in mentions}
    assert written(mentions, "Muttaki")[0].actor_id == MUTTAQI


@pytest.mark.parametrize("text", [
    "The Taliban's foreign minister Amir Khan Muttaki met Indian officials in Kabul on Thursday.",
    "Amir Khan Muttaki met Indian officials in Kabul on Thursday.",
])
def test_bare_names_a_given_name_that_is_also_a_title_stays_in_a_name_spelled_another_way(nlp, kb, text):
    # "Amir" is a title too, but here it is Muttaqi's given name, and the name is his, however spelled.
    mentions, _ = mentions_of(nlp, kb, text, OCTOBER_2021)
    assert written(mentions, "Amir Khan Muttaki")[0].actor_id == MUTTAQI


# 4. Countries right, or left out


def test_bare_names_sharing_a_surname_with_a_foreign_leader_gives_no_country(nlp, kb):
    mentions, actors = mentions_of(nlp, kb, "Francisco Franco ruled Spain for almost forty years.", APRIL_2011)
    franco = actors[written(mentions, "Francisco Franco")[0].actor_id]
    assert franco.kind == "person"
    assert franco.country is None  # not Brazil's, for Itamar Franco


def test_bare_names_a_king_by_his_given_name_alone_is_not_the_afghan(nlp, kb):
    text = "King Abdullah said on Monday that the kingdom would send aid to the refugees."
    mentions, actors = mentions_of(nlp, kb, text, APRIL_2011)
    abdullah = [actors[m.actor_id] for m in mentions if "Abdullah" in m.text]
    assert abdullah, [m.text for m in mentions]
    assert all(actor.id != "person:abdullah-abdullah" and actor.country != "AFG" for actor in abdullah)


def test_bare_names_president_bush_is_american_but_no_president_in_2011(nlp, kb):
    text = "President Bush threatened Iraq with force in a speech on Tuesday."
    mentions, actors = mentions_of(nlp, kb, text, date(2011, 3, 8))
    bush = actors[written(mentions, "Bush")[0].actor_id]
    assert (bush.kind, bush.country) == ("person", "USA")
    assert not [role for role in bush.roles if role.basis == "text"]


@pytest.mark.parametrize("published", [MAY_2011, None])
def test_bare_names_a_full_name_in_the_article_settles_the_surname_on_any_date(nlp, kb, published):
    text = "Bashar al-Assad spoke in Damascus. Assad said the army would leave Deraa."
    mentions, _ = mentions_of(nlp, kb, text, published, scope="article-2")
    assert written(mentions, "Assad")[0].actor_id == BASHAR
