from samples import ATMAR, ATMAR_SHORT, INDIA, JAISHANKAR

from dateline.fuse.actors import link_actors, merge_linked
from dateline.model import Actor


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
