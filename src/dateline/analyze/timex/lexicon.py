"""The time tagger's data: word lists from `data/words.json` and patterns from `data/rules.txt`
(its header says how a rule is written). The readers and `find.py` hold the logic.

Rules and words live in data files so that a new way of writing a date is a line of data, not code.
Each word list (a table of words) is also keyed by its normal words once, here, where it is loaded:
the lexicon is static data, the same for every knowledge and every article.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from typing import Generic, TypeVar

from dateline import months

LEXICON = resources.files("dateline.analyze.timex") / "data"


def words(text: str | None) -> str | None:
    """The normal form of a phrase: lower case, hyphens as spaces, single spaces ("Twenty-First"
    is "twenty first"); None for no text."""
    return " ".join(text.lower().replace("-", " ").split()) if text else None


Value = TypeVar("Value")


class WordTable(dict[str, Value], Generic[Value]):
    """A word list of `words.json` ({entry: value}) that readers also look up by the normal words
    of a match, whatever its case and spacing. The normal keys are built once, with the table."""

    def __init__(self, entries: dict[str, Value]):
        super().__init__(entries)
        self.by_words: dict[str | None, Value] = {}
        for entry, value in entries.items():
            self.by_words.setdefault(words(entry), value)  # the first spelling wins, as a scan would

    def lookup(self, text: str | None) -> Value | None:
        """The entry for `text`, whatever its case and spacing; None when the list has none."""
        return self.by_words.get(words(text))


# The month names every stage reads dates with (dateline.months), then the tagger's own lists.
# Abbreviations count only with a day or a year after them (Jul. 13, Sept 2021).
WORDS: dict = {"months": WordTable(months.MONTHS), "month_abbreviations": WordTable(months.MONTH_ABBREVIATIONS)}
WORDS |= {key: WordTable(value) if isinstance(value, dict) else value
          for key, value in json.loads((LEXICON / "words.json").read_text("utf-8")).items()
          if not key.startswith("_")}

MONTHS: WordTable[int] = WORDS["months"]
MONTH_ABBREVIATIONS: WordTable[int] = WORDS["month_abbreviations"]
WEEKDAYS: WordTable[int] = WORDS["weekdays"]
NUMBER_WORDS: WordTable[float] = WORDS["number_words"]
UNITS: WordTable[str] = WORDS["units"]
PARTS_OF_DAY: WordTable[str] = WORDS["parts_of_day"]
DAY_WORDS: WordTable[list] = WORDS["day_words"]
NAME_PRONE_DAY_WORDS: list[str] = WORDS["name_prone_day_words"]
QUARTER_ORDINALS: WordTable[int] = WORDS["quarter_ordinals"]
HALF_ORDINALS: WordTable[int] = WORDS["half_ordinals"]
SEASONS: WordTable[str] = WORDS["seasons"]
SEASON_MONTHS: WordTable[list[int]] = WORDS["season_months"]
PERIOD_MODIFIERS: WordTable[str] = WORDS["period_modifiers"]
MODIFIER_RANGES: WordTable[dict[str, list[int]]] = WORDS["modifier_ranges"]
RELATIVE_STEPS: WordTable[int] = WORDS["relative_steps"]
NARRATIVE_STEPS: WordTable[int] = WORDS["narrative_steps"]
WEEKDAY_STEPS: WordTable[int] = WORDS["weekday_steps"]
WEEKEND_CHOICES: WordTable[str] = WORDS["weekend_choices"]
BLOCKABLE_REFERENCES: list[str] = WORDS["blockable_references"]
REFERENCE_WORDS: WordTable[str] = WORDS["reference_words"]
REFERENCE_BLOCKERS_BEFORE: list[str] = WORDS["reference_blockers_before"]
REFERENCE_BLOCKERS_AFTER: list[str] = WORDS["reference_blockers_after"]
SET_WORDS: WordTable[str] = WORDS["set_words"]
SET_WORD_BLOCKERS_BEFORE: list[str] = WORDS["set_word_blockers_before"]
SET_WORD_BLOCKERS_AFTER: list[str] = WORDS["set_word_blockers_after"]
COUNT_NOUNS: list[str] = WORDS["count_nouns"]
WORDS_ENDING_IN_S_THAT_ARE_NOT_NOUNS: list[str] = WORDS["words_ending_in_s_that_are_not_nouns"]
HOLIDAYS: WordTable[dict] = WORDS["holidays"]
CLOCK_WORDS: WordTable[str] = WORDS["clock_words"]
YEAR_CENTURIES: WordTable[int] = WORDS["year_centuries"]
YEAR_TENS: WordTable[int] = WORDS["year_tens"]
YEAR_UNITS: WordTable[int] = WORDS["year_units"]
DECADE_WORDS: WordTable[int] = WORDS["decade_words"]
CENTURY_ORDINALS: WordTable[int] = WORDS["century_ordinals"]
YEAR_CONTEXT_WORDS: list[str] = WORDS["year_context_words"]
FUTURE_LEANING_BEFORE: list[str] = WORDS["future_leaning_before"]
PERIOD_NOUNS: WordTable[str] = WORDS["period_nouns"]
RANGE_OPENERS: list[str] = WORDS["range_openers"]
RANGE_JOINERS: list[str] = WORDS["range_joiners"]
# "will last three days": after these words "last" is the verb, not "the last three days".
VERB_LAST_BEFORE: tuple[str, ...] = tuple(WORDS["verb_last_before"])
# Words before a bare season that make it a time: "in summer", "by the spring" ("the" stays inside).
SEASON_CONTEXT_WORDS: tuple[str, ...] = tuple(WORDS["season_context_words"])
BEFORE_CHRIST: frozenset[str] = frozenset(WORDS["before_christ"])  # "3000 BC", "the 5th century BC"

PLACEHOLDER = re.compile(r"\{(?:(words|iwords):([a-z_]+)|([A-Z][A-Z_0-9]*))\}")


def alternation(words, ignore_case: bool = False) -> str:
    """A regex alternation of the words, longest first, with any whitespace between their parts."""
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def expand(pattern: str, fragments: dict[str, str]) -> str:
    def replace(found: re.Match) -> str:
        kind, list_name, fragment = found.groups()
        if fragment:
            return fragments[fragment]
        return alternation(WORDS[list_name], ignore_case=kind == "iwords")

    return PLACEHOLDER.sub(replace, pattern)


def read_rules(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The rules file as {rule name: expanded regex} and {rule name: reader name}."""
    fragments: dict[str, str] = {}
    patterns: dict[str, str] = {}
    readers: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        define = re.match(r"define ([A-Z][A-Z_0-9]*) = (.+)$", line)
        rule = re.match(r"rule (\w+) \((\w+)\): (.+)$", line)
        if define:
            fragments[define[1]] = expand(define[2], fragments)
        elif rule:
            patterns[rule[1]] = expand(rule[3], fragments)
            readers[rule[1]] = rule[2]
        else:
            raise ValueError(f"rules.txt line {number}: neither a define nor a rule: {line!r}")
    return patterns, readers


PATTERNS, RULE_READERS = read_rules((LEXICON / "rules.txt").read_text("utf-8"))
# When two readings cover the same text, the one listed first wins (file order).
RULE_PRIORITY = {name: rank for rank, name in enumerate(PATTERNS)}
COMPILED_PATTERNS = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}
