"""Time expressions (TIMEX) found in plain text and normalized against the article's date.

`find_times` works in five steps:
1. every rule in `lexicon/timex_rules.txt` proposes readings, each checked by its reader;
2. overlaps are settled: the longest expression wins, then the one with more context, then rule order;
3. the survivors are resolved in text order against the publication date (the anchor) or, for
   "the next day" and its kin, against the latest calendar date met before them in the text;
4. a clock time next to a day becomes one expression ("9 a.m. Tuesday");
5. two dates joined as a range ("from March to May") give the first the whole range's interval.
Each becomes a `TimeRef` with a TimeML value and the calendar interval it covers.
No spaCy here: the caller's parse reaches us only through the `direction` callback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from dateline.analyze import timex_lexicon as lex
from dateline.analyze import timex_readers as absolute
from dateline.analyze import timex_relative as relative
from dateline.analyze.timex_build import Context, Direction, Resolver, Span, unresolved
from dateline.analyze.timex_calendar import resolve_month_day, resolve_weekday  # noqa: F401 (public API)
from dateline.model import TimeRef

READERS: dict[str, Callable[[re.Match, Span], Resolver | None]] = {
    "iso": absolute.read_iso,
    "numeric_date": absolute.read_numeric_date,
    "month_day": absolute.read_month_day,
    "month": absolute.read_month,
    "holiday": absolute.read_holiday,
    "season": absolute.read_season,
    "quarter": absolute.read_quarter,
    "half": absolute.read_half,
    "fiscal_year": absolute.read_fiscal_year,
    "year_range": absolute.read_year_range,
    "decade": absolute.read_decade,
    "century": absolute.read_century,
    "year": absolute.read_year,
    "era_year": absolute.read_era_year,
    "day_word": relative.read_day_word,
    "weekday": relative.read_weekday,
    "weekend": relative.read_weekend,
    "clock": relative.read_clock,
    "relative": relative.read_relative,
    "year_ago": relative.read_year_ago,
    "period_noun": relative.read_period_noun,
    "counted": relative.read_counted,
    "in_future": lambda match, span: relative.read_count_from_now(match, span, 1, may_be_duration=True),
    "narrative_unit": relative.read_narrative_unit,
    "narrative_day": relative.read_narrative_day,
    "reference": relative.read_reference,
    "set_every": relative.read_set_every,
    "set_word": relative.read_set_word,
    "set_frequency": relative.read_set_frequency,
    "duration": relative.read_duration,
}
# Text allowed between a clock time and its day ("5 p.m. EST, Nov. 6", "Tuesday at 9 a.m.").
CLOCK_DAY_GAP = re.compile(r"\s*,?\s*(?:(?:on|at|of)\s+)?$")
RANGE_GAP = re.compile(rf"\s*(?:{lex.alternation(lex.RANGE_JOINERS, ignore_case=True)})\s*$")
RANGE_OPENER = re.compile(rf"\b(?:{lex.alternation(lex.RANGE_OPENERS, ignore_case=True)})\s+$")
CALENDAR_TYPES = ("DATE", "TIME")


@dataclass(slots=True)
class Reading:
    span: Span
    rank: tuple[int, int, int, int]
    resolve: Resolver


def find_times(text: str, anchor: date | None, direction: Direction | None = None) -> list[TimeRef]:
    """Time expressions in `text`, sorted by start and non-overlapping, resolved against `anchor`."""
    context = Context(anchor, direction)
    refs = []
    for reading in settle_overlaps(collect_readings(text)):
        ref = _resolved(reading, context)
        if ref.first_day is not None and ref.precision is not None and ref.type in CALENDAR_TYPES:
            context.narrative = ref
        refs.append(ref)
    return join_ranges(text, join_clock_and_day(text, refs))


def _resolved(reading: Reading, context: Context) -> TimeRef:
    """The reading resolved against the context; a date counted off the calendar ("2,500 years
    ago" is before year 1) keeps no value rather than failing the article."""
    try:
        return reading.resolve(context)
    except (ValueError, OverflowError):
        return unresolved(reading.span, "XXXX", None)


def timeref_json(ref: TimeRef) -> dict:
    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    return {"start": ref.start, "end": ref.end, "text": ref.text, "type": ref.type, "value": ref.value,
            "first_day": iso(ref.first_day), "last_day": iso(ref.last_day), "precision": ref.precision,
            "basis": ref.basis, "anchor": iso(ref.anchor)}


def collect_readings(text: str) -> list[Reading]:
    readings = []
    for name, pattern in lex.COMPILED_PATTERNS.items():
        reader = READERS[lex.RULE_READERS[name]]
        for match in pattern.finditer(text):
            start, end = match.span("t")
            while end > start and text[end - 1] in " ,":
                end -= 1  # a rule's optional tail may stop on a space or a comma
            span = Span(start, end, text[start:end])
            resolver = reader(match, span)
            if resolver is not None:
                rank = (start - end, match.start() - match.end(), lex.RULE_PRIORITY[name], start)
                readings.append(Reading(span, rank, resolver))
    return readings


def settle_overlaps(readings: list[Reading]) -> list[Reading]:
    chosen: list[Reading] = []
    for reading in sorted(readings, key=lambda r: r.rank):
        if all(reading.span.end <= c.span.start or reading.span.start >= c.span.end for c in chosen):
            chosen.append(reading)
    return sorted(chosen, key=lambda r: r.span.start)


def clock_of(ref: TimeRef) -> str | None:
    """The "T09:00" of a bare clock time (a TIME at day precision whose value ends in hh:mm)."""
    found = re.search(r"T\d\d:\d\d$", ref.value)
    return found.group(0) if ref.type == "TIME" and found else None


def is_plain_day(ref: TimeRef) -> bool:
    return ref.type == "DATE" and ref.precision == "day" and "T" not in ref.value


def join_clock_and_day(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """ "9 a.m. Tuesday", "Tuesday at 9 a.m.": one TIME on that day."""
    joined: list[TimeRef] = []
    for ref in refs:
        previous = joined[-1] if joined else None
        if previous is not None and CLOCK_DAY_GAP.match(text[previous.end:ref.start]):
            clock, day = (clock_of(previous), ref) if clock_of(previous) else (clock_of(ref), previous)
            if clock and is_plain_day(day):
                joined[-1] = replace(day, start=previous.start, end=ref.end, text=text[previous.start:ref.end],
                                     type="TIME", value=day.value + clock)
                continue
        joined.append(ref)
    return joined


def is_range(text: str, first: TimeRef, second: TimeRef) -> bool:
    if first.type not in CALENDAR_TYPES or second.type not in CALENDAR_TYPES:
        return False
    if first.first_day is None or second.last_day is None:
        return False
    gap = text[first.end:second.start]
    if len(gap) > 12 or not RANGE_GAP.match(gap):
        return False
    # "in 2019 and 2021" names two years; "between 2019 and 2021" one range.
    return gap.strip().lower() not in ("and", "to") or \
        bool(RANGE_OPENER.search(text[max(0, first.start - 12):first.start]))


def placed_before(first: TimeRef, second: TimeRef) -> TimeRef:
    """ "from November to January 2022": the yearless start takes its year from the end."""
    year = second.first_day.year
    if (first.first_day.month, first.first_day.day) > (second.first_day.month, second.first_day.day):
        year -= 1
    try:
        first_day, last_day = first.first_day.replace(year=year), first.last_day.replace(year=year)
    except ValueError:  # February 29
        return first
    return replace(first, value=f"{year:04d}{first.value[4:]}", first_day=first_day, last_day=last_day,
                   basis="absolute", anchor=None)


def join_ranges(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """ "from March to May", "between 1996 and 2001": the first date's interval runs to the end of
    the second, so an event tied to the range spans it; each keeps its own TimeML value."""
    for i in range(len(refs) - 1):
        first, second = refs[i], refs[i + 1]
        if not is_range(text, first, second):
            continue
        if first.basis == "publication-relative" and second.basis == "absolute" and \
                first.precision in ("day", "month") and first.precision == second.precision:
            first = placed_before(first, second)
        if second.last_day > first.last_day:
            refs[i] = replace(first, last_day=second.last_day)
    return refs
