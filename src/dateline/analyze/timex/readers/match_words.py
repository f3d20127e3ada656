"""What a reader reads from its match: the words of a named group, looked up in the word lists,
and the numbers they write (counts, years, months, units)."""
from __future__ import annotations

import re

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.lexicon import words

# A larger count is read as a vague one: counted in years (x100 for centuries) or in a smaller
# unit (x60) it must still be a finite float, which no date or TimeML value can go past anyway.
LARGEST_COUNT = 1e300


def group(match: re.Match, name: str) -> str | None:
    return match.groupdict().get(name)


def modifier_of(match: re.Match) -> str | None:
    found = match.groupdict().get("mod")
    return lex.PERIOD_MODIFIERS.lookup(found) if found else None


def relation_step(match: re.Match) -> int | None:
    """-1, 0 or +1 for "last", "this", "next" before a period name; None when there is none."""
    relation = group(match, "rel")
    return lex.RELATIVE_STEPS.lookup(relation) if relation else None


def month_number(name: str) -> int:
    name = name.rstrip(".")
    return lex.MONTHS.get(name) or lex.MONTH_ABBREVIATIONS[name]


def year_number(text: str) -> int:
    """A year in digits or in words ("nineteen ninety-six", "two thousand and one")."""
    if text.isdigit():
        return int(text)
    parts = words(text).replace(" and ", " ").split()
    if parts[:2] == ["two", "thousand"]:
        rest = parts[2:]
        return 2000 + (lex.YEAR_UNITS.lookup(rest[0]) or lex.YEAR_TENS.lookup(rest[0]) or 0 if rest else 0)
    century = lex.YEAR_CENTURIES.lookup(parts[0]) * 100
    if parts[1] == "hundred":
        return century
    tens = lex.YEAR_TENS.lookup(parts[1])
    units = lex.YEAR_UNITS.lookup(parts[2]) if len(parts) > 2 else 0
    return century + tens + (units or 0)


def parse_count(text: str | None) -> float | None:
    """The number in "three", "12", "1,000", "5 1/2", "two and a half"; None for a vague count, and
    for one past LARGEST_COUNT (300 digits and more, which a float cannot hold scaled)."""
    if text is None:
        return None
    text = words(text)
    half = 0.5 if text.endswith("and a half") or text.endswith(" 1/2") else 0.0
    text = text.removesuffix(" and a half").removesuffix(" 1/2").strip()
    if re.fullmatch(r"\d{1,3}(,\d{3})*|\d+(\.\d+)?", text):
        count = float(text.replace(",", "")) + half
        return count if count <= LARGEST_COUNT else None
    value = lex.NUMBER_WORDS.lookup(text)
    return None if value is None else value + half


def unit_of(text: str) -> str:
    return lex.UNITS.lookup(text)
