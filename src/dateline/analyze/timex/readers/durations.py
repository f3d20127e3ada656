"""Durations ("three days", "the past two years", "for years", "a 10-year plan") and their TimeML
values (P3D, P10Y for a decade, PT1H30M), which counted dates and sets write too."""
from __future__ import annotations

import re

from dateline.analyze.timex.build import Resolver, Span, undated
from dateline.analyze.timex.lexicon import VERB_LAST_BEFORE, words
from dateline.analyze.timex.readers.match_words import group, parse_count, unit_of
from dateline.analyze.timex.readers.nearby import next_word, previous_word

# The next smaller unit and how many of it make one: for the fraction of a duration.
FRACTION_UNITS = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
ADJUSTED_UNIT = {"DE": ("Y", 10), "CE": ("Y", 100), "2W": ("W", 2)}


def amount_text(count: float) -> str:
    """ "3", "2.5": never the exponent form "%g" gives a large count ("1.23457e+07")."""
    return str(int(count)) if count == int(count) else f"{count:f}".rstrip("0").rstrip(".")


def duration_value(count: float | None, unit: str) -> str:
    """TimeML duration: P3D, P10Y for a decade, PT2H, PT30M, PT5H30M, P1DT12H; X for a vague count."""
    if unit in ADJUSTED_UNIT:
        unit, factor = ADJUSTED_UNIT[unit]
        count = None if count is None else count * factor
    time = unit in ("H", "MIN")
    letter = "M" if unit == "MIN" else unit
    prefix = "PT" if time else "P"
    if count is None:
        return f"{prefix}X{letter}"
    smaller = FRACTION_UNITS.get(unit)
    if count != int(count) and smaller:  # TimeML writes "2 1/2 years" as P2Y6M and "1.5 hours" as PT1H30M
        smaller_letter, per = smaller
        # Rounded in the smaller unit, so "1.999 hours" is PT2H, not PT1H60M.
        whole, rest = divmod(round(count * per), per)
        if not rest:
            return f"{prefix}{whole}{letter}"
        # ISO 8601 puts a T before the hours of a date duration ("1.5 days" is P1DT12H, not P1D12H).
        time_mark = "T" if smaller_letter == "H" and not time else ""
        return f"{prefix}{whole}{letter}{time_mark}{rest}{smaller_letter}"
    return f"{prefix}{amount_text(count)}{letter}"


def plain_unit(unit: str, count: float | None) -> tuple[str, float | None]:
    """Decades and centuries counted in years, fortnights in weeks: "a decade ago" is a year."""
    if unit in ADJUSTED_UNIT:
        letter, factor = ADJUSTED_UNIT[unit]
        return letter, None if count is None else count * factor
    return unit, count


def read_duration(match: re.Match, span: Span) -> Resolver | None:
    """ "three days", "the past two years", "for years", "a 10-year plan", "about a month"."""
    text = match.string
    relation = words(group(match, "rel"))
    unit_word = words(match["unit"])
    unit = unit_of(unit_word)
    if unit == "WE" or next_word(text, span.end).lower() == "old" or span.text.lower().endswith("-old"):
        return None  # ages ("52 years old") are not annotated as times
    if relation == "last" and previous_word(text, span.start) in VERB_LAST_BEFORE:
        return None  # "will last three days": the verb; the bare rule reads "three days"
    count_text = group(match, "n")
    plural = unit_word.endswith("s") or unit_word.endswith("ies")
    if count_text is None and not plural and not relation:
        return None  # "for week", "over day"
    if count_text is None and not plural and relation in ("first", "final", "remaining", "following"):
        return None  # "the first day of talks"
    if count_text is None and not plural and relation in ("last", "past", "previous", "preceding") and \
            unit in ("W", "M", "Y", "Q"):
        return None  # "the past week" is the week before this one: a date, read by the relative rule
    count = parse_count(count_text) if count_text and not group(match, "vague") else None
    if count_text and re.search(r"\b(?:to|or)\b", count_text.lower()):
        count = None  # "two to three weeks": a range of lengths
    if count_text is None and not plural:
        count = 1
    value = duration_value(count, unit)
    return lambda ctx: undated(span, "DURATION", value)
