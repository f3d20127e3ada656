"""The last two steps of `find_times`, over the resolved expressions in text order: a clock time
next to its day becomes one TIME ("9 a.m. Tuesday"), and a range of two dates ("from March to May")
gives the first date the whole range's interval."""
from __future__ import annotations

import re
from dataclasses import replace

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import CALENDAR_TYPES
from dateline.model import TimeRef

# Text allowed between a clock time and its day ("5 p.m. EST, Nov. 6", "Tuesday at 9 a.m.").
CLOCK_DAY_GAP = re.compile(r"\s*,?\s*(?:(?:on|at|of)\s+)?$")
RANGE_GAP = re.compile(rf"\s*(?:{lex.alternation(lex.RANGE_JOINERS, ignore_case=True)})\s*$")
RANGE_OPENER = re.compile(rf"\b(?:{lex.alternation(lex.RANGE_OPENERS, ignore_case=True)})\s+$")


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
