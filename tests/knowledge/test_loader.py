from __future__ import annotations

import json
from datetime import date

import pytest

from dateline.errors import KnowledgeError
from dateline.knowledge import load_knowledge, normalize
from dateline.model import Location


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_loader_default_knowledge_is_loaded_once(kb):
    assert load_knowledge() is kb


def test_loader_has_every_iso_country_as_a_government_actor(kb):
    countries = [actor for actor in kb.actors.values() if actor.kind == "country"]
    assert len(countries) >= 249
    india = kb.actors["IND"]
    assert (india.name, india.country, india.sector) == ("India", "IND", "GOV")


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
def test_loader_lookup_finds_names_aliases_and_handles(kb, name, actor_id):
    assert kb.lookup(name).id == actor_id


def test_loader_lookup_reads_demonyms_and_capitals_as_the_country(kb):
    assert kb.resolve("Afghan") == (kb.actors["AFG"], "demonym")
    assert kb.resolve("Tajik") == (kb.actors["TJK"], "demonym")
    assert kb.resolve("New Delhi") == (kb.actors["IND"], "capital")
    assert kb.lookup("Uzbekistan").id == "UZB"


def test_loader_lookup_misses_unknown_names(kb):
    assert kb.lookup("Bakhtiyor Saidov") is None
    assert kb.lookup("Tuesday") is None


def test_loader_sectors_of_organisations_and_groups(kb):
    assert (kb.lookup("ICRC").sector, kb.lookup("UN").sector, kb.lookup("UN").country) == ("NGO", "IGO", None)
    assert (kb.lookup("Indian Air Force").country, kb.lookup("Indian Air Force").sector) == ("IND", "MIL")
    assert (kb.lookup("Taliban").kind, kb.lookup("Taliban").sector) == ("group", "REB")


def test_loader_place_knows_cities_capitals_and_countries(kb):
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
def test_loader_role_holder_on_a_date(kb, title, country, on, name):
    assert kb.role_holder(title, country, on).name == name


def test_loader_role_holder_is_none_when_unknown_or_ambiguous(kb):
    # Between Atmar's flight and Muttaqi's appointment nobody held the office.
    assert kb.role_holder("foreign minister", "AFG", date(2021, 8, 20)) is None
    # Britain's foreign secretary is its foreign minister, never India's civil servant of that title.
    assert kb.role_holder("foreign secretary", "GBR", date(2021, 1, 1)).name == "Dominic Raab"
    assert kb.role_holder("foreign secretary", "IND", date(2021, 1, 1)).country == "IND"
    # Many countries have a foreign minister.
    assert kb.role_holder("foreign minister", None, date(2022, 6, 2)) is None


def test_loader_office_owners_follow_who_governs(kb):
    assert kb.office_owners("group:taliban", date(2021, 7, 1)) == ["group:taliban"]
    assert kb.office_owners("group:taliban", date(2022, 6, 2)) == ["group:taliban", "AFG"]


def test_loader_user_file_adds_a_person_and_extends_an_entry(tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({
        "people": [{"name": "Bakhtiyor Saidov", "country": "UZB", "sector": "GOV",
                    "roles": [{"title": "foreign minister", "country": "UZB", "since": "2022-07"}]}],
        "groups": [{"id": "group:taliban", "aliases": ["Talibs"]}],
    }), encoding="utf-8")
    kb = load_knowledge(extra)
    assert kb.lookup("Bakhtiyor Saidov").id == "person:bakhtiyor-saidov"
    assert kb.role_holder("foreign minister", "UZB", date(2023, 1, 1)).name == "Bakhtiyor Saidov"
    assert kb.lookup("Talibs").id == "group:taliban"
    assert kb.lookup("Islamic Emirate").id == "group:taliban"
    assert load_knowledge().lookup("Bakhtiyor Saidov") is None


@pytest.mark.parametrize(
    "content, code",
    [("{not json", "E020"), ('{"people": {"name": "x"}}', "E020"), ('{"people": [{"aliases": []}]}', "E020"),
     ('{"groups": [{"name": "X", "sector": "ZZZ"}]}', "E020"),
     ('{"people": [{"name": "X", "roles": [{"title": "t", "since": "July"}]}]}', "E020")],
)
def test_loader_malformed_user_file_is_a_coded_error(tmp_path, content, code):
    extra = tmp_path / "bad.json"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=code):
        load_knowledge(extra)


def test_loader_missing_user_file_is_a_coded_error(tmp_path):
    with pytest.raises(KnowledgeError, match="E021"):
        load_knowledge(tmp_path / "absent.json")


def test_loader_normalize_ignores_case_periods_articles_and_possessives():
    assert normalize("The U.S.") == "u s"
    assert normalize("U S") == normalize("U.S.")
    assert normalize("India's") == "india"


@pytest.mark.parametrize("written, known", [
    ("Francois Mitterand", "François Mitterrand"),  # a letter dropped
    ("Sergey Lavrov", "Sergei Lavrov"),  # a transliteration
    ("Mohammad Hanif Atmar", "Mohammad Haneef Atmar"),
])
def test_loader_a_name_spelled_alike_joins_the_known_person(kb, written, known):
    assert kb.spelled_alike(written).name == known


@pytest.mark.parametrize("written", ["John Smith", "Mohammad Khan", "Ali Atmar"])
def test_loader_a_different_name_joins_nobody(kb, written):
    assert kb.spelled_alike(written) is None


def _edit_distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for i, letter in enumerate(first, start=1):
        current = [i]
        for j, other in enumerate(second, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]


def test_loader_one_edit_apart_is_an_edit_distance_of_at_most_one():
    from itertools import product

    from dateline.knowledge.loader import _one_edit_apart

    words = ["".join(letters) for size in range(5) for letters in product("aab", repeat=size)]
    words += ["mitterrand", "mitterand", "mittérrand", "lavrov", "lavrova", "alavrov", "lavorv"]
    for first, second in product(words, repeat=2):
        assert _one_edit_apart(first, second) == (_edit_distance(first, second) <= 1), (first, second)
