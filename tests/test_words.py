"""The shared tokenizers and word lists (dateline.words), and the month names (dateline.months)."""
import ast
from pathlib import Path

import pytest

from dateline.months import MONTH_ABBREVIATIONS, MONTHS, month_numbers
from dateline.words import (latin_words, latin_words_with_marks, read_word_list, split_words,
                            split_words_joining_apostrophes)

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dateline"
TEXT = "J.P. Singh's al-Qaeda pro- talks on_2021 don’t Café"


def test_words_split_words_keeps_letters_and_digits_as_written():
    assert split_words(TEXT) == ["J", "P", "Singh", "s", "al", "Qaeda", "pro", "talks", "on", "2021",
                                 "don", "t", "Café"]


def test_words_split_words_joining_apostrophes_keeps_one_apostrophe_inside_and_lowers():
    assert split_words_joining_apostrophes(TEXT) == ["j", "p", "singh's", "al", "qaeda", "pro", "talks",
                                                     "on", "2021", "don’t", "café"]


def test_words_latin_words_split_at_apostrophes_and_keep_inner_hyphens():
    assert latin_words(TEXT) == ["singh", "al-qaeda", "pro", "talks", "on", "don", "caf"]


def test_words_latin_words_with_marks_keep_straight_apostrophes_and_trailing_hyphens():
    assert latin_words_with_marks(TEXT) == ["singh's", "al-qaeda", "pro-", "talks", "on", "don", "caf"]


@pytest.mark.parametrize("package, name, holds, lacks", [
    ("dateline.fuse", "story_stop_words.txt", {"the", "monday", "spokesman"}, {"#", "stop"}),
    ("dateline.fuse", "report_stop_words.txt", {"the", "told", "two"}, {"monday", "#"}),
    ("dateline.query", "key_date_stop_words.txt", {"the", "mr", "said"}, {"told", "two", "#"}),
])
def test_words_read_word_list_skips_the_header(package, name, holds, lacks):
    words = read_word_list(package, name)
    assert holds <= words and not lacks & words
    assert all(word == word.lower() and word.isascii() for word in words)


def test_words_stop_word_lists_as_their_modules_read_them():
    from dateline.fuse.reports import STOP_WORDS as report
    from dateline.fuse.stories import STOP_WORDS as story
    from dateline.query.key_date_sentences import STOPWORDS as summary
    assert (len(story), len(report), len(summary)) == (319, 82, 123)
    assert report <= story and summary <= story  # the stories' list is the widest


def test_months_name_every_month_and_read_in_any_case():
    assert sorted(MONTHS.values()) == list(range(1, 13)) and MONTHS["May"] == 5
    assert MONTH_ABBREVIATIONS["Sept"] == MONTH_ABBREVIATIONS["Sep"] == 9 and "May" not in MONTH_ABBREVIATIONS
    numbers = month_numbers()
    assert len(numbers) == 24 and numbers["sept"] == 9 and numbers["may"] == 5 and numbers["december"] == 12


@pytest.mark.parametrize("module", ["words.py", "months.py", "days.py"])
def test_words_shared_modules_import_no_stage(module):
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not {name for name in imported if name.startswith("dateline")}
