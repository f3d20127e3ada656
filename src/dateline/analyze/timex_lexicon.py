"""Word lists and patterns for time expressions (TIMEX); `timex.py` holds the logic.

Month and weekday names are matched case-sensitively, so "they may meet" and "a protest march" never
become dates; function words ("last", "the next", "ago") are matched in any case, so a sentence that
opens with "Last week" or "Earlier this month" is found. Every pattern names the time expression itself
in a group `t`; context words around it (a preposition that licenses a bare year) stay outside the span.
"""
from __future__ import annotations

import re

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}
# Abbreviations only count with a day or a year after them ("Jul. 13", "Sept 2021").
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
WEEKDAYS = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
# Counts with no number: their values carry an X ("PXD"), and "a few days ago" is only PAST_REF.
VAGUE_NUMBERS = ("a few", "a couple of", "several", "few", "many")
# TimeML unit letters; hours make PT..H durations and nothing else.
UNITS = {
    "day": "D", "days": "D", "week": "W", "weeks": "W", "fortnight": "2W", "fortnights": "2W",
    "month": "M", "months": "M", "year": "Y", "years": "Y", "decade": "DE", "decades": "DE",
    "hour": "H", "hours": "H",
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Words that name a day relative to the publication date: (days from it, part of the day or None).
DAY_WORDS = {
    "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None), "tonight": (0, "NI"),
    "last night": (-1, "NI"), "this morning": (0, "MO"), "this afternoon": (0, "AF"),
    "this evening": (0, "EV"), "the day before yesterday": (-2, None),
    "the day after tomorrow": (2, None),
}
# Capitalised mid-sentence, these are names ("India Today", "USA Today"), not days.
NAME_PRONE_DAY_WORDS = ("Today", "Tonight")
QUARTER_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}
# "mid-July", "late 2021", "the end of 2021": the part of a month, year or decade meant.
PERIOD_MODIFIERS = {
    "early": "early", "mid": "mid", "late": "late", "the end of": "late", "the start of": "early",
    "the beginning of": "early", "the middle of": "mid", "the first half of": "first-half",
    "the second half of": "second-half",
}
# Which units of the period a modifier keeps: days of a month, months of a year, years of a decade.
MODIFIER_RANGES = {
    "month": {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "first-half": (1, 15), "second-half": (16, 31)},
    "year": {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first-half": (1, 6), "second-half": (7, 12)},
    "decade": {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "first-half": (0, 4), "second-half": (5, 9)},
}
# Steps from the publication date ("last week") and from the narrative date ("the next day").
RELATIVE_STEPS = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
                  "earlier this": 0, "later this": 0}
NARRATIVE_STEPS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0,
                   "after": 1, "before": -1, "later": 1, "earlier": -1}
WEEKDAY_STEPS = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1,
                 "this": 0}
# Which weekend a phrase means, relative to the weekend of the publication date's week.
WEEKEND_CHOICES = {"the": "nearest", "this": "this", "last": "previous", "past": "previous",
                   "this past": "previous", "next": "next", "coming": "upcoming", "this coming": "upcoming"}
# Only these reference words are blocked by the words around them ("soon after", "as soon as").
BLOCKABLE_REFERENCES = ("soon", "shortly")
REFERENCE_WORDS = {
    "recently": "PAST_REF", "lately": "PAST_REF", "recent days": "PAST_REF", "recent weeks": "PAST_REF",
    "recent months": "PAST_REF", "recent years": "PAST_REF", "the past": "PAST_REF",
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "the coming days": "FUTURE_REF",
    "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the future": "FUTURE_REF",
}
# "soon after the attack", "as soon as": relative to an event, not to now.
REFERENCE_BLOCKERS_BEFORE = ("as",)
REFERENCE_BLOCKERS_AFTER = ("after", "before", "as", "afterwards", "thereafter")
SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M",
    "annually": "P1Y", "yearly": "P1Y", "biannually": "P6M",
}
FREQUENCIES = ("once", "twice", "three times", "four times")
# Words that license a bare year: "in 2021", "since 2019", "the elections of 2024".
YEAR_CONTEXT_WORDS = (
    "in", "since", "by", "until", "till", "through", "throughout", "from", "of", "during", "before",
    "after", "between", "to", "and", "around", "circa", "as of", "within",
)
MONTH_CONTEXT_WORDS = YEAR_CONTEXT_WORDS
# After "to 2000" or "of 1999" these words say the number counts things ("rose to 2000 people").
COUNT_NOUNS = ("people", "men", "women", "children", "troops", "soldiers", "police", "staff", "personnel")
WORDS_ENDING_IN_S_THAT_ARE_NOT_NOUNS = ("as", "was", "is", "has", "this", "its", "his", "us", "across",
                                        "towards", "afterwards", "unless", "whereas", "perhaps")
DURATION_CONTEXT_WORDS = ("for", "over", "lasting", "within", "during", "spanning", "throughout")
DURATION_QUALIFIERS = ("about", "nearly", "almost", "around", "some", "more than", "less than",
                       "at least", "up to", "roughly", "over")


def alternation(words, ignore_case: bool = False) -> str:
    """A regex alternation of the words, longest first, with any whitespace between their parts."""
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def month_group(name: str) -> str:
    """A month name or abbreviation (with an optional period) captured in the named group."""
    return rf"(?P<{name}>{alternation(MONTHS)}\b|{alternation(MONTH_ABBREVIATIONS)}\b\.?)"


# Regex fragments shared by the patterns below.
FULL_MONTH = rf"(?P<month>{alternation(MONTHS)})\b"
WEEKDAY = alternation(WEEKDAYS)
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
DAY_NUMBER = rf"(?P<day>{DAY})(?:st|nd|rd|th)?(?!\d)"
DAY_NUMBER_2 = rf"(?P<day2>{DAY})(?:st|nd|rd|th)?(?!\d)"
YEAR_NUMBER = r"(?<![\d,.])(?P<year>(?:19|20)\d\d)(?!\d|,\d|-\d)"
RANGE_SEPARATOR = r"\s*(?:-|–|—|to\s|and\s|through\s|until\s)\s*"
NUMBER = rf"(?:\d{{1,3}}|{alternation(NUMBER_WORDS, ignore_case=True)})"
COUNT = rf"(?P<n>{alternation(VAGUE_NUMBERS, ignore_case=True)}|{NUMBER})"
STRICT_NUMBER = rf"(?:\d{{1,3}}|{alternation(set(NUMBER_WORDS) - {'a', 'an'}, ignore_case=True)})"
STRICT_COUNT = rf"(?P<n>{STRICT_NUMBER})"
UNIT = rf"(?P<unit>{alternation(UNITS, ignore_case=True)})\b"
PART = rf"(?P<part>{alternation(PARTS_OF_DAY, ignore_case=True)})\b"
MODIFIER = rf"(?P<mod>{alternation(PERIOD_MODIFIERS, ignore_case=True)})(?:-|\s+)"
WEEKDAY_PREFIX = rf"(?:{WEEKDAY}\s*,?\s+)?"
YEAR_SUFFIX = rf"(?:\s*,?\s*{YEAR_NUMBER})?"

PATTERNS = {
    "iso": rf"\b(?P<t>(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>{DAY}))\b",
    "month_day": rf"\b(?P<t>{WEEKDAY_PREFIX}{month_group('month')}\s*{DAY_NUMBER}"
                 rf"(?:{RANGE_SEPARATOR}(?:{month_group('month2')}\s*)?{DAY_NUMBER_2})?{YEAR_SUFFIX})",
    "day_month": rf"\b(?P<t>{WEEKDAY_PREFIX}(?:(?i:the)\s+)?{DAY_NUMBER}(?:{RANGE_SEPARATOR}{DAY_NUMBER_2})?"
                 rf"\s+(?:(?i:of)\s+)?{month_group('month')}{YEAR_SUFFIX})",
    "month": rf"(?:\b(?P<ctx>{alternation(MONTH_CONTEXT_WORDS, ignore_case=True)})\s+)?"
             rf"\b(?P<t>(?:(?P<rel>(?i:last|next|this))\s+)?(?:{MODIFIER})?{FULL_MONTH}(?:\s*,?\s+{YEAR_NUMBER})?)",
    "abbreviated_month_year": rf"\b(?P<t>{month_group('month')}\s+{YEAR_NUMBER})",
    "quarter": rf"\b(?P<t>(?:(?i:the)\s+)?(?P<ord>{alternation(QUARTER_ORDINALS, ignore_case=True)})\s+"
               rf"(?i:quarter)(?:\s+(?:(?i:of)\s+)?{YEAR_NUMBER})?)\b",
    "quarter_code": rf"\b(?P<t>Q(?P<q>[1-4])\s+{YEAR_NUMBER})",
    "decade": rf"\b(?P<t>(?:(?i:the)\s+)?(?:{MODIFIER})?(?P<decade>(?:19|20)\d)0s)\b",
    "year": rf"(?:\b(?P<ctx>{alternation(YEAR_CONTEXT_WORDS, ignore_case=True)})\s+)?"
            rf"(?P<t>(?:{MODIFIER})?{YEAR_NUMBER})",
    "day_word": rf"\b(?P<t>(?P<word>{alternation(DAY_WORDS, ignore_case=True)})(?:\s+{PART})?)\b",
    "weekday": rf"\b(?P<t>(?:(?P<rel>{alternation(WEEKDAY_STEPS, ignore_case=True)})\s+)?"
               rf"(?P<weekday>{WEEKDAY})(?:\s+{PART})?)\b",
    "weekend": rf"\b(?P<t>(?P<rel>{alternation(WEEKEND_CHOICES, ignore_case=True)})\s+"
               r"(?i:weekend))\b",
    "relative": rf"\b(?P<t>(?:{MODIFIER})?(?P<rel>{alternation(RELATIVE_STEPS, ignore_case=True)})\s+"
                r"(?P<unit>(?i:week|month|year|quarter)))\b",
    "ago": rf"\b(?P<t>{COUNT}\s+{UNIT}\s+(?i:ago))\b",
    "from_now": rf"\b(?P<t>{COUNT}\s+{UNIT}\s+(?i:from\s+now))\b",
    "in_future": rf"\b(?i:in)\s+(?P<t>{COUNT}\s+{UNIT}(?P<time>['’]?\s+time\b)?)",
    "narrative_unit": r"\b(?P<t>(?i:the)\s+(?P<rel>(?i:next|following|previous|preceding|same))\s+"
                      r"(?P<unit>(?i:day|week|month|year|morning|afternoon|evening|night))\b)",
    "narrative_day": r"\b(?P<t>(?i:the)\s+day\s+(?P<rel>(?i:before|after)))\b",
    "narrative_count": rf"\b(?P<t>{COUNT}\s+{UNIT}\s+(?P<rel>(?i:later|earlier)))\b",
    "reference": rf"\b(?P<t>{alternation(REFERENCE_WORDS, ignore_case=True)})\b",
    "set_every": rf"\b(?P<t>(?i:every|each)\s+(?:(?P<n>{NUMBER}|(?i:other))\s+)?"
                 rf"(?:{UNIT}|(?P<weekday>{WEEKDAY})\b))",
    "set_word": rf"\b(?P<t>(?P<word>{alternation(SET_WORDS)}))\b",
    "set_frequency": rf"\b(?P<t>(?P<freq>{alternation(FREQUENCIES, ignore_case=True)})\s+(?:a|an|per|every)\s+"
                     r"(?P<unit>(?i:day|week|month|year))\b)",
    "duration_span": rf"\b(?P<t>(?:(?i:the)\s+)?(?P<rel>(?i:past|last|next|coming|following))\s+"
                     rf"(?:{COUNT}\s+)?{UNIT})",
    "duration_for": rf"\b(?i:{alternation(DURATION_CONTEXT_WORDS)})\s+"
                    rf"(?:{alternation(DURATION_QUALIFIERS, ignore_case=True)}\s+)?(?P<t>(?:{COUNT}\s+)?{UNIT})",
    "duration_compound": rf"\b(?P<t>{STRICT_COUNT}-{UNIT}(?:-(?i:long))?)(?!-)",
    "duration_bare": rf"\b(?P<t>(?P<n>{alternation(VAGUE_NUMBERS, ignore_case=True)}|{STRICT_NUMBER})\s+{UNIT})",
}
# When two readings cover the same text, the one listed first wins (dict order above).
RULE_PRIORITY = {name: rank for rank, name in enumerate(PATTERNS)}
COMPILED_PATTERNS = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}
