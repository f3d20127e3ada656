"""Readers of dates counted from the narrative, the latest calendar date the text has named ("the
next day", "that year", "two months later"), else from the publication date."""
from __future__ import annotations

import re
from datetime import date

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import (
    PRECISION_ORDER,
    UNIT_PRECISION,
    UNRESOLVED_VALUES,
    Context,
    Resolver,
    Span,
    dated,
    part_suffix,
    period,
    unresolved,
)
from dateline.analyze.timex.calendar import interval, shift
from dateline.analyze.timex.lexicon import words
from dateline.analyze.timex.readers.durations import plain_unit
from dateline.analyze.timex.readers.match_words import parse_count, unit_of
from dateline.model import TimeRef


def coarser(first: str, second: str) -> str:
    return max(first, second, key=PRECISION_ORDER.index)


def shift_end(day: date, unit: str, steps: int) -> date:
    """The last day of a period's end moved by the step (a month keeps its last day)."""
    if unit in ("D", "W"):
        return shift(day, unit, steps)
    if unit in ("M", "Q"):
        return interval(shift(day, unit, steps), "month")[1]
    return date(shift(day, unit, steps).year, 12, 31)


def quarter_years_away(span: Span, quarter: TimeRef, years: int, basis: str, anchor: date) -> TimeRef:
    """ "profit rose from a year earlier" after "the third quarter": that quarter, years away
    (results compare a quarter with the same quarter of another year)."""
    first = shift(quarter.first_day, "Q", 4 * years)
    return dated(span, first, "quarter", basis, anchor)


def read_narrative(span: Span, unit: str, steps: int, part: str | None = None) -> Resolver:
    """Dates counted from the latest calendar date before them in the text, else from the anchor.

    A narrative date coarser than the unit keeps its own precision: two months after "in 2001" is
    only known as 2001, and its interval moves by the step.
    """
    unit, steps = plain_unit(unit, steps)
    steps = int(steps)
    precision = UNIT_PRECISION[unit]
    suffix, kind = part_suffix(part)

    def resolve(ctx: Context) -> TimeRef:
        base = ctx.narrative
        if base is None and ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision] + suffix, precision, kind)
        if base is None:
            core = shift(ctx.anchor, unit, steps)
            return dated(span, core, precision, "publication-relative", ctx.anchor, suffix=suffix, kind=kind)
        if unit == "Y" and base.precision == "quarter":
            return quarter_years_away(span, base, steps, "narrative-relative", base.first_day)
        level = coarser(precision, base.precision)
        first = shift(base.first_day, unit, steps)
        if level == precision:
            return dated(span, first, precision, "narrative-relative", base.first_day, suffix=suffix, kind=kind)
        last = shift_end(base.last_day, unit, steps)
        if level in UNRESOLVED_VALUES:
            return dated(span, first, level, "narrative-relative", base.first_day, first=first, last=last)
        return period(span, base.value, first, last, level, "narrative-relative", base.first_day)

    return resolve


def read_narrative_unit(match: re.Match, span: Span) -> Resolver:
    step, unit = lex.NARRATIVE_STEPS.lookup(match["rel"]), words(match["unit"])
    if unit in lex.PARTS_OF_DAY:  # "the next morning"
        return read_narrative(span, "D", step, lex.PARTS_OF_DAY[unit])
    if unit == "weekend":
        return read_narrative(span, "W", step)
    return read_narrative(span, unit_of(unit), step)


def read_narrative_day(match: re.Match, span: Span) -> Resolver:
    return read_narrative(span, "D", lex.NARRATIVE_STEPS.lookup(match["rel"]))


def read_narrative_count(match: re.Match, span: Span) -> Resolver | None:
    unit, count = unit_of(match["unit"]), parse_count(match["n"])
    if count is None or unit in ("H", "MIN", "WE") or count != int(count):
        return None
    return read_narrative(span, unit, int(count) * lex.NARRATIVE_STEPS.lookup(match["rel"]))
