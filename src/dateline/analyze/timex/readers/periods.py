"""Readers of periods counted from the publication date: "last week", "the quarter", "year-ago",
"two days ago", "in two weeks" (and "two days later", counted from the narrative, in `narrative`)."""
from __future__ import annotations

import re
from datetime import date

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import (
    UNIT_PRECISION,
    UNRESOLVED_VALUES,
    Context,
    Resolver,
    Span,
    dated,
    period,
    reference,
    undated,
    unresolved,
)
from dateline.analyze.timex.calendar import interval, last_completed_quarter, narrow, quarter_interval, shift
from dateline.analyze.timex.lexicon import words
from dateline.analyze.timex.readers.durations import duration_value, plain_unit
from dateline.analyze.timex.readers.match_words import group, modifier_of, parse_count, unit_of
from dateline.analyze.timex.readers.narrative import quarter_years_away, read_narrative_count
from dateline.model import TimeRef

# "the quarter" in the first weeks of a new quarter is the one just reported, not the one begun.
REPORTING_DAYS = 45


def read_relative(match: re.Match, span: Span) -> Resolver | None:
    relation, modifier = words(match["rel"]), modifier_of(match)
    unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE"}[words(match["unit"])]
    if unit == "DE" and relation in ("past", "the past"):
        return None  # "over the past decade" is ten years up to now: the duration rule reads it
    precision = UNIT_PRECISION[unit]
    step = lex.RELATIVE_STEPS.lookup(relation)

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision], precision)
        core = shift(ctx.anchor, unit, step)
        first, last = narrow(*interval(core, precision), precision, modifier)
        if relation == "earlier this":
            last = max(first, ctx.anchor)
        elif relation == "later this":
            first = min(last, ctx.anchor)
        return dated(span, core, precision, "publication-relative", ctx.anchor, first=first, last=last)

    return resolve


def reported_quarter(anchor: date, latest: bool) -> tuple[int, int]:
    """The quarter "the quarter" means: the one just reported early in a quarter, else the current one."""
    current = (anchor.year, (anchor.month - 1) // 3 + 1)
    started = quarter_interval(*current)[0]
    if latest or (anchor - started).days < REPORTING_DAYS:
        return last_completed_quarter(anchor)
    return current


def read_period_noun(match: re.Match, span: Span) -> Resolver:
    """ "the year", "the quarter", "the latest quarter": the period of the publication date."""
    unit = words(match["unit"])
    if unit == "period":
        if not group(match, "latest") or "fiscal" in words(match["latest"]):
            return None  # "the period" alone names no particular time
        unit = "quarter"  # "the latest period" of a company's results is its latest quarter
    latest = bool(group(match, "latest")) and words(match["latest"]) not in ("current", "fiscal", "current fiscal")
    letter = lex.PERIOD_NOUNS[unit]
    precision = UNIT_PRECISION[letter]

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision], precision)
        if unit == "quarter":
            year, quarter = reported_quarter(ctx.anchor, latest)
            first, last = quarter_interval(year, quarter)
            return period(span, f"{year:04d}-Q{quarter}", first, last, "quarter", "publication-relative",
                          ctx.anchor)
        core = shift(ctx.anchor, letter, -1 if latest else 0)
        return dated(span, core, precision, "publication-relative", ctx.anchor)

    return resolve


def read_year_ago(match: re.Match, span: Span) -> Resolver:
    """ "the year-earlier quarter", "year-ago": the same period one year before."""
    unit = words(group(match, "unit"))

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, "XXXX", "year")
        if unit == "quarter":
            year, quarter = reported_quarter(ctx.anchor, latest=False)
            first, last = quarter_interval(year - 1, quarter)
            return period(span, f"{year - 1:04d}-Q{quarter}", first, last, "quarter", "publication-relative",
                          ctx.anchor)
        return dated(span, date(ctx.anchor.year - 1, 1, 1), "year", "publication-relative", ctx.anchor)

    return resolve


def read_counted(match: re.Match, span: Span) -> Resolver | None:
    """ "two days ago", "two weeks from now" count from the publication date; "two days later"
    from the narrative."""
    if group(match, "ago"):
        return read_count_from_now(match, span, -1)
    if group(match, "ahead"):
        return read_count_from_now(match, span, 1)
    return read_narrative_count(match, span)


def read_count_from_now(match: re.Match, span: Span, sign: int, may_be_duration: bool = False) -> Resolver | None:
    """ "two days ago" (sign -1) and "in two weeks" / "two weeks from now" (sign +1).

    "in two weeks" is a date only in a future clause (or as "in two weeks' time"); elsewhere it is
    how long something took ("the worst drought in a decade"): a duration.
    """
    unit, count = plain_unit(unit_of(match["unit"]), parse_count(match["n"]))
    if unit in ("H", "MIN", "WE", "Q"):
        return None  # "two hours ago" is finer than a day; "two quarters ago" is rare and vague
    if count is None:  # "a few days ago": only the direction is known
        return lambda ctx: reference(span, "PAST_REF" if sign < 0 else "FUTURE_REF", ctx.anchor)
    precision = UNIT_PRECISION[unit]
    whole = int(count)
    may_be_duration = may_be_duration and not group(match, "time")

    def resolve(ctx: Context) -> TimeRef:
        if may_be_duration and ctx.tense(span) <= 0:
            return undated(span, "DURATION", duration_value(count, unit))
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision], precision)
        if unit == "Y" and ctx.narrative is not None and ctx.narrative.precision == "quarter":
            return quarter_years_away(span, ctx.narrative, sign * whole, "publication-relative", ctx.anchor)
        core = shift(ctx.anchor, unit, sign * whole)
        return dated(span, core, precision, "publication-relative", ctx.anchor)

    return resolve


def read_in_future(match: re.Match, span: Span) -> Resolver | None:
    """ "in two weeks": a date ahead in a future clause, else how long something took."""
    return read_count_from_now(match, span, 1, may_be_duration=True)
