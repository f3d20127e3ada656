"""Readers of periods that recur every year: seasons, quarters, halves and holidays ("last summer",
"the third quarter of 2021", "the first half of next year", "Christmas")."""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import Context, Resolver, Span, period, unresolved
from dateline.analyze.timex.calendar import (
    half_interval,
    holiday_date,
    month_end,
    place_period,
    quarter_interval,
    season_interval,
    shift,
)
from dateline.analyze.timex.lexicon import SEASON_CONTEXT_WORDS, words
from dateline.analyze.timex.readers.match_words import group, modifier_of, relation_step, year_number
from dateline.analyze.timex.readers.nearby import context_word, next_word
from dateline.model import TimeRef


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
    quarter = lex.QUARTER_ORDINALS.lookup(ordinal) if ordinal else int(match["q"])
    return yearly(span, match, "quarter", lambda year: f"{year_label(year)}-Q{quarter}",
                  lambda year: quarter_interval(year, quarter))


def read_half(match: re.Match, span: Span) -> Resolver | None:
    half = lex.HALF_ORDINALS.lookup(group(match, "ord")) if group(match, "ord") else int(match["h"])
    if group(match, "ord") and not (group(match, "year") or group(match, "relyear")):
        return None  # "the first half" of a match, a film, a speech
    relation = lex.RELATIVE_STEPS.lookup(group(match, "relyear")) if group(match, "relyear") else None
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
