from datetime import date

from samples import ATMAR, ATMAR_SHORT, INDIA, JAISHANKAR

from dateline.fuse.actors import is_form_of, link_actors, merge_linked, name_words
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


def test_actors_a_mission_without_its_seat_joins_the_one_seated_mission():
    short = Actor("org:afghan-embassy", "Afghan embassy", "organisation", "AFG", "GOV")
    delhi = Actor("org:afghan-embassy-in-new-delhi", "Afghan embassy in New Delhi", "organisation", "AFG", "GOV")
    moscow = Actor("org:afghan-embassy-in-moscow", "Afghan embassy in Moscow", "organisation", "AFG", "GOV")
    assert link_actors([short, delhi])[short.id] == delhi.id
    assert link_actors([short, delhi, moscow])[short.id] == short.id
