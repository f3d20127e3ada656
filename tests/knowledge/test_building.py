from __future__ import annotations

import json
from datetime import date

import pytest

from dateline.errors import KnowledgeError
from dateline.knowledge import load_knowledge


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_building_default_knowledge_is_loaded_once(kb):
    assert load_knowledge() is kb


def test_building_has_every_iso_country_as_a_government_actor(kb):
    countries = [actor for actor in kb.actors.values() if actor.kind == "country"]
    assert len(countries) >= 249
    india = kb.actors["IND"]
    assert (india.name, india.country, india.sector) == ("India", "IND", "GOV")


def test_building_user_file_adds_a_person_and_extends_an_entry(tmp_path):
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
def test_building_malformed_user_file_is_a_coded_error(tmp_path, content, code):
    extra = tmp_path / "bad.json"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=code):
        load_knowledge(extra)


def test_building_missing_user_file_is_a_coded_error(tmp_path):
    with pytest.raises(KnowledgeError, match="E021"):
        load_knowledge(tmp_path / "absent.json")
