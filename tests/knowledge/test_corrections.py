"""The knowledge file's "corrections": read, checked (E020 naming the entry), added to."""
from __future__ import annotations

import json

import pytest

from dateline.errors import KnowledgeError
from dateline.knowledge import load_knowledge
from dateline.knowledge.corrections import (add_correction, correction_entry, knowledge_file,
                                            read_corrections, with_correction)
from dateline.model import Correction

MERGE = Correction("merge", "person:omar-haddad", other="person:abu-yusuf")
SPLIT = Correction("split", "person:ahmad-khan", article="8ae8292b20316d2c")
SET = Correction("set", "person:omar-haddad", country="SYR", sector="REB")


def write(path, payload) -> str:
    path.write_text(json.dumps(payload), encoding="utf-8")
    return str(path)


def test_corrections_read_every_kind_in_order(tmp_path):
    path = write(tmp_path / "k.json", {"corrections": [
        {"merge": ["person:omar-haddad", "person:abu-yusuf"]},
        {"split": "person:ahmad-khan", "article": "8ae8292b20316d2c", "into": None},
        {"split": "person:ahmad-khan", "article": "8c44be1317c00f88", "into": "person:b",
         "note": "the cricketer"},
        {"set": "person:omar-haddad", "country": "SYR", "sector": "REB"},
        {"set": "IND", "name": "Bharat"},
    ]})
    assert read_corrections(path) == (
        MERGE, SPLIT,
        Correction("split", "person:ahmad-khan", other="person:b", article="8c44be1317c00f88"),
        SET, Correction("set", "IND", name="Bharat"))


def test_corrections_none_without_the_section(tmp_path):
    assert read_corrections(write(tmp_path / "k.json", {"people": []})) is None
    assert read_corrections(write(tmp_path / "e.json", {"corrections": []})) == ()


def test_corrections_reach_the_loaded_knowledge(tmp_path):
    path = write(tmp_path / "k.json", {"people": [{"name": "Omar Haddad"}],
                                       "corrections": [correction_entry(MERGE)]})
    kb = load_knowledge(path)
    assert kb.corrections == (MERGE,)
    assert "person:omar-haddad" in kb.actors
    assert load_knowledge().corrections is None


@pytest.mark.parametrize("entry, says", [
    ({"merge": ["person:a"]}, "corrections[0]: a merge is a list of two actor ids"),
    ({"merge": ["person:a", "person:a"]}, "two different actors"),
    ({"merge": ["person:a", "person:b"], "set": "person:a"}, "exactly one of"),
    ({"unmerge": ["person:a", "person:b"]}, "exactly one of"),
    ({"split": "person:a"}, "names the article"),
    ({"split": "person:a", "article": "x", "into": "person:a"}, "cannot go into the actor it splits"),
    ({"split": "person:a", "article": "x", "into": 3}, "\"into\" is an actor id"),
    ({"set": "person:a"}, "at least one of"),
    ({"set": "person:a", "country": "Syria"}, "country 'Syria': a country is a code of 3 capital"),
    ({"set": "person:a", "country": "syr"}, "country 'syr'"),
    ({"set": "person:a", "sector": "ARMY"}, "sector 'ARMY': a sector is one of GOV"),
    ({"set": "person:a", "name": " "}, "a name is some words"),
    ({"set": "person:a", "contry": "SYR"}, "unknown key 'contry'"),
    ({"set": ""}, "a set names an actor id"),
    ("merge person:a person:b", "an entry is an object"),
])
def test_corrections_malformed_entries_are_e020_naming_the_entry(tmp_path, entry, says):
    path = write(tmp_path / "k.json", {"corrections": [entry]})
    with pytest.raises(KnowledgeError) as error:
        read_corrections(path)
    assert str(error.value).startswith(f"E020: knowledge file {path} is malformed: corrections[0]: ")
    assert says in str(error.value)


def test_corrections_section_must_be_a_list(tmp_path):
    with pytest.raises(KnowledgeError, match="E020.*'corrections' must be a list"):
        load_knowledge(write(tmp_path / "k.json", {"corrections": {"merge": ["a", "b"]}}))


def test_corrections_add_makes_the_file_and_keeps_what_it_holds(tmp_path):
    path = tmp_path / "sub" / "k.json"
    assert add_correction(MERGE, path) == (MERGE,)
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload["people"] = [{"name": "Omar Haddad", "aliases": ["Abu Yusuf"]}]
    payload["about"] = "mine"
    write(path, payload)
    assert add_correction(SET, path) == (MERGE, SET)
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["people"] == payload["people"] and kept["about"] == "mine"
    assert kept["corrections"] == [correction_entry(MERGE), correction_entry(SET)]
    assert load_knowledge(path).corrections == (MERGE, SET)


def test_corrections_add_refuses_to_touch_a_malformed_file(tmp_path):
    path = tmp_path / "k.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="E020"):
        add_correction(MERGE, path)
    assert path.read_text(encoding="utf-8") == "{not json"


def test_corrections_with_correction_keeps_one_entry_per_fact():
    entries = [correction_entry(MERGE), {**correction_entry(SPLIT), "note": "the governor"}]
    assert with_correction(entries, MERGE) == entries  # the same again: nothing new
    reverse = Correction("merge", MERGE.other, other=MERGE.actor)
    assert with_correction(entries, reverse)[0] == {"merge": [MERGE.other, MERGE.actor]}
    into = Correction("split", SPLIT.actor, other="person:b", article=SPLIT.article)
    assert with_correction(entries, into)[1] == {**correction_entry(into), "note": "the governor"}
    once = with_correction(entries, SET)
    twice = with_correction(once, Correction("set", SET.actor, name="Omar al-Haddad", country="JOR"))
    assert twice[2] == {"set": SET.actor, "country": "JOR", "sector": "REB", "name": "Omar al-Haddad"}
    assert len(twice) == 3


def test_corrections_knowledge_file_is_chosen_as_actors_import_chooses(tmp_path, monkeypatch):
    monkeypatch.delenv("DATELINE_KNOWLEDGE", raising=False)
    assert str(knowledge_file()) == "dateline-knowledge.json"
    monkeypatch.setenv("DATELINE_KNOWLEDGE", str(tmp_path / "env.json"))
    assert knowledge_file() == tmp_path / "env.json"
    assert knowledge_file(tmp_path / "given.json") == tmp_path / "given.json"
