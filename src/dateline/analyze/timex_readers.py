"""Readers of time expressions: one per kind of rule in `lexicon/timex_rules.txt`.

A reader checks its match and returns how to resolve it (a `Resolver`, called later with the
`Context`: the anchor, the tense oracle and the narrative date), or None to drop the match.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

from dateline.analyze import timex_lexicon as lex
from dateline.analyze.timex_build import Context, Resolver, Span, dated, period, timeless, unresolved
from dateline.analyze.timex_calendar import (
    half_interval,
    holiday_date,
    interval,
    month_end,
    narrow,
    place_period,
    quarter_interval,
    resolve_month,
    resolve_month_day,
    season_interval,
    shift,
)
from dateline.model import TimeRef

# Words before a bare season that make it a time: "in summer", "by the spring" ("the" stays inside).
SEASON_CONTEXT_WORDS = ("in", "during", "over", "by", "until", "through", "since", "this", "that", "last",
                        "next", "of", "the")
SENTENCE_OPENERS = ".!?\n\"'“‘(:"
# "will last three days": here "last" is the verb, not "the last three days".
VERB_LAST_BEFORE = ("will", "would", "could", "can", "may", "might", "to", "should", "must", "not", "'ll",
                    "did", "does", "do")
# The next smaller unit and how many of it make one: for the fraction of a duration.
FRACTION_UNITS = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
ADJUSTED_UNIT = {"DE": ("Y", 10), "CE": ("Y", 100), "2W": ("W", 2)}
# A larger count is read as a vague one: counted in years (x100 for centuries) or in a smaller
# unit (x60) it must still be a finite float, which no date or TimeML value can go past anyway.
LARGEST_COUNT = 1e300


# Words and numbers.


def words(text: str | None) -> str | None:
    return " ".join(text.lower().replace("-", " ").split()) if text else None


# Each word list re-keyed by its normalized words, built on first use: readers look words up per match.
_NORMALIZED: dict[int, dict] = {}


def lookup(table: dict, text: str):
    """A word list entry, whatever the case and spacing of the text."""
    normalized = _NORMALIZED.get(id(table))
    if normalized is None:
        normalized = _NORMALIZED[id(table)] = {}
        for entry, value in table.items():
            normalized.setdefault(words(entry), value)  # the first spelling wins, as a scan would
    return normalized.get(words(text))


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
        return 2000 + (lookup(lex.YEAR_UNITS, rest[0]) or lookup(lex.YEAR_TENS, rest[0]) or 0 if rest else 0)
    century = lookup(lex.YEAR_CENTURIES, parts[0]) * 100
    if parts[1] == "hundred":
        return century
    tens = lookup(lex.YEAR_TENS, parts[1])
    units = lookup(lex.YEAR_UNITS, parts[2]) if len(parts) > 2 else 0
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
    value = lookup(lex.NUMBER_WORDS, text)
    return None if value is None else value + half


def unit_of(text: str) -> str:
    return lookup(lex.UNITS, text)


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


# The text around a match.


def is_mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in SENTENCE_OPENERS


def next_word(text: str, end: int) -> str:
    found = re.match(r"\s+([A-Za-z]+)", text[end:end + 40])
    return found.group(1) if found else ""


def previous_word(text: str, start: int) -> str:
    found = re.search(r"([A-Za-z']+)\s+$", text[max(0, start - 40):start])
    return found.group(1).lower() if found else ""


def counts_things(text: str, end: int) -> bool:
    """Whether the number ending at `end` counts a noun after it ("rose to 2000 people")."""
    following = next_word(text, end)
    if following in lex.COUNT_NOUNS:
        return True
    return following.islower() and following.endswith("s") and \
        following not in lex.WORDS_ENDING_IN_S_THAT_ARE_NOT_NOUNS


def leaning(text: str, start: int) -> int:
    """+1 after words that point ahead when the clause has no tense ("as soon as Tuesday", "by May")."""
    before = " ".join(text[max(0, start - 20):start].lower().split())
    return 1 if any(before.endswith(words) for words in lex.FUTURE_LEANING_BEFORE) else 0


def context_word(text: str, start: int, allowed) -> str | None:
    """The word (or two) before an expression when it is one of `allowed` ("in", "as of")."""
    before = " ".join(text[max(0, start - 24):start].lower().split()).split(" ")
    for size in (2, 1):
        candidate = " ".join(before[-size:])
        if candidate in allowed:
            return candidate
    return None


def modifier_of(match: re.Match) -> str | None:
    found = match.groupdict().get("mod")
    return lookup(lex.PERIOD_MODIFIERS, found) if found else None


def group(match: re.Match, name: str) -> str | None:
    return match.groupdict().get(name)


def relation_step(match: re.Match) -> int | None:
    """-1, 0 or +1 for "last", "this", "next" before a period name; None when there is none."""
    relation = group(match, "rel")
    return lookup(lex.RELATIVE_STEPS, relation) if relation else None


# Calendar dates.


def read_iso(match: re.Match, span: Span) -> Resolver | None:
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return lambda ctx: dated(span, day, "day", "absolute", None)


def read_numeric_date(match: re.Match, span: Span) -> Resolver | None:
    """7/14/2021 or 14/7/2021; when both orders are real dates of different days, we do not guess."""
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    readings = set()
    for month, day in ((first, second), (second, first)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    if len(readings) != 1:
        return None
    day = readings.pop()
    return lambda ctx: dated(span, day, "day", "absolute", None)


def read_month_day(match: re.Match, span: Span) -> Resolver | None:
    month, day = month_number(match["month"]), int(match["day"])
    last_month = month_number(group(match, "month2")) if group(match, "month2") else month
    last_day = int(match["day2"]) if group(match, "day2") else day
    if group(match, "day2") and (last_month, last_day) <= (month, day):
        return None  # "July 13 and 5 others": not a range

    def place(first_year: int) -> tuple[date, date] | None:
        try:
            first = date(first_year, month, day)
            return first, date(first_year + (last_month < month), last_month, last_day)
        except ValueError:
            return None

    if group(match, "year"):
        bounds = place(year_number(match["year"]))
        return None if bounds is None else lambda ctx: dated(span, bounds[0], "day", "absolute", None,
                                                              last=bounds[1])

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-{month:02d}-{day:02d}", "day")
        first = resolve_month_day(ctx.anchor, month, day, ctx.tense(span) or leaning(match.string, span.start))
        bounds = place(first.year) if first else None
        if bounds is None:
            return unresolved(span, f"XXXX-{month:02d}-{day:02d}", "day")
        return dated(span, bounds[0], "day", "publication-relative", ctx.anchor, last=bounds[1])

    if place(2000) is None:  # no such day in any year (a leap year tells February 29 apart)
        return None
    return resolve


def read_month(match: re.Match, span: Span) -> Resolver | None:
    relation, modifier = words(group(match, "rel")), modifier_of(match)
    year_relation = lookup(lex.RELATIVE_STEPS, group(match, "relyear")) if group(match, "relyear") else None
    if not (context_word(match.string, span.start, lex.YEAR_CONTEXT_WORDS) or relation or modifier or group(match, "year") or year_relation is not None):
        return None  # a bare "May" or "March" is too often a verb or a name
    if match["month"] == "May" and not (group(match, "year") or modifier or relation) and \
            next_word(match.string, span.end)[:1].isupper():
        return None  # "to May Day", "by May Gibbs"
    month = month_number(match["month"])

    def place(core: date, basis: str, anchor: date | None) -> TimeRef:
        first, last = narrow(*interval(core, "month"), "month", modifier)
        return dated(span, core, "month", basis, anchor, first=first, last=last)

    if group(match, "year"):
        return lambda ctx: place(date(year_number(match["year"]), month, 1), "absolute", None)

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-{month:02d}", "month")
        if year_relation is not None:
            core = date(ctx.anchor.year + year_relation, month, 1)
        elif relation == "this":
            core = date(ctx.anchor.year, month, 1)
        elif relation:
            core = resolve_month(ctx.anchor, month, 1 if "next" in relation or "coming" in relation else -1,
                                 strict=True)
        else:
            # With no tense ("the summit in April"), the nearest such month.
            core = resolve_month(ctx.anchor, month, ctx.tense(span) or leaning(match.string, span.start))
        return place(core, "publication-relative", ctx.anchor)

    return resolve


def yearly(span: Span, match: re.Match, precision: str, value_of: Callable[[int], str],
           bounds_of: Callable[[int], tuple[date, date]], relation: int | None = None) -> Resolver:
    """A period that recurs every year (a season, a quarter, a holiday): its year written, or placed
    around the anchor by the relation words or the tense."""
    if group(match, "year"):
        year = year_number(match["year"])
        return lambda ctx: period(span, value_of(year), *bounds_of(year), precision, "absolute", None)

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, value_of(None), precision)
        candidates = [bounds_of(year) for year in range(ctx.anchor.year - 2, ctx.anchor.year + 2)]
        first, last = place_period(ctx.anchor, candidates, ctx.tense(span) or -1, relation)
        year = candidates[[c[0] for c in candidates].index(first)][0].year
        return period(span, value_of(year), first, last, precision, "publication-relative", ctx.anchor)

    return resolve


def year_label(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def read_season(match: re.Match, span: Span) -> Resolver | None:
    code = lex.SEASONS[match["season"].lower()]
    modifier = modifier_of(match)
    named_as_time = group(match, "rel") or group(match, "year") or modifier
    context = context_word(match.string, span.start, SEASON_CONTEXT_WORDS)
    if not named_as_time and (not context or next_word(match.string, span.end) == "of"):
        return None  # "a fall in prices", "the fall of Kabul", "the Arab Spring"
    if not named_as_time and code == "FA" and context in ("the", "of", "by"):
        return None  # "the fall", "by the fall" are mostly a drop

    def bounds(year: int) -> tuple[date, date]:
        first, last = season_interval(year, code)
        if modifier in ("early", "mid", "late"):
            third = {"early": 0, "mid": 1, "late": 2}[modifier]
            first = shift(first, "M", third)
            last = month_end(first.year, first.month)
        return first, last

    return yearly(span, match, "season", lambda year: f"{year_label(year)}-{code}", bounds, relation_step(match))


def read_quarter(match: re.Match, span: Span) -> Resolver | None:
    ordinal = group(match, "ord")
    if ordinal and words(ordinal) in ("last", "final") and not group(match, "year"):
        return None  # "the last quarter" is relative, read by the `relative` rule
    quarter = lookup(lex.QUARTER_ORDINALS, ordinal) if ordinal else int(match["q"])
    return yearly(span, match, "quarter", lambda year: f"{year_label(year)}-Q{quarter}",
                  lambda year: quarter_interval(year, quarter))


def read_half(match: re.Match, span: Span) -> Resolver | None:
    half = lookup(lex.HALF_ORDINALS, group(match, "ord")) if group(match, "ord") else int(match["h"])
    if group(match, "ord") and not (group(match, "year") or group(match, "relyear")):
        return None  # "the first half" of a match, a film, a speech
    relation = lookup(lex.RELATIVE_STEPS, group(match, "relyear")) if group(match, "relyear") else None
    if relation is not None:
        def resolve(ctx: Context) -> TimeRef:
            if ctx.anchor is None:
                return unresolved(span, f"XXXX-H{half}", "half")
            year = ctx.anchor.year + relation
            return period(span, f"{year:04d}-H{half}", *half_interval(year, half), "half",
                          "publication-relative", ctx.anchor)
        return resolve
    return yearly(span, match, "half", lambda year: f"{year_label(year)}-H{half}",
                  lambda year: half_interval(year, half))


def read_holiday(match: re.Match, span: Span) -> Resolver:
    spec = lex.HOLIDAYS[" ".join(match["name"].split())]

    def bounds(year: int) -> tuple[date, date]:
        day = holiday_date(spec, year)
        return day, day

    def value(year: int | None) -> str:
        if year is None:
            return "XXXX-XX-XX" if "easter" in spec or "weekday" in spec else f"XXXX-{spec['month']:02d}-{spec['day']:02d}"
        return holiday_date(spec, year).isoformat()

    return yearly(span, match, "day", value, bounds, relation_step(match))


def read_fiscal_year(match: re.Match, span: Span) -> Resolver:
    """ "fiscal 2021", "FY22": the year's value, as TimeBank writes it; fiscal calendars differ by
    country and company, so the interval is the calendar year."""
    if group(match, "short"):
        short = match["short"]
        year = int(short) if len(short) == 4 else 2000 + int(short)
    else:
        year = year_number(match["year"])
    # Dated when resolved, so "FY0000" (no year 0) is left unresolved rather than failing the text.
    return lambda ctx: dated(span, date(year, 1, 1), "year", "absolute", None)


def read_year_range(match: re.Match, span: Span) -> Resolver | None:
    """ "1996-2001", "2019-20": one expression from the first year to the end of the second."""
    first = int(match["year"])
    second_text = match["year2"]
    second = int(second_text) if len(second_text) == 4 else first - first % 100 + int(second_text)
    if second <= first or second - first > 50:
        return None  # "1990-1985" or a phone number, not a range
    if match.string[span.start + 4] == "/" and second - first != 1:
        return None  # "2019/20" is a season or a fiscal year; "1995/2003" is not a range
    return lambda ctx: period(span, f"{first:04d}", date(first, 1, 1), date(second, 12, 31), "year",
                              "absolute", None)


def read_decade(match: re.Match, span: Span) -> Resolver:
    modifier = modifier_of(match)

    def place(decade_start: int) -> TimeRef:
        core = date(decade_start, 1, 1)
        first, last = narrow(*interval(core, "decade"), "decade", modifier)
        return dated(span, core, "decade", "absolute", None, first=first, last=last)

    if group(match, "decade"):
        return lambda ctx: place(int(match["decade"]) * 10)
    digit = int(match["short"]) if group(match, "short") else lookup(lex.DECADE_WORDS, match["word"])

    def resolve(ctx: Context) -> TimeRef:
        # "the '90s" names the latest such decade that has begun: the 1990s, seen from 2013.
        now = ctx.anchor.year if ctx.anchor else 1999
        century = now - now % 100
        start = century + digit * 10
        return place(start if start <= now else start - 100)

    return resolve


def read_century(match: re.Match, span: Span) -> Resolver | None:
    ordinal = group(match, "ord") or group(match, "word")
    if ordinal:
        number = int(ordinal) if ordinal.isdigit() else lookup(lex.CENTURY_ORDINALS, ordinal)
        if number < 1:
            return None  # "the 0th century" is no century
        core = date(max(1, (number - 1) * 100), 1, 1)
        return lambda ctx: dated(span, core, "century", "absolute", None)
    step = relation_step(match) or 0

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, "XX", "century")
        core = date(ctx.anchor.year - ctx.anchor.year % 100 + 100 * step, 1, 1)
        return dated(span, core, "century", "publication-relative", ctx.anchor)

    return resolve


def read_year(match: re.Match, span: Span) -> Resolver | None:
    modifier = modifier_of(match)
    spelled = not match["year"].isdigit()
    if spelled and not (context_word(match.string, span.start, lex.YEAR_CONTEXT_WORDS) or modifier or span.text.lower().startswith("the year")):
        return None  # "nineteen eighty" alone may be a count
    if counts_things(match.string, span.end):
        return None  # "2000 people"
    core = date(year_number(match["year"]), 1, 1)
    first, last = narrow(*interval(core, "year"), "year", modifier)
    return lambda ctx: dated(span, core, "year", "absolute", None, first=first, last=last)


BEFORE_CHRIST = frozenset({"BC", "BCE", "B.C.", "B.C.E."})
LAST_YEAR = 9999  # the calendar's last year: a later one keeps no value, never a wrong one


def read_era_year(match: re.Match, span: Span) -> Resolver | None:
    """A year or a century with its era ("3000 BC", "AD 70", "the 5th century BC") or past the
    calendar ("the year 99999"). Before year 1 it keeps its TimeML value (BC3000, BC04 for the
    5th century BC) and no day; past 9999 it is unresolved; in our era, an ordinary year."""
    ordinal = group(match, "ord") or group(match, "word")
    if ordinal:
        number = int(ordinal) if ordinal.isdigit() else lookup(lex.CENTURY_ORDINALS, ordinal)
        if not number:
            return None
        if match["era"] in BEFORE_CHRIST:
            return lambda ctx: timeless(span, f"BC{number - 1:02d}", "century")
        return lambda ctx: dated(span, date(max(1, (number - 1) * 100), 1, 1), "century", "absolute", None)
    year = int(match["year"].replace(",", ""))
    if year == 0 or counts_things(match.string, span.end):
        return None  # no year 0 in either era; "300 CE units" counts things
    if group(match, "era") in BEFORE_CHRIST:
        return lambda ctx: timeless(span, f"BC{year:04d}", "year")
    if year > LAST_YEAR:
        return lambda ctx: unresolved(span, "XXXX", "year")
    return lambda ctx: dated(span, date(year, 1, 1), "year", "absolute", None)
