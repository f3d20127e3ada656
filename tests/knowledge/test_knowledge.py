from __future__ import annotations

from datetime import date

import pytest

from dateline.knowledge import load_knowledge
from dateline.model import Location


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize(
    "name, actor_id",
    [
        ("S Jaishankar", "person:subrahmanyam-jaishankar"),
        ("Dr. S. Jaishankar", "person:subrahmanyam-jaishankar"),
        ("@DrSJaishankar", "person:subrahmanyam-jaishankar"),
        ("drsjaishankar", "person:subrahmanyam-jaishankar"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("the Taliban", "group:taliban"),
        ("Islamic Emirate of Afghanistan", "group:taliban"),
        ("ISIS-K", "group:iskp"),
        ("UNSC", "org:unsc"),
        ("external affairs ministry", "org:mea"),
        ("ISI", "org:isi"),
        ("Mullah Yaqoob", "person:mohammad-yaqoob"),
    ],
)
def test_knowledge_lookup_finds_names_aliases_and_handles(kb, name, actor_id):
    assert kb.lookup(name).id == actor_id


def test_knowledge_lookup_reads_demonyms_and_capitals_as_the_country(kb):
    assert kb.resolve("Afghan") == (kb.actors["AFG"], "demonym")
    assert kb.resolve("Tajik") == (kb.actors["TJK"], "demonym")
    assert kb.resolve("New Delhi") == (kb.actors["IND"], "capital")
    assert kb.lookup("Uzbekistan").id == "UZB"


def test_knowledge_lookup_misses_unknown_names(kb):
    assert kb.lookup("Bakhtiyor Saidov") is None
    assert kb.lookup("Tuesday") is None


def test_knowledge_sectors_of_organisations_and_groups(kb):
    assert (kb.lookup("ICRC").sector, kb.lookup("UN").sector, kb.lookup("UN").country) == ("NGO", "IGO", None)
    assert (kb.lookup("Indian Air Force").country, kb.lookup("Indian Air Force").sector) == ("IND", "MIL")
    assert (kb.lookup("Taliban").kind, kb.lookup("Taliban").sector) == ("group", "REB")


def test_knowledge_place_knows_cities_capitals_and_countries(kb):
    assert kb.place("Dushanbe") == Location("Dushanbe", "TJK")
    assert kb.place("Mazar-e-Sharif") == Location("Mazar-i-Sharif", "AFG")
    assert kb.place("Attari") == Location("Attari", "IND")
    assert kb.place("Tajikistan") == Location("Tajikistan", "TJK")
    assert kb.place("Atlantis") is None


@pytest.mark.parametrize(
    "title, country, on, name",
    [
        ("external affairs minister", "IND", date(2021, 7, 14), "Subrahmanyam Jaishankar"),
        ("foreign minister", "IND", date(2021, 7, 14), "Subrahmanyam Jaishankar"),
        ("FM", "AFG", date(2021, 7, 14), "Mohammad Haneef Atmar"),
        ("acting foreign minister", "AFG", date(2022, 6, 2), "Amir Khan Muttaqi"),
        ("foreign secretary", "IND", date(2021, 7, 14), "Harsh Vardhan Shringla"),
        ("foreign secretary", "IND", date(2024, 8, 1), "Vikram Misri"),
        ("foreign minister", "USA", date(2022, 1, 1), "Antony Blinken"),
        ("secretary-general", "org:un", date(2022, 1, 1), "Antonio Guterres"),
        ("ambassador to Afghanistan", "IND", date(2021, 3, 1), "Rudrendra Tandon"),
    ],
)
def test_knowledge_role_holder_on_a_date(kb, title, country, on, name):
    assert kb.role_holder(title, country, on).name == name


def test_knowledge_role_holder_is_none_when_unknown_or_ambiguous(kb):
    # Between Atmar's flight and Muttaqi's appointment nobody held the office.
    assert kb.role_holder("foreign minister", "AFG", date(2021, 8, 20)) is None
    # Britain's foreign secretary is its foreign minister, never India's civil servant of that title.
    assert kb.role_holder("foreign secretary", "GBR", date(2021, 1, 1)).name == "Dominic Raab"
    assert kb.role_holder("foreign secretary", "IND", date(2021, 1, 1)).country == "IND"
    # Many countries have a foreign minister.
    assert kb.role_holder("foreign minister", None, date(2022, 6, 2)) is None


def test_knowledge_office_owners_follow_who_governs(kb):
    assert kb.office_owners("group:taliban", date(2021, 7, 1)) == ["group:taliban"]
    assert kb.office_owners("group:taliban", date(2022, 6, 2)) == ["group:taliban", "AFG"]


@pytest.mark.parametrize("written, known", [
    ("Francois Mitterand", "François Mitterrand"),  # a letter dropped
    ("Sergey Lavrov", "Sergei Lavrov"),  # a transliteration
    ("Mohammad Hanif Atmar", "Mohammad Haneef Atmar"),
])
def test_knowledge_a_name_spelled_alike_joins_the_known_person(kb, written, known):
    assert kb.spelled_alike(written).name == known


@pytest.mark.parametrize("written", ["John Smith", "Mohammad Khan", "Ali Atmar"])
def test_knowledge_a_different_name_joins_nobody(kb, written):
    assert kb.spelled_alike(written) is None
