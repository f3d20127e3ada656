"""The analysis' word lists are data files beside their code (`analyze/word_lists.py` says their
shape): each loads, each list says what it is for, holds words and holds each only once, and its
module keeps it under the name its key gives."""
from __future__ import annotations

import importlib
import json
from collections import Counter
from pathlib import Path

import pytest

ANALYZE = Path(__file__).resolve().parents[2] / "src" / "dateline" / "analyze"
# The data files of another shape, each read by its own loader.
TIMEX_WORDS = ANALYZE / "timex" / "data" / "words.json"
EVENT_TRIGGERS = ANALYZE / "events" / "data" / "event_triggers.json"


def _without_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    repeated = [key for key, count in Counter(key for key, _ in pairs).items() if count > 1]
    assert not repeated, f"keys written twice: {repeated}"
    return dict(pairs)


def read(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"), object_pairs_hook=_without_duplicate_keys)


def word_list_files() -> list[Path]:
    return sorted(path for path in ANALYZE.rglob("data/*.json") if path not in (TIMEX_WORDS, EVENT_TRIGGERS))


def module_of(path: Path) -> str:
    """The module whose lists a file holds: events/data/arguments.json -> dateline.analyze.events.arguments."""
    package = path.parent.parent.relative_to(ANALYZE.parent.parent).parts
    return ".".join((*package, path.stem))


def assert_words(name: str, words) -> None:
    assert words, f"{name} is empty"
    entries = list(words)
    assert all(isinstance(entry, str) and entry.strip() == entry and entry for entry in entries), name
    repeated = [entry for entry, count in Counter(entries).items() if count > 1]
    assert not repeated, f"{name} holds {repeated} twice"


def test_word_lists_are_found_in_every_component():
    folders = {path.parent.relative_to(ANALYZE).as_posix() for path in word_list_files()}
    assert folders == {"data", "actors/data", "events/data"}


@pytest.mark.parametrize("path", word_list_files(), ids=lambda path: path.relative_to(ANALYZE).as_posix())
def test_word_lists_each_list_says_what_it_is_for_and_holds_each_word_once(path):
    data = read(path)
    assert isinstance(data.pop("about"), str)
    assert data, f"{path.name} holds no list"
    for name, entry in data.items():
        assert set(entry) == {"about", "words"}, name
        assert isinstance(entry["about"], str) and entry["about"].strip(), f"{name} says not what it is for"
        assert isinstance(entry["words"], (list, dict)), name
        assert_words(name, entry["words"])


@pytest.mark.parametrize("path", word_list_files(), ids=lambda path: path.relative_to(ANALYZE).as_posix())
def test_word_lists_each_list_is_its_module_constant(path):
    module = importlib.import_module(module_of(path))
    for name, entry in read(path).items():
        if name == "about":
            continue
        constant = getattr(module, name.upper(), None)
        if constant is None:
            constant = getattr(module, f"_{name.upper()}")
        words = entry["words"]
        if isinstance(constant, dict):
            assert constant == words, name
        elif isinstance(constant, tuple):
            assert constant == tuple(words), name
        else:
            assert isinstance(constant, frozenset) and constant == frozenset(words), name


def test_word_lists_of_the_time_tagger_hold_words_each_once():
    data = read(TIMEX_WORDS)
    assert data["_about"]
    for name, words in data.items():
        if not name.startswith("_"):
            assert_words(name, words)


def test_word_lists_the_time_tagger_reads_in_its_readers_say_what_they_are_for():
    data = read(TIMEX_WORDS)
    for name in ("verb_last_before", "season_context_words", "before_christ"):
        assert data[f"_{name}"].strip()


def test_word_lists_the_event_lexicon_and_cameo_table_load_from_beside_the_event_code():
    from dateline.analyze.events.triggers import cameo_table, load_lexicon

    lexicon = load_lexicon()
    assert lexicon.verbs and lexicon.nouns
    assert read(EVENT_TRIGGERS)["classes"]
    assert cameo_table()["190"].type == "ASSAULT"
