from datetime import date

from samples import ATMAR, ATMAR_SHORT, INDIA, JAISHANKAR

from dateline.fuse.actors import (Tenure, consolidate_roles, holder_on, is_form_of, link_actors,
                                  merge_linked, name_words)
from dateline.model import Actor, Role


def test_actors_short_name_links_to_full_name():
    links = link_actors([ATMAR, ATMAR_SHORT, JAISHANKAR, INDIA])
    assert links[ATMAR_SHORT.id] == ATMAR.id
    assert links[ATMAR.id] == ATMAR.id
    assert links[JAISHANKAR.id] == JAISHANKAR.id and links["IND"] == "IND"


def test_actors_chain_of_short_forms_links_to_fullest():
    surname = Actor("person:atmar", "Atmar", "person")
    links = link_actors([surname, ATMAR_SHORT, ATMAR])
    assert links[surname.id] == ATMAR.id and links[ATMAR_SHORT.id] == ATMAR.id


def test_actors_conflicting_country_is_not_linked():
    other = Actor("person:haneef-atmar", "Haneef Atmar", "person", "PAK")
    assert link_actors([ATMAR, other])[other.id] == other.id


def test_actors_different_surname_is_not_linked():
    # "Mohammad" is a subset of ATMAR's tokens but not his surname.
    mohammad = Actor("person:mohammad", "Mohammad", "person")
    assert link_actors([ATMAR, mohammad])[mohammad.id] == mohammad.id


def test_actors_ambiguous_short_form_stays_unlinked():
    rangina = Actor("person:rangina-atmar", "Rangina Atmar", "person", "AFG")
    surname = Actor("person:atmar", "Atmar", "person")
    assert link_actors([ATMAR, rangina, surname])[surname.id] == surname.id


def test_actors_only_people_are_linked():
    org = Actor("org:atmar", "Atmar", "organisation")
    assert link_actors([ATMAR, org])[org.id] == org.id


def test_actors_merge_unions_aliases_and_fills_blanks():
    short = Actor("person:haneef-atmar", "Haneef Atmar", "person", None, None, ("H. Atmar",))
    full = Actor(ATMAR.id, ATMAR.name, "person", "AFG", None, ("Atmar",))
    merged = merge_linked([short, full], link_actors([short, full]))
    assert list(merged) == [ATMAR.id]
    assert set(merged[ATMAR.id].aliases) == {"Atmar", "Haneef Atmar", "H. Atmar"}
    assert full.aliases == ("Atmar",)  # the input record is left alone


def test_actors_name_words_split_initials_written_together():
    assert name_words("J.P. Singh") == name_words("JP Singh") == ["j", "p", "singh"]


def test_actors_initials_and_spellings_are_forms_of_a_full_name():
    full = name_words("Subrahmanyam Jaishankar")
    assert is_form_of(name_words("S Jaishankar"), full)
    assert is_form_of(name_words("Jaishankar"), full)
    assert not is_form_of(name_words("R Jaishankar"), full)
    assert is_form_of(name_words("Mohammad Hanif Atmar"), name_words("Mohammad Haneef Atmar"))
    assert not is_form_of(name_words("Gurnam Singh"), name_words("J.P. Singh"))


def test_actors_two_spellings_of_one_name_are_one_person_under_the_best_known():
    sergey = Actor("person:sergey-lavrov", "Sergey Lavrov", "person", "RUS")
    sergei = Actor("person:sergei-lavrov", "Sergei Lavrov", "person", "RUS", "GOV", (),
                   (Role("foreign minister", "RUS", date(2004, 3, 9)),))
    links = link_actors([sergey, sergei])
    assert links[sergey.id] == links[sergei.id] == sergei.id


def test_actors_a_bare_surname_of_one_article_joins_only_an_unambiguous_full_name():
    jp = Actor("person:j-p-singh", "J.P. Singh", "person", "IND")
    gurnam = Actor("person:gurnam-singh", "Gurnam Singh", "person", "AFG")
    bare = Actor("person:singh~a1", "Singh", "person")
    assert link_actors([jp, gurnam, bare])[bare.id] == bare.id
    assert link_actors([jp, bare])[bare.id] == jp.id
    # a surname of one article is never what another name joins
    assert link_actors([bare, Actor("person:singh~b2", "Singh", "person")])["person:singh~b2"] == "person:singh~b2"


def test_actors_a_handle_joins_its_signer_or_the_one_person_named_with_it_whose_name_it_spells():
    signed = Actor("person:rahim-sadat", "Rahim Sadat", "person", None, None, ("@RahimSadatAF",))
    handle = Actor("handle:rahimsadataf", "@RahimSadatAF", "person")
    assert link_actors([signed, handle])[handle.id] == signed.id
    other = Actor("handle:mhaneefatmar", "@MHaneefAtmar", "person")
    together = {"article": {ATMAR.id, JAISHANKAR.id, other.id}}
    assert link_actors([ATMAR, JAISHANKAR, other], together)[other.id] == ATMAR.id
    assert link_actors([ATMAR, JAISHANKAR, other])[other.id] == other.id  # never seen with him


def tenure(holder, first, last):
    return Tenure(holder, date.fromisoformat(first), date.fromisoformat(last))


def test_actors_holder_on_a_day_follows_the_sightings_of_each_holder():
    tenures = [tenure("a", "2022-01-10", "2022-04-01"), tenure("b", "2022-09-01", "2022-11-15")]
    assert holder_on(tenures, date(2022, 3, 5)) == "a"
    assert holder_on(tenures, date(2022, 10, 20)) == "b"
    assert holder_on(tenures, date(2022, 12, 1)) == "b"  # nobody else seen since
    assert holder_on(tenures, date(2022, 6, 1)) is None  # it changed hands somewhere between
    assert holder_on(tenures, date(2021, 12, 1)) is None  # nobody seen in it yet
    assert holder_on(tenures + [tenure("c", "2022-10-01", "2022-10-30")], date(2022, 10, 20)) is None


def test_actors_a_mission_without_its_seat_joins_the_one_seated_mission():
    short = Actor("org:afghan-embassy", "Afghan embassy", "organisation", "AFG", "GOV")
    delhi = Actor("org:afghan-embassy-in-new-delhi", "Afghan embassy in New Delhi", "organisation", "AFG", "GOV")
    moscow = Actor("org:afghan-embassy-in-moscow", "Afghan embassy in Moscow", "organisation", "AFG", "GOV")
    assert link_actors([short, delhi])[short.id] == delhi.id
    assert link_actors([short, delhi, moscow])[short.id] == short.id


def test_actors_text_roles_gather_into_periods_unless_the_knowledge_covers_them():
    roles = [Role("foreign minister", "AFG", date(2020, 1, 1), date(2021, 8, 15)),
             Role("foreign minister", "AFG", date(2021, 7, 14), date(2021, 7, 14), "text"),
             Role("spokesperson", "AFG", date(2022, 6, 3), date(2022, 6, 3), "text"),
             Role("spokesperson", "AFG", date(2024, 11, 13), date(2024, 11, 13), "text")]
    assert consolidate_roles(roles) == [roles[0], Role("spokesperson", "AFG", date(2022, 6, 3),
                                                       date(2024, 11, 13), "text")]
