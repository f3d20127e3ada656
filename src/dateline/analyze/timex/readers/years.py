"""Readers of years and longer spans: a year ("2021", "nineteen ninety-six", "fiscal 2021"), a range
of years ("1996-2001"), a decade ("the 1990s", "the '90s"), a century ("the 21st century"), and a
year of either era ("3000 BC", "AD 70")."""
from __future__ import annotations

import re
from datetime import date

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import Context, Resolver, Span, dated, period, timeless, unresolved
from dateline.analyze.timex.calendar import interval, narrow
from dateline.analyze.timex.lexicon import BEFORE_CHRIST
from dateline.analyze.timex.readers.match_words import group, modifier_of, relation_step, year_number
from dateline.analyze.timex.readers.nearby import context_word, counts_things
from dateline.model import TimeRef


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
    digit = int(match["short"]) if group(match, "short") else lex.DECADE_WORDS.lookup(match["word"])

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
        number = int(ordinal) if ordinal.isdigit() else lex.CENTURY_ORDINALS.lookup(ordinal)
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


LAST_YEAR = 9999  # the calendar's last year: a later one keeps no value, never a wrong one


def read_era_year(match: re.Match, span: Span) -> Resolver | None:
    """A year or a century with its era ("3000 BC", "AD 70", "the 5th century BC") or past the
    calendar ("the year 99999"). Before year 1 it keeps its TimeML value (BC3000, BC04 for the
    5th century BC) and no day; past 9999 it is unresolved; in our era, an ordinary year."""
    ordinal = group(match, "ord") or group(match, "word")
    if ordinal:
        number = int(ordinal) if ordinal.isdigit() else lex.CENTURY_ORDINALS.lookup(ordinal)
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
