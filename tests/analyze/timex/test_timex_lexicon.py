"""The time tagger's word lists: loaded once from `data/words.json`, looked up by normal words."""
from __future__ import annotations

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.lexicon import WordTable, words


def test_timex_lexicon_words_are_lower_case_with_single_spaces():
    assert words("Twenty-First") == "twenty first"
    assert words("  the\tNext ") == "the next"
    assert words(None) is None and words("") is None


def test_timex_lexicon_lookup_ignores_case_hyphens_and_spacing():
    assert lex.CENTURY_ORDINALS.lookup("Twenty-First") == lex.CENTURY_ORDINALS["twenty-first"]
    assert lex.RELATIVE_STEPS.lookup("THE   next") == lex.RELATIVE_STEPS.lookup("the next")
    assert lex.UNITS.lookup("no such unit") is None
    assert lex.UNITS.lookup(None) is None


def test_timex_lexicon_lookup_keeps_the_first_spelling_of_a_normal_form():
    table = WordTable({"mid-year": 1, "Mid Year": 2})
    assert table.lookup("mid year") == 1
    assert dict(table) == {"mid-year": 1, "Mid Year": 2}


def test_timex_lexicon_every_table_is_keyed_by_normal_words_when_loaded():
    tables = [table for table in lex.WORDS.values() if isinstance(table, dict)]
    assert tables and all(isinstance(table, WordTable) for table in tables)
    for table in tables:
        first_spelling: dict = {}
        for entry, value in table.items():
            first_spelling.setdefault(words(entry), value)
        assert table.by_words == first_spelling
        assert all(table.lookup(entry.upper()) == first_spelling[words(entry)] for entry in table)


def test_timex_lexicon_every_rule_names_a_known_reader():
    from dateline.analyze.timex.readers import READERS

    assert set(lex.RULE_READERS.values()) <= set(READERS)
