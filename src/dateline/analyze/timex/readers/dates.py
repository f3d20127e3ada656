"""Readers of calendar dates: a day ("2021-07-14", "7/14/2021", "July 14", "July 13-15") or a month
("May 2021", "last March", "in April"), with its year written or placed around the anchor."""
from __future__ import annotations

import re
from datetime import date

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import Context, Resolver, Span, dated, unresolved
from dateline.analyze.timex.calendar import interval, narrow, resolve_month, resolve_month_day
from dateline.analyze.timex.lexicon import words
from dateline.analyze.timex.readers.match_words import group, modifier_of, month_number, year_number
from dateline.analyze.timex.readers.nearby import context_word, leaning, next_word
from dateline.model import TimeRef


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
    year_relation = lex.RELATIVE_STEPS.lookup(group(match, "relyear")) if group(match, "relyear") else None
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
